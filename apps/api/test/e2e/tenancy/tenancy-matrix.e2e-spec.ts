import { listRoutes } from '../../support/routes';
import { startTestApp, type TestApp } from '../../support/app';
import { buildWorld, CALLERS, type Caller, type MatrixRow, type MatrixWorld, type Target } from './matrix';
import { MATRIX_ROWS } from './rows';

async function call(world: MatrixWorld, row: MatrixRow, target: Target, caller: Caller): Promise<number> {
  const prepared = await row.prepare(world, target, caller);
  const method = row.route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let request = world.t.http()[method](prepared.path);
  if (caller !== 'anonymous') request = request.set('Authorization', `Bearer ${world.users[caller].accessToken}`);
  for (const [name, value] of Object.entries(prepared.headers ?? {})) request = request.set(name, value);
  if (prepared.attach) request = request.attach(prepared.attach.field, prepared.attach.content, prepared.attach.name);
  const res = prepared.body === undefined ? await request : await request.send(prepared.body as object);
  return res.status;
}

describe('tenancy matrix', () => {
  let t: TestApp;
  let world: MatrixWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should have a row for every route when the router is walked', () => {
    const rowKeys = new Set(MATRIX_ROWS.map((r) => r.route));
    const missing = listRoutes(t.app)
      .map((r) => r.key)
      .filter((key) => !rowKeys.has(key));
    expect(missing).toEqual([]);
    const routeKeys = new Set(listRoutes(t.app).map((r) => r.key));
    expect(MATRIX_ROWS.map((r) => r.route).filter((key) => !routeKeys.has(key))).toEqual([]);
  });

  it('should answer every route, caller and target exactly as the table says (0 leaks)', async () => {
    const mismatches: string[] = [];
    for (const row of MATRIX_ROWS) {
      for (const [target, expected] of Object.entries(row.expect) as Array<[Target, Record<Caller, number>]>) {
        for (const caller of CALLERS) {
          const status = await call(world, row, target, caller);
          if (status !== expected[caller])
            mismatches.push(`${row.route} [${target}] as ${caller}: expected ${expected[caller]}, got ${status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 900_000); // One sweep of several thousand requests; its own limit, not a speed check.
});
