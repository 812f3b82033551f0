import { useCallback } from 'react';
import { useCustom, useCustomMutation, type BaseRecord, type HttpError } from '@refinedev/core';
import type { MembershipView } from '@kindred/contracts';
import { useSession } from '../../session/use-session';

/**
 * Reads and writes of the children's registry through Refine's data provider (`useCustom`,
 * `useCustomMutation`), for the answers that are not plain lists: a child's consent, timeline,
 * a need's beneficiaries, a volunteer's activity card.
 */

export type ChildrenRole = 'identity' | 'file' | 'none';

/** Owners and coordinators read identity fields; staff read the file without them; anyone else nothing. */
export function childrenRoleOf(membership: Pick<MembershipView, 'organizationKind' | 'role'> | null | undefined): ChildrenRole {
  if (!membership || membership.organizationKind !== 'ngo') return 'none';
  if (membership.role === 'owner' || membership.role === 'coordinator') return 'identity';
  return membership.role === 'staff' ? 'file' : 'none';
}

/** The reader's role for the children of `organizationId` (the selected organisation when omitted). */
export function useChildrenRole(organizationId?: string | null): { role: ChildrenRole; organizationId: string | null } {
  const { memberships, currentMembership } = useSession();
  const membership = organizationId ? memberships.find((m) => m.organizationId === organizationId) : currentMembership;
  return { role: childrenRoleOf(membership), organizationId: membership?.organizationId ?? null };
}

export interface ChildrenQuery<T> {
  data: T | undefined;
  isLoading: boolean;
  isError: boolean;
  error: HttpError | null;
  refetch(): Promise<unknown>;
}

/** `GET <url>` through Refine; `url: null` waits. Failures are shown by the screen, not as toasts. */
export function useChildrenGet<T>(url: string | null, query?: Record<string, unknown>): ChildrenQuery<T> {
  const { query: q } = useCustom<BaseRecord, HttpError>({
    url: url ?? '',
    method: 'get',
    config: query ? { query } : undefined,
    queryOptions: { enabled: url !== null, queryKey: ['children', url, query ?? null] },
    successNotification: false,
    errorNotification: false,
  });
  return {
    data: q.data?.data as T | undefined,
    isLoading: q.isLoading,
    isError: q.isError,
    error: q.error,
    refetch: () => q.refetch(),
  };
}

export type ChildrenWriteMethod = 'post' | 'put' | 'patch' | 'delete';

export interface ChildrenWrite {
  url: string;
  method: ChildrenWriteMethod;
  values?: object;
  headers?: Record<string, string>;
}

/** One write at a time; resolves the answer or rejects with the API's problem (an `HttpError`). */
export function useChildrenWrite<T = unknown>() {
  const { mutateAsync, mutation } = useCustomMutation<BaseRecord, HttpError, object>();
  const send = useCallback(
    async ({ url, method, values, headers }: ChildrenWrite): Promise<T> => {
      const answer = await mutateAsync({
        url,
        method,
        values: values ?? {},
        config: headers ? { headers } : undefined,
        successNotification: false,
        errorNotification: false,
      });
      return answer.data as T;
    },
    [mutateAsync],
  );
  return { send, pending: mutation.isPending };
}
