import { NEED_STATUSES, type NeedStatus } from '@kindred/contracts';
import { DomainError } from '../../common/errors/domain-error';
import { assertTransition, canTransition, isEditable } from './need-status';

const ALLOWED: Array<[NeedStatus, NeedStatus]> = [
  ['draft', 'open'],
  ['draft', 'cancelled'],
  ['open', 'filled'],
  ['open', 'in_progress'],
  ['open', 'cancelled'],
  ['filled', 'open'],
  ['filled', 'in_progress'],
  ['filled', 'cancelled'],
  ['in_progress', 'completed'],
  ['in_progress', 'cancelled'],
];
const isAllowed = (from: NeedStatus, to: NeedStatus): boolean => ALLOWED.some(([f, t]) => f === from && t === to);
const REFUSED = NEED_STATUSES.flatMap((from) =>
  NEED_STATUSES.filter((to) => !isAllowed(from, to)).map((to) => [from, to] as [NeedStatus, NeedStatus]),
);

describe('need status machine', () => {
  it('should list 36 pairs in all, 10 allowed and 26 refused', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(NEED_STATUSES.length ** 2);
    expect(REFUSED).toHaveLength(26);
  });

  it.each(ALLOWED)('should allow %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(REFUSED)('should refuse %s → %s with invalid_transition', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let error: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_transition');
  });

  it('should say which statuses a need can move to when a change is refused', () => {
    expect(() => assertTransition('draft', 'completed')).toThrow(/draft need cannot become completed; it can become open or cancelled/);
    expect(() => assertTransition('completed', 'open')).toThrow(/completed is final/);
  });

  it('should keep completed and cancelled needs from being edited', () => {
    expect(NEED_STATUSES.filter((s) => !isEditable(s))).toEqual(['completed', 'cancelled']);
  });
});
