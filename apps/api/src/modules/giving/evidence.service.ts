import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EvidenceView } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { FILE_STORAGE, type FileStorage } from '../../common/storage/file-storage';
import { AuditService } from '../audit';
import { TransactionRunner } from '../../common/database/transaction-runner';
import type { EvidenceFileEntity } from './evidence-file.entity';
import { EvidenceRepository } from './evidence.repository';
import { processEvidence } from './evidence.processor';
import { EvidenceUrlSigner } from './evidence-url.signer';
import { PledgesRepository } from './pledges.repository';
import { pledgeRole } from './pledges.service';

@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('EvidenceService');

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly evidence: EvidenceRepository,
    private readonly pledges: PledgesRepository,
    private readonly signer: EvidenceUrlSigner,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(PRINCIPAL_RESOLVER) private readonly principals: PrincipalResolver,
  ) {}

  /** NGO owners and coordinators upload evidence before recording the use it documents. */
  async upload(principal: Principal, organizationId: string, content: Buffer): Promise<EvidenceView> {
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', organizationId);
    const processed = await processEvidence(content);
    const id = randomUUID();
    const storageKey = `evidence/${organizationId}/${id}`;
    // The file goes first: a row must never point at a file that is not there. If the row and its
    // audit entry do not commit, the file goes again; if the process dies in between, the start-up
    // sweep (EvidenceSweeper) finds the file without a row. A use attaches the file in its own
    // transaction later (PledgesService), so the upload is a unit of its own.
    await this.storage.put(storageKey, processed.content);
    let file: EvidenceFileEntity;
    try {
      file = await this.transactions.run(async (tx) => {
        const row = await this.evidence.insert(tx, scope, {
          id,
          uploadedBy: principal.userId,
          contentType: processed.contentType,
          sizeBytes: processed.content.length,
          sha256: createHash('sha256').update(processed.content).digest('hex'),
          storageKey,
        });
        await this.audit.record(tx, {
          action: 'evidence.uploaded',
          entityType: 'evidence',
          entityId: id,
          orgId: organizationId,
          diff: { contentType: row.contentType, sizeBytes: row.sizeBytes },
        });
        return row;
      });
    } catch (error) {
      await this.storage
        .delete(storageKey)
        .catch((cleanup: unknown) => this.logger.warn({ err: cleanup }, `could not remove evidence file ${id} after a failed upload`));
      throw error;
    }
    return { id, organizationId, contentType: file.contentType, sizeBytes: file.sizeBytes, ...this.signer.sign(id, principal.userId) };
  }

  /**
   * Serves a file through a signed, short-lived link. A link is bound to the
   * user it was made for: a different signed-in user presenting it is refused.
   */
  async content(
    evidenceId: string,
    query: { u: string; e: number; s: string },
    authorization: string | undefined,
  ): Promise<{ content: Buffer; contentType: string }> {
    const verdict = this.signer.verify(evidenceId, query.u, query.e, query.s);
    if (verdict !== 'ok')
      throw DomainError.forbidden(
        verdict === 'expired' ? 'This evidence link has expired; open the trail again' : 'This evidence link is not valid',
      );
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (token) {
      const caller = await this.principals.resolve(token).catch(() => null);
      if (!caller || caller.userId !== query.u) throw DomainError.forbidden('This evidence link was made for someone else');
    }
    const file = await this.evidence.findById(evidenceId);
    if (!file) throw DomainError.notFound('Evidence');
    const content = await this.storage.get(file.storageKey);
    if (!content) throw DomainError.notFound('Evidence');
    return { content, contentType: file.contentType };
  }

  /** A fresh link for one file, for anyone who may see the pledge it documents (or the NGO before it is attached). */
  async link(principal: Principal, evidenceId: string): Promise<EvidenceView> {
    const file = await this.evidence.findById(evidenceId);
    if (!file) throw DomainError.notFound('Evidence');
    let allowed: boolean;
    if (file.entryId) {
      const pledgeId = await this.pledges.pledgeOfEntry(file.entryId);
      const parties = pledgeId ? await this.pledges.parties(pledgeId) : null;
      allowed = parties !== null && pledgeRole(principal, parties) !== null;
    } else {
      allowed = principal.isPlatformAdmin || principal.memberships.some((m) => m.organizationId === file.orgId);
    }
    if (!allowed) throw DomainError.notFound('Evidence');
    return {
      id: file.id,
      organizationId: file.orgId,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      ...this.signer.sign(file.id, principal.userId),
    };
  }
}
