import type { NeedStatus, OrganizationStatus } from '@kindred/contracts';

/** What engagement needs to know about a shift and its need; provided by the needs context. */
export interface ShiftFacts {
  shiftId: string;
  needId: string;
  orgId: string;
  orgStatus: OrganizationStatus;
  needStatus: NeedStatus;
  needTitle: string;
  needType: string;
  startsAt: Date;
  endsAt: Date;
  childContact: boolean;
  minAge: number | null;
}

export abstract class ShiftDirectory {
  abstract facts(shiftId: string): Promise<ShiftFacts | null>;
  abstract needTitles(needIds: string[]): Promise<Map<string, string>>;
}

export type SafeguardingStatus = 'valid' | 'expired' | 'none' | 'blocked';

/** A volunteer's standing for child-contact work and age rules; provided by the volunteers context. */
export interface VolunteerStanding {
  /** Status of the safeguarding check at the given moment (the shift's end). */
  safeguarding: SafeguardingStatus;
  codeOfConductAccepted: boolean;
  birthDate: Date | null;
  displayName: string;
  volunteerNumber: string | null;
  employerOrgId: string | null;
}

export abstract class VolunteerDirectory {
  abstract standing(userId: string, at: Date): Promise<VolunteerStanding>;
}
