import { useState, type ReactNode } from 'react';
import { useInfiniteList } from '@refinedev/core';
import { Button, Flex, Input, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { NEED_TYPES, type NeedSummaryView, type NeedType } from '@kindred/contracts';
import { useSkills } from '../api/use-skills';
import { ExportExcelButton } from './export-excel-button';
import type { ExportColumn } from '../export/xlsx-export';
import { EmptyState, ErrorState } from './list-states';
import { NeedCard } from './need-card';

export interface NeedBrowserProps {
  /** The button of each card, e.g. "sign up" or "pledge". */
  action(need: NeedSummaryView): ReactNode;
  initialType?: NeedType;
  exportName: string;
  emptyHint: string;
}

/** Open needs of every verified organisation, newest first, filterable by type and region, a page at a time. */
export function NeedBrowser({ action, initialType, exportName, emptyHint }: NeedBrowserProps) {
  const { t } = useTranslation();
  const { label } = useSkills();
  const [type, setType] = useState<NeedType | ''>(initialType ?? '');
  const [regionCode, setRegionCode] = useState('');
  const { result, query } = useInfiniteList<NeedSummaryView>({
    resource: 'needs',
    pagination: { pageSize: 12 },
    filters: [
      { field: 'status', operator: 'eq', value: 'open' },
      { field: 'type', operator: 'eq', value: type || undefined },
      { field: 'regionCode', operator: 'eq', value: regionCode || undefined },
    ],
  });
  const needs = (result.data?.pages ?? []).flatMap((page) => page.data);
  const exportColumns: ExportColumn<NeedSummaryView>[] = [
    { header: t('needs.columns.title'), value: (n) => n.title },
    { header: t('needs.columns.organization'), value: (n) => n.organizationName },
    { header: t('needs.columns.type'), value: (n) => t(`needTypes.${n.type}`) },
    { header: t('needs.columns.regionCode'), value: (n) => n.regionCode },
    { header: t('needs.columns.beneficiaryCount'), value: (n) => n.beneficiaryCount },
    { header: t('needs.columns.publishedAt'), value: (n) => (n.publishedAt ? new Date(n.publishedAt) : null) },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select<NeedType | ''>
          aria-label={t('needs.filters.type')}
          style={{ flex: '1 1 140px' }}
          value={type}
          onChange={setType}
          options={[
            { value: '', label: t('needs.filters.allTypes') },
            ...NEED_TYPES.map((k) => ({ value: k, label: t(`needTypes.${k}`) })),
          ]}
        />
        <Input.Search
          allowClear
          style={{ flex: '1 1 160px' }}
          placeholder={t('needs.filters.regionCode')}
          aria-label={t('needs.filters.regionCode')}
          inputMode="numeric"
          onSearch={(value) => setRegionCode(value.trim())}
        />
        <ExportExcelButton fileName={exportName} columns={exportColumns} rows={needs} />
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isLoading ? (
        <Skeleton active />
      ) : needs.length === 0 ? (
        <EmptyState
          title={type || regionCode ? t('needs.list.emptyFiltered') : t('needs.browse.empty')}
          hint={type || regionCode ? t('needs.list.emptyFilteredHint') : emptyHint}
        />
      ) : (
        <>
          {needs.map((need) => (
            <NeedCard key={need.id} need={need} action={action(need)} skillLabel={label} />
          ))}
          {result.hasNextPage && (
            <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} block>
              {t('needs.browse.more')}
            </Button>
          )}
        </>
      )}
    </Flex>
  );
}
