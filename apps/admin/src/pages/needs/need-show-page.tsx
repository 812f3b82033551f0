import { useMemo, useState } from 'react';
import { useOne } from '@refinedev/core';
import { EditOutlined, PlusOutlined, QrcodeOutlined, SendOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NeedView, ShiftView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { useRosterCounts, withCounts } from '../../api/use-roster-counts';
import { useSkills } from '../../api/use-skills';
import { NeedBeneficiaries } from '../../components/children/need-beneficiaries';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { NeedStatusTag, NeedTypeTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatMoney, formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { isEditable, statusChoices } from '../../lib/need-status';
import { canAccess } from '../../navigation/access';
import { useSession } from '../../session/use-session';
import { NeedCoverageCard } from './need-coverage-card';
import { NeedPledgesCard } from './need-pledges-card';
import { NeedStatusModal } from './need-status-modal';
import { ShiftFormModal } from './shift-form-modal';

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
  const call = useEndpointMutation();
  const { label: skillLabel } = useSkills();
  const [addingShift, setAddingShift] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);

  // `need.*` events (channel resources/needs) refresh the need live.
  const { result: need, query } = useOne<NeedView>({ resource: 'needs', id });
  const shiftsQuery = useEndpoint('needShifts', id ? { params: { needId: id } } : null, { live: ['shifts'] });
  const membership = memberships.find((m) => m.organizationId === need?.organizationId);
  const isMember = membership !== undefined;
  const canPlan = isMember && canAccess('ngoCoordinator', { ...access, membership: membership ?? null });
  const counts = useRosterCounts(shiftsQuery.data?.data, { enabled: isMember });
  const hasGoods = (need?.items.length ?? 0) > 0 || need?.targetFen !== null;
  const coverage = useEndpoint('needCoverage', need && hasGoods && id ? { params: { needId: id } } : null, { live: ['pledges', 'needs'] });
  const pledges = useEndpoint(
    'pledges',
    need && isMember ? { query: { view: 'organization', organizationId: need.organizationId, needId: id, limit: 50 } } : null,
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
                void run(`cancel-${s.id}`, () => call('cancelShift', { params: { shiftId: s.id }, body: {} }), {
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

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!need) return <Skeleton active />;

  const publish = () =>
    void run('publish', () => call('publishNeed', { params: { needId: need.id } }), {
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

      {hasGoods && coverage.data && <NeedCoverageCard coverage={coverage.data} />}

      {isMember && (hasGoods || pledgeRows.length > 0) && (
        <NeedPledgesCard
          needTitle={need.title}
          rows={pledgeRows}
          isLoading={pledges.isLoading}
          error={pledges.isError ? pledges.error : null}
          onRetry={() => void pledges.refetch()}
        />
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
