import { validIdNumber } from '../../factories/children.factory';
import { bearer, createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/**
 * No plaintext identity anywhere in the database: after registering, reading,
 * listing, searching and changing children through the API, every text-like
 * column of every table (audit log and outbox included) is dumped and searched
 * for each name, ID number, address and guardian name and phone sent.
 */
describe('children registry: no plaintext identity in the database', () => {
  let t: TestApp;
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const world = await createWorld(t);
    const coordinator = bearer(world.ngo.coordinator);
    const people = [
      {
        legalName: '明文儿童甲',
        idNumber: validIdNumber('2013-07-21'),
        address: '明文地址甲村七组',
        guardian: '明文监护人甲',
        phone: '15099887761',
      },
      {
        legalName: '明文儿童乙',
        idNumber: validIdNumber('2012-02-03'),
        address: '明文地址乙村八组',
        guardian: '明文监护人乙',
        phone: '15099887762',
      },
    ];
    for (const p of people) {
      const birthDate = `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`;
      const res = await t
        .http()
        .post(`/api/v1/organizations/${world.ngo.id}/children`)
        .set(coordinator)
        .send({
          legalName: p.legalName,
          gender: 'female',
          birthDate,
          idNumber: p.idNumber,
          regionCode: '430523',
          address: p.address,
          categories: ['left_behind_grandparent'],
          guardians: [{ name: p.guardian, relation: '祖母', phone: p.phone }],
          registeredOn: '2026-03-01',
        });
      expect(res.status).toBe(201);
      secrets.push(p.legalName, p.idNumber, p.address, p.guardian, p.phone);
      const id = res.body.id as string;
      expect((await t.http().get(`/api/v1/children/${id}`).set(coordinator)).status).toBe(200);
      const search = await t.http().get(`/api/v1/organizations/${world.ngo.id}/children`).query({ q: p.legalName }).set(coordinator);
      expect(search.body.data.map((r: { id: string }) => r.id)).toEqual([id]);
      const changed = {
        legalName: `${p.legalName}改`,
        address: `${p.address}改`,
        guardians: [{ name: `${p.guardian}改`, relation: '外婆', phone: p.phone.replace(/1$/, '9').replace(/2$/, '8') }],
      };
      const patched = await t
        .http()
        .patch(`/api/v1/children/${id}`)
        .set(coordinator)
        .send({ version: 1, ...changed });
      expect(patched.status).toBe(200);
      secrets.push(changed.legalName, changed.address, changed.guardians[0].name, changed.guardians[0].phone);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('should find none of the names, ID numbers, addresses or guardian phones in any column when the database is dumped', async () => {
    const columns = await t.db.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          AND (c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea')
               OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))`,
    );
    expect(columns.some((c) => c.table_name === 'children' && c.column_name === 'legal_name_enc')).toBe(true);
    const tables = new Map<string, string[]>();
    for (const c of columns) {
      const expr = c.data_type === 'bytea' ? `encode("${c.column_name}", 'escape')` : `"${c.column_name}"::text`;
      tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), expr]);
    }
    const hits: string[] = [];
    let cells = 0;
    // A control: the coordinator's display name is stored in plaintext, so the dump must find it.
    let controlHits = 0;
    for (const [table, exprs] of tables) {
      const rows = await t.db.query<{ v: string | null }>(`SELECT unnest(ARRAY[${exprs.join(', ')}]) AS v FROM "${table}"`);
      for (const { v } of rows) {
        if (v === null) continue;
        cells += 1;
        for (const secret of secrets) if (v.includes(secret)) hits.push(`${table}: ${secret}`);
        if (v.includes('协调员')) controlHits += 1;
      }
    }
    expect(cells).toBeGreaterThan(100);
    expect(controlHits).toBeGreaterThan(0);
    expect((await t.db.query('SELECT 1 FROM children')).length).toBe(2);
    expect(hits).toEqual([]);
  });
});
