import { AlertOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "报告关注": opens the one-screen form for this NGO, with the child preselected when given. */
export function RaiseConcernButton({
  organizationId,
  childId,
  size,
}: {
  organizationId: string;
  childId?: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const query = new URLSearchParams({ organizationId, ...(childId ? { childId } : {}) });
  return (
    <Link to={`/concerns/new?${query.toString()}`}>
      <Button danger icon={<AlertOutlined />} size={size} data-testid="raise-concern-button">
        {t('concerns.raise.action')}
      </Button>
    </Link>
  );
}
