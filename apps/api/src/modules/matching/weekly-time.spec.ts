import { beijingMonth, minutesOfDay, weeklyIntervals } from './weekly-time';

describe('weekly time', () => {
  it('should place slots on the Monday-based week line, with 24:00 as the end of the day', () => {
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(
      weeklyIntervals([
        { weekday: 1, from: '00:00', to: '01:30' },
        { weekday: 7, from: '20:00', to: '24:00' },
      ]),
    ).toEqual([
      { from: 0, to: 90 },
      { from: 6 * 1440 + 1200, to: 7 * 1440 },
    ]);
  });

  it('should use the Beijing calendar month when an instant is late on the last UTC day', () => {
    const month = beijingMonth(new Date('2026-11-30T16:30:00Z'));
    expect(month.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(month.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
