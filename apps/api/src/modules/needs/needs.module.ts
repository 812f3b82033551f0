import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { LiveOutboxModule } from '../live/live-outbox.module';
import { NEED_ACCESS } from '../live/need-access';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { NeedFactsService } from './need-facts.service';
import { NeedsLifecycle } from './needs-lifecycle';
import { NeedsController } from './needs.controller';
import { NeedsRepository } from './needs.repository';
import { NeedsService } from './needs.service';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';
import { ShiftsController } from './shifts.controller';
import { ShiftsRepository } from './shifts.repository';
import { ShiftsService } from './shifts.service';

/**
 * What NGOs ask for: needs, goods lines, programmes and shifts. Other
 * contexts read facts through NeedFactsService, hook into changes through
 * NeedsLifecycle, and the live gateway asks NEED_ACCESS who may join a need's room.
 */
@Module({
  imports: [AuditModule, IdentityModule, LiveOutboxModule, VolunteersModule],
  controllers: [NeedsController, ShiftsController, ProgrammesController],
  providers: [
    NeedsRepository,
    ShiftsRepository,
    ProgrammesRepository,
    NeedsLifecycle,
    NeedsService,
    ShiftsService,
    ProgrammesService,
    NeedFactsService,
    { provide: NEED_ACCESS, useExisting: NeedsService },
  ],
  exports: [NeedsService, ShiftsService, ProgrammesService, NeedFactsService, NeedsLifecycle, NEED_ACCESS],
})
export class NeedsModule {}
