import { refusalFor } from './eligibility';
import type { VolunteerStanding } from './ports';

const cleared: VolunteerStanding = {
  safeguarding: 'valid',
  codeOfConductAccepted: true,
  birthDate: new Date('2000-06-15T00:00:00Z'),
  displayName: '李思雨',
  volunteerNumber: 'KV2026000001',
  employerOrgId: null,
};
const rules = { startsAt: new Date('2026-12-05T01:00:00Z'), endsAt: new Date('2026-12-05T03:00:00Z'), childContact: true, minAge: 18 };

describe('refusalFor', () => {
  it('should let a cleared adult take a child-contact shift', () => {
    expect(refusalFor(cleared, rules)).toBeNull();
  });

  it.each([
    ['none', 'safeguarding_missing'],
    ['expired', 'safeguarding_expired'],
    ['blocked', 'safeguarding_blocked'],
  ] as const)('should refuse with safeguarding_required when the check is %s', (status, reason) => {
    expect(refusalFor({ ...cleared, safeguarding: status }, rules)).toMatchObject({ code: 'safeguarding_required', reason });
  });

  it('should refuse a child-contact shift when the code of conduct is not accepted', () => {
    expect(refusalFor({ ...cleared, codeOfConductAccepted: false }, rules)).toMatchObject({
      code: 'safeguarding_required',
      reason: 'code_of_conduct',
    });
  });

  it('should not ask for a check when the shift has no child contact', () => {
    expect(refusalFor({ ...cleared, safeguarding: 'none', codeOfConductAccepted: false }, { ...rules, childContact: false })).toBeNull();
  });

  it('should refuse a volunteer who turns 18 the day after the shift', () => {
    const youngster = { ...cleared, birthDate: new Date('2008-12-06T00:00:00Z') };
    expect(refusalFor(youngster, rules)).toMatchObject({ code: 'under_minimum_age' });
    expect(refusalFor({ ...youngster, birthDate: new Date('2008-12-05T00:00:00Z') }, rules)).toBeNull();
  });

  it('should refuse when the age rule applies and the date of birth is unknown', () => {
    expect(refusalFor({ ...cleared, birthDate: null }, rules)).toMatchObject({ code: 'under_minimum_age', reason: 'age_unknown' });
  });
});
