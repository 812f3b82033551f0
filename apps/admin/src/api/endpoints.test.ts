import { describe, expect, it } from 'vitest';
import { ENDPOINTS, endpointPath } from './endpoints';

describe('endpoint table', () => {
  it('should fill and encode the path parameters of an operation', () => {
    expect(endpointPath('roster', { shiftId: 'a1' })).toBe('shifts/a1/signups');
    expect(endpointPath('recordUsage', { pledgeId: 'p/1' })).toBe('pledges/p%2F1/usages');
    expect(endpointPath('skills')).toBe('skills');
  });

  it('should refuse a call without one of its path parameters', () => {
    expect(() => endpointPath('shift', { shiftId: '' })).toThrow(/shiftId/);
  });

  it('should name each operation once, by method and path', () => {
    const keys = Object.values(ENDPOINTS).map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const op of Object.values(ENDPOINTS)) expect(op.path.startsWith('/')).toBe(false);
  });
});
