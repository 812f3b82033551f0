import type { ProblemCode } from '@kindred/contracts';
import type { VolunteerStanding } from './ports';

export interface Refusal {
  code: ProblemCode;
  detail: string;
  /** Short reason kept on a waitlisted sign-up that promotion passed over. */
  reason: string;
}

export interface SeatRules {
  startsAt: Date;
  endsAt: Date;
  childContact: boolean;
  minAge: number | null;
}

function ageOn(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const before =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (before) age -= 1;
  return age;
}

/**
 * The rules a volunteer must meet for a shift, apart from seats and overlaps:
 * child-contact work needs a safeguarding check valid until the shift ends and
 * the current code of conduct; a minimum age needs a known date of birth.
 */
export function refusalFor(standing: VolunteerStanding, rules: SeatRules): Refusal | null {
  if (rules.childContact) {
    if (standing.safeguarding === 'blocked') {
      return {
        code: 'safeguarding_required',
        detail: 'This volunteer may not take part in work with children',
        reason: 'safeguarding_blocked',
      };
    }
    if (standing.safeguarding !== 'valid') {
      return {
        code: 'safeguarding_required',
        detail: 'Work with children needs a safeguarding check (entry inquiry) valid until the shift ends',
        reason: standing.safeguarding === 'expired' ? 'safeguarding_expired' : 'safeguarding_missing',
      };
    }
    if (!standing.codeOfConductAccepted) {
      return {
        code: 'safeguarding_required',
        detail: 'Accept the current code of conduct before working with children',
        reason: 'code_of_conduct',
      };
    }
  }
  if (rules.minAge !== null) {
    if (!standing.birthDate)
      return {
        code: 'under_minimum_age',
        detail: `This need asks for volunteers aged ${rules.minAge} or over; add your date of birth to your profile`,
        reason: 'age_unknown',
      };
    if (ageOn(standing.birthDate, rules.startsAt) < rules.minAge) {
      return {
        code: 'under_minimum_age',
        detail: `This need asks for volunteers aged ${rules.minAge} or over`,
        reason: 'under_minimum_age',
      };
    }
  }
  return null;
}
