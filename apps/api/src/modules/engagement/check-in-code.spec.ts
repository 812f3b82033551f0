import { randomBytes } from 'node:crypto';
import { CheckInCodes, CODE_WINDOW_SECONDS } from './check-in-code';

describe('CheckInCodes', () => {
  const codes = new CheckInCodes(randomBytes(32));
  const shift = '7b0f6d2e-3c55-4d4b-9a53-2f0c0c0c0c0c';
  const t0 = Date.UTC(2026, 11, 1, 2, 0, 0);

  it('should accept the current code and the previous window’s when the code rotates', () => {
    const { token } = codes.current(shift, t0);
    expect(token).toMatch(/^\d{6}$/);
    expect(codes.verify(shift, token, t0)).toBe(true);
    expect(codes.verify(shift, token, t0 + CODE_WINDOW_SECONDS * 1000)).toBe(true);
    expect(codes.verify(shift, token, t0 + 2 * CODE_WINDOW_SECONDS * 1000)).toBe(false);
  });

  it('should refuse another shift’s code and malformed codes', () => {
    const { token } = codes.current(shift, t0);
    expect(codes.verify('00000000-0000-4000-8000-000000000000', token, t0)).toBe(false);
    expect(codes.verify(shift, 'abc123', t0)).toBe(false);
    expect(codes.verify(shift, '1234567', t0)).toBe(false);
  });

  it('should refuse codes made with another secret', () => {
    const other = new CheckInCodes(randomBytes(32));
    expect(codes.verify(shift, other.current(shift, t0).token, t0)).toBe(false);
  });
});
