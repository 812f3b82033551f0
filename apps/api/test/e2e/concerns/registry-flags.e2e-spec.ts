import { createChild } from '../../factories/children.factory';
import { bearer, createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

describe('safeguarding concerns opened by the registry (R7)', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const concernsOf = (childId: string) =>
    t.db.query<{ category: string; source: string; status: string; reporter_user_id: string }>(
      'SELECT category, source, status, reporter_user_id FROM concerns WHERE child_id = $1',
      [childId],
    );

  it('should open an unsafe_living concern in the same transaction when a child under 16 is registered living alone', async () => {
    const childId = await createChild(t, world.ngo.coordinator, world.ngo.id, {
      birthDate: '2015-04-12',
      livingArrangement: 'alone',
      idNumber: undefined,
    });
    expect(await concernsOf(childId)).toEqual([
      { category: 'unsafe_living', source: 'registry_flag', status: 'open', reporter_user_id: world.ngo.coordinator.id },
    ]);
    const queue = await t.http().get(`/api/v1/organizations/${world.ngo.id}/concerns`).set(bearer(world.ngo.owner));
    expect(queue.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ childId, childAlias: expect.stringMatching(/^C-/), source: 'registry_flag' })]),
    );
    const events = await t.db.query<{ user_ids: string[] }>(
      "SELECT e.user_ids FROM events e JOIN concerns c ON c.id::text = e.payload->>'concernId' WHERE e.type = 'concern.raised' AND c.child_id = $1",
      [childId],
    );
    expect(events).toHaveLength(1);
    expect([...events[0].user_ids].sort()).toEqual([world.ngo.owner.id, world.ngo.coordinator.id].sort());
  });

  it('should open a neglect concern when a de-facto unattended child is registered without a carer, and none with one', async () => {
    const alone = await createChild(t, world.ngo.coordinator, world.ngo.id, {
      categories: ['de_facto_unattended'],
      guardians: undefined,
      idNumber: undefined,
    });
    expect(await concernsOf(alone)).toEqual([expect.objectContaining({ category: 'neglect', source: 'registry_flag' })]);
    const cared = await createChild(t, world.ngo.coordinator, world.ngo.id, { categories: ['de_facto_unattended'], idNumber: undefined });
    expect(await concernsOf(cared)).toEqual([]);
  });

  it('should open nothing when a child of 16 lives alone or a younger child lives with grandparents', async () => {
    const sixteen = await createChild(t, world.ngo.coordinator, world.ngo.id, {
      birthDate: '2010-06-01',
      livingArrangement: 'alone',
      idNumber: undefined,
    });
    const withGrandparents = await createChild(t, world.ngo.coordinator, world.ngo.id, {
      livingArrangement: 'grandparents',
      idNumber: undefined,
    });
    expect(await concernsOf(sixteen)).toEqual([]);
    expect(await concernsOf(withGrandparents)).toEqual([]);
  });
});
