import { describe, expect, it } from 'vitest';
import { childrenRoleOf } from '../../components/children/children-data';
import { i18n } from '../../i18n/i18n';
import { summaryParts } from './child-timeline';

const exists = (key: string) => i18n.exists(key);

describe('timeline summaries', () => {
  it('should translate codes and lists of codes but keep free text with commas as written', () => {
    const t = i18n.t.bind(i18n);
    expect(
      summaryParts(
        {
          at: '2026-03-01',
          kind: 'category_change',
          id: 'h1',
          summary: { from: 'left_behind_single_parent', to: 'left_behind_grandparent,orphan' },
        },
        t,
        exists,
      ),
    ).toEqual(['单亲留守 →', '隔代留守、孤儿']);
    expect(
      summaryParts(
        { at: '2026-11-20', kind: 'service', id: 's1', summary: { kind: 'phone_call', notes: '奶奶说, 孩子最近睡得晚', needId: 'n1' } },
        t,
        exists,
      ),
    ).toEqual(['电话回访', '奶奶说, 孩子最近睡得晚']);
  });
});

describe('who reads what of the registry', () => {
  it('should give identity to owners and coordinators, the file to staff and nothing to company members', () => {
    expect(childrenRoleOf({ organizationKind: 'ngo', role: 'owner' })).toBe('identity');
    expect(childrenRoleOf({ organizationKind: 'ngo', role: 'coordinator' })).toBe('identity');
    expect(childrenRoleOf({ organizationKind: 'ngo', role: 'staff' })).toBe('file');
    expect(childrenRoleOf({ organizationKind: 'company', role: 'owner' })).toBe('none');
    expect(childrenRoleOf(null)).toBe('none');
  });
});
