import { TransactionRunner } from '../../../src/common/database/transaction-runner';
import { OutboxPublisher } from '../../../src/modules/live/outbox-publisher.service';
import { OutboxService } from '../../../src/modules/live/outbox.service';
import { addMember, bearer, createOrganization, createWorld, registerUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { connectLive, quiet, type LiveClient } from '../../support/live-client';

type World = Awaited<ReturnType<typeof createWorld>>;

describe('live replay after a reconnect', () => {
  let t: TestApp;
  let url: string;
  let world: World;
  const clients: LiveClient[] = [];

  // A fresh socket starts at the publisher's position: settle first, so earlier writes are not still on their way to it.
  const connect = async (token: string, lastEventId?: number): Promise<LiveClient> => {
    await t.app.get(OutboxPublisher).settle();
    const client = await connectLive(url, { token, ...(lastEventId === undefined ? {} : { lastEventId }) });
    clients.push(client);
    return client;
  };

  /** What the outbox holds for this user's rooms at connect (user room, organisation rooms) after `after`, in id order. */
  const visibleTo = async (userId: string, orgIds: string[], after: number): Promise<number[]> =>
    (
      await t.db.query<{ id: string }>(
        'SELECT id FROM events WHERE id > $1 AND (org_ids && $2::uuid[] OR $3::uuid = ANY(user_ids)) ORDER BY id',
        [after, orgIds, userId],
      )
    ).map((r) => Number(r.id));

  /** One need.updated event for the organisation, written through the outbox in its own transaction. */
  const emitFor = (orgId: string, label: string): Promise<void> =>
    t.app
      .get(TransactionRunner)
      .run((tx) =>
        t.app.get(OutboxService).emit(tx, 'need.updated', { needId: label, organizationId: orgId, status: 'open' }, { orgIds: [orgId] }),
      );

  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
    world = await createWorld(t);
  });

  afterEach(() => clients.splice(0).forEach((c) => c.close()));

  afterAll(async () => {
    await t.close();
  });

  it('should send every missed event of its rooms exactly once in order and then live ones when a client reconnects with lastEventId', async () => {
    const coordinator = world.ngo.coordinator;
    const first = await connect(coordinator.accessToken);
    await first.waitForReplayDone();
    await emitFor(world.ngo.id, 'seen-live');
    const [seen] = await first.waitForEvents(1);
    first.close();

    // While it is away: its organisation changes, another organisation changes, and it joins a third one.
    const newcomer = await registerUser(t, { displayName: '离线期间加入' });
    await addMember(t, world.ngo.owner, world.ngo.id, newcomer, 'staff');
    await emitFor(world.company.id, 'not-mine');
    const thirdOwner = await registerUser(t, { displayName: '第三机构负责人' });
    const thirdOrg = await createOrganization(t, thirdOwner);
    await addMember(t, thirdOwner, thirdOrg, coordinator, 'staff');
    await emitFor(world.ngo.id, 'missed-last');
    await t.app.get(OutboxPublisher).settle();
    const missed = await visibleTo(coordinator.id, [world.ngo.id, thirdOrg], seen.eventId);

    const again = await connect(coordinator.accessToken, seen.eventId);
    const done = await again.waitForReplayDone();
    expect(again.events.map((e) => e.eventId)).toEqual(missed);
    // The newcomer in its NGO; the third organisation's events (rooms are those it holds at connect); its NGO again.
    expect(again.events.map((e) => e.type)).toEqual([
      'membership.changed',
      'organization.created',
      'membership.changed',
      'organization.updated',
      'membership.changed',
      'need.updated',
    ]);
    expect(done).toEqual({ lastEventId: expect.any(Number), replayed: 6, truncated: false });
    expect(done.lastEventId).toBeGreaterThanOrEqual(missed[missed.length - 1]);

    await emitFor(thirdOrg, 'live-after');
    await again.waitForEvents(7);
    await quiet();
    expect(again.events.slice(5).map((e) => (e.data as { needId: string }).needId)).toEqual(['missed-last', 'live-after']);
    expect(again.events.map((e) => e.eventId)).toEqual(await visibleTo(coordinator.id, [world.ngo.id, thirdOrg], seen.eventId));
  });

  it('should have no gap and no duplicate across the switch when writes keep committing during a long replay', async () => {
    const owner = world.company.owner;
    const first = await connect(owner.accessToken);
    const { lastEventId: start } = await first.waitForReplayDone();
    first.close();

    // More than one replay page missed while away, written straight into the outbox.
    await t.db.query(
      `INSERT INTO events (type, org_ids, payload)
       SELECT 'need.updated', ARRAY[$1]::uuid[], jsonb_build_object('needId', 'offline-' || n, 'organizationId', $1::text, 'status', 'open')
         FROM generate_series(1, 1200) AS n`,
      [world.company.id],
    );
    await t.app.get(OutboxPublisher).settle();

    // Writers keep committing (in parallel, some for other organisations) while the client reconnects and replays.
    let writing = true;
    const writer = async (orgId: string, prefix: string): Promise<void> => {
      for (let i = 0; writing; i += 1) await emitFor(orgId, `${prefix}-${i}`);
    };
    const writers = [writer(world.company.id, 'a'), writer(world.company.id, 'b'), writer(world.ngo.id, 'other')];
    await quiet(100);
    const again = await connect(owner.accessToken, start);
    await again.waitForReplayDone(15_000);
    await quiet(300);
    writing = false;
    await Promise.all(writers);
    await t.app.get(OutboxPublisher).settle();

    const expected = await visibleTo(owner.id, [world.company.id], start);
    await again.waitForEvents(expected.length, 15_000);
    await quiet();
    const received = again.events.map((e) => e.eventId);
    expect(received.length).toBe(expected.length);
    expect(received).toEqual(expected);
    expect(new Set(received).size).toBe(received.length);
    expect(expected.length).toBeGreaterThan(1200);
    const live = again.events.filter((e) => !(e.data as { needId: string }).needId.startsWith('offline-'));
    expect(live.length).toBeGreaterThan(0);
    expect(again.events.some((e) => (e.data as { needId: string }).needId.startsWith('other-'))).toBe(false);
  });

  it('should start a client without lastEventId at the current position and send it only what happens after', async () => {
    const staff = world.ngo.staff;
    const client = await connect(staff.accessToken);
    const done = await client.waitForReplayDone();
    expect(done).toEqual({ lastEventId: expect.any(Number), replayed: 0, truncated: false });
    expect(client.events).toEqual([]);
    const res = await t
      .http()
      .post(`/api/v1/organizations/${world.ngo.id}/members`)
      .set(bearer(world.ngo.owner))
      .send({ login: (await registerUser(t)).login, role: 'staff' });
    expect(res.status).toBe(201);
    await client.waitForEvents(1);
    await quiet();
    expect(client.events).toHaveLength(1);
    expect(client.events[0].eventId).toBeGreaterThan(done.lastEventId);
  });
});
