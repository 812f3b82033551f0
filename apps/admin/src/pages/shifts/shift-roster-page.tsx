import { useState } from 'react';
import { useOne } from '@refinedev/core';
import { CheckCircleOutlined, QrcodeOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Popconfirm, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NeedView, RosterRow } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { LiveStatusBadge } from '../../components/live-status-badge';
import { PageHeader } from '../../components/page-header';
import { RaiseConcernButton } from '../../components/raise-concern-button';
import { formatDuration, formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { canAccess } from '../../navigation/access';
import { useSession } from '../../session/use-session';
import { SafeguardingDrawer } from '../volunteers/safeguarding-drawer';
import { InviteModal } from './invite-modal';
import { ReverseHoursModal } from './reverse-hours-modal';
import { useRosterColumns, useRosterExportColumns } from './roster-columns';

export function ShiftRosterPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <ShiftRoster key={id} id={id} />;
}

/**
 * Who signed up for a shift, filling live: sign-up, cancellation, check-in and check-out events of the
 * shift's need (channels resources/signups and resources/shifts) re-read the roster while the page stays.
 */
function ShiftRoster({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { access, memberships } = useSession();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [inviting, setInviting] = useState(false);
  const [checking, setChecking] = useState<{ userId: string; displayName: string } | null>(null);
  const [reversing, setReversing] = useState<RosterRow | null>(null);

  const shift = useEndpoint('shift', id ? { params: { shiftId: id } } : null, { live: ['shifts'] });
  const roster = useEndpoint('roster', id ? { params: { shiftId: id } } : null, { live: ['signups', 'shifts'] });
  const { result: need } = useOne<NeedView>({
    resource: 'needs',
    id: shift.data?.needId ?? '',
    queryOptions: { enabled: Boolean(shift.data) },
  });
  const membership = memberships.find((m) => m.organizationId === need?.organizationId) ?? null;
  const canCoordinate = canAccess('ngoCoordinator', { ...access, membership });
  const rows = roster.data?.signups;

  const act = (key: string, task: () => Promise<unknown>, success: string) =>
    void run(key, task, { success }).then((result) => {
      if (result !== undefined) void roster.refetch();
    });

  const columns = useRosterColumns({
    canCoordinate,
    startsAt: shift.data?.startsAt,
    pending,
    act,
    call,
    onReverse: setReversing,
    onCheck: setChecking,
  });
  const exportColumns = useRosterExportColumns();

  if (shift.isError) return <ErrorState error={shift.error} onRetry={() => void shift.refetch()} />;
  if (!shift.data) return <Skeleton active />;

  const checkedOut = (rows ?? []).filter((r) => r.checkedOutAt).length;
  const checkedIn = (rows ?? []).filter((r) => r.checkedInAt).length;
  const title = need?.title ?? t('roster.title');
  const excluded = new Set((rows ?? []).filter((r) => r.status !== 'cancelled').map((r) => r.userId));

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('roster.titleOf', { title })}
        subtitle={
          <Space size={8} wrap>
            <span>{formatTimeRange(shift.data.startsAt, shift.data.endsAt, locale)}</span>
            {need && <Link to={`/needs/${need.id}`}>{t('roster.backToNeed')}</Link>}
          </Space>
        }
        extra={
          <>
            <LiveStatusBadge />
            <ExportExcelButton
              fileName={`${title}-${t('roster.exportName')}`}
              sheetName={t('roster.exportName')}
              columns={exportColumns}
              rows={rows}
            />
            {canCoordinate && need && <RaiseConcernButton organizationId={need.organizationId} />}
            {canCoordinate && shift.data.status === 'scheduled' && (
              <>
                <Button icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
                  {t('roster.invite.open')}
                </Button>
                <Link to={`/shifts/${id}/check-in-code`}>
                  <Button icon={<QrcodeOutlined />} data-testid="open-check-in-code">
                    {t('shifts.checkInCode')}
                  </Button>
                </Link>
              </>
            )}
            {canCoordinate && (
              <Popconfirm
                title={t('hours.verifyShiftConfirm')}
                description={t('hours.verifyShiftHint')}
                okText={t('hours.verifyShift')}
                cancelText={t('buttons.cancel')}
                onConfirm={() =>
                  void run('verify-shift', () => call('verifyShiftHours', { params: { shiftId: id ?? '' } }), {
                    success: (r) =>
                      r.verified === 0
                        ? t('hours.nothingPending')
                        : t('hours.verifiedShift', { count: r.verified, duration: formatDuration(r.minutes, locale) }),
                  }).then(() => roster.refetch())
                }
              >
                <Button
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  disabled={checkedOut === 0}
                  loading={pending === 'verify-shift'}
                  data-testid="verify-shift-hours"
                >
                  {t('hours.verifyShift')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {shift.data.status === 'cancelled' && <Alert type="warning" showIcon message={t('roster.shiftCancelled')} />}
      <Row gutter={[12, 12]}>
        {[
          { key: 'confirmed', value: `${roster.data?.confirmedCount ?? 0} / ${roster.data?.capacity ?? shift.data.capacity}` },
          { key: 'waitlist', value: roster.data?.waitlistCount ?? 0 },
          { key: 'checkedIn', value: checkedIn },
          { key: 'checkedOut', value: checkedOut },
        ].map((stat) => (
          <Col key={stat.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`roster.stats.${stat.key}`)} value={stat.value} data-testid={`roster-stat-${stat.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        {roster.isError ? (
          <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />
        ) : (
          <Table<RosterRow>
            rowKey="signupId"
            dataSource={rows}
            columns={columns}
            loading={roster.isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="roster-table"
            locale={{
              emptyText: <EmptyState title={t('roster.empty')} hint={canCoordinate ? t('roster.emptyHint') : t('roster.emptyHintStaff')} />,
            }}
          />
        )}
        {canCoordinate && checkedOut > 0 && !(rows ?? []).some((r) => r.hourRecord) && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('hours.perRecordHint')}
          </Typography.Paragraph>
        )}
      </Card>
      {need && canCoordinate && (
        <InviteModal shiftId={id} needId={need.id} open={inviting} onClose={() => setInviting(false)} exclude={excluded} />
      )}
      <ReverseHoursModal row={reversing} onClose={() => setReversing(null)} onReversed={() => void roster.refetch()} />
      {need && (
        <SafeguardingDrawer
          volunteer={checking}
          organizationId={need.organizationId}
          canRecord={canCoordinate}
          onClose={() => setChecking(null)}
        />
      )}
    </Flex>
  );
}
