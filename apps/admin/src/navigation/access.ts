import type { MeResponse, MembershipView } from '@kindred/contracts';

/**
 * Who may open a screen. Checked against the organisation currently selected in the header,
 * so a person who owns one NGO and is staff in another sees different screens in each.
 */
export type AccessRule =
  | 'everyone'
  | 'withoutOrganization'
  | 'organizationMember'
  | 'organizationOwner'
  | 'ngoMember'
  | 'ngoOwner'
  | 'ngoCoordinator'
  | 'companyMember'
  | 'companyOwner'
  | 'companyManager'
  | 'platformAdmin';

export interface AccessContext {
  /** False until `/me` has answered; nothing that depends on memberships is granted before. */
  known: boolean;
  isPlatformAdmin: boolean;
  /** How many organisations the person belongs to, whichever is selected. */
  membershipCount: number;
  /** The membership of the organisation selected in the header, if any. */
  membership: Pick<MembershipView, 'organizationId' | 'organizationKind' | 'role'> | null;
}

export const SIGNED_OUT_ACCESS: AccessContext = { known: false, isPlatformAdmin: false, membershipCount: 0, membership: null };

export function accessContextOf(
  me: Pick<MeResponse, 'isPlatformAdmin' | 'memberships'> | null | undefined,
  membership: MembershipView | null,
): AccessContext {
  if (!me) return SIGNED_OUT_ACCESS;
  return { known: true, isPlatformAdmin: me.isPlatformAdmin, membershipCount: me.memberships.length, membership };
}

export function canAccess(rule: AccessRule, context: AccessContext): boolean {
  const { membership } = context;
  const isOwner = membership?.role === 'owner';
  switch (rule) {
    case 'everyone':
      return true;
    case 'withoutOrganization':
      return context.known && context.membershipCount === 0;
    case 'organizationMember':
      return membership !== null;
    case 'organizationOwner':
      return isOwner;
    case 'ngoMember':
      return membership?.organizationKind === 'ngo';
    case 'ngoOwner':
      return membership?.organizationKind === 'ngo' && isOwner;
    // Owners and coordinators plan needs and shifts, record checks, verify hours, receive pledges; staff only read.
    case 'ngoCoordinator':
      return membership?.organizationKind === 'ngo' && (isOwner || membership.role === 'coordinator');
    case 'companyMember':
      return membership?.organizationKind === 'company';
    case 'companyOwner':
      return membership?.organizationKind === 'company' && isOwner;
    // Owners and CSR managers give for the company and see its employees' hours.
    case 'companyManager':
      return membership?.organizationKind === 'company' && (isOwner || membership.role === 'csr_manager');
    case 'platformAdmin':
      return context.isPlatformAdmin;
  }
}
