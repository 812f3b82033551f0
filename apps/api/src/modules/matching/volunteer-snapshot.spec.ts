import { volunteerFacts, type VolunteerSnapshot } from './volunteer-snapshot';

const NOW = new Date('2026-12-10T04:00:00Z');
const at = (iso: string): Date => new Date(iso);

const snapshot = (change: Partial<VolunteerSnapshot> = {}): VolunteerSnapshot => ({
  userId: 'u',
  skills: [],
  languages: ['普通话', '湖南话'],
  regionCode: '430524101',
  location: null,
  availability: [],
  monthlyHourCap: null,
  birthDate: null,
  childContactUntil: null,
  signups: [],
  hourRecords: [],
  reliability: 0.8,
  ...change,
});

describe('volunteer facts', () => {
  it('should hold live sign-ups apart and count only confirmed shifts still to come as busy', () => {
    const facts = volunteerFacts(
      snapshot({
        signups: [
          { shiftId: 'a', status: 'confirmed', startsAt: at('2026-12-12T01:00:00Z'), endsAt: at('2026-12-12T03:00:00Z') },
          { shiftId: 'b', status: 'waitlisted', startsAt: at('2026-12-13T01:00:00Z'), endsAt: at('2026-12-13T03:00:00Z') },
          { shiftId: 'c', status: 'cancelled', startsAt: at('2026-12-14T01:00:00Z'), endsAt: at('2026-12-14T03:00:00Z') },
          { shiftId: 'd', status: 'confirmed', startsAt: at('2026-12-01T01:00:00Z'), endsAt: at('2026-12-01T03:00:00Z') },
        ],
      }),
      NOW,
    );
    expect(facts.signedUpShiftIds).toEqual(['a', 'b', 'd']);
    expect(facts.busy).toEqual([{ startsAt: at('2026-12-12T01:00:00Z'), endsAt: at('2026-12-12T03:00:00Z') }]);
  });

  it('should net verified minutes per need and organisation, reversals included', () => {
    const facts = volunteerFacts(
      snapshot({
        hourRecords: [
          { needId: 'n1', orgId: 'o1', minutes: 120, status: 'verified', servedOn: at('2026-10-01T01:00:00Z') },
          { needId: 'n1', orgId: 'o1', minutes: -120, status: 'verified', servedOn: at('2026-10-01T01:00:00Z') },
          { needId: 'n2', orgId: 'o1', minutes: 60, status: 'verified', servedOn: at('2026-10-02T01:00:00Z') },
          { needId: 'n3', orgId: 'o2', minutes: 90, status: 'pending', servedOn: at('2026-10-03T01:00:00Z') },
        ],
      }),
      NOW,
    );
    expect(facts.servedMinutesByNeed.get('n1')).toBe(0);
    expect(facts.servedMinutesByNeed.get('n2')).toBe(60);
    expect(facts.servedMinutesByOrg.get('o1')).toBe(60);
    expect(facts.servedMinutesByOrg.has('o2')).toBe(false);
  });

  it('should commit this Beijing month’s verified and pending minutes and confirmed shifts against the cap (20 h by default)', () => {
    const facts = volunteerFacts(
      snapshot({
        hourRecords: [
          { needId: 'n', orgId: 'o', minutes: 50, status: 'pending', servedOn: at('2026-12-02T01:00:00Z') },
          { needId: 'n', orgId: 'o', minutes: 70, status: 'verified', servedOn: at('2026-11-30T17:00:00Z') },
          { needId: 'n', orgId: 'o', minutes: 999, status: 'rejected', servedOn: at('2026-12-02T01:00:00Z') },
          { needId: 'n', orgId: 'o', minutes: 30, status: 'verified', servedOn: at('2026-11-30T15:00:00Z') },
        ],
        signups: [
          { shiftId: 'a', status: 'confirmed', startsAt: at('2026-12-12T01:00:00Z'), endsAt: at('2026-12-12T03:00:00Z') },
          { shiftId: 'b', status: 'confirmed', startsAt: at('2027-01-02T01:00:00Z'), endsAt: at('2027-01-02T03:00:00Z') },
        ],
      }),
      NOW,
    );
    expect(facts.committedMinutes).toBe(50 + 70 + 120);
    expect(facts.capMinutes).toBe(20 * 60);
    expect(facts.spokenLanguages).toEqual(['湘语']);
  });
});
