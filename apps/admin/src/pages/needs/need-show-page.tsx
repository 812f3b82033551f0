import { useMemo, useState } from 'react';
import { useOne } from '@refinedev/core';
import { EditOutlined, PlusOutlined, QrcodeOutlined, SendOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CoverageView, NeedView, Page, PledgeView, ShiftView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useApiQuery } from '../../api/use-api-query';
import { useRosterCounts, withCounts } from '../../api/use-roster-counts';
import { useSkills } from '../../api/use-skills';
import { NeedBeneficiaries } from '../../components/children/need-beneficiaries';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { NeedStatusTag, NeedTypeTag, PledgeStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatMoney, formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { isEditable, statusChoices } from '../../lib/need-status';
import { canAccess } from '../../navigation/access';
import { apiClient } from '../../providers/api-client';
import { useSession } from '../../session/use-session';
import { NeedStatusModal } from './need-status-modal';
import { ShiftFormModal } from './shift-form-modal';
import { pledgeSummary } from '../pledges/pledge-summary';

export function NeedShowPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <NeedShow key={id} id={id} />;
}

function NeedShow({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const { access, memberships } = useSession();
  const { run, pending } = useApiAction();
  const { label: skillLabel } = useSkills();
  const [addingShift, setAddingShift] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);

  // `need.*` events (channel resources/needs) refresh the need live.
  const { result: need, query } = useOne<NeedView>({ resource: 'needs', id });
  const shiftsQuery = useApiQuery<Page<ShiftView>>(`needs/${id}/shifts`, undefined, { live: ['shifts'] });
  const membership = memberships.find((m) => m.organizationId === need?.organizationId);
  const isMember = membership !== undefined;
  const canPlan = isMember && canAccess('ngoCoordinator', { ...access, membership: membership ?? null });
  const counts = useRosterCounts(shiftsQuery.data?.data, { enabled: isMember });
  const hasGoods = (need?.items.length ?? 0) > 0 || need?.targetFen !== null;
  const coverage = useApiQuery<CoverageView>(need && hasGoods ? `needs/${id}/coverage` : null, undefined, { live: ['pledges', 'needs'] });
  const pledges = useApiQuery<Page<PledgeView>>(
    need && isMember ? 'pledges' : null,
    { view: 'organization', organizationId: need?.organizationId, needId: id, limit: 50 },
    { live: ['pledges'] },
  );

  const shifts = useMemo(() => (shiftsQuery.data?.data ?? []).map((s) => withCounts(s, counts)), [shiftsQuery.data, counts]);

  const shiftColumns: ColumnsType<ShiftView> = [
    { title: t('shifts.columns.time'), key: 'time', render: (_v, s) => formatTimeRange(s.startsAt, s.endsAt, locale) },
    {
      title: t('shifts.columns.seats'),
      key: 'seats',
      render: (_v, s) => (
        <Space size={4} wrap>
          <Typography.Text>{t('shifts.seats', { confirmed: s.confirmedCount, capacity: s.capacity })}</Typography.Text>
          {s.waitlistCount > 0 && <Tag color="orange">{t('shifts.waitlist', { count: s.waitlistCount })}</Tag>}
        </Space>
      ),
    },
    {
      title: t('shifts.columns.status'),
      dataIndex: 'status',
      render: (value: ShiftView['status']) => <Tag color={value === 'cancelled' ? 'red' : 'green'}>{t(`shiftStatuses.${value}`)}</Tag>,
    },
    {
      title: t('shifts.columns.actions'),
      key: 'actions',
      render: (_v, s) => (
        <Space size="small" wrap>
          <Link to={`/shifts/${s.id}`}>
            <Button size="small" icon={<TeamOutlined />} data-testid={`roster-link-${s.id}`}>
              {t('shifts.roster')}
            </Button>
          </Link>
          {canPlan && s.status === 'scheduled' && (
            <Link to={`/shifts/${s.id}/check-in-code`}>
              <Button size="small" icon={<QrcodeOutlined />}>
                {t('shifts.checkInCode')}
              </Button>
            </Link>
          )}
          {canPlan && s.status === 'scheduled' && Date.parse(s.endsAt) > Date.now() && (
            <Popconfirm
              title={t('shifts.cancelConfirm')}
              description={t('shifts.cancelConfirmHint')}
              okText={t('shifts.cancel')}
              okButtonProps={{ danger: true }}
              cancelText={t('buttons.cancel')}
              onConfirm={() =>
                void run(`cancel-${s.id}`, () => apiClient.request(`shifts/${s.id}/cancel`, { method: 'POST', body: {} }), {
                  success: t('shifts.cancelled'),
                }).then(() => shiftsQuery.refetch())
              }
            >
              <Button size="small" danger loading={pending === `cancel-${s.id}`}>
                {t('shifts.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const shiftExport = useMemo<ExportColumn<ShiftView>[]>(
    () => [
      { header: t('shifts.columns.startsAt'), value: (s) => new Date(s.startsAt) },
      { header: t('shifts.columns.endsAt'), value: (s) => new Date(s.endsAt) },
      { header: t('shifts.columns.capacity'), value: (s) => s.capacity },
      { header: t('shifts.columns.confirmed'), value: (s) => s.confirmedCount },
      { header: t('shifts.columns.waitlist'), value: (s) => s.waitlistCount },
      { header: t('shifts.columns.status'), value: (s) => t(`shiftStatuses.${s.status}`) },
      { header: t('shifts.columns.id'), value: (s) => s.id },
    ],
    [t],
  );

  const pledgeRows = pledges.data?.data ?? [];
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

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!need) return <Skeleton active />;

  const publish = () =>
    void run('publish', () => apiClient.request<NeedView>(`needs/${need.id}/publish`, { method: 'POST' }), {
      success: t('needs.show.published'),
      failure: t('needs.show.publishFailed'),
    }).then((result) => {
      if (result) void query.refetch();
    });

  const editable = isEditable(need.status);
  const hasScheduledShift = shifts.some((s) => s.status === 'scheduled');

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={need.title}
        subtitle={
          <Space size={4} wrap>
            <NeedTypeTag type={need.type} />
            <NeedStatusTag status={need.status} />
            {need.organizationName && <Typography.Text type="secondary">{need.organizationName}</Typography.Text>}
          </Space>
        }
        extra={
          canPlan && (
            <>
              {editable && (
                <Link to={`/needs/${need.id}/edit`}>
                  <Button icon={<EditOutlined />}>{t('needs.show.edit')}</Button>
                </Link>
              )}
              {statusChoices(need.status).length > 0 && (
                <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)} data-testid="change-status">
                  {t('needs.show.changeStatus')}
                </Button>
              )}
              {need.status === 'draft' && (
                <Popconfirm
                  title={t('needs.show.publishConfirm')}
                  description={hasScheduledShift ? t('needs.show.publishConfirmHint') : t('needs.show.publishWithoutShifts')}
                  okText={t('needs.show.publish')}
                  cancelText={t('buttons.cancel')}
                  onConfirm={publish}
                >
                  <Button type="primary" icon={<SendOutlined />} loading={pending === 'publish'} data-testid="publish-need">
                    {t('needs.show.publish')}
                  </Button>
                </Popconfirm>
              )}
            </>
          )
        }
      />
      {need.status === 'draft' && <Alert type="info" showIcon message={t('needs.show.draftHint')} data-testid="draft-hint" />}
      {need.status === 'cancelled' && need.cancelReason && (
        <Alert type="warning" showIcon message={t('needs.show.cancelledBecause', { reason: need.cancelReason })} />
      )}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('needs.columns.regionCode')}>{need.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('needs.form.place')}>{need.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('needs.columns.beneficiaryCount')}>{need.beneficiaryCount}</Descriptions.Item>
          <Descriptions.Item label={t('needs.columns.childContact')}>
            {need.childContact ? t('needs.show.childContactYes') : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('needs.form.minAge')}>{need.minAge ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('needs.form.requiredSkills')}>
            {need.requiredSkills.length ? need.requiredSkills.map((s) => <Tag key={s}>{skillLabel(s)}</Tag>) : '—'}
          </Descriptions.Item>
          {need.startsAt && need.endsAt && (
            <Descriptions.Item label={t('needs.form.period')}>{formatTimeRange(need.startsAt, need.endsAt, locale)}</Descriptions.Item>
          )}
          {need.targetFen !== null && (
            <Descriptions.Item label={t('needs.columns.target')}>{formatMoney(need.targetFen, locale)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('needs.columns.publishedAt')}>
            {formatDate(need.publishedAt, locale, { withTime: true })}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>{need.description}</Typography.Paragraph>
      </Card>

      <Card
        title={t('shifts.title')}
        extra={
          <Flex gap={8} wrap justify="flex-end">
            <ExportExcelButton
              size="small"
              fileName={`${need.title}-${t('shifts.exportName')}`}
              sheetName={t('shifts.exportName')}
              columns={shiftExport}
              rows={shifts}
            />
            {canPlan && editable && (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAddingShift(true)} data-testid="add-shift">
                {t('shifts.add')}
              </Button>
            )}
          </Flex>
        }
        data-testid="shifts-card"
      >
        {shiftsQuery.isError ? (
          <ErrorState error={shiftsQuery.error} onRetry={() => void shiftsQuery.refetch()} />
        ) : (
          <Table<ShiftView>
            rowKey="id"
            dataSource={shifts}
            columns={shiftColumns}
            loading={shiftsQuery.isLoading}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('shifts.empty')} hint={canPlan ? t('shifts.emptyHint') : undefined} /> }}
          />
        )}
      </Card>

      {hasGoods && coverage.data && (
        <Card title={t('needs.coverage.title')} data-testid="coverage-card">
          {coverage.data.money.targetFen !== null && (
            <Flex vertical gap={4} style={{ marginBottom: 16 }}>
              <Typography.Text>
                {t('needs.coverage.money', {
                  pledged: formatMoney(coverage.data.money.pledgedFen, locale),
                  received: formatMoney(coverage.data.money.receivedFen, locale),
                  used: formatMoney(coverage.data.money.usedFen, locale),
                  target: formatMoney(coverage.data.money.targetFen, locale),
                })}
              </Typography.Text>
              <Progress
                percent={Math.min(100, Math.round(coverage.data.money.pledgedPercent ?? 0))}
                success={{ percent: Math.min(100, Math.round(coverage.data.money.receivedPercent ?? 0)) }}
              />
            </Flex>
          )}
          {coverage.data.items.map((item) => (
            <Flex key={item.itemId} vertical gap={2} style={{ marginBottom: 8 }}>
              <Typography.Text>
                {t('needs.coverage.line', {
                  name: item.name,
                  needed: item.needed,
                  pledged: item.pledged,
                  received: item.received,
                  used: item.used,
                  unit: item.unit,
                })}
              </Typography.Text>
              <Progress
                percent={Math.min(100, Math.round(item.pledgedPercent ?? 0))}
                success={{ percent: Math.min(100, Math.round(item.receivedPercent ?? 0)) }}
                size="small"
              />
            </Flex>
          ))}
        </Card>
      )}

      {isMember && (hasGoods || pledgeRows.length > 0) && (
        <Card
          title={t('needs.show.pledges')}
          extra={
            <ExportExcelButton
              size="small"
              fileName={`${need.title}-${t('pledges.exportName')}`}
              sheetName={t('pledges.exportName')}
              columns={pledgeExport}
              rows={pledgeRows}
            />
          }
        >
          {pledges.isError ? (
            <ErrorState error={pledges.error} onRetry={() => void pledges.refetch()} />
          ) : (
            <Table<PledgeView>
              rowKey="id"
              dataSource={pledgeRows}
              columns={pledgeColumns}
              loading={pledges.isLoading}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <EmptyState title={t('pledges.emptyForNeed')} hint={t('pledges.emptyForNeedHint')} /> }}
            />
          )}
        </Card>
      )}
      <NeedBeneficiaries need={need} />

      <ShiftFormModal
        needId={need.id}
        open={addingShift}
        onClose={() => setAddingShift(false)}
        onCreated={() => {
          void shiftsQuery.refetch();
          if (need.status === 'draft') void message.info(t('needs.show.nowPublish'));
        }}
      />
      {canPlan && (
        <NeedStatusModal
          need={need}
          open={changingStatus}
          onClose={() => setChangingStatus(false)}
          onChanged={() => void query.refetch()}
        />
      )}
    </Flex>
  );
}
