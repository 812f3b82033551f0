import { CalendarOutlined, GiftOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveStatusBadge } from '../../components/live-status-badge';
import { useSession } from '../../session/use-session';
import { CoordinatorDashboard } from './coordinator-dashboard';

export function DashboardPage() {
  const { t } = useTranslation();
  const { me, currentMembership } = useSession();
  const ngo = currentMembership?.organizationKind === 'ngo' ? currentMembership : null;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dashboard.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {ngo ? `${ngo.organizationName} · ${t('dashboard.subtitle')}` : t('dashboard.personalSubtitle')}
          </Typography.Text>
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
            <Link to="/donor/needs">
              <Button icon={<GiftOutlined />}>{t('dashboard.getStarted.donor')}</Button>
            </Link>
          </Flex>
        </Card>
      )}
      {ngo ? (
        <CoordinatorDashboard key={ngo.organizationId} organizationId={ngo.organizationId} />
      ) : (
        <Card title={t('dashboard.personal.title')}>
          <Flex gap={8} wrap>
            <Link to="/volunteer/matches">
              <Button icon={<ThunderboltOutlined />}>{t('nav.volunteerMatches')}</Button>
            </Link>
            <Link to="/volunteer/shifts">
              <Button icon={<CalendarOutlined />}>{t('nav.volunteerShifts')}</Button>
            </Link>
            <Link to="/donor/needs">
              <Button icon={<GiftOutlined />}>{t('nav.donorNeeds')}</Button>
            </Link>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
