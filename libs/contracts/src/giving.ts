import type { LedgerKind, PledgeChannel, PledgeKind, PledgeStatus } from './enums';

/** Answers of the giving API (pledges, ledger, evidence, the donor's trail, need coverage). Money in fen; timestamps ISO 8601. */

export interface PledgeLineView {
  id: string;
  itemId: string;
  name: string;
  unit: string;
  quantity: number;
  received: number;
  used: number;
}

export interface PledgeView {
  id: string;
  organizationId: string;
  needId: string | null;
  kind: PledgeKind;
  status: PledgeStatus;
  channel: PledgeChannel;
  donorUserId: string;
  onBehalfOf: string | null;
  pledgedFen: number | null;
  receivedFen: number | null;
  usedFen: number | null;
  lines: PledgeLineView[];
  note: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** `POST /pledges/{id}/receipts|usages` and their reversals. */
export interface LedgerEntryView {
  id: string;
  pledgeId: string;
  kind: LedgerKind;
  amountFen: number | null;
  lines: Array<{ lineId: string; quantity: number }>;
  occurredAt: string;
  reversesId: string | null;
}

/** An uploaded evidence file, downloadable through a signed, expiring URL. */
export interface EvidenceView {
  id: string;
  organizationId: string;
  contentType: string;
  sizeBytes: number;
  url: string;
  expiresAt: string;
}

/** Counts of people served by age band and gender: numbers only, never identities. */
export interface BeneficiaryBreakdown {
  under6?: { male?: number; female?: number };
  age6to14?: { male?: number; female?: number };
  age15to18?: { male?: number; female?: number };
}

export type TrailEventType = 'pledged' | 'received' | 'used' | 'receipt_reversed' | 'usage_reversed' | 'cancelled';

export interface TrailEvent {
  type: TrailEventType;
  at: string;
  recordedAt: string;
  entryId?: string;
  amountFen?: number | null;
  lines?: Array<{ itemId: string; name: string; unit: string; quantity: number }>;
  receiptNumber?: string | null;
  description?: string | null;
  beneficiaryCount?: number | null;
  beneficiaries?: BeneficiaryBreakdown | null;
  placeRegionCode?: string | null;
  reversesId?: string | null;
  reason?: string | null;
  evidence?: Array<Pick<EvidenceView, 'id' | 'contentType' | 'url' | 'expiresAt'>>;
}

/** `GET /pledges/{id}/trail`: what happened to one pledge, for the donor, the company and the NGO. */
export interface TrailView {
  pledgeId: string;
  kind: PledgeKind;
  status: PledgeStatus;
  needId: string | null;
  organizationId: string;
  pledgedFen?: number | null;
  receivedFen?: number;
  usedFen?: number;
  lines?: Array<{ itemId: string; name: string; unit: string; pledged: number; received: number; used: number }>;
  events: TrailEvent[];
}

/** `GET /needs/{id}/coverage`: how far pledges, receipts and uses cover a need. Percentages to one decimal. */
export interface CoverageView {
  needId: string;
  money: {
    targetFen: number | null;
    pledgedFen: number;
    receivedFen: number;
    usedFen: number;
    pledgedPercent: number | null;
    receivedPercent: number | null;
    usedPercent: number | null;
  };
  items: Array<{
    itemId: string;
    name: string;
    unit: string;
    needed: number;
    pledged: number;
    received: number;
    used: number;
    pledgedPercent: number | null;
    receivedPercent: number | null;
    usedPercent: number | null;
  }>;
}
