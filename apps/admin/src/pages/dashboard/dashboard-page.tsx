import { GiftOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveStatusBadge } from '../../components/live-status-badge';
import { useSession } from '../../session/use-session';

const STAT_KEYS = ['openNeeds', 'activeVolunteers', 'verifiedHours', 'pledgedAmount'] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dashboard.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dashboard.subtitle')}</Typography.Text>
        </div>
        <LiveStatusBadge />
      </Flex>
      {me && me.memberships.length === 0 && !me.isPlatformAdmin && (
        <Card title={t('dashboard.getStarted.title')} data-testid="get-started">
          <Typography.Paragraph>{t('dashboard.getStarted.description')}</Typography.Paragraph>
          <Flex gap={8} wrap>
            <Link to="/organizations/create">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('dashboard.getStarted.createOrganization')}
              </Button>
            </Link>
            <Link to="/volunteer/matches">
              <Button icon={<ThunderboltOutlined />}>{t('dashboard.getStarted.volunteer')}</Button>
            </Link>
            <Link to="/donor/pledges">
              <Button icon={<GiftOutlined />}>{t('dashboard.getStarted.donor')}</Button>
            </Link>
          </Flex>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {STAT_KEYS.map((key) => (
          <Col key={key} xs={24} sm={12} lg={6}>
            <Card>
              <Statistic title={t(`dashboard.stats.${key}`)} value="—" />
              <Typography.Text type="secondary">{t('dashboard.placeholder')}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
