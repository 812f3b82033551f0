import { buildCandidatesQuery, type CandidatesTarget } from './candidates.sql';

const target = (change: Partial<CandidatesTarget> = {}): CandidatesTarget => ({
  needId: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  regionCode: '430524101',
  location: { lat: 27.1117, lng: 111.0329 },
  requiredSkills: ['tutoring_math'],
  childContact: false,
  minAge: null,
  shift: {
    id: '00000000-0000-4000-8000-000000000003',
    startsAt: new Date('2026-12-05T01:00:00Z'),
    endsAt: new Date('2026-12-05T03:00:00Z'),
  },
  ...change,
});
const options = { now: new Date('2026-12-01T00:00:00Z'), codeOfConductVersion: '2026.1', limit: 20, after: null };

describe('buildCandidatesQuery', () => {
  it('should find volunteers in the county or the radius, minus live sign-ups and overlaps', () => {
    const { text, values } = buildCandidatesQuery(target(), options);
    expect(text).toMatch(/p\.region_code >= \$\d+::varchar AND p\.region_code < \$\d+::varchar/);
    expect(values).toContain('430524');
    expect(values).toContain('430525');
    expect(text).toContain('p.lat BETWEEN');
    expect(text).toContain(`g.status IN ('confirmed', 'waitlisted')`);
    expect(text).toContain(`g.status = 'confirmed' AND ss.starts_at <`);
    expect(text).not.toContain('safeguarding_checks');
    expect(text).toContain('ORDER BY ranked.score DESC, ranked.user_id ASC');
  });

  it('should require a valid check, no open block and the current code of conduct for child contact, and a birth date for an age rule', () => {
    const { text, values } = buildCandidatesQuery(target({ childContact: true, minAge: 18 }), options);
    expect(text).toContain(`sc.result = 'clear' AND sc.expires_at >= `);
    expect(text).toContain(`sc.result = 'flagged' AND sc.lifted_at IS NULL`);
    expect(text).toMatch(/p\.code_of_conduct_version_accepted = \$\d+::varchar/);
    expect(values).toContain('2026.1');
    expect(text).toContain('p.birth_date IS NOT NULL');
    expect(buildCandidatesQuery(target({ childContact: true }), { ...options, codeOfConductVersion: null }).text).toContain('AND false');
  });

  it('should compute reliability with engagement’s formula and the load over this Beijing month', () => {
    const { text, values } = buildCandidatesQuery(target(), options);
    expect(text).toContain('(COALESCE(a.attended, 0) + 2)::numeric');
    expect(text).toContain('0.5 * COALESCE(a.late, 0) + 2.5');
    expect(values).toContain('2026-11-30T16:00:00.000Z');
    expect(values).toContain('2026-12-31T16:00:00.000Z');
  });
});
