import type { RosterRow } from '@kindred/contracts';

export interface VolunteerSummary {
  userId: string;
  displayName: string;
  signups: number;
  completed: number;
  noShows: number;
  upcoming: number;
  lastShiftAt: string | null;
  nextShiftAt: string | null;
}

/**
 * Volunteers known to an NGO from the rosters of its shifts: one row per person with their
 * sign-ups, attendance and nearest shifts. Cancelled sign-ups count for nothing.
 */
export function summarizeVolunteers(
  entries: ReadonlyArray<{ shift: { startsAt: string }; roster: { signups: readonly RosterRow[] } }>,
  now: number = Date.now(),
): VolunteerSummary[] {
  const people = new Map<string, VolunteerSummary>();
  for (const { shift, roster } of entries) {
    const at = Date.parse(shift.startsAt);
    for (const row of roster.signups) {
      if (row.status === 'cancelled') continue;
      const person = people.get(row.userId) ?? {
        userId: row.userId,
        displayName: row.displayName,
        signups: 0,
        completed: 0,
        noShows: 0,
        upcoming: 0,
        lastShiftAt: null,
        nextShiftAt: null,
      };
      person.signups += 1;
      if (row.status === 'completed') person.completed += 1;
      if (row.status === 'no_show') person.noShows += 1;
      if (at > now) {
        person.upcoming += 1;
        if (!person.nextShiftAt || at < Date.parse(person.nextShiftAt)) person.nextShiftAt = shift.startsAt;
      } else if (!person.lastShiftAt || at > Date.parse(person.lastShiftAt)) {
        person.lastShiftAt = shift.startsAt;
      }
      people.set(row.userId, person);
    }
  }
  return [...people.values()].sort((a, b) => b.signups - a.signups || a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
