import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Refine, type AuthProvider, type DataProvider } from '@refinedev/core';
import '../i18n/i18n';
import { createServiceStatusStore } from '../providers/service-status';
import { stubMatchMedia } from '../providers/test-support';
import { ServiceOutageGate } from './service-outage';

const ME = { id: 'u1', displayName: '王老师', email: null, phone: null, locale: 'zh-CN', memberships: [], isPlatformAdmin: false };

const noData = (() => Promise.reject(new Error('not used'))) as never;
const dataProvider: DataProvider = {
  getList: noData,
  getOne: noData,
  create: noData,
  update: noData,
  deleteOne: noData,
  getApiUrl: () => '/api/v1',
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ServiceOutageGate', () => {
  it('should back off between automatic retries and keep backing off when the API fails again soon after recovering', async () => {
    stubMatchMedia();
    const store = createServiceStatusStore();
    let down = true;
    // `/me` is the probe: it answers from cache-like data but reports the API's state as the client would.
    const getIdentity = vi.fn(async () => {
      if (down) store.reportFailure(503);
      else store.reportSuccess();
      return ME;
    });
    const authProvider: AuthProvider = {
      login: async () => ({ success: true }),
      logout: async () => ({ success: true }),
      check: async () => ({ authenticated: true }),
      onError: async () => ({}),
      getIdentity,
    };
    render(
      <Refine authProvider={authProvider} dataProvider={dataProvider} options={{ disableTelemetry: true }}>
        <ServiceOutageGate store={store}>
          <p>页面内容</p>
        </ServiceOutageGate>
      </Refine>,
    );
    await screen.findByText('页面内容');
    act(() => store.reportFailure(503));

    // Identity known (once `/me` has answered): a banner above the page, not a replaced page.
    const status = () => screen.getByTestId('service-retry-status').textContent;
    expect((await screen.findByTestId('service-unavailable-banner')).textContent).toContain('服务暂时不可用，正在重试');
    expect(screen.getByText('页面内容')).toBeTruthy();
    expect(status()).toBe('2 秒后自动重试');

    // The first automatic retry fails: the next one waits twice as long.
    await waitFor(() => expect(status()).toBe('4 秒后自动重试'), { timeout: 5000 });
    const probes = getIdentity.mock.calls.length;

    down = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /立即重试/ }));
    });
    await waitFor(() => expect(screen.queryByTestId('service-unavailable-banner')).toBeNull());
    expect(getIdentity.mock.calls.length).toBeGreaterThan(probes);

    // Failing again within a minute continues the back-off instead of starting over at 2 s.
    act(() => store.reportFailure(503));
    expect(await screen.findByTestId('service-unavailable-banner')).toBeTruthy();
    expect(status()).toBe('8 秒后自动重试');
  });

  it('should wait what Retry-After asks before retrying on its own', async () => {
    stubMatchMedia();
    const store = createServiceStatusStore();
    const authProvider: AuthProvider = {
      login: async () => ({ success: true }),
      logout: async () => ({ success: true }),
      check: async () => ({ authenticated: true }),
      onError: async () => ({}),
      getIdentity: async () => ME,
    };
    render(
      <Refine authProvider={authProvider} dataProvider={dataProvider} options={{ disableTelemetry: true }}>
        <ServiceOutageGate store={store}>
          <p>页面内容</p>
        </ServiceOutageGate>
      </Refine>,
    );
    await screen.findByText('页面内容');
    act(() => store.reportFailure(503, '120'));

    await screen.findByTestId('service-unavailable-banner');
    expect(screen.getByTestId('service-retry-status').textContent).toBe('120 秒后自动重试');
  });
});
