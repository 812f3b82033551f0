import { useMemo, useState } from 'react';
import { useOne } from '@refinedev/core';
import { CheckCircleOutlined, LoginOutlined, LogoutOutlined, QrcodeOutlined, SafetyOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NeedView, RosterRow } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { LiveStatusBadge } from '../../components/live-status-badge';
import { PageHeader } from '../../components/page-header';
import { HourStatusTag, SignupStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatDuration, formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { canAccess } from '../../navigation/access';
import { useSession } from '../../session/use-session';
import { SafeguardingDrawer } from '../volunteers/safeguarding-drawer';
import { InviteModal } from './invite-modal';

export function ShiftRosterPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <ShiftRoster key={id} id={id} />;
}

const time = (value: string | null, locale: ReturnType<typeof currentLocale>) =>
  value ? formatDate(value, locale, { withTime: true }) : '—';

/**
 * Who signed up for a shift, filling live: sign-up, cancellation, check-in and check-out events of the
 * shift's need (channels resources/signups and resources/shifts) re-read the roster while the page stays.
 */
function ShiftRoster({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { access, memberships } = useSession();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [inviting, setInviting] = useState(false);
  const [checking, setChecking] = useState<{ userId: string; displayName: string } | null>(null);
  const [reversing, setReversing] = useState<RosterRow | null>(null);
  const [reverseForm] = Form.useForm<{ reason: string }>();

  const shift = useEndpoint('shift', id ? { params: { shiftId: id } } : null, { live: ['shifts'] });
  const roster = useEndpoint('roster', id ? { params: { shiftId: id } } : null, { live: ['signups', 'shifts'] });
  const { result: need } = useOne<NeedView>({
    resource: 'needs',
    id: shift.data?.needId ?? '',
    queryOptions: { enabled: Boolean(shift.data) },
  });
  const membership = memberships.find((m) => m.organizationId === need?.organizationId) ?? null;
  const canCoordinate = canAccess('ngoCoordinator', { ...access, membership });
  const rows = roster.data?.signups;

  const act = (key: string, task: () => Promise<unknown>, success: string) =>
    void run(key, task, { success }).then((result) => {
      if (result !== undefined) void roster.refetch();
    });

  const columns: ColumnsType<RosterRow> = [
    {
      title: t('roster.columns.name'),
      dataIndex: 'displayName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('roster.columns.status'),
      dataIndex: 'status',
      render: (_v, row) => (
        <Space size={4} wrap>
          <SignupStatusTag status={row.status} position={row.position} />
          {row.autoClosed && <Tag color="gold">{t('roster.autoClosed')}</Tag>}
          {row.skippedReason && <Tag>{t('roster.skipped')}</Tag>}
        </Space>
      ),
    },
    { title: t('roster.columns.signedUpAt'), dataIndex: 'createdAt', render: (v: string) => time(v, locale) },
    { title: t('roster.columns.checkedInAt'), dataIndex: 'checkedInAt', render: (v: string | null) => time(v, locale) },
    { title: t('roster.columns.checkedOutAt'), dataIndex: 'checkedOutAt', render: (v: string | null) => time(v, locale) },
    {
      title: t('roster.columns.hours'),
      key: 'hours',
      render: (_v, row) =>
        row.hourRecord ? (
          <Space size={4}>
            <Typography.Text>{formatDuration(row.hourRecord.minutes, locale)}</Typography.Text>
            <HourStatusTag status={row.hourRecord.status} />
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('roster.columns.actions'),
      key: 'actions',
      render: (_v, row) => {
        if (!canCoordinate) return null;
        const started = shift.data ? Date.parse(shift.data.startsAt) <= Date.now() : false;
        const active = row.status === 'confirmed';
        return (
          <Space size="small" wrap>
            {active && !row.checkedInAt && (
              <Button
                size="small"
                icon={<LoginOutlined />}
                loading={pending === `in-${row.signupId}`}
                onClick={() =>
                  act(
                    `in-${row.signupId}`,
                    () => call('checkIn', { params: { signupId: row.signupId } }),
                    t('roster.checkedIn', { name: row.displayName }),
                  )
                }
                data-testid={`check-in-${row.signupId}`}
              >
                {t('roster.checkIn')}
              </Button>
            )}
            {row.checkedInAt && !row.checkedOutAt && (
              <Button
                size="small"
                icon={<LogoutOutlined />}
                loading={pending === `out-${row.signupId}`}
                onClick={() =>
                  act(
                    `out-${row.signupId}`,
                    () => call('checkOut', { params: { signupId: row.signupId } }),
                    t('roster.checkedOut', { name: row.displayName }),
                  )
                }
              >
                {t('roster.checkOut')}
              </Button>
            )}
            {active && !row.checkedInAt && started && (
              <Popconfirm
                title={t('roster.noShowConfirm', { name: row.displayName })}
                description={t('roster.noShowHint')}
                okText={t('roster.noShow')}
                okButtonProps={{ danger: true }}
                cancelText={t('buttons.cancel')}
                onConfirm={() =>
                  act(
                    `ns-${row.signupId}`,
                    () => call('markNoShow', { params: { signupId: row.signupId } }),
                    t('roster.markedNoShow', { name: row.displayName }),
                  )
                }
              >
                <Button size="small" danger loading={pending === `ns-${row.signupId}`}>
                  {t('roster.noShow')}
                </Button>
              </Popconfirm>
            )}
            {row.hourRecord?.status === 'pending' && (
              <>
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  loading={pending === `v-${row.signupId}`}
                  onClick={() =>
                    act(
                      `v-${row.signupId}`,
                      () => call('verifyHours', { params: { recordId: row.hourRecord?.id ?? '' }, body: {} }),
                      t('hours.verifiedOne'),
                    )
                  }
                >
                  {t('hours.verify')}
                </Button>
                <Button
                  size="small"
                  danger
                  loading={pending === `r-${row.signupId}`}
                  onClick={() =>
                    act(
                      `r-${row.signupId}`,
                      () => call('rejectHours', { params: { recordId: row.hourRecord?.id ?? '' }, body: {} }),
                      t('hours.rejectedOne'),
                    )
                  }
                >
                  {t('hours.reject')}
                </Button>
              </>
            )}
            {row.hourRecord?.status === 'verified' && (
              <Button size="small" onClick={() => setReversing(row)}>
                {t('hours.reverse')}
              </Button>
            )}
            <Button
              size="small"
              icon={<SafetyOutlined />}
              onClick={() => setChecking({ userId: row.userId, displayName: row.displayName })}
            >
              {t('roster.safeguarding')}
            </Button>
          </Space>
        );
      },
    },
  ];

  const exportColumns = useMemo<ExportColumn<RosterRow>[]>(
    () => [
      { header: t('roster.columns.name'), value: (r) => r.displayName },
      { header: t('roster.columns.status'), value: (r) => t(`signupStatuses.${r.status}`) },
      { header: t('roster.columns.position'), value: (r) => r.position },
      { header: t('roster.columns.signedUpAt'), value: (r) => new Date(r.createdAt) },
      { header: t('roster.columns.checkedInAt'), value: (r) => (r.checkedInAt ? new Date(r.checkedInAt) : null) },
      { header: t('roster.columns.checkedOutAt'), value: (r) => (r.checkedOutAt ? new Date(r.checkedOutAt) : null) },
      { header: t('roster.columns.minutes'), value: (r) => r.hourRecord?.minutes ?? null },
    ],
    [t],
  );

  if (shift.isError) return <ErrorState error={shift.error} onRetry={() => void shift.refetch()} />;
  if (!shift.data) return <Skeleton active />;

  const checkedOut = (rows ?? []).filter((r) => r.checkedOutAt).length;
  const checkedIn = (rows ?? []).filter((r) => r.checkedInAt).length;
  const title = need?.title ?? t('roster.title');
  const excluded = new Set((rows ?? []).filter((r) => r.status !== 'cancelled').map((r) => r.userId));

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('roster.titleOf', { title })}
        subtitle={
          <Space size={8} wrap>
            <span>{formatTimeRange(shift.data.startsAt, shift.data.endsAt, locale)}</span>
            {need && <Link to={`/needs/${need.id}`}>{t('roster.backToNeed')}</Link>}
          </Space>
        }
        extra={
          <>
            <LiveStatusBadge />
            <ExportExcelButton
              fileName={`${title}-${t('roster.exportName')}`}
              sheetName={t('roster.exportName')}
              columns={exportColumns}
              rows={rows}
            />
            {canCoordinate && shift.data.status === 'scheduled' && (
              <>
                <Button icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
                  {t('roster.invite.open')}
                </Button>
                <Link to={`/shifts/${id}/check-in-code`}>
                  <Button icon={<QrcodeOutlined />} data-testid="open-check-in-code">
                    {t('shifts.checkInCode')}
                  </Button>
                </Link>
              </>
            )}
            {canCoordinate && (
              <Popconfirm
                title={t('hours.verifyShiftConfirm')}
                description={t('hours.verifyShiftHint')}
                okText={t('hours.verifyShift')}
                cancelText={t('buttons.cancel')}
                onConfirm={() =>
                  void run(
                    'verify-shift',
                    () => call('verifyShiftHours', { params: { shiftId: id ?? '' } }),
                    {
                      success: (r) =>
                        r.verified === 0
                          ? t('hours.nothingPending')
                          : t('hours.verifiedShift', { count: r.verified, duration: formatDuration(r.minutes, locale) }),
                    },
                  ).then(() => roster.refetch())
                }
              >
                <Button
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  disabled={checkedOut === 0}
                  loading={pending === 'verify-shift'}
                  data-testid="verify-shift-hours"
                >
                  {t('hours.verifyShift')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {shift.data.status === 'cancelled' && <Alert type="warning" showIcon message={t('roster.shiftCancelled')} />}
      <Row gutter={[12, 12]}>
        {[
          { key: 'confirmed', value: `${roster.data?.confirmedCount ?? 0} / ${roster.data?.capacity ?? shift.data.capacity}` },
          { key: 'waitlist', value: roster.data?.waitlistCount ?? 0 },
          { key: 'checkedIn', value: checkedIn },
          { key: 'checkedOut', value: checkedOut },
        ].map((stat) => (
          <Col key={stat.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`roster.stats.${stat.key}`)} value={stat.value} data-testid={`roster-stat-${stat.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        {roster.isError ? (
          <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />
        ) : (
          <Table<RosterRow>
            rowKey="signupId"
            dataSource={rows}
            columns={columns}
            loading={roster.isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="roster-table"
            locale={{
              emptyText: <EmptyState title={t('roster.empty')} hint={canCoordinate ? t('roster.emptyHint') : t('roster.emptyHintStaff')} />,
            }}
          />
        )}
        {canCoordinate && checkedOut > 0 && !(rows ?? []).some((r) => r.hourRecord) && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('hours.perRecordHint')}
          </Typography.Paragraph>
        )}
      </Card>
      {need && canCoordinate && (
        <InviteModal shiftId={id} needId={need.id} open={inviting} onClose={() => setInviting(false)} exclude={excluded} />
      )}
      <Modal
        open={reversing !== null}
        title={t('hours.reverseTitle', { name: reversing?.displayName ?? '' })}
        okText={t('hours.reverse')}
        okButtonProps={{ danger: true }}
        cancelText={t('buttons.cancel')}
        confirmLoading={pending === 'reverse'}
        onOk={() => reverseForm.submit()}
        onCancel={() => {
          setReversing(null);
          reverseForm.resetFields();
        }}
        destroyOnHidden
        forceRender
      >
        <Alert type="info" showIcon message={t('hours.reverseHint')} style={{ marginBottom: 16 }} />
        <Form
          form={reverseForm}
          layout="vertical"
          requiredMark={false}
          onFinish={({ reason }) => {
            const recordId = reversing?.hourRecord?.id;
            if (!recordId) return;
            void run(
              'reverse',
              () =>
                call('reverseHours', { params: { recordId }, body: { reason: reason.trim() } }),
              {
                success: t('hours.reversed'),
              },
            ).then((result) => {
              if (result) {
                setReversing(null);
                reverseForm.resetFields();
                void roster.refetch();
              }
            });
          }}
        >
          <Form.Item
            name="reason"
            label={t('hours.reverseReason')}
            rules={[{ required: true, whitespace: true, message: t('hours.reverseReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      {need && (
        <SafeguardingDrawer
          volunteer={checking}
          organizationId={need.organizationId}
          canRecord={canCoordinate}
          onClose={() => setChecking(null)}
        />
      )}
    </Flex>
  );
}
