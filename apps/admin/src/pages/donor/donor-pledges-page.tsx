import { useMemo } from 'react';
import { useList } from '@refinedev/core';
import { ArrowRightOutlined, GiftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PledgeView } from '@kindred/contracts';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';
import { PledgeStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { pledgeSummary } from '../pledges/pledge-summary';
import { useNeedsById } from '../../api/use-need-titles';

/** The donor's own pledges, newest first, each opening its trail; refreshed live as the NGO receives and uses them. */
export function DonorPledgesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  // A person's pledges are few: read them all, page on the phone.
  const { result, query: tableQuery } = useList<PledgeView>({
    resource: 'pledges',
    pagination: { mode: 'off' },
    filters: [{ field: 'view', operator: 'eq', value: 'mine' }],
  });
  const rows = useMemo(() => result.data ?? [], [result.data]);
  const needs = useNeedsById(rows.flatMap((p) => (p.needId ? [p.needId] : [])));

  const exportColumns: ExportColumn<PledgeView>[] = [
    { header: t('pledges.columns.createdAt'), value: (p) => new Date(p.createdAt) },
    { header: t('pledges.columns.need'), value: (p) => (p.needId ? (needs.get(p.needId)?.title ?? p.needId) : null) },
    { header: t('pledges.columns.organization'), value: (p) => (p.needId ? (needs.get(p.needId)?.organizationName ?? null) : null) },
    { header: t('pledges.columns.what'), value: (p) => pledgeSummary(p, t, locale) },
    { header: t('pledges.columns.status'), value: (p) => t(`pledgeStatuses.${p.status}`) },
  ];

  return (
    <PortalColumn testId="donor-pledges">
      <PageHeader
        title={t('donor.pledges.title')}
        subtitle={t('donor.pledges.subtitle')}
        extra={<ExportExcelButton fileName={t('donor.pledges.exportName')} columns={exportColumns} rows={rows} size="small" />}
      />
      {tableQuery.isError ? (
        <ErrorState error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
      ) : (
        <List<PledgeView>
          loading={tableQuery.isLoading}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{
            emptyText: (
              <EmptyState
                title={t('donor.pledges.emptyTitle')}
                hint={t('donor.pledges.emptyDescription')}
                action={
                  <Link to="/donor/needs">
                    <Button type="primary" icon={<GiftOutlined />}>
                      {t('donor.pledges.browse')}
                    </Button>
                  </Link>
                }
              />
            ),
          }}
          renderItem={(pledge) => (
            <Card size="small" style={{ marginBottom: 12 }} data-testid={`my-pledge-${pledge.id}`}>
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8} align="start">
                  <Typography.Text strong>{pledge.needId ? (needs.get(pledge.needId)?.title ?? '…') : t('pledges.noNeed')}</Typography.Text>
                  <PledgeStatusTag status={pledge.status} />
                </Flex>
                {pledge.needId && needs.get(pledge.needId)?.organizationName && (
                  <Typography.Text type="secondary">{needs.get(pledge.needId)?.organizationName}</Typography.Text>
                )}
                <Typography.Text>{pledgeSummary(pledge, t, locale)}</Typography.Text>
                <Flex justify="space-between" align="center">
                  <Typography.Text type="secondary">{formatDate(pledge.createdAt, locale, { withTime: true })}</Typography.Text>
                  <Link to={`/donor/pledges/${pledge.id}`}>
                    <Button type="link" icon={<ArrowRightOutlined />} iconPosition="end" data-testid={`open-trail-${pledge.id}`}>
                      {t('donor.pledges.trail')}
                    </Button>
                  </Link>
                </Flex>
              </Flex>
            </Card>
          )}
        />
      )}
    </PortalColumn>
  );
}
