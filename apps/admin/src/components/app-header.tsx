import { useLogout } from '@refinedev/core';
import { useThemedLayoutContext, type RefineThemedLayoutHeaderProps } from '@refinedev/antd';
import { BarsOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Grid, Layout, Space, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session/use-session';
import { useIsDrawerLayout } from './app-sider';
import { LanguageSwitcher } from './language-switcher';
import { OrganizationSwitcher } from './organization-switcher';

export function AppHeader({ sticky = true }: RefineThemedLayoutHeaderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { me } = useSession();
  const { mutate: logout, isPending } = useLogout();
  // Phones (< 576 px) get icons only, so the switchers keep their room.
  const compact = Grid.useBreakpoint().xs === true;
  const drawer = useIsDrawerLayout();
  const { setMobileSiderOpen } = useThemedLayoutContext();

  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: drawer ? 'space-between' : 'flex-end',
        alignItems: 'center',
        padding: compact ? '0 8px' : '0 24px',
        height: 64,
        ...(sticky ? { position: 'sticky', top: 0, zIndex: 1 } : {}),
      }}
    >
      {drawer && (
        <Button
          aria-label={t('header.openMenu')}
          icon={<BarsOutlined />}
          onClick={() => setMobileSiderOpen(true)}
          data-testid="open-menu"
        />
      )}
      <Space size={compact ? 'small' : 'middle'}>
        <OrganizationSwitcher compact={compact} />
        <LanguageSwitcher />
        {me && (
          <Link to="/account" aria-label={t('header.account')} title={t('header.account')}>
            <Space size="small">
              <Avatar size="small" icon={<UserOutlined />} />
              {!compact && <Typography.Text strong>{me.displayName}</Typography.Text>}
            </Space>
          </Link>
        )}
        <Tooltip title={compact ? t('header.logout') : undefined}>
          <Button icon={<LogoutOutlined />} loading={isPending} onClick={() => logout()} aria-label={t('header.logout')}>
            {!compact && t('header.logout')}
          </Button>
        </Tooltip>
      </Space>
    </Layout.Header>
  );
}
