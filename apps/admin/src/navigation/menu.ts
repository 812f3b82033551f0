import { canAccess, type AccessContext, type AccessRule } from './access';

export type MenuGroupKey = 'general' | 'coordinator' | 'volunteer' | 'donor' | 'platform' | 'personal';

/** Icon names the sider knows how to draw; kept as strings so this module stays pure. */
export type MenuIcon =
  | 'dashboard'
  | 'organization'
  | 'create'
  | 'audit'
  | 'matches'
  | 'shifts'
  | 'hours'
  | 'pledges'
  | 'verify'
  | 'account'
  | 'needs'
  | 'volunteers'
  | 'checkIn'
  | 'profile'
  | 'browse'
  | 'company'
  | 'safeguarding'
  | 'concerns';

export interface MenuEntry {
  key: string;
  /** i18n key of the label. */
  label: string;
  icon: MenuIcon;
  rule: AccessRule;
  /** Route, given the selected organisation's id (entries that need one are only visible with one). */
  path: (organizationId: string | null) => string;
}

export interface MenuGroup {
  key: MenuGroupKey;
  /** i18n key of the group heading; the general and personal groups have none. */
  label: string | null;
  entries: readonly MenuEntry[];
}

const fixed = (path: string) => () => path;
const currentOrganization = (organizationId: string | null) => `/organizations/${organizationId ?? ''}`;

/** The whole navigation; each entry's route is in `App.tsx`, guarded by the same rule. */
export const MENU: readonly MenuGroup[] = [
  {
    key: 'general',
    label: null,
    entries: [
      { key: 'dashboard', label: 'nav.dashboard', icon: 'dashboard', rule: 'everyone', path: fixed('/') },
      {
        key: 'organization-create',
        label: 'nav.organizationCreate',
        icon: 'create',
        rule: 'withoutOrganization',
        path: fixed('/organizations/create'),
      },
    ],
  },
  {
    key: 'coordinator',
    label: 'nav.groups.coordinator',
    entries: [
      { key: 'ngo-needs', label: 'nav.needs', icon: 'needs', rule: 'ngoMember', path: fixed('/needs') },
      { key: 'ngo-children', label: 'children.nav', icon: 'profile', rule: 'ngoMember', path: fixed('/children') },
      { key: 'ngo-concerns', label: 'concerns.nav.queue', icon: 'concerns', rule: 'ngoCoordinator', path: fixed('/concerns') },
      { key: 'ngo-hours', label: 'nav.hoursVerification', icon: 'hours', rule: 'ngoCoordinator', path: fixed('/hours') },
      { key: 'ngo-volunteers', label: 'nav.volunteers', icon: 'volunteers', rule: 'ngoMember', path: fixed('/volunteers') },
      { key: 'ngo-pledges', label: 'nav.pledges', icon: 'pledges', rule: 'ngoMember', path: fixed('/pledges') },
      { key: 'ngo-organization', label: 'nav.organization', icon: 'organization', rule: 'ngoMember', path: currentOrganization },
      { key: 'ngo-audit-log', label: 'nav.auditLog', icon: 'audit', rule: 'ngoOwner', path: fixed('/audit-log') },
    ],
  },
  {
    key: 'volunteer',
    label: 'nav.groups.volunteer',
    entries: [
      { key: 'volunteer-matches', label: 'nav.volunteerMatches', icon: 'matches', rule: 'everyone', path: fixed('/volunteer/matches') },
      { key: 'volunteer-shifts', label: 'nav.volunteerShifts', icon: 'shifts', rule: 'everyone', path: fixed('/volunteer/shifts') },
      { key: 'volunteer-check-in', label: 'nav.volunteerCheckIn', icon: 'checkIn', rule: 'everyone', path: fixed('/volunteer/check-in') },
      { key: 'volunteer-hours', label: 'nav.volunteerHours', icon: 'hours', rule: 'everyone', path: fixed('/volunteer/hours') },
      { key: 'my-concerns', label: 'concerns.nav.mine', icon: 'safeguarding', rule: 'everyone', path: fixed('/concerns/mine') },
      { key: 'volunteer-profile', label: 'nav.volunteerProfile', icon: 'profile', rule: 'everyone', path: fixed('/volunteer/profile') },
    ],
  },
  {
    key: 'donor',
    label: 'nav.groups.donor',
    entries: [
      { key: 'donor-needs', label: 'nav.donorNeeds', icon: 'browse', rule: 'everyone', path: fixed('/donor/needs') },
      { key: 'donor-pledges', label: 'nav.donorPledges', icon: 'pledges', rule: 'everyone', path: fixed('/donor/pledges') },
      { key: 'company-giving', label: 'nav.companyGiving', icon: 'company', rule: 'companyManager', path: fixed('/company/giving') },
      { key: 'company-organization', label: 'nav.company', icon: 'organization', rule: 'companyMember', path: currentOrganization },
      { key: 'company-audit-log', label: 'nav.auditLog', icon: 'audit', rule: 'companyOwner', path: fixed('/audit-log') },
    ],
  },
  {
    key: 'platform',
    label: 'nav.groups.platform',
    entries: [
      {
        key: 'admin-organizations',
        label: 'nav.adminOrganizations',
        icon: 'verify',
        rule: 'platformAdmin',
        path: fixed('/admin/organizations'),
      },
      {
        key: 'admin-safeguarding',
        label: 'nav.adminSafeguarding',
        icon: 'safeguarding',
        rule: 'platformAdmin',
        path: fixed('/admin/safeguarding'),
      },
      { key: 'admin-audit-log', label: 'nav.adminAuditLog', icon: 'audit', rule: 'platformAdmin', path: fixed('/admin/audit-log') },
    ],
  },
  {
    key: 'personal',
    label: null,
    entries: [{ key: 'account', label: 'nav.account', icon: 'account', rule: 'everyone', path: fixed('/account') }],
  },
];

export interface VisibleMenuItem {
  key: string;
  label: string;
  icon: MenuIcon;
  path: string;
}

export interface VisibleMenuGroup {
  key: MenuGroupKey;
  label: string | null;
  items: VisibleMenuItem[];
}

/** The groups and entries this person may use in the selected organisation; empty groups are left out. */
export function computeMenu(context: AccessContext, menu: readonly MenuGroup[] = MENU): VisibleMenuGroup[] {
  const organizationId = context.membership?.organizationId ?? null;
  return menu
    .map((group) => ({
      key: group.key,
      label: group.label,
      items: group.entries
        .filter((entry) => canAccess(entry.rule, context))
        .map((entry) => ({ key: entry.key, label: entry.label, icon: entry.icon, path: entry.path(organizationId) })),
    }))
    .filter((group) => group.items.length > 0);
}

/** The item whose route is the longest prefix of `pathname`, so detail pages keep their menu entry lit. */
export function selectedMenuKey(groups: readonly VisibleMenuGroup[], pathname: string): string | undefined {
  let best: VisibleMenuItem | undefined;
  for (const item of groups.flatMap((group) => group.items)) {
    const matches = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
