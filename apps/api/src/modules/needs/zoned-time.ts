/**
 * Wall-clock arithmetic in a named time zone without a date library: a
 * "floating" time is the zone's wall clock written as if it were UTC, which
 * is what `rrule` expands correctly (its own tzid support is not reliable).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`, as a UTC-based Date. */
export function toFloating(instant: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    format(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return new Date(wall + instant.getUTCMilliseconds());
}

/** The instant whose wall clock in `timeZone` is `floating` (the earlier one if a clock change makes it ambiguous). */
export function fromFloating(floating: Date, timeZone: string): Date {
  const offsetAt = (instant: number): number => toFloating(new Date(instant), timeZone).getTime() - instant;
  const guess = floating.getTime() - offsetAt(floating.getTime());
  const corrected = floating.getTime() - offsetAt(guess);
  return new Date(corrected);
}
