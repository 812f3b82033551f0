import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useGetIdentity, useInvalidateAuthStore } from '@refinedev/core';
import type { MeResponse, MembershipView } from '@kindred/contracts';
import { isOutageError } from '../providers/service-status';
import { accessContextOf, type AccessContext } from '../navigation/access';
import { organizationSelection, resolveCurrentMembership } from './current-organization';

export interface Session {
  me: MeResponse | null;
  isLoading: boolean;
  /**
   * `/me` could not be read because the API or the network is down, and no earlier answer is at hand:
   * memberships are unknown, so no screen may say "you need a role" or "sign in".
   */
  unavailable: boolean;
  memberships: readonly MembershipView[];
  /** The organisation selected in the header (remembered), or the first membership. */
  currentMembership: MembershipView | null;
  access: AccessContext;
  selectOrganization(organizationId: string): void;
  /** Re-reads `/me`, e.g. after joining or creating an organisation. */
  refresh(): Promise<void>;
}

const NO_MEMBERSHIPS: readonly MembershipView[] = [];

export function useSession(): Session {
  // Several components read the identity; a short stale time keeps them from refetching on every mount.
  const { data, isLoading, error } = useGetIdentity<MeResponse | null>({ queryOptions: { staleTime: 30_000 } });
  const me = data ?? null;
  const remembered = useSyncExternalStore(organizationSelection.subscribe, organizationSelection.get, () => null);
  const invalidateAuthStore = useInvalidateAuthStore();

  const memberships = me?.memberships ?? NO_MEMBERSHIPS;
  const currentMembership = useMemo(() => resolveCurrentMembership(memberships, remembered), [memberships, remembered]);
  const access = useMemo(() => accessContextOf(me, currentMembership), [me, currentMembership]);
  const selectOrganization = useCallback((organizationId: string) => organizationSelection.set(organizationId), []);

  return {
    me,
    isLoading,
    unavailable: me === null && isOutageError(error),
    memberships,
    currentMembership,
    access,
    selectOrganization,
    refresh: invalidateAuthStore,
  };
}
