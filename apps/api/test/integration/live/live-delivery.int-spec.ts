import { LiveDeliveryService } from '../../../src/modules/live/live-delivery.service';
import { OutboxPublisher } from '../../../src/modules/live/outbox-publisher.service';
import { createOrganization, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { connectLive, quiet, type LiveClient } from '../../support/live-client';

/**
 * A replica whose publisher runs elsewhere: batches reach it through Redis
 * pub/sub, which may drop one (an outage). The replica must notice from the
 * batch's starting position and read what it missed from the table.
 */
describe('live delivery on a replica that missed a batch', () => {
  let t: TestApp;
  let owner: TestUser;
  let orgId: string;
  let client: LiveClient;

  beforeAll(async () => {
    t = await startTestApp();
    const url = await t.listen();
    owner = await registerUser(t, { displayName: '机构负责人' });
    orgId = await createOrganization(t, owner);
    await t.app.get(OutboxPublisher).settle();
    // From here on the publisher is "on another replica": this one only receives.
    await t.app.get(OutboxPublisher).onModuleDestroy();
    client = await connectLive(url, { token: owner.accessToken });
    await client.waitForReplayDone();
  });

  afterAll(async () => {
    client.close();
    await t.close();
  });

  it('should read events it missed from the outbox first when a batch arrives that starts above what it delivered', async () => {
    const rows = await t.db.query<{ id: string; occurred_at: Date }>(
      `INSERT INTO events (type, org_ids, payload)
       SELECT 'need.updated', ARRAY[$1]::uuid[], jsonb_build_object('needId', 'n-' || n, 'organizationId', $1::text, 'status', 'open')
         FROM generate_series(1, 3) AS n
       RETURNING id, occurred_at`,
      [orgId],
    );
    const [id1, id2, id3] = rows.map((r) => Number(r.id));
    // What the remote publisher stored before sending its batches (1..2) and (3); only the second one arrives.
    await t.db.query("UPDATE outbox_cursor SET position = $1, previous_position = $2 WHERE name = 'events'", [id3, id2]);
    const delivery = t.app.get(LiveDeliveryService);
    const third = {
      eventId: id3,
      type: 'need.updated' as const,
      occurredAt: rows[2].occurred_at.toISOString(),
      data: { needId: 'n-3', organizationId: orgId, status: 'open' as const },
    };
    delivery.publish({ after: id2, events: [{ envelope: third, rooms: [`org:${orgId}`] }] });
    // The same batch again (a takeover re-send) changes nothing.
    delivery.publish({ after: id2, events: [{ envelope: third, rooms: [`org:${orgId}`] }] });
    await delivery.idle();

    await client.waitForEvents(3);
    await quiet();
    expect(client.events.map((e) => e.eventId)).toEqual([id1, id2, id3]);
    expect(client.events.map((e) => (e.data as { needId: string }).needId)).toEqual(['n-1', 'n-2', 'n-3']);
  });
});
