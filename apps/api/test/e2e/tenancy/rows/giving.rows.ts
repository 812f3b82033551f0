import { createGoodsNeed, pledge } from '../../../factories/giving.factory';
import { bearer, type TestUser } from '../../../factories/identity.factory';
import { everySignedIn, type Caller, type MatrixRow, type MatrixWorld, type Target } from '../matrix';
import sharp from 'sharp';

const needs = new Map<string, string>();

/** One published goods need per NGO, shared by the giving rows (pledging never changes who may see what). */
async function needOf(world: MatrixWorld, target: Target): Promise<{ id: string; itemId: string }> {
  const ngo = world.ngoOf(target === 'other' ? 'other' : 'own');
  if (!needs.has(ngo.id)) {
    const need = await createGoodsNeed(world.t, ngo.coordinator, ngo.id);
    needs.set(ngo.id, `${need.id}|${need.items[0].id}`);
  }
  const [id, itemId] = needs.get(ngo.id)!.split('|');
  return { id, itemId };
}

/** A money pledge by an outside donor to the target NGO's need, with 1,000 fen received. */
async function receivedPledge(world: MatrixWorld, target: Target, donor?: TestUser): Promise<string> {
  const need = await needOf(world, target);
  const created = await pledge(world.t, donor ?? world.ngoB.staff, { needId: need.id, kind: 'money', amountFen: 10_000 });
  const ngo = world.ngoOf(target === 'other' ? 'other' : 'own');
  await world.t.http().post(`/api/v1/pledges/${created.body.id as string}/receipts`).set(bearer(ngo.coordinator)).send({ amountFen: 1_000 });
  return created.body.id as string;
}

// The receiving NGO's owner and coordinator manage; its staff read; outsiders get 404.
const ngoManage = (ok: number): Partial<Record<Target, Record<Caller, number>>> => ({
  own: { anonymous: 401, volunteer: 404, staff: 403, coordinator: ok, owner: ok, csrManager: 404, admin: ok },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: ok },
});
const ngoRead = {
  own: { anonymous: 401, volunteer: 404, staff: 200, coordinator: 200, owner: 200, csrManager: 404, admin: 200 },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
};

export const givingRows: MatrixRow[] = [
  {
    route: 'POST /api/v1/pledges',
    prepare: async (w, target) => ({ path: '/api/v1/pledges', body: { needId: (await needOf(w, target)).id, kind: 'money', amountFen: 100 } }),
    expect: { own: everySignedIn(201), other: everySignedIn(201) },
  },
  { route: 'GET /api/v1/pledges', prepare: async () => ({ path: '/api/v1/pledges' }), expect: { none: everySignedIn(200) } },
  {
    route: 'GET /api/v1/pledges/:id',
    prepare: async (w, target) => ({ path: `/api/v1/pledges/${await receivedPledge(w, target)}` }),
    expect: ngoRead,
  },
  {
    route: 'GET /api/v1/pledges/:id/trail',
    prepare: async (w, target) => ({ path: `/api/v1/pledges/${await receivedPledge(w, target)}/trail` }),
    expect: ngoRead,
  },
  {
    route: 'POST /api/v1/pledges/:id/receipts',
    prepare: async (w, target) => ({ path: `/api/v1/pledges/${await receivedPledge(w, target)}/receipts`, body: { amountFen: 100 } }),
    expect: ngoManage(201),
  },
  {
    route: 'POST /api/v1/pledges/:id/usages',
    prepare: async (w, target) => ({
      path: `/api/v1/pledges/${await receivedPledge(w, target)}/usages`,
      body: { amountFen: 100, description: '文具', beneficiaryCount: 1, usedAt: '2026-12-01T09:00:00+08:00' },
    }),
    expect: ngoManage(201),
  },
  {
    route: 'POST /api/v1/pledges/:id/entries/:entryId/reverse',
    prepare: async (w, target) => {
      const id = await receivedPledge(w, target);
      const ngo = w.ngoOf(target === 'other' ? 'other' : 'own');
      const trail = await w.t.http().get(`/api/v1/pledges/${id}/trail`).set(bearer(ngo.coordinator));
      const entryId = (trail.body.events as Array<{ type: string; entryId: string }>).find((e) => e.type === 'received')!.entryId;
      return { path: `/api/v1/pledges/${id}/entries/${entryId}/reverse`, body: { reason: '录错' } };
    },
    expect: ngoManage(201),
  },
  {
    // Unrelated callers cannot cancel; staff of the NGO may read but not cancel. Nothing received yet, so it can be cancelled.
    route: 'POST /api/v1/pledges/:id/cancel',
    prepare: async (w, target) => {
      const need = await needOf(w, target);
      const created = await pledge(w.t, w.ngoB.staff, { needId: need.id, kind: 'money', amountFen: 500 });
      return { path: `/api/v1/pledges/${created.body.id as string}/cancel`, body: { reason: '测试' } };
    },
    expect: ngoManage(200),
  },
  {
    route: 'GET /api/v1/needs/:id/coverage',
    prepare: async (w, target) => ({ path: `/api/v1/needs/${(await needOf(w, target)).id}/coverage` }),
    expect: { own: everySignedIn(200), other: everySignedIn(200) },
  },
  {
    route: 'POST /api/v1/evidence',
    prepare: async (w, target) => ({
      path: `/api/v1/evidence?organizationId=${w.ngoOf(target === 'other' ? 'other' : 'own').id}`,
      body: undefined,
      attach: { field: 'file', content: await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer(), name: 'a.png' },
    }),
    expect: ngoManage(201),
  },
  {
    route: 'GET /api/v1/evidence/:id',
    prepare: async (w, target) => {
      const ngo = w.ngoOf(target === 'other' ? 'other' : 'own');
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#eee' } }).png().toBuffer();
      const up = await w.t.http().post(`/api/v1/evidence?organizationId=${ngo.id}`).set(bearer(ngo.coordinator)).attach('file', png, 'a.png');
      return { path: `/api/v1/evidence/${up.body.id as string}` };
    },
    expect: ngoRead,
  },
  {
    // The content link is its own permission (signed for one user, minutes long); the caller's token only narrows it.
    route: 'GET /api/v1/evidence/:id/content',
    prepare: async (w, target, caller) => {
      const ngo = w.ngoOf(target === 'other' ? 'other' : 'own');
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ddd' } }).png().toBuffer();
      const up = await w.t.http().post(`/api/v1/evidence?organizationId=${ngo.id}`).set(bearer(ngo.coordinator)).attach('file', png, 'a.png');
      void caller;
      return { path: up.body.url as string };
    },
    expect: {
      own: { anonymous: 200, volunteer: 403, staff: 403, coordinator: 200, owner: 403, csrManager: 403, admin: 403 },
      other: { anonymous: 200, volunteer: 403, staff: 403, coordinator: 403, owner: 403, csrManager: 403, admin: 403 },
    },
  },
];
