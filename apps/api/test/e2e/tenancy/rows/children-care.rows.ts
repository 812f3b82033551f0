import { createChild, giveConsent } from '../../../factories/children.factory';
import { bulkVolunteers, createShiftNeed } from '../../../factories/engagement.factory';
import { bearer, type TestUser } from '../../../factories/identity.factory';
import type { Caller, MatrixRow, MatrixWorld, Target } from '../matrix';

type Ngo = MatrixWorld['ngoA'];
const ngoOf = (w: MatrixWorld, target: Target): Ngo => w.ngoOf(target === 'other' ? 'other' : 'own');

/** Owners, coordinators and staff of the child's NGO get `status`; everyone else 404 (the platform administrator included). */
const members = (status: number, staff = status): Record<Caller, number> => ({
  anonymous: 401,
  volunteer: 404,
  staff,
  coordinator: status,
  owner: status,
  csrManager: 404,
  admin: 404,
});
const nobody = members(404);

async function childOf(w: MatrixWorld, target: Target, scopes: string[] = []): Promise<{ ngo: Ngo; childId: string }> {
  const ngo = ngoOf(w, target);
  const childId = await createChild(w.t, ngo.coordinator, ngo.id);
  if (scopes.length > 0) await giveConsent(w.t, ngo.owner, childId, scopes);
  return { ngo, childId };
}

/** Shifts far enough apart that one volunteer's sign-ups never overlap. */
let offset = 0;
async function needWithShift(w: MatrixWorld, target: Target): Promise<{ ngo: Ngo; needId: string; shiftId: string }> {
  offset += 1;
  const ngo = ngoOf(w, target);
  const startsAt = new Date(Date.now() + (400 + offset * 3) * 24 * 3600_000);
  const need = await createShiftNeed(w.t, ngo.coordinator, ngo.id, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000) });
  return { ngo, ...need };
}

const CONSENT = { givenBy: '矩阵监护人', relation: '祖母', method: 'paper', scopes: ['service_delivery'], givenAt: '2026-03-01T10:00:00+08:00' };

// The care side of a file follows the file: the owning NGO's members by role, 404 for everyone else.
export const childrenCareRows: MatrixRow[] = [
  {
    route: 'GET /api/v1/children/:id/consent',
    prepare: async (w, target) => ({ path: `/api/v1/children/${(await childOf(w, target, ['service_delivery'])).childId}/consent` }),
    expect: { own: members(200), other: nobody },
  },
  {
    route: 'PUT /api/v1/children/:id/consent',
    prepare: async (w, target) => ({ path: `/api/v1/children/${(await childOf(w, target)).childId}/consent`, body: CONSENT }),
    expect: { own: members(200, 403), other: nobody },
  },
  {
    route: 'DELETE /api/v1/children/:id/consent',
    prepare: async (w, target) => ({ path: `/api/v1/children/${(await childOf(w, target, ['service_delivery'])).childId}/consent` }),
    expect: { own: members(200, 403), other: nobody },
  },
  {
    route: 'GET /api/v1/children/:id/services',
    prepare: async (w, target) => ({ path: `/api/v1/children/${(await childOf(w, target)).childId}/services` }),
    expect: { own: members(200), other: nobody },
  },
  {
    route: 'POST /api/v1/children/:id/services',
    prepare: async (w, target) => ({
      path: `/api/v1/children/${(await childOf(w, target)).childId}/services`,
      body: { kind: 'family_visit', date: '2026-03-05' },
    }),
    expect: { own: members(201), other: nobody },
  },
  {
    route: 'GET /api/v1/children/:id/assessments',
    prepare: async (w, target) => ({ path: `/api/v1/children/${(await childOf(w, target)).childId}/assessments` }),
    expect: { own: members(200), other: nobody },
  },
  {
    route: 'POST /api/v1/children/:id/assessments',
    prepare: async (w, target) => ({
      path: `/api/v1/children/${(await childOf(w, target)).childId}/assessments`,
      body: { kind: 'academic', date: '2026-03-05', score: 72 },
    }),
    expect: { own: members(201), other: nobody },
  },
  {
    route: 'GET /api/v1/children/:id/timeline',
    prepare: async (w, target) => ({ path: `/api/v1/children/${(await childOf(w, target)).childId}/timeline` }),
    expect: { own: members(200), other: nobody },
  },
  {
    route: 'GET /api/v1/children/:id/follow-ups',
    prepare: async (w, target) => ({ path: `/api/v1/children/${(await childOf(w, target)).childId}/follow-ups` }),
    expect: { own: members(200), other: nobody },
  },
  {
    route: 'POST /api/v1/children/:id/follow-ups',
    prepare: async (w, target) => {
      const { ngo, childId } = await childOf(w, target);
      return { path: `/api/v1/children/${childId}/follow-ups`, body: { userId: ngo.staff.id, role: 'social_worker', contactEveryDays: 14 } };
    },
    expect: { own: members(201, 403), other: nobody },
  },
  {
    route: 'POST /api/v1/children/:id/follow-ups/:followUpId/end',
    prepare: async (w, target) => {
      const { ngo, childId } = await childOf(w, target);
      const created = await w.t
        .http()
        .post(`/api/v1/children/${childId}/follow-ups`)
        .set(bearer(ngo.coordinator))
        .send({ userId: ngo.staff.id, role: 'social_worker', contactEveryDays: 14 });
      return { path: `/api/v1/children/${childId}/follow-ups/${created.body.id}/end`, body: {} };
    },
    expect: { own: members(200, 403), other: nobody },
  },
  {
    route: 'GET /api/v1/needs/:id/beneficiaries',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${(await needWithShift(w, target)).needId}/beneficiaries` }),
    expect: { own: members(200), other: nobody },
  },
  {
    route: 'POST /api/v1/needs/:id/beneficiaries',
    prepare: async (w, target) => {
      const { needId } = await needWithShift(w, target);
      const { childId } = await childOf(w, target, ['service_delivery']);
      return { path: `/api/v1/needs/${needId}/beneficiaries`, body: { childIds: [childId] } };
    },
    expect: { own: members(200, 403), other: nobody },
  },
  {
    route: 'DELETE /api/v1/needs/:id/beneficiaries/:childId',
    prepare: async (w, target) => {
      const { ngo, needId } = await needWithShift(w, target);
      const { childId } = await childOf(w, target, ['service_delivery']);
      await w.t.http().post(`/api/v1/needs/${needId}/beneficiaries`).set(bearer(ngo.coordinator)).send({ childIds: [childId] });
      return { path: `/api/v1/needs/${needId}/beneficiaries/${childId}` };
    },
    expect: { own: members(200, 403), other: nobody },
  },
  {
    // Only the volunteer holding the confirmed sign-up reads its card; the NGO's own members included, everyone else 404.
    route: 'GET /api/v1/signups/:id/activity-card',
    prepare: async (w, target, caller) => {
      const { ngo, needId, shiftId } = await needWithShift(w, target);
      const { childId } = await childOf(w, target, ['service_delivery', 'share_with_volunteers']);
      await w.t.http().post(`/api/v1/needs/${needId}/beneficiaries`).set(bearer(ngo.coordinator)).send({ childIds: [childId] });
      const holder: TestUser = caller === 'volunteer' ? w.users.volunteer : (await bulkVolunteers(w.t, 1))[0];
      const signup = await w.t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(holder));
      return { path: `/api/v1/signups/${signup.body.id}/activity-card` };
    },
    expect: {
      own: { anonymous: 401, volunteer: 200, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 404 },
      other: { anonymous: 401, volunteer: 200, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 404 },
    },
  },
];
