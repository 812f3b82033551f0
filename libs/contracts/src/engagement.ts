import type { HourRecordStatus, SignupStatus } from './enums';

/** Answers of the engagement API (sign-ups, attendance, hours, certificates, invitations). Timestamps are ISO 8601 strings. */

/** `POST /shifts/{id}/signups`, `POST /signups/{id}/no-show`, `POST /invitations/{id}/accept`. */
export interface SignupView {
  id: string;
  shiftId: string;
  needId: string;
  status: SignupStatus;
  position: number | null;
}

/** `POST /signups/{id}/cancel`. */
export interface CancelSignupResult {
  id: string;
  status: 'cancelled';
  /** The sign-up promoted from the waitlist into the freed seat, if any. */
  promoted?: string;
  lateCancellation: boolean;
}

/** The hour record a roster row or an attendance answer carries once the volunteer checked out. */
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
  hourRecord: HourRecordSummary | null;
}

/** `GET /shifts/{id}/signups` (coordinators). */
export interface RosterView {
  shiftId: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  signups: RosterRow[];
}

/** One shift of `GET /organizations/{id}/rosters` (owners and coordinators): the need it belongs to, the shift and its roster. */
export interface OrganizationRosterEntry {
  need: { id: string; title: string };
  shift: { id: string; startsAt: string; endsAt: string; capacity: number };
  roster: RosterView;
}

/** `GET /shifts/{id}/check-in-code`: the rotating code behind the QR display. */
export interface CheckInCodeView {
  token: string;
  expiresAt: string;
  shiftId: string;
}

/** `POST /shifts/{id}/check-in`, `POST /signups/{id}/check-in|check-out`. */
export interface AttendanceView {
  signupId: string;
  shiftId: string;
  status: SignupStatus;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hourRecord: HourRecordSummary | null;
}

/** One row of `GET /me/shifts`. */
export interface MyShiftRow {
  signupId: string;
  shiftId: string;
  needId: string;
  /** The need's title, so a list needs no read per row. */
  needTitle: string;
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

/** One row of `GET /organizations/{id}/hour-records`: the record with what a list shows beside it, so it needs no read per row. */
export interface OrganizationHourRecordRow extends HourRecordView {
  userId: string;
  volunteerName: string;
  needTitle: string;
  /** The shift's start (engagement's seats); null only for a shift that is gone. */
  shiftStartsAt: string | null;
}

/** `GET /me/hours`. */
export interface MyHoursView {
  verifiedMinutes: number;
  pendingMinutes: number;
  reliability: number;
  records: HourRecordView[];
}

/** `GET /certificates/verify`: public, without personal identifiers beyond the certificate's own. */
export interface CertificateVerificationView {
  number: string;
  status: 'valid' | 'revoked';
  volunteerName: string;
  volunteerNumber: string;
  issuerName: string;
  totalHours: number;
  issuedAt: string;
  revokedReason: string | null;
}

/** `POST /shifts/{id}/hours/verify`. */
export interface ShiftVerificationResult {
  verified: number;
  minutes: number;
}

/** `GET /organizations/{id}/hours`. */
export interface OrganizationHoursView {
  verifiedMinutes: number;
  pendingMinutes: number;
  volunteers: number;
  byMonth: Array<{ month: string; minutes: number }>;
}

/** `GET /organizations/{id}/employee-hours` (a company's CSR view). */
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

export type InvitationStatus = 'pending' | 'accepted' | 'declined';

export interface InvitationView {
  id: string;
  shiftId: string;
  needId: string;
  organizationId: string;
  status: InvitationStatus;
  message: string | null;
  createdAt: string;
}
