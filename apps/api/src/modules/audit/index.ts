/** The audit context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { AuditModule } from './audit.module';
export { AuditService, type AuditRecord } from './audit.service';
