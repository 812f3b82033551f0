import { registryFlags } from './registry-flags.listener';
import { ackDueAt } from './concerns.service';

describe('registryFlags', () => {
  const child = { age: 10, livingArrangement: null, categories: [], hasGuardian: true } as Parameters<typeof registryFlags>[0];

  it('should flag unsafe_living when a child under 16 lives alone', () => {
    expect(registryFlags({ ...child, age: 15, livingArrangement: 'alone' }).map((f) => [f.flag, f.category])).toEqual([
      ['under16_living_alone', 'unsafe_living'],
    ]);
  });

  it('should flag nothing when a child of 16 lives alone or a younger one lives with grandparents', () => {
    expect(registryFlags({ ...child, age: 16, livingArrangement: 'alone' })).toEqual([]);
    expect(registryFlags({ ...child, age: 9, livingArrangement: 'grandparents' })).toEqual([]);
  });

  it('should flag neglect when a de-facto unattended child has no carer recorded, and not when one is', () => {
    expect(registryFlags({ ...child, categories: ['de_facto_unattended'], hasGuardian: false }).map((f) => f.category)).toEqual([
      'neglect',
    ]);
    expect(registryFlags({ ...child, categories: ['de_facto_unattended'], hasGuardian: true })).toEqual([]);
  });

  it('should carry no personal data in the description when a flag is raised', () => {
    for (const flag of registryFlags({ age: 8, livingArrangement: 'alone', categories: ['de_facto_unattended'], hasGuardian: false })) {
      expect(flag.description).toMatch(/^Opened by the registry \([a-z0-9_]+\)/);
    }
  });
});

describe('ackDueAt', () => {
  const raised = new Date('2026-12-03T08:00:00Z');

  it('should be 1 h after raising when the child is in immediate danger and 24 h otherwise', () => {
    expect(ackDueAt(raised, true).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(ackDueAt(raised, false).toISOString()).toBe('2026-12-04T08:00:00.000Z');
  });
});
