import { registerUser, type TestUser } from '../../../factories/identity.factory';
import { CURRENT_CODE_OF_CONDUCT, PROFILE, putProfile, recordCheck } from '../../../factories/volunteers.factory';
import { everySignedIn, type Caller, type MatrixRow, type MatrixWorld } from '../matrix';

const all = (status: number): Record<Caller, number> => ({ ...everySignedIn(status), anonymous: status });

/** The caller's own profile exists before the request (anonymous callers have none and get 401 anyway). */
async function ensureProfile(world: MatrixWorld, caller: Caller): Promise<void> {
  if (caller === 'anonymous') return;
  const res = await putProfile(world.t, world.users[caller]);
  if (res.status !== 200) throw new Error(`profile: ${res.status}`);
}

const bystanders = new WeakMap<MatrixWorld, TestUser>();
/** A volunteer who is none of the callers, with a check on file. */
async function checkedVolunteer(world: MatrixWorld): Promise<TestUser> {
  let bystander = bystanders.get(world);
  if (!bystander) {
    bystander = await registerUser(world.t, { displayName: '被查询的志愿者' });
    await recordCheck(world.t, world.ngoA.coordinator, bystander.id, { organizationId: world.ngoA.id });
    bystanders.set(world, bystander);
  }
  return bystander;
}

// Owners and coordinators of a verified NGO record checks; nobody else does (administrators included).
const recorders = { anonymous: 401, volunteer: 403, staff: 403, coordinator: 201, owner: 201, csrManager: 403, admin: 403 };
// Coordinators of verified NGOs and administrators see a volunteer's standing; others may not ask.
const standingReaders = { anonymous: 401, volunteer: 403, staff: 403, coordinator: 200, owner: 200, csrManager: 403, admin: 200 };
const adminOnly = { anonymous: 401, volunteer: 403, staff: 403, coordinator: 403, owner: 403, csrManager: 403, admin: 200 };

export const volunteersRows: MatrixRow[] = [
  { route: 'GET /api/v1/skills', prepare: async () => ({ path: '/api/v1/skills' }), expect: { none: all(200) } },
  { route: 'GET /api/v1/code-of-conduct', prepare: async () => ({ path: '/api/v1/code-of-conduct' }), expect: { none: all(200) } },
  {
    route: 'PUT /api/v1/me/volunteer-profile',
    prepare: async () => ({ path: '/api/v1/me/volunteer-profile', body: PROFILE }),
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'GET /api/v1/me/volunteer-profile',
    prepare: async (w, _target, caller) => {
      await ensureProfile(w, caller);
      return { path: '/api/v1/me/volunteer-profile' };
    },
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'POST /api/v1/me/code-of-conduct/accept',
    prepare: async (w, _target, caller) => {
      await ensureProfile(w, caller);
      return { path: '/api/v1/me/code-of-conduct/accept', body: { version: CURRENT_CODE_OF_CONDUCT } };
    },
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'POST /api/v1/volunteers/:userId/safeguarding-checks',
    prepare: async (w) => ({
      path: `/api/v1/volunteers/${(await registerUser(w.t)).id}/safeguarding-checks`,
      // Other rows may give the callers more organisations: name the one recording.
      body: {
        kind: 'entry_inquiry',
        result: 'clear',
        checkedAt: new Date(Date.now() - 86_400_000).toISOString(),
        organizationId: w.ngoA.id,
      },
    }),
    expect: { none: recorders },
  },
  {
    route: 'GET /api/v1/volunteers/:userId/safeguarding',
    prepare: async (w) => ({ path: `/api/v1/volunteers/${(await checkedVolunteer(w)).id}/safeguarding` }),
    expect: { none: standingReaders },
  },
  {
    route: 'GET /api/v1/me/safeguarding',
    prepare: async () => ({ path: '/api/v1/me/safeguarding' }),
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'GET /api/v1/safeguarding-checks/blocking',
    prepare: async () => ({ path: '/api/v1/safeguarding-checks/blocking' }),
    expect: { none: adminOnly },
  },
  {
    route: 'POST /api/v1/safeguarding-checks/:id/lift',
    prepare: async (w) => {
      // A platform administrator may record a block for any volunteer (an NGO only for one it knows).
      const flagged = await recordCheck(w.t, w.users.admin, (await registerUser(w.t)).id, { result: 'flagged' });
      return { path: `/api/v1/safeguarding-checks/${flagged.body.id as string}/lift`, body: { reason: '复核后解除' } };
    },
    expect: { none: adminOnly },
  },
];
