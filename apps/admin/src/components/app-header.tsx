import { useGetIdentity, useLogout } from '@refinedev/core';
import type { RefineThemedLayoutHeaderProps } from '@refinedev/antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '@kindred/contracts';
import { LanguageSwitcher } from './language-switcher';

export function AppHeader({ sticky = true }: RefineThemedLayoutHeaderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { data: user } = useGetIdentity<MeResponse>();
  const { mutate: logout, isPending } = useLogout();

  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        padding: '0 24px',
        height: 64,
        ...(sticky ? { position: 'sticky', top: 0, zIndex: 1 } : {}),
      }}
    >
      <Space size="middle">
        <LanguageSwitcher />
        {user && (
          <Space size="small">
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text strong>{user.displayName}</Typography.Text>
          </Space>
        )}
        <Button icon={<LogoutOutlined />} loading={isPending} onClick={() => logout()}>
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
