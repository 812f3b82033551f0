import { Client } from 'pg';
import { LiveDeliveryService } from '../../../src/modules/live/live-delivery.service';
import { OutboxPublisher } from '../../../src/modules/live/outbox-publisher.service';
import { createOrganization, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { connectLive, quiet, type LiveClient } from '../../support/live-client';

/**
 * The publisher against real PostgreSQL transactions: events are written by
 * separate sessions (as other replicas' requests would be), committed or
 * rolled back in an order the test controls.
 */
describe('outbox publisher', () => {
  let t: TestApp;
  let url: string;
  let owner: TestUser;
  let orgId: string;
  const sessions: Client[] = [];
  const clients: LiveClient[] = [];

  const session = async (): Promise<Client> => {
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    sessions.push(client);
    return client;
  };

  /** Inserts one event for the organisation in this session's open transaction; returns its id. */
  const insertEvent = async (db: Client, label: string, occurredAt = 'now()'): Promise<number> => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO events (type, occurred_at, org_ids, payload) VALUES ('need.updated', ${occurredAt}, ARRAY[$1]::uuid[], jsonb_build_object('needId', $2::text, 'organizationId', $1::text, 'status', 'open')) RETURNING id`,
      [orgId, label],
    );
    return Number(rows[0].id);
  };

  const labels = (client: LiveClient): string[] => client.events.map((e) => (e.data as { needId: string }).needId);
  const position = async (): Promise<number> =>
    Number((await t.db.query<{ position: string }>("SELECT position FROM outbox_cursor WHERE name = 'events'"))[0]?.position ?? 0);

  // A fresh socket starts at the publisher's position: settle first, so earlier writes are not still on their way to it.
  const listen = async (lastEventId?: number): Promise<LiveClient> => {
    await t.app.get(OutboxPublisher).settle();
    const client = await connectLive(url, { token: owner.accessToken, ...(lastEventId === undefined ? {} : { lastEventId }) });
    clients.push(client);
    await client.waitForReplayDone();
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
    owner = await registerUser(t, { displayName: '机构负责人' });
    orgId = await createOrganization(t, owner);
    await t.app.get(OutboxPublisher).settle();
  });

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(sessions.splice(0).map((s) => s.end()));
  });

  afterAll(async () => {
    await t.close();
  });

  it('should hold a later id back until an earlier transaction commits and then publish both in id order exactly once', async () => {
    const client = await listen();
    const before = await position();
    const [early, late] = [await session(), await session()];
    await early.query('BEGIN');
    const earlyId = await insertEvent(early, 'early');
    await late.query('BEGIN');
    const lateId = await insertEvent(late, 'late');
    expect(lateId).toBe(earlyId + 1);
    await late.query('COMMIT');

    await quiet();
    expect(client.events).toEqual([]);
    expect(await position()).toBe(before);

    await early.query('COMMIT');
    await client.waitForEvents(2);
    await quiet();
    expect(client.events.map((e) => e.eventId)).toEqual([earlyId, lateId]);
    expect(labels(client)).toEqual(['early', 'late']);
    expect(await position()).toBe(lateId);
  });

  it('should publish past an id whose transaction rolled back and never publish that id', async () => {
    const client = await listen();
    const [doomed, kept] = [await session(), await session()];
    await doomed.query('BEGIN');
    const doomedId = await insertEvent(doomed, 'doomed');
    await kept.query('BEGIN');
    const keptId = await insertEvent(kept, 'kept');
    await kept.query('COMMIT');
    await quiet();
    expect(client.events).toEqual([]);

    await doomed.query('ROLLBACK');
    await client.waitForEvents(1);
    await quiet();
    expect(client.events.map((e) => e.eventId)).toEqual([keptId]);
    expect(labels(client)).toEqual(['kept']);
    expect(doomedId).toBe(keptId - 1);
    expect(await position()).toBe(keptId);
  });

  it('should not wait for an open transaction that never wrote an event when resolving a gap', async () => {
    const client = await listen();
    const [bystander, doomed, kept] = [await session(), await session(), await session()];
    // A long transaction with a transaction id (it wrote something), but not to the outbox.
    await bystander.query('BEGIN');
    await bystander.query('SELECT pg_current_xact_id()');
    await doomed.query('BEGIN');
    await insertEvent(doomed, 'doomed');
    await kept.query('BEGIN');
    const keptId = await insertEvent(kept, 'kept');
    await kept.query('COMMIT');
    await doomed.query('ROLLBACK');

    await client.waitForEvents(1, 3000);
    expect(labels(client)).toEqual(['kept']);
    expect(client.events[0].eventId).toBe(keptId);
    await bystander.query('ROLLBACK');
  });

  it('should publish every event exactly once in id order when many transactions commit in shuffled order', async () => {
    const client = await listen();
    const writers = await Promise.all(Array.from({ length: 8 }, () => session()));
    const ids: number[] = [];
    for (const [i, w] of writers.entries()) {
      await w.query('BEGIN');
      ids.push(await insertEvent(w, `w${i}`));
    }
    // Commit in reverse, roll back two of them, and give the publisher a poll between each step.
    const rolledBack = new Set([2, 5]);
    for (let i = writers.length - 1; i >= 0; i -= 1) {
      await writers[i].query(rolledBack.has(i) ? 'ROLLBACK' : 'COMMIT');
      await quiet(250);
    }
    const expected = ids.filter((_, i) => !rolledBack.has(i));
    await client.waitForEvents(expected.length);
    await quiet();
    expect(client.events.map((e) => e.eventId)).toEqual(expected);
  });

  it('should replay from the table after a reconnect without the ids of rolled-back transactions', async () => {
    const first = await listen();
    const writer = await session();
    const a = await insertEvent(writer, 'a');
    await first.waitForEvents(1);
    first.close();

    await writer.query('BEGIN');
    await insertEvent(writer, 'rolled-back');
    await writer.query('ROLLBACK');
    const b = await insertEvent(writer, 'b');
    const c = await insertEvent(writer, 'c');
    await t.app.get(OutboxPublisher).settle();

    const again = await listen(a);
    expect(again.replayDone[0]).toEqual({ lastEventId: c, replayed: 2, truncated: false });
    expect(again.events.map((e) => e.eventId)).toEqual([b, c]);
  });

  it('should prune published events older than the retention and flag a replay from before them as truncated', async () => {
    const writer = await session();
    const lastOld = await insertEvent(writer, 'old');
    const publisher = t.app.get(OutboxPublisher);
    await publisher.settle();
    // A week and a day pass for everything written so far.
    await t.db.query("UPDATE events SET occurred_at = occurred_at - interval '8 days'");
    const fresh = await insertEvent(writer, 'fresh');
    const notYetOld = await insertEvent(writer, 'old-but-after-fresh', "now() - interval '8 days'");
    await publisher.settle();
    expect(await position()).toBe(notYetOld);

    const [{ n: oldCount }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id <= $1', [lastOld]);
    const deleted = await publisher.pruneNow();
    // Only the prefix of ids before the first recent event goes; an old event behind a recent one waits its turn.
    const remaining = await t.db.query<{ id: string }>('SELECT id FROM events ORDER BY id');
    expect(remaining.map((r) => Number(r.id))).toEqual([fresh, notYetOld]);
    expect(deleted).toBe(oldCount);
    expect((await t.db.query<{ pruned_through: string }>('SELECT pruned_through FROM outbox_cursor'))[0].pruned_through).toBe(
      String(lastOld),
    );

    const behind = await listen(lastOld - 1);
    expect(behind.replayDone[0]).toEqual({ lastEventId: notYetOld, replayed: 2, truncated: true });
    expect(labels(behind)).toEqual(['fresh', 'old-but-after-fresh']);
    const current = await listen(lastOld);
    expect(current.replayDone[0]).toEqual({ lastEventId: notYetOld, replayed: 2, truncated: false });
  });

  it('should drop a batch sent again after a publisher takeover when this replica already delivered it', async () => {
    const client = await listen();
    const writer = await session();
    const id = await insertEvent(writer, 'once');
    await client.waitForEvents(1);
    const [copy] = client.events;
    // What a new publisher does first: send the last batch again, in case its predecessor died before sending it.
    t.app.get(LiveDeliveryService).publish({ after: copy.eventId - 1, events: [{ envelope: copy, rooms: [`org:${orgId}`] }] });
    const next = await insertEvent(writer, 'next');
    await client.waitForEvents(2);
    await quiet();
    expect(client.events.map((e) => e.eventId)).toEqual([id, next]);
  });

  it('should start afresh and say truncated when a client brings an id this stream never handed out', async () => {
    const stranger = await listen((await position()) + 1000);
    expect(stranger.replayDone[0]).toEqual({ lastEventId: await position(), replayed: 0, truncated: true });
    const writer = await session();
    const next = await insertEvent(writer, 'next');
    await stranger.waitForEvents(1);
    expect(stranger.events.map((e) => e.eventId)).toEqual([next]);
  });
});
