import { createChild, giveConsent } from '../../factories/children.factory';
import { createShiftNeed } from '../../factories/engagement.factory';
import { bearer, createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

describe("a need's beneficiary count once children are linked", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const patch = (needId: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/v1/needs/${needId}`).set(bearer(world.ngo.coordinator)).send(body);
  const count = async (needId: string) =>
    (await t.db.query<{ beneficiary_count: number }>('SELECT beneficiary_count FROM needs WHERE id = $1', [needId]))[0].beneficiary_count;

  it('should answer 409 beneficiaries_linked naming the field and keep the linked count when a PATCH types another beneficiaryCount', async () => {
    const need = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const child = await createChild(t, world.ngo.coordinator, world.ngo.id, { legalName: '计数儿童甲' });
    await giveConsent(t, world.ngo.owner, child, ['service_delivery']);
    const linked = await t.http().post(`/api/v1/needs/${need.needId}/beneficiaries`).set(bearer(world.ngo.coordinator)).send({ childIds: [child] });
    expect(linked.status).toBe(200);
    expect(await count(need.needId)).toBe(1);

    const res = await patch(need.needId, { beneficiaryCount: 40 });

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'beneficiaries_linked',
      errors: [{ field: 'beneficiaryCount', code: 'not_allowed', message: 'follows the linked children' }],
    });
    expect(await count(need.needId)).toBe(1);
  });

  it('should answer 200 when a PATCH of a need with linked children repeats the linked count or leaves it out', async () => {
    const need = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const child = await createChild(t, world.ngo.coordinator, world.ngo.id, { legalName: '计数儿童乙' });
    await giveConsent(t, world.ngo.owner, child, ['service_delivery']);
    await t.http().post(`/api/v1/needs/${need.needId}/beneficiaries`).set(bearer(world.ngo.coordinator)).send({ childIds: [child] });

    expect((await patch(need.needId, { beneficiaryCount: 1, place: '村小操场' })).status).toBe(200);
    expect((await patch(need.needId, { place: '村委会' })).status).toBe(200);
    expect(await count(need.needId)).toBe(1);
  });

  it('should answer 200 and store the typed count when a PATCH sets beneficiaryCount of a need without linked children', async () => {
    const need = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);

    const res = await patch(need.needId, { beneficiaryCount: 40 });

    expect(res.status).toBe(200);
    expect(res.body.beneficiaryCount).toBe(40);
    expect(await count(need.needId)).toBe(40);
  });
});
