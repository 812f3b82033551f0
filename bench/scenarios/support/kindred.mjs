// Seeding helpers shared by the Kindred scenarios (this folder is not loaded as a scenario).
// People are written straight into users + sessions with SQL and given HS256 access tokens signed
// with the API's JWT_SECRET (ctx.jwtSecret), as apps/api/test/factories/engagement.factory.ts
// bulkVolunteers does: registering or logging in through the API hashes with argon2id each time
// and is throttled. Organisations, needs, shifts and pledges go through the API.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An access token as TokensService.signAccess makes it: HS256 over { sub, sid, typ: 'access' }. */
export function signAccessToken(secret, userId, sessionFamilyId, ttlSeconds = 4 * 3600) {
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, sid: sessionFamilyId, typ: 'access', iat, exp: iat + ttlSeconds })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * `count` users, each with a live session family and an access token: [{ id, token }].
 * One password hash (the administrator's) is shared; nobody logs in with it.
 */
export async function seedUsers(ctx, count, { label = 'bench', displayName = '志愿者' } = {}) {
  if (!ctx.jwtSecret) throw new Error('ctx.jwtSecret is missing (bench/run.mjs passes the API secret to scenarios)');
  const [{ password_hash: hash }] = (await ctx.query('SELECT password_hash FROM users ORDER BY created_at LIMIT 1')).rows;
  const users = [];
  for (let start = 0; start < count; start += 5000) {
    const ids = [];
    const emails = [];
    const names = [];
    const families = [];
    const tokens = [];
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      const id = randomUUID();
      const family = randomUUID();
      ids.push(id);
      emails.push(`${label}.${id.slice(0, 13)}@bench.local`);
      names.push(`${displayName}${i + 1}`);
      families.push(family);
      tokens.push(randomBytes(32).toString('hex'));
      users.push({ id, token: signAccessToken(ctx.jwtSecret, id, family) });
    }
    await ctx.query(
      `WITH rows AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[]) AS r(id, email, name, family, token)),
            u AS (INSERT INTO users (id, email, password_hash, display_name) SELECT id, email, $6, name FROM rows)
       INSERT INTO sessions (family_id, user_id, token_hash, expires_at) SELECT family, id, token, now() + interval '1 day' FROM rows`,
      [ids, emails, names, families, tokens, hash],
    );
  }
  return users;
}

/** A token for an existing user (e.g. the platform administrator), through a new session row. */
export async function tokenFor(ctx, userId) {
  const family = randomUUID();
  await ctx.query(`INSERT INTO sessions (family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`, [
    family,
    userId,
    randomBytes(32).toString('hex'),
  ]);
  return signAccessToken(ctx.jwtSecret, userId, family);
}

/** One JSON call to the app that must answer `expect`; returns the body. */
export async function api(ctx, method, path, { token, body, expect = method === 'POST' ? 201 : 200 } = {}) {
  const response = await ctx.http(method, path, { token, body });
  if (response.status !== expect) {
    throw new Error(`${method} ${path} answered ${response.status} (expected ${expect}): ${JSON.stringify(response.body).slice(0, 500)}`);
  }
  return response.body;
}

/** A verified NGO (created by a seeded owner, verified by the platform administrator): { orgId, owner: { id, token } }. */
export async function verifiedNgo(ctx, label, regionCode = '430524') {
  const [owner] = await seedUsers(ctx, 1, { label: `${label}-owner`, displayName: '机构负责人' });
  const org = await api(ctx, 'POST', '/api/v1/organizations', {
    token: owner.token,
    body: { kind: 'ngo', name: `基准测试机构 ${label} ${randomBytes(3).toString('hex')}`, regionCode },
  });
  const admin = (await ctx.query('SELECT id FROM users WHERE email = $1 OR phone = $1', [ctx.admin.login])).rows[0];
  if (!admin) throw new Error(`the administrator ${ctx.admin.login} is missing`);
  await api(ctx, 'POST', `/api/v1/organizations/${org.id}/verify`, { token: await tokenFor(ctx, admin.id), expect: 200 });
  return { orgId: org.id, owner };
}

/** A need of the NGO, created and (after `beforePublish`, e.g. adding shifts) published. Returns the need. */
export async function publishedNeed(ctx, ngo, fields = {}, beforePublish = async () => undefined) {
  const need = await api(ctx, 'POST', '/api/v1/needs', {
    token: ngo.owner.token,
    body: {
      organizationId: ngo.orgId,
      type: 'companionship',
      title: '周末陪伴留守儿童',
      description: '在桃洪镇中心小学陪伴孩子们阅读和做手工',
      regionCode: '430524',
      childContact: false,
      requiredSkills: [],
      ...fields,
    },
  });
  await beforePublish(need);
  await api(ctx, 'POST', `/api/v1/needs/${need.id}/publish`, { token: ngo.owner.token, expect: 200 });
  return need;
}

/** Adds shifts (one, or a series with `rrule` + `until`); returns their ids. */
export async function addShifts(ctx, ngo, needId, body) {
  const created = await api(ctx, 'POST', `/api/v1/needs/${needId}/shifts`, { token: ngo.owner.token, body });
  return created.data.map((s) => s.id);
}

/** Runs `work(i)` for i in [0, count) with at most `parallel` at a time; returns the results in order. */
export async function inParallel(count, parallel, work) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}
