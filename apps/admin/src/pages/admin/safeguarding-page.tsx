import { useMemo, useState } from 'react';
import { SearchOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BlockedVolunteerView, SafeguardingCheckView, SafeguardingStatus } from '@kindred/contracts';
import { useList } from '@refinedev/core';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { SafeguardingTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Blocks are rare; the list reads at most this many before it stops asking for more pages. */
const MAX_ROWS = 1000;

interface BlockRow {
  check: SafeguardingCheckView;
  status: SafeguardingStatus;
  volunteerName: string | null;
  volunteerNumber: string | null;
  organizationName: string | null;
}

/** Every check of the volunteer looked up, or else the blocks the API lists (at most `MAX_ROWS`). */
function useBlockRows(lookup: string | null) {
  const standing = useEndpoint('volunteerSafeguarding', lookup ? { params: { userId: lookup } } : null);
  const { query: list } = useList<BlockedVolunteerView>({
    resource: 'safeguarding-checks/blocking',
    pagination: { mode: 'off' },
    liveMode: 'off',
    queryOptions: { enabled: lookup === null },
    successNotification: false,
    errorNotification: false,
  });
  const data = useMemo<BlockRow[] | undefined>(() => {
    if (lookup) {
      const detail = standing.data;
      return detail?.checks.map((check) => ({
        check,
        status: detail.status,
        volunteerName: null,
        volunteerNumber: null,
        organizationName: null,
      }));
    }
    return list.data?.data.slice(0, MAX_ROWS).map((b) => ({
      check: b.check,
      status: 'blocked' as const,
      volunteerName: b.volunteer.displayName,
      volunteerNumber: b.volunteer.volunteerNumber,
      organizationName: b.verifiedOrganizationName,
    }));
  }, [lookup, standing.data, list.data]);
  const current = lookup ? standing : list;
  return {
    data,
    isLoading: current.isLoading,
    isError: current.isError,
    error: current.error,
    refetch: () => current.refetch(),
  };
}

/**
 * Volunteers blocked by a record found and not lifted (the API's list of blocks), or every check of one
 * volunteer looked up by user ID. A platform administrator lifts a block with a reason.
 */
export function SafeguardingAdminPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [lookup, setLookup] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [lifting, setLifting] = useState<BlockRow | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const blocks = useBlockRows(lookup);

  const lift = async (values: { reason: string }) => {
    if (!lifting) return;
    const done = await run(
      'lift',
      () => call('liftBlock', { params: { checkId: lifting.check.id }, body: { reason: values.reason.trim() } }),
      {
        success: t('safeguardingAdmin.lifted'),
      },
    );
    if (done !== undefined) {
      setLifting(null);
      form.resetFields();
      void blocks.refetch();
    }
  };

  const columns: ColumnsType<BlockRow> = [
    {
      title: t('safeguardingAdmin.columns.volunteer'),
      key: 'volunteer',
      render: (_v, row) => (
        <Tooltip title={row.check.volunteerUserId}>
          {row.volunteerName ? (
            <Typography.Text copyable={{ text: row.check.volunteerUserId }}>
              {row.volunteerName}
              {row.volunteerNumber && <Typography.Text type="secondary"> · {row.volunteerNumber}</Typography.Text>}
            </Typography.Text>
          ) : (
            <Typography.Text code copyable={{ text: row.check.volunteerUserId }}>
              {row.check.volunteerUserId.slice(0, 8)}
            </Typography.Text>
          )}
        </Tooltip>
      ),
    },
    { title: t('safeguardingAdmin.columns.recordedBy'), key: 'recordedBy', render: (_v, row) => row.organizationName ?? '—' },
    {
      title: t('safeguardingAdmin.columns.standing'),
      key: 'standing',
      render: (_v, row) => <SafeguardingTag status={row.status} />,
    },
    { title: t('safeguarding.kind'), key: 'kind', render: (_v, row) => t(`safeguardingKinds.${row.check.kind}`) },
    {
      title: t('safeguarding.result'),
      key: 'result',
      render: (_v, row) => <Tag color={row.check.result === 'clear' ? 'green' : 'red'}>{t(`safeguardingResults.${row.check.result}`)}</Tag>,
    },
    { title: t('safeguarding.checkedAt'), key: 'checkedAt', render: (_v, row) => formatDate(row.check.checkedAt, locale) },
    {
      title: t('safeguardingAdmin.columns.lifted'),
      key: 'lifted',
      render: (_v, row) => (row.check.liftedAt ? `${formatDate(row.check.liftedAt, locale)} · ${row.check.liftReason ?? ''}` : '—'),
    },
    {
      title: t('safeguardingAdmin.columns.actions'),
      key: 'actions',
      render: (_v, row) =>
        row.check.result === 'flagged' && !row.check.liftedAt ? (
          <Button size="small" danger icon={<UnlockOutlined />} onClick={() => setLifting(row)} data-testid={`lift-${row.check.id}`}>
            {t('safeguardingAdmin.lift')}
          </Button>
        ) : null,
    },
  ];

  const exportColumns = useMemo<ExportColumn<BlockRow>[]>(
    () => [
      { header: t('safeguardingAdmin.columns.volunteer'), value: (r) => r.volunteerName ?? r.check.volunteerUserId },
      { header: t('profile.volunteerNumber'), value: (r) => r.volunteerNumber },
      { header: t('safeguardingAdmin.columns.recordedBy'), value: (r) => r.organizationName },
      { header: t('safeguardingAdmin.columns.standing'), value: (r) => t(`safeguardingStatuses.${r.status}`) },
      { header: t('safeguarding.kind'), value: (r) => t(`safeguardingKinds.${r.check.kind}`) },
      { header: t('safeguarding.result'), value: (r) => t(`safeguardingResults.${r.check.result}`) },
      { header: t('safeguarding.checkedAt'), value: (r) => new Date(r.check.checkedAt) },
      { header: t('safeguardingAdmin.columns.lifted'), value: (r) => (r.check.liftedAt ? new Date(r.check.liftedAt) : null) },
      { header: t('safeguardingAdmin.liftReason'), value: (r) => r.check.liftReason },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('safeguardingAdmin.title')}
        subtitle={t('safeguardingAdmin.subtitle')}
        extra={<ExportExcelButton fileName={t('safeguardingAdmin.exportName')} columns={exportColumns} rows={blocks.data} />}
      />
      <Card>
        <Form.Item validateStatus={lookupError ? 'error' : undefined} help={lookupError} style={{ maxWidth: 460 }}>
          <Input.Search
            allowClear
            enterButton={<SearchOutlined />}
            placeholder={t('safeguardingAdmin.lookup')}
            aria-label={t('safeguardingAdmin.lookup')}
            onSearch={(value) => {
              const id = value.trim();
              if (id && !UUID.test(id)) return setLookupError(t('safeguardingAdmin.lookupInvalid'));
              setLookupError(null);
              setLookup(id || null);
            }}
          />
        </Form.Item>
        {blocks.isError ? (
          <ErrorState error={blocks.error} onRetry={() => void blocks.refetch()} />
        ) : (
          <Table<BlockRow>
            rowKey={(r) => r.check.id}
            dataSource={blocks.data}
            columns={columns}
            loading={blocks.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <EmptyState
                  title={lookup ? t('safeguardingAdmin.noChecks') : t('safeguardingAdmin.empty')}
                  hint={t('safeguardingAdmin.emptyHint')}
                />
              ),
            }}
          />
        )}
      </Card>
      <Modal
        open={lifting !== null}
        title={t('safeguardingAdmin.liftTitle')}
        okText={t('safeguardingAdmin.lift')}
        okButtonProps={{ danger: true }}
        cancelText={t('buttons.cancel')}
        confirmLoading={pending === 'lift'}
        onOk={() => form.submit()}
        onCancel={() => {
          setLifting(null);
          form.resetFields();
        }}
        destroyOnHidden
        forceRender
      >
        <Alert type="warning" showIcon message={t('safeguardingAdmin.liftWarning')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void lift(v)} onFinishFailed={() => undefined}>
          <Form.Item
            name="reason"
            label={t('safeguardingAdmin.liftReason')}
            rules={[{ required: true, whitespace: true, message: t('safeguardingAdmin.liftReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
