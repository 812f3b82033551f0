import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../../src/common/database/transaction-runner';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { AuditRepository } from '../../../src/modules/audit/audit.repository';
import { AuditService } from '../../../src/modules/audit/audit.service';
import { ChangeRecorder, changeEvent, type Change } from '../../../src/modules/live/change-recorder';
import { OutboxRepository } from '../../../src/modules/live/outbox.repository';
import { OutboxService } from '../../../src/modules/live/outbox.service';
import { createTestDatabase, type TestDatabase } from '../../support/database';

describe('ChangeRecorder on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let transactions: TransactionRunner;
  let changes: ChangeRecorder;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, 5));
    await ds.initialize();
    transactions = new TransactionRunner(ds);
    changes = new ChangeRecorder(new AuditService(new AuditRepository(ds)), new OutboxService(new OutboxRepository()));
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** An organisation's status change: one audit row and one event, both naming the organisation. */
  const statusChange = (orgId: string): Change => ({
    audit: { action: 'organization.verified', entityType: 'organization', entityId: orgId, orgId, diff: { from: 'unverified', to: 'verified' } },
    events: [changeEvent('organization.updated', { organizationId: orgId, status: 'verified' }, { orgIds: [orgId] })],
  });

  const rows = async (orgId: string): Promise<{ audit: number; events: number }> => {
    const [audit] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1', [orgId]);
    const [events] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE payload->>'organizationId' = $1", [orgId]);
    return { audit: audit.n, events: events.n };
  };

  it('should leave neither the audit row nor the event when the transaction rolls back', async () => {
    const orgId = randomUUID();
    await expect(
      transactions.run(async (tx) => {
        await changes.record(tx, statusChange(orgId));
        throw new Error('the change fails after it was recorded');
      }),
    ).rejects.toThrow('the change fails after it was recorded');
    expect(await rows(orgId)).toEqual({ audit: 0, events: 0 });
  });

  it('should leave exactly one audit row and one event when the transaction commits', async () => {
    const orgId = randomUUID();
    await transactions.run((tx) => changes.record(tx, statusChange(orgId)));
    expect(await rows(orgId)).toEqual({ audit: 1, events: 1 });
    const [event] = await db.query<{ type: string; org_ids: string[] }>(
      "SELECT type, org_ids FROM events WHERE payload->>'organizationId' = $1",
      [orgId],
    );
    expect(event).toEqual({ type: 'organization.updated', org_ids: [orgId] });
  });

  it('should write only the audit row when a change declares no events', async () => {
    const orgId = randomUUID();
    await transactions.run((tx) => changes.record(tx, { audit: statusChange(orgId).audit }));
    expect(await rows(orgId)).toEqual({ audit: 1, events: 0 });
  });
});
