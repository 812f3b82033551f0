import type { NeedView, ShiftView } from '@kindred/contracts';
import type { TestApp } from '../support/app';
import { bearer, type TestUser } from './identity.factory';

/** An ISO time `days` from now at `hour`:`minute` Beijing time, with the +08:00 offset. */
export function beijingIn(days: number, hour = 9, minute = 0): string {
  const shifted = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  const date = shifted.toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

export const TUTORING = {
  type: 'tutoring',
  title: '桃花坪街道周六数学辅导',
  description: '为留守儿童提供小学数学课业辅导，每周六上午在街道社工站。',
  regionCode: '430524001',
  place: '桃花坪街道社工站',
  location: { lat: 27.1117, lng: 111.0329 },
  requiredSkills: ['tutoring_math'],
  beneficiaryCount: 12,
};

export async function createNeed(
  t: TestApp,
  coordinator: TestUser,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<NeedView> {
  const res = await t
    .http()
    .post('/api/v1/needs')
    .set(bearer(coordinator))
    .send({ ...TUTORING, organizationId, ...overrides });
  if (res.status !== 201) throw new Error(`create need failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as NeedView;
}

export async function publish(t: TestApp, coordinator: TestUser, needId: string): Promise<NeedView> {
  const res = await t.http().post(`/api/v1/needs/${needId}/publish`).set(bearer(coordinator));
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as NeedView;
}

export async function publishedNeed(
  t: TestApp,
  coordinator: TestUser,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<NeedView> {
  const need = await createNeed(t, coordinator, organizationId, overrides);
  return publish(t, coordinator, need.id);
}

export async function setStatus(
  t: TestApp,
  coordinator: TestUser,
  needId: string,
  status: string,
  reason?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await t
    .http()
    .post(`/api/v1/needs/${needId}/status`)
    .set(bearer(coordinator))
    .send({ status, ...(reason ? { reason } : {}) });
  return { status: res.status, body: res.body as Record<string, unknown> };
}

export async function addShifts(
  t: TestApp,
  coordinator: TestUser,
  needId: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: { data: ShiftView[]; seriesId: string | null } & Record<string, unknown> }> {
  const res = await t.http().post(`/api/v1/needs/${needId}/shifts`).set(bearer(coordinator)).send(body);
  return { status: res.status, body: res.body as { data: ShiftView[]; seriesId: string | null } };
}

/** One shift tomorrow (or `days` ahead), 09:00–11:00 Beijing time. */
export async function addShift(t: TestApp, coordinator: TestUser, needId: string, capacity = 5, days = 7): Promise<ShiftView> {
  const res = await addShifts(t, coordinator, needId, { startsAt: beijingIn(days, 9), endsAt: beijingIn(days, 11), capacity });
  if (res.status !== 201) throw new Error(`add shift failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data[0];
}
