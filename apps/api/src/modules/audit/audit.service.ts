import { Injectable } from '@nestjs/common';
import type { AuditEntryView, Page } from '@kindred/contracts';
import type { OrgScope } from '../../common/auth/org-scope';
import { RequestContext } from '../../common/context/request-context';
import type { Tx } from '../../common/database/transaction-runner';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  orgId?: string | null;
  /** Ids, statuses and counts only: never names, phone numbers, e-mail addresses or secrets. */
  diff?: Record<string, unknown>;
  actorUserId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Appends in the caller's transaction, so a rolled-back write leaves no trail and a committed one exactly one. */
  async record(tx: Tx, record: AuditRecord): Promise<void> {
    const context = RequestContext.current();
    await this.repository.append(tx, {
      actorUserId: record.actorUserId !== undefined ? record.actorUserId : (context?.userId ?? null),
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      orgId: record.orgId ?? null,
      requestId: context?.requestId ?? null,
      diff: record.diff ?? {},
    });
  }

  async page(scope: OrgScope | null, limit: number, cursor: string | null): Promise<Page<AuditEntryView>> {
    const rows = await this.repository.page(scope, limit + 1, cursor);
    const data = rows.slice(0, limit).map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      actorUserId: row.actorUserId,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      organizationId: row.orgId,
      requestId: row.requestId,
      diff: row.diff,
    }));
    return { data, nextCursor: rows.length > limit ? data[data.length - 1].id : null };
  }
}
