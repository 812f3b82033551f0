import type {
  Locale,
  MembershipRole,
  NeedStatus,
  NeedType,
  OrganizationKind,
  OrganizationStatus,
  SafeguardingAuthority,
  SafeguardingCheckKind,
  SafeguardingOffenceScope,
  SafeguardingResult,
  SafeguardingStatus,
  ShiftStatus,
  SkillCategory,
} from './enums';

export interface HealthResponse {
  status: 'ok' | 'error';
  db: 'up' | 'down';
  version: string;
  uptimeSeconds: number;
}

export interface UserView {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
}

export interface AuthResponse {
  user: UserView;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

export interface MembershipView {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
}

/** One row of `GET /organizations/{id}/members`. */
export interface MemberView {
  userId: string;
  displayName: string;
  role: MembershipRole;
  joinedAt: string;
}

export interface MeResponse extends UserView {
  memberships: MembershipView[];
  isPlatformAdmin: boolean;
}

export interface OrganizationView {
  id: string;
  kind: OrganizationKind;
  name: string;
  regionCode: string;
  verified: boolean;
  status: OrganizationStatus;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

// Volunteers

export interface SkillView {
  code: string;
  nameZh: string;
  nameEn: string;
  category: SkillCategory;
}

export interface AvailabilitySlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:mm", Beijing time. */
  from: string;
  to: string;
}

/** `GET /me/volunteer-profile` answers an empty profile (`saved: false`, number and region null) before the first save. */
export interface VolunteerProfileView {
  userId: string;
  /** Whether the volunteer has saved a profile yet. */
  saved: boolean;
  /** Unified volunteer number assigned by the platform at the first save, e.g. KV2026000123. */
  volunteerNumber: string | null;
  skills: string[];
  languages: string[];
  regionCode: string | null;
  location: GeoPoint | null;
  availability: AvailabilitySlot[];
  monthlyHourCap: number | null;
  employerOrganizationId: string | null;
  /** YYYY-MM-DD; only ever returned to the volunteer. */
  birthDate: string | null;
  codeOfConductVersion: string | null;
  codeOfConductAcceptedAt: string | null;
  /** Whether the accepted version is the current one. */
  codeOfConductCurrent: boolean;
  updatedAt: string | null;
}

export interface CodeOfConductView {
  version: string;
  title: string;
  body: string;
  publishedAt: string;
}

/** What coordinators see: the standing, never the evidence. */
export interface SafeguardingStandingView {
  userId: string;
  status: SafeguardingStatus;
  /** Expiry of the clear check that makes the status valid. */
  validUntil: string | null;
}

export interface SafeguardingCheckView {
  id: string;
  volunteerUserId: string;
  kind: SafeguardingCheckKind;
  offenceScope: SafeguardingOffenceScope[];
  issuingAuthority: SafeguardingAuthority;
  reference: string | null;
  checkedAt: string;
  result: SafeguardingResult;
  verifiedBy: string;
  /** Null when a platform administrator recorded the check. */
  verifiedOrganizationId: string | null;
  /** Who recorded the check (the same person as `verifiedBy`), with their name and the NGO they recorded it for. */
  recordedBy: { userId: string; displayName?: string; organizationId?: string };
  verifiedAt: string;
  expiresAt: string;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string | null;
}

/** One row of `GET /safeguarding-checks/blocking` (platform administrators): a record found and not lifted, with who it blocks and who recorded it. */
export interface BlockedVolunteerView {
  check: SafeguardingCheckView;
  volunteer: { userId: string; displayName: string; volunteerNumber: string | null };
  verifiedOrganizationName: string | null;
}

/** The volunteer's own view, and the platform administrator's: standing plus the checks. */
export interface SafeguardingDetailView extends SafeguardingStandingView {
  checks: SafeguardingCheckView[];
}

// Needs and shifts

export interface NeedItemView {
  id: string;
  name: string;
  unit: string;
  quantity: number;
}

export interface NeedSummaryView {
  id: string;
  organizationId: string;
  organizationName: string | null;
  type: NeedType;
  title: string;
  regionCode: string;
  location: GeoPoint | null;
  childContact: boolean;
  requiredSkills: string[];
  minAge: number | null;
  status: NeedStatus;
  startsAt: string | null;
  endsAt: string | null;
  targetFen: number | null;
  beneficiaryCount: number;
  programmeId: string | null;
  publishedAt: string | null;
  createdAt: string;
  /** Only when searching `near` a point. */
  distanceKm?: number;
}

export interface NeedView extends NeedSummaryView {
  description: string;
  place: string | null;
  items: NeedItemView[];
  cancelReason: string | null;
  updatedAt: string;
}

export interface ShiftView {
  id: string;
  needId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  /** Shifts expanded from one RRULE share a series. */
  seriesId: string | null;
  status: ShiftStatus;
}

export interface ShiftsCreatedView {
  data: ShiftView[];
  seriesId: string | null;
}

export interface ProgrammeView {
  id: string;
  organizationId: string;
  name: string;
  year: number;
  createdAt: string;
}

/** One entry of `GET /audit-log`: who did what to which record, and the fields that changed. */
export interface AuditEntryView {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  organizationId: string | null;
  requestId: string | null;
  diff: Record<string, unknown>;
}
