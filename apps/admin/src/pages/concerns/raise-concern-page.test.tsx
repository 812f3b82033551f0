import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { childRow } from '../children/children-test-support';
import { ORG_ID, pathOf, renderConcerns, signInAt, SLOW } from './concerns-test-support';

// A phone in a volunteer's hand: 390 px wide.
beforeAll(() => stubMatchMedia(390));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('raise a concern on a phone', { timeout: 90_000 }, () => {
  it('should fit one column with the child preselected and send the contract body when opened from a child file', async () => {
    const { calls } = signInAt(`/concerns/new?organizationId=${ORG_ID}&childId=c1`, 'staff', (call) => {
      const path = pathOf(call);
      if (path === `/api/v1/organizations/${ORG_ID}/children`) return json(200, { data: [childRow()], nextCursor: null, total: 1 });
      if (path === '/api/v1/concerns' && call.method === 'POST')
        return json(201, { id: 'k1', status: 'open', ackDueAt: '2026-12-03T10:00:00Z' });
      if (path === '/api/v1/me/concerns') return json(200, { data: [] });
      return undefined;
    });
    const container = document.createElement('div');
    container.style.width = '390px';
    document.body.appendChild(container);
    renderConcerns(container);

    const page = await screen.findByTestId('raise-concern', undefined, SLOW);
    expect(container.contains(page)).toBe(true);
    expect(page.style.maxWidth).toBe('480px');
    expect(page.style.width).toBe('100%');
    expect(page.querySelector('form')?.className).toContain('ant-form-large');
    const submit = within(page).getByTestId('raise-submit');
    expect(submit.className).toContain('ant-btn-block');
    expect(submit.style.height).toBe('52px');
    await vi.waitFor(() => expect(within(page).getByText('小星星 · 6–14 岁')).toBeTruthy(), SLOW);

    // Statutory categories are marked 强制报告 and grouped first.
    await act(async () => {
      fireEvent.mouseDown(page.querySelector('#category')!);
    });
    const groups = [...document.querySelectorAll('.ant-select-item-group')].map((el) => el.textContent);
    expect(groups).toEqual(['强制报告情形（须决定是否报警）', '其他情形']);
    const neglect = [...document.querySelectorAll('.ant-select-item-option')].find((el) => el.textContent?.startsWith('疏于照料'))!;
    expect(neglect.textContent).toContain('强制报告');
    await act(async () => {
      fireEvent.click(neglect);
    });
    fireEvent.change(within(page).getByLabelText('看到或听到了什么'), { target: { value: '孩子一个人在家三天' } });
    await act(async () => {
      fireEvent.click(within(page).getByLabelText('儿童现在有危险'));
    });
    await act(async () => {
      fireEvent.click(submit);
    });

    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === '/api/v1/concerns' && c.method === 'POST')).toBe(true), SLOW);
    expect(calls.find((c) => pathOf(c) === '/api/v1/concerns' && c.method === 'POST')?.body).toEqual({
      organizationId: ORG_ID,
      childId: 'c1',
      category: 'neglect',
      description: '孩子一个人在家三天',
      immediateDanger: true,
    });
    await vi.waitFor(() => expect(window.location.pathname).toBe('/concerns/mine'), SLOW);
  });

  it('should ask a volunteer without membership to describe the child instead of picking one', async () => {
    const { calls } = signInAt(`/concerns/new?organizationId=${ORG_ID}`, null, () => undefined);
    renderConcerns();
    const page = await screen.findByTestId('raise-concern', undefined, SLOW);
    expect(within(page).queryByTestId('child-picker')).toBeNull();
    await act(async () => {
      fireEvent.click(within(page).getByTestId('raise-submit'));
    });
    await vi.waitFor(() => expect(within(page).getAllByText('请填写').length).toBe(3), SLOW);
    expect(calls.some((c) => pathOf(c) === `/api/v1/organizations/${ORG_ID}/children`)).toBe(false);
    expect(calls.some((c) => pathOf(c) === '/api/v1/concerns')).toBe(false);
  });
});
