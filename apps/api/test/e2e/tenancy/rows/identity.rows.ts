import { createOrganization, registerUser, uniqueEmail, TEST_PASSWORD } from '../../../factories/identity.factory';
import { everySignedIn, type Caller, type MatrixRow, type MatrixWorld } from '../matrix';

const all = (status: number): Record<Caller, number> => ({ ...everySignedIn(status), anonymous: status });

/** A fresh member of the target NGO, so role changes and removals never disturb other rows. */
async function freshMember(world: MatrixWorld, target: 'own' | 'other'): Promise<string> {
  const ngo = world.ngoOf(target);
  const person = await registerUser(world.t);
  const res = await world.t.http().post(`/api/v1/organizations/${ngo.id}/members`).set({ Authorization: `Bearer ${ngo.owner.accessToken}` }).send({ login: person.login, role: 'staff' });
  if (res.status !== 201) throw new Error(`fresh member: ${res.status}`);
  return person.id;
}

// Members of the NGO see and manage its members by role; strangers get 404 (existence not revealed).
const memberRead = {
  own: { anonymous: 401, volunteer: 404, staff: 200, coordinator: 200, owner: 200, csrManager: 404, admin: 200 },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
};
const memberWrite = (ok: number) => ({
  own: { anonymous: 401, volunteer: 404, staff: 403, coordinator: 403, owner: ok, csrManager: 404, admin: ok },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: ok },
});
const adminOnly = { anonymous: 401, volunteer: 403, staff: 403, coordinator: 403, owner: 403, csrManager: 403, admin: 200 };

export const identityRows: MatrixRow[] = [
  { route: 'GET /api/v1/health', prepare: async () => ({ path: '/api/v1/health' }), expect: { none: all(200) } },
  {
    route: 'POST /api/v1/auth/register',
    prepare: async () => ({ path: '/api/v1/auth/register', body: { email: uniqueEmail(), password: TEST_PASSWORD, displayName: '新用户' } }),
    expect: { none: all(201) },
  },
  {
    route: 'POST /api/v1/auth/login',
    prepare: async (w) => {
      const u = await registerUser(w.t);
      return { path: '/api/v1/auth/login', body: { login: u.login, password: TEST_PASSWORD } };
    },
    expect: { none: all(200) },
  },
  {
    route: 'POST /api/v1/auth/refresh',
    prepare: async (w) => ({ path: '/api/v1/auth/refresh', body: { refreshToken: (await registerUser(w.t)).refreshToken } }),
    expect: { none: all(200) },
  },
  {
    route: 'POST /api/v1/auth/logout',
    prepare: async (w) => ({ path: '/api/v1/auth/logout', body: { refreshToken: (await registerUser(w.t)).refreshToken } }),
    expect: { none: all(204) },
  },
  { route: 'GET /api/v1/me', prepare: async () => ({ path: '/api/v1/me' }), expect: { none: everySignedIn(200) } },
  { route: 'PATCH /api/v1/me', prepare: async () => ({ path: '/api/v1/me', body: { locale: 'zh-CN' } }), expect: { none: everySignedIn(200) } },
  {
    route: 'POST /api/v1/organizations',
    prepare: async () => ({ path: '/api/v1/organizations', body: { kind: 'ngo', name: '矩阵测试机构', regionCode: '430524' } }),
    expect: { none: everySignedIn(201) },
  },
  { route: 'GET /api/v1/organizations', prepare: async () => ({ path: '/api/v1/organizations' }), expect: { none: everySignedIn(200) } },
  {
    // Verified organisations are public facts (they post needs); unverified ones are covered in organizations.e2e-spec.
    route: 'GET /api/v1/organizations/:id',
    prepare: async (w, target) => ({ path: `/api/v1/organizations/${w.ngoOf(target as 'own').id}` }),
    expect: { own: everySignedIn(200), other: everySignedIn(200) },
  },
  {
    route: 'POST /api/v1/organizations/:id/verify',
    prepare: async (w, target) => ({ path: `/api/v1/organizations/${await createOrganization(w.t, w.ngoOf(target as 'own').owner, { verified: false })}/verify` }),
    expect: { own: adminOnly, other: adminOnly },
  },
  {
    route: 'POST /api/v1/organizations/:id/suspend',
    prepare: async (w, target) => ({ path: `/api/v1/organizations/${await createOrganization(w.t, w.ngoOf(target as 'own').owner)}/suspend` }),
    expect: { own: adminOnly, other: adminOnly },
  },
  {
    route: 'GET /api/v1/organizations/:id/members',
    prepare: async (w, target) => ({ path: `/api/v1/organizations/${w.ngoOf(target as 'own').id}/members` }),
    expect: memberRead,
  },
  {
    route: 'POST /api/v1/organizations/:id/members',
    prepare: async (w, target) => ({
      path: `/api/v1/organizations/${w.ngoOf(target as 'own').id}/members`,
      body: { login: (await registerUser(w.t)).login, role: 'staff' },
    }),
    expect: memberWrite(201),
  },
  {
    route: 'PATCH /api/v1/organizations/:id/members/:userId',
    prepare: async (w, target) => ({
      path: `/api/v1/organizations/${w.ngoOf(target as 'own').id}/members/${await freshMember(w, target as 'own')}`,
      body: { role: 'coordinator' },
    }),
    expect: memberWrite(200),
  },
  {
    route: 'DELETE /api/v1/organizations/:id/members/:userId',
    prepare: async (w, target) => ({ path: `/api/v1/organizations/${w.ngoOf(target as 'own').id}/members/${await freshMember(w, target as 'own')}` }),
    expect: memberWrite(204),
  },
  {
    route: 'GET /api/v1/audit-log',
    prepare: async (w, target) => ({ path: `/api/v1/audit-log?organizationId=${w.ngoOf(target as 'own').id}` }),
    expect: {
      own: { anonymous: 401, volunteer: 404, staff: 403, coordinator: 403, owner: 200, csrManager: 404, admin: 200 },
      other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
    },
  },
];
