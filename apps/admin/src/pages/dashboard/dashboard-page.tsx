import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LiveStatusBadge } from '../../components/live-status-badge';

const STAT_KEYS = ['openNeeds', 'activeVolunteers', 'verifiedHours', 'pledgedAmount'] as const;

export function DashboardPage() {
  const { t } = useTranslation();
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
