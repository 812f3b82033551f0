import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { TestApp } from '../support/app';
import { bearer, type TestUser } from './identity.factory';

export interface ShiftNeed {
  needId: string;
  shiftId: string;
}

const HOUR = 3600_000;

/** A published need with one shift, through the public API. Times default to tomorrow 09:00–11:00 (UTC+8). */
export async function createShiftNeed(
  t: TestApp,
  coordinator: TestUser,
  organizationId: string,
  options: { capacity?: number; childContact?: boolean; startsAt?: Date; endsAt?: Date; minAge?: number; type?: string; title?: string } = {},
): Promise<ShiftNeed> {
  const startsAt = options.startsAt ?? new Date(Date.now() + 24 * HOUR);
  const endsAt = options.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR);
  const need = await t
    .http()
    .post('/api/v1/needs')
    .set(bearer(coordinator))
    .send({
      organizationId,
      type: options.type ?? 'companionship',
      title: options.title ?? '周末陪伴留守儿童',
      description: '在桃洪镇中心小学陪伴孩子们阅读和做手工',
      regionCode: '430524',
      childContact: options.childContact ?? false,
      requiredSkills: [],
      ...(options.minAge ? { minAge: options.minAge } : {}),
    });
  if (need.status !== 201) throw new Error(`create need failed: ${need.status} ${JSON.stringify(need.body)}`);
  const shift = await t
    .http()
    .post(`/api/v1/needs/${need.body.id}/shifts`)
    .set(bearer(coordinator))
    .send({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: options.capacity ?? 10 });
  if (shift.status !== 201) throw new Error(`create shift failed: ${shift.status} ${JSON.stringify(shift.body)}`);
  const published = await t.http().post(`/api/v1/needs/${need.body.id}/publish`).set(bearer(coordinator));
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  const body = shift.body as { id?: string; data?: Array<{ id: string }> } | Array<{ id: string }>;
  const shiftId = Array.isArray(body) ? body[0].id : (body.id ?? body.data![0].id);
  return { needId: need.body.id as string, shiftId };
}

/** Adds a shift to an existing need (e.g. an overlapping one). */
export async function addShift(t: TestApp, coordinator: TestUser, needId: string, startsAt: Date, endsAt: Date, capacity = 10): Promise<string> {
  const res = await t.http().post(`/api/v1/needs/${needId}/shifts`).set(bearer(coordinator)).send({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity });
  if (res.status !== 201) throw new Error(`create shift failed: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as { id?: string; data?: Array<{ id: string }> } | Array<{ id: string }>;
  return Array.isArray(body) ? body[0].id : (body.id ?? body.data![0].id);
}

/** Profile with a date of birth, the current code of conduct accepted, and a clear entry inquiry recorded by the NGO. */
export async function clearForChildContact(t: TestApp, coordinator: TestUser, organizationId: string, volunteer: TestUser, options: { birthDate?: string; expiresAt?: Date } = {}): Promise<void> {
  const profile = await t
    .http()
    .put('/api/v1/me/volunteer-profile')
    .set(bearer(volunteer))
    .send({ skills: [], languages: ['普通话'], regionCode: '430524', availability: [], birthDate: options.birthDate ?? '1998-03-01' });
  if (profile.status !== 200) throw new Error(`profile failed: ${profile.status} ${JSON.stringify(profile.body)}`);
  const code = await t.http().get('/api/v1/code-of-conduct').set(bearer(volunteer));
  const accepted = await t.http().post('/api/v1/me/code-of-conduct/accept').set(bearer(volunteer)).send({ version: code.body.version });
  if (accepted.status >= 300) throw new Error(`code of conduct failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const check = await t
    .http()
    .post(`/api/v1/volunteers/${volunteer.id}/safeguarding-checks`)
    .set(bearer(coordinator))
    .send({
      kind: 'entry_inquiry',
      result: 'clear',
      checkedAt: new Date(Date.now() - HOUR).toISOString(),
      expiresAt: (options.expiresAt ?? new Date(Date.now() + 180 * 24 * HOUR)).toISOString(),
      organizationId,
    });
  if (check.status !== 201) throw new Error(`safeguarding check failed: ${check.status} ${JSON.stringify(check.body)}`);
}

/**
 * Many volunteers at once for the race tests: rows written straight into the
 * test database with one shared password hash and a live session each, and
 * access tokens signed with the test secret. Registration through the API
 * (argon2id each time) would make a 1,000-person storm slow to set up.
 */
export async function bulkVolunteers(t: TestApp, count: number): Promise<TestUser[]> {
  const [{ password_hash }] = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users LIMIT 1');
  const jwt = new JwtService();
  const users: TestUser[] = [];
  const values: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const family = randomUUID();
    params.push(id, `storm.${id.slice(0, 8)}@example.cn`, password_hash, `志愿者${i + 1}`, family, randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, ''));
    const p = i * 6;
    values.push(`($${p + 1}::uuid, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::uuid, $${p + 6})`);
    const accessToken = jwt.sign({ sub: id, sid: family, typ: 'access' }, { secret: t.config.auth.jwtSecret, expiresIn: 900 });
    users.push({ id, login: `storm.${id.slice(0, 8)}@example.cn`, password: '', accessToken, refreshToken: '', displayName: `志愿者${i + 1}` });
  }
  await t.db.query(
    `WITH rows(id, email, hash, name, family, token) AS (VALUES ${values.join(',')}),
          u AS (INSERT INTO users (id, email, password_hash, display_name) SELECT id, email, hash, name FROM rows)
     INSERT INTO sessions (family_id, user_id, token_hash, expires_at) SELECT family, id, token, now() + interval '1 day' FROM rows`,
    params,
  );
  return users;
}
