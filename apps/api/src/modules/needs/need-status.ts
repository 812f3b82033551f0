import type { NeedStatus } from '@kindred/contracts';
import { NeedsErrors } from './needs.errors';

/**
 * Every allowed status change, and nothing else. `filled` → `open` lets a
 * need take volunteers again when seats come free; `completed` and
 * `cancelled` are final.
 */
export const NEED_TRANSITIONS: Readonly<Record<NeedStatus, readonly NeedStatus[]>> = {
  draft: ['open', 'cancelled'],
  open: ['filled', 'in_progress', 'cancelled'],
  filled: ['open', 'in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: NeedStatus, to: NeedStatus): boolean {
  return NEED_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: NeedStatus, to: NeedStatus): void {
  if (!canTransition(from, to)) {
    const allowed = NEED_TRANSITIONS[from];
    throw NeedsErrors.invalidTransition(from, to, allowed);
  }
}

/** Whether the coordinator may still change the need's details and shifts. */
export function isEditable(status: NeedStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}
