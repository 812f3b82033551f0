import { useMemo, useState } from 'react';
import { useTable } from '@refinedev/antd';
import type { CrudFilter } from '@refinedev/core';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { useSession } from '../../session/use-session';
import { auditActionLabel, auditEntityLabel, formatDiff, shortId, type AuditEntry } from './audit-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function IdText({ id }: { id: string | null }) {
  if (!id) return null;
  return (
    <Tooltip title={id}>
      <Typography.Text code copyable={{ text: id }}>
        {shortId(id)}
      </Typography.Text>
    </Tooltip>
  );
}

/**
 * `organization`: the selected organisation's log (owners; the route is guarded).
 * `platform`: everything, optionally narrowed to one organisation (platform administrators).
 */
export function AuditLogPage({ scope }: { scope: 'organization' | 'platform' }) {
  const { currentMembership } = useSession();
  const organizationId = scope === 'organization' ? (currentMembership?.organizationId ?? null) : null;
  if (scope === 'organization' && !organizationId) return null;
  // A new table per organisation, so switching organisations starts again at page one.
  return <AuditLogTable key={organizationId ?? 'all'} scope={scope} organizationId={organizationId} />;
}

function AuditLogTable({ scope, organizationId }: { scope: 'organization' | 'platform'; organizationId: string | null }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const { currentMembership } = useSession();
  const [filterError, setFilterError] = useState<string | null>(null);
  const permanent: CrudFilter[] = organizationId ? [{ field: 'organizationId', operator: 'eq', value: organizationId }] : [];
  const { tableProps, tableQuery, setFilters } = useTable<AuditEntry>({
    resource: 'audit-log',
    pagination: { pageSize: 20 },
    sorters: { mode: 'off' },
    filters: { permanent },
    syncWithLocation: false,
  });
  const rows = tableProps.dataSource as AuditEntry[] | undefined;

  const onFilter = (value: string) => {
    const trimmed = value.trim();
    if (trimmed && !UUID.test(trimmed)) {
      setFilterError(t('auditLog.organizationFilterInvalid'));
      return;
    }
    setFilterError(null);
    setFilters([{ field: 'organizationId', operator: 'eq', value: trimmed || undefined }], 'replace');
  };

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('auditLog.columns.occurredAt'),
      dataIndex: 'occurredAt',
      render: (value: string) => formatDate(value, locale, { withTime: true }),
    },
    {
      title: t('auditLog.columns.action'),
      dataIndex: 'action',
      render: (action: string) => {
        const label = auditActionLabel(i18n, action);
        return (
          <Flex vertical>
            <Typography.Text>{label}</Typography.Text>
            {label !== action && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {action}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: t('auditLog.columns.entity'),
      key: 'entity',
      render: (_value, entry) => (
        <Flex gap={4} align="center" wrap>
          <Typography.Text>{auditEntityLabel(i18n, entry.entityType)}</Typography.Text>
          <IdText id={entry.entityId} />
        </Flex>
      ),
    },
    {
      title: t('auditLog.columns.actor'),
      dataIndex: 'actorUserId',
      render: (value: string | null) =>
        value ? <IdText id={value} /> : <Typography.Text type="secondary">{t('auditLog.system')}</Typography.Text>,
    },
    ...(scope === 'platform'
      ? [
          {
            title: t('auditLog.columns.organization'),
            dataIndex: 'organizationId',
            render: (value: string | null) => (value ? <Link to={`/organizations/${value}`}>{shortId(value)}</Link> : null),
          },
        ]
      : []),
    {
      title: t('auditLog.columns.diff'),
      dataIndex: 'diff',
      render: (diff: Record<string, unknown>) => (
        <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 360 }} ellipsis={{ tooltip: formatDiff(diff) }}>
          {formatDiff(diff)}
        </Typography.Text>
      ),
    },
  ];

  const exportColumns = useMemo<ExportColumn<AuditEntry>[]>(
    () => [
      { header: t('auditLog.columns.occurredAt'), value: (e) => new Date(e.occurredAt) },
      { header: t('auditLog.columns.action'), value: (e) => auditActionLabel(i18n, e.action) },
      { header: t('auditLog.actionCode'), value: (e) => e.action },
      { header: t('auditLog.columns.entity'), value: (e) => auditEntityLabel(i18n, e.entityType) },
      { header: t('auditLog.entityId'), value: (e) => e.entityId },
      { header: t('auditLog.columns.actor'), value: (e) => e.actorUserId ?? t('auditLog.system') },
      { header: t('auditLog.columns.organization'), value: (e) => e.organizationId },
      { header: t('auditLog.columns.requestId'), value: (e) => e.requestId },
      { header: t('auditLog.columns.diff'), value: (e) => formatDiff(e.diff) },
    ],
    [t, i18n],
  );

  const platform = scope === 'platform';
  const fileName = platform ? t('auditLog.exportName') : `${currentMembership?.organizationName ?? ''}-${t('auditLog.exportName')}`;

  return (
    <>
      <PageHeader
        title={t(platform ? 'auditLog.adminTitle' : 'auditLog.title')}
        subtitle={platform ? t('auditLog.adminSubtitle') : `${currentMembership?.organizationName ?? ''} · ${t('auditLog.subtitle')}`}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void tableQuery.refetch()}>
              {t('buttons.refresh')}
            </Button>
            <ExportExcelButton fileName={fileName} sheetName={t('auditLog.exportName')} columns={exportColumns} rows={rows} />
          </>
        }
      />
      <Card>
        {platform && (
          <Form.Item validateStatus={filterError ? 'error' : undefined} help={filterError} style={{ maxWidth: 420, marginBottom: 16 }}>
            <Input.Search
              allowClear
              placeholder={t('auditLog.organizationFilter')}
              aria-label={t('auditLog.organizationFilter')}
              onSearch={onFilter}
            />
          </Form.Item>
        )}
        {tableQuery.isError ? (
          <ErrorState error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />
        ) : (
          <Table<AuditEntry>
            {...tableProps}
            rowKey="id"
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('auditLog.empty')} hint={t('auditLog.emptyHint')} /> }}
          />
        )}
      </Card>
    </>
  );
}
