import { CHILD_CATEGORIES } from '@kindred/contracts';
import { DemoSeeder } from '../../../src/database/seeds/demo.seeder';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from '../../../src/database/seeds/demo-data';
import { demoChildren } from '../../../src/database/seeds/demo-children';
import { DemoChildrenSeeder } from '../../../src/database/seeds/demo-children.seeder';
import { ChildCipher } from '../../../src/modules/children/child-cipher';
import { beijingToday } from '../../../src/modules/children/child-dates';
import { checkIdNumber } from '../../../src/modules/children/id-number';
import { PrincipalService } from '../../../src/modules/identity/principal.service';
import { startTestApp, type TestApp } from '../../support/app';

/** Counts of rows in every text-like column of the public schema that contain any of `needles`. */
async function plaintextHits(t: TestApp, needles: string[]): Promise<Array<{ table: string; column: string; hits: number }>> {
  const columns = await t.db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
  );
  const patterns = needles.map((n) => `%${n}%`);
  const found: Array<{ table: string; column: string; hits: number }> = [];
  for (const c of columns) {
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text LIKE ANY($1::text[])`,
      [patterns],
    );
    if (row.n > 0) found.push({ table: c.table_name, column: c.column_name, hits: row.n });
  }
  return found;
}

describe('demo data: the demo NGO registry of children', () => {
  let t: TestApp;
  let ngoId: string;
  const today = beijingToday();

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query('DELETE FROM users');
    expect(await t.app.get(DemoSeeder).seedOnce()).toBe(true);
    ngoId = (await t.db.query<{ id: string }>('SELECT id FROM organizations WHERE name = $1', [DEMO_ORGANIZATIONS.ngo.name]))[0].id;
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('should register about sixty children of 隆回县 in households with siblings when the demo loads', async () => {
    const children = await t.db.query<{ org_id: string; household_id: string; region_code: string }>(
      'SELECT org_id, household_id, region_code FROM children',
    );
    expect(children.length).toBe(demoChildren(today).length);
    expect(children.length).toBeGreaterThanOrEqual(55);
    expect(children.length).toBeLessThanOrEqual(70);
    expect(new Set(children.map((c) => c.org_id))).toEqual(new Set([ngoId]));
    expect(children.every((c) => /^430524\d{3}$/.test(c.region_code))).toBe(true);
    const perHousehold = new Map<string, number>();
    for (const c of children) perHousehold.set(c.household_id, (perHousehold.get(c.household_id) ?? 0) + 1);
    expect([...perHousehold.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(5);
  });

  it('should cover every category code, with some children in both groups, when the demo loads', async () => {
    const rows = await t.db.query<{ categories: string[] }>('SELECT categories FROM children');
    expect(new Set(rows.flatMap((r) => r.categories))).toEqual(new Set(CHILD_CATEGORIES));
    const both = rows.filter(
      (r) => r.categories.some((c) => c.startsWith('left_behind_')) && r.categories.some((c) => !c.startsWith('left_behind_')),
    );
    expect(both.length).toBeGreaterThanOrEqual(3);
  });

  it('should keep no plaintext name, ID number or address in any column when the demo loads', async () => {
    const plan = demoChildren(today);
    const needles = [
      ...plan.map((c) => c.legalName),
      ...plan.map((c) => c.idNumber),
      ...plan.map((c) => c.address),
      ...plan.map((c) => c.guardians[0].name),
    ];
    expect(await plaintextHits(t, needles)).toEqual([]);
    // The ciphertexts open to valid ID numbers that match the stored birth dates.
    const cipher = t.app.get(ChildCipher);
    const stored = await t.db.query<{ id_number_enc: string; birth_date: string; legal_name_enc: string }>(
      "SELECT id_number_enc, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, legal_name_enc FROM children",
    );
    for (const row of stored) {
      const check = checkIdNumber(cipher.decrypt(row.id_number_enc));
      expect(check).toMatchObject({ ok: true, birthDate: row.birth_date });
    }
    expect(new Set(stored.map((r) => cipher.decrypt(r.legal_name_enc)))).toEqual(new Set(plan.map((c) => c.legalName)));
  });

  it('should record two years of services, assessments for outcome figures, exits, overdue visits and consents when the demo loads', async () => {
    const kinds = await t.db.query<{ kind: string; n: number; fen: string | null; qty: number | null }>(
      'SELECT kind, count(*)::int AS n, sum(amount_fen)::text AS fen, sum(quantity)::int AS qty FROM child_services GROUP BY kind',
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k]));
    for (const kind of ['family_visit', 'tutoring', 'counselling', 'parent_child_call', 'cash_aid', 'grant', 'material_aid']) {
      expect(byKind[kind]?.n ?? 0).toBeGreaterThan(0);
    }
    expect(Number(byKind.cash_aid.fen)).toBeGreaterThan(0);
    expect(byKind.material_aid.qty).toBeGreaterThan(0);
    const [span] = await t.db.query<{ days: number }>('SELECT (max(date) - min(date))::int AS days FROM child_services');
    expect(span.days).toBeGreaterThan(540);
    // Every tutored child has academic scores at two dates at least, so a change can be computed.
    const tutoredWithoutPair = await t.db.query(
      `SELECT s.child_id FROM (SELECT DISTINCT child_id FROM child_services WHERE kind = 'tutoring') s
        WHERE (SELECT count(*) FROM child_assessments a WHERE a.child_id = s.child_id AND a.kind = 'academic') < 2`,
    );
    expect(tutoredWithoutPair).toEqual([]);
    const [status] = await t.db.query<{ exited: number; overdue: number; consented: number; total: number; changed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'exited')::int AS exited,
              count(*) FILTER (WHERE status = 'active' AND next_visit_due < $1::date)::int AS overdue,
              (SELECT count(DISTINCT child_id) FROM child_consents WHERE withdrawn_at IS NULL)::int AS consented,
              (SELECT count(*) FROM child_category_changes WHERE cardinality(from_categories) > 0)::int AS changed,
              count(*)::int AS total
         FROM children`,
      [today],
    );
    expect(status.exited).toBeGreaterThanOrEqual(3);
    expect(status.overdue).toBeGreaterThanOrEqual(3);
    expect(status.consented / status.total).toBeGreaterThan(0.75);
    expect(status.changed).toBeGreaterThanOrEqual(1);
  });

  it('should load nothing the second time when the NGO already has children', async () => {
    const before = (await t.db.query('SELECT id FROM children')).length;
    const login = await t.http().post('/api/v1/auth/login').send({ login: DEMO_USERS.coordinator.email, password: DEMO_PASSWORD });
    const principal = await t.app.get(PrincipalService).resolve(login.body.accessToken as string);
    expect(await t.app.get(DemoChildrenSeeder).seed(principal, ngoId, today)).toBe(0);
    expect((await t.db.query('SELECT id FROM children')).length).toBe(before);
  });

  it('should produce the same registry when planned twice for the same day', () => {
    expect(demoChildren(today)).toEqual(demoChildren(today));
  });
});
