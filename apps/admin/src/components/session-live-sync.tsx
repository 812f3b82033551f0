import { useEffect, useRef } from 'react';
import { useSubscription } from '@refinedev/core';
import { useSession } from '../session/use-session';

/**
 * Re-reads `/me` when a membership event concerns the signed-in person (added to an organisation,
 * role changed, removed), so the menu and the organisation switcher follow without a reload.
 */
export function SessionLiveSync() {
  const { me, refresh } = useSession();
  const userId = useRef<string | null>(null);
  const refreshRef = useRef(refresh);

  useEffect(() => {
    userId.current = me?.id ?? null;
    refreshRef.current = refresh;
  }, [me, refresh]);

  useSubscription({
    channel: 'resources/members',
    types: ['*'],
    onLiveEvent: (event) => {
      const ids: unknown[] = event.payload?.ids ?? [];
      if (userId.current && ids.map(String).includes(userId.current)) void refreshRef.current();
    },
  });

  return null;
}
