import { Badge, type BadgeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationStatus } from '@kindred/contracts';

const STATUS_COLOR: Record<OrganizationStatus, BadgeProps['status']> = {
  unverified: 'warning',
  verified: 'success',
  suspended: 'error',
};

export function OrganizationStatusBadge({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={STATUS_COLOR[status]}
      text={t(`organizationStatuses.${status}`)}
      data-testid="organization-status"
      data-status={status}
    />
  );
}
