import { GiftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NeedBrowser } from '../../components/need-browser';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';

/** Open needs to give to, goods first by default (people and companies alike). */
export function DonorNeedsPage() {
  const { t } = useTranslation();
  return (
    <PortalColumn testId="donor-needs">
      <PageHeader title={t('donor.needs.title')} subtitle={t('donor.needs.subtitle')} />
      <NeedBrowser
        initialType="goods"
        exportName={t('donor.needs.exportName')}
        emptyHint={t('donor.needs.emptyHint')}
        action={(need) => (
          <Link to={`/donor/needs/${need.id}`}>
            <Button type="primary" icon={<GiftOutlined />} data-testid={`pledge-need-${need.id}`}>
              {t('donor.needs.pledge')}
            </Button>
          </Link>
        )}
      />
    </PortalColumn>
  );
}
