import { useOne } from '@refinedev/core';
import { Alert, Card, Descriptions, Flex, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { OrganizationView } from '@kindred/contracts';
import { ErrorState } from '../../components/list-states';
import { OrganizationStatusBadge } from '../../components/organization-status-badge';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { useSession } from '../../session/use-session';
import { MembersCard } from './members-card';
import { OrganizationActions } from './organization-actions';

/** An organisation with its status and, for members and administrators, its members. */
export function OrganizationShowPage() {
  const { id = '' } = useParams<{ id: string }>();
  // Refine's live subscriptions keep the parameters they started with: a new organisation gets a fresh page.
  return <OrganizationShow key={id} id={id} />;
}

function OrganizationShow({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { me, memberships } = useSession();
  // `organization.updated` (channel `resources/organizations`) refreshes the status live.
  const { result: organization, query } = useOne<OrganizationView>({ resource: 'organizations', id, queryOptions: { enabled: id !== '' } });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!organization) return <Skeleton active />;

  const membership = memberships.find((m) => m.organizationId === organization.id);
  const isPlatformAdmin = me?.isPlatformAdmin ?? false;
  const canManage = isPlatformAdmin || membership?.role === 'owner';
  const canSeeMembers = isPlatformAdmin || membership !== undefined;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={organization.name}
        subtitle={<OrganizationStatusBadge status={organization.status} />}
        extra={isPlatformAdmin && organization.kind !== 'platform' && <OrganizationActions organization={organization} size="middle" />}
      />
      {membership && organization.status === 'unverified' && (
        <Alert type="warning" showIcon message={t('organizations.show.unverifiedHint')} data-testid="unverified-hint" />
      )}
      {membership && organization.status === 'suspended' && <Alert type="error" showIcon message={t('organizations.show.suspendedHint')} />}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} data-testid="organization-details">
          <Descriptions.Item label={t('organizations.show.kind')}>
            <Tag>{t(`organizationKinds.${organization.kind}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('organizations.show.regionCode')}>{organization.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('organizations.show.status')}>
            <OrganizationStatusBadge status={organization.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('organizations.show.createdAt')}>
            {formatDate(organization.createdAt, locale, { withTime: true })}
          </Descriptions.Item>
          <Descriptions.Item label={t('organizations.show.yourRole')}>
            {membership ? t(`roles.${membership.role}`) : t('organizations.show.notMember')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {canSeeMembers && (
        <MembersCard
          organizationId={organization.id}
          organizationName={organization.name}
          organizationKind={organization.kind}
          canManage={canManage && organization.status !== 'suspended'}
        />
      )}
    </Flex>
  );
}
