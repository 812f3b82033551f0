import sharp from 'sharp';
import { EvidenceUrlSigner } from '../../../src/modules/giving/evidence-url.signer';
import { bearer, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { createGoodsNeed, photoWithGps, pledge, type GoodsNeed } from '../../factories/giving.factory';
import { startTestApp, type TestApp } from '../../support/app';

describe('giving: pledges, receipts, uses and the trail', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let need: GoodsNeed;
  let donor: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    need = await createGoodsNeed(t, world.ngo.coordinator, world.ngo.id, { targetFen: 500_000 });
    donor = await registerUser(t, { displayName: '黄晓梅' });
  });

  afterAll(async () => {
    await t.close();
  });

  const coats = (): string => need.items.find((i) => i.name === '冬衣')!.id;
  const bags = (): string => need.items.find((i) => i.name === '书包')!.id;

  it('should carry a goods pledge from promise through receipt and use to a trail with evidence', async () => {
    const created = await pledge(t, donor, { needId: need.id, kind: 'goods', lines: [{ itemId: coats(), quantity: 40 }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pledged', kind: 'goods', organizationId: world.ngo.id });
    const id = created.body.id as string;

    const receipt = await t.http().post(`/api/v1/pledges/${id}/receipts`).set(bearer(world.ngo.coordinator)).send({ lines: [{ itemId: coats(), quantity: 40 }], receiptNumber: 'HN2026-000123' });
    expect(receipt.status).toBe(201);

    const upload = await t.http().post(`/api/v1/evidence?organizationId=${world.ngo.id}`).set(bearer(world.ngo.coordinator)).attach('file', await photoWithGps(), 'photo.jpg');
    expect(upload.status).toBe(201);
    expect(upload.body.contentType).toBe('image/jpeg');

    const usage = await t
      .http()
      .post(`/api/v1/pledges/${id}/usages`)
      .set(bearer(world.ngo.coordinator))
      .send({
        lines: [{ itemId: coats(), quantity: 40 }],
        description: '12月12日在桃洪镇中心小学向40名儿童发放冬衣',
        beneficiaryCount: 40,
        beneficiaries: { age6to14: { male: 22, female: 18 } },
        placeRegionCode: '430524',
        usedAt: '2026-12-12T10:00:00+08:00',
        evidenceIds: [upload.body.id],
      });
    expect(usage.status).toBe(201);

    const trail = await t.http().get(`/api/v1/pledges/${id}/trail`).set(bearer(donor));
    expect(trail.status).toBe(200);
    expect(trail.body.status).toBe('used');
    expect(trail.body.lines).toEqual([{ itemId: coats(), name: '冬衣', unit: '件', pledged: 40, received: 40, used: 40 }]);
    expect((trail.body.events as Array<{ type: string }>).map((e) => e.type)).toEqual(['pledged', 'received', 'used']);
    const used = (trail.body.events as Array<{ type: string; evidence: Array<{ url: string }>; beneficiaryCount: number }>)[2];
    expect(used.beneficiaryCount).toBe(40);
    expect(used.evidence).toHaveLength(1);

    // The signed link serves the donor the photo, with its GPS metadata gone.
    const image = await t.http().get(used.evidence[0].url).buffer(true);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(image.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect((image.body as Buffer).includes(Buffer.from('Volunteer Zhang'))).toBe(false);
  });

  it('should carry a money pledge in fen and show pledged / received / used on the trail', async () => {
    const created = await pledge(t, donor, { needId: need.id, kind: 'money', amountFen: 120_000 });
    const id = created.body.id as string;
    await t.http().post(`/api/v1/pledges/${id}/receipts`).set(bearer(world.ngo.owner)).send({ amountFen: 100_000 });
    await t.http().post(`/api/v1/pledges/${id}/usages`).set(bearer(world.ngo.owner)).send({ amountFen: 30_000, description: '购买文具', beneficiaryCount: 15, usedAt: '2026-12-01T09:00:00+08:00' });
    const trail = await t.http().get(`/api/v1/pledges/${id}/trail`).set(bearer(world.ngo.staff));
    expect(trail.status).toBe(200);
    expect(trail.body).toMatchObject({ kind: 'money', status: 'partly_used', pledgedFen: 120_000, receivedFen: 100_000, usedFen: 30_000 });
  });

  it('should answer exceeds_pledged and exceeds_received with 422 and change nothing', async () => {
    const created = await pledge(t, donor, { needId: need.id, kind: 'goods', lines: [{ itemId: bags(), quantity: 10 }] });
    const id = created.body.id as string;
    const over = await t.http().post(`/api/v1/pledges/${id}/receipts`).set(bearer(world.ngo.coordinator)).send({ lines: [{ itemId: bags(), quantity: 11 }] });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('exceeds_pledged');
    await t.http().post(`/api/v1/pledges/${id}/receipts`).set(bearer(world.ngo.coordinator)).send({ lines: [{ itemId: bags(), quantity: 6 }] });
    const overUse = await t.http().post(`/api/v1/pledges/${id}/usages`).set(bearer(world.ngo.coordinator)).send({ lines: [{ itemId: bags(), quantity: 7 }], description: '发放书包', beneficiaryCount: 7, usedAt: '2026-12-02T09:00:00+08:00' });
    expect(overUse.status).toBe(422);
    expect(overUse.body.code).toBe('exceeds_received');
    const view = await t.http().get(`/api/v1/pledges/${id}`).set(bearer(donor));
    expect(view.body.lines[0]).toMatchObject({ quantity: 10, received: 6, used: 0 });
    expect(view.body.status).toBe('received');
  });

  it('should never push used above received or received above pledged when receipts and uses race', async () => {
    const created = await pledge(t, donor, { needId: need.id, kind: 'money', amountFen: 10_000 });
    const id = created.body.id as string;
    const receipts = Array.from({ length: 30 }, () => t.http().post(`/api/v1/pledges/${id}/receipts`).set(bearer(world.ngo.coordinator)).send({ amountFen: 1_000 }));
    const uses = Array.from({ length: 30 }, () =>
      t.http().post(`/api/v1/pledges/${id}/usages`).set(bearer(world.ngo.owner)).send({ amountFen: 700, description: '午餐补助', beneficiaryCount: 1, usedAt: '2026-12-03T12:00:00+08:00' }),
    );
    const answers = await Promise.all([...receipts, ...uses]);
    const okReceipts = answers.slice(0, 30).filter((a) => a.status === 201).length;
    const okUses = answers.slice(30).filter((a) => a.status === 201).length;
    expect(answers.every((a) => [201, 422].includes(a.status))).toBe(true);
    expect(okReceipts).toBe(10);
    const [row] = await t.db.query<{ received_fen: string; used_fen: string }>('SELECT received_fen, used_fen FROM pledges WHERE id = $1', [id]);
    expect(Number(row.received_fen)).toBe(10_000);
    expect(Number(row.used_fen)).toBe(okUses * 700);
    expect(okUses * 700).toBeLessThanOrEqual(10_000);
  });

  it('should replay the first answer for a retried pledge with the same Idempotency-Key and refuse a different body', async () => {
    const body = { needId: need.id, kind: 'money', amountFen: 5_000 };
    const [a, b] = await Promise.all([pledge(t, donor, body, 'pledge-key-1'), pledge(t, donor, body, 'pledge-key-1')]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    const again = await pledge(t, donor, body, 'pledge-key-1');
    expect(again.body.id).toBe(a.body.id);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pledges WHERE donor_user_id = $1 AND pledged_fen = 5000', [donor.id]);
    expect(rows[0].n).toBe(1);
    const other = await pledge(t, donor, { ...body, amountFen: 6_000 }, 'pledge-key-1');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('should record a receipt once per Idempotency-Key and bind the key to its pledge and route when receipts are retried', async () => {
    const first = (await pledge(t, donor, { needId: need.id, kind: 'money', amountFen: 8_000 })).body.id as string;
    const second = (await pledge(t, donor, { needId: need.id, kind: 'money', amountFen: 8_000 })).body.id as string;
    const receive = (pledgeId: string, body: object, key = 'receipt-key-1') =>
      t.http().post(`/api/v1/pledges/${pledgeId}/receipts`).set(bearer(world.ngo.coordinator)).set('Idempotency-Key', key).send(body);

    const [a, b] = await Promise.all([receive(first, { amountFen: 3_000 }), receive(first, { amountFen: 3_000 })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect((await receive(first, { amountFen: 3_000 })).body.id).toBe(a.body.id);
    const entries = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pledge_ledger_entries WHERE pledge_id = $1 AND kind = 'receipt'", [first]);
    expect(entries[0].n).toBe(1);

    const otherBody = await receive(first, { amountFen: 4_000 });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.code).toBe('idempotency_key_reused');
    // The same key and body on another pledge is another operation, not a replay of the first receipt.
    const otherPledge = await receive(second, { amountFen: 3_000 });
    expect(otherPledge.status).toBe(422);
    expect(otherPledge.body.code).toBe('idempotency_key_reused');
    const stored = await t.db.query<{ operation: string }>("SELECT operation FROM idempotency_keys WHERE key = 'receipt-key-1'");
    expect(stored).toEqual([{ operation: `POST /api/v1/pledges/${first}/receipts` }]);
  });

  it('should correct a receipt by a reversing entry and refuse to reverse what is already used', async () => {
    const created = await pledge(t, donor, { needId: need.id, kind: 'money', amountFen: 9_000 });
    const id = created.body.id as string;
    const r1 = await t.http().post(`/api/v1/pledges/${id}/receipts`).set(bearer(world.ngo.coordinator)).send({ amountFen: 9_000 });
    await t.http().post(`/api/v1/pledges/${id}/usages`).set(bearer(world.ngo.coordinator)).send({ amountFen: 5_000, description: '校服', beneficiaryCount: 5, usedAt: '2026-12-04T09:00:00+08:00' });
    const refused = await t.http().post(`/api/v1/pledges/${id}/entries/${r1.body.id}/reverse`).set(bearer(world.ngo.coordinator)).send({ reason: '金额录错' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('exceeds_received');
    const uses = await t.http().get(`/api/v1/pledges/${id}/trail`).set(bearer(world.ngo.coordinator));
    const useId = (uses.body.events as Array<{ type: string; entryId: string }>).find((e) => e.type === 'used')!.entryId;
    expect((await t.http().post(`/api/v1/pledges/${id}/entries/${useId}/reverse`).set(bearer(world.ngo.coordinator)).send({ reason: '录错' })).status).toBe(201);
    expect((await t.http().post(`/api/v1/pledges/${id}/entries/${useId}/reverse`).set(bearer(world.ngo.coordinator)).send({ reason: '再次' })).status).toBe(409);
    const reversed = await t.http().post(`/api/v1/pledges/${id}/entries/${r1.body.id}/reverse`).set(bearer(world.ngo.coordinator)).send({ reason: '金额录错' });
    expect(reversed.status).toBe(201);
    const view = await t.http().get(`/api/v1/pledges/${id}`).set(bearer(donor));
    expect(view.body).toMatchObject({ receivedFen: 0, usedFen: 0, status: 'pledged' });
  });

  it('should let a company CSR manager pledge on behalf of the company and show it to the company, not to others', async () => {
    const created = await pledge(t, world.company.csrManager, { needId: need.id, kind: 'money', amountFen: 200_000, onBehalfOf: world.company.id });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await t.http().get(`/api/v1/pledges/${id}/trail`).set(bearer(world.company.owner))).status).toBe(200);
    expect((await t.http().get(`/api/v1/pledges/${id}/trail`).set(bearer(world.company.employee))).status).toBe(404);
    expect((await t.http().get(`/api/v1/pledges/${id}/trail`).set(bearer(world.volunteer))).status).toBe(404);
    const list = await t.http().get(`/api/v1/pledges?view=company&organizationId=${world.company.id}`).set(bearer(world.company.csrManager));
    expect((list.body.data as Array<{ id: string }>).map((p) => p.id)).toContain(id);
    const employeeTry = await pledge(t, world.company.employee, { needId: need.id, kind: 'money', amountFen: 100, onBehalfOf: world.company.id });
    expect(employeeTry.status).toBe(403);
  });

  it('should cancel only a pledge of which nothing was received, with a reason, never deleting it', async () => {
    const a = await pledge(t, donor, { needId: need.id, kind: 'money', amountFen: 1_000 });
    const cancelled = await t.http().post(`/api/v1/pledges/${a.body.id}/cancel`).set(bearer(donor)).send({ reason: '改为线下捐赠' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '改为线下捐赠' });
    const receipt = await t.http().post(`/api/v1/pledges/${a.body.id}/receipts`).set(bearer(world.ngo.coordinator)).send({ amountFen: 1_000 });
    expect(receipt.status).toBe(409);
    expect(receipt.body.code).toBe('pledge_cancelled');
    const b = await pledge(t, donor, { needId: need.id, kind: 'money', amountFen: 1_000 });
    await t.http().post(`/api/v1/pledges/${b.body.id}/receipts`).set(bearer(world.ngo.coordinator)).send({ amountFen: 500 });
    expect((await t.http().post(`/api/v1/pledges/${b.body.id}/cancel`).set(bearer(donor)).send({ reason: '不捐了' })).status).toBe(409);
  });

  it('should answer 400 naming the field when a pledge body is wrong', async () => {
    const cases: Array<[object, string]> = [
      [{ needId: need.id, kind: 'money' }, 'amountFen'],
      [{ needId: need.id, kind: 'money', amountFen: 10.5 }, 'amountFen'],
      [{ needId: need.id, kind: 'money', amountFen: -3 }, 'amountFen'],
      [{ needId: need.id, kind: 'goods' }, 'lines'],
      [{ needId: need.id, kind: 'goods', lines: [{ itemId: coats(), quantity: 0 }] }, 'lines.0.quantity'],
      [{ needId: need.id, kind: 'goods', lines: [{ itemId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }, 'lines.0.itemId'],
      [{ needId: 'nope', kind: 'money', amountFen: 1 }, 'needId'],
      [{ needId: need.id, kind: 'cash', amountFen: 1 }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await pledge(t, donor, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    }
  });

  it('should report need coverage per item and in fen', async () => {
    const res = await t.http().get(`/api/v1/needs/${need.id}/coverage`).set(bearer(donor));
    expect(res.status).toBe(200);
    const coatLine = (res.body.items as Array<{ itemId: string; needed: number; pledged: number; received: number; used: number }>).find((i) => i.itemId === coats())!;
    expect(coatLine).toMatchObject({ needed: 40, pledged: 40, received: 40, used: 40, usedPercent: 100 });
    expect(res.body.money.targetFen).toBe(500_000);
  });
});

describe('evidence files', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: String(1024 * 1024) });
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse a file whose content is not an image or PDF whatever its name', async () => {
    const res = await t.http().post(`/api/v1/evidence?organizationId=${world.ngo.id}`).set(bearer(world.ngo.coordinator)).attach('file', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('evidence_invalid');
  });

  it('should refuse an over-size file with 413', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 32), Buffer.from('\n%%EOF\n')]);
    const res = await t.http().post(`/api/v1/evidence?organizationId=${world.ngo.id}`).set(bearer(world.ngo.coordinator)).attach('file', big, 'report.pdf');
    expect(res.status).toBe(413);
  });

  it('should refuse uploads by staff and strangers', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    expect((await t.http().post(`/api/v1/evidence?organizationId=${world.ngo.id}`).set(bearer(world.ngo.staff)).attach('file', png, 'a.png')).status).toBe(403);
    expect((await t.http().post(`/api/v1/evidence?organizationId=${world.ngo.id}`).set(bearer(world.volunteer)).attach('file', png, 'a.png')).status).toBe(404);
  });

  it('should refuse an expired link and a link presented by another signed-in user', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    const up = await t.http().post(`/api/v1/evidence?organizationId=${world.ngo.id}`).set(bearer(world.ngo.coordinator)).attach('file', png, 'a.png');
    expect(up.status).toBe(201);
    const url = up.body.url as string;
    expect((await t.http().get(url)).status).toBe(200);
    expect((await t.http().get(url).set(bearer(world.ngo.coordinator))).status).toBe(200);
    expect((await t.http().get(url).set(bearer(world.volunteer))).status).toBe(403);
    const tampered = url.replace(/u=[^&]+/, `u=${world.volunteer.id}`);
    expect((await t.http().get(tampered)).status).toBe(403);
    // A link signed correctly but ten minutes ago has expired.
    const old = t.app.get(EvidenceUrlSigner).sign(up.body.id as string, world.ngo.coordinator.id, Date.now() - 10 * 60_000);
    const expired = await t.http().get(old.url);
    expect(expired.status).toBe(403);
    expect(expired.body.detail).toMatch(/expired/);
    // Strangers cannot even get a link.
    expect((await t.http().get(`/api/v1/evidence/${up.body.id}`).set(bearer(world.volunteer))).status).toBe(404);
  });
});
