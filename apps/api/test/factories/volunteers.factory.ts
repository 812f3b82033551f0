import type { TestApp } from '../support/app';
import { bearer, registerUser, type TestUser } from './identity.factory';

export const CURRENT_CODE_OF_CONDUCT = '2026.1';

export const PROFILE = {
  skills: ['tutoring_math', 'companionship'],
  languages: ['普通话', '湘语'],
  regionCode: '430524101',
  location: { lat: 27.1117, lng: 111.0329 },
  availability: [
    { weekday: 6, from: '09:00', to: '12:00' },
    { weekday: 7, from: '14:00', to: '17:30' },
  ],
  monthlyHourCap: 20,
  birthDate: '1998-05-20',
};

export async function putProfile(
  t: TestApp,
  user: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await t
    .http()
    .put('/api/v1/me/volunteer-profile')
    .set(bearer(user))
    .send({ ...PROFILE, ...overrides });
  return { status: res.status, body: res.body as Record<string, unknown> };
}

export async function acceptCodeOfConduct(t: TestApp, user: TestUser): Promise<void> {
  const res = await t.http().post('/api/v1/me/code-of-conduct/accept').set(bearer(user)).send({ version: CURRENT_CODE_OF_CONDUCT });
  if (res.status !== 200) throw new Error(`accept code of conduct failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A check queried `daysAgo` days ago (clear by default), recorded by an NGO owner or coordinator. */
export async function recordCheck(
  t: TestApp,
  recorder: TestUser,
  volunteerId: string,
  overrides: Record<string, unknown> = {},
  daysAgo = 1,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const checkedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const res = await t
    .http()
    .post(`/api/v1/volunteers/${volunteerId}/safeguarding-checks`)
    .set(bearer(recorder))
    .send({
      kind: 'entry_inquiry',
      result: 'clear',
      checkedAt,
      issuingAuthority: 'public_security',
      reference: '隆公查〔2026〕0001号',
      ...overrides,
    });
  return { status: res.status, body: res.body as Record<string, unknown> };
}

/** A volunteer who may take child-contact work: profile, accepted code of conduct, a clear check. */
export async function eligibleVolunteer(t: TestApp, recorder: TestUser, displayName = '合格志愿者'): Promise<TestUser> {
  const user = await registerUser(t, { displayName });
  const profile = await putProfile(t, user);
  if (profile.status !== 200) throw new Error(`profile failed: ${profile.status} ${JSON.stringify(profile.body)}`);
  await acceptCodeOfConduct(t, user);
  const check = await recordCheck(t, recorder, user.id);
  if (check.status !== 201) throw new Error(`check failed: ${check.status} ${JSON.stringify(check.body)}`);
  return user;
}
