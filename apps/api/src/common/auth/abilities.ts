import { AbilityBuilder, createMongoAbility, subject as tag, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { MembershipRole } from '@kindred/contracts';
import { DomainError } from '../errors/domain-error';
import { grantOrgScope, type OrgScope } from './org-scope';
import type { Principal } from './principal';

export type Action = 'manage' | 'read' | 'update' | 'verify' | 'coordinate' | 'give' | 'audit';
export type Subject = 'Organization' | 'Membership' | 'AuditLog' | 'NgoWork' | 'CompanyGiving' | 'all';
type OrgOwnedSubject = Exclude<Subject, 'all' | 'Organization'>;
type Subjects =
  | Subject
  | (ForcedSubject<'Organization'> & { id: string })
  | { [K in OrgOwnedSubject]: ForcedSubject<K> & { orgId: string } }[OrgOwnedSubject];
export type AppAbility = MongoAbility<[Action, Subjects]>;

const NGO_COORDINATORS: MembershipRole[] = ['owner', 'coordinator'];
const COMPANY_MANAGERS: MembershipRole[] = ['owner', 'csr_manager'];

/**
 * Per-record rules computed from the caller's memberships (read fresh each
 * request). Suspended organisations grant nothing but read access to themselves.
 */
export function abilitiesFor(principal: Principal): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (principal.isPlatformAdmin) {
    can('manage', 'all');
    return build();
  }
  for (const m of principal.memberships) {
    const orgId = m.organizationId;
    can('read', 'Organization', { id: orgId });
    can('read', 'Membership', { orgId });
    if (m.organizationStatus === 'suspended') continue;
    if (m.role === 'owner') {
      can('update', 'Organization', { id: orgId });
      can('manage', 'Membership', { orgId });
      can('audit', 'AuditLog', { orgId });
    }
    if (m.organizationKind === 'ngo') {
      if (NGO_COORDINATORS.includes(m.role)) can('coordinate', 'NgoWork', { orgId });
      can('read', 'NgoWork', { orgId });
    }
    if (m.organizationKind === 'company') {
      if (COMPANY_MANAGERS.includes(m.role)) can('give', 'CompanyGiving', { orgId });
      can('read', 'CompanyGiving', { orgId });
    }
  }
  return build();
}

/** Whether `principal` may do `action` on the organisation-owned `subject` of `orgId`. */
export function can(principal: Principal, action: Action, subject: Exclude<Subject, 'all'>, orgId: string): boolean {
  const record = subject === 'Organization' ? tag(subject, { id: orgId }) : tag(subject, { orgId });
  return abilitiesFor(principal).can(action, record);
}

/**
 * Checks an ability and hands out the organisation scope repositories need.
 * A caller with no relation to the organisation gets 404 (its existence is not
 * revealed); a member without the right gets 403.
 */
export function requireOrgScope(principal: Principal, action: Action, subject: Exclude<Subject, 'all'>, orgId: string): OrgScope {
  if (can(principal, action, subject, orgId)) return grantOrgScope(orgId);
  const isMember = principal.memberships.some((m) => m.organizationId === orgId);
  if (!isMember) throw DomainError.notFound('Organization');
  const suspended = principal.memberships.some((m) => m.organizationId === orgId && m.organizationStatus === 'suspended');
  if (suspended) throw new DomainError('organization_suspended', 'This organisation is suspended');
  throw DomainError.forbidden('Your role in this organisation does not allow this');
}
