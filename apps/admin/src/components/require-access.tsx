import type { ReactNode } from 'react';
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, type AccessRule } from '../navigation/access';
import { useSession } from '../session/use-session';

/** Shows its children only to people the rule admits; the menu hides the same screens by the same rule. */
export function RequireAccess({ rule, children }: { rule: AccessRule; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, isLoading, unavailable, access } = useSession();

  // Unknown memberships are not missing ones: while `/me` cannot be read, say nothing about roles
  // (the outage gate around the page says the service is unavailable and retries).
  if ((isLoading || unavailable) && !me) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (canAccess(rule, access)) return <>{children}</>;

  const organizationRule = rule !== 'platformAdmin' && access.membershipCount === 0;
  return (
    <div data-testid="access-denied">
      <Result
        status="403"
        title={t('states.forbiddenTitle')}
        subTitle={t(`access.denied.${rule}`)}
        extra={
          <Flex gap={8} justify="center" wrap>
            <Link to="/">
              <Button>{t('states.backHome')}</Button>
            </Link>
            {organizationRule && (
              <Link to="/organizations/create">
                <Button type="primary">{t('header.createOrganization')}</Button>
              </Link>
            )}
          </Flex>
        }
      />
    </div>
  );
}
