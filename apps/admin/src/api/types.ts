import type { HourRecordStatus, PledgeKind, PledgeStatus, SignupStatus } from '@kindred/contracts';

/**
 * Answers of the engagement, giving and matching APIs that `@kindred/contracts` does not describe
 * (yet). Shapes as the API returns them; optional fields are ones the client tolerates missing.
 */

/** `POST /shifts/{id}/signups`, `POST /signups/{id}/no-show`. */
export interface SignupView {
  id: string;
  shiftId: string;
  needId: string;
  status: SignupStatus;
  position: number | null;
}

export interface CancelSignupResult {
  id: string;
  status: 'cancelled';
  promoted?: string;
  lateCancellation?: boolean;
}

export interface HourRecordSummary {
  id: string;
  minutes: number;
  status: HourRecordStatus;
  flag: string | null;
}

/** One row of `GET /shifts/{id}/signups`. */
export interface RosterRow {
  signupId: string;
  userId: string;
  displayName: string;
  status: SignupStatus;
  position: number | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  autoClosed: boolean;
  skippedReason: string | null;
  createdAt: string;
  /** Not sent by the API today; per-record verification appears when it is. */
  hourRecord?: HourRecordSummary | null;
}

export interface RosterView {
  shiftId: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  signups: RosterRow[];
}

export interface CheckInCodeView {
  token: string;
  expiresAt: string;
  shiftId?: string;
}

/** `POST /shifts/{id}/check-in`, `POST /signups/{id}/check-in|check-out`. */
export interface AttendanceView {
  signupId: string;
  shiftId: string;
  status: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hourRecord: HourRecordSummary | null;
}

/** One row of `GET /me/shifts`. */
export interface MyShiftRow {
  signupId: string;
  shiftId: string;
  needId: string;
  organizationId: string;
  status: SignupStatus;
  position: number | null;
  startsAt: string;
  endsAt: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
}

export interface HourRecordView {
  id: string;
  signupId: string;
  shiftId: string;
  needId: string;
  organizationId: string;
  minutes: number;
  servedOn: string;
  status: HourRecordStatus;
  flag: string | null;
  reversesId: string | null;
  note: string | null;
}

export interface MyHoursView {
  verifiedMinutes: number;
  pendingMinutes: number;
  reliability: number;
  records: HourRecordView[];
}

export interface OrganizationHoursView {
  verifiedMinutes: number;
  pendingMinutes: number;
  volunteers: number;
  byMonth: Array<{ month: string; minutes: number }>;
}

export interface EmployeeHoursView {
  verifiedMinutes: number;
  employees: Array<{ userId: string; displayName: string; minutes: number }>;
}

export interface CertificateView {
  id: string;
  number: string;
  verificationCode: string;
  organizationId: string;
  issuerName: string;
  totalMinutes: number;
  issuedAt: string;
  status: 'valid' | 'revoked';
  documentUrl: string;
}

export interface InvitationView {
  id: string;
  shiftId: string;
  needId: string;
  organizationId: string;
  status: string;
  message: string | null;
  createdAt: string;
}

// Giving

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
  channel: string;
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

export interface LedgerEntryView {
  id: string;
  pledgeId: string;
  kind: string;
  amountFen: number | null;
  lines: Array<{ lineId: string; quantity: number }>;
  occurredAt: string;
  reversesId: string | null;
}

export interface EvidenceView {
  id: string;
  organizationId?: string;
  contentType: string;
  sizeBytes?: number;
  url: string;
  expiresAt: string;
}

export type TrailEventType = 'pledged' | 'received' | 'used' | 'reversed' | 'cancelled' | (string & {});

export interface TrailEvent {
  type: TrailEventType;
  at: string;
  recordedAt?: string;
  entryId?: string;
  amountFen: number | null;
  lines?: Array<{ itemId: string; name: string; unit: string; quantity: number }>;
  receiptNumber?: string | null;
  description?: string | null;
  beneficiaryCount?: number | null;
  placeRegionCode?: string | null;
  reversesId?: string | null;
  reason?: string | null;
  evidence?: EvidenceView[];
}

export interface TrailView {
  pledgeId: string;
  kind: PledgeKind;
  status: PledgeStatus;
  needId: string | null;
  organizationId: string;
  pledgedFen?: number | null;
  receivedFen?: number | null;
  usedFen?: number | null;
  lines?: Array<{ itemId: string; name: string; unit: string; pledged: number; received: number; used: number }>;
  events: TrailEvent[];
}

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
    pledgedPercent: number;
    receivedPercent: number;
    usedPercent: number;
  }>;
}
