import type { PledgeView, TrailEvent } from '@kindred/contracts';

export interface LineBalance {
  itemId: string;
  name: string;
  unit: string;
  /** What may still be recorded: pledged − received for receipts, received − used for uses. */
  open: number;
}

/** Per goods line, what is still to be received (`receipt`) or still to be accounted for by a use (`usage`). */
export function openLines(pledge: Pick<PledgeView, 'lines'>, step: 'receipt' | 'usage'): LineBalance[] {
  return pledge.lines.map((line) => ({
    itemId: line.itemId,
    name: line.name,
    unit: line.unit,
    open: Math.max(0, step === 'receipt' ? line.quantity - line.received : line.received - line.used),
  }));
}

/** The money still to be received or accounted for, in fen. */
export function openFen(pledge: Pick<PledgeView, 'pledgedFen' | 'receivedFen' | 'usedFen'>, step: 'receipt' | 'usage'): number {
  const pledged = pledge.pledgedFen ?? 0;
  const received = pledge.receivedFen ?? 0;
  const used = pledge.usedFen ?? 0;
  return Math.max(0, step === 'receipt' ? pledged - received : received - used);
}

/** Lines with a positive quantity, in the `{itemId, quantity}` form the API takes. */
export function linesToSend(quantities: Readonly<Record<string, number | null | undefined>>): Array<{ itemId: string; quantity: number }> {
  return Object.entries(quantities)
    .filter(([, quantity]) => typeof quantity === 'number' && Number.isInteger(quantity) && quantity > 0)
    .map(([itemId, quantity]) => ({ itemId, quantity: quantity as number }));
}

/** The trail's events oldest first (as a timeline reads), ties in recording order. */
export function sortTrail(events: readonly TrailEvent[]): TrailEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
    .map(({ event }) => event);
}

/** Which of the pledged → received → used steps the trail has reached. */
export function trailSteps(events: readonly TrailEvent[]): { pledged: boolean; received: boolean; used: boolean } {
  const types = new Set(events.map((e) => e.type));
  return { pledged: types.has('pledged'), received: types.has('received'), used: types.has('used') };
}
