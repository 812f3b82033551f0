import { useMemo } from 'react';
import { useTable } from '@refinedev/antd';
import type { CrudFilter } from '@refinedev/core';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEED_STATUSES, NEED_TYPES, type NeedStatus, type NeedSummaryView, type NeedType } from '@kindred/contracts';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { NeedStatusTag, NeedTypeTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatMoney } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { canAccess } from '../../navigation/access';
import { useSession } from '../../session/use-session';

function filterValue(filters: readonly CrudFilter[], field: string): string | undefined {
  const found = filters.find((f) => 'field' in f && f.field === field);
  return found?.value as string | undefined;
}

/** The selected NGO's needs (drafts included), filterable by status and type; refreshed live. */
export function NeedListPage() {
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationKind === 'ngo' ? currentMembership.organizationId : null;
  if (!organizationId) return null;
  return <NeedTable key={organizationId} organizationId={organizationId} organizationName={currentMembership?.organizationName ?? ''} />;
}

function NeedTable({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { access } = useSession();
  const canPlan = canAccess('ngoCoordinator', access);
  const { tableProps, filters, setFilters, tableQuery } = useTable<NeedSummaryView>({
    resource: 'needs',
    pagination: { pageSize: 20 },
    sorters: { mode: 'off' },
    filters: { permanent: [{ field: 'organizationId', operator: 'eq', value: organizationId }] },
    syncWithLocation: false,
  });
  const rows = tableProps.dataSource as NeedSummaryView[] | undefined;
  const status = filterValue(filters, 'status');
  const type = filterValue(filters, 'type');
  const setFilter = (field: 'status' | 'type', value: string | undefined) =>
    setFilters([{ field, operator: 'eq', value: value || undefined }], 'merge');

  const columns: ColumnsType<NeedSummaryView> = [
    {
      title: t('needs.columns.title'),
      dataIndex: 'title',
      render: (title: string, need) => (
        <Link to={`/needs/${need.id}`} data-testid={`need-link-${need.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('needs.columns.type'), dataIndex: 'type', render: (value: NeedType) => <NeedTypeTag type={value} /> },
    { title: t('needs.columns.status'), dataIndex: 'status', render: (value: NeedStatus) => <NeedStatusTag status={value} /> },
    { title: t('needs.columns.regionCode'), dataIndex: 'regionCode' },
    { title: t('needs.columns.beneficiaryCount'), dataIndex: 'beneficiaryCount' },
    {
      title: t('needs.columns.publishedAt'),
      dataIndex: 'publishedAt',
      render: (value: string | null, need) => formatDate(value ?? need.createdAt, locale),
    },
  ];

  const exportColumns = useMemo<ExportColumn<NeedSummaryView>[]>(
    () => [
      { header: t('needs.columns.title'), value: (n) => n.title },
      { header: t('needs.columns.type'), value: (n) => t(`needTypes.${n.type}`) },
      { header: t('needs.columns.status'), value: (n) => t(`needStatuses.${n.status}`) },
      { header: t('needs.columns.regionCode'), value: (n) => n.regionCode },
      { header: t('needs.columns.beneficiaryCount'), value: (n) => n.beneficiaryCount },
      { header: t('needs.columns.childContact'), value: (n) => (n.childContact ? t('common.yes') : t('common.no')) },
      { header: t('needs.columns.target'), value: (n) => (n.targetFen === null ? null : formatMoney(n.targetFen, locale)) },
      { header: t('needs.columns.publishedAt'), value: (n) => (n.publishedAt ? new Date(n.publishedAt) : null) },
      { header: t('needs.columns.createdAt'), value: (n) => new Date(n.createdAt) },
      { header: t('needs.columns.id'), value: (n) => n.id },
    ],
    [t, locale],
  );

  return (
    <>
      <PageHeader
        title={t('needs.list.title')}
        subtitle={`${organizationName} · ${t('needs.list.subtitle')}`}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void tableQuery.refetch()}>
              {t('buttons.refresh')}
            </Button>
            <ExportExcelButton
              fileName={`${organizationName}-${t('needs.list.exportName')}`}
              sheetName={t('needs.list.exportName')}
              columns={exportColumns}
              rows={rows}
            />
            {canPlan && (
              <Link to="/needs/create">
                <Button type="primary" icon={<PlusOutlined />} data-testid="create-need">
                  {t('needs.list.create')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={16} wrap style={{ marginBottom: 16 }}>
          <Flex gap={8} align="center">
            <Typography.Text>{t('needs.filters.status')}</Typography.Text>
            <Select<string>
              aria-label={t('needs.filters.status')}
              style={{ width: 140 }}
              value={status ?? ''}
              onChange={(value) => setFilter('status', value)}
              options={[
                { value: '', label: t('needs.filters.all') },
                ...NEED_STATUSES.map((s) => ({ value: s, label: t(`needStatuses.${s}`) })),
              ]}
              data-testid="need-status-filter"
            />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text>{t('needs.filters.type')}</Typography.Text>
            <Select<string>
              aria-label={t('needs.filters.type')}
              style={{ width: 160 }}
              value={type ?? ''}
              onChange={(value) => setFilter('type', value)}
              options={[{ value: '', label: t('needs.filters.all') }, ...NEED_TYPES.map((k) => ({ value: k, label: t(`needTypes.${k}`) }))]}
            />
          </Flex>
        </Flex>
        {tableQuery.isError ? (
          <ErrorState error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
        ) : (
          <Table<NeedSummaryView>
            {...tableProps}
            rowKey="id"
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <EmptyState
                  title={status || type ? t('needs.list.emptyFiltered') : t('needs.list.empty')}
                  hint={
                    status || type
                      ? t('needs.list.emptyFilteredHint')
                      : canPlan
                        ? t('needs.list.emptyHint')
                        : t('needs.list.emptyHintStaff')
                  }
                  action={
                    canPlan && !status && !type ? (
                      <Link to="/needs/create">
                        <Button type="primary" icon={<PlusOutlined />}>
                          {t('needs.list.create')}
                        </Button>
                      </Link>
                    ) : undefined
                  }
                />
              ),
            }}
          />
        )}
      </Card>
    </>
  );
}
