export const ORGANIZATION_KINDS = ['ngo', 'company', 'platform'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const NGO_ROLES = ['owner', 'coordinator', 'staff'] as const;
export const COMPANY_ROLES = ['owner', 'csr_manager', 'employee'] as const;
export const PLATFORM_ROLES = ['owner', 'staff'] as const;
export type NgoRole = (typeof NGO_ROLES)[number];
export type CompanyRole = (typeof COMPANY_ROLES)[number];
export type MembershipRole = NgoRole | CompanyRole;
export const MEMBERSHIP_ROLES = ['owner', 'coordinator', 'staff', 'csr_manager', 'employee'] as const;

export const ROLES_BY_KIND: Record<OrganizationKind, readonly MembershipRole[]> = {
  ngo: NGO_ROLES,
  company: COMPANY_ROLES,
  platform: PLATFORM_ROLES,
};

export const ORGANIZATION_STATUSES = ['unverified', 'verified', 'suspended'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const NEED_TYPES = [
  'tutoring',
  'companionship',
  'summer_camp',
  'goods',
  'counselling',
  'health_check',
  'safety_education',
  'family_visit',
  'legal_aid',
  'parent_child_call',
  'other',
] as const;
export type NeedType = (typeof NEED_TYPES)[number];

export const NEED_STATUSES = ['draft', 'open', 'filled', 'in_progress', 'completed', 'cancelled'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'no_show', 'completed'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const HOUR_RECORD_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type HourRecordStatus = (typeof HOUR_RECORD_STATUSES)[number];

export const PLEDGE_KINDS = ['money', 'goods'] as const;
export type PledgeKind = (typeof PLEDGE_KINDS)[number];

export const PLEDGE_STATUSES = ['pledged', 'received', 'partly_used', 'used', 'cancelled'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** Need types where volunteers usually meet children: `childContact` defaults to true for these. */
export const CHILD_CONTACT_NEED_TYPES: readonly NeedType[] = [
  'tutoring',
  'companionship',
  'summer_camp',
  'counselling',
  'family_visit',
  'parent_child_call',
];

/** Needs in these statuses are listed to everyone (when their organisation is not suspended). */
export const LISTED_NEED_STATUSES: readonly NeedStatus[] = ['open', 'filled', 'in_progress'];

export const SHIFT_STATUSES = ['scheduled', 'cancelled'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

export const SKILL_CATEGORIES = ['tutoring', 'care', 'health', 'arts', 'sports', 'practical', 'professional', 'language'] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/**
 * Safeguarding checks for volunteers in child-contact roles (Minors Protection
 * Law art. 62): the entry inquiry (入职查询) through public security or the
 * procuratorate, or a no-criminal-record certificate (无犯罪记录证明).
 */
export const SAFEGUARDING_CHECK_KINDS = ['entry_inquiry', 'no_criminal_record_certificate'] as const;
export type SafeguardingCheckKind = (typeof SAFEGUARDING_CHECK_KINDS)[number];

/** Offences art. 62 asks about: sexual assault, abuse, trafficking, violent harm. */
export const SAFEGUARDING_OFFENCE_SCOPES = ['sexual_assault', 'abuse', 'trafficking', 'violence'] as const;
export type SafeguardingOffenceScope = (typeof SAFEGUARDING_OFFENCE_SCOPES)[number];

export const SAFEGUARDING_AUTHORITIES = ['public_security', 'procuratorate'] as const;
export type SafeguardingAuthority = (typeof SAFEGUARDING_AUTHORITIES)[number];

/** Only the outcome is stored, never what was found. */
export const SAFEGUARDING_RESULTS = ['clear', 'flagged'] as const;
export type SafeguardingResult = (typeof SAFEGUARDING_RESULTS)[number];

/** A volunteer's standing at a moment: `blocked` (an unlifted flagged) wins over any clear check. */
export const SAFEGUARDING_STATUSES = ['valid', 'expired', 'none', 'blocked'] as const;
export type SafeguardingStatus = (typeof SAFEGUARDING_STATUSES)[number];

/** How a pledge reached the NGO. */
export const PLEDGE_CHANNELS = ['online_form', 'letter', 'in_person', 'public_announcement'] as const;
export type PledgeChannel = (typeof PLEDGE_CHANNELS)[number];

/** A giving ledger entry records goods or money received, or used. */
export const LEDGER_KINDS = ['receipt', 'usage'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The factors a volunteer match is scored on; each reason names one. */
export const VOLUNTEER_FACTORS = ['skills', 'distance', 'availability', 'language', 'continuity', 'reliability', 'load'] as const;
export type VolunteerFactor = (typeof VOLUNTEER_FACTORS)[number];

/** The factors a goods offer ↔ need match is scored on. */
export const GOODS_FACTORS = ['item', 'quantity', 'distance'] as const;
export type GoodsFactor = (typeof GOODS_FACTORS)[number];

export const OFFER_STATUSES = ['open', 'reserved', 'used', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
