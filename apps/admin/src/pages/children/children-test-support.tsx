import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import { Refine } from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { ChildListRow, ChildView, MeResponse, MembershipRole } from '@kindred/contracts';
import { ANTD_LOCALES } from '../../i18n/antd-locale';
import { i18n } from '../../i18n/i18n';
import { createI18nProvider } from '../../i18n/i18n-provider';
import { RESOURCES } from '../../navigation/resources';
import { authProvider } from '../../providers/auth-provider';
import { dataProvider } from '../../providers/data-provider';
import { liveConnection } from '../../providers/live-provider';
import { json, stubFetch, type RecordedCall } from '../../providers/test-support';
import { ChildrenRoutes } from './children-routes';

/** Fixtures and a signed-in App for the registry's screen tests (the API is faked at `fetch`). */

export const ORG_ID = 'ngo-1';

export function meAs(role: MembershipRole | null): MeResponse {
  return {
    id: 'u1',
    displayName: '罗建国',
    email: 'worker@example.org',
    phone: null,
    locale: 'zh-CN',
    isPlatformAdmin: false,
    memberships: role ? [{ organizationId: ORG_ID, organizationName: '隆回县关爱中心', organizationKind: 'ngo', role }] : [],
  };
}

export function childRow(overrides: Partial<ChildListRow> = {}): ChildListRow {
  return {
    id: 'c1',
    organizationId: ORG_ID,
    alias: '小星星',
    gender: 'female',
    birthDate: '2015-03-15',
    ageBand: '6to14',
    regionCode: '430524',
    schoolName: '荷香桥小学',
    grade: '五年级',
    categories: ['left_behind_grandparent'],
    householdId: 'h1',
    livingArrangement: 'grandparents',
    socialAssistance: 'none',
    riskLevel: 'medium',
    status: 'active',
    registeredOn: '2025-09-01',
    exitedOn: null,
    exitReason: null,
    nextVisitDue: '2026-12-20',
    nextReassessmentDue: null,
    visitOverdue: false,
    lastParentContactOn: null,
    parentContactOverdue: false,
    consentScopes: ['service_delivery'],
    version: 3,
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  };
}

export function childView(overrides: Partial<ChildView> = {}): ChildView {
  const { legalName: _ignored, ...row } = childRow();
  return { ...row, categoryHistory: [], ...overrides };
}

export type Answer = (call: RecordedCall) => Response | undefined;

/** Signs in as `role` of the NGO (`null`: a volunteer without one), opens `path`, and answers the API with `answer` (404 for anything it leaves). */
export function signInAt(path: string, role: MembershipRole | null, answer: Answer): { calls: RecordedCall[] } {
  window.history.pushState({}, '', path);
  window.localStorage.setItem('kindred.accessToken', 'acc');
  window.localStorage.setItem('kindred.refreshToken', 'ref');
  vi.spyOn(liveConnection, 'start').mockImplementation(() => undefined);
  return stubFetch((call) => {
    if (call.url === '/api/v1/me') return json(200, meAs(role));
    return answer(call) ?? json(404, { type: 'about:blank', title: 'not_found', status: 404, code: 'not_found' });
  });
}

export function pathOf(call: RecordedCall): string {
  return call.url.split('?')[0]!;
}

export function queryOf(call: RecordedCall): URLSearchParams {
  return new URLSearchParams(call.url.split('?')[1] ?? '');
}

/** antd forms in jsdom are slow on a loaded machine: a hang guard, not a speed check. */
export const SLOW = { timeout: 45_000 };

/**
 * The registry's routes (and `extra` ones) inside Refine with the app's own data, auth and i18n
 * providers — lighter than the whole App, the same `fetch` boundary.
 */
export function renderRegistry(extra?: ReactNode, container?: HTMLElement) {
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
            <Routes>
              <Route path="/children/*" element={<ChildrenRoutes />} />
              {extra}
            </Routes>
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>,
    container ? { container } : undefined,
  );
}
