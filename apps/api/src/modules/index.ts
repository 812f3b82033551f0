import { AuditModule } from './audit/audit.module';
import { ChildrenModule } from './children/children.module';
import { ConcernsModule } from './concerns/concerns.module';
import { EngagementModule } from './engagement/engagement.module';
import { GivingModule } from './giving/giving.module';
import { IdentityModule } from './identity/identity.module';
import { LiveOutboxModule } from './live/live-outbox.module';
import { LiveModule } from './live/live.module';
import { MatchingModule } from './matching/matching.module';
import { NeedsModule } from './needs/needs.module';
import { VolunteersModule } from './volunteers/volunteers.module';

/** One Nest module per bounded context (DESIGN §2). */
export const CONTEXT_MODULES = [AuditModule, LiveOutboxModule, IdentityModule, LiveModule, VolunteersModule, NeedsModule, EngagementModule, GivingModule, MatchingModule, ChildrenModule, ConcernsModule];
