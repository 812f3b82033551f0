import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { categoryFilterValue } from './child-list-page';
import { childRow, ORG_ID, pathOf, queryOf, renderRegistry, signInAt, SLOW } from './children-test-support';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

const LIST = `/api/v1/organizations/${ORG_ID}/children`;
const headers = () => [...document.querySelectorAll('thead th')].map((th) => th.textContent);

describe('children list', { timeout: 90_000 }, () => {
  it('should list the rows and highlight the children whose visit is overdue', async () => {
    const rows = [
      childRow({ id: 'c1', alias: '小星星', legalName: '王小红', visitOverdue: true, nextVisitDue: '2026-10-01' }),
      childRow({ id: 'c2', alias: '小树苗', legalName: '李明', gender: 'male', categories: ['orphan', 'low_income_dibao'] }),
    ];
    signInAt('/children', 'coordinator', (call) =>
      pathOf(call) === LIST ? json(200, { data: rows, nextCursor: null, total: 2 }) : undefined,
    );
    renderRegistry();

    const first = await screen.findByTestId('child-link-c1', undefined, SLOW);
    expect(first.textContent).toBe('小星星');
    const overdueRow = first.closest('tr')!;
    const fineRow = screen.getByTestId('child-link-c2').closest('tr')!;
    expect(overdueRow.getAttribute('data-overdue')).toBe('true');
    expect(fineRow.getAttribute('data-overdue')).toBe('false');
    expect(within(overdueRow).getByTestId('overdue-c1').textContent).toBe('走访逾期');
    expect(within(fineRow).queryByText('走访逾期')).toBeNull();
    // Owners and coordinators get the legal name from the server, so the column is there.
    expect(headers()).toContain('姓名');
    expect(within(overdueRow).getByText('王小红')).toBeTruthy();
    expect(within(fineRow).getByText('孤儿')).toBeTruthy();
    expect(within(fineRow).getByText('低保')).toBeTruthy();
  });

  it('should ask the server for overdue visits only when the filter is ticked', async () => {
    const { calls } = signInAt('/children', 'coordinator', (call) =>
      pathOf(call) === LIST ? json(200, { data: [childRow()], nextCursor: null, total: 1 }) : undefined,
    );
    renderRegistry();
    await screen.findByTestId('child-link-c1', undefined, SLOW);

    await act(async () => {
      fireEvent.click(screen.getByLabelText('仅看走访逾期'));
    });

    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === LIST && queryOf(c).get('visitOverdue') === 'true')).toBe(true), SLOW);
    expect(queryOf(calls.filter((c) => pathOf(c) === LIST)[0]!).get('status')).toBe('active');
  });

  it('should hide the name column and the registration button from staff', async () => {
    signInAt('/children', 'staff', (call) =>
      pathOf(call) === LIST ? json(200, { data: [childRow({ legalName: '王小红' })], nextCursor: null, total: 1 }) : undefined,
    );
    renderRegistry();

    await screen.findByTestId('child-link-c1', undefined, SLOW);
    // Even a row that wrongly carries a legal name shows none to staff.
    expect(headers()).not.toContain('姓名');
    expect(headers()).toContain('化名');
    expect(screen.queryByText('王小红')).toBeNull();
    expect(screen.queryByTestId('register-child')).toBeNull();
  });

  it('should send a whole category group as a comma list of its codes', () => {
    expect(categoryFilterValue('group:left_behind')).toBe(
      'left_behind_single_parent,left_behind_grandparent,left_behind_relative,left_behind_institution',
    );
    expect(categoryFilterValue('orphan')).toBe('orphan');
    expect(categoryFilterValue(undefined)).toBeUndefined();
  });
});
