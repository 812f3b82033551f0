import type { ResourceProps } from '@refinedev/core';

/**
 * Refine resources. Their names are the live channels (`resources/<name>`, see `LIVE_RESOURCES`
 * in the live provider) and the keys of cache invalidation; the menu comes from `menu.ts`.
 * Add a resource here, its screens under `pages/<resource>/`, its routes in `App.tsx`.
 */
export const RESOURCES: ResourceProps[] = [
  { name: 'dashboard', list: '/' },
  {
    name: 'organizations',
    list: '/admin/organizations',
    create: '/organizations/create',
    show: '/organizations/:id',
  },
  // Lives under its organisation: screens pass `meta.path = organizations/<id>/members`.
  { name: 'members' },
  { name: 'audit-log', list: '/audit-log' },
  { name: 'needs', list: '/needs', create: '/needs/create', edit: '/needs/:id/edit', show: '/needs/:id' },
  { name: 'shifts', show: '/shifts/:id' },
  // Rosters and a volunteer's own sign-ups are read through `shifts/<id>/signups` and `me/shifts`.
  { name: 'signups' },
  { name: 'hour-records', list: '/hours' },
  { name: 'pledges', list: '/pledges', show: '/pledges/:id' },
  { name: 'children', list: '/children', create: '/children/new', show: '/children/:id' },
];
