import { bearer, registerUser, type TestUser } from '../../factories/identity.factory';
import { putProfile } from '../../factories/volunteers.factory';
import type { TestApp } from '../../support/app';

/** 隆回县 小沙江镇 (the volunteers factory's profile lives here). */
export const HERE = { lat: 27.1117, lng: 111.0329 };
export const TOWNSHIP = '430524101';

const DAY = 86_400_000;

/**
 * "YYYY-MM-DDTHH:mm:00+08:00" on the given ISO weekday (1 = Monday), at least
 * three days ahead, plus `weeks` more weeks: far enough that nothing has started.
 */
export function beijingWeekday(weekday: number, hour: number, minute = 0, weeks = 1): string {
  const beijingNow = new Date(Date.now() + 8 * 3600_000);
  let days = 3;
  for (; ; days++) {
    const d = new Date(beijingNow.getTime() + days * DAY);
    if ((d.getUTCDay() || 7) === weekday) break;
  }
  const date = new Date(beijingNow.getTime() + (days + (weeks - 1) * 7) * DAY).toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

export interface OpenShift {
  needId: string;
  shiftId: string;
}

/**
 * A published tutoring need with one shift (Saturday 09:00–11:00 Beijing,
 * next week) at the volunteers factory's place, asking for maths tutoring.
 */
export async function openShift(
  t: TestApp,
  coordinator: TestUser,
  organizationId: string,
  options: { need?: Record<string, unknown>; startsAt?: string; endsAt?: string; capacity?: number; publish?: boolean } = {},
): Promise<OpenShift> {
  const need = await t
    .http()
    .post('/api/v1/needs')
    .set(bearer(coordinator))
    .send({
      organizationId,
      type: 'tutoring',
      title: '周六数学辅导',
      description: '为留守儿童提供小学数学课业辅导',
      regionCode: TOWNSHIP,
      location: HERE,
      childContact: false,
      requiredSkills: ['tutoring_math'],
      ...options.need,
    });
  if (need.status !== 201) throw new Error(`create need failed: ${need.status} ${JSON.stringify(need.body)}`);
  const shift = await t
    .http()
    .post(`/api/v1/needs/${need.body.id}/shifts`)
    .set(bearer(coordinator))
    .send({
      startsAt: options.startsAt ?? beijingWeekday(6, 9),
      endsAt: options.endsAt ?? beijingWeekday(6, 11),
      capacity: options.capacity ?? 5,
    });
  if (shift.status !== 201) throw new Error(`create shift failed: ${shift.status} ${JSON.stringify(shift.body)}`);
  if (options.publish ?? true) {
    const published = await t.http().post(`/api/v1/needs/${need.body.id}/publish`).set(bearer(coordinator));
    if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  }
  return { needId: need.body.id as string, shiftId: shift.body.data[0].id as string };
}

/** A registered volunteer with the factory profile (maths and companionship, 普通话 + 湘语, Sat morning and Sun afternoon). */
export async function volunteer(t: TestApp, profile: Record<string, unknown> = {}, displayName = '志愿者'): Promise<TestUser> {
  const user = await registerUser(t, { displayName });
  const res = await putProfile(t, user, profile);
  if (res.status !== 200) throw new Error(`profile failed: ${res.status} ${JSON.stringify(res.body)}`);
  return user;
}

export interface Reason {
  factor: string;
  contribution: number;
  text: { 'zh-CN': string; en: string };
}

export interface FeedItem {
  needId: string;
  shiftId: string;
  need: Record<string, unknown>;
  shift: { id: string; startsAt: string; full: boolean; capacity: number; confirmedCount: number };
  score: number;
  reasons: Reason[];
  actions: { signUp: { method: string; href: string } };
}

export async function feed(
  t: TestApp,
  user: TestUser,
  query = 'limit=200',
): Promise<{ status: number; body: { data: FeedItem[]; nextCursor: string | null } & Record<string, unknown> }> {
  const res = await t.http().get(`/api/v1/me/matches?${query}`).set(bearer(user));
  return { status: res.status, body: res.body };
}

export async function feedShiftIds(t: TestApp, user: TestUser, query?: string): Promise<string[]> {
  const res = await feed(t, user, query);
  if (res.status !== 200) throw new Error(`feed failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.map((m) => m.shiftId);
}

export async function feedItem(t: TestApp, user: TestUser, shiftId: string, query?: string): Promise<FeedItem> {
  const res = await feed(t, user, query);
  const item = res.body.data.find((m) => m.shiftId === shiftId);
  if (!item) throw new Error(`shift ${shiftId} is not in the feed: ${JSON.stringify(res.body).slice(0, 500)}`);
  return item;
}

export const points = (item: { reasons: Reason[] }, factor: string): number => {
  const reason = item.reasons.find((r) => r.factor === factor);
  if (!reason) throw new Error(`no ${factor} reason`);
  return reason.contribution;
};

/** Contributions of every factor but one. */
export const others = (item: { reasons: Reason[] }, factor: string): Record<string, number> =>
  Object.fromEntries(item.reasons.filter((r) => r.factor !== factor).map((r) => [r.factor, r.contribution]));

/** Sum in tenths, so float addition cannot hide a mismatch. */
export const sumOfReasons = (item: { reasons: Reason[] }): number => item.reasons.reduce((n, r) => n + Math.round(r.contribution * 10), 0);

/**
 * Serves a shift end to end and verifies the hours: sign up, the shift is
 * made to run now (as the engagement tests do), coordinator check-in,
 * volunteer check-out, coordinator verification. Returns the hour record.
 */
export async function serveShift(
  t: TestApp,
  coordinator: TestUser,
  user: TestUser,
  shiftId: string,
  options: { verify?: boolean } = {},
): Promise<{ signupId: string; recordId: string }> {
  const signup = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(user));
  if (signup.status !== 201) throw new Error(`sign-up failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  await t.db.query(
    `UPDATE shift_seats SET starts_at = now() - interval '60 minutes', ends_at = now() + interval '60 minutes' WHERE shift_id = $1`,
    [shiftId],
  );
  await t.db.query(`UPDATE signups SET checked_in_at = now() - interval '50 minutes', check_in_method = 'coordinator' WHERE id = $1`, [
    signup.body.id,
  ]);
  const out = await t.http().post(`/api/v1/signups/${signup.body.id}/check-out`).set(bearer(user));
  if (out.status !== 200) throw new Error(`check-out failed: ${out.status} ${JSON.stringify(out.body)}`);
  const recordId = out.body.hourRecord.id as string;
  if (options.verify ?? true) {
    const verified = await t.http().post(`/api/v1/hour-records/${recordId}/verify`).set(bearer(coordinator)).send({});
    if (verified.status !== 200) throw new Error(`verify failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return { signupId: signup.body.id as string, recordId };
}

/** A confirmed sign-up whose shift has started, marked as a no-show by the coordinator. */
export async function noShow(t: TestApp, coordinator: TestUser, user: TestUser, shiftId: string): Promise<void> {
  const signup = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(user));
  if (signup.status !== 201) throw new Error(`sign-up failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  await t.db.query(
    `UPDATE shift_seats SET starts_at = now() - interval '60 minutes', ends_at = now() - interval '10 minutes' WHERE shift_id = $1`,
    [shiftId],
  );
  const res = await t.http().post(`/api/v1/signups/${signup.body.id}/no-show`).set(bearer(coordinator));
  if (res.status !== 200) throw new Error(`no-show failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Polls until `check` holds (for effects that land shortly after a commit), failing after `ms`. */
export async function waitFor(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
