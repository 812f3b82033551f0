import { areaPrefix, buildFeedQuery, type FeedOptions } from './feed.sql';
import type { VolunteerSnapshot } from '../volunteer-snapshot';

const NOW = new Date('2026-12-01T00:00:00Z');

const snapshot = (change: Partial<VolunteerSnapshot> = {}): VolunteerSnapshot => ({
  userId: '00000000-0000-4000-8000-000000000001',
  skills: ['tutoring_math'],
  languages: ['普通话', '湘语'],
  regionCode: '430524101',
  location: { lat: 27.1117, lng: 111.0329 },
  availability: [{ weekday: 6, from: '09:00', to: '12:00' }],
  monthlyHourCap: null,
  birthDate: null,
  childContactUntil: null,
  signups: [],
  hourRecords: [],
  reliability: 0.8,
  ...change,
});
const options = (change: Partial<FeedOptions> = {}): FeedOptions => ({
  now: NOW,
  hiddenOrgIds: [],
  includeFull: false,
  limit: 20,
  after: null,
  ...change,
});

/** Every $n the text uses must have a value, and every value must be used. */
function expectParametersBound(text: string, values: unknown[]): void {
  const used = new Set([...text.matchAll(/\$(\d+)::/g)].map((m) => Number(m[1])));
  expect([...used].sort((a, b) => a - b)).toEqual(values.map((_, i) => i + 1));
}

describe('buildFeedQuery', () => {
  it('should apply every hard filter when the volunteer has none of the rights or history', () => {
    const { text, values } = buildFeedQuery(snapshot(), options());
    expect(text).toContain('NOT n.child_contact');
    expect(text).toContain('n.min_age IS NULL');
    expect(text).toContain('o.confirmed_count < o.capacity');
    expect(text).toContain(`s.status = 'scheduled'`);
    expect(text).toContain('ORDER BY ranked.score DESC, ranked.starts_at ASC, ranked.shift_id ASC');
    expect(values[0]).toEqual(['open', 'in_progress']);
    expect(values).toContain(21);
    expectParametersBound(text, values);
  });

  it('should open child-contact shifts until the check expires and age rules to a known birth date', () => {
    const { text, values } = buildFeedQuery(
      snapshot({ childContactUntil: new Date('2027-06-01T00:00:00Z'), birthDate: '1998-05-20' }),
      options(),
    );
    expect(text).toMatch(/\(NOT n\.child_contact OR s\.ends_at <= \$\d+::timestamptz\)/);
    expect(text).toMatch(/extract\(year FROM age\(\(s\.starts_at AT TIME ZONE 'UTC'\)::date, \$\d+::date\)\) >= n\.min_age/);
    expect(values).toContain('2027-06-01T00:00:00.000Z');
    expectParametersBound(text, values);
  });

  it('should leave out live sign-ups and overlaps, and hidden organisations, when there are some', () => {
    const { text, values } = buildFeedQuery(
      snapshot({
        signups: [
          {
            shiftId: '00000000-0000-4000-8000-0000000000aa',
            status: 'confirmed',
            startsAt: new Date('2026-12-05T01:00:00Z'),
            endsAt: new Date('2026-12-05T03:00:00Z'),
          },
        ],
      }),
      options({ hiddenOrgIds: ['00000000-0000-4000-8000-0000000000bb'], includeFull: true }),
    );
    expect(text).toContain('NOT (s.id = ANY(');
    expect(text).toMatch(/NOT \(s\.starts_at < \$\d+::timestamptz AND \$\d+::timestamptz < s\.ends_at\)/);
    expect(text).toContain('NOT (n.org_id = ANY(');
    expect(text).not.toContain('o.confirmed_count < o.capacity');
    expect(values[0]).toEqual(['open', 'filled', 'in_progress']);
    expectParametersBound(text, values);
  });

  it('should fall back to the county when the volunteer has no coordinates, and continue after a cursor', () => {
    const { text, values } = buildFeedQuery(
      snapshot({ location: null }),
      options({ after: { score: '555', key: '2026-12-05T01:00:00.000000Z', id: '00000000-0000-4000-8000-0000000000cc', ring: 0 } }),
    );
    expect(text).not.toContain('n.lat BETWEEN');
    expect(values).toContain('430524%');
    expect(text).toMatch(/ranked\.score < \$\d+::int OR \(ranked\.score = \$\d+::int AND \(ranked\.starts_at, ranked\.shift_id\) > /);
    expectParametersBound(text, values);
  });

  it('should take the county, city or province as the area of a region code', () => {
    expect(areaPrefix('430524101')).toBe('430524');
    expect(areaPrefix('430524')).toBe('430524');
    expect(areaPrefix('430500')).toBe('4305');
    expect(areaPrefix('430000')).toBe('43');
  });
});
