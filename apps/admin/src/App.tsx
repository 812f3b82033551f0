import { useMemo } from 'react';
import { Authenticated, Refine, type ResourceProps } from '@refinedev/core';
import { ErrorComponent, RefineThemes, ThemedLayout, useNotificationProvider } from '@refinedev/antd';
import routerProvider, {
  CatchAllNavigate,
  DocumentTitleHandler,
  NavigateToResource,
  UnsavedChangesNotifier,
} from '@refinedev/react-router';
import { DashboardOutlined } from '@ant-design/icons';
import { App as AntdApp, ConfigProvider } from 'antd';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/app-header';
import { AppTitle } from './components/app-title';
import { LiveConnectionGate } from './components/live-connection-gate';
import { ANTD_LOCALES } from './i18n/antd-locale';
import { currentLocale, i18n } from './i18n/i18n';
import { createI18nProvider } from './i18n/i18n-provider';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { liveProvider } from './providers/live-provider';
import { DashboardPage } from './pages/dashboard';
import { LoginPage } from './pages/login';

// Add a resource here and its screens under `pages/<resource>/`.
const RESOURCES: ResourceProps[] = [
  { name: 'dashboard', list: '/', meta: { icon: <DashboardOutlined /> } },
];

export function App() {
  const { t } = useTranslation();
  const locale = currentLocale();
  // A new provider object on language change makes Refine's own components re-translate.
  const i18nProvider = useMemo(() => createI18nProvider(i18n), [locale]);

  return (
    <BrowserRouter>
      <ConfigProvider theme={RefineThemes.Blue} locale={ANTD_LOCALES[locale]}>
        <AntdApp>
          <Refine
            routerProvider={routerProvider}
            dataProvider={dataProvider}
            authProvider={authProvider}
            liveProvider={liveProvider}
            i18nProvider={i18nProvider}
            notificationProvider={useNotificationProvider}
            resources={RESOURCES}
            options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, liveMode: 'auto', disableTelemetry: true }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="protected" fallback={<CatchAllNavigate to="/login" />}>
                    <LiveConnectionGate />
                    <ThemedLayout Header={AppHeader} Title={AppTitle}>
                      <Outlet />
                    </ThemedLayout>
                  </Authenticated>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="*" element={<ErrorComponent />} />
              </Route>
              <Route
                element={
                  <Authenticated key="public" fallback={<Outlet />}>
                    <NavigateToResource resource="dashboard" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
              </Route>
            </Routes>
            <UnsavedChangesNotifier />
            <DocumentTitleHandler handler={() => `${t('app.name')} · ${t('app.tagline')}`} />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
