import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalPlaceholder } from '../../components/portal-placeholder';

export function VolunteerMatchesPage() {
  const { t } = useTranslation();
  return (
    <PortalPlaceholder
      testId="volunteer-matches"
      title={t('volunteer.matches.title')}
      subtitle={t('volunteer.matches.subtitle')}
      icon={<ThunderboltOutlined />}
      emptyTitle={t('volunteer.matches.emptyTitle')}
      emptyDescription={t('volunteer.matches.emptyDescription')}
      nextSteps={[{ label: t('portal.toAccount'), to: '/account' }]}
    />
  );
}
