import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { useInvalidate } from '@refinedev/core';
import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { onServiceRecovered, retryDelayMs, serviceStatus, type ServiceOutage, type ServiceStatusStore } from '../providers/service-status';
import { useSession } from '../session/use-session';

const HEALTHY_RESET_MS = 60_000;

export function useServiceOutage(store: ServiceStatusStore = serviceStatus): ServiceOutage | null {
  return useSyncExternalStore(store.subscribe, store.get, () => null);
}

interface OutageNoticeProps {
  secondsLeft: number | null;
  retrying: boolean;
  onRetry(): void;
}

function RetryButton({ retrying, onRetry, primary }: Pick<OutageNoticeProps, 'retrying' | 'onRetry'> & { primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={<ReloadOutlined />}
      loading={retrying}
      onClick={onRetry}
      data-testid="service-retry"
    >
      {t('outage.retryNow')}
    </Button>
  );
}

function useRetryText({ secondsLeft, retrying }: Pick<OutageNoticeProps, 'secondsLeft' | 'retrying'>): string {
  const { t } = useTranslation();
  if (retrying) return t('outage.retrying');
  return secondsLeft === null ? '' : t('outage.retryIn', { seconds: secondsLeft });
}

/** The whole page: nothing can be shown while it is unknown who the person is. */
export function ServiceUnavailable(props: OutageNoticeProps) {
  const { t } = useTranslation();
  const retryText = useRetryText(props);
  return (
    <div data-testid="service-unavailable" role="alert">
      <Result
        status="warning"
        title={t('outage.title')}
        subTitle={
          <>
            <div>{t('outage.description')}</div>
            {retryText && <div data-testid="service-retry-status">{retryText}</div>}
          </>
        }
        extra={<RetryButton retrying={props.retrying} onRetry={props.onRetry} primary />}
      />
    </div>
  );
}

/**
 * Shows "service unavailable, retrying" while the API answers 5xx or cannot be reached, retries on
 * its own (after `Retry-After` when the server sent one, else backing off 2 s → 30 s) and on demand,
 * and re-reads what failed once the API answers again. Without a known identity the page itself is
 * replaced, so no screen can mistake the outage for "no organisation" or "not signed in"; with one,
 * a banner sits above the page.
 */
export function ServiceOutageGate({ children, store = serviceStatus }: { children: ReactNode; store?: ServiceStatusStore }) {
  const { t } = useTranslation();
  const outage = useServiceOutage(store);
  const { me, unavailable, isLoading, refresh } = useSession();
  const invalidate = useInvalidate();
  const active = outage !== null || unavailable;
  const retryAfterMs = outage?.retryAfterMs ?? null;

  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState(false);
  const [dueAt, setDueAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // `/me` is the probe: it needs the API and its database, and answering it is what the screens wait for.
  // Refine hands out a new `refresh` on every render; a ref keeps the retry timer from being reset by each one.
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);
  const retryNow = useCallback(async () => {
    setRetrying(true);
    try {
      await refreshRef.current();
    } finally {
      setRetrying(false);
      setAttempt((n) => n + 1);
    }
  }, []);

  useEffect(() => {
    if (!active) {
      setDueAt(null);
      // The back-off starts over only after a minute of health: one endpoint that keeps failing (a 500 from
      // a bug) would otherwise have every screen re-read every 2 s, each recovery resetting the delay.
      const healthy = setTimeout(() => setAttempt(0), HEALTHY_RESET_MS);
      return () => clearTimeout(healthy);
    }
    if (retrying) return undefined;
    const delay = retryDelayMs(attempt, retryAfterMs);
    setDueAt(Date.now() + delay);
    setNow(Date.now());
    const timer = setTimeout(() => void retryNow(), delay);
    return () => clearTimeout(timer);
  }, [active, attempt, retryAfterMs, retrying, retryNow]);

  useEffect(() => {
    if (dueAt === null) return undefined;
    const ticker = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticker);
  }, [dueAt]);

  // Lists and records that failed during the outage are read again as soon as the API answers.
  const invalidateRef = useRef(invalidate);
  useEffect(() => {
    invalidateRef.current = invalidate;
  }, [invalidate]);
  useEffect(() => onServiceRecovered(store, () => void invalidateRef.current({ invalidates: ['all'] })), [store]);

  const secondsLeft = dueAt === null || retrying ? null : Math.max(1, Math.ceil((dueAt - now) / 1000));
  const onRetry = () => void retryNow();
  const retryText = useRetryText({ secondsLeft, retrying });

  if (active && !me && (unavailable || !isLoading)) {
    return <ServiceUnavailable secondsLeft={secondsLeft} retrying={retrying} onRetry={onRetry} />;
  }
  if (active && me) {
    return (
      <>
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="service-unavailable-banner"
          style={{ marginBottom: 16 }}
          message={t('outage.title')}
          description={
            <>
              {t('outage.description')} <span data-testid="service-retry-status">{retryText}</span>
            </>
          }
          action={<RetryButton retrying={retrying} onRetry={onRetry} />}
        />
        {children}
      </>
    );
  }
  return <>{children}</>;
}
