import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHILD_ACTIONS, CHILD_VIEWER_ROLES, childPermissionMarkdown, childPermissionTable, visibleFields } from './children.policy';

/**
 * T2: the exact permission table, written out cell by cell. Adding a role or
 * an action changes the generated table, and this test fails until someone
 * decides every new cell here on purpose.
 */
const Y = 'allow';
const F = 'forbidden';
const N = 'not_found';
// prettier-ignore
const EXPECTED: Record<string, Record<string, string>> = {
  //                   owner       coordinator  staff      ngo_elsewhere  company     volunteer   platform_admin
  list:               { owner: Y, coordinator: Y, staff: Y, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  read:               { owner: Y, coordinator: Y, staff: Y, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  read_identity:      { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  create:             { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  update:             { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  exit:               { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  record_service:     { owner: Y, coordinator: Y, staff: Y, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  record_assessment:  { owner: Y, coordinator: Y, staff: Y, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  manage_consent:     { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  manage_follow_ups:  { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  link_beneficiaries: { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  compare_register:   { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
  export_submission:  { owner: Y, coordinator: Y, staff: F, ngo_member_elsewhere: N, company_member: N, volunteer: N, platform_admin: N },
};

// prettier-ignore
const EXPECTED_FIELDS: Record<string, string> = {
  owner: 'all', coordinator: 'all', staff: 'without_identity',
  ngo_member_elsewhere: 'none', company_member: 'none', volunteer: 'none', platform_admin: 'none',
};

describe('children permission table', () => {
  it('should equal the literal table cell by cell when generated from the rule', () => {
    const generated: Record<string, Record<string, string>> = {};
    for (const row of childPermissionTable()) (generated[row.action] ??= {})[row.role] = row.decision;
    expect(generated).toEqual(EXPECTED);
    expect(Object.keys(EXPECTED)).toEqual([...CHILD_ACTIONS]);
  });

  it('should show identity fields to owners and coordinators only when the file is read', () => {
    expect(Object.fromEntries(CHILD_VIEWER_ROLES.map((role) => [role, visibleFields(role)]))).toEqual(EXPECTED_FIELDS);
  });

  it('should match docs/children-permissions.md when the committed file is compared with the generated one', () => {
    const committed = readFileSync(join(__dirname, '../../../../../docs/children-permissions.md'), 'utf8');
    expect(committed).toBe(childPermissionMarkdown());
  });
});
