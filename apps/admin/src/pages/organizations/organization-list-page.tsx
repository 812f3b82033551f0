import { useMemo } from 'react';
import { useTable } from '@refinedev/antd';
import type { CrudFilter } from '@refinedev/core';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORGANIZATION_STATUSES, type OrganizationKind, type OrganizationStatus, type OrganizationView } from '@kindred/contracts';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { OrganizationStatusBadge } from '../../components/organization-status-badge';
import { PageHeader } from '../../components/page-header';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { OrganizationActions } from './organization-actions';

const KINDS: readonly Exclude<OrganizationKind, 'platform'>[] = ['ngo', 'company'];

function filterValue(filters: readonly CrudFilter[], field: string): string | undefined {
  const found = filters.find((f) => 'field' in f && f.field === field);
  return found?.value as string | undefined;
}

/** Platform administrators: every organisation, filterable, with verify and suspend. */
export function OrganizationListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { tableProps, filters, setFilters, tableQuery } = useTable<OrganizationView>({
    resource: 'organizations',
    pagination: { pageSize: 20 },
    // Only newest-first is offered by the API; no sorters are sent.
    sorters: { mode: 'off' },
    filters: { initial: [{ field: 'status', operator: 'eq', value: 'unverified' }] },
  });
  const rows = tableProps.dataSource as OrganizationView[] | undefined;
  const status = filterValue(filters, 'status');
  const kind = filterValue(filters, 'kind');

  const setFilter = (field: 'status' | 'kind', value: string | undefined) =>
    setFilters([{ field, operator: 'eq', value: value || undefined }], 'merge');

  const columns: ColumnsType<OrganizationView> = [
    {
      title: t('organizations.list.columns.name'),
      dataIndex: 'name',
      render: (name: string, org) => <Link to={`/organizations/${org.id}`}>{name}</Link>,
    },
    {
      title: t('organizations.list.columns.kind'),
      dataIndex: 'kind',
      render: (value: OrganizationKind) => <Tag>{t(`organizationKinds.${value}`)}</Tag>,
    },
    { title: t('organizations.list.columns.regionCode'), dataIndex: 'regionCode' },
    {
      title: t('organizations.list.columns.status'),
      dataIndex: 'status',
      render: (value: OrganizationStatus) => <OrganizationStatusBadge status={value} />,
    },
    {
      title: t('organizations.list.columns.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => formatDate(value, locale, { withTime: true }),
    },
    {
      title: t('organizations.list.columns.actions'),
      key: 'actions',
      render: (_value, org) => <OrganizationActions organization={org} />,
    },
  ];

  const exportColumns = useMemo<ExportColumn<OrganizationView>[]>(
    () => [
      { header: t('organizations.list.columns.name'), value: (o) => o.name },
      { header: t('organizations.list.columns.kind'), value: (o) => t(`organizationKinds.${o.kind}`) },
      { header: t('organizations.list.columns.regionCode'), value: (o) => o.regionCode },
      { header: t('organizations.list.columns.status'), value: (o) => t(`organizationStatuses.${o.status}`) },
      { header: t('organizations.list.columns.createdAt'), value: (o) => new Date(o.createdAt) },
      { header: t('organizations.list.columns.id'), value: (o) => o.id },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('organizations.list.title')}
        subtitle={t('organizations.list.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void tableQuery.refetch()}>
              {t('buttons.refresh')}
            </Button>
            <ExportExcelButton fileName={t('organizations.list.exportName')} columns={exportColumns} rows={rows} />
          </>
        }
      />
      <Card>
        <Flex gap={16} wrap style={{ marginBottom: 16 }}>
          <Flex gap={8} align="center">
            <Typography.Text>{t('organizations.list.filters.status')}</Typography.Text>
            <Select<string>
              aria-label={t('organizations.list.filters.status')}
              style={{ width: 140 }}
              value={status ?? ''}
              onChange={(value) => setFilter('status', value)}
              options={[
                { value: '', label: t('organizations.list.filters.all') },
                ...ORGANIZATION_STATUSES.map((s) => ({ value: s, label: t(`organizationStatuses.${s}`) })),
              ]}
              data-testid="status-filter"
            />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text>{t('organizations.list.filters.kind')}</Typography.Text>
            <Select<string>
              aria-label={t('organizations.list.filters.kind')}
              style={{ width: 140 }}
              value={kind ?? ''}
              onChange={(value) => setFilter('kind', value)}
              options={[
                { value: '', label: t('organizations.list.filters.all') },
                ...KINDS.map((k) => ({ value: k, label: t(`organizationKinds.${k}`) })),
              ]}
            />
          </Flex>
        </Flex>
        {tableQuery.isError ? (
          <ErrorState error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
        ) : (
          <Table<OrganizationView>
            {...tableProps}
            rowKey="id"
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: <EmptyState title={t('organizations.list.empty')} hint={t('organizations.list.emptyHint')} />,
            }}
          />
        )}
      </Card>
    </>
  );
}
