import type { Principal, PrincipalMembership } from '../../common/auth/principal';
import { CHILD_ACTIONS, childPermissionTable, requireChildAccess, viewerRole, visibleFields } from './children.policy';

const NGO = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function principal(memberships: Array<Partial<PrincipalMembership>>, isPlatformAdmin = false): Principal {
  return {
    userId: 'u',
    sessionId: 's',
    isPlatformAdmin,
    expiresAt: 0,
    memberships: memberships.map((m): PrincipalMembership => ({
      organizationKind: 'ngo',
      organizationStatus: 'verified',
      role: 'staff',
      organizationId: NGO,
      ...m,
    })),
  };
}

describe('children policy', () => {
  it('should give owners and coordinators every action and identity fields', () => {
    for (const role of ['owner', 'coordinator'] as const) {
      expect(
        childPermissionTable()
          .filter((r) => r.role === role)
          .every((r) => r.decision === 'allow'),
      ).toBe(true);
      expect(visibleFields(role)).toBe('all');
    }
  });

  it('should give staff reading without identity and recording services, and 403 for the rest', () => {
    const staff = childPermissionTable().filter((r) => r.role === 'staff');
    expect(staff.filter((r) => r.decision === 'allow').map((r) => r.action)).toEqual([
      'list',
      'read',
      'record_service',
      'record_assessment',
    ]);
    expect(staff.filter((r) => r.decision !== 'allow').every((r) => r.decision === 'forbidden')).toBe(true);
    expect(visibleFields('staff')).toBe('without_identity');
  });

  it('should hide every child (404) from other organisations, companies, volunteers and the platform administrator', () => {
    for (const role of ['ngo_member_elsewhere', 'company_member', 'volunteer', 'platform_admin'] as const) {
      expect(CHILD_ACTIONS.map((action) => childPermissionTable().find((r) => r.role === role && r.action === action)?.decision)).toEqual(
        CHILD_ACTIONS.map(() => 'not_found'),
      );
      expect(visibleFields(role)).toBe('none');
    }
  });

  it('should treat a platform administrator without a membership as an outsider when abilities would grant manage-all', () => {
    const admin = principal([], true);
    expect(viewerRole(admin, NGO)).toBe('platform_admin');
    expect(() => requireChildAccess(admin, NGO, 'read')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('should use the role in the owning NGO when the caller belongs to several', () => {
    const caller = principal([{ role: 'owner', organizationId: OTHER }, { role: 'staff' }]);
    expect(viewerRole(caller, NGO)).toBe('staff');
    expect(() => requireChildAccess(caller, NGO, 'read_identity')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(requireChildAccess(caller, OTHER, 'read_identity').orgId).toBe(OTHER);
  });

  it('should refuse changes but allow reads when the NGO is suspended', () => {
    const caller = principal([{ role: 'owner', organizationStatus: 'suspended' }]);
    expect(requireChildAccess(caller, NGO, 'read').orgId).toBe(NGO);
    expect(() => requireChildAccess(caller, NGO, 'create')).toThrow(expect.objectContaining({ code: 'organization_suspended' }));
  });
});
