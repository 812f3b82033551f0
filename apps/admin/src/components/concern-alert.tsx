import { useCallback, useSyncExternalStore } from 'react';
import type { LiveEvent } from '@refinedev/core';
import { Alert, Button, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveEvents } from '../api/use-live-events';
import { canAccess } from '../navigation/access';
import { useSession } from '../session/use-session';

/**
 * Concerns raised (or gone overdue) since this page was opened that the reader has not yet opened or
 * acknowledged. Only owners and coordinators are told of them: the API sends `concern.*` events to
 * them alone, and the listener is not mounted for anyone else either.
 */
function createConcernAlerts() {
  let ids: readonly string[] = [];
  const listeners = new Set<() => void>();
  const set = (next: readonly string[]) => {
    ids = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => ids,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(newIds: readonly string[]) {
      const fresh = newIds.filter((id) => !ids.includes(id));
      if (fresh.length > 0) set([...fresh, ...ids]);
    },
    /** Opened or acknowledged: the alert for it goes. */
    dismiss(id: string) {
      if (ids.includes(id)) set(ids.filter((known) => known !== id));
    },
    clear() {
      set([]);
    },
  };
}

export const concernAlerts = createConcernAlerts();

export function useConcernAlerts(): readonly string[] {
  return useSyncExternalStore(concernAlerts.subscribe, concernAlerts.get, concernAlerts.get);
}

/** Whether the selected organisation makes the reader one who is alerted (an NGO's owner or coordinator). */
export function useIsConcernLead(): boolean {
  const { access } = useSession();
  return canAccess('ngoCoordinator', access);
}

/** Listens for `concern.raised` and `concern.overdue` (the live adapter's `resources/concerns` channel). */
export function ConcernAlertListener() {
  const lead = useIsConcernLead();
  const onEvent = useCallback((event: LiveEvent) => {
    const payload = event.payload as { ids?: string[]; domainTypes?: string[] } | undefined;
    const types = payload?.domainTypes ?? [];
    if (types.includes('concern.raised') || types.includes('concern.overdue')) concernAlerts.add(payload?.ids ?? []);
  }, []);
  useLiveEvents(['concerns'], onEvent, lead);
  return null;
}

/**
 * The alert that cannot be missed: a red banner on every screen, not closable, until each concern is
 * opened or acknowledged. No sound; the emphasis is visual.
 */
export function ConcernAlertBanner() {
  const { t } = useTranslation();
  const lead = useIsConcernLead();
  const ids = useConcernAlerts();
  if (!lead || ids.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="concern-alert"
      style={{ marginBottom: 16, borderWidth: 2, borderColor: '#cf1322' }}
      message={<strong>{t('concerns.alert.title', { count: ids.length })}</strong>}
      description={
        <Flex vertical gap={8}>
          <span>{t('concerns.alert.description')}</span>
          <Space wrap>
            {ids.slice(0, 5).map((id, index) => (
              <Link key={id} to={`/concerns/${id}`} onClick={() => concernAlerts.dismiss(id)}>
                <Button danger type={index === 0 ? 'primary' : 'default'} size="small">
                  {t('concerns.alert.open')} {index + 1}
                </Button>
              </Link>
            ))}
            <Link to="/concerns">{t('concerns.alert.queue')}</Link>
          </Space>
        </Flex>
      }
    />
  );
}
