/**
 * The children's registry (档案): codes fixed by the API contract and the
 * shapes of its answers. Identity fields (legal name, ID number, address,
 * guardians' names and phones) appear only in answers to an NGO's owners and
 * coordinators; every other shape here is safe for staff.
 */

export const LEFT_BEHIND_CATEGORIES = [
  'left_behind_single_parent',
  'left_behind_grandparent',
  'left_behind_relative',
  'left_behind_institution',
] as const;
export const IN_DIFFICULTY_CATEGORIES = [
  'orphan',
  'disability_or_illness',
  'low_income_dibao',
  'low_income_tekun',
  'de_facto_unattended',
  'difficulty_other',
] as const;
export const CHILD_CATEGORIES = [...LEFT_BEHIND_CATEGORIES, ...IN_DIFFICULTY_CATEGORIES] as const;
export type LeftBehindCategory = (typeof LEFT_BEHIND_CATEGORIES)[number];
export type InDifficultyCategory = (typeof IN_DIFFICULTY_CATEGORIES)[number];
export type ChildCategory = (typeof CHILD_CATEGORIES)[number];
export type ChildCategoryGroup = 'left_behind' | 'in_difficulty';

export function categoryGroup(category: ChildCategory): ChildCategoryGroup {
  return (LEFT_BEHIND_CATEGORIES as readonly string[]).includes(category) ? 'left_behind' : 'in_difficulty';
}

export const AGE_BANDS = ['under6', '6to14', '15to18'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

export const CHILD_STATUSES = ['active', 'exited'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

export const EXIT_REASONS = ['parents_returned', 'aged_out', 'moved', 'no_longer_eligible', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Who the child lives with day to day (摸底排查 field). */
export const LIVING_ARRANGEMENTS = ['both_parents', 'one_parent', 'grandparents', 'relatives', 'institution', 'alone', 'other'] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number];

/** 低保 / 特困 support the household receives. */
export const SOCIAL_ASSISTANCE = ['none', 'dibao', 'tekun'] as const;
export type SocialAssistance = (typeof SOCIAL_ASSISTANCE)[number];

export const SERVICE_KINDS = [
  'family_visit',
  'school_visit',
  'phone_call',
  'tutoring',
  'companionship',
  'counselling',
  'health_check',
  'safety_education',
  'grant',
  'free_lunch',
  'stationery',
  'material_aid',
  'cash_aid',
  'parent_child_call',
  'summer_camp',
  'legal_aid',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
/** Service kinds that are contacts with the child's family or school; only a `family_visit` (入户走访) moves `nextVisitDue`. */
export const VISIT_KINDS = ['family_visit', 'school_visit', 'phone_call'] as const satisfies readonly ServiceKind[];

export const CONSENT_SCOPES = [
  'service_delivery',
  'share_with_volunteers',
  'photos_internal',
  'photos_public',
  'outcome_research',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_METHODS = ['paper', 'verbal', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const ASSESSMENT_KINDS = ['academic', 'wellbeing'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const FOLLOW_UP_ROLES = ['volunteer', 'social_worker'] as const;
export type FollowUpRole = (typeof FOLLOW_UP_ROLES)[number];

/** A guardian as owners and coordinators see it (decrypted). */
export interface GuardianView {
  name: string;
  relation: string;
  phone: string | null;
}

/** One change of a child's categories, kept so a past year can be rebuilt exactly. */
export interface CategoryChangeView {
  id: string;
  from: ChildCategory[];
  to: ChildCategory[];
  reason: string | null;
  effectiveOn: string;
  recordedAt: string;
  recordedBy: string | null;
}

/** The part of a child's file every member of the NGO (staff included) may read. */
export interface ChildSummary {
  id: string;
  organizationId: string;
  alias: string;
  gender: Gender;
  birthDate: string;
  ageBand: AgeBand;
  regionCode: string;
  schoolName: string | null;
  grade: string | null;
  categories: ChildCategory[];
  householdId: string;
  livingArrangement: LivingArrangement | null;
  socialAssistance: SocialAssistance;
  riskLevel: RiskLevel;
  status: ChildStatus;
  registeredOn: string;
  exitedOn: string | null;
  exitReason: ExitReason | null;
  nextVisitDue: string | null;
  nextReassessmentDue: string | null;
  visitOverdue: boolean;
  lastParentContactOn: string | null;
  /** True for a left-behind child with no parent contact for longer than the configured number of days. */
  parentContactOverdue: boolean;
  consentScopes: ConsentScope[];
  version: number;
  updatedAt: string;
}

/** Identity fields: present only in answers to owners and coordinators, each read audited. */
export interface ChildIdentity {
  legalName: string;
  idNumber: string | null;
  address: string | null;
  guardians: GuardianView[];
}

/** `GET /children/{id}`: staff get the summary; owners and coordinators also get `identity`. */
export interface ChildView extends ChildSummary {
  identity?: ChildIdentity;
  categoryHistory: CategoryChangeView[];
}

/** One row of `GET /organizations/{orgId}/children`; `legalName` only for owners and coordinators. */
export interface ChildListRow extends ChildSummary {
  legalName?: string;
}

export interface ConsentView {
  id: string;
  childId: string;
  /** The guardian's name: only for owners and coordinators (an identity read, audited); staff see the rest. */
  givenBy?: string;
  relation: string;
  method: ConsentMethod;
  scopes: ConsentScope[];
  givenAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
  /** Given, not withdrawn and not expired. */
  current: boolean;
}

/** `GET /children/{id}/consent`: the latest consent, or null when none was ever recorded. */
export type ConsentAnswer = ConsentView | null;

export interface ServiceRecordView {
  id: string;
  childId: string;
  kind: ServiceKind;
  date: string;
  needId: string | null;
  shiftId: string | null;
  pledgeId: string | null;
  amountFen: number | null;
  quantity: number | null;
  notes: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface AssessmentView {
  id: string;
  childId: string;
  kind: AssessmentKind;
  date: string;
  score: number;
  concern: boolean;
  recordedAt: string;
}

/** A long-term one-to-one pairing of a child with a volunteer or a social worker. */
export interface FollowUpView {
  id: string;
  childId: string;
  userId: string;
  displayName: string;
  role: FollowUpRole;
  contactEveryDays: number;
  startedOn: string;
  endedOn: string | null;
  lastContactOn: string | null;
  contactOverdue: boolean;
}

/** One entry of a child's timeline: services, visits, assessments, category changes, consent, exit. */
export interface ChildTimelineEntry {
  at: string;
  kind: 'service' | 'assessment' | 'category_change' | 'consent' | 'exit' | 'registered';
  id: string;
  summary: Record<string, string | number | boolean | null>;
}

/** `GET /signups/{id}/activity-card`: never a legal name, ID number, address, phone or school. */
export interface ActivityCardChild {
  alias: string;
  ageBand: AgeBand;
  needToKnow: string[];
}
export interface ActivityCardView {
  signupId: string;
  needId: string;
  children: ActivityCardChild[];
}

/** `POST /needs/{id}/beneficiaries` and `GET /needs/{id}/beneficiaries`: aliases only. */
export interface NeedBeneficiary {
  childId: string;
  alias: string;
  ageBand: AgeBand;
  needToKnow: string[];
}
export interface NeedBeneficiariesView {
  needId: string;
  beneficiaryCount: number;
  children: NeedBeneficiary[];
}

/**
 * Outcome of comparing a government register (xlsx: name, ID number, kind) with the registry. Rows are matched to
 * children by the keyed hash of the ID number only; the answer never carries a name or ID number from the sheet.
 * - `matched`: the child holds a category of the register's kind (listed only in `rows`/`matched` counts);
 * - `category_missing`: the child was found but holds no category of the register's kind;
 * - `not_in_registry`: no child of the organisation has this ID number;
 * - `invalid_id_number`: the number fails the GB 11643 checks;
 * - `unknown_kind`: the kind is not one the comparison knows (低保, 特困, 孤儿, 残疾, 留守, 事实无人抚养, a category code…);
 * - `not_on_register`: an active child holds a category of a kind the sheet covers but is not on the sheet (`row` null).
 */
export const REGISTER_FINDINGS = [
  'matched',
  'category_missing',
  'not_in_registry',
  'invalid_id_number',
  'unknown_kind',
  'not_on_register',
] as const;
export type RegisterFinding = (typeof REGISTER_FINDINGS)[number];
export interface RegisterComparisonRow {
  /** Row number in the uploaded sheet (1 = first data row); null for `not_on_register`. */
  row: number | null;
  childId: string | null;
  alias: string | null;
  /** The kind as the sheet names it (a label such as 低保), or the category code for `not_on_register`. */
  registerKind: string;
  /** Category codes the kind stands for (any one of them agrees); empty for an unknown kind. */
  expectedCategories: ChildCategory[];
  finding: RegisterFinding;
}
export interface RegisterComparisonView {
  /** Data rows read from the sheet (blank rows skipped). */
  rows: number;
  /** Rows whose ID number matched a child of the organisation (whether or not its categories agree). */
  matched: number;
  /** Every finding other than `matched`, sheet rows first in order, then `not_on_register`. */
  disagreements: RegisterComparisonRow[];
}
