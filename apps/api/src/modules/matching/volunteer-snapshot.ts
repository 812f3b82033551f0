import type { AvailabilitySlot } from '@kindred/contracts';
import { canonicalLanguages } from './local-languages';
import { MATCHING } from './matching.config';
import { beijingMonth } from './weekly-time';

/**
 * What the feed knows about the volunteer asking, gathered from the
 * volunteers and engagement contexts (through their services) before the one
 * ranking statement runs. Plain data, so the evaluation script and the bench
 * baseline can build it from their own rows and run exactly the same SQL.
 */
export interface VolunteerSnapshot {
  userId: string;
  skills: readonly string[];
  languages: readonly string[];
  regionCode: string;
  location: { lat: number; lng: number } | null;
  availability: readonly AvailabilitySlot[];
  monthlyHourCap: number | null;
  /** YYYY-MM-DD, for minimum-age rules only. */
  birthDate: string | null;
  /**
   * Child-contact shifts are open to the volunteer when they end by this
   * instant: the expiry of a valid safeguarding check, with the current code
   * of conduct accepted. Null: no child-contact work at all.
   */
  childContactUntil: Date | null;
  signups: ReadonlyArray<{ shiftId: string; status: string; startsAt: Date; endsAt: Date }>;
  hourRecords: ReadonlyArray<{ needId: string; orgId: string; minutes: number; status: string; servedOn: Date }>;
  /** Engagement's reliability score (hours.policy.ts), in [0, 1]. */
  reliability: number;
}

/** Derived facts the ranking statement and the reasons read. */
export interface VolunteerFacts {
  /** Shifts the volunteer holds a live sign-up for (confirmed or waitlisted). */
  signedUpShiftIds: string[];
  /** Confirmed shifts not yet over: a suggestion must not overlap one. */
  busy: Array<{ startsAt: Date; endsAt: Date }>;
  /** Net verified minutes per need and per organisation (continuity). */
  servedMinutesByNeed: Map<string, number>;
  servedMinutesByOrg: Map<string, number>;
  /** Verified or pending minutes served this Beijing month, plus confirmed shifts starting in it. */
  committedMinutes: number;
  capMinutes: number;
  spokenLanguages: string[];
}

export function volunteerFacts(snapshot: VolunteerSnapshot, now: Date): VolunteerFacts {
  const month = beijingMonth(now);
  const inMonth = (d: Date): boolean => d.getTime() >= month.start.getTime() && d.getTime() < month.end.getTime();
  const servedMinutesByNeed = new Map<string, number>();
  const servedMinutesByOrg = new Map<string, number>();
  let committedMinutes = 0;
  for (const r of snapshot.hourRecords) {
    if (r.status === 'verified') {
      servedMinutesByNeed.set(r.needId, (servedMinutesByNeed.get(r.needId) ?? 0) + r.minutes);
      servedMinutesByOrg.set(r.orgId, (servedMinutesByOrg.get(r.orgId) ?? 0) + r.minutes);
    }
    if ((r.status === 'verified' || r.status === 'pending') && inMonth(r.servedOn)) committedMinutes += r.minutes;
  }
  for (const s of snapshot.signups) {
    if (s.status === 'confirmed' && inMonth(s.startsAt)) committedMinutes += (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
  }
  return {
    signedUpShiftIds: snapshot.signups.filter((s) => s.status === 'confirmed' || s.status === 'waitlisted').map((s) => s.shiftId),
    busy: snapshot.signups
      .filter((s) => s.status === 'confirmed' && s.endsAt.getTime() > now.getTime())
      .map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
    servedMinutesByNeed,
    servedMinutesByOrg,
    committedMinutes,
    capMinutes: (snapshot.monthlyHourCap ?? MATCHING.volunteer.defaultMonthlyHourCap) * 60,
    spokenLanguages: canonicalLanguages(snapshot.languages),
  };
}
