import type { EntitySchema, MixedList } from 'typeorm';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { MembershipEntity } from '../modules/identity/membership.entity';
import { OrganizationEntity } from '../modules/identity/organization.entity';
import { SessionEntity } from '../modules/identity/session.entity';
import { UserEntity } from '../modules/identity/user.entity';
import { OutboxEventEntity } from '../modules/live/outbox-event.entity';

/** Every entity of every bounded context, listed explicitly so the app, the CLI and the tests see the same set. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: MixedList<Function | string | EntitySchema> = [
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  SessionEntity,
  AuditEntryEntity,
  OutboxEventEntity,
  IdempotencyKeyEntity,
];
