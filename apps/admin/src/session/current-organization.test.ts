import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MembershipView } from '@kindred/contracts';
import { CURRENT_ORGANIZATION_KEY, createOrganizationSelectionStore, resolveCurrentMembership } from './current-organization';

const a: MembershipView = { organizationId: 'org-a', organizationName: 'A', organizationKind: 'ngo', role: 'owner' };
const b: MembershipView = { organizationId: 'org-b', organizationName: 'B', organizationKind: 'company', role: 'employee' };

afterEach(() => {
  window.localStorage.clear();
});

describe('organisation selection', () => {
  it('should remember the choice in localStorage so a new page load finds it', () => {
    const store = createOrganizationSelectionStore();
    const listener = vi.fn();
    store.subscribe(listener);

    store.set('org-b');

    expect(window.localStorage.getItem(CURRENT_ORGANIZATION_KEY)).toBe('org-b');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(createOrganizationSelectionStore().get()).toBe('org-b');
    expect(resolveCurrentMembership([a, b], createOrganizationSelectionStore().get())).toBe(b);
  });

  it('should fall back to the first membership when the remembered one is gone, and to none without memberships', () => {
    window.localStorage.setItem(CURRENT_ORGANIZATION_KEY, 'org-left-long-ago');
    const remembered = createOrganizationSelectionStore().get();

    expect(resolveCurrentMembership([a, b], remembered)).toBe(a);
    expect(resolveCurrentMembership([], remembered)).toBeNull();
    expect(resolveCurrentMembership([b, a], null)).toBe(b);
  });

  it('should forget the choice when cleared and keep it in memory when storage fails', () => {
    const store = createOrganizationSelectionStore();
    store.set('org-a');
    store.set(null);
    expect(window.localStorage.getItem(CURRENT_ORGANIZATION_KEY)).toBeNull();

    const broken = createOrganizationSelectionStore(() => {
      throw new Error('SecurityError');
    });
    broken.set('org-b');
    expect(broken.get()).toBe('org-b');
  });

  it('should follow a choice made in another tab', () => {
    const store = createOrganizationSelectionStore();
    const listener = vi.fn();
    store.subscribe(listener);

    window.localStorage.setItem(CURRENT_ORGANIZATION_KEY, 'org-a');
    window.dispatchEvent(new StorageEvent('storage', { key: CURRENT_ORGANIZATION_KEY, newValue: 'org-a' }));

    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toBe('org-a');
  });
});
