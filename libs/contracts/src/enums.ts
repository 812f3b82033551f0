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
