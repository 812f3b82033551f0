import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ChildCipher, keyIdOf } from '../../../src/modules/children/child-cipher';
import { rotateChildKeys } from '../../../src/tools/children/child-key-rotation';
import { createChild, validIdNumber } from '../../factories/children.factory';
import { bearer, createOrganization, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, TEST_CHILD_DATA_KEY, type TestApp } from '../../support/app';

/**
 * `npm run children:rotate-key`: from key A to key B through the API's own
 * database role (row-level security on, one organisation bound per batch).
 */
describe('children key rotation', () => {
  const keyA = Buffer.from(TEST_CHILD_DATA_KEY, 'hex');
  const keyB = randomBytes(32);
  let t: TestApp;
  let owners: TestUser[];
  let orgs: string[];
  const children: Array<{ id: string; org: number; name: string; idNumber: string }> = [];

  const appWith = (env: Record<string, string>) => startTestApp(env, t.db);
  const withClient = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: t.db.appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    owners = [await registerUser(t), await registerUser(t)];
    orgs = [await createOrganization(t, owners[0], { kind: 'ngo' }), await createOrganization(t, owners[1], { kind: 'ngo' })];
    for (let i = 0; i < 5; i++) {
      const org = i % 2;
      const name = `轮换儿童${i}`;
      const idNumber = validIdNumber();
      children.push({ id: await createChild(t, owners[org], orgs[org], { legalName: name, idNumber }), org, name, idNumber });
    }
    // A consent written under key A: every *_enc column is rotated, not only the children table's.
    await t.db.query(
      `INSERT INTO child_consents (org_id, child_id, given_by_enc, relation, method, scopes, given_at)
       VALUES ($1, $2, $3, '祖母', 'paper', '{service_delivery}', now())`,
      [orgs[0], children[0].id, new ChildCipher(keyA).encrypt('轮换监护人')],
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const readAs = async (app: TestApp, child: (typeof children)[number]) =>
    app.http().get(`/api/v1/children/${child.id}`).set(bearer(owners[child.org]));
  const searchAs = async (app: TestApp, child: (typeof children)[number]) =>
    (
      await app.http().get(`/api/v1/organizations/${orgs[child.org]}/children`).query({ q: child.name }).set(bearer(owners[child.org]))
    ).body.data.map((r: { id: string }) => r.id);

  it('should read values under A when B is current and A is previous, before the rotation', async () => {
    const app = await appWith({ CHILD_DATA_KEY: keyB.toString('hex'), CHILD_DATA_PREVIOUS_KEYS: keyA.toString('hex') });
    try {
      for (const child of children) {
        expect((await readAs(app, child)).body.identity).toMatchObject({ legalName: child.name, idNumber: child.idNumber });
      }
    } finally {
      await app.close();
    }
  });

  it('should re-encrypt every stale value of every organisation and count the rows when rotating from A to B', async () => {
    const report = await withClient((client) => rotateChildKeys(client, new ChildCipher(keyB, [keyA]), { batchSize: 2 }));
    expect(report.keyId).toBe(keyIdOf(keyB));
    expect(report.tables).toEqual(
      expect.arrayContaining([
        { table: 'children', rows: 5 },
        { table: 'child_consents', rows: 1 },
      ]),
    );
    expect(report.total).toBe(6);
    const values = await t.db.query<{ v: string }>(
      `SELECT unnest(ARRAY[legal_name_enc, id_number_enc, address_enc, guardians_enc]) AS v FROM children
       UNION ALL SELECT given_by_enc FROM child_consents`,
    );
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((r) => r.v !== null && !r.v.startsWith(`${keyIdOf(keyB)}:`))).toEqual([]);
  });

  it('should rewrite nothing when run again', async () => {
    const report = await withClient((client) => rotateChildKeys(client, new ChildCipher(keyB, [keyA])));
    expect(report.total).toBe(0);
  });

  it('should read and search every child with only B when the rotation is done', async () => {
    const app = await appWith({ CHILD_DATA_KEY: keyB.toString('hex') });
    try {
      for (const child of children) {
        const res = await readAs(app, child);
        expect(res.status).toBe(200);
        expect(res.body.identity).toMatchObject({ legalName: child.name, idNumber: child.idNumber });
        expect(await searchAs(app, child)).toEqual([child.id]);
      }
      // The ID number's blind index is under B too: registering the same number again is a conflict.
      const again = await app
        .http()
        .post(`/api/v1/organizations/${orgs[0]}/children`)
        .set(bearer(owners[0]))
        .send({
          legalName: '重复',
          gender: 'male',
          birthDate: '2015-04-12',
          idNumber: children[0].idNumber,
          regionCode: '430523',
          categories: ['orphan'],
        });
      expect(again.status).toBe(409);
    } finally {
      await app.close();
    }
  });
});
