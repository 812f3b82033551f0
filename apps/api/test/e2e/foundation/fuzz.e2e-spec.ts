import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../../support/app';
import { listRoutes } from '../../support/routes';
import { buildWorld, type Caller, type MatrixRow, type MatrixWorld, type PreparedRequest, type Target } from '../tenancy/matrix';
import { MATRIX_ROWS } from '../tenancy/rows';

/**
 * Every route of the router, reached by callers its policy lets through (so
 * validation and services really run), fed hostile input: values of the wrong
 * type, NUL, lone surrogates, huge strings, nulls, negative and huge numbers,
 * arrays and objects where scalars belong — in the body, the query and the path.
 * No answer may be a 5xx; every refusal is a coded problem, and a 400 names a field.
 */

const SEED = 20_260_703;
/** Cases per route and caller: ~85 routes × up to 2 callers × this ≈ the total printed at the end. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 24);
const HUGE = 200_000;
const SUMMARY_DIR = join(__dirname, '../../../../../test-artifacts/fuzz');

/** Hostile values, JSON-encodable (JSON.stringify escapes lone surrogates as \udXXX, which JSON.parse restores). */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  // The values that broke the API before: weighted up so every route meets them in a small run.
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', '正常\u0000文字') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', ' ', '0', '-1', 'true', 'null', '[]', '{}', '%00', '../../etc/passwd', "'; DROP TABLE users; --"),
  },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      -1,
      0,
      -0,
      1.5,
      -2_147_483_649,
      2_147_483_648,
      Number.MAX_SAFE_INTEGER + 2,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
    ),
  },
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constantFrom(
    '2026-02-30T25:61:00+08:00',
    '0000-01-01T00:00:00Z',
    '275760-09-13T00:00:01Z',
    '1e999',
    'NaN',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.integer({ min: 1, max: 3 }).map((k) => 'x'.repeat(HUGE * k)),
  fc.constantFrom(HUGE, 10_000).map((n) => '\u0000'.repeat(n)),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.constant('\u0000')), { maxLength: 5 }),
  fc.array(fc.constant('s'), { minLength: 5_000, maxLength: 5_000 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
  fc.constant({ lat: 'x', lng: null }),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
);

/** Text for a query value or a path segment (what a URL can carry). */
const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000',
    '\ud800',
    'x\udfff',
    '-1',
    '0',
    '1e308',
    '99999999999999999999',
    'null',
    'true',
    '[]',
    '{"a":1}',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.constantFrom('12345678-1234-1234-1234-1234567890ab', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: 1_000, max: 6_000 }).map((n) => 'q'.repeat(n)),
);

const QUERY_NAMES = [
  'limit',
  'cursor',
  'q',
  'status',
  'type',
  'regionCode',
  'from',
  'to',
  'near',
  'radiusKm',
  'organizationId',
  'needId',
  'view',
  'year',
  'format',
  'sort',
  'skills',
  'includeFull',
  'shiftId',
  'mine',
  'kind',
  'page',
  'before',
  'after',
];

type Mutation =
  | { kind: 'field'; pick: number; value: unknown; more: Array<{ pick: number; value: unknown }> }
  | { kind: 'body'; value: unknown }
  | { kind: 'extra'; name: string; value: unknown }
  | { kind: 'query'; pick: number; values: string[] }
  | { kind: 'path'; pick: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('field' as const),
      pick: fc.nat(),
      value: nasty,
      more: fc.array(fc.record({ pick: fc.nat(), value: nasty }), { maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('body' as const), value: nasty }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      name: fc.constantFrom('__proto__', 'constructor', 'id', 'a\u0000', 'isPlatformAdmin'),
      value: nasty,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      pick: fc.nat(),
      values: fc.array(nastyText, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('path' as const), pick: fc.nat(), value: nastyText }) },
);

/** A hostile value as query text: strings as they are, anything else as its JSON. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null'));

/** Every path inside a JSON value, e.g. ['items', 0, 'name']. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  }
  return [];
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** Percent-encodes UTF-16 text byte by byte, lone surrogates included (as their WTF-8 bytes, which are not UTF-8). */
function encodeAny(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

interface FuzzRequest {
  method: string;
  path: string;
  /** A raw JSON text, or undefined for no body. */
  json?: string;
  attach?: PreparedRequest['attach'];
}

function applyMutation(base: PreparedRequest, method: string, m: Mutation): FuzzRequest {
  const [pathname, search = ''] = base.path.split('?');
  const hasBody = base.body !== undefined || (method !== 'GET' && method !== 'DELETE' && !base.attach);
  const body = base.body ?? {};
  const request: FuzzRequest = {
    method,
    path: base.path,
    json: base.body === undefined ? undefined : JSON.stringify(base.body),
    attach: base.attach,
  };
  switch (m.kind) {
    case 'field': {
      const paths = pathsOf(body);
      if (!hasBody || base.attach)
        return applyMutation(base, method, { kind: 'query', pick: m.pick, values: [asText(m.value).slice(0, 2_000)] });
      let next: unknown = paths.length > 0 ? body : { value: m.value };
      // The first change, then up to two more on paths that still exist after it.
      for (const change of [{ pick: m.pick, value: m.value }, ...m.more]) {
        const now = pathsOf(next);
        if (now.length > 0) next = setAt(next, now[change.pick % now.length], change.value);
      }
      return { ...request, json: JSON.stringify(next), attach: undefined };
    }
    case 'body':
      if (base.attach) return { ...request, attach: undefined, json: JSON.stringify(m.value) };
      return { ...request, json: JSON.stringify(m.value) };
    case 'extra':
      if (!hasBody || base.attach)
        return applyMutation(base, method, { kind: 'query', pick: m.name.length, values: [asText(m.value).slice(0, 2_000)] });
      {
        // Written as JSON text, so that a `__proto__` key reaches the server as a key.
        const rest = JSON.stringify(body).slice(1);
        const field = `${JSON.stringify(m.name)}:${JSON.stringify(m.value)}`;
        return { ...request, json: rest === '}' ? `{${field}}` : `{${field},${rest}` };
      }
    case 'query': {
      const params = [...new URLSearchParams(search).keys()];
      const names = [...new Set([...params, ...QUERY_NAMES])];
      const name = names[m.pick % names.length];
      const kept = search
        .split('&')
        .filter((p) => p && decodeURIComponent(p.split('=')[0]) !== name)
        .join('&');
      const added = m.values.map((v) => `${encodeURIComponent(name)}=${encodeAny(v)}`).join('&');
      return { ...request, path: `${pathname}?${[kept, added].filter(Boolean).join('&')}` };
    }
    case 'path': {
      const segments = pathname.split('/');
      const ids = segments.map((s, i) => (/^[0-9a-f-]{36}$/.test(s) ? i : -1)).filter((i) => i >= 0);
      if (ids.length === 0) return applyMutation(base, method, { kind: 'query', pick: m.pick, values: [m.value] });
      const at = ids[m.pick % ids.length];
      const next = [...segments];
      // An empty segment would route elsewhere; a space keeps the route and is still not an id.
      next[at] = encodeAny(m.value === '' ? ' ' : m.value);
      return { ...request, path: `${next.join('/')}${search ? `?${search}` : ''}` };
    }
  }
}

/**
 * The one refusal made before any application code runs, so not problem+json: Node's HTTP parser answers
 * 431 with no body to a request line over its header limit. (The router's own 400 and 414 go through the
 * adapter's `frameworkErrors` and are coded problems like every other.)
 */
function isTransportRefusal(status: number): boolean {
  return status === 431;
}

/** The callers each route lets through, best first: an owner of the organisation holding the rows, then the administrator. */
function passingCallers(row: MatrixRow): Array<{ target: Target; caller: Caller }> {
  const found: Array<{ target: Target; caller: Caller }> = [];
  const preference: Caller[] = ['owner', 'coordinator', 'csrManager', 'volunteer', 'staff', 'admin'];
  for (const target of ['own', 'none', 'other'] as const) {
    const expected = row.expect[target];
    if (!expected) continue;
    const ok = preference.filter((c) => expected[c] >= 200 && expected[c] < 300);
    const first = ok.find((c) => c !== 'admin');
    if (first) found.push({ target, caller: first });
    if (ok.includes('admin')) found.push({ target, caller: 'admin' });
    if (found.length > 0) break;
  }
  if (found.length === 0) {
    // A route nobody may pass (none today): still fuzz it as the administrator, for the policy path.
    const target = (Object.keys(row.expect)[0] ?? 'none') as Target;
    found.push({ target, caller: 'admin' });
  }
  return found;
}

describe('route fuzzing', () => {
  let t: TestApp;
  let world: MatrixWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('should answer every route with a coded problem and never a 5xx when the input is hostile', async () => {
    // One row per route (the first), so every route the router lists is fuzzed once.
    const rows = new Map<string, MatrixRow>();
    for (const row of MATRIX_ROWS) if (!rows.has(row.route)) rows.set(row.route, row);
    const routes = listRoutes(t.app).map((r) => r.key);
    expect(routes.filter((key) => !rows.has(key))).toEqual([]);

    const failures: string[] = [];
    const statusCounts = new Map<number, number>();
    let cases = 0;
    let transportRefusals = 0;
    let routeIndex = 0;
    for (const key of routes) {
      const row = rows.get(key)!;
      const method = key.split(' ')[0];
      routeIndex += 1;
      for (const { target, caller } of passingCallers(row)) {
        const base = await row.prepare(world, target, caller);
        const samples = fc.sample(mutation, { seed: SEED + routeIndex * 31 + caller.length, numRuns: RUNS_PER_ROUTE });
        for (const m of samples) {
          const fuzz = applyMutation(base, method, m);
          let req = world.t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](fuzz.path);
          req = req.set('Authorization', `Bearer ${world.users[caller as Exclude<Caller, 'anonymous'>].accessToken}`);
          for (const [name, value] of Object.entries(base.headers ?? {}))
            req = req.set(name, name.toLowerCase() === 'idempotency-key' ? `${value}-${cases}` : value);
          if (fuzz.attach) req = req.attach(fuzz.attach.field, fuzz.attach.content, fuzz.attach.name);
          else if (fuzz.json !== undefined) req = req.set('content-type', 'application/json').send(fuzz.json);
          const res = await req;
          cases += 1;
          statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
          const label = `${key} as ${caller}: ${m.kind} → ${fuzz.method} ${fuzz.path.slice(0, 160)} ${(fuzz.json ?? '').slice(0, 160)}`;
          if (res.status >= 500) {
            failures.push(`${res.status} ${label} ${JSON.stringify(res.body).slice(0, 200)}`);
            continue;
          }
          if (res.status < 400) continue;
          const body = res.body as { code?: unknown; errors?: Array<{ field?: unknown }> };
          if (isTransportRefusal(res.status)) {
            transportRefusals += 1;
            continue;
          }
          if (!/^application\/problem\+json/.test(String(res.headers['content-type'])))
            failures.push(`not problem+json ${res.status} ${label}`);
          else if (typeof body.code !== 'string') failures.push(`no code ${res.status} ${label}`);
          else if (res.status === 400 && body.code !== 'malformed_body') {
            const named =
              Array.isArray(body.errors) &&
              body.errors.length > 0 &&
              body.errors.every((e) => typeof e.field === 'string' && e.field.length > 0);
            if (!named) failures.push(`400 ${body.code} without a field ${label}`);
          }
        }
      }
    }
    const byStatus = [...statusCounts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    // The closing note quotes this line; the same summary is kept beside the test logs.
    const summary = `route fuzzing: ${cases} cases over ${routes.length} routes (seed ${SEED}, ${RUNS_PER_ROUTE} per route and caller); statuses ${byStatus}; ${transportRefusals} refused before the application; ${failures.length} failures`;
    process.stdout.write(`${summary}\n`);
    mkdirSync(SUMMARY_DIR, { recursive: true });
    writeFileSync(join(SUMMARY_DIR, 'summary.txt'), `${summary}\n${failures.join('\n')}\n`);
    expect(failures).toEqual([]);
  }, 600_000); // A bounded sweep of a few thousand requests; its own limit, not a speed check.
});
