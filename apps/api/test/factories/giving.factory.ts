import sharp from 'sharp';
import type { TestApp } from '../support/app';
import { bearer, type TestUser } from './identity.factory';

export interface GoodsNeed {
  id: string;
  items: Array<{ id: string; name: string; unit: string; quantity: number }>;
}

/** A published goods need (冬衣 40 件, 书包 30 个) and money target of an NGO, through the public API. */
export async function createGoodsNeed(t: TestApp, coordinator: TestUser, organizationId: string, options: { targetFen?: number } = {}): Promise<GoodsNeed> {
  const res = await t
    .http()
    .post('/api/v1/needs')
    .set(bearer(coordinator))
    .send({
      organizationId,
      type: 'goods',
      title: '桃洪镇中心小学冬季物资',
      description: '为留守儿童准备冬衣和书包',
      regionCode: '430524',
      childContact: false,
      requiredSkills: [],
      items: [
        { name: '冬衣', unit: '件', quantity: 40 },
        { name: '书包', unit: '个', quantity: 30 },
      ],
      ...(options.targetFen ? { targetFen: options.targetFen } : {}),
    });
  if (res.status !== 201) throw new Error(`create need failed: ${res.status} ${JSON.stringify(res.body)}`);
  const published = await t.http().post(`/api/v1/needs/${res.body.id}/publish`).set(bearer(coordinator));
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return { id: res.body.id as string, items: res.body.items as GoodsNeed['items'] };
}

export async function pledge(t: TestApp, donor: TestUser, body: object, key?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  let req = t.http().post('/api/v1/pledges').set(bearer(donor));
  if (key) req = req.set('Idempotency-Key', key);
  const res = await req.send(body);
  return { status: res.status, body: res.body as Record<string, unknown> };
}

export async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Volunteer Zhang' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 6/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '111/1 1/1 0/1' } })
    .toBuffer();
}
