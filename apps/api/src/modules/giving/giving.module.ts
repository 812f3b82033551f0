import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { LiveOutboxModule } from '../live';
import { NeedsModule } from '../needs';
import { CoverageController } from './coverage.controller';
import { CoverageService } from './coverage.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { EvidenceSweeper } from './evidence.sweeper';
import { EvidenceUrlSigner } from './evidence-url.signer';
import { PledgesController } from './pledges.controller';
import { PledgesRepository } from './pledges.repository';
import { LedgerService } from './ledger.service';
import { PledgesService } from './pledges.service';
import { TrailService } from './trail.service';

@Module({
  imports: [AuditModule, LiveOutboxModule, IdentityModule, NeedsModule],
  controllers: [PledgesController, EvidenceController, CoverageController],
  providers: [
    PledgesRepository,
    EvidenceRepository,
    EvidenceUrlSigner,
    PledgesService,
    LedgerService,
    TrailService,
    EvidenceService,
    EvidenceSweeper,
    CoverageService,
  ],
  exports: [PledgesService, LedgerService, EvidenceService],
})
export class GivingModule {}
