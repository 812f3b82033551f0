import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { MeResponse } from '@kindred/contracts';
import { App } from '../App';
import { liveConnection } from '../providers/live-provider';
import { json, stubFetch, stubMatchMedia } from '../providers/test-support';
import { CURRENT_ORGANIZATION_KEY } from '../session/current-organization';

const ME: MeResponse = {
  id: 'u1',
  displayName: '罗建国',
  email: 'owner@example.org',
  phone: null,
  locale: 'zh-CN',
  isPlatformAdmin: false,
  memberships: [
    { organizationId: 'org-a', organizationName: '隆回县关爱中心', organizationKind: 'ngo', role: 'owner' },
    { organizationId: 'org-b', organizationName: '湘江科技', organizationKind: 'company', role: 'employee' },
  ],
};

// A desktop-wide screen, so the sider (not the phone drawer) shows the menu.
beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

function signIn() {
  window.history.pushState({}, '', '/');
  window.localStorage.setItem('kindred.accessToken', 'acc');
  window.localStorage.setItem('kindred.refreshToken', 'ref');
  vi.spyOn(liveConnection, 'start').mockImplementation(() => undefined);
  stubFetch((call) => (call.url === '/api/v1/me' ? json(200, ME) : json(404, {})));
}

const switcher = () => screen.findByTestId('organization-switcher');
const menu = () => screen.getByTestId('app-menu');

describe('organisation switcher', () => {
  it('should switch the organisation, remember it, and rebuild the menu for the role there', async () => {
    signIn();
    render(<App />);

    expect(within(await switcher()).getByText('隆回县关爱中心')).toBeTruthy();
    expect(within(menu()).getByText('协调员')).toBeTruthy();
    expect(within(menu()).getByText('审计日志')).toBeTruthy();

    await act(async () => {
      fireEvent.mouseDown(within(await switcher()).getByRole('combobox'));
    });
    const option = (await screen.findAllByText('湘江科技')).find((el) => el.closest('.ant-select-item-option'));
    await act(async () => {
      fireEvent.click(option!);
    });

    expect(window.localStorage.getItem(CURRENT_ORGANIZATION_KEY)).toBe('org-b');
    expect(within(await switcher()).getByText('湘江科技')).toBeTruthy();
    // An employee of a company: no coordinator group, company screens under the donor group, no audit log.
    expect(within(menu()).queryByText('协调员')).toBeNull();
    expect(within(menu()).getByText('企业与成员')).toBeTruthy();
    expect(within(menu()).queryByText('审计日志')).toBeNull();
  });

  it('should start in the remembered organisation after a reload', async () => {
    signIn();
    window.localStorage.setItem(CURRENT_ORGANIZATION_KEY, 'org-b');
    render(<App />);

    expect(within(await switcher()).getByText('湘江科技')).toBeTruthy();
    expect(within(menu()).queryByText('协调员')).toBeNull();
  });
});
