import { JwtService } from '@nestjs/jwt';
import type { EventEnvelope } from '@kindred/contracts';
import type { Principal } from '../../../src/common/auth/principal';
import { TransactionRunner } from '../../../src/common/database/transaction-runner';
import { NEED_ACCESS, type NeedAccess, type NeedSubscription } from '../../../src/modules/live/need-access';
import { OutboxPublisher } from '../../../src/modules/live/outbox-publisher.service';
import { OutboxService } from '../../../src/modules/live/outbox.service';
import {
  addMember,
  bearer,
  createOrganization,
  createWorld,
  loginAdmin,
  registerUser,
  type TestUser,
} from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { connectLive, connectRefused, quiet, waitUntil, type LiveClient } from '../../support/live-client';

type World = Awaited<ReturnType<typeof createWorld>>;

describe('live gateway: handshake, rooms, subscriptions', () => {
  let t: TestApp;
  let url: string;
  let world: World;
  let otherNgo: { id: string; owner: TestUser };
  const clients: LiveClient[] = [];

  // A fresh socket starts at the publisher's position: settle first, so earlier writes are not still on their way to it.
  const connect = async (user: TestUser, lastEventId?: number): Promise<LiveClient> => {
    await t.app.get(OutboxPublisher).settle();
    const client = await connectLive(url, { token: user.accessToken, ...(lastEventId === undefined ? {} : { lastEventId }) });
    clients.push(client);
    await client.waitForReplayDone();
    return client;
  };

  /** The ids of the events of this type about this user, as committed in the outbox. */
  const eventIds = async (type: string, userId: string): Promise<number[]> =>
    (
      await t.db.query<{ id: string }>('SELECT id FROM events WHERE type = $1 AND $2::uuid = ANY(user_ids) ORDER BY id', [type, userId])
    ).map((r) => Number(r.id));

  const emit = (
    work: (outbox: OutboxService, tx: Parameters<Parameters<TransactionRunner['run']>[0]>[0]) => Promise<void>,
  ): Promise<void> => t.app.get(TransactionRunner).run((tx) => work(t.app.get(OutboxService), tx));

  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
    world = await createWorld(t);
    const owner = await registerUser(t, { displayName: '另一机构负责人' });
    otherNgo = { id: await createOrganization(t, owner), owner };
  });

  afterEach(() => {
    jest.restoreAllMocks();
    clients.splice(0).forEach((c) => c.close());
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse the handshake with connect_error unauthorized when the token is missing or invalid', async () => {
    expect(await connectRefused(url, {})).toEqual({ message: 'unauthorized', data: undefined });
    expect(await connectRefused(url, { token: 'not-a-jwt' })).toEqual({ message: 'unauthorized', data: undefined });
    const forged = new JwtService().sign(
      { sub: world.volunteer.id, sid: 'x', typ: 'access' },
      { secret: 'some-other-secret-0123456789abcdef012345', expiresIn: 60 },
    );
    expect(await connectRefused(url, { token: forged })).toEqual({ message: 'unauthorized', data: undefined });
  });

  it('should offer socket.io only over websocket at /socket.io when a client asks for long-polling', async () => {
    const polling = await t.http().get('/socket.io/?EIO=4&transport=polling');
    expect(polling.status).toBe(400);
    expect(polling.body).toEqual({ code: 0, message: 'Transport unknown' });
  });

  it('should refuse the handshake with unauthorized and code token_expired when the token has expired', async () => {
    const { sub, sid } = new JwtService().decode<{ sub: string; sid: string }>(world.volunteer.accessToken);
    const expired = new JwtService().sign(
      { sub, sid, typ: 'access', exp: Math.floor(Date.now() / 1000) - 5 },
      { secret: t.config.auth.jwtSecret },
    );
    expect(await connectRefused(url, { token: expired })).toEqual({ message: 'unauthorized', data: { code: 'token_expired' } });
  });

  it('should refuse a lastEventId that is not a non-negative integer', async () => {
    expect(await connectRefused(url, { token: world.volunteer.accessToken, lastEventId: 'abc' })).toEqual({
      message: 'invalid_last_event_id',
      data: undefined,
    });
    expect(await connectRefused(url, { token: world.volunteer.accessToken, lastEventId: -1 })).toEqual({
      message: 'invalid_last_event_id',
      data: undefined,
    });
  });

  it('should deliver an event to its organisation and its person exactly once and to no socket of another organisation', async () => {
    const newcomer = await registerUser(t, { displayName: '新成员' });
    const [coordinator, staff, companyOwner, employee, volunteer, otherOwner, newcomerSocket] = await Promise.all([
      connect(world.ngo.coordinator),
      connect(world.ngo.staff),
      connect(world.company.owner),
      connect(world.company.employee),
      connect(world.volunteer),
      connect(otherNgo.owner),
      connect(newcomer),
    ]);

    await addMember(t, world.ngo.owner, world.ngo.id, newcomer, 'staff');
    const [eventId] = await eventIds('membership.changed', newcomer.id);
    const expected: EventEnvelope = {
      eventId,
      type: 'membership.changed',
      occurredAt: expect.any(String) as unknown as string,
      data: { organizationId: world.ngo.id, userId: newcomer.id, role: 'staff' },
    };
    await Promise.all([coordinator, staff, newcomerSocket].map((c) => c.waitForEvents(1)));
    await quiet();
    expect(coordinator.events).toEqual([expected]);
    expect(staff.events).toEqual([expected]);
    expect(newcomerSocket.events).toEqual([expected]);
    for (const outsider of [companyOwner, employee, volunteer, otherOwner]) expect(outsider.events).toEqual([]);
  });

  it('should send an event once to a socket that is in both its organisation room and its user room', async () => {
    const coordinator = await connect(world.ngo.coordinator);
    const owner = await connect(world.ngo.owner);
    const res = await t
      .http()
      .patch(`/api/v1/organizations/${world.ngo.id}/members/${world.ngo.coordinator.id}`)
      .set(bearer(world.ngo.owner))
      .send({ role: 'staff' });
    expect(res.status).toBe(200);
    const ids = await eventIds('membership.changed', world.ngo.coordinator.id);
    const roleChange = ids[ids.length - 1];
    await Promise.all([coordinator.waitForEvents(1), owner.waitForEvents(1)]);
    await quiet();
    expect(coordinator.events.map((e) => [e.eventId, e.type])).toEqual([[roleChange, 'membership.changed']]);
    expect(owner.events.map((e) => e.eventId)).toEqual([roleChange]);
    // Put the coordinator back for the other tests.
    await t
      .http()
      .patch(`/api/v1/organizations/${world.ngo.id}/members/${world.ngo.coordinator.id}`)
      .set(bearer(world.ngo.owner))
      .send({ role: 'coordinator' });
  });

  it('should emit nothing when the transaction that wrote the event rolls back', async () => {
    const owner = await connect(world.ngo.owner);
    const marker = { needId: '00000000-0000-4000-8000-00000000abcd', organizationId: world.ngo.id, status: 'open' as const };
    await expect(
      emit(async (outbox, tx) => {
        await outbox.emit(tx, 'need.updated', { ...marker, status: 'cancelled' }, { orgIds: [world.ngo.id] });
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    await emit((outbox, tx) => outbox.emit(tx, 'need.updated', marker, { orgIds: [world.ngo.id] }));
    const rows = await t.db.query<{ id: string; status: string }>(
      "SELECT id, payload->>'status' AS status FROM events WHERE type = 'need.updated' AND payload->>'needId' = $1",
      [marker.needId],
    );
    expect(rows.map((r) => r.status)).toEqual(['open']);
    await owner.waitForEvents(1);
    await quiet();
    expect(owner.events.map((e) => [e.eventId, e.data])).toEqual([[Number(rows[0].id), marker]]);
  });

  it("should refuse a subscription to another organisation's unpublished need and admit the owning organisation's member", async () => {
    // A real need, decided by the needs context's own rule (the NEED_ACCESS it provides).
    const created = await t.http().post('/api/v1/needs').set(bearer(otherNgo.owner)).send({
      organizationId: otherNgo.id,
      type: 'tutoring',
      title: '周末作业辅导',
      description: '为留守儿童辅导作业',
      regionCode: '430524',
      childContact: false,
      requiredSkills: [],
    });
    expect(created.status).toBe(201);
    const needId = created.body.id as string;
    const coordinator = await connect(world.ngo.coordinator);
    const otherOwner = await connect(otherNgo.owner);
    expect(await coordinator.subscribe(needId)).toEqual({ ok: false, code: 'not_found' });
    expect(await otherOwner.subscribe(needId)).toEqual({ ok: true });
    expect(await coordinator.subscribe('00000000-0000-4000-8000-000000000001')).toEqual({ ok: false, code: 'not_found' });
    expect(await coordinator.subscribe('not-a-uuid')).toEqual({ ok: false, code: 'validation_failed' });

    // A need-only event reaches the subscriber and not the refused socket.
    await emit((outbox, tx) =>
      outbox.emit(tx, 'shift.updated', { shiftId: 'draft-shift', needId, capacity: 3, confirmedCount: 0, waitlistCount: 0 }, { needId }),
    );
    await otherOwner.waitForEvents(1);
    await quiet();
    expect(otherOwner.events.map((e) => e.type)).toEqual(['shift.updated']);
    expect(coordinator.events).toEqual([]);
  });

  it('should answer forbidden when the need policy forbids and deliver need events only to allowed subscribers', async () => {
    const ownNeed = '00000000-0000-4000-8000-0000000000a1';
    const foreignNeed = '00000000-0000-4000-8000-0000000000b2';
    const owners: Record<string, string> = { [ownNeed]: world.ngo.id, [foreignNeed]: otherNgo.id };
    // A stand-in policy (members of the owning organisation only), so that the gateway's answers can be checked for each decision.
    jest
      .spyOn(t.app.get<NeedAccess>(NEED_ACCESS), 'canSubscribe')
      .mockImplementation(async (principal: Principal, needId: string): Promise<NeedSubscription> => {
        const orgId = owners[needId];
        if (!orgId) return 'not_found';
        return principal.memberships.some((m) => m.organizationId === orgId) ? 'allowed' : 'forbidden';
      });
    const coordinator = await connect(world.ngo.coordinator);
    const otherOwner = await connect(otherNgo.owner);
    expect(await coordinator.subscribe(foreignNeed)).toEqual({ ok: false, code: 'forbidden' });
    expect(await coordinator.subscribe(ownNeed)).toEqual({ ok: true });
    expect(await otherOwner.subscribe(foreignNeed)).toEqual({ ok: true });
    expect(await otherOwner.subscribe('00000000-0000-4000-8000-0000000000c3')).toEqual({ ok: false, code: 'not_found' });

    // Need-only events (no organisation room): each reaches exactly the sockets subscribed to that need.
    await emit((outbox, tx) =>
      outbox.emit(
        tx,
        'shift.updated',
        { shiftId: 's1', needId: foreignNeed, capacity: 5, confirmedCount: 1, waitlistCount: 0 },
        { needId: foreignNeed },
      ),
    );
    await emit((outbox, tx) =>
      outbox.emit(
        tx,
        'shift.updated',
        { shiftId: 's2', needId: ownNeed, capacity: 5, confirmedCount: 2, waitlistCount: 0 },
        { needId: ownNeed },
      ),
    );
    await Promise.all([coordinator.waitForEvents(1), otherOwner.waitForEvents(1)]);
    await quiet();
    expect(coordinator.events.map((e) => (e.data as { shiftId: string }).shiftId)).toEqual(['s2']);
    expect(otherOwner.events.map((e) => (e.data as { shiftId: string }).shiftId)).toEqual(['s1']);
  });

  it("should stop sending an organisation's events to a member's open socket when the member is removed", async () => {
    const leaver = await registerUser(t, { displayName: '将离开的成员' });
    await addMember(t, world.ngo.owner, world.ngo.id, leaver, 'staff');
    const socket = await connect(leaver);
    const removed = await t.http().delete(`/api/v1/organizations/${world.ngo.id}/members/${leaver.id}`).set(bearer(world.ngo.owner));
    expect(removed.status).toBe(204);
    await socket.waitForEvents(1);
    expect(socket.events.map((e) => [e.type, (e.data as { role: unknown }).role])).toEqual([['membership.changed', null]]);
    await emit((outbox, tx) =>
      outbox.emit(
        tx,
        'need.updated',
        { needId: '00000000-0000-4000-8000-0000000000d4', organizationId: world.ngo.id, status: 'open' },
        { orgIds: [world.ngo.id] },
      ),
    );
    await quiet();
    expect(socket.events).toHaveLength(1);
  });

  it("should stop sending an organisation's events to its members' open sockets when the organisation is suspended", async () => {
    const owner = await registerUser(t, { displayName: '将被暂停机构负责人' });
    const orgId = await createOrganization(t, owner);
    const socket = await connect(owner);
    const suspended = await t
      .http()
      .post(`/api/v1/organizations/${orgId}/suspend`)
      .set(bearer(await loginAdmin(t)));
    expect(suspended.status).toBe(200);
    await socket.waitForEvents(1);
    expect(socket.events.map((e) => [e.type, e.data])).toEqual([['organization.updated', { organizationId: orgId, status: 'suspended' }]]);
    await emit((outbox, tx) =>
      outbox.emit(tx, 'need.updated', { needId: 'after-suspension', organizationId: orgId, status: 'open' }, { orgIds: [orgId] }),
    );
    await quiet();
    expect(socket.events).toHaveLength(1);
  });

  it('should tell the client session.expired and disconnect it when its access token runs out while connected', async () => {
    const { sub, sid } = new JwtService().decode<{ sub: string; sid: string }>(world.volunteer.accessToken);
    const shortLived = new JwtService().sign({ sub, sid, typ: 'access' }, { secret: t.config.auth.jwtSecret, expiresIn: 2 });
    const client = await connectLive(url, { token: shortLived });
    clients.push(client);
    await client.waitForReplayDone();
    expect(client.socket.connected).toBe(true);
    await waitUntil(() => client.disconnectReasons.length > 0, 5000, 'the server to disconnect the socket');
    expect(client.expired).toEqual([{ reason: 'token_expired' }]);
    expect(client.disconnectReasons).toEqual(['io server disconnect']);
  });
});
