import { expandRecurrence, MAX_OCCURRENCES, parseRule, RecurrenceError } from './shift-recurrence';
import { fromFloating, toFloating } from './zoned-time';

const beijing = (text: string): Date => new Date(`${text}+08:00`);
const weekdayInBeijing = (d: Date): string => new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(d);

function refusal(run: () => unknown): RecurrenceError {
  try {
    run();
  } catch (error) {
    if (error instanceof RecurrenceError) return error;
    throw error;
  }
  throw new Error('expected a RecurrenceError');
}

describe('RRULE expansion', () => {
  it('should expand a weekly rule up to until, inclusive, each shift as long as the first', () => {
    const shifts = expandRecurrence({
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      startsAt: beijing('2026-09-05T09:00:00'),
      endsAt: beijing('2026-09-05T11:00:00'),
      until: beijing('2026-09-26T09:00:00'),
    });
    expect(shifts.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-09-05T01:00:00.000Z',
      '2026-09-12T01:00:00.000Z',
      '2026-09-19T01:00:00.000Z',
      '2026-09-26T01:00:00.000Z',
    ]);
    expect(shifts.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 2 * 3600_000)).toBe(true);
  });

  it('should leave out an occurrence that starts after until', () => {
    const shifts = expandRecurrence({
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      startsAt: beijing('2026-09-05T09:00:00'),
      endsAt: beijing('2026-09-05T11:00:00'),
      until: beijing('2026-09-26T08:59:59'),
    });
    expect(shifts).toHaveLength(3);
  });

  it('should keep Saturdays on Saturday in Beijing when the Beijing morning is still Friday in UTC', () => {
    // 07:00 Beijing = 23:00 UTC the day before: expanding in UTC would put BYDAY=SA on the wrong day.
    const shifts = expandRecurrence({
      rrule: 'RRULE:FREQ=WEEKLY;BYDAY=SA,SU',
      startsAt: beijing('2026-09-05T07:00:00'),
      endsAt: beijing('2026-09-05T08:30:00'),
      until: beijing('2026-09-13T23:59:59'),
    });
    expect(shifts.map((s) => weekdayInBeijing(s.startsAt))).toEqual(['Sat', 'Sun', 'Sat', 'Sun']);
    expect(shifts[0].startsAt.toISOString()).toBe('2026-09-04T23:00:00.000Z');
    expect(shifts.every((s) => toFloating(s.startsAt, 'Asia/Shanghai').getUTCHours() === 7)).toBe(true);
  });

  it('should keep the wall-clock time across a daylight-saving change when another zone is asked for', () => {
    const shifts = expandRecurrence({
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      startsAt: new Date('2026-03-01T09:00:00-05:00'),
      endsAt: new Date('2026-03-01T10:00:00-05:00'),
      until: new Date('2026-03-15T23:00:00-04:00'),
      timeZone: 'America/New_York',
    });
    expect(shifts.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-01T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-15T13:00:00.000Z',
    ]);
  });

  it('should create exactly the bound and refuse one more, naming until', () => {
    const startsAt = beijing('2026-09-01T19:00:00');
    const endsAt = beijing('2026-09-01T20:00:00');
    const exactly = expandRecurrence({
      rrule: 'FREQ=DAILY',
      startsAt,
      endsAt,
      until: new Date(startsAt.getTime() + (MAX_OCCURRENCES - 1) * 86_400_000),
    });
    expect(exactly).toHaveLength(MAX_OCCURRENCES);
    const error = refusal(() =>
      expandRecurrence({ rrule: 'FREQ=DAILY', startsAt, endsAt, until: new Date(startsAt.getTime() + MAX_OCCURRENCES * 86_400_000) }),
    );
    expect(error.field).toBe('until');
  });

  it('should stop early without expanding everything when a rule would run for years', () => {
    const started = Date.now();
    const error = refusal(() =>
      expandRecurrence({
        rrule: 'FREQ=DAILY',
        startsAt: beijing('2026-09-01T19:00:00'),
        endsAt: beijing('2026-09-01T20:00:00'),
        until: beijing('2126-01-01T00:00:00'),
      }),
    );
    expect(error.field).toBe('until');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('should respect a COUNT in the rule before until', () => {
    const shifts = expandRecurrence({
      rrule: 'FREQ=WEEKLY;COUNT=2',
      startsAt: beijing('2026-09-05T09:00:00'),
      endsAt: beijing('2026-09-05T11:00:00'),
      until: beijing('2026-12-31T00:00:00'),
    });
    expect(shifts).toHaveLength(2);
  });

  it.each([
    ['FREQ=HOURLY', 'at most daily'],
    ['FREQ=WEEKLY;UNTIL=20261231T000000Z', 'UNTIL'],
    ['BYDAY=SA', 'FREQ'],
    ['FREQ=SOMETIMES', 'valid RRULE'],
    ['FREQ=WEEKLY;BYDAY=XX', 'valid RRULE'],
    ['FREQ=WEEKLY;INTERVAL=abc', 'valid RRULE'],
    ['FREQ=WEEKLY;DTSTART=20260905T010000Z', 'DTSTART'],
    ['FREQ=WEEKLY\nEXDATE:20260912T010000Z', 'one RRULE line'],
  ])('should refuse the rule %j naming rrule', (rrule, message) => {
    const error = refusal(() => parseRule(rrule));
    expect(error.field).toBe('rrule');
    expect(error.message).toContain(message);
  });

  it('should refuse until before startsAt', () => {
    const error = refusal(() =>
      expandRecurrence({
        rrule: 'FREQ=WEEKLY',
        startsAt: beijing('2026-09-05T09:00:00'),
        endsAt: beijing('2026-09-05T11:00:00'),
        until: beijing('2026-09-01T00:00:00'),
      }),
    );
    expect(error.field).toBe('until');
  });

  it('should round-trip an instant through the Beijing wall clock', () => {
    const instant = new Date('2026-09-04T23:00:00.123Z');
    expect(toFloating(instant, 'Asia/Shanghai').toISOString()).toBe('2026-09-05T07:00:00.123Z');
    expect(fromFloating(toFloating(instant, 'Asia/Shanghai'), 'Asia/Shanghai').toISOString()).toBe(instant.toISOString());
  });
});
