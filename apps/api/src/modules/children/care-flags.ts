import { categoryGroup, LEFT_BEHIND_CATEGORIES, type ChildCategory, type ChildStatus } from '@kindred/contracts';
import { addDays } from './child-dates';

/**
 * The care signals of dynamic management (动态管理), one rule each, shared by a
 * child's file, the list and the follow-ups. Dates are Beijing calendar dates
 * (YYYY-MM-DD), so plain string comparison orders them.
 */

/** A home visit is overdue once its due date has passed (active children only). */
export function visitOverdue(child: { status: ChildStatus; nextVisitDue: string | null }, today: string): boolean {
  return child.status === 'active' && child.nextVisitDue !== null && child.nextVisitDue < today;
}

/**
 * A left-behind child whose last contact with a parent (or, with none logged,
 * the registration) is more than `alertDays` days ago.
 */
export function parentContactOverdue(
  child: { status: ChildStatus; categories: readonly ChildCategory[]; lastParentContactOn: string | null; registeredOn: string },
  today: string,
  alertDays: number,
): boolean {
  if (child.status !== 'active' || !child.categories.some((c) => categoryGroup(c) === 'left_behind')) return false;
  return addDays(child.lastParentContactOn ?? child.registeredOn, alertDays) < today;
}

/** A follow-up pairing is overdue for contact once `contactEveryDays` have passed since the last contact (or its start). */
export function contactOverdue(
  followUp: { endedOn: string | null; lastContactOn: string | null; startedOn: string; contactEveryDays: number },
  today: string,
): boolean {
  return followUp.endedOn === null && addDays(followUp.lastContactOn ?? followUp.startedOn, followUp.contactEveryDays) < today;
}

const LEFT_BEHIND_SQL = LEFT_BEHIND_CATEGORIES.map((c) => `'${c}'`).join(',');

/**
 * The same rules as SQL predicates over `children` aliased `alias`, for list
 * filters: `$today` and `$alertDays` are the positions of the bound parameters.
 */
export const careFlagSql = {
  visitOverdue: (alias: string, today: string): string =>
    `(${alias}.status = 'active' AND ${alias}.next_visit_due IS NOT NULL AND ${alias}.next_visit_due < ${today}::date)`,
  parentContactOverdue: (alias: string, today: string, alertDays: string): string =>
    `(${alias}.status = 'active' AND ${alias}.categories && ARRAY[${LEFT_BEHIND_SQL}]::text[]` +
    ` AND COALESCE(${alias}.last_parent_contact_on, ${alias}.registered_on) + ${alertDays}::int < ${today}::date)`,
};
