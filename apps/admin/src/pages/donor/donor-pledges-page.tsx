import { GiftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalPlaceholder } from '../../components/portal-placeholder';

export function DonorPledgesPage() {
  const { t } = useTranslation();
  return (
    <PortalPlaceholder
      testId="donor-pledges"
      title={t('donor.pledges.title')}
      subtitle={t('donor.pledges.subtitle')}
      icon={<GiftOutlined />}
      emptyTitle={t('donor.pledges.emptyTitle')}
      emptyDescription={t('donor.pledges.emptyDescription')}
      nextSteps={[{ label: t('portal.toAccount'), to: '/account' }]}
    />
  );
}
