import { AuditModule } from './audit/audit.module';
import { IdentityModule } from './identity/identity.module';
import { LiveOutboxModule } from './live/live-outbox.module';

/** One Nest module per bounded context (DESIGN §2). */
export const CONTEXT_MODULES = [AuditModule, LiveOutboxModule, IdentityModule];
