import { autoCloseAt, checkInOpen, reliability, workedMinutes } from './hours.policy';

const shift = { startsAt: new Date('2026-12-05T09:00:00+08:00'), endsAt: new Date('2026-12-05T11:00:00+08:00') };
const at = (hhmm: string): Date => new Date(`2026-12-05T${hhmm}:00+08:00`);

describe('hours policy', () => {
  it('should count from the shift start when the volunteer arrives early', () => {
    expect(workedMinutes(shift, at('08:40'), at('10:30'))).toEqual({ minutes: 90, capped: false });
  });

  it('should cap minutes at the shift length plus the grace when check-out is late', () => {
    expect(workedMinutes(shift, at('09:00'), at('15:00'))).toEqual({ minutes: 150, capped: true });
  });

  it('should count nothing when check-out comes before the shift starts', () => {
    expect(workedMinutes(shift, at('08:00'), at('08:30')).minutes).toBe(0);
  });

  it('should open check-in half an hour before the start and close it at the end', () => {
    expect(checkInOpen(shift, at('08:29'))).toBe(false);
    expect(checkInOpen(shift, at('08:31'))).toBe(true);
    expect(checkInOpen(shift, at('11:00'))).toBe(true);
    expect(checkInOpen(shift, at('11:01'))).toBe(false);
  });

  it('should close a forgotten check-out at the end plus the grace', () => {
    expect(autoCloseAt(shift).toISOString()).toBe(at('11:30').toISOString());
  });

  it('should move reliability down with no-shows and less with late cancellations', () => {
    const clean = reliability({ attended: 10, noShows: 0, lateCancellations: 0 });
    const late = reliability({ attended: 10, noShows: 0, lateCancellations: 2 });
    const noShow = reliability({ attended: 10, noShows: 2, lateCancellations: 0 });
    // (10 + 2) / (10 + 2.5): a clean record approaches 1 as it grows.
    expect(clean).toBe(0.96);
    expect(late).toBeLessThan(clean);
    expect(noShow).toBeLessThan(late);
    expect(reliability({ attended: 0, noShows: 0, lateCancellations: 0 })).toBe(0.8);
  });
});
