import { bulkVolunteers, createShiftNeed } from '../../factories/engagement.factory';
import { bearer, createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';

async function shiftCounts(db: TestDatabase, shiftId: string): Promise<{ confirmed: number; waitlisted: number }> {
  const [row] = await db.query<{ confirmed: number; waitlisted: number }>(
    'SELECT confirmed_count AS confirmed, waitlist_count AS waitlisted FROM shifts WHERE id = $1',
    [shiftId],
  );
  return row;
}

describe('seat counts after a crash', () => {
  let db: TestDatabase;
  let t: TestApp | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await t?.close();
    await db.drop();
  });

  it("should correct a shift's copied counts at start when a killed process left them stale", async () => {
    t = await startTestApp({}, db);
    const world = await createWorld(t);
    const startsAt = new Date(Date.now() + 9 * 24 * 3600_000);
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7200_000),
      capacity: 3,
    });
    const otherShift = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7200_000),
      capacity: 2,
    });
    const volunteers = await bulkVolunteers(t, 4);
    for (const volunteer of volunteers) {
      expect((await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer))).status).toBe(201);
    }
    await t.close();
    t = null;
    expect(await db.query('SELECT confirmed_count, waitlist_count FROM shift_seats WHERE shift_id = $1', [shiftId])).toEqual([
      { confirmed_count: 3, waitlist_count: 1 },
    ]);
    // What a process killed inside the mirror's window leaves behind: the seats moved, the copy did not.
    await db.query('UPDATE shifts SET confirmed_count = 2, waitlist_count = 0 WHERE id = $1', [shiftId]);
    const untouchedBefore = await db.query<{ updated_at: Date }>('SELECT updated_at FROM shifts WHERE id = $1', [otherShift.shiftId]);

    t = await startTestApp({}, db);

    expect(await shiftCounts(db, shiftId)).toEqual({ confirmed: 3, waitlisted: 1 });
    // Only shifts whose copy differs are written.
    expect(await db.query('SELECT updated_at FROM shifts WHERE id = $1', [otherShift.shiftId])).toEqual(untouchedBefore);
  });
});
