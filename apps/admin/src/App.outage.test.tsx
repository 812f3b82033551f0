import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './App';
import { liveConnection } from './providers/live-provider';
import { serviceStatus } from './providers/service-status';
import { json, problem, stubFetch, stubMatchMedia } from './providers/test-support';

const COORDINATOR = {
  id: 'u1',
  displayName: '王老师',
  email: 'coordinator@example.org',
  phone: null,
  locale: 'zh-CN',
  memberships: [{ organizationId: 'o1', organizationName: '春苗之家', organizationKind: 'ngo', role: 'coordinator' }],
  isPlatformAdmin: false,
};

function unavailable(): Response {
  const response = problem(503, 'service_unavailable', 'The database is not reachable.');
  response.headers.set('retry-after', '1');
  return response;
}

function healthy(url: string): Response {
  if (url === '/api/v1/me') return json(200, COORDINATOR);
  // Every list the needs screen reads is simply empty.
  return json(200, [], 'application/json');
}

beforeAll(() => stubMatchMedia());

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  serviceStatus.reportSuccess();
  vi.unstubAllGlobals();
});

function signIn(path: string) {
  window.history.pushState({}, '', path);
  window.localStorage.setItem('kindred.accessToken', 'acc');
  window.localStorage.setItem('kindred.refreshToken', 'ref');
  vi.spyOn(liveConnection, 'start').mockImplementation(() => undefined);
}

describe('App during an API outage', () => {
  it('should show "service unavailable, retrying" instead of a role message when /me answers 503, and stay signed in', async () => {
    signIn('/needs');
    const { calls } = stubFetch(() => unavailable());
    render(<App />);

    // The first whole-app render in jsdom is slow on a loaded machine.
    const notice = await screen.findByTestId('service-unavailable', {}, { timeout: 8000 });
    expect(notice.textContent).toContain('服务暂时不可用，正在重试');
    expect(screen.getByRole('button', { name: /立即重试/ })).toBeTruthy();
    expect(screen.queryByTestId('access-denied')).toBeNull();
    expect(document.body.textContent).not.toContain('创建机构');
    expect(document.body.textContent).not.toContain('登录已失效');
    expect(window.location.pathname).toBe('/needs');
    expect(window.localStorage.getItem('kindred.refreshToken')).toBe('ref');
    expect(calls.some((c) => c.url.endsWith('/auth/logout'))).toBe(false);
  });

  it('should retry on its own after Retry-After and show the page once the API answers again', async () => {
    signIn('/needs');
    let down = true;
    const { calls } = stubFetch((call) => (down ? unavailable() : healthy(call.url)));
    render(<App />);

    expect(await screen.findByTestId('service-unavailable', {}, { timeout: 8000 })).toBeTruthy();
    const meCallsWhileDown = calls.filter((c) => c.url === '/api/v1/me').length;
    down = false;

    // Retry-After: 1 — the automatic retry comes within a couple of seconds, with no click.
    await waitFor(() => expect(screen.queryByTestId('service-unavailable')).toBeNull(), { timeout: 8000 });
    expect(calls.filter((c) => c.url === '/api/v1/me').length).toBeGreaterThan(meCallsWhileDown);
    expect(screen.queryByTestId('access-denied')).toBeNull();
    expect((await screen.findAllByText('需求管理')).length).toBeGreaterThan(0);
    expect(window.location.pathname).toBe('/needs');
  });

  it('should recover at once when the retry button is pressed', async () => {
    signIn('/needs');
    let down = true;
    stubFetch((call) => (down ? unavailable() : healthy(call.url)));
    render(<App />);

    await screen.findByTestId('service-unavailable', {}, { timeout: 8000 });
    down = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /立即重试/ }));
    });

    await waitFor(() => expect(screen.queryByTestId('service-unavailable')).toBeNull(), { timeout: 4000 });
    expect(screen.queryByTestId('access-denied')).toBeNull();
  });
});
