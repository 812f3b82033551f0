import { useEffect, useState } from 'react';
import { useOne } from '@refinedev/core';
import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Spin, Typography, theme } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NeedView } from '@kindred/contracts';
import { useEndpoint } from '../../api/use-endpoint';
import { LanguageSwitcher } from '../../components/language-switcher';
import { formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { problemMessage } from '../../i18n/problem-messages';
import { checkInUrl, nextRefreshDelay, spacedCode } from '../../lib/check-in';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The rotating check-in code for a shift, to show on a screen or tablet at the activity: a QR code of
 * the volunteer check-in URL and the six digits in large type, fetched again shortly before it expires.
 */
export function CheckInDisplayPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const locale = currentLocale();
  const { token } = theme.useToken();
  const now = useNow(1000);
  const [fullscreen, setFullscreen] = useState(false);

  const code = useEndpoint('checkInCode', id ? { params: { shiftId: id } } : null, { staleTime: 0 });
  const shift = useEndpoint('shift', id ? { params: { shiftId: id } } : null);
  const roster = useEndpoint('roster', id ? { params: { shiftId: id } } : null, { live: ['signups'] });
  const { result: need } = useOne<NeedView>({
    resource: 'needs',
    id: shift.data?.needId ?? '',
    queryOptions: { enabled: Boolean(shift.data) },
  });

  const expiresAt = code.data?.expiresAt;
  const refetchCode = code.refetch;
  useEffect(() => {
    if (!expiresAt) return undefined;
    const timer = setTimeout(() => void refetchCode(), nextRefreshDelay(expiresAt));
    return () => clearTimeout(timer);
  }, [expiresAt, refetchCode]);

  useEffect(() => {
    const onChange = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  const url = code.data ? checkInUrl(window.location.origin, id, code.data.token) : null;
  const secondsLeft = expiresAt ? Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000)) : null;
  const checkedIn = roster.data?.signups.filter((s) => s.checkedInAt).length ?? 0;

  return (
    <Flex
      vertical
      align="center"
      gap={16}
      style={{ minHeight: '100vh', padding: 24, background: token.colorBgLayout }}
      data-testid="check-in-display"
    >
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 960 }} wrap gap={8}>
        <Link to={`/shifts/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('checkInDisplay.back')}</Button>
        </Link>
        <Flex gap={8} align="center">
          <LanguageSwitcher />
          <Button icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggleFullscreen}>
            {fullscreen ? t('checkInDisplay.exitFullscreen') : t('checkInDisplay.fullscreen')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }}>
        {need?.title ?? t('checkInDisplay.title')}
      </Typography.Title>
      {shift.data && <Typography.Text type="secondary">{formatTimeRange(shift.data.startsAt, shift.data.endsAt, locale)}</Typography.Text>}
      {code.isError ? (
        <Result
          status="warning"
          title={t('checkInDisplay.failed')}
          subTitle={problemMessage(code.error)}
          extra={<Button onClick={() => void code.refetch()}>{t('states.retry')}</Button>}
        />
      ) : !url || !code.data ? (
        <Spin size="large" />
      ) : (
        <>
          <div style={{ background: '#fff', padding: 16, borderRadius: 12 }}>
            <QRCodeSVG
              value={url}
              size={320}
              level="M"
              style={{ width: 'min(70vh, 80vw)', height: 'min(70vh, 80vw)', maxWidth: 480, maxHeight: 480 }}
              data-testid="check-in-qr"
              data-url={url}
            />
          </div>
          <Typography.Text type="secondary">{t('checkInDisplay.scanOrType')}</Typography.Text>
          <Typography.Text
            strong
            style={{ fontSize: 'clamp(48px, 12vw, 120px)', letterSpacing: '0.1em', fontVariantNumeric: 'tabular-nums', lineHeight: 1 }}
            data-testid="check-in-code"
            data-code={code.data.token}
          >
            {spacedCode(code.data.token)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {secondsLeft !== null && t('checkInDisplay.refreshesIn', { seconds: secondsLeft })} ·{' '}
            {t('checkInDisplay.checkedIn', { count: checkedIn })}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}
