import { Button, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEndpoint } from '../../api/use-endpoint';
import { PageHeader } from '../../components/page-header';
import { ConcernStatusTag, formatDateTime } from './concern-labels';

/** "我报告的关注": the concerns the reader raised, their status only (never the case notes). */
export function MyConcernsPage() {
  const { t } = useTranslation();
  const mine = useEndpoint('myConcerns', {});
  return (
    <>
      <PageHeader
        title={t('concerns.mine.title')}
        extra={
          <Link to="/concerns/new">
            <Button danger icon={<PlusOutlined />}>
              {t('concerns.raise.action')}
            </Button>
          </Link>
        }
      />
      <List
        loading={mine.isLoading}
        dataSource={mine.data?.data ?? []}
        locale={{ emptyText: t('concerns.mine.empty') }}
        renderItem={(row) => (
          <List.Item key={row.id} data-testid={`my-concern-${row.id}`}>
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{t(`concerns.categories.${row.category}`)}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(row.createdAt)}</Typography.Text>
            </Space>
            <ConcernStatusTag status={row.status} />
          </List.Item>
        )}
      />
    </>
  );
}
