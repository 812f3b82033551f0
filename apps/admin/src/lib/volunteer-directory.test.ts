import { describe, expect, it } from 'vitest';
import type { RosterRow } from '@kindred/contracts';
import { summarizeVolunteers } from './volunteer-directory';

const row = (userId: string, status: RosterRow['status']): RosterRow => ({
  signupId: `${userId}-${status}`,
  userId,
  displayName: userId === 'u1' ? '李思雨' : '周文博',
  status,
  position: null,
  checkedInAt: null,
  checkedOutAt: null,
  autoClosed: false,
  skippedReason: null,
  createdAt: '2026-05-01T00:00:00Z',
  hourRecord: null,
});

describe('summarizeVolunteers', () => {
  it('should give one row per volunteer with attendance and nearest shifts', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const summary = summarizeVolunteers(
      [
        { shift: { startsAt: '2026-05-20T01:00:00Z' }, roster: { signups: [row('u1', 'completed'), row('u2', 'no_show')] } },
        { shift: { startsAt: '2026-05-27T01:00:00Z' }, roster: { signups: [row('u1', 'completed'), row('u2', 'cancelled')] } },
        { shift: { startsAt: '2026-06-03T01:00:00Z' }, roster: { signups: [row('u1', 'confirmed')] } },
      ],
      now,
    );
    expect(summary).toEqual([
      {
        userId: 'u1',
        displayName: '李思雨',
        signups: 3,
        completed: 2,
        noShows: 0,
        upcoming: 1,
        lastShiftAt: '2026-05-27T01:00:00Z',
        nextShiftAt: '2026-06-03T01:00:00Z',
      },
      {
        userId: 'u2',
        displayName: '周文博',
        signups: 1,
        completed: 0,
        noShows: 1,
        upcoming: 0,
        lastShiftAt: '2026-05-20T01:00:00Z',
        nextShiftAt: null,
      },
    ]);
  });
});
