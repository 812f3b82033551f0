import { Injectable, OnModuleInit } from '@nestjs/common';
import { SafeguardingLifecycle } from '../volunteers';
import { FollowUpsService } from './follow-ups.service';

/** A safeguarding block ends the person's one-to-one pairings with children, in the transaction that records it. */
@Injectable()
export class SafeguardingPairingsListener implements OnModuleInit {
  constructor(
    private readonly lifecycle: SafeguardingLifecycle,
    private readonly followUps: FollowUpsService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({
      blocked: async (tx, block) => {
        await this.followUps.endAllFor(tx, block.volunteerUserId, 'not_eligible');
      },
    });
  }
}
