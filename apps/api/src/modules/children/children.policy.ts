import type { MembershipRole } from '@kindred/contracts';
import { grantOrgScope, type OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { ChildrenErrors } from './children.errors';

/**
 * Who may do what with children's files: the one place the rule lives. The
 * services ask `childAccess`, and the committed permission table is generated
 * from `childPermissionTable`. Only memberships of the NGO that owns the file
 * count: the platform administrator's manage-all in abilities.ts does not
 * reach children (DESIGN §4; API.md "Children").
 */
export const CHILD_ACTIONS = [
  'list',
  'read',
  'read_identity',
  'create',
  'update',
  'exit',
  'record_service',
  'record_assessment',
  'manage_consent',
  'manage_follow_ups',
  'link_beneficiaries',
  'compare_register',
  'export_submission',
] as const;
export type ChildAction = (typeof CHILD_ACTIONS)[number];

/** Identity fields: encrypted at rest, shown only with `read_identity`, each read audited. */
export const IDENTITY_FIELDS = ['legalName', 'idNumber', 'address', 'guardians'] as const;

/** How a caller stands towards one NGO's registry. */
export type ChildViewerRole =
  'owner' | 'coordinator' | 'staff' | 'ngo_member_elsewhere' | 'company_member' | 'volunteer' | 'platform_admin';
export const CHILD_VIEWER_ROLES: readonly ChildViewerRole[] = [
  'owner',
  'coordinator',
  'staff',
  'ngo_member_elsewhere',
  'company_member',
  'volunteer',
  'platform_admin',
];

/** `allow`; `not_found` (404, the child's existence is not revealed); `forbidden` (403, a member without the right). */
export type ChildDecision = 'allow' | 'not_found' | 'forbidden';

const FULL: readonly ChildAction[] = CHILD_ACTIONS;
const STAFF: readonly ChildAction[] = ['list', 'read', 'record_service', 'record_assessment'];
const REGISTRY_ROLES: readonly MembershipRole[] = ['owner', 'coordinator', 'staff'];

/** The rule itself, by role. */
export function decide(role: ChildViewerRole, action: ChildAction): ChildDecision {
  switch (role) {
    case 'owner':
    case 'coordinator':
      return FULL.includes(action) ? 'allow' : 'forbidden';
    case 'staff':
      return STAFF.includes(action) ? 'allow' : 'forbidden';
    case 'ngo_member_elsewhere':
    case 'company_member':
    case 'volunteer':
    case 'platform_admin':
      return 'not_found';
  }
}

/** The caller's standing towards the registry of `orgId` (only NGO memberships of that organisation count). */
export function viewerRole(principal: Principal, orgId: string): ChildViewerRole {
  const membership = principal.memberships.find((m) => m.organizationId === orgId && m.organizationKind === 'ngo');
  if (membership && REGISTRY_ROLES.includes(membership.role)) return membership.role as ChildViewerRole;
  if (principal.memberships.some((m) => m.organizationKind === 'ngo')) return 'ngo_member_elsewhere';
  if (principal.memberships.some((m) => m.organizationKind === 'company')) return 'company_member';
  if (principal.isPlatformAdmin) return 'platform_admin';
  return 'volunteer';
}

/** Whether `principal` may do `action` on the registry of `orgId`. */
export function mayChildren(principal: Principal, orgId: string, action: ChildAction): boolean {
  return childDecision(principal, orgId, action) === 'allow';
}

function childDecision(principal: Principal, orgId: string, action: ChildAction): ChildDecision {
  const decision = decide(viewerRole(principal, orgId), action);
  if (decision !== 'allow') return decision;
  const suspended = principal.memberships.some((m) => m.organizationId === orgId && m.organizationStatus === 'suspended');
  // A suspended NGO keeps reading its files (duty of care) but changes nothing.
  return suspended && !['list', 'read', 'read_identity'].includes(action) ? 'forbidden' : 'allow';
}

/**
 * Checks the rule and hands out the scope children repositories need; throws
 * 404 `not_found` (naming `what`) or 403.
 */
export function requireChildAccess(principal: Principal, orgId: string, action: ChildAction, what = 'Child'): OrgScope {
  const decision = childDecision(principal, orgId, action);
  if (decision === 'allow') return grantOrgScope(orgId);
  if (decision === 'not_found') throw DomainError.notFound(what);
  const suspended = principal.memberships.some((m) => m.organizationId === orgId && m.organizationStatus === 'suspended');
  if (suspended) throw ChildrenErrors.organizationSuspended();
  throw DomainError.forbidden('Your role in this organisation does not allow this');
}

/** The organisations whose registry the caller may read at all (to bind before looking a child up by id). */
export function readableRegistries(principal: Principal): OrgScope[] {
  return principal.memberships
    .filter((m) => m.organizationKind === 'ngo' && mayChildren(principal, m.organizationId, 'read'))
    .map((m) => grantOrgScope(m.organizationId));
}

export interface ChildPermissionRow {
  role: ChildViewerRole;
  action: ChildAction;
  decision: ChildDecision;
}

/** Every role × action, generated from `decide` (docs/children-permissions.md is written from this). */
export function childPermissionTable(): ChildPermissionRow[] {
  return CHILD_VIEWER_ROLES.flatMap((role) => CHILD_ACTIONS.map((action) => ({ role, action, decision: decide(role, action) })));
}

/** Which fields of a child's file a role sees when reading it. */
export function visibleFields(role: ChildViewerRole): 'all' | 'without_identity' | 'none' {
  if (decide(role, 'read_identity') === 'allow') return 'all';
  if (decide(role, 'read') === 'allow') return 'without_identity';
  return 'none';
}

const CELL: Record<ChildDecision, string> = { allow: 'yes', forbidden: '403', not_found: '404' };
const FIELDS_CELL = { all: 'all, identity included', without_identity: 'all but identity', none: 'none (404)' } as const;

/**
 * docs/children-permissions.md, generated from the rule (`npm run children:permissions`);
 * a unit test fails when the committed file differs.
 */
export function childPermissionMarkdown(): string {
  const table = childPermissionTable();
  const cell = (role: ChildViewerRole, action: ChildAction): string =>
    CELL[table.find((r) => r.role === role && r.action === action)!.decision];
  const lines = [
    '# Children: who may do what',
    '',
    '<!-- Generated by `npm run children:permissions` from childPermissionTable() in',
    '     apps/api/src/modules/children/children.policy.ts. Do not edit by hand. -->',
    '',
    "Roles are the caller's standing towards the NGO that owns the file. Only memberships of that NGO count:",
    "the platform administrator's manage-all does not reach children. `yes` allowed; `403` refused (a member",
    "without the right); `404` the child's existence is not revealed. A suspended NGO keeps `list`, `read` and",
    '`read_identity` and loses every write (403 `organization_suspended`).',
    '',
    `| action | ${CHILD_VIEWER_ROLES.join(' | ')} |`,
    `| --- | ${CHILD_VIEWER_ROLES.map(() => '---').join(' | ')} |`,
    ...CHILD_ACTIONS.map((action) => `| ${action} | ${CHILD_VIEWER_ROLES.map((role) => cell(role, action)).join(' | ')} |`),
    '',
    '## Fields',
    '',
    `Identity fields (${IDENTITY_FIELDS.map((f) => `\`${f}\``).join(', ')}) are encrypted at rest and shown only with`,
    '`read_identity`; each read writes an audit row (a list page: one row naming the count).',
    '',
    `| role | fields of a file | identity in a list row |`,
    `| --- | --- | --- |`,
    ...CHILD_VIEWER_ROLES.map(
      (role) => `| ${role} | ${FIELDS_CELL[visibleFields(role)]} | ${visibleFields(role) === 'all' ? '`legalName`' : 'none'} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
