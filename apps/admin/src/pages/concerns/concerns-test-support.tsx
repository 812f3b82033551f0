import { render } from '@testing-library/react';
import { Refine } from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { ConcernListRow, ConcernView } from '@kindred/contracts';
import { ConcernAlertBanner, ConcernAlertListener } from '../../components/concern-alert';
import { ANTD_LOCALES } from '../../i18n/antd-locale';
import { i18n } from '../../i18n/i18n';
import { createI18nProvider } from '../../i18n/i18n-provider';
import { RESOURCES } from '../../navigation/resources';
import { authProvider } from '../../providers/auth-provider';
import { dataProvider } from '../../providers/data-provider';
import { ConcernsRoutes } from './concerns-routes';

export { ORG_ID, pathOf, signInAt, SLOW } from '../children/children-test-support';

export function concernRow(overrides: Partial<ConcernListRow> = {}): ConcernListRow {
  return {
    id: 'k1',
    organizationId: 'ngo-1',
    childId: 'c1',
    childAlias: '小星星',
    category: 'neglect',
    statutory: true,
    immediateDanger: false,
    status: 'open',
    source: 'manual',
    ackDueAt: '2026-12-03T10:00:00.000Z',
    overdue: false,
    decided: false,
    createdAt: '2026-12-02T10:00:00.000Z',
    acknowledgedAt: null,
    closedAt: null,
    ...overrides,
  };
}

export function concernView(overrides: Partial<ConcernView> = {}): ConcernView {
  return {
    ...concernRow(),
    reporterUserId: 'u9',
    childDescription: null,
    description: '孩子连续三天没有吃饭',
    occurredAt: null,
    location: null,
    acknowledgedBy: null,
    reportDecision: null,
    closedBy: null,
    outcome: null,
    ...overrides,
  };
}

/** The concerns' routes and the live alert (as the app's layout mounts them) inside Refine, faked at `fetch`. */
export function renderConcerns(container?: HTMLElement) {
  return render(
    <BrowserRouter>
      <ConfigProvider locale={ANTD_LOCALES['zh-CN']}>
        <AntdApp>
          <Refine
            routerProvider={routerProvider}
            dataProvider={dataProvider}
            authProvider={authProvider}
            i18nProvider={createI18nProvider(i18n)}
            resources={RESOURCES}
            options={{ disableTelemetry: true, reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false } } } } }}
          >
            <ConcernAlertListener />
            <ConcernAlertBanner />
            <Routes>
              <Route path="/concerns/*" element={<ConcernsRoutes />} />
              <Route path="/" element={<div data-testid="home" />} />
            </Routes>
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>,
    container ? { container } : undefined,
  );
}
