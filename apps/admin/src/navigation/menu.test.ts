import { describe, expect, it } from 'vitest';
import type { MembershipView } from '@kindred/contracts';
import { accessContextOf, canAccess, SIGNED_OUT_ACCESS } from './access';
import { computeMenu, selectedMenuKey } from './menu';

const ngoOwner: MembershipView = { organizationId: 'ngo-1', organizationName: '隆回县关爱中心', organizationKind: 'ngo', role: 'owner' };
const ngoStaff: MembershipView = { organizationId: 'ngo-2', organizationName: '洞口县社工站', organizationKind: 'ngo', role: 'staff' };
const companyOwner: MembershipView = { organizationId: 'co-1', organizationName: '湘江科技', organizationKind: 'company', role: 'owner' };
const companyEmployee: MembershipView = { ...companyOwner, role: 'employee' };

function me(memberships: MembershipView[], isPlatformAdmin = false) {
  return { memberships, isPlatformAdmin };
}

function shape(groups: ReturnType<typeof computeMenu>) {
  return Object.fromEntries(groups.map((g) => [g.key, g.items.map((i) => i.key)]));
}

describe('role-based menu', () => {
  it('should offer a person without organisations the volunteer and donor portals and a way to create one', () => {
    const menu = computeMenu(accessContextOf(me([]), null));

    expect(shape(menu)).toEqual({
      general: ['dashboard', 'organization-create'],
      volunteer: ['volunteer-matches', 'volunteer-shifts', 'volunteer-check-in', 'volunteer-hours', 'my-concerns', 'volunteer-profile'],
      donor: ['donor-needs', 'donor-pledges'],
      personal: ['account'],
    });
    expect(menu.map((g) => g.label)).toEqual([null, 'nav.groups.volunteer', 'nav.groups.donor', null]);
  });

  it('should give an NGO owner the coordinator group with the audit log, pointing at the selected organisation', () => {
    const menu = computeMenu(accessContextOf(me([ngoOwner, ngoStaff]), ngoOwner));

    expect(shape(menu)).toMatchObject({
      coordinator: [
        'ngo-needs',
        'ngo-children',
        'ngo-concerns',
        'ngo-hours',
        'ngo-volunteers',
        'ngo-pledges',
        'ngo-organization',
        'ngo-audit-log',
      ],
    });
    expect(shape(menu).general).toEqual(['dashboard']);
    expect(menu.find((g) => g.key === 'coordinator')?.items.find((i) => i.key === 'ngo-organization')?.path).toBe('/organizations/ngo-1');
    expect(menu.some((g) => g.key === 'platform')).toBe(false);
  });

  it('should drop the owner-only entries when the same person switches to an NGO where they are staff', () => {
    const menu = computeMenu(accessContextOf(me([ngoOwner, ngoStaff]), ngoStaff));

    // Staff read needs, volunteers and pledges but neither verify hours, see the concerns queue nor the audit log.
    expect(shape(menu).coordinator).toEqual(['ngo-needs', 'ngo-children', 'ngo-volunteers', 'ngo-pledges', 'ngo-organization']);
    expect(menu.find((g) => g.key === 'coordinator')?.items.find((i) => i.key === 'ngo-organization')?.path).toBe('/organizations/ngo-2');
  });

  it('should put company screens under the donor group, owners only for the audit log', () => {
    expect(shape(computeMenu(accessContextOf(me([companyOwner]), companyOwner)))).toMatchObject({
      donor: ['donor-needs', 'donor-pledges', 'company-giving', 'company-organization', 'company-audit-log'],
    });
    const employeeMenu = shape(computeMenu(accessContextOf(me([companyEmployee]), companyEmployee)));
    expect(employeeMenu.donor).toEqual(['donor-needs', 'donor-pledges', 'company-organization']);
    expect(employeeMenu.coordinator).toBeUndefined();
  });

  it('should show the platform group to platform administrators only', () => {
    const admin = shape(computeMenu(accessContextOf(me([], true), null)));
    expect(admin.platform).toEqual(['admin-organizations', 'admin-safeguarding', 'admin-audit-log']);
    expect(admin.volunteer).toHaveLength(6);
    expect(shape(computeMenu(SIGNED_OUT_ACCESS)).platform).toBeUndefined();
  });

  it('should not offer to create a first organisation before the memberships are known', () => {
    expect(shape(computeMenu(SIGNED_OUT_ACCESS)).general).toEqual(['dashboard']);
  });

  it('should keep the entry of a detail page lit and match the dashboard only at the root', () => {
    const menu = computeMenu(accessContextOf(me([ngoOwner]), ngoOwner));

    expect(selectedMenuKey(menu, '/')).toBe('dashboard');
    expect(selectedMenuKey(menu, '/organizations/ngo-1')).toBe('ngo-organization');
    expect(selectedMenuKey(menu, '/organizations/ngo-1/anything')).toBe('ngo-organization');
    expect(selectedMenuKey(menu, '/volunteer/hours')).toBe('volunteer-hours');
    expect(selectedMenuKey(menu, '/organizations/someone-else')).toBeUndefined();
  });

  it('should apply every rule to the selected membership', () => {
    const owner = accessContextOf(me([ngoOwner]), ngoOwner);
    expect(canAccess('organizationOwner', owner)).toBe(true);
    expect(canAccess('companyMember', owner)).toBe(false);
    expect(canAccess('withoutOrganization', owner)).toBe(false);
    expect(canAccess('platformAdmin', owner)).toBe(false);
    expect(canAccess('ngoCoordinator', owner)).toBe(true);
    expect(canAccess('ngoCoordinator', accessContextOf(me([ngoStaff]), ngoStaff))).toBe(false);
    expect(
      canAccess('ngoCoordinator', accessContextOf(me([{ ...ngoStaff, role: 'coordinator' }]), { ...ngoStaff, role: 'coordinator' })),
    ).toBe(true);
    expect(canAccess('companyManager', accessContextOf(me([companyOwner]), companyOwner))).toBe(true);
    expect(canAccess('companyManager', accessContextOf(me([companyEmployee]), companyEmployee))).toBe(false);
    expect(canAccess('organizationMember', SIGNED_OUT_ACCESS)).toBe(false);
    expect(canAccess('everyone', SIGNED_OUT_ACCESS)).toBe(true);
  });
});
