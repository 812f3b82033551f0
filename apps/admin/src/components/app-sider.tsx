import { useMemo, useContext, type ReactNode } from 'react';
import { useThemedLayoutContext, type RefineThemedLayoutSiderProps } from '@refinedev/antd';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  GiftOutlined,
  IdcardOutlined,
  LeftOutlined,
  PlusCircleOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SearchOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, ConfigProvider, Drawer, Grid, Layout, Menu, theme, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { computeMenu, selectedMenuKey, type MenuIcon } from '../navigation/menu';
import { useSession } from '../session/use-session';
import { AppTitle } from './app-title';
import { useConcernAlerts } from './concern-alert';

const ICONS: Record<MenuIcon, ReactNode> = {
  dashboard: <DashboardOutlined />,
  organization: <TeamOutlined />,
  create: <PlusCircleOutlined />,
  audit: <AuditOutlined />,
  matches: <ThunderboltOutlined />,
  shifts: <CalendarOutlined />,
  hours: <ClockCircleOutlined />,
  pledges: <GiftOutlined />,
  verify: <SafetyCertificateOutlined />,
  account: <UserOutlined />,
  needs: <ProfileOutlined />,
  volunteers: <SolutionOutlined />,
  checkIn: <QrcodeOutlined />,
  profile: <IdcardOutlined />,
  browse: <SearchOutlined />,
  company: <BankOutlined />,
  safeguarding: <SafetyOutlined />,
  concerns: <AlertOutlined />,
};

const SIDER_WIDTH = 220;

/** Below `lg` the sider is a drawer opened from the header, as in Refine's themed layout. */
export function useIsDrawerLayout(): boolean {
  const breakpoint = Grid.useBreakpoint();
  return typeof breakpoint.lg === 'undefined' ? false : !breakpoint.lg;
}

/**
 * Refine's themed sider, fed by the role-aware menu instead of the resource list: groups the
 * person cannot use never appear. Below `lg` it turns into a drawer, opened by the header's menu button.
 */
export function AppSider(_props: RefineThemedLayoutSiderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  const { access } = useSession();
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext();
  const direction = useContext(ConfigProvider.ConfigContext)?.direction;
  const isMobile = useIsDrawerLayout();

  const groups = useMemo(() => computeMenu(access), [access]);
  const concernAlertCount = useConcernAlerts().length;
  const selected = selectedMenuKey(groups, pathname);

  const items: MenuProps['items'] = groups.map((group) => {
    const children = group.items.map((item) => ({
      key: item.key,
      icon: ICONS[item.icon],
      label:
        item.key === 'ngo-concerns' && concernAlertCount > 0 ? (
          <Link to={item.path}>
            {t(item.label)} <Badge count={concernAlertCount} data-testid="concern-badge" />
          </Link>
        ) : (
          <Link to={item.path}>{t(item.label)}</Link>
        ),
    }));
    return group.label
      ? { type: 'group' as const, key: group.key, label: t(group.label), children }
      : { type: 'group' as const, key: group.key, children };
  });

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      style={{ paddingTop: 8, border: 'none', overflow: 'auto', height: 'calc(100% - 72px)' }}
      onClick={() => setMobileSiderOpen(false)}
      data-testid="app-menu"
    />
  );

  const titleBar = (collapsed: boolean) => (
    <div
      style={{
        width: collapsed ? 80 : SIDER_WIDTH,
        padding: collapsed ? 0 : '0 16px',
        display: 'flex',
        justifyContent: collapsed ? 'center' : 'flex-start',
        alignItems: 'center',
        height: 64,
        backgroundColor: token.colorBgElevated,
      }}
    >
      <AppTitle collapsed={collapsed} />
    </div>
  );

  if (isMobile) {
    return (
      <Drawer
        open={mobileSiderOpen}
        onClose={() => setMobileSiderOpen(false)}
        placement={direction === 'rtl' ? 'right' : 'left'}
        closable={false}
        width={SIDER_WIDTH}
        styles={{ body: { padding: 0 } }}
        maskClosable
      >
        <Layout>
          <Layout.Sider width={SIDER_WIDTH} style={{ height: '100vh', backgroundColor: token.colorBgContainer }}>
            {titleBar(false)}
            {menu}
          </Layout.Sider>
        </Layout>
      </Drawer>
    );
  }

  const pointsRight = direction === 'rtl' ? !siderCollapsed : siderCollapsed;
  const CollapseIcon = pointsRight ? RightOutlined : LeftOutlined;
  return (
    <Layout.Sider
      width={SIDER_WIDTH}
      style={{ backgroundColor: token.colorBgContainer, borderRight: `1px solid ${token.colorBgElevated}` }}
      collapsible
      collapsed={siderCollapsed}
      onCollapse={(collapsed, type) => {
        if (type === 'clickTrigger') setSiderCollapsed(collapsed);
      }}
      collapsedWidth={80}
      breakpoint="lg"
      trigger={
        <Button
          type="text"
          aria-label={t('header.toggleMenu')}
          style={{ borderRadius: 0, height: '100%', width: '100%', backgroundColor: token.colorBgElevated }}
          icon={<CollapseIcon style={{ color: token.colorPrimary }} />}
        />
      }
    >
      {titleBar(siderCollapsed)}
      {menu}
    </Layout.Sider>
  );
}
