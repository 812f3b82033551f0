import { formatVolunteerNumber } from './volunteer-number';

describe('unified volunteer number', () => {
  it('should read KV, the Beijing year and a six-digit serial when formatted', () => {
    expect(formatVolunteerNumber(123, new Date('2026-05-01T00:00:00Z'))).toBe('KV2026000123');
  });

  it('should use the Beijing year when it is already New Year in Beijing but not in UTC', () => {
    expect(formatVolunteerNumber(1, new Date('2026-12-31T17:00:00Z'))).toBe('KV2027000001');
  });
});
