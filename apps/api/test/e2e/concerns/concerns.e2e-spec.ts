import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChild } from '../../factories/children.factory';
import { CONCERN_TEXT_MARKER, concernText, raiseConcern } from '../../factories/concerns.factory';
import { createShiftNeed } from '../../factories/engagement.factory';
import { bearer, createOrganization, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, TEST_LOG_DIR, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;
const HOUR = 3600_000;

describe('safeguarding concerns: raising, the queue, the decision and closing', () => {
  let t: TestApp;
  let world: World;
  let admin: TestUser;
  let other: { id: string; owner: TestUser };
  let signedUp: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    admin = await loginAdmin(t);
    const otherOwner = await registerUser(t, { displayName: '另一机构负责人' });
    other = { id: await createOrganization(t, otherOwner), owner: otherOwner };
    signedUp = await registerUser(t, { displayName: '已报名志愿者' });
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const signup = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(signedUp));
    expect(signup.body.status).toBe('confirmed');
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (user: TestUser, body: Record<string, unknown>) => t.http().post('/api/v1/concerns').set(bearer(user)).send(body);
  const base = (overrides: Record<string, unknown> = {}) => ({
    organizationId: world.ngo.id,
    childDescription: '三年级女孩，奶奶照顾',
    category: 'neglect',
    description: concernText(),
    ...overrides,
  });

  it('should answer 201 open with a deadline 24 h away when a staff member raises a concern', async () => {
    const before = Date.now();
    const res = await post(world.ngo.staff, base());
    const after = Date.now();
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'open', ackDueAt: expect.any(String) });
    const due = Date.parse(res.body.ackDueAt as string);
    expect(due).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000);
    expect(due).toBeLessThanOrEqual(after + 24 * HOUR + 1000);
  });

  it('should set the deadline 1 h away when the child is in immediate danger', async () => {
    const before = Date.now();
    const res = await post(world.ngo.coordinator, base({ immediateDanger: true, category: 'sexual_abuse' }));
    const after = Date.now();
    expect(res.status).toBe(201);
    const due = Date.parse(res.body.ackDueAt as string);
    expect(due).toBeGreaterThanOrEqual(before + HOUR - 1000);
    expect(due).toBeLessThanOrEqual(after + HOUR + 1000);
  });

  it('should accept a concern from a volunteer with a confirmed sign-up and answer 404 to one without', async () => {
    expect((await post(signedUp, base({ category: 'bullying' }))).status).toBe(201);
    const stranger = await post(world.volunteer, base());
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('not_found');
  });

  it('should answer 404 when another NGO, a company or the platform administrator raises a concern in the NGO', async () => {
    for (const caller of [other.owner, world.company.owner, admin]) {
      expect((await post(caller, base())).status).toBe(404);
    }
  });

  it('should accept a child of the NGO and answer 404 naming childId for a child of another NGO', async () => {
    const own = await createChild(t, world.ngo.coordinator, world.ngo.id);
    const foreign = await createChild(t, other.owner, other.id);
    const ok = await post(world.ngo.staff, base({ childDescription: undefined, childId: own }));
    expect(ok.status).toBe(201);
    const res = await post(world.ngo.staff, base({ childDescription: undefined, childId: foreign }));
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'childId' })]);
  });

  it('should answer 400 naming the field when the category is unknown, the description empty or the child not given', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [base({ category: 'rumour' }), 'category'],
      [base({ description: '   ' }), 'description'],
      [base({ childDescription: undefined }), 'childDescription'],
      [base({ occurredAt: new Date(Date.now() + 48 * HOUR).toISOString() }), 'occurredAt'],
    ];
    for (const [body, field] of cases) {
      const res = await post(world.ngo.staff, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('should refuse closing a statutory concern without the report decision with 409 and allow it for bullying', async () => {
    const statutory = await raiseConcern(t, world.ngo.staff, world.ngo.id, { category: 'physical_abuse' });
    const refused = await t.http().post(`/api/v1/concerns/${statutory.id}/close`).set(bearer(world.ngo.owner)).send({ outcome: '已家访' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('report_decision_required');
    const state = await t.http().get(`/api/v1/concerns/${statutory.id}`).set(bearer(world.ngo.owner));
    expect(state.body.status).toBe('open');

    const bullying = await raiseConcern(t, world.ngo.staff, world.ngo.id, { category: 'bullying' });
    const closed = await t
      .http()
      .post(`/api/v1/concerns/${bullying.id}/close`)
      .set(bearer(world.ngo.coordinator))
      .send({ outcome: '已与学校沟通' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: '已与学校沟通', closedBy: world.ngo.coordinator.id });
  });

  it('should answer 400 naming authority or reason when the decision lacks them, then close once it is recorded', async () => {
    const c = await raiseConcern(t, world.ngo.staff, world.ngo.id, { category: 'domestic_violence' });
    const decide = (body: Record<string, unknown>) =>
      t.http().post(`/api/v1/concerns/${c.id}/report-decision`).set(bearer(world.ngo.owner)).send(body);
    const noAuthority = await decide({ reportedToAuthorities: true, reference: 'JJ-2026-118' });
    expect(noAuthority.status).toBe(400);
    expect(noAuthority.body.errors).toEqual([expect.objectContaining({ field: 'authority' })]);
    const noReason = await decide({ reportedToAuthorities: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const notBoolean = await decide({ reportedToAuthorities: 'yes', authority: 'x' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.errors.map((e: { field: string }) => e.field)).toContain('reportedToAuthorities');

    const ack = await t.http().post(`/api/v1/concerns/${c.id}/acknowledge`).set(bearer(world.ngo.coordinator));
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: world.ngo.coordinator.id });
    const ok = await decide({ reportedToAuthorities: true, authority: '邵阳县公安局塘渡口派出所', reference: 'JJ-2026-118' });
    expect(ok.status).toBe(200);
    expect(ok.body.reportDecision).toMatchObject({
      reportedToAuthorities: true,
      authority: '邵阳县公安局塘渡口派出所',
      reference: 'JJ-2026-118',
      reason: null,
      decidedBy: world.ngo.owner.id,
    });
    const closed = await t.http().post(`/api/v1/concerns/${c.id}/close`).set(bearer(world.ngo.owner)).send({ outcome: '已报警并转介' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const again = await t.http().post(`/api/v1/concerns/${c.id}/close`).set(bearer(world.ngo.owner)).send({ outcome: '再次' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');

    const audit = await t.db.query<{ action: string; diff: unknown }>(
      "SELECT action, diff FROM audit_log WHERE entity_type = 'concern' AND entity_id = $1 ORDER BY id",
      [c.id],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['concern.raised', 'concern.acknowledged', 'concern.report_decided', 'concern.closed']),
    );
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${CONCERN_TEXT_MARKER}|已报警并转介`));
  });

  it('should show the reporter the status only and everyone outside the leads 404', async () => {
    const c = await raiseConcern(t, signedUp, world.ngo.id, { category: 'emotional_wellbeing' });
    const mine = await t.http().get(`/api/v1/concerns/${c.id}`).set(bearer(signedUp));
    expect(mine.status).toBe(200);
    expect(Object.keys(mine.body).sort()).toEqual([
      'acknowledgedAt',
      'category',
      'closedAt',
      'createdAt',
      'id',
      'organizationId',
      'status',
    ]);
    expect(JSON.stringify(mine.body)).not.toContain(CONCERN_TEXT_MARKER);
    const list = await t.http().get('/api/v1/me/concerns').set(bearer(signedUp));
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: c.id, status: 'open' })]));
    expect(JSON.stringify(list.body)).not.toContain(CONCERN_TEXT_MARKER);

    const full = await t.http().get(`/api/v1/concerns/${c.id}`).set(bearer(world.ngo.owner));
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ id: c.id, description: concernText(), reporterUserId: signedUp.id, overdue: false });

    for (const outsider of [world.ngo.staff, other.owner, world.volunteer, admin]) {
      expect((await t.http().get(`/api/v1/concerns/${c.id}`).set(bearer(outsider))).status).toBe(404);
      expect((await t.http().post(`/api/v1/concerns/${c.id}/acknowledge`).set(bearer(outsider))).status).toBe(404);
    }
  });

  it('should list the queue for owners and coordinators, open first by deadline, and answer 404 to staff, other NGOs and the administrator', async () => {
    const list = (user: TestUser, query = '') => t.http().get(`/api/v1/organizations/${world.ngo.id}/concerns${query}`).set(bearer(user));
    for (const lead of [world.ngo.owner, world.ngo.coordinator]) {
      const res = await list(lead, '?status=open');
      expect(res.status).toBe(200);
      const dues = (res.body.data as Array<{ ackDueAt: string; status: string }>).map((r) => Date.parse(r.ackDueAt));
      expect(dues.length).toBeGreaterThan(1);
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      expect(res.body.total).toBe(dues.length);
      expect(JSON.stringify(res.body)).not.toContain(CONCERN_TEXT_MARKER);
    }
    const all = await list(world.ngo.owner, '?limit=2');
    expect(all.body.data).toHaveLength(2);
    const next = await list(world.ngo.owner, `?limit=200&cursor=${all.body.nextCursor as string}`);
    const seen = [...all.body.data, ...next.body.data].map((r: { id: string }) => r.id);
    expect(new Set(seen).size).toBe(all.body.total);
    const statuses = [...all.body.data, ...next.body.data].map((r: { status: string }) => r.status);
    expect(statuses.lastIndexOf('open')).toBeLessThan(statuses.indexOf('closed'));
    for (const outsider of [world.ngo.staff, other.owner, admin, world.volunteer]) expect((await list(outsider)).status).toBe(404);
  });

  it('should mark an open concern past its deadline overdue and announce it once when the queue is read', async () => {
    const c = await raiseConcern(t, world.ngo.staff, world.ngo.id, { category: 'missing', immediateDanger: true });
    await t.db.query(`UPDATE concerns SET ack_due_at = now() - interval '5 minutes' WHERE id = $1`, [c.id]);
    for (let i = 0; i < 2; i++) {
      const res = await t
        .http()
        .get(`/api/v1/organizations/${world.ngo.id}/concerns?status=open&limit=200`)
        .set(bearer(world.ngo.coordinator));
      expect(res.body.data.find((r: { id: string }) => r.id === c.id)).toMatchObject({ overdue: true, status: 'open' });
    }
    const events = await t.db.query<{ user_ids: string[]; payload: Record<string, unknown> }>(
      "SELECT user_ids, payload FROM events WHERE type = 'concern.overdue' AND payload->>'concernId' = $1",
      [c.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].user_ids).toEqual([world.ngo.owner.id]);
    expect(Object.keys(events[0].payload).sort()).toEqual(['ackDueAt', 'category', 'concernId', 'immediateDanger', 'organizationId']);
  });

  it('should store no concern text in plaintext and write none to the logs', async () => {
    const c = await raiseConcern(t, world.ngo.staff, world.ngo.id, {
      location: '村口小卖部后面的院子',
      occurredAt: new Date(Date.now() - HOUR).toISOString(),
    });
    const [row] = await t.db.query<{ text: string }>('SELECT c::text AS text FROM concerns c WHERE id = $1', [c.id]);
    expect(row.text).not.toContain(CONCERN_TEXT_MARKER);
    expect(row.text).not.toContain('村口小卖部');
    expect(row.text).not.toContain('四年级男孩');
    const events = await t.db.query<{ payload: unknown }>('SELECT payload FROM events');
    expect(JSON.stringify(events)).not.toContain(CONCERN_TEXT_MARKER);
    const logFile = join(TEST_LOG_DIR, `${t.db.name}.log`);
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(CONCERN_TEXT_MARKER);
    expect(log).not.toContain('村口小卖部');
  });
});
