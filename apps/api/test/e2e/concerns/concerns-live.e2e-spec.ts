import { OutboxPublisher } from '../../../src/modules/live/outbox-publisher.service';
import { CONCERN_TEXT_MARKER, raiseConcern } from '../../factories/concerns.factory';
import { addMember, createOrganization, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { connectLive, quiet, type LiveClient } from '../../support/live-client';

type World = Awaited<ReturnType<typeof createWorld>>;

describe('safeguarding concerns: live escalation', () => {
  let t: TestApp;
  let url: string;
  let world: World;
  let other: { id: string; owner: TestUser; coordinator: TestUser };
  const clients: LiveClient[] = [];

  // A fresh socket starts at the publisher's position: settle first, so earlier writes are not still on their way to it.
  const connect = async (user: TestUser): Promise<LiveClient> => {
    await t.app.get(OutboxPublisher).settle();
    const client = await connectLive(url, { token: user.accessToken });
    clients.push(client);
    await client.waitForReplayDone();
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
    world = await createWorld(t);
    const [owner, coordinator] = await Promise.all([registerUser(t), registerUser(t)]);
    const id = await createOrganization(t, owner);
    await addMember(t, owner, id, coordinator, 'coordinator');
    other = { id, owner, coordinator };
  });

  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });

  afterAll(async () => {
    await t.close();
  });

  it("should send concern.raised to the NGO's owner and coordinator only, without text, when staff raises a concern", async () => {
    const [owner, coordinator, staff, otherOwner, otherCoordinator, volunteer] = await Promise.all([
      connect(world.ngo.owner),
      connect(world.ngo.coordinator),
      connect(world.ngo.staff),
      connect(other.owner),
      connect(other.coordinator),
      connect(world.volunteer),
    ]);
    const raised = await raiseConcern(t, world.ngo.staff, world.ngo.id, { category: 'sexual_abuse', immediateDanger: true });
    await Promise.all([owner.waitForEvents(1), coordinator.waitForEvents(1)]);
    await quiet();
    const expected = {
      eventId: expect.any(Number),
      type: 'concern.raised',
      occurredAt: expect.any(String),
      data: {
        concernId: raised.id,
        organizationId: world.ngo.id,
        category: 'sexual_abuse',
        immediateDanger: true,
        ackDueAt: raised.ackDueAt,
      },
    };
    expect(owner.events).toEqual([expected]);
    expect(coordinator.events).toEqual([expected]);
    for (const outsider of [staff, otherOwner, otherCoordinator, volunteer]) expect(outsider.events).toEqual([]);
    expect(JSON.stringify(owner.events)).not.toContain(CONCERN_TEXT_MARKER);
  });

  it('should replay concern.raised to the coordinator who was offline and never to staff', async () => {
    const { id } = await raiseConcern(t, world.ngo.staff, world.ngo.id, { category: 'bullying' });
    await t.app.get(OutboxPublisher).settle();
    const rows = await t.db.query<{ id: string }>("SELECT id FROM events WHERE type = 'concern.raised' AND payload->>'concernId' = $1", [
      id,
    ]);
    const before = Number(rows[0].id) - 1;
    const coordinator = await connectLive(url, { token: world.ngo.coordinator.accessToken, lastEventId: before });
    const staff = await connectLive(url, { token: world.ngo.staff.accessToken, lastEventId: before });
    clients.push(coordinator, staff);
    await Promise.all([coordinator.waitForReplayDone(), staff.waitForReplayDone()]);
    expect(coordinator.events.map((e) => e.type)).toContain('concern.raised');
    expect(staff.events.filter((e) => e.type === 'concern.raised')).toEqual([]);
  });
});
