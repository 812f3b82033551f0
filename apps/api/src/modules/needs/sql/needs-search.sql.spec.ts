import { buildNeedSearch, decodeCursor, encodeCursor, type NeedSearch } from './needs-search.sql';

const base: NeedSearch = { sort: 'newest', after: null, fetch: 51, visibility: { kind: 'scoped', ownOrgIds: [], hiddenOrgIds: [] } };
const ID = '6f1c1a52-3c1f-4b53-9d69-1b1f0f1c2d3e';

describe('needs search statement', () => {
  it('should show the public only listed needs with a literal status list when the caller has no organisation', () => {
    const { text, values } = buildNeedSearch(base);
    expect(text).toContain(`WHERE n.status IN ('open', 'filled', 'in_progress')`);
    expect(text).toContain('ORDER BY n.created_at DESC, n.id DESC');
    expect(values).toEqual([51]);
  });

  it('should add the caller’s own organisations and leave out suspended ones when scoped', () => {
    const { text, values } = buildNeedSearch({ ...base, visibility: { kind: 'scoped', ownOrgIds: ['a'], hiddenOrgIds: ['b'] } });
    expect(text).toContain(
      `(n.org_id = ANY($2::uuid[]) OR (n.status IN ('open', 'filled', 'in_progress') AND NOT (n.org_id = ANY($1::uuid[]))))`,
    );
    expect(values.slice(0, 2)).toEqual([['b'], ['a']]);
  });

  it('should apply no visibility filter for platform administrators', () => {
    expect(buildNeedSearch({ ...base, visibility: { kind: 'all' } }).text).not.toContain('WHERE');
  });

  it('should bind every filter as a parameter when all are combined', () => {
    const { text, values } = buildNeedSearch({
      ...base,
      types: ['tutoring'],
      regionPrefix: '430524',
      skills: ['tutoring_math'],
      near: { lat: 27.1, lng: 111.0, radiusKm: 10 },
      from: new Date('2026-07-01T00:00:00Z'),
      to: new Date('2026-08-01T00:00:00Z'),
      statuses: ['open'],
      organizationId: ID,
      sort: 'soonest',
      after: { sort: 'soonest', key: '2026-07-02T01:00:00.000123Z', id: ID },
    });
    expect(text).toContain('n.region_code LIKE $');
    expect(values).toContain('430524%');
    expect(text).toContain('n.required_skills && $');
    expect(text).toMatch(/n\.lat BETWEEN \$\d+::float8 AND \$\d+::float8/);
    expect(text).toContain('asin(');
    expect(text).toContain(`(COALESCE(n.starts_at, 'infinity'::timestamptz), n.id) > (`);
    expect(text).toContain(`ORDER BY COALESCE(n.starts_at, 'infinity'::timestamptz) ASC, n.id ASC`);
    expect(text).not.toMatch(/430524|tutoring|2026-/);
  });

  it('should round-trip a cursor and refuse one from another sort or a forged one', () => {
    const cursor = encodeCursor({ sort: 'newest', key: '2026-07-02T01:00:00.000123Z', id: ID });
    expect(decodeCursor(cursor, 'newest')).toEqual({ sort: 'newest', key: '2026-07-02T01:00:00.000123Z', id: ID });
    expect(decodeCursor(cursor, 'soonest')).toBeNull();
    expect(decodeCursor('not-a-cursor', 'newest')).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify(['newest', "x' OR 1=1", ID])).toString('base64url'), 'newest')).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify(['soonest', 'infinity', ID])).toString('base64url'), 'soonest')).toEqual({
      sort: 'soonest',
      key: 'infinity',
      id: ID,
    });
  });
});
