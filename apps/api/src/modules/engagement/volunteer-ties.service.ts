import { Injectable } from '@nestjs/common';
import { VolunteerTiesRepository } from './volunteer-ties.repository';

/** What other contexts may ask about a volunteer's work with an NGO (the concerns context: who may raise one). */
@Injectable()
export class VolunteerTies {
  constructor(private readonly ties: VolunteerTiesRepository) {}

  /** Whether the volunteer holds a confirmed sign-up with the NGO, or worked one (completed). */
  hasConfirmedSignup(userId: string, orgId: string): Promise<boolean> {
    return this.ties.hasConfirmedSignup(userId, orgId);
  }
}
