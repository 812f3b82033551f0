import { addShift, beijingIn, createNeed, publish, TUTORING } from '../../../factories/needs.factory';
import { everySignedIn, type Caller, type MatrixRow, type MatrixWorld, type Target } from '../matrix';

/** A fresh draft of the target NGO (drafts are the private case: only the organisation may know them). */
async function draft(world: MatrixWorld, target: Target): Promise<string> {
  const ngo = world.ngoOf(target === 'other' ? 'other' : 'own');
  return (await createNeed(world.t, ngo.coordinator, ngo.id)).id;
}

async function published(world: MatrixWorld, target: Target): Promise<string> {
  const ngo = world.ngoOf(target === 'other' ? 'other' : 'own');
  return (await publish(world.t, ngo.coordinator, await draft(world, target))).id;
}

async function draftShift(world: MatrixWorld, target: Target): Promise<string> {
  const ngo = world.ngoOf(target === 'other' ? 'other' : 'own');
  return (await addShift(world.t, ngo.coordinator, await draft(world, target))).id;
}

const orgOf = (world: MatrixWorld, target: Target): string => world.ngoOf(target === 'other' ? 'other' : 'own').id;

// Drafts: the NGO's members read; outsiders get 404 (existence not revealed).
const draftRead: Partial<Record<Target, Record<Caller, number>>> = {
  own: { anonymous: 401, volunteer: 404, staff: 200, coordinator: 200, owner: 200, csrManager: 404, admin: 200 },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
};
// Changes: owners and coordinators of the NGO (and administrators); its staff 403; outsiders 404 for a draft.
const draftWrite = (ok: number): Partial<Record<Target, Record<Caller, number>>> => ({
  own: { anonymous: 401, volunteer: 404, staff: 403, coordinator: ok, owner: ok, csrManager: 404, admin: ok },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: ok },
});
// Published needs: everyone signed in reads; outsiders who can see it are refused changes with 403.
const publishedWrite = (ok: number): Partial<Record<Target, Record<Caller, number>>> => ({
  own: { anonymous: 401, volunteer: 403, staff: 403, coordinator: ok, owner: ok, csrManager: 403, admin: ok },
  other: { anonymous: 401, volunteer: 403, staff: 403, coordinator: 403, owner: 403, csrManager: 403, admin: ok },
});

let programmeCounter = 0;

export const needsRows: MatrixRow[] = [
  {
    route: 'POST /api/v1/needs',
    prepare: async (w, target) => ({ path: '/api/v1/needs', body: { ...TUTORING, organizationId: orgOf(w, target) } }),
    expect: draftWrite(201),
  },
  {
    route: 'GET /api/v1/needs',
    prepare: async () => ({ path: '/api/v1/needs?regionCode=430524&limit=5' }),
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'GET /api/v1/needs/:id',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${await draft(w, target)}` }),
    expect: draftRead,
  },
  {
    route: 'GET /api/v1/needs/:id',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${await published(w, target)}` }),
    expect: { own: everySignedIn(200), other: everySignedIn(200) },
  },
  {
    route: 'PATCH /api/v1/needs/:id',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${await draft(w, target)}`, body: { beneficiaryCount: 3 } }),
    expect: draftWrite(200),
  },
  {
    route: 'PATCH /api/v1/needs/:id',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${await published(w, target)}`, body: { beneficiaryCount: 3 } }),
    expect: publishedWrite(200),
  },
  {
    route: 'POST /api/v1/needs/:id/publish',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${await draft(w, target)}/publish` }),
    expect: draftWrite(200),
  },
  {
    route: 'POST /api/v1/needs/:id/status',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${await published(w, target)}/status`, body: { status: 'filled' } }),
    expect: publishedWrite(200),
  },
  {
    route: 'GET /api/v1/needs/:id/shifts',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${await draft(w, target)}/shifts` }),
    expect: draftRead,
  },
  {
    route: 'POST /api/v1/needs/:id/shifts',
    prepare: async (w, target) => ({
      path: `/api/v1/needs/${await draft(w, target)}/shifts`,
      body: { startsAt: beijingIn(5, 9), endsAt: beijingIn(5, 11), capacity: 3 },
    }),
    expect: draftWrite(201),
  },
  {
    route: 'GET /api/v1/shifts/:id',
    prepare: async (w, target) => ({ path: `/api/v1/shifts/${await draftShift(w, target)}` }),
    expect: draftRead,
  },
  {
    route: 'PATCH /api/v1/shifts/:id',
    prepare: async (w, target) => ({ path: `/api/v1/shifts/${await draftShift(w, target)}`, body: { capacity: 6 } }),
    expect: draftWrite(200),
  },
  {
    route: 'POST /api/v1/shifts/:id/cancel',
    prepare: async (w, target) => ({ path: `/api/v1/shifts/${await draftShift(w, target)}/cancel`, body: {} }),
    expect: draftWrite(200),
  },
  {
    route: 'POST /api/v1/programmes',
    prepare: async (w, target) => ({
      path: '/api/v1/programmes',
      body: { organizationId: orgOf(w, target), name: `矩阵项目 ${(programmeCounter += 1)}`, year: 2027 },
    }),
    expect: draftWrite(201),
  },
  {
    // Programmes of verified NGOs are public facts.
    route: 'GET /api/v1/programmes',
    prepare: async (w, target) => ({ path: `/api/v1/programmes?organizationId=${orgOf(w, target)}` }),
    expect: { own: everySignedIn(200), other: everySignedIn(200) },
  },
];
