import { addMonths, latestExpiry, standingAt, type CheckOutcome } from './safeguarding.policy';

const at = new Date('2026-06-01T00:00:00Z');
const clear = (expiresAt: string): CheckOutcome => ({ result: 'clear', expiresAt: new Date(expiresAt), liftedAt: null });
const found = (liftedAt: string | null = null): CheckOutcome => ({
  result: 'flagged',
  expiresAt: new Date('2027-01-01T00:00:00Z'),
  liftedAt: liftedAt ? new Date(liftedAt) : null,
});

describe('safeguarding standing', () => {
  it('should be none when no check is on file', () => {
    expect(standingAt([], at)).toEqual({ status: 'none', validUntil: null });
  });

  it('should be valid until the latest expiry when a clear check has not expired', () => {
    expect(standingAt([clear('2026-05-01T00:00:00Z'), clear('2026-12-01T00:00:00Z'), clear('2026-09-01T00:00:00Z')], at)).toEqual({
      status: 'valid',
      validUntil: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('should still be valid at the very moment of expiry and expired one millisecond later', () => {
    const check = clear('2026-06-01T00:00:00Z');
    expect(standingAt([check], at).status).toBe('valid');
    expect(standingAt([check], new Date(at.getTime() + 1)).status).toBe('expired');
  });

  it('should be expired when only clear checks older than the moment asked about exist', () => {
    expect(standingAt([clear('2026-01-01T00:00:00Z')], at)).toEqual({ status: 'expired', validUntil: null });
  });

  it('should be blocked by a flagged even when a newer clear check is valid', () => {
    expect(standingAt([clear('2026-12-01T00:00:00Z'), found()], at)).toEqual({ status: 'blocked', validUntil: null });
  });

  it('should no longer block when the flagged was lifted', () => {
    expect(standingAt([clear('2026-12-01T00:00:00Z'), found('2026-03-01T00:00:00Z')], at).status).toBe('valid');
    expect(standingAt([found('2026-03-01T00:00:00Z')], at).status).toBe('none');
  });
});

describe('safeguarding expiry', () => {
  it('should allow at most 12 calendar months on the Beijing calendar when a check is recorded', () => {
    // 10:00 Beijing on 2 March 2026 → 10:00 Beijing on 2 March 2027.
    expect(latestExpiry(new Date('2026-03-02T02:00:00Z')).toISOString()).toBe('2027-03-02T02:00:00.000Z');
    // 1 March 05:00 Beijing is still 28 February in UTC: the Beijing date decides.
    expect(latestExpiry(new Date('2026-02-28T21:00:00Z')).toISOString()).toBe('2027-02-28T21:00:00.000Z');
  });

  it('should clamp to the end of the month when the same day does not exist', () => {
    expect(addMonths(new Date('2028-02-29T12:00:00Z'), 12).toISOString()).toBe('2029-02-28T12:00:00.000Z');
    expect(addMonths(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
  });
});
