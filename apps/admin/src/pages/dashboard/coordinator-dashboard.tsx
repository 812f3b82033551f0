import { useMemo } from 'react';
import { Card, Col, Empty, Flex, List, Row, Statistic, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEndpoint } from '../../api/use-endpoint';
import { EChart } from '../../components/echart';
import { ExportExcelButton } from '../../components/export-excel-button';
import { ErrorState } from '../../components/list-states';
import { formatPercent, formatTimeRange, minutesToHours } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { countByStatus, fillRate, goodsCoverageRows, monthlyHours, needsByType, todaysShifts } from '../../lib/dashboard-stats';
import { DAY_MS, useDashboardWork, useGoodsCoverage, useWaitingPledges } from './use-dashboard-data';

/** Live counters and charts of one NGO. */
export function CoordinatorDashboard({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { token } = theme.useToken();

  const work = useDashboardWork(organizationId);
  const hours = useEndpoint('organizationHours', { params: { organizationId } }, { live: ['hour-records'] });
  const waiting = useWaitingPledges(organizationId);
  const coverage = useGoodsCoverage(work.data?.needs);

  const needs = work.data?.needs ?? [];
  const shifts = work.data?.shifts ?? [];
  const openNeeds = countByStatus(needs, 'open');
  const fill = fillRate(shifts.filter((s) => Date.parse(s.startsAt) <= Date.now() + 14 * DAY_MS));
  const today = todaysShifts(shifts);
  const pendingHours = minutesToHours(hours.data?.pendingMinutes ?? 0);

  const monthOption = useMemo(() => {
    const series = monthlyHours(hours.data?.byMonth ?? []);
    return {
      color: [token.colorPrimary],
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: series.map((m) => m.month) },
      yAxis: { type: 'value', name: t('common.hoursUnit') },
      series: [{ type: 'bar', name: t('dashboard.charts.verifiedHours'), data: series.map((m) => m.hours) }],
    };
  }, [hours.data, t, token.colorPrimary]);

  const typeOption = useMemo(() => {
    const byType = [...needsByType(needs)].reverse();
    return {
      color: [token.colorPrimary],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 90, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: byType.map((entry) => t(`needTypes.${entry.type}`)) },
      series: [
        {
          type: 'bar',
          name: t('dashboard.charts.needsByType'),
          data: byType.map((entry) => entry.count),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [needs, t, token.colorPrimary]);

  const coverageRows = useMemo(() => goodsCoverageRows(coverage ?? []), [coverage]);
  const coverageOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 90, right: 16, top: 8, bottom: 40 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: coverageRows.map((r) => t('dashboard.charts.itemWithUnit', { name: r.label, unit: r.unit })) },
      series: (['needed', 'pledged', 'received', 'used'] as const).map((key) => ({
        type: 'bar',
        name: t(`dashboard.charts.coverage.${key}`),
        data: coverageRows.map((r) => r[key]),
      })),
    }),
    [coverageRows, t],
  );

  if (work.isError) return <ErrorState error={work.error} onRetry={() => void work.refetch()} />;

  const counters = [
    { key: 'openNeeds', value: work.data ? openNeeds : '—', to: '/needs' },
    { key: 'fillRate', value: work.data ? formatPercent(fill, locale) : '—', to: '/needs' },
    { key: 'todaysShifts', value: work.data ? today.length : '—', to: '/needs' },
    { key: 'pendingHours', value: hours.data ? pendingHours : '—', suffix: hours.data ? t('common.hoursUnit') : undefined, to: '/hours' },
    { key: 'waitingPledges', value: waiting ?? '—', to: '/pledges' },
  ];

  return (
    <Flex vertical gap={16} data-testid="coordinator-dashboard">
      <Row gutter={[16, 16]}>
        {counters.map((counter) => (
          <Col key={counter.key} flex="1 1 160px">
            <Link to={counter.to}>
              <Card hoverable size="small">
                <Statistic
                  title={t(`dashboard.counters.${counter.key}`)}
                  value={counter.value}
                  suffix={counter.suffix}
                  data-testid={`counter-${counter.key}`}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('dashboard.charts.hoursPerMonth')} size="small">
            {hours.isError ? (
              <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
            ) : (
              <EChart option={monthOption} ariaLabel={t('dashboard.charts.hoursPerMonth')} testId="chart-hours" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.charts.needsByType')} size="small">
            {needsByType(needs).length === 0 ? (
              <Empty description={t('dashboard.charts.noNeeds')} style={{ height: 280 - 32 }} />
            ) : (
              <EChart option={typeOption} ariaLabel={t('dashboard.charts.needsByType')} testId="chart-types" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('dashboard.charts.goodsCoverage')} size="small">
            {coverageRows.length === 0 ? (
              <Empty description={t('dashboard.charts.noGoods')} />
            ) : (
              <EChart
                option={coverageOption}
                height={Math.max(240, coverageRows.length * 48 + 60)}
                ariaLabel={t('dashboard.charts.goodsCoverage')}
                testId="chart-coverage"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={t('dashboard.today.title')}
            size="small"
            extra={
              <ExportExcelButton
                size="small"
                fileName={t('dashboard.today.title')}
                rows={today}
                columns={[
                  { header: t('hours.columns.need'), value: (s) => s.needTitle },
                  { header: t('shifts.columns.startsAt'), value: (s) => new Date(s.startsAt) },
                  { header: t('shifts.columns.endsAt'), value: (s) => new Date(s.endsAt) },
                  { header: t('shifts.columns.capacity'), value: (s) => s.capacity },
                  { header: t('shifts.columns.confirmed'), value: (s) => s.confirmedCount },
                ]}
              />
            }
          >
            <List
              dataSource={today}
              locale={{ emptyText: <Empty description={t('dashboard.today.empty')} /> }}
              renderItem={(shift) => (
                <List.Item
                  actions={[
                    <Link key="roster" to={`/shifts/${shift.id}`}>
                      {t('shifts.roster')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={shift.needTitle}
                    description={
                      <Typography.Text type="secondary">
                        {formatTimeRange(shift.startsAt, shift.endsAt, locale)} ·{' '}
                        {t('shifts.seats', { confirmed: shift.confirmedCount, capacity: shift.capacity })}
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
