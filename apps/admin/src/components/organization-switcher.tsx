import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../session/use-session';

/**
 * The organisation the screens work in, for people in several; remembered in localStorage.
 * With one membership it only names the organisation.
 */
export function OrganizationSwitcher({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { memberships, currentMembership, selectOrganization } = useSession();

  if (memberships.length === 0 || !currentMembership) return null;

  if (memberships.length === 1) {
    if (compact) return null;
    return (
      <Flex gap={4} align="center" style={{ lineHeight: 'normal' }} data-testid="current-organization">
        <TeamOutlined />
        <Typography.Text ellipsis style={{ maxWidth: 220 }}>
          {currentMembership.organizationName}
        </Typography.Text>
      </Flex>
    );
  }

  const onChange = (organizationId: string) => {
    const previous = currentMembership.organizationId;
    selectOrganization(organizationId);
    // A page about the previous organisation follows the switch.
    const prefix = `/organizations/${previous}`;
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      void navigate(`/organizations/${organizationId}${pathname.slice(prefix.length)}`);
    }
  };

  return (
    <Select<string>
      aria-label={t('header.switchOrganization')}
      value={currentMembership.organizationId}
      onChange={onChange}
      style={{ width: compact ? 110 : 240 }}
      popupMatchSelectWidth={false}
      suffixIcon={<TeamOutlined />}
      data-testid="organization-switcher"
      options={memberships.map((m) => ({
        value: m.organizationId,
        label: m.organizationName,
        title: m.organizationName,
        role: m.role,
        kind: m.organizationKind,
      }))}
      optionRender={(option) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{option.data.label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`organizationKinds.${option.data.kind}`)} · {t(`roles.${option.data.role}`)}
          </Typography.Text>
        </Space>
      )}
      popupRender={(menu) => (
        <>
          {menu}
          <Divider style={{ margin: '4px 0' }} />
          <Button type="link" icon={<PlusOutlined />} onClick={() => void navigate('/organizations/create')}>
            {t('header.createOrganization')}
          </Button>
        </>
      )}
    />
  );
}
