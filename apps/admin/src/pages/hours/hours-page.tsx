import { useMemo, useState } from 'react';
import { CheckCircleOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Popconfirm, Progress, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mapLimit } from '../../lib/map-limit';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { useOrgRosters, type ShiftWithRoster } from '../../api/use-org-rosters';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDuration, formatTimeRange, minutesToHours } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { useSession } from '../../session/use-session';

const checkedOutCount = (entry: ShiftWithRoster) => entry.roster.signups.filter((s) => s.checkedOutAt).length;

/** Hours verification: shifts of the last 30 days with volunteers checked out, verified one shift or all at once. */
export function HoursPage() {
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationKind === 'ngo' ? currentMembership.organizationId : null;
  if (!organizationId) return null;
  return (
    <HoursVerification key={organizationId} organizationId={organizationId} organizationName={currentMembership?.organizationName ?? ''} />
  );
}

function HoursVerification({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message, notification } = App.useApp();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [bulk, setBulk] = useState<{ done: number; total: number } | null>(null);
  const totals = useEndpoint('organizationHours', { params: { organizationId } }, { live: ['hour-records'] });
  const rosters = useOrgRosters(organizationId, { pastDays: 30, futureDays: 0 });
  const rows = useMemo(
    () => (rosters.data ?? []).filter((entry) => Date.parse(entry.shift.startsAt) <= Date.now()).reverse(),
    [rosters.data],
  );
  const withCheckOuts = rows.filter((entry) => checkedOutCount(entry) > 0);

  const refresh = () => {
    void totals.refetch();
    void rosters.refetch();
  };

  const verifyShift = (entry: ShiftWithRoster) =>
    void run(
      `verify-${entry.shift.id}`,
      () => call('verifyShiftHours', { params: { shiftId: entry.shift.id } }),
      {
        success: (r) =>
          r.verified === 0
            ? t('hours.nothingPending')
            : t('hours.verifiedShift', { count: r.verified, duration: formatDuration(r.minutes, locale) }),
      },
    ).then(refresh);

  const verifyAll = async () => {
    setBulk({ done: 0, total: withCheckOuts.length });
    try {
      const results = await mapLimit(
        withCheckOuts,
        3,
        (entry) => call('verifyShiftHours', { params: { shiftId: entry.shift.id } }),
        (done, total) => setBulk({ done, total }),
      );
      const count = results.reduce((n, r) => n + r.verified, 0);
      const minutes = results.reduce((n, r) => n + r.minutes, 0);
      void message.success(
        count === 0 ? t('hours.nothingPending') : t('hours.verifiedShift', { count, duration: formatDuration(minutes, locale) }),
      );
    } catch (error) {
      notification.error({ message: t('actions.failed'), description: error instanceof Error ? error.message : String(error) });
    } finally {
      setBulk(null);
      refresh();
    }
  };

  const columns: ColumnsType<ShiftWithRoster> = [
    { title: t('hours.columns.need'), key: 'need', render: (_v, e) => <Link to={`/needs/${e.need.id}`}>{e.need.title}</Link> },
    { title: t('hours.columns.time'), key: 'time', render: (_v, e) => formatTimeRange(e.shift.startsAt, e.shift.endsAt, locale) },
    { title: t('hours.columns.confirmed'), key: 'confirmed', render: (_v, e) => e.roster.confirmedCount },
    { title: t('hours.columns.checkedOut'), key: 'out', render: (_v, e) => checkedOutCount(e) },
    {
      title: t('hours.columns.actions'),
      key: 'actions',
      render: (_v, e) => (
        <Flex gap={8} wrap>
          <Link to={`/shifts/${e.shift.id}`}>
            <Button size="small" icon={<TeamOutlined />}>
              {t('shifts.roster')}
            </Button>
          </Link>
          <Button
            size="small"
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={checkedOutCount(e) === 0 || bulk !== null}
            loading={pending === `verify-${e.shift.id}`}
            onClick={() => verifyShift(e)}
          >
            {t('hours.verifyShift')}
          </Button>
        </Flex>
      ),
    },
  ];

  const exportColumns = useMemo<ExportColumn<ShiftWithRoster>[]>(
    () => [
      { header: t('hours.columns.need'), value: (e) => e.need.title },
      { header: t('shifts.columns.startsAt'), value: (e) => new Date(e.shift.startsAt) },
      { header: t('shifts.columns.endsAt'), value: (e) => new Date(e.shift.endsAt) },
      { header: t('hours.columns.confirmed'), value: (e) => e.roster.confirmedCount },
      { header: t('hours.columns.checkedOut'), value: (e) => checkedOutCount(e) },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('hours.title')}
        subtitle={`${organizationName} · ${t('hours.subtitle')}`}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={refresh}>
              {t('buttons.refresh')}
            </Button>
            <ExportExcelButton
              fileName={`${organizationName}-${t('hours.exportName')}`}
              sheetName={t('hours.exportName')}
              columns={exportColumns}
              rows={rows}
            />
            <Popconfirm
              title={t('hours.verifyAllConfirm', { count: withCheckOuts.length })}
              description={t('hours.verifyShiftHint')}
              okText={t('hours.verifyAll')}
              cancelText={t('buttons.cancel')}
              onConfirm={() => void verifyAll()}
              disabled={withCheckOuts.length === 0}
            >
              <Button type="primary" icon={<CheckCircleOutlined />} disabled={withCheckOuts.length === 0} loading={bulk !== null}>
                {t('hours.verifyAll')}
              </Button>
            </Popconfirm>
          </>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('hours.pendingTotal')}
              value={minutesToHours(totals.data?.pendingMinutes ?? 0)}
              suffix={t('common.hoursUnit')}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('hours.verifiedTotal')}
              value={minutesToHours(totals.data?.verifiedMinutes ?? 0)}
              suffix={t('common.hoursUnit')}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('hours.volunteers')} value={totals.data?.volunteers ?? 0} />
          </Card>
        </Col>
      </Row>
      <Card>
        {bulk && (
          <Progress
            percent={bulk.total ? Math.round((bulk.done / bulk.total) * 100) : 0}
            format={() => `${bulk.done}/${bulk.total}`}
            style={{ marginBottom: 16 }}
          />
        )}
        {rosters.isError ? (
          <ErrorState error={rosters.error} onRetry={() => void rosters.refetch()} />
        ) : (
          <Table<ShiftWithRoster>
            rowKey={(e) => e.shift.id}
            dataSource={rows}
            columns={columns}
            loading={rosters.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('hours.empty')} hint={t('hours.emptyHint')} /> }}
          />
        )}
      </Card>
    </>
  );
}
