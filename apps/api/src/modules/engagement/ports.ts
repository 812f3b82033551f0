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
