import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { childView, pathOf, renderRegistry, signInAt, SLOW } from './children-test-support';

// A phone held in a village: 390 px wide.
beforeAll(() => stubMatchMedia(390));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('visit form on a phone', { timeout: 90_000 }, () => {
  it('should offer large controls with a home visit today already chosen and record it', async () => {
    const { calls } = signInAt('/children/c1/visit', 'staff', (call) => {
      const path = pathOf(call);
      if (path === '/api/v1/children/c1') return json(200, childView());
      if (path === '/api/v1/children/c1/services' && call.method === 'POST') {
        return json(201, { id: 's1', childId: 'c1', kind: 'family_visit', date: dayjs().format('YYYY-MM-DD') });
      }
      if (path === '/api/v1/children/c1/consent') return json(200, null);
      if (path === '/api/v1/children/c1/timeline') return json(200, []);
      return undefined;
    });
    const container = document.createElement('div');
    container.style.width = '390px';
    document.body.appendChild(container);
    renderRegistry(undefined, container);

    const page = await screen.findByTestId('visit-form-page', undefined, SLOW);
    expect(container.contains(page)).toBe(true);
    const form = within(page);
    expect(form.getByText('小星星 · 6–14 岁')).toBeTruthy();
    // The form is one column that never exceeds the screen, with large controls and a full-width submit.
    expect(page.style.maxWidth).toBe('480px');
    expect(page.style.width).toBe('100%');
    expect(page.querySelector('form')?.className).toContain('ant-form-large');
    const submit = form.getByTestId('visit-submit');
    expect(submit.className).toContain('ant-btn-block');
    expect(submit.style.height).toBe('52px');
    // Kind: a home visit is chosen; the date is today's.
    expect(form.getByTitle('入户走访')).toBeTruthy();
    expect((form.getByLabelText('日期') as HTMLInputElement).value).toBe(dayjs().format('YYYY-MM-DD'));
    fireEvent.change(form.getByLabelText('记录'), { target: { value: '奶奶腿脚不便, 孩子作业按时完成' } });

    await act(async () => {
      fireEvent.click(submit);
    });

    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === '/api/v1/children/c1/services')).toBe(true), SLOW);
    expect(calls.find((c) => pathOf(c) === '/api/v1/children/c1/services')).toMatchObject({
      method: 'POST',
      body: { kind: 'family_visit', date: dayjs().format('YYYY-MM-DD'), notes: '奶奶腿脚不便, 孩子作业按时完成' },
    });
    await vi.waitFor(() => expect(window.location.pathname).toBe('/children/c1'), SLOW);
  });

  it('should list the visit kinds before the other services', async () => {
    signInAt('/children/c1/visit', 'staff', (call) => (pathOf(call) === '/api/v1/children/c1' ? json(200, childView()) : undefined));
    renderRegistry();
    const page = await screen.findByTestId('visit-form-page', undefined, SLOW);

    await act(async () => {
      fireEvent.mouseDown(page.querySelector('#kind')!);
    });

    const groups = [...document.querySelectorAll('.ant-select-item-group')].map((el) => el.textContent);
    expect(groups).toEqual(['走访', '其他服务']);
    const options = [...document.querySelectorAll('.ant-select-item-option')].map((el) => el.textContent);
    expect(options.slice(0, 3)).toEqual(['入户走访', '学校走访', '电话回访']);
  });
});
