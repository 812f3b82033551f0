import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../App';
import { liveConnection } from '../../providers/live-provider';
import { json, problem, stubFetch, stubMatchMedia } from '../../providers/test-support';

beforeAll(() => stubMatchMedia());

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

// The e-mail/mobile switch repeats those words, so text fields are found by role.
async function fill(label: string, value: string) {
  const field = label.includes('密码') ? await screen.findByLabelText(label) : await screen.findByRole('textbox', { name: label });
  fireEvent.change(field, { target: { value } });
}

async function submit() {
  await act(async () => {
    fireEvent.submit(screen.getByTestId('register-form'));
  });
}

describe('register page', () => {
  it('should be reachable from the login page', async () => {
    window.history.pushState({}, '', '/login');
    stubFetch(() => json(404, {}));
    render(<App />);

    await act(async () => {
      fireEvent.click(await screen.findByRole('link', { name: '立即注册' }));
    });

    expect(window.location.pathname).toBe('/register');
    expect(await screen.findByRole('heading', { name: '注册 Kindred 账号' })).toBeTruthy();
  });

  it('should show the API field errors on the fields they name', async () => {
    window.history.pushState({}, '', '/register');
    const { calls } = stubFetch(() =>
      problem(400, 'validation_failed', 'Invalid value for displayName', [
        { field: 'displayName', message: 'displayName contains a forbidden word' },
      ]),
    );
    render(<App />);

    await fill('邮箱', 'li.hua@example.cn');
    await fill('称呼', '李华');
    await fill('密码', 'a-long-passphrase');
    await fill('确认密码', 'a-long-passphrase');
    await submit();

    const onField = await within(screen.getByTestId('register-form')).findByText('displayName contains a forbidden word');
    expect(onField.closest('.ant-form-item')?.querySelector('input')?.id).toBe('displayName');
    expect(calls.at(-1)).toMatchObject({
      url: '/api/v1/auth/register',
      method: 'POST',
      body: { email: 'li.hua@example.cn', password: 'a-long-passphrase', displayName: '李华', locale: 'zh-CN' },
    });
  });

  it('should put login_taken on the mobile field when registering by phone', async () => {
    window.history.pushState({}, '', '/register');
    const { calls } = stubFetch(() => problem(409, 'login_taken', 'An account with this e-mail address or mobile number already exists'));
    render(<App />);

    await act(async () => {
      fireEvent.click(await screen.findByText('手机号'));
    });
    await fill('手机号', '13800138000');
    await fill('称呼', '李华');
    await fill('密码', 'a-long-passphrase');
    await fill('确认密码', 'a-long-passphrase');
    await submit();

    // On the field (Refine's notification repeats it in a toast).
    const onField = within(screen.getByTestId('register-form')).findByText('该邮箱或手机号已注册，请直接登录或换一个');
    expect((await onField).closest('.ant-form-item')?.querySelector('input')?.id).toBe('phone');
    expect(calls.at(-1)?.body).toMatchObject({ phone: '13800138000' });
    expect(screen.queryByTestId('register-error')).toBeNull();
  });
});
