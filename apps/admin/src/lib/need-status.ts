import type { NeedStatus } from '@kindred/contracts';

/** The API's status transition table (needs context); the client offers only these changes. */
export const NEED_TRANSITIONS: Readonly<Record<NeedStatus, readonly NeedStatus[]>> = {
  draft: ['open', 'cancelled'],
  open: ['filled', 'in_progress', 'cancelled'],
  filled: ['open', 'in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Status changes offered in the "change status" menu: publishing a draft has its own button. */
export function statusChoices(from: NeedStatus): NeedStatus[] {
  return NEED_TRANSITIONS[from].filter((to) => !(from === 'draft' && to === 'open'));
}

/** Whether details and shifts may still change. */
export function isEditable(status: NeedStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}
