import { DomainError } from '../../../src/common/errors/domain-error';
import { AuditService } from '../../../src/modules/audit/audit.service';
import { NeedsLifecycle, type NeedChange, type NeedsLifecycleListener, type ShiftChange } from '../../../src/modules/needs/needs-lifecycle';
import { bearer, createOrganization, registerUser, type TestUser } from '../../factories/identity.factory';
import { addShift, addShifts, beijingIn, publishedNeed, setStatus } from '../../factories/needs.factory';
import { startTestApp, type TestApp } from '../../support/app';

/**
 * The extension point other contexts (engagement) use: listeners run inside
 * the changing transaction, may refuse the change, write with it, and name
 * the volunteers the needs context's event must reach.
 */
describe('needs lifecycle listeners', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let volunteer: TestUser;
  let orgId: string;
  let unregister: (() => void) | null = null;
  const seen: Array<ShiftChange | NeedChange> = [];

  const listen = (listener: NeedsLifecycleListener): void => {
    unregister = t.app.get(NeedsLifecycle).register(listener);
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await registerUser(t, { displayName: '协调员' });
    volunteer = await registerUser(t, { displayName: '志愿者' });
    orgId = await createOrganization(t, coordinator);
  });

  afterEach(() => {
    unregister?.();
    unregister = null;
    seen.length = 0;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should tell listeners about every shift of a new series, in the creating transaction', async () => {
    listen({ shiftChanged: async (_tx, change) => void seen.push(change) });
    const need = await publishedNeed(t, coordinator, orgId);
    const res = await addShifts(t, coordinator, need.id, {
      rrule: 'FREQ=DAILY',
      startsAt: beijingIn(2, 19),
      endsAt: beijingIn(2, 20),
      capacity: 2,
      until: beijingIn(4, 23),
    });
    expect(res.status).toBe(201);
    expect(seen.map((c) => (c as ShiftChange).kind)).toEqual(['created', 'created', 'created']);
    expect(seen[0]).toMatchObject({
      needId: need.id,
      orgId,
      before: null,
      after: { capacity: 2, status: 'scheduled' },
      need: { status: 'open', childContact: true },
    });
  });

  it('should roll back a capacity change that a listener refuses, leaving no audit entry or event', async () => {
    const need = await publishedNeed(t, coordinator, orgId);
    const shift = await addShift(t, coordinator, need.id, 10);
    listen({
      shiftChanged: async (_tx, change) => {
        if (change.after.capacity < 4)
          throw new DomainError('capacity_below_confirmed', '4 volunteers are confirmed', [
            { field: 'capacity', message: 'must be at least 4', code: 'too_small' },
          ]);
      },
    });
    const res = await t.http().patch(`/api/v1/shifts/${shift.id}`).set(bearer(coordinator)).send({ capacity: 3 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('capacity_below_confirmed');
    expect((await t.db.query<{ capacity: number }>('SELECT capacity FROM shift_occupancy WHERE shift_id = $1', [shift.id]))[0].capacity).toBe(10);
    expect(await t.db.query("SELECT 1 FROM audit_log WHERE action = 'shift.updated' AND entity_id = $1", [shift.id])).toEqual([]);
    expect(
      await t.db.query("SELECT 1 FROM events WHERE type = 'shift.updated' AND payload->>'shiftId' = $1 AND payload->>'capacity' = '3'", [
        shift.id,
      ]),
    ).toEqual([]);
  });

  it('should tell listeners which fields of a shift changed when it is moved', async () => {
    const need = await publishedNeed(t, coordinator, orgId);
    const shift = await addShift(t, coordinator, need.id, 10, 6);
    listen({ shiftChanged: async (_tx, change) => void seen.push(change) });
    const res = await t
      .http()
      .patch(`/api/v1/shifts/${shift.id}`)
      .set(bearer(coordinator))
      .send({ startsAt: beijingIn(6, 10), endsAt: beijingIn(6, 12) });
    expect(res.status).toBe(200);
    expect(seen).toEqual([expect.objectContaining({ kind: 'updated', changed: ['startsAt', 'endsAt'], after: expect.objectContaining({ capacity: 10 }) })]);
  });

  it('should hand the cancelled shifts and the reason to listeners, whose writes commit with the cancellation', async () => {
    const need = await publishedNeed(t, coordinator, orgId);
    const shifts = [await addShift(t, coordinator, need.id, 5, 3), await addShift(t, coordinator, need.id, 5, 9)];
    const audit = t.app.get(AuditService);
    listen({
      needChanged: async (tx, change) => {
        seen.push(change);
        await audit.record(tx, { action: 'test.listener_wrote', entityType: 'need', entityId: change.needId });
        return { notifyUserIds: [volunteer.id] };
      },
    });
    const res = await setStatus(t, coordinator, need.id, 'cancelled', '道路塌方');
    expect(res.status).toBe(200);
    expect(seen).toEqual([
      {
        needId: need.id,
        orgId,
        previousStatus: 'open',
        rules: expect.objectContaining({ status: 'cancelled' }),
        reason: '道路塌方',
        cancelledShiftIds: shifts.map((s) => s.id),
      },
    ]);
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = 'test.listener_wrote' AND entity_id = $1", [need.id])).length).toBe(1);
    const [event] = await t.db.query<{ user_ids: string[] }>(
      `SELECT user_ids FROM events WHERE type = 'need.updated' AND payload->>'needId' = $1 AND payload->>'status' = 'cancelled'`,
      [need.id],
    );
    expect(event.user_ids).toEqual([volunteer.id]);
  });

  it('should leave the need open and its shifts scheduled when a listener fails during cancellation', async () => {
    const need = await publishedNeed(t, coordinator, orgId);
    const shift = await addShift(t, coordinator, need.id, 5, 3);
    listen({
      needChanged: async () => {
        throw new DomainError('conflict', 'not now');
      },
    });
    expect((await setStatus(t, coordinator, need.id, 'cancelled')).status).toBe(409);
    expect((await t.db.query<{ status: string }>('SELECT status FROM needs WHERE id = $1', [need.id]))[0].status).toBe('open');
    expect((await t.db.query<{ status: string }>('SELECT status FROM shifts WHERE id = $1', [shift.id]))[0].status).toBe('scheduled');
  });

  it('should tell listeners when the rules volunteers must meet change', async () => {
    const need = await publishedNeed(t, coordinator, orgId);
    listen({ needChanged: async (_tx, change) => void seen.push(change) });
    await t.http().patch(`/api/v1/needs/${need.id}`).set(bearer(coordinator)).send({ description: '只改描述' });
    expect(seen).toEqual([]);
    await t.http().patch(`/api/v1/needs/${need.id}`).set(bearer(coordinator)).send({ minAge: 18, childContact: false });
    expect(seen).toEqual([
      expect.objectContaining({
        needId: need.id,
        previousStatus: 'open',
        rules: expect.objectContaining({ minAge: 18, childContact: false, status: 'open' }),
      }),
    ]);
  });
});
