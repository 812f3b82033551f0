// Shared pieces of the Kindred bare baselines: a pg Pool of the app's size, the HS256 access-token
// check and the three principal reads every authenticated app request makes (same SQL text as the
// app's TypeORM queries, run in parallel on the pool as the app's PrincipalService does), problem
// answers, and a node:http server that exits on SIGTERM.
//
// "Same SQL" here means: every statement the app sends for the request (SQL text as captured from
// the app's pg client), in the same order and with the same parallelism, over a Pool of 10. Only
// transaction control is written plainly (BEGIN / COMMIT; TypeORM sends START TRANSACTION and then
// SET TRANSACTION ISOLATION LEVEL READ COMMITTED as two round trips), so that round trip counts
// against the app. Env: PORT, HOST, DATABASE_URL, JWT_SECRET.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => undefined); // an idle client losing its server is answered by the next query's error

const secret = process.env.JWT_SECRET ?? '';

export class Problem extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** jsonwebtoken's HS256 checks: header alg, signature, exp; then the app's typ check. */
export function verifyAccessToken(header) {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new Problem(401, 'unauthorized', 'Sign in first: send an access token as a Bearer authorization header');
  const parts = match[1].split('.');
  if (parts.length !== 3) throw new Problem(401, 'unauthorized', 'The access token is not valid');
  const [head, body, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new Problem(401, 'unauthorized', 'The access token is not valid');
  let claims;
  try {
    if (JSON.parse(Buffer.from(head, 'base64url').toString('utf8')).alg !== 'HS256') throw new Error('alg');
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new Problem(401, 'unauthorized', 'The access token is not valid');
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now())
    throw new Problem(401, 'token_expired', 'The access token has expired; refresh it');
  if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
    throw new Problem(401, 'unauthorized', 'The access token is not valid');
  }
  return claims;
}

// The app's PrincipalService.fromClaims: user, memberships and session family, read in parallel.
const USER_SQL = `SELECT "UserEntity"."id" AS "UserEntity_id", "UserEntity"."email" AS "UserEntity_email", "UserEntity"."phone" AS "UserEntity_phone", "UserEntity"."password_hash" AS "UserEntity_password_hash", "UserEntity"."display_name" AS "UserEntity_display_name", "UserEntity"."locale" AS "UserEntity_locale", "UserEntity"."is_platform_admin" AS "UserEntity_is_platform_admin", "UserEntity"."failed_login_count" AS "UserEntity_failed_login_count", "UserEntity"."locked_until" AS "UserEntity_locked_until", "UserEntity"."created_at" AS "UserEntity_created_at", "UserEntity"."updated_at" AS "UserEntity_updated_at" FROM "users" "UserEntity" WHERE (("UserEntity"."id" = $1)) LIMIT 1`;
const MEMBERSHIPS_SQL = `SELECT m.org_id, o.name, o.kind, o.status, m.role
         FROM memberships m JOIN organizations o ON o.id = m.org_id
        WHERE m.user_id = $1
        ORDER BY m.created_at`;
const SESSION_SQL = 'SELECT 1 FROM sessions WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1';

/** The caller: token check, then the same three reads as the app. */
export async function principalOf(request) {
  const claims = verifyAccessToken(request.headers.authorization);
  const [user, memberships, active] = await Promise.all([
    pool.query(USER_SQL, [claims.sub]),
    pool.query(MEMBERSHIPS_SQL, [claims.sub]),
    pool.query(SESSION_SQL, [claims.sid]),
  ]);
  if (user.rows.length === 0 || active.rows.length === 0) throw new Problem(401, 'unauthorized', 'The session has ended; sign in again');
  return {
    userId: user.rows[0].UserEntity_id,
    sessionId: claims.sid,
    isPlatformAdmin: user.rows[0].UserEntity_is_platform_admin,
    memberships: memberships.rows.map((m) => ({
      organizationId: m.org_id,
      organizationKind: m.kind,
      organizationStatus: m.status,
      role: m.role,
    })),
  };
}

/** The app's abilities, reduced to the checks these baselines need. */
export function canCoordinate(principal, orgId) {
  if (principal.isPlatformAdmin) return true;
  return principal.memberships.some(
    (m) =>
      m.organizationId === orgId &&
      m.organizationStatus !== 'suspended' &&
      m.organizationKind === 'ngo' &&
      (m.role === 'owner' || m.role === 'coordinator'),
  );
}

export function canReadNgoWork(principal, orgId) {
  if (principal.isPlatformAdmin) return true;
  return principal.memberships.some(
    (m) => m.organizationId === orgId && m.organizationStatus !== 'suspended' && m.organizationKind === 'ngo',
  );
}

/** Runs `work(client)` between BEGIN and COMMIT on one pooled connection; ROLLBACK on any error. */
export async function transaction(work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Serves `handle(request, url, body)` → { status, body }. GET /health answers 200 (readiness).
 * A thrown Problem becomes a problem+json answer like the app's; anything else a 500.
 */
export function serve(handle) {
  const server = createServer(async (request, response) => {
    let status = 500;
    let payload;
    try {
      const url = new URL(request.url, 'http://bare');
      if (request.method === 'GET' && url.pathname === '/health') {
        status = 200;
        payload = { status: 'ok' };
      } else {
        const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await readBody(request);
        let body = null;
        if (text) {
          try {
            body = JSON.parse(text);
          } catch {
            throw new Problem(400, 'validation_failed', 'The body is not JSON');
          }
        }
        ({ status, body: payload } = await handle(request, url, body));
      }
    } catch (error) {
      if (error instanceof Problem) {
        status = error.status;
        payload = { status: error.status, code: error.code, detail: error.message, instance: request.url };
      } else {
        payload = { status: 500, code: 'internal', detail: String(error?.message ?? error) };
        process.stderr.write(`${error?.stack ?? error}\n`);
      }
    }
    const text = JSON.stringify(payload);
    response
      .writeHead(status, {
        'content-type': status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      })
      .end(text);
  });
  server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  const shutdown = () => {
    server.close();
    server.closeAllConnections();
    void pool.end().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return server;
}
