import { useEffect } from 'react';
import { useLogout } from '@refinedev/core';
import { apiClient } from '../providers/api-client';
import { liveConnection } from '../providers/live-provider';

/** Opens the live connection for a signed-in user and signs out when the session is revoked. */
export function LiveConnectionGate() {
  const { mutate: logout } = useLogout();

  useEffect(() => {
    liveConnection.start();
  }, []);

  useEffect(() => apiClient.onSessionEnded(() => logout()), [logout]);

  return null;
}
