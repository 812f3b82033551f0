import type { MembershipView } from '@kindred/contracts';

export const CURRENT_ORGANIZATION_KEY = 'kindred.currentOrganizationId';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface OrganizationSelectionStore {
  /** The remembered organisation id, which may no longer be one of the person's memberships. */
  get(): string | null;
  set(organizationId: string | null): void;
  subscribe(listener: () => void): () => void;
}

function safeStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** localStorage-backed, so the choice survives reloads and follows the person across tabs. */
export function createOrganizationSelectionStore(
  storage: () => KeyValueStorage | null = safeStorage,
  key = CURRENT_ORGANIZATION_KEY,
): OrganizationSelectionStore {
  const listeners = new Set<() => void>();
  // Used when storage is unavailable (private mode): the choice then lasts for this page only.
  let memory: string | null = null;
  const notify = () => {
    for (const listener of listeners) listener();
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === key) notify();
    });
  }

  return {
    get() {
      try {
        const store = storage();
        if (store) return store.getItem(key);
      } catch {
        // fall through to the in-memory choice
      }
      return memory;
    },
    set(organizationId) {
      memory = organizationId;
      try {
        const store = storage();
        if (organizationId) store?.setItem(key, organizationId);
        else store?.removeItem(key);
      } catch {
        // the in-memory choice stands
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The remembered membership when it still exists, else the first one, else none. */
export function resolveCurrentMembership(memberships: readonly MembershipView[], rememberedId: string | null): MembershipView | null {
  return memberships.find((m) => m.organizationId === rememberedId) ?? memberships[0] ?? null;
}

export const organizationSelection = createOrganizationSelectionStore();
