import { addMember, bearer, createOrganization, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { sumOfReasons, type Reason } from './matching.helpers';

interface OfferMatch {
  needId: string;
  itemId: string;
  item: string;
  outstanding: number;
  score: number;
  reasons: Reason[];
  actions: { accept: { method: string; href: string; body: { needId: string; lines: Array<{ itemId: string; quantity: number }> } } };
}

const until = (days = 30): string => new Date(Date.now() + days * 86_400_000).toISOString().replace('Z', '+00:00');

describe('matching: goods offers', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let donor: TestUser;
  let otherNgo: { id: string; coordinator: TestUser };

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    donor = await registerUser(t, { displayName: '黄晓梅' });
    const owner = await registerUser(t, { displayName: '乙机构负责人' });
    const coordinator = await registerUser(t, { displayName: '乙机构协调员' });
    const id = await createOrganization(t, owner, { kind: 'ngo', regionCode: '430523' });
    await addMember(t, owner, id, coordinator, 'coordinator');
    otherNgo = { id, coordinator };
  });

  afterAll(async () => {
    await t.close();
  });

  async function goodsNeed(
    coordinator: TestUser,
    organizationId: string,
    regionCode: string,
    items: Array<{ name: string; unit: string; quantity: number }>,
  ): Promise<{ id: string; items: Array<{ id: string; name: string }> }> {
    const res = await t
      .http()
      .post('/api/v1/needs')
      .set(bearer(coordinator))
      .send({ organizationId, type: 'goods', title: `${items[0].name}募集`, description: '为留守儿童募集物资', regionCode, items });
    if (res.status !== 201) throw new Error(`need failed: ${res.status} ${JSON.stringify(res.body)}`);
    const published = await t.http().post(`/api/v1/needs/${res.body.id}/publish`).set(bearer(coordinator));
    if (published.status !== 200) throw new Error(`publish failed: ${published.status}`);
    return { id: res.body.id as string, items: res.body.items as Array<{ id: string; name: string }> };
  }

  async function offer(by: TestUser, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await t
      .http()
      .post('/api/v1/offers')
      .set(bearer(by))
      .send({ item: '棉衣', unit: '件', quantity: 50, regionCode: '430524', until: until(), ...body });
    return { status: res.status, body: res.body };
  }

  async function matches(by: TestUser, offerId: string): Promise<{ status: number; body: { data: OfferMatch[] } }> {
    const res = await t.http().get(`/api/v1/offers/${offerId}/matches?limit=200`).set(bearer(by));
    return { status: res.status, body: res.body };
  }

  it('should let a person offer goods, and a company’s owner or CSR manager offer for it', async () => {
    const mine = await offer(donor, { note: '九成新，已清洗' });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      item: '棉衣',
      unit: '件',
      quantity: 50,
      regionCode: '430524',
      status: 'open',
      onBehalfOf: null,
      pledgeId: null,
    });
    const company = await offer(world.company.csrManager, { item: '书包', unit: '个', quantity: 100, onBehalfOf: world.company.id });
    expect(company.status).toBe(201);
    expect(company.body.onBehalfOf).toBe(world.company.id);
    expect((await offer(world.company.employee, { onBehalfOf: world.company.id })).status).toBe(403);
    expect((await offer(donor, { onBehalfOf: world.company.id })).status).toBe(404);

    const listed = await t.http().get('/api/v1/me/offers').set(bearer(world.company.owner));
    expect(listed.status).toBe(200);
    expect((listed.body.data as Array<{ id: string }>).map((o) => o.id)).toContain(company.body.id);
    const own = await t.http().get('/api/v1/me/offers').set(bearer(donor));
    expect((own.body.data as Array<{ id: string }>).map((o) => o.id)).toEqual([mine.body.id]);
  });

  it.each([
    [{ quantity: undefined }, 'quantity'],
    [{ quantity: 0 }, 'quantity'],
    [{ item: '  ' }, 'item'],
    [{ regionCode: '999999' }, 'regionCode'],
    [{ until: '2020-01-01T00:00:00+08:00' }, 'until'],
    [{ until: 'next week' }, 'until'],
    [{ location: { lat: 200, lng: 1 } }, 'location.lat'],
    [{ colour: 'red' }, 'colour'],
  ])('should answer 400 naming the field when the offer is %j', async (change, field) => {
    const res = await offer(donor, change);
    expect(res.status).toBe(400);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });

  it('should rank open goods needs for an offer by item (synonyms), quantity still missing and distance', async () => {
    const coats = await goodsNeed(world.ngo.coordinator, world.ngo.id, '430524', [
      { name: '冬衣', unit: '件', quantity: 40 },
      { name: '书包', unit: '个', quantity: 30 },
    ]);
    const exact = await goodsNeed(world.ngo.coordinator, world.ngo.id, '430524', [{ name: '棉衣', unit: '件', quantity: 10 }]);
    const farBig = await goodsNeed(otherNgo.coordinator, otherNgo.id, '430523', [{ name: '儿童羽绒服', unit: '件', quantity: 100 }]);
    const unrelated = await goodsNeed(world.ngo.coordinator, world.ngo.id, '430524', [{ name: '台灯', unit: '个', quantity: 10 }]);
    const draft = await t
      .http()
      .post('/api/v1/needs')
      .set(bearer(world.ngo.coordinator))
      .send({
        organizationId: world.ngo.id,
        type: 'goods',
        title: '棉衣',
        description: '草稿',
        regionCode: '430524',
        items: [{ name: '棉衣', unit: '件', quantity: 5 }],
      });

    const created = await offer(donor, {});
    const res = await matches(donor, created.body.id as string);
    expect(res.status).toBe(200);
    const needIds = res.body.data.map((m) => m.needId);
    expect(needIds).not.toContain(unrelated.id);
    expect(needIds).not.toContain(draft.body.id);
    const pos = (needId: string): number => needIds.indexOf(needId);
    expect(pos(exact.id)).toBeGreaterThanOrEqual(0);
    expect(pos(exact.id)).toBeLessThan(pos(coats.id));
    expect(pos(coats.id)).toBeLessThan(pos(farBig.id));
    for (const m of res.body.data) expect(sumOfReasons(m)).toBe(Math.round(m.score * 10));

    const coat = res.body.data.find((m) => m.needId === coats.id)!;
    expect(coat.item).toBe('冬衣');
    expect(coat.reasons.find((r) => r.factor === 'item')!.text['zh-CN']).toBe('同类物品：棉衣 ≈ 冬衣');
    expect(coat.actions.accept.body).toEqual({ needId: coats.id, lines: [{ itemId: coats.items[0].id, quantity: 40 }] });
    const big = res.body.data.find((m) => m.needId === farBig.id)!;
    expect(big.reasons.find((r) => r.factor === 'quantity')!.contribution).toBe(15);
  });

  it('should show a need’s coordinators the offers for its lines, and nobody else', async () => {
    const need = await goodsNeed(world.ngo.coordinator, world.ngo.id, '430524', [{ name: '学生书包', unit: '个', quantity: 20 }]);
    const bags = await offer(world.company.csrManager, { item: '书包', unit: '个', quantity: 15, onBehalfOf: world.company.id });
    const res = await t.http().get(`/api/v1/needs/${need.id}/offers`).set(bearer(world.ngo.coordinator));
    expect(res.status).toBe(200);
    const found = (res.body.data as Array<Record<string, unknown>>).find((o) => o.offerId === bags.body.id)!;
    expect(found).toMatchObject({ item: '书包', itemName: '学生书包', outstanding: 20, donor: { kind: 'company' } });
    expect(JSON.stringify(res.body)).not.toContain(world.company.csrManager.id);
    expect((await t.http().get(`/api/v1/needs/${need.id}/offers`).set(bearer(world.ngo.staff))).status).toBe(403);
    expect((await t.http().get(`/api/v1/needs/${need.id}/offers`).set(bearer(otherNgo.coordinator))).status).toBe(404);
    expect((await t.http().get(`/api/v1/needs/${need.id}/offers`).set(bearer(donor))).status).toBe(404);
  });

  it('should turn an accepted offer into a goods pledge once, and use the offer', async () => {
    const need = await goodsNeed(world.ngo.coordinator, world.ngo.id, '430524', [
      { name: '羽绒服', unit: '件', quantity: 30 },
      { name: '文具套装', unit: '套', quantity: 30 },
    ]);
    const created = await offer(donor, { item: '冬衣', quantity: 25 });
    const id = created.body.id as string;
    const jacket = need.items[0].id;
    const accept = (body: Record<string, unknown>, key?: string, by = donor) => {
      let req = t.http().post(`/api/v1/offers/${id}/accept`).set(bearer(by));
      if (key) req = req.set('Idempotency-Key', key);
      return req.send(body);
    };

    expect((await accept({ needId: need.id, lines: [{ itemId: need.items[1].id, quantity: 5 }] })).body.errors).toEqual([
      { field: 'lines.0.itemId', message: 'does not match the offered item (冬衣)', code: 'invalid_choice' },
    ]);
    const tooMany = await accept({ needId: need.id, lines: [{ itemId: jacket, quantity: 26 }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('lines');
    expect((await accept({ needId: need.id, lines: [{ itemId: jacket, quantity: 5 }] }, undefined, world.volunteer)).status).toBe(404);

    const first = await accept({ needId: need.id, lines: [{ itemId: jacket, quantity: 25 }] }, 'accept-offer-1');
    expect(first.status).toBe(201);
    expect(first.body.offer).toMatchObject({ status: 'used', acceptedNeedId: need.id, pledgeId: first.body.pledge.id });
    expect(first.body.pledge).toMatchObject({ kind: 'goods', status: 'pledged', needId: need.id });

    const replay = await accept({ needId: need.id, lines: [{ itemId: jacket, quantity: 25 }] }, 'accept-offer-1');
    expect(replay.status).toBe(201);
    expect(replay.body.pledge.id).toBe(first.body.pledge.id);
    const again = await accept({ needId: need.id, lines: [{ itemId: jacket, quantity: 25 }] }, 'accept-offer-2');
    expect(again.status).toBe(409);
    const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pledges WHERE need_id = $1', [need.id]);
    expect(n).toBe(1);

    // What is pledged no longer counts as missing: a second offer sees 5 jackets still needed.
    const second = await offer(donor, { item: '羽绒服', quantity: 100 });
    const ranked = await matches(donor, second.body.id as string);
    expect(ranked.body.data.find((m) => m.needId === need.id)).toMatchObject({ outstanding: 5 });
  });

  it('should accept an offer exactly once when two acceptances race', async () => {
    const need = await goodsNeed(world.ngo.coordinator, world.ngo.id, '430524', [{ name: '棉被', unit: '床', quantity: 50 }]);
    const created = await offer(donor, { item: '被子', unit: '床', quantity: 10 });
    const body = { needId: need.id, lines: [{ itemId: need.items[0].id, quantity: 10 }] };
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        t.http().post(`/api/v1/offers/${created.body.id}/accept`).set(bearer(donor)).set('Idempotency-Key', `race-${i}`).send(body),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pledges WHERE need_id = $1', [need.id]);
    expect(n).toBe(1);
  });

  it('should keep offers to their donors: others get 404', async () => {
    const created = await offer(donor, {});
    expect((await matches(world.volunteer, created.body.id as string)).status).toBe(404);
    expect((await matches(world.ngo.coordinator, created.body.id as string)).status).toBe(404);
    expect((await t.http().get('/api/v1/offers/not-a-uuid/matches').set(bearer(donor))).status).toBe(400);
  });
});
