import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from './App';
import { liveConnection } from './providers/live-provider';
import { json, problem, stubFetch } from './providers/test-support';

beforeAll(() => {
  // antd's responsive helpers need matchMedia, which jsdom lacks.
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
});

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('should send a signed-out visitor to the Chinese login form and show the problem detail on failure', async () => {
    window.history.pushState({}, '', '/');
    const { calls } = stubFetch(() => problem(401, 'invalid_credentials', '账号或密码不正确'));
    render(<App />);

    expect(await screen.findByLabelText('账号 (手机号或邮箱)')).toBeTruthy();
    expect(window.location.pathname).toBe('/login');

    fireEvent.change(screen.getByLabelText('账号 (手机号或邮箱)'), { target: { value: 'coordinator@example.org' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-password' } });
    await act(async () => {
      fireEvent.submit(screen.getByRole('button', { name: /登\s*录/ }).closest('form')!);
    });

    expect((await screen.findByTestId('login-error')).textContent).toContain('账号或密码不正确');
    expect(calls.at(-1)).toMatchObject({ url: '/api/v1/auth/login', method: 'POST' });
  });

  it('should show the dashboard with the user name and live status when signed in', async () => {
    window.history.pushState({}, '', '/');
    window.localStorage.setItem('kindred.accessToken', 'acc');
    window.localStorage.setItem('kindred.refreshToken', 'ref');
    const start = vi.spyOn(liveConnection, 'start').mockImplementation(() => undefined);
    stubFetch((call) =>
      call.url === '/api/v1/me'
        ? json(200, {
            id: 'u1',
            displayName: '王老师',
            email: null,
            phone: '13800000000',
            locale: 'zh-CN',
            memberships: [],
            isPlatformAdmin: false,
          })
        : json(404, {}),
    );
    render(<App />);

    expect(await screen.findByText('王老师')).toBeTruthy();
    expect(screen.getAllByText('工作台').length).toBeGreaterThan(0);
    expect(screen.getByTestId('live-status').getAttribute('data-status')).toBe('idle');
    expect(start).toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByText('English'));
    });
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(window.localStorage.getItem('kindred.locale')).toBe('en');
    await act(async () => {
      fireEvent.click(screen.getByText('中文'));
    });
  });
});
