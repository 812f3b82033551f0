import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { ChildrenModule } from '../children';
import { EngagementModule } from '../engagement';
import { IdentityModule } from '../identity';
import { LiveOutboxModule } from '../live';
import { ConcernsController } from './concerns.controller';
import { ConcernsRepository } from './concerns.repository';
import { ConcernsService } from './concerns.service';
import { RegistryFlagsListener } from './registry-flags.listener';

/**
 * Safeguarding concerns (R6, R7): raised by anyone involved with a child,
 * escalated live to the NGO's owners and coordinators, acknowledged within a
 * deadline, closed only with the police-report decision where the law requires
 * one. Rows under FORCE'd row-level security; text encrypted with the registry's cipher.
 */
@Module({
  imports: [AuditModule, LiveOutboxModule, IdentityModule, EngagementModule, ChildrenModule],
  controllers: [ConcernsController],
  providers: [ConcernsRepository, ConcernsService, RegistryFlagsListener],
  exports: [ConcernsService],
})
export class ConcernsModule {}
