import { useSyncExternalStore } from 'react';
import { Badge, type BadgeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { liveConnection } from '../providers/live-provider';
import type { LiveStatus } from '../providers/socket';

const BADGE_STATUS: Record<LiveStatus, BadgeProps['status']> = {
  idle: 'default',
  connecting: 'processing',
  connected: 'success',
  reconnecting: 'warning',
  offline: 'error',
  unauthorized: 'error',
};

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveConnection.subscribeStatus, liveConnection.getStatus);
}

export function LiveStatusBadge() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  return (
    <Badge
      status={BADGE_STATUS[status]}
      text={`${t('live.label')}: ${t(`live.status.${status}`)}`}
      data-testid="live-status"
      data-status={status}
    />
  );
}
