import { NEED_TYPES, type NeedStatus, type NeedSummaryView } from '@kindred/contracts';
import { regionPrefix } from '../../../src/common/regions/regions';
import { haversineKm } from '../../../src/modules/needs/geo';
import { bearer, createOrganization, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/**
 * Search correctness against real PostgreSQL: a few hundred needs with many
 * equal sort keys are written directly, then every filter (alone and
 * combined) is paged through over HTTP in small pages and compared with the
 * same rules applied in plain TypeScript to every row.
 */

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  id: string;
  org_id: string;
  type: string;
  status: NeedStatus;
  region_code: string;
  required_skills: string[];
  lat: number | null;
  lng: number | null;
  starts_at: string | null;
  ends_at: string | null;
  /** Sort keys as PostgreSQL prints them, microseconds included. */
  created_key: string;
  starts_key: string | null;
}

const REGIONS = ['430524001', '430524002', '430524101', '430524201', '430524', '430525001', '430525', '430102001'];
const SKILLS = ['tutoring_math', 'tutoring_chinese', 'tutoring_english', 'companionship', 'first_aid', 'music', 'driving'];
const STATUSES: NeedStatus[] = ['draft', 'open', 'open', 'open', 'filled', 'in_progress', 'completed', 'cancelled'];
const LISTED = new Set<NeedStatus>(['open', 'filled', 'in_progress']);
const LONGHUI = { lat: 27.1117, lng: 111.0329 };

type Query = Record<string, string>;

describe('needs search', () => {
  let t: TestApp;
  let volunteer: TestUser;
  let coordinatorA: TestUser;
  let admin: TestUser;
  let orgA: string;
  let orgB: string;
  let orgSuspended: string;
  let rows: Row[];

  beforeAll(async () => {
    t = await startTestApp();
    [volunteer, coordinatorA] = await Promise.all([
      registerUser(t, { displayName: '志愿者' }),
      registerUser(t, { displayName: '甲机构协调员' }),
    ]);
    const ownerB = await registerUser(t, { displayName: '乙机构负责人' });
    const ownerC = await registerUser(t, { displayName: '丙机构负责人' });
    admin = await loginAdmin(t);
    orgA = await createOrganization(t, coordinatorA);
    orgB = await createOrganization(t, ownerB);
    orgSuspended = await createOrganization(t, ownerC);
    await t.http().post(`/api/v1/organizations/${orgSuspended}/suspend`).set(bearer(admin));

    const random = prng(20260704);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const orgs = [orgA, orgB, orgB, orgSuspended];
    const generated = Array.from({ length: 420 }, (_, i) => {
      const hasTime = random() < 0.8;
      // Few distinct values, so many needs share a sort key.
      const startDay = Math.floor(random() * 12);
      const startsAt = hasTime ? new Date(Date.UTC(2027, 6, 1 + startDay, 1, 0, 0)).toISOString() : null;
      const endsAt =
        hasTime && random() < 0.7 ? new Date(Date.UTC(2027, 6, 1 + startDay + Math.floor(random() * 6), 9, 0, 0)).toISOString() : null;
      const located = random() < 0.85;
      return {
        org_id: pick(orgs),
        type: pick(NEED_TYPES),
        title: `需求 ${i}`,
        description: '',
        region_code: pick(REGIONS),
        lat: located ? LONGHUI.lat + (random() - 0.5) * 1.2 : null,
        lng: located ? LONGHUI.lng + (random() - 0.5) * 1.2 : null,
        child_contact: random() < 0.5,
        required_skills: SKILLS.filter(() => random() < 0.2),
        status: pick(STATUSES),
        starts_at: startsAt,
        ends_at: endsAt,
        created_minute: Math.floor(random() * 15),
      };
    });
    await t.db.query(
      `INSERT INTO needs (org_id, type, title, description, region_code, lat, lng, child_contact, required_skills, status, starts_at, ends_at, created_by, created_at)
       SELECT r.org_id, r.type, r.title, r.description, r.region_code, r.lat, r.lng, r.child_contact, r.required_skills, r.status, r.starts_at, r.ends_at,
              r.org_id, timestamptz '2026-10-01 00:00:00.123456+00' + r.created_minute * interval '1 minute'
         FROM jsonb_to_recordset($1::jsonb) AS r(org_id uuid, type text, title text, description text, region_code text, lat float8, lng float8,
              child_contact boolean, required_skills text[], status text, starts_at timestamptz, ends_at timestamptz, created_minute int)`,
      [JSON.stringify(generated)],
    );
    rows = await t.db.query<Row>(
      `SELECT id, org_id, type, status, region_code, required_skills, lat, lng, starts_at::text AS starts_at, ends_at::text AS ends_at,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS created_key,
              to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS starts_key
         FROM needs`,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  /** The same rules as the SQL, in plain code. */
  function expected(viewer: 'public' | 'memberA' | 'admin', q: Query): string[] {
    const near = q.near?.split(',').map(Number);
    const radius = Number(q.radiusKm ?? 20);
    const from = q.from ? Date.parse(q.from) : null;
    const to = q.to ? Date.parse(q.to) : null;
    const list = (v: string | undefined): string[] | null => (v ? v.split(',') : null);
    const types = list(q.type);
    const statuses = list(q.status);
    const skills = list(q.skills);
    const prefix = q.regionCode ? regionPrefix(q.regionCode) : null;
    const matches = rows.filter((r) => {
      const visible =
        viewer === 'admin' || (viewer === 'memberA' && r.org_id === orgA) || (LISTED.has(r.status) && r.org_id !== orgSuspended);
      if (!visible) return false;
      if (types && !types.includes(r.type)) return false;
      if (statuses && !statuses.includes(r.status)) return false;
      if (q.organizationId && r.org_id !== q.organizationId) return false;
      if (prefix && !r.region_code.startsWith(prefix)) return false;
      if (skills && !r.required_skills.some((s) => skills.includes(s))) return false;
      if (from !== null && !(r.starts_at && Date.parse(r.ends_at ?? r.starts_at) >= from)) return false;
      if (to !== null && !(r.starts_at && Date.parse(r.starts_at) <= to)) return false;
      if (near && !(r.lat !== null && r.lng !== null && haversineKm(near[0], near[1], r.lat, r.lng) <= radius)) return false;
      return true;
    });
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    if (q.sort === 'soonest') {
      // Needs without a start sort last ('~' is after every digit).
      return matches.sort((a, b) => cmp(a.starts_key ?? '~', b.starts_key ?? '~') || cmp(a.id, b.id)).map((r) => r.id);
    }
    return matches.sort((a, b) => cmp(b.created_key, a.created_key) || cmp(b.id, a.id)).map((r) => r.id);
  }

  /** Pages through the whole result; fails on a repeated id. */
  async function pageThrough(user: TestUser, q: Query, limit = 7): Promise<{ ids: string[]; pages: NeedSummaryView[][] }> {
    const ids: string[] = [];
    const pages: NeedSummaryView[][] = [];
    let cursor: string | null = null;
    do {
      const res = await t
        .http()
        .get('/api/v1/needs')
        .query({ ...q, limit: String(limit), ...(cursor ? { cursor } : {}) })
        .set(bearer(user));
      expect(res.status).toBe(200);
      const body = res.body as { data: NeedSummaryView[]; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(limit);
      pages.push(body.data);
      ids.push(...body.data.map((n) => n.id));
      cursor = body.nextCursor;
      expect(pages.length).toBeLessThan(200);
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    return { ids, pages };
  }

  const viewers = (): Record<'public' | 'memberA' | 'admin', TestUser> => ({ public: volunteer, memberA: coordinatorA, admin });

  it('should have many equal sort keys in the data set (the point of the pagination checks)', () => {
    const byCreated = new Map<string, number>();
    rows.forEach((r) => byCreated.set(r.created_key, (byCreated.get(r.created_key) ?? 0) + 1));
    expect(Math.max(...byCreated.values())).toBeGreaterThan(15);
    expect(rows.some((r) => r.created_key.endsWith('.123456'))).toBe(true);
  });

  const QUERIES: Array<[string, Query]> = [
    ['no filter', {}],
    ['no filter, soonest first', { sort: 'soonest' }],
    ['one type', { type: 'tutoring' }],
    ['several types', { type: 'tutoring,goods,summer_camp' }],
    ['a county prefix with its townships', { regionCode: '430524' }],
    ['a city prefix', { regionCode: '430500' }],
    ['a province prefix', { regionCode: '430000' }],
    ['a township exactly', { regionCode: '430524101' }],
    ['skills overlap', { skills: 'tutoring_math,first_aid' }],
    ['near a point (default 20 km)', { near: `${LONGHUI.lat},${LONGHUI.lng}` }],
    ['near a point within 8 km', { near: `${LONGHUI.lat},${LONGHUI.lng}`, radiusKm: '8' }],
    ['from', { from: '2027-07-06T00:00:00+08:00' }],
    ['to', { to: '2027-07-04T12:00:00+08:00' }],
    ['a window', { from: '2027-07-03T00:00:00+08:00', to: '2027-07-07T00:00:00+08:00' }],
    ['status', { status: 'filled,in_progress' }],
    ['organisation', { organizationId: '' }],
    [
      'combined',
      {
        type: 'tutoring,companionship,counselling,other',
        regionCode: '430524',
        skills: 'tutoring_math,tutoring_chinese,music',
        near: `${LONGHUI.lat},${LONGHUI.lng}`,
        radiusKm: '40',
        from: '2027-07-02T00:00:00+08:00',
        to: '2027-07-10T00:00:00+08:00',
      },
    ],
    [
      'combined, soonest first',
      { regionCode: '430524', near: `${LONGHUI.lat},${LONGHUI.lng}`, radiusKm: '30', status: 'open', sort: 'soonest' },
    ],
  ];

  it.each(QUERIES)('should return exactly the matching needs in order, paged without duplicates or gaps, for %s', async (_, raw) => {
    const q = { ...raw, ...(raw.organizationId === '' ? { organizationId: orgB } : {}) };
    for (const [viewer, user] of Object.entries(viewers()) as Array<['public' | 'memberA' | 'admin', TestUser]>) {
      const want = expected(viewer, q);
      // No vacuous passes: every query finds something for somebody.
      if (viewer === 'admin') expect(want.length).toBeGreaterThan(2);
      const { ids } = await pageThrough(user, q);
      expect({ viewer, ids }).toEqual({ viewer, ids: want });
    }
  });

  it('should show drafts of the caller’s own organisation only, and no needs of a suspended one', async () => {
    const mine = await pageThrough(coordinatorA, { status: 'draft' }, 50);
    expect(mine.ids.length).toBeGreaterThan(0);
    expect(mine.pages.flat().every((n) => n.organizationId === orgA && n.status === 'draft')).toBe(true);
    expect((await pageThrough(volunteer, { status: 'draft,completed,cancelled' }, 50)).ids).toEqual([]);
    expect((await pageThrough(volunteer, { organizationId: orgSuspended }, 50)).ids).toEqual([]);
    expect((await pageThrough(admin, { organizationId: orgSuspended }, 200)).ids.length).toBe(
      rows.filter((r) => r.org_id === orgSuspended).length,
    );
  });

  it('should give the distance when searching near a point, never more than the radius', async () => {
    const { pages } = await pageThrough(volunteer, { near: `${LONGHUI.lat},${LONGHUI.lng}`, radiusKm: '15' }, 200);
    const found = pages.flat();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((n) => typeof n.distanceKm === 'number' && n.distanceKm <= 15)).toBe(true);
    expect(found[0]).toMatchObject({
      organizationName: expect.any(String),
      location: { lat: expect.any(Number), lng: expect.any(Number) },
    });
  });

  it('should keep the pages stable when a page boundary falls inside a run of equal keys', async () => {
    // Pages of 1: every boundary sits between two needs, most of them with the same created_at.
    const q = { regionCode: '430524' };
    expect((await pageThrough(volunteer, q, 1)).ids).toEqual(expected('public', q));
  });

  it.each([
    [{ limit: '201' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ type: 'tutoring,party' }, 'type'],
    [{ regionCode: '999999' }, 'regionCode'],
    [{ near: '27.1' }, 'near'],
    [{ near: '91,111' }, 'near'],
    [{ radiusKm: '10' }, 'radiusKm'],
    [{ near: '27.1,111.0', radiusKm: '9000' }, 'radiusKm'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2027-07-10T00:00:00+08:00', to: '2027-07-01T00:00:00+08:00' }, 'to'],
    [{ status: 'lost' }, 'status'],
    [{ organizationId: 'abc' }, 'organizationId'],
    [{ skills: 'Robert;DROP TABLE needs' }, 'skills'],
    [{ sort: 'random' }, 'sort'],
    [{ cursor: 'bm90IGEgY3Vyc29y' }, 'cursor'],
    [{ colour: 'red' }, 'colour'],
  ])('should refuse %j with a 400 naming %s', async (q, field) => {
    const res = await t.http().get('/api/v1/needs').query(q).set(bearer(volunteer));
    expect(res.status).toBe(400);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });

  it('should refuse a cursor from the other sort order', async () => {
    const first = await t.http().get('/api/v1/needs').query({ limit: '2' }).set(bearer(volunteer));
    const res = await t
      .http()
      .get('/api/v1/needs')
      .query({ limit: '2', sort: 'soonest', cursor: first.body.nextCursor as string })
      .set(bearer(volunteer));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('should answer 401 without a token', async () => {
    expect((await t.http().get('/api/v1/needs')).status).toBe(401);
  });
});
