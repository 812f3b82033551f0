import { useState, type HTMLAttributes } from 'react';
import { useTable } from '@refinedev/antd';
import type { CrudFilter } from '@refinedev/core';
import { DiffOutlined, DownOutlined, FileExcelOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Dropdown, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AGE_BANDS,
  CHILD_STATUSES,
  IN_DIFFICULTY_CATEGORIES,
  LEFT_BEHIND_CATEGORIES,
  type AgeBand,
  type ChildListRow,
  type ChildStatus,
} from '@kindred/contracts';
import { AgeBandTag, CategoryTags, RiskTag } from '../../components/children/child-tags';
import { useChildrenRole } from '../../components/children/children-data';
import { downloadRegistryExport, downloadSubmission } from '../../components/children/registry-export';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { problemMessage } from '../../i18n/problem-messages';
import type { QueryValue } from '../../providers/api-client';
import { useSession } from '../../session/use-session';

/** `group:<name>` picks every category of a group (sent as a comma list); anything else is one category code. */
const GROUPS = { left_behind: LEFT_BEHIND_CATEGORIES, in_difficulty: IN_DIFFICULTY_CATEGORIES } as const;
type GroupName = keyof typeof GROUPS;

export function categoryFilterValue(choice: string | undefined): string | undefined {
  if (!choice) return undefined;
  if (choice.startsWith('group:')) return GROUPS[choice.slice('group:'.length) as GroupName].join(',');
  return choice;
}

function filterValue(filters: readonly CrudFilter[], field: string): string | undefined {
  const found = filters.find((f) => 'field' in f && f.field === field);
  return found?.value as string | undefined;
}

const OVERDUE_ROW_STYLE = { background: '#fff1f0' };

/** The selected NGO's children: filters, overdue visits highlighted, export without identity. */
export function ChildListPage() {
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationKind === 'ngo' ? currentMembership.organizationId : null;
  if (!organizationId) return null;
  return <ChildTable key={organizationId} organizationId={organizationId} organizationName={currentMembership?.organizationName ?? ''} />;
}

function ChildTable({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { notification } = App.useApp();
  const { role } = useChildrenRole(organizationId);
  const [categoryChoice, setCategoryChoice] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);
  const { tableProps, filters, setFilters, tableQuery } = useTable<ChildListRow>({
    resource: 'children',
    meta: { path: `organizations/${organizationId}/children` },
    pagination: { pageSize: 20 },
    sorters: { mode: 'off' },
    filters: { initial: [{ field: 'status', operator: 'eq', value: 'active' }] },
    syncWithLocation: false,
  });
  const rows = (tableProps.dataSource as ChildListRow[] | undefined) ?? [];
  const setFilter = (field: string, value: QueryValue) =>
    setFilters([{ field, operator: 'eq', value: value === '' || value === false ? undefined : value }], 'merge');
  const filtered = filters.some((f) => 'field' in f && f.field !== 'status' && f.value !== undefined);
  // Identity comes only from the server's answer to owners and coordinators; shown only to them.
  const showLegalName = role === 'identity' && rows.some((r) => typeof r.legalName === 'string' && r.legalName !== '');
  const total = tableProps.pagination ? tableProps.pagination.total : undefined;

  const columns: ColumnsType<ChildListRow> = [
    {
      title: t('children.columns.alias'),
      dataIndex: 'alias',
      render: (alias: string, child) => (
        <Link to={`/children/${child.id}`} data-testid={`child-link-${child.id}`}>
          {alias}
        </Link>
      ),
    },
    ...(showLegalName ? [{ title: t('children.columns.legalName'), dataIndex: 'legalName', render: (v?: string) => v ?? '—' }] : []),
    { title: t('children.columns.gender'), dataIndex: 'gender', render: (v: ChildListRow['gender']) => t(`children.genders.${v}`) },
    { title: t('children.columns.ageBand'), dataIndex: 'ageBand', render: (v: AgeBand) => <AgeBandTag ageBand={v} /> },
    { title: t('children.columns.region'), dataIndex: 'regionCode' },
    {
      title: t('children.columns.categories'),
      dataIndex: 'categories',
      render: (_v, child) => <CategoryTags categories={child.categories} />,
    },
    { title: t('children.columns.riskLevel'), dataIndex: 'riskLevel', render: (_v, child) => <RiskTag level={child.riskLevel} /> },
    {
      title: t('children.columns.nextVisitDue'),
      dataIndex: 'nextVisitDue',
      render: (_v, child) => (
        <Flex gap={4} wrap align="center">
          <Typography.Text type={child.visitOverdue ? 'danger' : undefined}>{formatDate(child.nextVisitDue, locale)}</Typography.Text>
          {child.visitOverdue && (
            <Tag color="red" data-testid={`overdue-${child.id}`}>
              {t('children.list.overdue')}
            </Tag>
          )}
          {child.parentContactOverdue && <Tag color="orange">{t('children.list.parentContactOverdue')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('children.columns.status'),
      dataIndex: 'status',
      render: (v: ChildStatus) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`children.statuses.${v}`)}</Tag>,
    },
  ];

  const onExport = async () => {
    setExporting(true);
    try {
      const query: Record<string, QueryValue> = {};
      for (const f of filters) if ('field' in f && f.value !== undefined) query[f.field] = f.value as QueryValue;
      await downloadRegistryExport(organizationId, query, `${organizationName}-${t('children.list.exportName')}`);
    } catch (error) {
      notification.error({ message: t('children.list.exportFailed'), description: problemMessage(error) });
    } finally {
      setExporting(false);
    }
  };

  const onSubmission = async (year: number) => {
    setExporting(true);
    try {
      await downloadSubmission(organizationId, year, `${organizationName}-${t('children.register.submission')}-${year}`);
    } catch (error) {
      notification.error({ message: t('children.list.exportFailed'), description: problemMessage(error) });
    } finally {
      setExporting(false);
    }
  };
  const thisYear = new Date().getFullYear();

  const categoryOptions = (Object.keys(GROUPS) as GroupName[]).map((group) => ({
    label: t(`children.groups.${group}`),
    options: [
      { value: `group:${group}`, label: `${t(`children.groups.${group}`)} (${t('children.list.all')})` },
      ...GROUPS[group].map((c) => ({ value: c, label: t(`children.categories.${c}`) })),
    ],
  }));

  return (
    <>
      <PageHeader
        title={t('children.list.title')}
        subtitle={`${organizationName} · ${t('children.list.subtitle')}`}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void tableQuery.refetch()}>
              {t('buttons.refresh')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void onExport()} data-testid="export-children">
              {t('children.list.export')}
            </Button>
            {role === 'identity' && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [thisYear, thisYear - 1, thisYear - 2].map((year) => ({
                    key: String(year),
                    label: `${t('children.register.year')} ${year}`,
                  })),
                  onClick: ({ key }) => void onSubmission(Number(key)),
                }}
              >
                <Button icon={<FileExcelOutlined />} loading={exporting} data-testid="export-submission">
                  {t('children.register.submission')} <DownOutlined />
                </Button>
              </Dropdown>
            )}
            {role === 'identity' && (
              <Link to="/children/register-comparison">
                <Button icon={<DiffOutlined />} data-testid="compare-register">
                  {t('children.register.compare')}
                </Button>
              </Link>
            )}
            {role === 'identity' && (
              <Link to="/children/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="register-child">
                  {t('children.list.register')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('children.filters.search')}
            aria-label={t('children.filters.search')}
            onSearch={(value) => setFilter('q', value.trim())}
          />
          <Select<string>
            allowClear
            style={{ width: 220 }}
            placeholder={t('children.filters.category')}
            aria-label={t('children.filters.category')}
            value={categoryChoice}
            onChange={(value) => {
              setCategoryChoice(value);
              setFilter('category', categoryFilterValue(value));
            }}
            options={categoryOptions}
          />
          <Select<AgeBand>
            allowClear
            style={{ width: 130 }}
            placeholder={t('children.filters.ageBand')}
            aria-label={t('children.filters.ageBand')}
            value={filterValue(filters, 'ageBand') as AgeBand | undefined}
            onChange={(value) => setFilter('ageBand', value)}
            options={AGE_BANDS.map((b) => ({ value: b, label: t(`children.ageBands.${b}`) }))}
          />
          <Input
            allowClear
            style={{ width: 150 }}
            placeholder={t('children.filters.region')}
            aria-label={t('children.filters.region')}
            onChange={(event) => {
              const value = event.target.value.trim();
              if (value === '' || /^\d{6}(\d{3})?$/.test(value)) setFilter('regionCode', value);
            }}
          />
          <Select<ChildStatus>
            allowClear
            style={{ width: 110 }}
            placeholder={t('children.filters.status')}
            aria-label={t('children.filters.status')}
            value={filterValue(filters, 'status') as ChildStatus | undefined}
            onChange={(value) => setFilter('status', value)}
            options={CHILD_STATUSES.map((s) => ({ value: s, label: t(`children.statuses.${s}`) }))}
          />
          <Checkbox onChange={(event) => setFilter('visitOverdue', event.target.checked)} data-testid="filter-overdue">
            {t('children.filters.overdue')}
          </Checkbox>
          {typeof total === 'number' && <Typography.Text type="secondary">{t('children.list.total', { total })}</Typography.Text>}
        </Flex>
        {tableQuery.isError ? (
          <ErrorState error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
        ) : (
          <Table<ChildListRow>
            {...tableProps}
            rowKey="id"
            columns={columns}
            scroll={{ x: true }}
            onRow={(child) =>
              child.visitOverdue
                ? ({ style: OVERDUE_ROW_STYLE, 'data-overdue': 'true' } as HTMLAttributes<HTMLElement>)
                : ({ 'data-overdue': 'false' } as HTMLAttributes<HTMLElement>)
            }
            locale={{
              emptyText: (
                <EmptyState
                  title={filtered ? t('children.list.emptyFiltered') : t('children.list.empty')}
                  hint={filtered ? undefined : t('children.list.emptyHint')}
                />
              ),
            }}
          />
        )}
      </Card>
    </>
  );
}
