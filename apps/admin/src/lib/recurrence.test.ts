import { describe, expect, it } from 'vitest';
import { beijingWeekday, buildRrule } from './recurrence';

describe('buildRrule', () => {
  it('should give no rule for a single shift', () => {
    expect(buildRrule({ frequency: 'none', weekdays: [6] })).toBeNull();
  });

  it('should build weekly rules with sorted, de-duplicated weekdays', () => {
    expect(buildRrule({ frequency: 'weekly', weekdays: [7, 6, 6] })).toBe('FREQ=WEEKLY;BYDAY=SA,SU');
    expect(buildRrule({ frequency: 'weekly' })).toBe('FREQ=WEEKLY');
    expect(buildRrule({ frequency: 'biweekly', weekdays: [1, 3, 9] })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE');
  });

  it('should build daily and monthly rules', () => {
    expect(buildRrule({ frequency: 'daily' })).toBe('FREQ=DAILY');
    expect(buildRrule({ frequency: 'monthly' })).toBe('FREQ=MONTHLY');
  });
});

describe('beijingWeekday', () => {
  it('should read the weekday in Beijing time', () => {
    // Friday 20:00 UTC is Saturday 04:00 in Beijing.
    expect(beijingWeekday(new Date('2026-06-05T20:00:00Z'))).toBe(6);
    expect(beijingWeekday(new Date('2026-06-07T02:00:00Z'))).toBe(7);
  });
});
