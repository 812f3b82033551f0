import { useMemo, useState } from 'react';
import { ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import type { SafeguardingStandingView } from '@kindred/contracts';
import { Button, Card, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useEndpointMany } from '../../api/use-endpoint';
import { useOrgRosters } from '../../api/use-org-rosters';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { SafeguardingTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { summarizeVolunteers, type VolunteerSummary } from '../../lib/volunteer-directory';
import { canAccess } from '../../navigation/access';
import { useSession } from '../../session/use-session';
import { SafeguardingDrawer } from './safeguarding-drawer';

type Row = VolunteerSummary & { standing?: SafeguardingStandingView };

export function VolunteersPage() {
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationKind === 'ngo' ? currentMembership.organizationId : null;
  if (!organizationId) return null;
  return <Volunteers key={organizationId} organizationId={organizationId} organizationName={currentMembership?.organizationName ?? ''} />;
}

/** Volunteers who signed up for the NGO's shifts in the last six months or the next three, with their safeguarding standing. */
function Volunteers({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { access } = useSession();
  const canRecord = canAccess('ngoCoordinator', access);
  const [checking, setChecking] = useState<{ userId: string; displayName: string } | null>(null);
  const rosters = useOrgRosters(organizationId, { pastDays: 180, futureDays: 90 });
  const volunteers = useMemo(() => summarizeVolunteers(rosters.data ?? []), [rosters.data]);
  const ids = volunteers.map((v) => v.userId);
  const standings = useEndpointMany('volunteerSafeguarding', ids);
  const rows: Row[] = volunteers.map((v) => ({ ...v, standing: standings.data?.get(v.userId) }));

  const columns: ColumnsType<Row> = [
    { title: t('volunteers.columns.name'), dataIndex: 'displayName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('volunteers.columns.signups'), dataIndex: 'signups' },
    { title: t('volunteers.columns.completed'), dataIndex: 'completed' },
    { title: t('volunteers.columns.noShows'), dataIndex: 'noShows' },
    {
      title: t('volunteers.columns.nextShift'),
      dataIndex: 'nextShiftAt',
      render: (v: string | null) => formatDate(v, locale, { withTime: true }),
    },
    {
      title: t('volunteers.columns.lastShift'),
      dataIndex: 'lastShiftAt',
      render: (v: string | null) => formatDate(v, locale, { withTime: true }),
    },
    {
      title: t('volunteers.columns.safeguarding'),
      key: 'standing',
      render: (_v, row) =>
        row.standing ? (
          <Flex gap={4} align="center" wrap>
            <SafeguardingTag status={row.standing.status} />
            {row.standing.validUntil && (
              <Typography.Text type="secondary">
                {t('volunteers.until', { date: formatDate(row.standing.validUntil, locale) })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          '…'
        ),
    },
    {
      title: t('volunteers.columns.actions'),
      key: 'actions',
      render: (_v, row) => (
        <Button size="small" icon={<SafetyOutlined />} onClick={() => setChecking({ userId: row.userId, displayName: row.displayName })}>
          {canRecord ? t('volunteers.recordCheck') : t('volunteers.viewCheck')}
        </Button>
      ),
    },
  ];

  const exportColumns = useMemo<ExportColumn<Row>[]>(
    () => [
      { header: t('volunteers.columns.name'), value: (r) => r.displayName },
      { header: t('volunteers.columns.signups'), value: (r) => r.signups },
      { header: t('volunteers.columns.completed'), value: (r) => r.completed },
      { header: t('volunteers.columns.noShows'), value: (r) => r.noShows },
      { header: t('volunteers.columns.nextShift'), value: (r) => (r.nextShiftAt ? new Date(r.nextShiftAt) : null) },
      { header: t('volunteers.columns.lastShift'), value: (r) => (r.lastShiftAt ? new Date(r.lastShiftAt) : null) },
      { header: t('volunteers.columns.safeguarding'), value: (r) => (r.standing ? t(`safeguardingStatuses.${r.standing.status}`) : null) },
      { header: t('safeguarding.validUntil'), value: (r) => (r.standing?.validUntil ? new Date(r.standing.validUntil) : null) },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('volunteers.title')}
        subtitle={`${organizationName} · ${t('volunteers.subtitle')}`}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void rosters.refetch()}>
              {t('buttons.refresh')}
            </Button>
            <ExportExcelButton
              fileName={`${organizationName}-${t('volunteers.exportName')}`}
              sheetName={t('volunteers.exportName')}
              columns={exportColumns}
              rows={rows}
            />
          </>
        }
      />
      <Card>
        {rosters.isError ? (
          <ErrorState error={rosters.error} onRetry={() => void rosters.refetch()} />
        ) : (
          <Table<Row>
            rowKey="userId"
            dataSource={rows}
            columns={columns}
            loading={rosters.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('volunteers.empty')} hint={t('volunteers.emptyHint')} /> }}
          />
        )}
      </Card>
      <SafeguardingDrawer
        volunteer={checking}
        organizationId={organizationId}
        canRecord={canRecord}
        onClose={() => {
          setChecking(null);
          void standings.refetch();
        }}
      />
    </>
  );
}
