import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { EngagementModule } from '../engagement';
import { GivingModule } from '../giving';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { VolunteersModule } from '../volunteers';
import { CandidateGenerationRepository } from './candidate-generation.repository';
import { CandidatesController } from './candidates.controller';
import { CandidatesService } from './candidates.service';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';
import { OffersController } from './offers.controller';
import { OffersRepository } from './offers.repository';
import { OffersService } from './offers.service';
import { SkillNamesCache } from './skill-names';

/**
 * Ranks needs for a volunteer, volunteers for a need, and goods offers
 * against goods needs; every score comes with its reasons (DESIGN §2). It
 * depends on the contexts it ranks, never the other way round.
 */
@Module({
  imports: [AuditModule, IdentityModule, VolunteersModule, NeedsModule, EngagementModule, GivingModule],
  controllers: [FeedController, CandidatesController, OffersController],
  providers: [CandidateGenerationRepository, OffersRepository, SkillNamesCache, FeedService, CandidatesService, OffersService],
})
export class MatchingModule {}
