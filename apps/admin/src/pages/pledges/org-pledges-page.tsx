import { useMemo } from 'react';
import { useTable } from '@refinedev/antd';
import { useList, type CrudFilter } from '@refinedev/core';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PLEDGE_STATUSES, type NeedSummaryView, type PledgeStatus } from '@kindred/contracts';
import type { PledgeView } from '@kindred/contracts';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PledgeStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatMoney } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { useSession } from '../../session/use-session';
import { pledgeSummary } from './pledge-summary';

function filterValue(filters: readonly CrudFilter[], field: string): string | undefined {
  const found = filters.find((f) => 'field' in f && f.field === field);
  return found?.value as string | undefined;
}

/** Pledges to the selected NGO, waiting ones first by default; each opens to receipt, use and trail. */
export function OrgPledgesPage() {
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationKind === 'ngo' ? currentMembership.organizationId : null;
  if (!organizationId) return null;
  return <OrgPledges key={organizationId} organizationId={organizationId} organizationName={currentMembership?.organizationName ?? ''} />;
}

export function useNeedTitles(organizationId: string | null) {
  const { result } = useList<NeedSummaryView>({
    resource: 'needs',
    pagination: { mode: 'off' },
    filters: organizationId ? [{ field: 'organizationId', operator: 'eq', value: organizationId }] : [],
    queryOptions: { enabled: organizationId !== null },
  });
  return useMemo(() => new Map((result.data ?? []).map((n) => [n.id, n.title])), [result.data]);
}

function OrgPledges({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titles = useNeedTitles(organizationId);
  // `pledge.*` events (channel resources/pledges) refresh the list live.
  const { tableProps, filters, setFilters, tableQuery } = useTable<PledgeView>({
    resource: 'pledges',
    pagination: { pageSize: 20 },
    sorters: { mode: 'off' },
    filters: {
      permanent: [
        { field: 'view', operator: 'eq', value: 'organization' },
        { field: 'organizationId', operator: 'eq', value: organizationId },
      ],
    },
    syncWithLocation: false,
  });
  const rows = tableProps.dataSource as PledgeView[] | undefined;
  const status = filterValue(filters, 'status');

  const columns: ColumnsType<PledgeView> = [
    { title: t('pledges.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, locale, { withTime: true }) },
    {
      title: t('pledges.columns.need'),
      dataIndex: 'needId',
      render: (v: string | null) => (v ? <Link to={`/needs/${v}`}>{titles.get(v) ?? '…'}</Link> : '—'),
    },
    { title: t('pledges.columns.kind'), dataIndex: 'kind', render: (v: PledgeView['kind']) => t(`pledgeKinds.${v}`) },
    { title: t('pledges.columns.what'), key: 'what', render: (_v, p) => pledgeSummary(p, t, locale) },
    {
      title: t('pledges.columns.progress'),
      key: 'progress',
      render: (_v, p) =>
        p.kind === 'money'
          ? t('pledges.moneyProgress', { received: formatMoney(p.receivedFen ?? 0, locale), used: formatMoney(p.usedFen ?? 0, locale) })
          : p.lines
              .map((l) => t('pledges.lineProgress', { name: l.name, received: l.received, used: l.used, unit: l.unit }))
              .join(t('common.listSeparator')),
    },
    { title: t('pledges.columns.status'), dataIndex: 'status', render: (v: PledgeStatus) => <PledgeStatusTag status={v} /> },
    {
      title: t('pledges.columns.actions'),
      key: 'actions',
      render: (_v, p) => (
        <Link to={`/pledges/${p.id}`} data-testid={`open-pledge-${p.id}`}>
          <Button size="small" type={p.status === 'pledged' ? 'primary' : 'default'}>
            {p.status === 'pledged' ? t('pledges.receiveNow') : t('pledges.open')}
          </Button>
        </Link>
      ),
    },
  ];

  const exportColumns = useMemo<ExportColumn<PledgeView>[]>(
    () => [
      { header: t('pledges.columns.createdAt'), value: (p) => new Date(p.createdAt) },
      { header: t('pledges.columns.need'), value: (p) => (p.needId ? (titles.get(p.needId) ?? p.needId) : null) },
      { header: t('pledges.columns.kind'), value: (p) => t(`pledgeKinds.${p.kind}`) },
      { header: t('pledges.columns.what'), value: (p) => pledgeSummary(p, t, locale) },
      { header: t('pledges.columns.pledgedYuan'), value: (p) => (p.pledgedFen === null ? null : p.pledgedFen / 100) },
      { header: t('pledges.columns.receivedYuan'), value: (p) => (p.receivedFen === null ? null : p.receivedFen / 100) },
      { header: t('pledges.columns.usedYuan'), value: (p) => (p.usedFen === null ? null : p.usedFen / 100) },
      { header: t('pledges.columns.status'), value: (p) => t(`pledgeStatuses.${p.status}`) },
      { header: t('pledges.columns.onBehalfOf'), value: (p) => (p.onBehalfOf ? t('pledges.show.forCompany') : t('pledges.show.personal')) },
      { header: t('pledges.columns.id'), value: (p) => p.id },
    ],
    [t, locale, titles],
  );

  return (
    <>
      <PageHeader
        title={t('pledges.org.title')}
        subtitle={`${organizationName} · ${t('pledges.org.subtitle')}`}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void tableQuery.refetch()}>
              {t('buttons.refresh')}
            </Button>
            <ExportExcelButton
              fileName={`${organizationName}-${t('pledges.exportName')}`}
              sheetName={t('pledges.exportName')}
              columns={exportColumns}
              rows={rows}
            />
          </>
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('pledges.filters.status')}</Typography.Text>
          <Select<string>
            aria-label={t('pledges.filters.status')}
            style={{ width: 160 }}
            value={status ?? ''}
            onChange={(value) => setFilters([{ field: 'status', operator: 'eq', value: value || undefined }], 'merge')}
            options={[
              { value: '', label: t('needs.filters.all') },
              ...PLEDGE_STATUSES.map((s) => ({ value: s, label: t(`pledgeStatuses.${s}`) })),
            ]}
          />
        </Flex>
        {tableQuery.isError ? (
          <ErrorState error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
        ) : (
          <Table<PledgeView>
            {...tableProps}
            rowKey="id"
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('pledges.org.empty')} hint={t('pledges.org.emptyHint')} /> }}
          />
        )}
      </Card>
    </>
  );
}
