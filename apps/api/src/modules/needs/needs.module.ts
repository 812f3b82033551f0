import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { LiveOutboxModule, NEED_ACCESS } from '../live';
import { VolunteersModule } from '../volunteers';
import { NeedAuthoringController } from './need-authoring.controller';
import { NeedAuthoringService } from './need-authoring.service';
import { NeedFactsService } from './need-facts.service';
import { NeedShiftsController } from './need-shifts.controller';
import { NeedStatusController } from './need-status.controller';
import { NeedTransitionsService } from './need-transitions.service';
import { NeedsLifecycle } from './needs-lifecycle';
import { NeedFacts, ShiftDirectory } from './ports';
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
 * contexts read facts through the ports bound here (NeedFacts for giving,
 * ShiftDirectory for engagement), hook into changes through
 * NeedsLifecycle, and the live gateway asks NEED_ACCESS who may join a need's room.
 */
@Module({
  imports: [AuditModule, IdentityModule, LiveOutboxModule, VolunteersModule],
  controllers: [
    NeedsController,
    NeedAuthoringController,
    NeedStatusController,
    NeedShiftsController,
    ShiftsController,
    ProgrammesController,
  ],
  providers: [
    NeedsRepository,
    ShiftsRepository,
    ProgrammesRepository,
    NeedsLifecycle,
    NeedsService,
    NeedAuthoringService,
    NeedTransitionsService,
    ShiftsService,
    ProgrammesService,
    NeedFactsService,
    { provide: NEED_ACCESS, useExisting: NeedsService },
    { provide: NeedFacts, useExisting: NeedFactsService },
    { provide: ShiftDirectory, useExisting: NeedFactsService },
  ],
  exports: [
    NeedsService,
    NeedAuthoringService,
    NeedTransitionsService,
    ShiftsService,
    ProgrammesService,
    NeedFactsService,
    NeedsLifecycle,
    NEED_ACCESS,
    NeedFacts,
    ShiftDirectory,
  ],
})
export class NeedsModule {}
