import { describe, expect, it } from 'vitest';
import type { PledgeView, TrailEvent } from '@kindred/contracts';
import { linesToSend, openFen, openLines, sortTrail, trailSteps } from './pledge-math';

const line = { id: 'l1', itemId: 'i1', name: '冬衣', unit: '件', quantity: 5, received: 3, used: 1 };

describe('pledge balances', () => {
  it('should give what is still to receive and still to account for, per line', () => {
    expect(openLines({ lines: [line] }, 'receipt')).toEqual([{ itemId: 'i1', name: '冬衣', unit: '件', open: 2 }]);
    expect(openLines({ lines: [line] }, 'usage')).toEqual([{ itemId: 'i1', name: '冬衣', unit: '件', open: 2 }]);
    expect(openLines({ lines: [{ ...line, received: 9 }] }, 'receipt')[0]?.open).toBe(0);
  });

  it('should do the same for money', () => {
    const money: Pick<PledgeView, 'pledgedFen' | 'receivedFen' | 'usedFen'> = { pledgedFen: 50000, receivedFen: 20000, usedFen: 5000 };
    expect(openFen(money, 'receipt')).toBe(30000);
    expect(openFen(money, 'usage')).toBe(15000);
    expect(openFen({ pledgedFen: null, receivedFen: null, usedFen: null }, 'receipt')).toBe(0);
  });

  it('should send only positive whole quantities', () => {
    expect(linesToSend({ a: 2, b: 0, c: null, d: 1.5, e: undefined })).toEqual([{ itemId: 'a', quantity: 2 }]);
  });
});

describe('trail', () => {
  it('should order events oldest first and tell which steps were reached', () => {
    const events: TrailEvent[] = [
      { type: 'used', at: '2026-06-03T00:00:00Z', recordedAt: '2026-06-03T00:00:00Z', amountFen: null },
      { type: 'pledged', at: '2026-06-01T00:00:00Z', recordedAt: '2026-06-01T00:00:00Z', amountFen: null },
      { type: 'received', at: '2026-06-02T00:00:00Z', recordedAt: '2026-06-02T00:00:00Z', amountFen: null },
    ];
    expect(sortTrail(events).map((e) => e.type)).toEqual(['pledged', 'received', 'used']);
    expect(trailSteps(events)).toEqual({ pledged: true, received: true, used: true });
    expect(trailSteps(events.slice(1, 2))).toEqual({ pledged: true, received: false, used: false });
  });
});
