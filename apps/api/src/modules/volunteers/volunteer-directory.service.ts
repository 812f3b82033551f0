import { Injectable } from '@nestjs/common';
import type { SafeguardingStatus } from '@kindred/contracts';
import type { Tx } from '../../common/database/transaction-runner';
import { UsersService } from '../identity';
import { CodeOfConductService } from './code-of-conduct.service';
import { SafeguardingService } from './safeguarding.service';
import { VolunteerProfilesRepository } from './volunteer-profiles.repository';

/** What other contexts may know about a volunteer before letting them take part. */
export interface VolunteerStanding {
  /** The safeguarding status at the moment asked about (e.g. the shift's end). */
  safeguarding: SafeguardingStatus;
  codeOfConductAccepted: boolean;
  birthDate: Date | null;
  displayName: string;
  volunteerNumber: string | null;
  employerOrgId: string | null;
}

/**
 * The volunteers context's answer for sign-ups and pairings (engagement binds
 * its VolunteerDirectory port to this with `useExisting`).
 */
@Injectable()
export class VolunteerDirectoryService {
  constructor(
    private readonly safeguarding: SafeguardingService,
    private readonly codeOfConduct: CodeOfConductService,
    private readonly profiles: VolunteerProfilesRepository,
    private readonly users: UsersService,
  ) {}

  /** The safeguarding status at `at`, read in the caller's transaction (after it took the volunteer's lock). */
  safeguardingIn(tx: Tx, userId: string, at: Date): Promise<SafeguardingStatus> {
    return this.safeguarding.statusIn(tx, userId, at);
  }

  async standing(userId: string, at: Date): Promise<VolunteerStanding> {
    const [safeguarding, profile, current, [summary]] = await Promise.all([
      this.safeguarding.status(userId, at),
      this.profiles.find(userId),
      this.codeOfConduct.currentVersion(),
      this.users.summaries([userId]),
    ]);
    return {
      safeguarding,
      codeOfConductAccepted: current !== null && profile?.codeOfConductVersionAccepted === current,
      birthDate: profile?.birthDate ? new Date(`${profile.birthDate}T00:00:00Z`) : null,
      displayName: summary?.displayName ?? '',
      volunteerNumber: profile?.volunteerNumber ?? null,
      employerOrgId: profile?.employerOrgId ?? null,
    };
  }
}
