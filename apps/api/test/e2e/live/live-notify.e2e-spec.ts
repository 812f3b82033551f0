import { PUBLISHER_TIMING } from '../../../src/modules/live/outbox-publisher.service';
import { createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { connectLive } from '../../support/live-client';

describe('the publisher wakes on commits from anywhere', () => {
  let t: TestApp;
  const pollMs = PUBLISHER_TIMING.pollMs;

  beforeAll(async () => {
    // With the poll an hour long, only the commit notification can deliver in time.
    PUBLISHER_TIMING.pollMs = 3_600_000;
    t = await startTestApp();
    await t.listen();
  });

  afterAll(async () => {
    await t.close();
    PUBLISHER_TIMING.pollMs = pollMs;
  });

  it('should deliver an event committed by another process at once, and nothing for a rolled-back one', async () => {
    const world = await createWorld(t);
    const client = await connectLive(t.url!, { token: world.ngo.staff.accessToken });
    await client.waitForReplayDone();
    const insert = (payload: string) =>
      `INSERT INTO events (type, org_ids, user_ids, payload) VALUES ('organization.updated', ARRAY['${world.ngo.id}']::uuid[], '{}', '${payload}'::jsonb)`;
    // Another writer (as a second replica would be) on its own connection, bypassing this process entirely.
    await t.db.query('BEGIN');
    await t.db.query(insert(JSON.stringify({ organizationId: world.ngo.id, status: 'suspended' })));
    await t.db.query('ROLLBACK');
    await t.db.query(insert(JSON.stringify({ organizationId: world.ngo.id, status: 'verified' })));
    const [event] = await client.waitForEvents(1, 5_000);
    expect(event).toMatchObject({ type: 'organization.updated', data: { organizationId: world.ngo.id, status: 'verified' } });
    expect(client.events).toHaveLength(1);
    client.close();
  });
});
