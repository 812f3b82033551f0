import type { Tx } from '../../common/database/transaction-runner';

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
  /**
   * The safeguarding status at `at`, read inside `tx`. Callers take the volunteer's sign-up lock first;
   * recording a block takes the same lock (SafeguardingSyncListener), so a check cannot be raced.
   */
  abstract safeguardingIn(tx: Tx, userId: string, at: Date): Promise<SafeguardingStatus>;
}
