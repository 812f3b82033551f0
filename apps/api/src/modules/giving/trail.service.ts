import { Injectable } from '@nestjs/common';
import type { TrailEvent, TrailView } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceUrlSigner } from './evidence-url.signer';
import { PledgesRepository } from './pledges.repository';
import { PledgesService } from './pledges.service';

/** What happened to one pledge, from promise to each use with its evidence, for the donor, the company and the NGO. */
@Injectable()
export class TrailService {
  constructor(
    private readonly pledgesService: PledgesService,
    private readonly pledges: PledgesRepository,
    private readonly evidence: EvidenceRepository,
    private readonly signer: EvidenceUrlSigner,
  ) {}

  async trail(principal: Principal, pledgeId: string): Promise<TrailView> {
    await this.pledgesService.partiesFor(principal, pledgeId);
    const { pledge, lines } = (await this.pledges.get(pledgeId))!;
    const entries = await this.pledges.entries(pledgeId);
    const files = await this.evidence.forEntries(entries.map((e) => e.entry.id));
    const lineById = new Map(lines.map((l) => [l.id, l]));
    const events: TrailEvent[] = [
      {
        type: 'pledged',
        at: pledge.createdAt.toISOString(),
        recordedAt: pledge.createdAt.toISOString(),
        amountFen: pledge.pledgedFen,
        lines: lines.map((l) => ({ itemId: l.itemId, name: l.name, unit: l.unit, quantity: l.quantity })),
      },
    ];
    for (const { entry, lines: entryLines } of entries) {
      const reversal = entry.reversesId !== null;
      events.push({
        type: entry.kind === 'receipt' ? (reversal ? 'receipt_reversed' : 'received') : reversal ? 'usage_reversed' : 'used',
        at: entry.occurredAt.toISOString(),
        recordedAt: entry.createdAt.toISOString(),
        entryId: entry.id,
        amountFen: entry.amountFen,
        lines: entryLines.map((l) => {
          const line = lineById.get(l.lineId)!;
          return { itemId: line.itemId, name: line.name, unit: line.unit, quantity: l.quantity };
        }),
        receiptNumber: entry.receiptNumber,
        description: entry.description,
        beneficiaryCount: entry.beneficiaryCount,
        beneficiaries: entry.beneficiaries,
        placeRegionCode: entry.placeRegionCode,
        reversesId: entry.reversesId,
        reason: entry.reversalReason,
        evidence: files
          .filter((f) => f.entryId === entry.id)
          .map((f) => ({ id: f.id, contentType: f.contentType, ...this.signer.sign(f.id, principal.userId) })),
      });
    }
    if (pledge.cancelledAt)
      events.push({
        type: 'cancelled',
        at: pledge.cancelledAt.toISOString(),
        recordedAt: pledge.cancelledAt.toISOString(),
        reason: pledge.cancelReason,
      });
    const money = pledge.kind === 'money';
    return {
      pledgeId,
      kind: pledge.kind,
      status: pledge.status,
      needId: pledge.needId,
      organizationId: pledge.orgId,
      ...(money
        ? { pledgedFen: pledge.pledgedFen, receivedFen: pledge.receivedFen, usedFen: pledge.usedFen }
        : {
            lines: lines.map((l) => ({
              itemId: l.itemId,
              name: l.name,
              unit: l.unit,
              pledged: l.quantity,
              received: l.received,
              used: l.used,
            })),
          }),
      events,
    };
  }
}
