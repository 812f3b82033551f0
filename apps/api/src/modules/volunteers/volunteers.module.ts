import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { CodeOfConductRepository } from './code-of-conduct.repository';
import { CodeOfConductService } from './code-of-conduct.service';
import { SafeguardingLifecycle } from './safeguarding-lifecycle';
import { SafeguardingChecksRepository } from './safeguarding-checks.repository';
import { SafeguardingController } from './safeguarding.controller';
import { SafeguardingService } from './safeguarding.service';
import { SkillsRepository } from './skills.repository';
import { SkillsService } from './skills.service';
import { VolunteerDirectoryService } from './volunteer-directory.service';
import { VolunteerProfilesController } from './volunteer-profiles.controller';
import { VolunteerProfilesRepository } from './volunteer-profiles.repository';
import { VolunteerProfilesService } from './volunteer-profiles.service';

/**
 * Who can help: volunteer profiles, the skills catalogue, safeguarding checks
 * and the code of conduct. Other contexts use the exported services.
 */
@Module({
  imports: [AuditModule, IdentityModule],
  controllers: [VolunteerProfilesController, SafeguardingController],
  providers: [
    SkillsRepository,
    VolunteerProfilesRepository,
    SafeguardingChecksRepository,
    CodeOfConductRepository,
    SkillsService,
    CodeOfConductService,
    VolunteerProfilesService,
    SafeguardingService,
    SafeguardingLifecycle,
    VolunteerDirectoryService,
  ],
  exports: [SkillsService, CodeOfConductService, VolunteerProfilesService, SafeguardingService, SafeguardingLifecycle, VolunteerDirectoryService],
})
export class VolunteersModule {}
