import { describe, expect, it } from 'vitest';
import { checkInUrl, isCompleteCode, nextRefreshDelay, normalizeCode, parseCheckInParams, spacedCode } from './check-in';

describe('check-in QR URL', () => {
  it('should encode the shift and the code into the volunteer check-in URL', () => {
    const url = checkInUrl('https://kindred.example.cn/', 'a1b2', '012345');
    expect(url).toBe('https://kindred.example.cn/volunteer/check-in?shift=a1b2&code=012345');
    expect(parseCheckInParams(new URL(url).search)).toEqual({ shiftId: 'a1b2', code: '012345' });
  });

  it('should ignore a code that is not six digits', () => {
    expect(parseCheckInParams('?shift=s1&code=12ab')).toEqual({ shiftId: 's1', code: null });
    expect(parseCheckInParams('')).toEqual({ shiftId: null, code: null });
  });
});

describe('typed codes', () => {
  it('should keep six digits of what was typed, including full-width digits', () => {
    expect(normalizeCode('123 456')).toBe('123456');
    expect(normalizeCode('１２３４５６')).toBe('123456');
    expect(normalizeCode('1234567')).toBe('123456');
    expect(isCompleteCode('12345')).toBe(false);
    expect(isCompleteCode('123456')).toBe(true);
    expect(spacedCode('123456')).toBe('123 456');
  });
});

describe('nextRefreshDelay', () => {
  const now = Date.parse('2026-06-01T08:00:00Z');
  it('should refresh shortly before the code expires, within bounds', () => {
    expect(nextRefreshDelay('2026-06-01T08:01:00Z', now)).toBe(30_000);
    expect(nextRefreshDelay('2026-06-01T08:00:20Z', now)).toBe(10_000);
    expect(nextRefreshDelay('2026-06-01T08:00:05Z', now)).toBe(2_000);
    expect(nextRefreshDelay('2026-06-01T07:59:00Z', now)).toBe(2_000);
    expect(nextRefreshDelay('not a date', now)).toBe(2_000);
  });
});
