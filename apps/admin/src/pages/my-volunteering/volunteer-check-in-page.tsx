import { useEffect, useMemo, useRef, useState } from 'react';
import { CheckCircleOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Result, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AttendanceView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';
import { formatDate, formatDuration, formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { problemMessage } from '../../i18n/problem-messages';
import { isCompleteCode, normalizeCode, parseCheckInParams } from '../../lib/check-in';
import { useNeedsById } from '../../api/use-need-titles';
import { checkInOpen } from './volunteer-shifts-page';

/**
 * Check-in at the activity: opened by scanning the coordinator's QR code (shift and code in the URL,
 * checked in at once), or by choosing the shift and typing the six digits shown on the screen.
 */
export function VolunteerCheckInPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search] = useSearchParams();
  const scanned = parseCheckInParams(search.toString());
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [shiftId, setShiftId] = useState<string | null>(scanned.shiftId);
  const [code, setCode] = useState(scanned.code ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const [attendance, setAttendance] = useState<AttendanceView | null>(null);
  const mine = useEndpoint('myShifts', {}, { live: ['signups'] });
  const rows = useMemo(() => mine.data ?? [], [mine.data]);
  const needs = useNeedsById(rows.map((r) => r.needId));
  const choices = rows.filter((r) => r.status === 'confirmed' && !r.checkedInAt && checkInOpen(r));
  const current = rows.find((r) => r.shiftId === shiftId);
  const openCheckIn = rows.find((r) => r.checkedInAt && !r.checkedOutAt);
  const autoSubmitted = useRef(false);

  useEffect(() => {
    if (!shiftId && choices.length === 1) setShiftId(choices[0]?.shiftId ?? null);
  }, [shiftId, choices]);

  const checkIn = async (shift: string, token: string) => {
    setFailure(null);
    const result = await run(
      'check-in',
      () => call('checkInWithCode', { params: { shiftId: shift }, body: { token } }),
      {
        success: t('checkIn.done'),
        onError: (error) => {
          setFailure(problemMessage(error));
          return true;
        },
      },
    );
    if (result) {
      setAttendance(result);
      void mine.refetch();
    }
  };

  // A scanned URL carries both: check in straight away, once.
  useEffect(() => {
    if (autoSubmitted.current || !scanned.shiftId || !scanned.code) return;
    autoSubmitted.current = true;
    void checkIn(scanned.shiftId, scanned.code);
  }, []);

  const checkOut = async (signupId: string) => {
    const result = await run('check-out', () => call('checkOut', { params: { signupId } }), {
      success: t('checkIn.checkedOut'),
    });
    if (result) {
      setAttendance(result);
      void mine.refetch();
    }
  };

  const checkedInRow = attendance ? rows.find((r) => r.signupId === attendance.signupId) : openCheckIn;
  const shownAttendance =
    attendance ??
    (openCheckIn
      ? {
          signupId: openCheckIn.signupId,
          shiftId: openCheckIn.shiftId,
          status: openCheckIn.status,
          checkedInAt: openCheckIn.checkedInAt,
          checkedOutAt: null,
          hourRecord: null,
        }
      : null);

  if (shownAttendance?.checkedOutAt) {
    return (
      <PortalColumn testId="check-in-page">
        <div data-testid="checked-out">
          <Result
            status="success"
            title={t('checkIn.checkedOut')}
            subTitle={
              shownAttendance.hourRecord
                ? t('checkIn.pendingHours', { duration: formatDuration(shownAttendance.hourRecord.minutes, locale) })
                : undefined
            }
            extra={
              <Link to="/volunteer/hours">
                <Button type="primary">{t('checkIn.toHours')}</Button>
              </Link>
            }
          />
        </div>
      </PortalColumn>
    );
  }

  if (shownAttendance?.checkedInAt) {
    const need = checkedInRow ? needs.get(checkedInRow.needId) : undefined;
    return (
      <PortalColumn testId="check-in-page">
        <div data-testid="checked-in">
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t('checkIn.checkedInTitle')}
            subTitle={
              <Flex vertical>
                {need && <span>{need.title}</span>}
                {checkedInRow && <span>{formatTimeRange(checkedInRow.startsAt, checkedInRow.endsAt, locale)}</span>}
                <span>{t('myShifts.checkedInAt', { time: formatDate(shownAttendance.checkedInAt, locale, { withTime: true }) })}</span>
              </Flex>
            }
            extra={
              <Flex vertical gap={8} align="center">
                <Typography.Text type="secondary">{t('checkIn.checkOutHint')}</Typography.Text>
                <Button
                  type="primary"
                  size="large"
                  icon={<LogoutOutlined />}
                  loading={pending === 'check-out'}
                  onClick={() => void checkOut(shownAttendance.signupId)}
                  data-testid="check-out"
                >
                  {t('checkIn.checkOut')}
                </Button>
              </Flex>
            }
          />
        </div>
      </PortalColumn>
    );
  }

  return (
    <PortalColumn testId="check-in-page">
      <PageHeader title={t('checkIn.title')} subtitle={t('checkIn.subtitle')} />
      {failure && <Alert type="error" showIcon message={t('checkIn.failed')} description={failure} data-testid="check-in-error" />}
      <Card>
        <Form layout="vertical" requiredMark={false} onFinish={() => shiftId && isCompleteCode(code) && void checkIn(shiftId, code)}>
          <Form.Item label={t('checkIn.shift')} extra={choices.length === 0 && !current ? t('checkIn.noShiftOpen') : undefined}>
            <Select<string>
              value={shiftId ?? undefined}
              onChange={setShiftId}
              placeholder={t('checkIn.chooseShift')}
              loading={mine.isLoading}
              options={(current && !choices.includes(current) ? [current, ...choices] : choices).map((r) => ({
                value: r.shiftId,
                label: `${needs.get(r.needId)?.title ?? '…'} · ${formatTimeRange(r.startsAt, r.endsAt, locale)}`,
              }))}
              data-testid="check-in-shift"
            />
          </Form.Item>
          <Form.Item label={t('checkIn.code')} extra={t('checkIn.codeHelp')}>
            <Input
              value={code}
              onChange={(e) => setCode(normalizeCode(e.target.value))}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="000000"
              size="large"
              style={{ fontSize: 32, letterSpacing: '0.3em', textAlign: 'center', fontVariantNumeric: 'tabular-nums' }}
              aria-label={t('checkIn.code')}
              data-testid="check-in-code-input"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            disabled={!shiftId || !isCompleteCode(code)}
            loading={pending === 'check-in'}
            data-testid="check-in-submit"
          >
            {t('checkIn.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary">{t('checkIn.scanHint')}</Typography.Paragraph>
    </PortalColumn>
  );
}
