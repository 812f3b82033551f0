import { useMemo } from 'react';
import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HttpError } from '@refinedev/core';
import type { PledgeView } from '@kindred/contracts';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PledgeStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { pledgeSummary } from '../pledges/pledge-summary';

interface NeedPledgesCardProps {
  needTitle: string;
  rows: PledgeView[];
  isLoading: boolean;
  error: HttpError | null;
  onRetry(): void;
}

/** The pledges made to a need, for its organisation's members. */
export function NeedPledgesCard({ needTitle, rows, isLoading, error, onRetry }: NeedPledgesCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pledgeColumns: ColumnsType<PledgeView> = [
    { title: t('pledges.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, locale, { withTime: true }) },
    { title: t('pledges.columns.what'), key: 'what', render: (_v, p) => pledgeSummary(p, t, locale) },
    { title: t('pledges.columns.status'), dataIndex: 'status', render: (v: PledgeView['status']) => <PledgeStatusTag status={v} /> },
    { title: t('pledges.columns.actions'), key: 'actions', render: (_v, p) => <Link to={`/pledges/${p.id}`}>{t('pledges.open')}</Link> },
  ];
  const pledgeExport = useMemo<ExportColumn<PledgeView>[]>(
    () => [
      { header: t('pledges.columns.createdAt'), value: (p) => new Date(p.createdAt) },
      { header: t('pledges.columns.what'), value: (p) => pledgeSummary(p, t, locale) },
      { header: t('pledges.columns.status'), value: (p) => t(`pledgeStatuses.${p.status}`) },
      { header: t('pledges.columns.id'), value: (p) => p.id },
    ],
    [t, locale],
  );

  return (
    <Card
      title={t('needs.show.pledges')}
      extra={
        <ExportExcelButton
          size="small"
          fileName={`${needTitle}-${t('pledges.exportName')}`}
          sheetName={t('pledges.exportName')}
          columns={pledgeExport}
          rows={rows}
        />
      }
    >
      {error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : (
        <Table<PledgeView>
          rowKey="id"
          dataSource={rows}
          columns={pledgeColumns}
          loading={isLoading}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState title={t('pledges.emptyForNeed')} hint={t('pledges.emptyForNeedHint')} /> }}
        />
      )}
    </Card>
  );
}
