import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalPlaceholder } from '../../components/portal-placeholder';

export function VolunteerShiftsPage() {
  const { t } = useTranslation();
  return (
    <PortalPlaceholder
      testId="volunteer-shifts"
      title={t('volunteer.shifts.title')}
      subtitle={t('volunteer.shifts.subtitle')}
      icon={<CalendarOutlined />}
      emptyTitle={t('volunteer.shifts.emptyTitle')}
      emptyDescription={t('volunteer.shifts.emptyDescription')}
      nextSteps={[
        { label: t('portal.toMatches'), to: '/volunteer/matches' },
        { label: t('portal.toAccount'), to: '/account' },
      ]}
    />
  );
}
