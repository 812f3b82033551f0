import { useMemo, useState } from 'react';
import { Alert, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConcernListRow } from '@kindred/contracts';
import { useEndpoint } from '../../api/use-endpoint';
import { PageHeader } from '../../components/page-header';
import { problemMessage } from '../../i18n/problem-messages';
import { useSession } from '../../session/use-session';
import { ConcernStatusTag, StatutoryTag, formatDateTime } from './concern-labels';

/** Concerns still waiting first, each group by acknowledgement deadline (earliest first). */
export function sortByDeadline(rows: readonly ConcernListRow[]): ConcernListRow[] {
  const rank = (row: ConcernListRow) => (row.status === 'closed' ? 1 : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || Date.parse(a.ackDueAt) - Date.parse(b.ackDueAt));
}

const OVERDUE_STYLE = { background: '#fff1f0', boxShadow: 'inset 4px 0 0 #cf1322' };

/** The NGO's concerns queue (owners and coordinators), live on `concern.*` events; overdue ones in red. */
export function ConcernQueuePage() {
  const { t } = useTranslation();
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationId ?? null;
  const [onlyOpen, setOnlyOpen] = useState(true);
  const queue = useEndpoint('concernsQueue', organizationId ? { params: { organizationId }, query: { limit: 100 } } : null, {
    live: ['concerns'],
  });
  const rows = useMemo(() => {
    const all = sortByDeadline(queue.data?.data ?? []);
    return onlyOpen ? all.filter((row) => row.status !== 'closed') : all;
  }, [queue.data, onlyOpen]);

  return (
    <>
      <PageHeader
        title={t('concerns.queue.title')}
        extra={
          <Space wrap>
            <Space size={4}>
              <Switch size="small" checked={onlyOpen} onChange={setOnlyOpen} aria-label={t('concerns.queue.onlyOpen')} />
              <Typography.Text>{t('concerns.queue.onlyOpen')}</Typography.Text>
            </Space>
            <Link to="/concerns/new">
              <Button danger icon={<PlusOutlined />}>
                {t('concerns.raise.action')}
              </Button>
            </Link>
          </Space>
        }
      />
      {queue.isError && <Alert type="error" showIcon message={problemMessage(queue.error)} style={{ marginBottom: 16 }} />}
      <Table<ConcernListRow>
        rowKey="id"
        size="middle"
        loading={queue.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('concerns.queue.empty') }}
        onRow={(row) => ({
          'data-testid': `concern-row-${row.id}`,
          'data-overdue': row.overdue ? 'true' : undefined,
          style: row.overdue ? OVERDUE_STYLE : undefined,
        })}
        columns={[
          {
            title: t('concerns.queue.category'),
            key: 'category',
            render: (_, row) => (
              <Space size={4} wrap>
                <Link to={`/concerns/${row.id}`}>{t(`concerns.categories.${row.category}`)}</Link>
                {row.statutory && <StatutoryTag />}
                {row.immediateDanger && <Tag color="red">{t('concerns.queue.immediateDanger')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('concerns.queue.child'),
            key: 'child',
            render: (_, row) => row.childAlias ?? <Typography.Text type="secondary">{t('concerns.queue.unregistered')}</Typography.Text>,
          },
          {
            title: t('concerns.queue.status'),
            key: 'status',
            render: (_, row) => (
              <Space size={4}>
                <ConcernStatusTag status={row.status} />
                {row.overdue && (
                  <Tag color="#cf1322" data-testid="overdue-tag">
                    {t('concerns.queue.overdue')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('concerns.queue.deadline'),
            key: 'ackDueAt',
            render: (_, row) => (
              <Typography.Text type={row.overdue ? 'danger' : undefined} strong={row.overdue}>
                {formatDateTime(row.ackDueAt)}
              </Typography.Text>
            ),
          },
          { title: t('concerns.queue.raisedAt'), key: 'createdAt', render: (_, row) => formatDateTime(row.createdAt) },
        ]}
      />
    </>
  );
}
