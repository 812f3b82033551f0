import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { PortalPlaceholder } from '../../components/portal-placeholder';

export function VolunteerHoursPage() {
  const { t } = useTranslation();
  return (
    <PortalPlaceholder
      testId="volunteer-hours"
      title={t('volunteer.hours.title')}
      subtitle={t('volunteer.hours.subtitle')}
      icon={<ClockCircleOutlined />}
      emptyTitle={t('volunteer.hours.emptyTitle')}
      emptyDescription={t('volunteer.hours.emptyDescription')}
      nextSteps={[{ label: t('portal.toMatches'), to: '/volunteer/matches' }]}
    >
      <Row gutter={[12, 12]}>
        <Col xs={12}>
          <Card size="small">
            <Statistic title={t('volunteer.hours.verified')} value="—" />
          </Card>
        </Col>
        <Col xs={12}>
          <Card size="small">
            <Statistic title={t('volunteer.hours.pending')} value="—" />
          </Card>
        </Col>
      </Row>
    </PortalPlaceholder>
  );
}
