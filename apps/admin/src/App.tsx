import { useMemo } from 'react';
import { Authenticated, Refine } from '@refinedev/core';
import { ErrorComponent, RefineThemes, ThemedLayout, useNotificationProvider } from '@refinedev/antd';
import routerProvider, {
  CatchAllNavigate,
  DocumentTitleHandler,
  NavigateToResource,
  UnsavedChangesNotifier,
} from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/app-header';
import { AppSider } from './components/app-sider';
import { AppTitle } from './components/app-title';
import { ConcernAlertBanner, ConcernAlertListener } from './components/concern-alert';
import { LiveConnectionGate } from './components/live-connection-gate';
import { RequireAccess } from './components/require-access';
import { ServiceOutageGate } from './components/service-outage';
import { SessionLiveSync } from './components/session-live-sync';
import { ANTD_LOCALES } from './i18n/antd-locale';
import { currentLocale, i18n } from './i18n/i18n';
import { createI18nProvider } from './i18n/i18n-provider';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { liveProvider } from './providers/live-provider';
import { RESOURCES } from './navigation/resources';
import { AccountPage } from './pages/account';
import { AuditLogPage } from './pages/audit-log';
import { ChildrenRoutes } from './pages/children';
import { ConcernsRoutes } from './pages/concerns';
import { DashboardPage } from './pages/dashboard';
import { CompanyGivingPage, DonorNeedPage, DonorNeedsPage, DonorPledgesPage } from './pages/donor';
import { HoursPage } from './pages/hours';
import { NeedCreatePage, NeedEditPage, NeedListPage, NeedShowPage } from './pages/needs';
import { OrgPledgesPage, PledgeShowPage } from './pages/pledges';
import { CheckInDisplayPage, ShiftRosterPage } from './pages/shifts';
import { SafeguardingAdminPage } from './pages/admin';
import { VolunteersPage } from './pages/volunteers';
import { LoginPage } from './pages/login';
import { OrganizationCreatePage, OrganizationListPage, OrganizationShowPage } from './pages/organizations';
import { RegisterPage } from './pages/register';
import {
  VolunteerCheckInPage,
  VolunteerHoursPage,
  VolunteerMatchesPage,
  VolunteerNeedPage,
  VolunteerProfilePage,
  VolunteerShiftsPage,
} from './pages/my-volunteering';

// A 4xx answer will not change on a retry; network failures and 5xx get two more tries.
function retryQuery(failureCount: number, error: unknown): boolean {
  const status = (error as { statusCode?: number } | null)?.statusCode ?? 0;
  return (status === 0 || status >= 500) && failureCount < 2;
}

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
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              liveMode: 'auto',
              disableTelemetry: true,
              reactQuery: { clientConfig: { defaultOptions: { queries: { retry: retryQuery } } } },
            }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="protected" fallback={<CatchAllNavigate to="/login" />}>
                    <LiveConnectionGate />
                    <SessionLiveSync />
                    <ConcernAlertListener />
                    <ThemedLayout Header={AppHeader} Sider={AppSider} Title={AppTitle}>
                      <ServiceOutageGate>
                        <ConcernAlertBanner />
                        <Outlet />
                      </ServiceOutageGate>
                    </ThemedLayout>
                  </Authenticated>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="/account" element={<AccountPage />} />
                <Route path="/organizations/create" element={<OrganizationCreatePage />} />
                <Route path="/organizations/:id" element={<OrganizationShowPage />} />
                <Route
                  path="/audit-log"
                  element={
                    <RequireAccess rule="organizationOwner">
                      <AuditLogPage scope="organization" />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/needs"
                  element={
                    <RequireAccess rule="ngoMember">
                      <NeedListPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/needs/create"
                  element={
                    <RequireAccess rule="ngoCoordinator">
                      <NeedCreatePage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/needs/:id"
                  element={
                    <RequireAccess rule="ngoMember">
                      <NeedShowPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/needs/:id/edit"
                  element={
                    <RequireAccess rule="ngoCoordinator">
                      <NeedEditPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/shifts/:id"
                  element={
                    <RequireAccess rule="ngoMember">
                      <ShiftRosterPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/hours"
                  element={
                    <RequireAccess rule="ngoCoordinator">
                      <HoursPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/volunteers"
                  element={
                    <RequireAccess rule="ngoMember">
                      <VolunteersPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/pledges"
                  element={
                    <RequireAccess rule="ngoMember">
                      <OrgPledgesPage />
                    </RequireAccess>
                  }
                />
                <Route path="/pledges/:id" element={<PledgeShowPage />} />
                <Route path="/children/*" element={<ChildrenRoutes />} />
                <Route path="/concerns/*" element={<ConcernsRoutes />} />
                <Route path="/volunteer/matches" element={<VolunteerMatchesPage />} />
                <Route path="/volunteer/needs/:id" element={<VolunteerNeedPage />} />
                <Route path="/volunteer/shifts" element={<VolunteerShiftsPage />} />
                <Route path="/volunteer/check-in" element={<VolunteerCheckInPage />} />
                <Route path="/volunteer/hours" element={<VolunteerHoursPage />} />
                <Route path="/volunteer/profile" element={<VolunteerProfilePage />} />
                <Route path="/donor/needs" element={<DonorNeedsPage />} />
                <Route path="/donor/needs/:id" element={<DonorNeedPage />} />
                <Route path="/donor/pledges" element={<DonorPledgesPage />} />
                <Route path="/donor/pledges/:id" element={<PledgeShowPage />} />
                <Route
                  path="/company/giving"
                  element={
                    <RequireAccess rule="companyManager">
                      <CompanyGivingPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/admin/safeguarding"
                  element={
                    <RequireAccess rule="platformAdmin">
                      <SafeguardingAdminPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/admin/organizations"
                  element={
                    <RequireAccess rule="platformAdmin">
                      <OrganizationListPage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="/admin/audit-log"
                  element={
                    <RequireAccess rule="platformAdmin">
                      <AuditLogPage scope="platform" />
                    </RequireAccess>
                  }
                />
                <Route path="*" element={<ErrorComponent />} />
              </Route>
              {/* The check-in code is shown full-screen on a tablet or projector: no menu, no header. */}
              <Route
                path="/shifts/:id/check-in-code"
                element={
                  <Authenticated key="display" fallback={<CatchAllNavigate to="/login" />}>
                    <LiveConnectionGate />
                    <ServiceOutageGate>
                      <RequireAccess rule="ngoCoordinator">
                        <CheckInDisplayPage />
                      </RequireAccess>
                    </ServiceOutageGate>
                  </Authenticated>
                }
              />
              <Route
                element={
                  <Authenticated key="public" fallback={<Outlet />}>
                    <NavigateToResource resource="dashboard" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
                <Route path="/register" element={<RegisterPage />} />
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
