import { DemoSeeder } from '../../../src/database/seeds/demo.seeder';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../src/database/seeds/demo-data';
import { demoChildren } from '../../../src/database/seeds/demo-children';
import { beijingToday } from '../../../src/modules/children/child-dates';
import { registerUser } from '../../factories/identity.factory';
import { startTestApp, TEST_ADMIN, type TestApp } from '../../support/app';

const DEMO_EMAILS = Object.values(DEMO_USERS).map((u) => u.email);

describe('demo data and ADMIN_LOGIN', () => {
  let t: TestApp | null = null;

  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('should load demo data and list its logins when ADMIN_LOGIN created the only account', async () => {
    t = await startTestApp();
    expect(await t.db.query('SELECT email FROM users')).toEqual([{ email: TEST_ADMIN.login }]);

    expect(await t.app.get(DemoSeeder).seedOnce()).toBe(true);

    const users = await t.db.query<{ email: string; is_platform_admin: boolean }>('SELECT email, is_platform_admin FROM users');
    expect(users.map((u) => u.email).sort()).toEqual([...DEMO_EMAILS, TEST_ADMIN.login].sort());
    // The configured administrator is simply an extra account, still an administrator.
    expect(users.find((u) => u.email === TEST_ADMIN.login)?.is_platform_admin).toBe(true);
    expect((await t.db.query('SELECT id FROM organizations')).length).toBeGreaterThan(0);
    // The demo NGO's registry: about sixty children, their names only as ciphertext.
    const children = await t.db.query<{ row: string }>('SELECT to_jsonb(c)::text AS row FROM children c');
    expect(children.length).toBe(demoChildren(beijingToday()).length);
    const names = demoChildren(beijingToday()).map((c) => c.legalName);
    expect(children.filter((c) => names.some((name) => c.row.includes(name)))).toEqual([]);
    const banner = t.app.get(DemoSeeder).describeLogins('http://127.0.0.1:3000');
    for (const email of DEMO_EMAILS) expect(banner).toContain(email);
    expect(banner).toContain(DEMO_PASSWORD);
    expect(banner).not.toContain(TEST_ADMIN.login);
    const login = await t.http().post('/api/v1/auth/login').send({ login: DEMO_USERS.coordinator.email, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('should load nothing and print no demo logins when the database already has accounts', async () => {
    t = await startTestApp();
    await registerUser(t, { displayName: '已有用户' });

    expect(await t.app.get(DemoSeeder).seedOnce()).toBe(false);

    expect(await t.db.query('SELECT email FROM users WHERE email = ANY($1)', [DEMO_EMAILS])).toEqual([]);
    const banner = t.app.get(DemoSeeder).describeLogins('http://127.0.0.1:3000');
    for (const email of DEMO_EMAILS) expect(banner).not.toContain(email);
    expect(banner).not.toContain(DEMO_PASSWORD);
  });

  it('should keep the configured password when ADMIN_LOGIN is the demo administrator', async () => {
    const password = 'Operator-chosen-pass-42';
    t = await startTestApp({ ADMIN_LOGIN: DEMO_USERS.admin.email, ADMIN_PASSWORD: password });

    expect(await t.app.get(DemoSeeder).seedOnce()).toBe(true);

    expect((await t.http().post('/api/v1/auth/login').send({ login: DEMO_USERS.admin.email, password })).status).toBe(200);
    expect((await t.http().post('/api/v1/auth/login').send({ login: DEMO_USERS.admin.email, password: DEMO_PASSWORD })).status).toBe(401);
    const adminRow = t.app
      .get(DemoSeeder)
      .describeLogins('http://127.0.0.1:3000')
      .split('\n')
      .find((line) => line.includes(DEMO_USERS.admin.email));
    expect(adminRow).toContain('ADMIN_PASSWORD');
  });
});
