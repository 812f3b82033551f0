import { useMemo } from 'react';
import { useTable } from '@refinedev/antd';
import { Card, Col, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EmployeeHoursView, PledgeView } from '@kindred/contracts';
import { useEndpoint } from '../../api/use-endpoint';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PledgeStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatDuration, formatMoney, minutesToHours } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { useSession } from '../../session/use-session';
import { pledgeSummary } from '../pledges/pledge-summary';
import { useNeedsById } from '../../api/use-need-titles';

type Employee = EmployeeHoursView['employees'][number];

/** A company's giving: pledges made in its name, with their trails, and its employees' verified volunteer hours. */
export function CompanyGivingPage() {
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationKind === 'company' ? currentMembership.organizationId : null;
  if (!organizationId) return null;
  return (
    <CompanyGiving key={organizationId} organizationId={organizationId} organizationName={currentMembership?.organizationName ?? ''} />
  );
}

function CompanyGiving({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { tableProps, tableQuery } = useTable<PledgeView>({
    resource: 'pledges',
    pagination: { pageSize: 20 },
    sorters: { mode: 'off' },
    filters: {
      permanent: [
        { field: 'view', operator: 'eq', value: 'company' },
        { field: 'organizationId', operator: 'eq', value: organizationId },
      ],
    },
    syncWithLocation: false,
  });
  const pledges = useMemo(() => (tableProps.dataSource as PledgeView[] | undefined) ?? [], [tableProps.dataSource]);
  const needs = useNeedsById(pledges.flatMap((p) => (p.needId ? [p.needId] : [])));
  const hours = useEndpoint('employeeHours', { params: { organizationId } }, { live: ['hour-records'] });
  const moneyTotal = pledges.filter((p) => p.kind === 'money' && p.status !== 'cancelled').reduce((n, p) => n + (p.pledgedFen ?? 0), 0);

  const pledgeColumns: ColumnsType<PledgeView> = [
    { title: t('pledges.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, locale) },
    { title: t('pledges.columns.need'), dataIndex: 'needId', render: (v: string | null) => (v ? (needs.get(v)?.title ?? '…') : '—') },
    { title: t('pledges.columns.what'), key: 'what', render: (_v, p) => pledgeSummary(p, t, locale) },
    { title: t('pledges.columns.status'), dataIndex: 'status', render: (v: PledgeView['status']) => <PledgeStatusTag status={v} /> },
    {
      title: t('pledges.columns.actions'),
      key: 'actions',
      render: (_v, p) => <Link to={`/donor/pledges/${p.id}`}>{t('donor.pledges.trail')}</Link>,
    },
  ];
  const pledgeExport: ExportColumn<PledgeView>[] = [
    { header: t('pledges.columns.createdAt'), value: (p) => new Date(p.createdAt) },
    { header: t('pledges.columns.need'), value: (p) => (p.needId ? (needs.get(p.needId)?.title ?? p.needId) : null) },
    { header: t('pledges.columns.organization'), value: (p) => (p.needId ? (needs.get(p.needId)?.organizationName ?? null) : null) },
    { header: t('pledges.columns.what'), value: (p) => pledgeSummary(p, t, locale) },
    { header: t('pledges.columns.pledgedYuan'), value: (p) => (p.pledgedFen === null ? null : p.pledgedFen / 100) },
    { header: t('pledges.columns.status'), value: (p) => t(`pledgeStatuses.${p.status}`) },
  ];
  const employeeColumns: ColumnsType<Employee> = [
    { title: t('company.columns.employee'), dataIndex: 'displayName' },
    { title: t('company.columns.hours'), dataIndex: 'minutes', render: (v: number) => formatDuration(v, locale) },
  ];
  const employeeExport: ExportColumn<Employee>[] = [
    { header: t('company.columns.employee'), value: (e) => e.displayName },
    { header: t('company.columns.minutes'), value: (e) => e.minutes },
    { header: t('company.columns.hours'), value: (e) => minutesToHours(e.minutes) },
  ];

  return (
    <>
      <PageHeader title={t('company.title')} subtitle={`${organizationName} · ${t('company.subtitle')}`} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('company.pledgeCount')} value={pledges.length} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('company.moneyPledged')} value={formatMoney(moneyTotal, locale)} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('company.employeeHours')}
              value={minutesToHours(hours.data?.verifiedMinutes ?? 0)}
              suffix={t('common.hoursUnit')}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('company.pledges')}
            extra={
              <ExportExcelButton
                size="small"
                fileName={`${organizationName}-${t('company.pledgesExport')}`}
                sheetName={t('company.pledgesExport')}
                columns={pledgeExport}
                rows={pledges}
              />
            }
          >
            {tableQuery.isError ? (
              <ErrorState error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
            ) : (
              <Table<PledgeView>
                {...tableProps}
                rowKey="id"
                columns={pledgeColumns}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <EmptyState title={t('company.noPledges')} hint={t('company.noPledgesHint')} /> }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('company.employees')}
            extra={
              <ExportExcelButton
                size="small"
                fileName={`${organizationName}-${t('company.employeesExport')}`}
                sheetName={t('company.employeesExport')}
                columns={employeeExport}
                rows={hours.data?.employees}
              />
            }
          >
            {hours.isError ? (
              <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
            ) : (
              <Table<Employee>
                rowKey="userId"
                dataSource={hours.data?.employees}
                columns={employeeColumns}
                loading={hours.isLoading}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: <EmptyState title={t('company.noEmployees')} hint={t('company.noEmployeesHint')} /> }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
