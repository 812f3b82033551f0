export type RepeatFrequency = 'none' | 'daily' | 'weekly' | 'biweekly' | 'monthly';

/** ISO weekday (1 = Monday … 7 = Sunday) → RFC 5545 day. */
const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface RepeatChoice {
  frequency: RepeatFrequency;
  /** ISO weekdays for weekly and biweekly repeats; empty means the weekday of the first shift. */
  weekdays?: readonly number[];
}

/**
 * The RRULE the API expands (in Beijing time, from the first shift's start up to `until`), or null
 * for a single shift. DTSTART and UNTIL are never part of the rule: the API takes them beside it.
 */
export function buildRrule({ frequency, weekdays = [] }: RepeatChoice): string | null {
  const days = [...new Set(weekdays)]
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    .sort((a, b) => a - b)
    .map((d) => RRULE_DAYS[d - 1]);
  const byDay = days.length > 0 ? `;BYDAY=${days.join(',')}` : '';
  switch (frequency) {
    case 'none':
      return null;
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY${byDay}`;
    case 'biweekly':
      return `FREQ=WEEKLY;INTERVAL=2${byDay}`;
    case 'monthly':
      return 'FREQ=MONTHLY';
  }
}

/** ISO weekday of a date in Beijing time, the zone shifts are planned in. */
export function beijingWeekday(date: Date): number {
  const day = new Date(date.getTime() + 8 * 3_600_000).getUTCDay();
  return day === 0 ? 7 : day;
}
