import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { EngagementModule } from '../engagement';
import { GivingModule } from '../giving';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { VolunteersModule } from '../volunteers';
import { BeneficiariesService } from './beneficiaries.service';
import { CareAccess } from './care-access';
import { CareRecordsService } from './care-records.service';
import { CareController } from './care.controller';
import { CareRepository } from './care.repository';
import { ChildCipher } from './child-cipher';
import { CHILD_CIPHER_PROVIDER } from './child-cipher.provider';
import { ChildFactsRepository } from './child-facts.repository';
import { ChildFacts } from './child-facts.service';
import { ChildrenLifecycle } from './children-lifecycle';
import { ChildrenController } from './children.controller';
import { ChildrenRepository } from './children.repository';
import { ChildrenService } from './children.service';
import { ConsentsService } from './consents.service';
import { FollowUpsService } from './follow-ups.service';
import { RegisterExchangeController } from './register-exchange.controller';
import { RegisterExchangeRepository } from './register-exchange.repository';
import { RegisterExchangeService } from './register-exchange.service';
import { SafeguardingPairingsListener } from './safeguarding-pairings.listener';

/**
 * The children's registry (档案): files with identity fields encrypted at rest,
 * under PostgreSQL row-level security per organisation; only the owning NGO's
 * owners, coordinators and staff ever read a child's row. The care side
 * (consent, services, assessments, follow-ups, need links, activity cards)
 * reads needs, sign-ups, pledges and volunteers' standing through those
 * contexts' public faces.
 */
@Module({
  imports: [AuditModule, IdentityModule, NeedsModule, EngagementModule, GivingModule, VolunteersModule],
  controllers: [ChildrenController, CareController, RegisterExchangeController],
  providers: [
    CHILD_CIPHER_PROVIDER,
    ChildrenRepository,
    ChildrenService,
    CareRepository,
    CareAccess,
    ConsentsService,
    CareRecordsService,
    FollowUpsService,
    BeneficiariesService,
    RegisterExchangeRepository,
    RegisterExchangeService,
    ChildrenLifecycle,
    ChildFactsRepository,
    ChildFacts,
    SafeguardingPairingsListener,
  ],
  exports: [ChildrenService, ChildCipher, ChildrenLifecycle, ChildFacts],
})
export class ChildrenModule {}
