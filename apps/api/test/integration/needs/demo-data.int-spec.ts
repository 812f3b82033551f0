import { NEED_TYPES } from '@kindred/contracts';
import { DemoSeeder } from '../../../src/database/seeds/demo.seeder';
import { DEMO_USERS } from '../../../src/database/seeds/demo-data';
import { SafeguardingService } from '../../../src/modules/volunteers/safeguarding.service';
import { startTestApp, type TestApp } from '../../support/app';

describe('demo data: volunteers and needs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // Demo data loads only into a database without accounts; the test app created its administrator.
    await t.db.query('DELETE FROM users');
    expect(await t.app.get(DemoSeeder).seedOnce()).toBe(true);
  });

  afterAll(async () => {
    await t.close();
  });

  const userId = async (key: keyof typeof DEMO_USERS): Promise<string> =>
    (await t.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO_USERS[key].email]))[0].id;

  it('should post needs of every type across several townships of 隆回县', async () => {
    const needs = await t.db.query<{ type: string; region_code: string; status: string }>('SELECT type, region_code, status FROM needs');
    expect(new Set(needs.map((n) => n.type))).toEqual(new Set(NEED_TYPES));
    const townships = new Set(needs.map((n) => n.region_code).filter((c) => c.startsWith('430524') && c.length === 9));
    expect(townships.size).toBeGreaterThanOrEqual(8);
    expect(new Set(needs.map((n) => n.status))).toEqual(new Set(['draft', 'open', 'in_progress']));
  });

  it('should include a recurring weekly tutoring need on Saturdays, all in the future', async () => {
    const shifts = await t.db.query<{ starts_at: Date; series_id: string | null }>(
      `SELECT s.starts_at, s.series_id FROM shifts s JOIN needs n ON n.id = s.need_id WHERE n.type = 'tutoring' ORDER BY s.starts_at`,
    );
    expect(shifts).toHaveLength(12);
    expect(new Set(shifts.map((s) => s.series_id)).size).toBe(1);
    const weekdays = shifts.map((s) =>
      new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(s.starts_at),
    );
    expect(new Set(weekdays)).toEqual(new Set(['Sat']));
    expect(shifts[0].starts_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('should include a 50-seat summer camp in the summer programme and a goods need with its lines', async () => {
    const [camp] = await t.db.query<{ capacity: number; programme: string; target_fen: string }>(
      `SELECT o.capacity, p.name AS programme, n.target_fen FROM needs n JOIN shifts s ON s.need_id = n.id JOIN shift_occupancy o ON o.shift_id = s.id JOIN programmes p ON p.id = n.programme_id WHERE n.type = 'summer_camp'`,
    );
    expect(camp).toMatchObject({ capacity: 50, programme: expect.stringMatching(/^\d{4} 暑期夏令营$/), target_fen: '3000000' });
    const items = await t.db.query<{ name: string }>(
      `SELECT i.name FROM need_items i JOIN needs n ON n.id = i.need_id WHERE n.type = 'goods' ORDER BY i.position`,
    );
    expect(items.map((i) => i.name)).toEqual(['冬衣', '书包', '文具套装', '保暖鞋']);
  });

  it('should give the demo volunteers profiles, and `volunteer` a valid check and the accepted code of conduct', async () => {
    const profiles = await t.db.query<{ user_id: string; volunteer_number: string; employer_org_id: string | null }>(
      'SELECT user_id, volunteer_number, employer_org_id FROM volunteer_profiles',
    );
    expect(profiles.map((p) => p.user_id).sort()).toEqual(
      [await userId('volunteer'), await userId('volunteer2'), await userId('employee')].sort(),
    );
    expect(profiles.every((p) => /^KV\d{10}$/.test(p.volunteer_number))).toBe(true);
    const volunteer = await userId('volunteer');
    expect(await t.app.get(SafeguardingService).status(volunteer, new Date())).toBe('valid');
    const [accepted] = await t.db.query<{ code_of_conduct_version_accepted: string }>(
      'SELECT code_of_conduct_version_accepted FROM volunteer_profiles WHERE user_id = $1',
      [volunteer],
    );
    expect(accepted.code_of_conduct_version_accepted).toBe('2026.1');
    expect(profiles.find((p) => p.user_id !== volunteer && p.employer_org_id)).toBeDefined();
  });
});
