import { Frequency, RRule } from 'rrule';
import { fromFloating, toFloating } from './zoned-time';

/** Shifts are planned on Beijing time: "every Saturday 09:00" stays 09:00 in 隆回 whatever the server's zone. */
export const SHIFT_TIME_ZONE = 'Asia/Shanghai';
/** One series never creates more shifts than this (about four years of weekly sessions). */
export const MAX_OCCURRENCES = 200;

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export class RecurrenceError extends Error {
  constructor(
    readonly field: 'rrule' | 'until',
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

const DAY = '(MO|TU|WE|TH|FR|SA|SU)';
const NUMBERS = /^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/;
/** What each RRULE part may hold; the library itself accepts nonsense such as BYDAY=XX or INTERVAL=abc. */
const PART_VALUES: Record<string, RegExp> = {
  FREQ: /^(YEARLY|MONTHLY|WEEKLY|DAILY|HOURLY|MINUTELY|SECONDLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  BYDAY: new RegExp(`^[+-]?\\d{0,2}${DAY}(,[+-]?\\d{0,2}${DAY})*$`),
  WKST: new RegExp(`^${DAY}$`),
  BYMONTH: NUMBERS,
  BYMONTHDAY: NUMBERS,
  BYYEARDAY: NUMBERS,
  BYWEEKNO: NUMBERS,
  BYHOUR: NUMBERS,
  BYMINUTE: NUMBERS,
  BYSECOND: NUMBERS,
  BYSETPOS: NUMBERS,
};

/** Parses an RRULE (with or without the `RRULE:` prefix); DTSTART and UNTIL come from the request, not the rule. */
export function parseRule(text: string): ReturnType<typeof RRule.parseString> {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!/^[A-Z0-9=;,+-]+$/.test(body)) throw new RecurrenceError('rrule', 'must be one RRULE line such as FREQ=WEEKLY;BYDAY=SA');
  for (const part of body.split(';')) {
    const [key, value, extra] = part.split('=');
    if (key === 'UNTIL') throw new RecurrenceError('rrule', 'must not contain UNTIL; send `until` beside it');
    if (key === 'DTSTART') throw new RecurrenceError('rrule', 'must not contain DTSTART; the first shift is `startsAt`');
    const allowed = PART_VALUES[key];
    if (!allowed || value === undefined || extra !== undefined || !allowed.test(value)) {
      throw new RecurrenceError('rrule', `is not a valid RRULE (RFC 5545) at ${JSON.stringify(part)}, e.g. FREQ=WEEKLY;BYDAY=SA`);
    }
  }
  const options = RRule.parseString(body);
  if (options.freq === undefined) throw new RecurrenceError('rrule', 'must have a FREQ');
  if (options.freq > Frequency.DAILY)
    throw new RecurrenceError('rrule', 'must repeat at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)');
  return options;
}

/**
 * Expands a rule into shifts: the first occurrence is at `startsAt`'s wall
 * clock in `timeZone`, each lasts as long (in wall-clock time) as the first,
 * and none starts after `until`. More than `max` occurrences is refused
 * rather than silently cut, so the coordinator chooses an earlier `until`.
 */
export function expandRecurrence(input: {
  rrule: string;
  startsAt: Date;
  endsAt: Date;
  until: Date;
  timeZone?: string;
  max?: number;
}): Occurrence[] {
  const timeZone = input.timeZone ?? SHIFT_TIME_ZONE;
  const max = input.max ?? MAX_OCCURRENCES;
  const options = parseRule(input.rrule);
  if (input.until.getTime() < input.startsAt.getTime()) throw new RecurrenceError('until', 'must not be before startsAt');
  const firstStart = toFloating(input.startsAt, timeZone);
  const wallDuration = toFloating(input.endsAt, timeZone).getTime() - firstStart.getTime();
  const rule = new RRule({ ...options, dtstart: firstStart, until: toFloating(input.until, timeZone), tzid: null });
  // The iterator stops one past the bound, so a rule meaning "forever" costs no more than that.
  const starts = rule.all((_, i) => i <= max);
  if (starts.length > max)
    throw new RecurrenceError('until', `the rule gives more than ${max} shifts before until; choose an earlier until`);
  if (starts.length === 0) throw new RecurrenceError('rrule', 'gives no shift between startsAt and until');
  return starts.map((start) => ({
    startsAt: fromFloating(start, timeZone),
    endsAt: fromFloating(new Date(start.getTime() + wallDuration), timeZone),
  }));
}
