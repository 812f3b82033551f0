import { createShiftNeed } from '../../../factories/engagement.factory';
import { createGoodsNeed } from '../../../factories/giving.factory';
import { bearer, type TestUser } from '../../../factories/identity.factory';
import { putProfile } from '../../../factories/volunteers.factory';
import { everySignedIn, type Caller, type MatrixRow, type MatrixWorld, type Target } from '../matrix';

type Ngo = MatrixWorld['ngoA'];
const ngoOf = (w: MatrixWorld, target: Target): Ngo => w.ngoOf(target === 'other' ? 'other' : 'own');

/** One published goods need per NGO, shared by the offer rows (each acceptance pledges one of its 40 coats). */
const goodsNeeds = new Map<string, { id: string; coatsItemId: string }>();
async function goodsNeedOf(w: MatrixWorld, target: Target): Promise<{ id: string; coatsItemId: string }> {
  const ngo = ngoOf(w, target);
  if (!goodsNeeds.has(ngo.id)) {
    const need = await createGoodsNeed(w.t, ngo.coordinator, ngo.id);
    goodsNeeds.set(ngo.id, { id: need.id, coatsItemId: need.items.find((i) => i.name === '冬衣')!.id });
  }
  return goodsNeeds.get(ngo.id)!;
}

const OFFER = { item: '棉衣', unit: '件', quantity: 1, regionCode: '430524' };

/** A fresh offer of one coat by `donor`. */
async function offerBy(w: MatrixWorld, donor: TestUser): Promise<string> {
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const res = await w.t
    .http()
    .post('/api/v1/offers')
    .set(bearer(donor))
    .send({ ...OFFER, until });
  if (res.status !== 201) throw new Error(`offer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** The caller's own offer (for anonymous, the volunteer's), or for `other` one by another NGO's staff member acting as a person. */
const offerFor = (w: MatrixWorld, target: Target, caller: Caller): Promise<string> =>
  offerBy(w, target === 'other' ? w.ngoB.staff : caller === 'anonymous' ? w.users.volunteer : w.users[caller]);

// Candidates and a need's offers: the owning NGO's owner and coordinator (and administrators); its staff 403; everyone else 404.
const coordinate = {
  own: { anonymous: 401, volunteer: 404, staff: 403, coordinator: 200, owner: 200, csrManager: 404, admin: 200 },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
};

let offset = 0;

export const matchingRows: MatrixRow[] = [
  {
    // Everyone ranks for themselves; the caller gets a volunteer profile first (the feed needs one).
    route: 'GET /api/v1/me/matches',
    prepare: async (w, _t, caller) => {
      if (caller !== 'anonymous') await putProfile(w.t, w.users[caller]);
      return { path: '/api/v1/me/matches?limit=5' };
    },
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'GET /api/v1/needs/:id/candidates',
    prepare: async (w, target) => {
      offset += 1;
      const startsAt = new Date(Date.now() + (40 + offset) * 86_400_000);
      const ngo = ngoOf(w, target);
      const { needId } = await createShiftNeed(w.t, ngo.coordinator, ngo.id, {
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      });
      return { path: `/api/v1/needs/${needId}/candidates` };
    },
    expect: coordinate,
  },
  {
    route: 'POST /api/v1/offers',
    prepare: async () => ({ path: '/api/v1/offers', body: { ...OFFER, until: new Date(Date.now() + 30 * 86_400_000).toISOString() } }),
    expect: { none: everySignedIn(201) },
  },
  { route: 'GET /api/v1/me/offers', prepare: async () => ({ path: '/api/v1/me/offers' }), expect: { none: everySignedIn(200) } },
  {
    // Offers belong to their donor; administrators may look, nobody else.
    route: 'GET /api/v1/offers/:id/matches',
    prepare: async (w, target, caller) => ({ path: `/api/v1/offers/${await offerFor(w, target, caller)}/matches` }),
    expect: {
      own: everySignedIn(200),
      other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
    },
  },
  {
    route: 'GET /api/v1/needs/:id/offers',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${(await goodsNeedOf(w, target)).id}/offers` }),
    expect: coordinate,
  },
  {
    // Only the donor can give their offer (an administrator pledging someone else's goods would be impersonation).
    route: 'POST /api/v1/offers/:id/accept',
    prepare: async (w, target, caller) => {
      const need = await goodsNeedOf(w, 'own');
      return {
        path: `/api/v1/offers/${await offerFor(w, target, caller)}/accept`,
        body: { needId: need.id, lines: [{ itemId: need.coatsItemId, quantity: 1 }] },
      };
    },
    expect: {
      own: everySignedIn(201),
      other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 404 },
    },
  },
];
