import { useMemo, useState } from 'react';
import { CheckOutlined, CloseOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Popconfirm, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyShiftRow } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { ActivityCardButton } from '../../components/children/activity-card';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { RaiseConcernButton } from '../../components/raise-concern-button';
import { PortalColumn } from '../../components/portal-column';
import { SignupStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../lib/idempotency';
import { useNeedsById } from '../../api/use-need-titles';

const CHECK_IN_OPENS_MS = 30 * 60_000;

/** Whether the check-in window of a shift is open now (from 30 minutes before the start until the end). */
export function checkInOpen(row: Pick<MyShiftRow, 'startsAt' | 'endsAt'>, now: number = Date.now()): boolean {
  return now >= Date.parse(row.startsAt) - CHECK_IN_OPENS_MS && now <= Date.parse(row.endsAt);
}

/** The volunteer's sign-ups: upcoming ones with check-in, check-out and cancel; past ones with what happened. Live. */
export function VolunteerShiftsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [tab, setTab] = useState<'upcoming' | 'past'>('upcoming');
  const mine = useEndpoint('myShifts', {}, { live: ['signups', 'shifts'] });
  const invitations = useEndpoint('myInvitations', {}, { live: ['signups'] });
  const rows = useMemo(() => mine.data ?? [], [mine.data]);
  const needs = useNeedsById([...rows.map((r) => r.needId), ...(invitations.data ?? []).map((i) => i.needId)]);
  const now = Date.now();
  const shown = rows
    .filter((r) =>
      tab === 'upcoming'
        ? Date.parse(r.endsAt) >= now && (r.status === 'confirmed' || r.status === 'waitlisted')
        : !(Date.parse(r.endsAt) >= now && (r.status === 'confirmed' || r.status === 'waitlisted')),
    )
    .sort((a, b) => (tab === 'upcoming' ? 1 : -1) * (Date.parse(a.startsAt) - Date.parse(b.startsAt)));
  const openInvitations = (invitations.data ?? []).filter((i) => i.status === 'pending');

  const refresh = () => {
    void mine.refetch();
    void invitations.refetch();
  };

  const exportColumns: ExportColumn<MyShiftRow>[] = [
    { header: t('myShifts.columns.need'), value: (r) => needs.get(r.needId)?.title ?? r.needId },
    { header: t('myShifts.columns.organization'), value: (r) => needs.get(r.needId)?.organizationName ?? null },
    { header: t('shifts.columns.startsAt'), value: (r) => new Date(r.startsAt) },
    { header: t('shifts.columns.endsAt'), value: (r) => new Date(r.endsAt) },
    { header: t('myShifts.columns.status'), value: (r) => t(`signupStatuses.${r.status}`) },
    { header: t('roster.columns.position'), value: (r) => r.position },
    { header: t('roster.columns.checkedInAt'), value: (r) => (r.checkedInAt ? new Date(r.checkedInAt) : null) },
    { header: t('roster.columns.checkedOutAt'), value: (r) => (r.checkedOutAt ? new Date(r.checkedOutAt) : null) },
  ];

  return (
    <PortalColumn testId="volunteer-shifts">
      <PageHeader
        title={t('volunteer.shifts.title')}
        subtitle={t('volunteer.shifts.subtitle')}
        extra={<ExportExcelButton fileName={t('myShifts.exportName')} columns={exportColumns} rows={rows} size="small" />}
      />
      {openInvitations.length > 0 && (
        <Card size="small" title={t('myShifts.invitations')}>
          <List
            dataSource={openInvitations}
            renderItem={(invitation) => (
              <List.Item>
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Typography.Text strong>{needs.get(invitation.needId)?.title ?? t('myShifts.invitation')}</Typography.Text>
                  {invitation.message && <Typography.Text type="secondary">{invitation.message}</Typography.Text>}
                  <Flex gap={8}>
                    <Button
                      type="primary"
                      icon={<CheckOutlined />}
                      loading={pending === `accept-${invitation.id}`}
                      onClick={() =>
                        void run(
                          `accept-${invitation.id}`,
                          () =>
                            call('acceptInvitation', {
                              params: { invitationId: invitation.id },
                              idempotencyKey: newIdempotencyKey(),
                            }),
                          {
                            success: (s) =>
                              s.status === 'waitlisted' ? t('signup.waitlisted', { position: s.position ?? '?' }) : t('signup.confirmed'),
                          },
                        ).then(refresh)
                      }
                    >
                      {t('myShifts.accept')}
                    </Button>
                    <Button
                      icon={<CloseOutlined />}
                      loading={pending === `decline-${invitation.id}`}
                      onClick={() =>
                        void run(
                          `decline-${invitation.id}`,
                          () => call('declineInvitation', { params: { invitationId: invitation.id } }),
                          { success: t('myShifts.declined') },
                        ).then(refresh)
                      }
                    >
                      {t('myShifts.decline')}
                    </Button>
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Segmented<'upcoming' | 'past'>
        block
        value={tab}
        onChange={setTab}
        options={[
          { value: 'upcoming', label: t('myShifts.upcoming') },
          { value: 'past', label: t('myShifts.past') },
        ]}
      />
      {mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <List
          loading={mine.isLoading}
          dataSource={shown}
          locale={{
            emptyText: (
              <EmptyState
                title={tab === 'upcoming' ? t('volunteer.shifts.emptyTitle') : t('myShifts.emptyPast')}
                hint={tab === 'upcoming' ? t('volunteer.shifts.emptyDescription') : undefined}
                action={
                  tab === 'upcoming' ? (
                    <Link to="/volunteer/matches">
                      <Button type="primary">{t('portal.toMatches')}</Button>
                    </Link>
                  ) : undefined
                }
              />
            ),
          }}
          renderItem={(row) => {
            const need = needs.get(row.needId);
            const canCheckIn = row.status === 'confirmed' && !row.checkedInAt && checkInOpen(row, now);
            const canCheckOut = Boolean(row.checkedInAt) && !row.checkedOutAt;
            const upcoming = Date.parse(row.startsAt) > now && (row.status === 'confirmed' || row.status === 'waitlisted');
            return (
              <Card size="small" style={{ marginBottom: 12 }} data-testid={`my-shift-${row.shiftId}`}>
                <Flex vertical gap={6}>
                  <Flex justify="space-between" gap={8} align="start">
                    <Typography.Text strong>{need?.title ?? '…'}</Typography.Text>
                    <SignupStatusTag status={row.status} position={row.position} />
                  </Flex>
                  {need?.organizationName && <Typography.Text type="secondary">{need.organizationName}</Typography.Text>}
                  <Typography.Text>{formatTimeRange(row.startsAt, row.endsAt, locale)}</Typography.Text>
                  {need?.place && <Typography.Text type="secondary">{need.place}</Typography.Text>}
                  {(row.checkedInAt || row.checkedOutAt) && (
                    <Typography.Text type="secondary">
                      {row.checkedInAt && t('myShifts.checkedInAt', { time: formatDate(row.checkedInAt, locale, { withTime: true }) })}
                      {row.checkedOutAt &&
                        ` · ${t('myShifts.checkedOutAt', { time: formatDate(row.checkedOutAt, locale, { withTime: true }) })}`}
                    </Typography.Text>
                  )}
                  <Space wrap>
                    {row.status === 'confirmed' && <RaiseConcernButton organizationId={row.organizationId} size="small" />}
                    {canCheckIn && (
                      <Link to={`/volunteer/check-in?shift=${row.shiftId}`}>
                        <Button type="primary" icon={<LoginOutlined />} data-testid={`go-check-in-${row.shiftId}`}>
                          {t('myShifts.checkIn')}
                        </Button>
                      </Link>
                    )}
                    {canCheckOut && (
                      <Button
                        type="primary"
                        icon={<LogoutOutlined />}
                        loading={pending === `out-${row.signupId}`}
                        onClick={() =>
                          void run(
                            `out-${row.signupId}`,
                            () => call('checkOut', { params: { signupId: row.signupId } }),
                            { success: t('checkIn.checkedOut') },
                          ).then(refresh)
                        }
                        data-testid={`check-out-${row.shiftId}`}
                      >
                        {t('checkIn.checkOut')}
                      </Button>
                    )}
                    {upcoming && (
                      <Popconfirm
                        title={t('signup.cancelConfirm')}
                        description={Date.parse(row.startsAt) - now < 24 * 3_600_000 ? t('signup.cancelLateHint') : undefined}
                        okText={t('signup.cancel')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('buttons.cancel')}
                        onConfirm={() =>
                          void run(
                            `cancel-${row.signupId}`,
                            () => call('cancelSignup', { params: { signupId: row.signupId }, body: {} }),
                            {
                              success: (r) => (r.lateCancellation ? t('signup.cancelledLate') : t('signup.cancelled')),
                            },
                          ).then(refresh)
                        }
                      >
                        <Button danger loading={pending === `cancel-${row.signupId}`}>
                          {t('signup.cancel')}
                        </Button>
                      </Popconfirm>
                    )}
                    {row.status === 'confirmed' && need?.childContact && <ActivityCardButton signupId={row.signupId} />}
                    <Link to={`/volunteer/needs/${row.needId}`}>
                      <Button type="link">{t('myShifts.openNeed')}</Button>
                    </Link>
                  </Space>
                </Flex>
              </Card>
            );
          }}
        />
      )}
    </PortalColumn>
  );
}
