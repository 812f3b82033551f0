import { describe, expect, it } from 'vitest';
import { isEditable, statusChoices } from './need-status';

describe('need status choices', () => {
  it('should offer only the transitions the API allows, publishing apart', () => {
    expect(statusChoices('draft')).toEqual(['cancelled']);
    expect(statusChoices('open')).toEqual(['filled', 'in_progress', 'cancelled']);
    expect(statusChoices('completed')).toEqual([]);
  });

  it('should treat completed and cancelled needs as final', () => {
    expect(isEditable('open')).toBe(true);
    expect(isEditable('cancelled')).toBe(false);
  });
});
