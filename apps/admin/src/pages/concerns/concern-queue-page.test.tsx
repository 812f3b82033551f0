import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { concernRow, ORG_ID, pathOf, renderConcerns, signInAt, SLOW } from './concerns-test-support';
import { sortByDeadline } from './concern-queue-page';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('concerns queue', { timeout: 90_000 }, () => {
  it('should put waiting concerns first, each by acknowledgement deadline, when sorting', () => {
    const rows = [
      concernRow({ id: 'late', ackDueAt: '2026-12-04T10:00:00.000Z' }),
      concernRow({ id: 'closed', status: 'closed', ackDueAt: '2026-12-01T10:00:00.000Z' }),
      concernRow({ id: 'soon', ackDueAt: '2026-12-03T09:00:00.000Z', status: 'acknowledged' }),
    ];
    expect(sortByDeadline(rows).map((row) => row.id)).toEqual(['soon', 'late', 'closed']);
  });

  it('should list the concerns by deadline and highlight the overdue ones when a coordinator opens the queue', async () => {
    const rows = [
      concernRow({
        id: 'k2',
        category: 'bullying',
        statutory: false,
        ackDueAt: '2026-12-04T10:00:00.000Z',
        childAlias: null,
        childId: null,
      }),
      concernRow({ id: 'k1', category: 'neglect', overdue: true, immediateDanger: true, ackDueAt: '2026-12-02T11:00:00.000Z' }),
    ];
    const { calls } = signInAt('/concerns', 'coordinator', (call) =>
      pathOf(call) === `/api/v1/organizations/${ORG_ID}/concerns` ? json(200, { data: rows, nextCursor: null }) : undefined,
    );
    renderConcerns();

    const overdue = await screen.findByTestId('concern-row-k1', undefined, SLOW);
    const later = screen.getByTestId('concern-row-k2');
    const order = [...document.querySelectorAll('tbody tr[data-testid]')].map((tr) => tr.getAttribute('data-testid'));
    expect(order).toEqual(['concern-row-k1', 'concern-row-k2']);
    expect(overdue.getAttribute('data-overdue')).toBe('true');
    expect(later.getAttribute('data-overdue')).toBeNull();
    expect(within(overdue).getByTestId('overdue-tag').textContent).toBe('已逾期');
    expect(within(overdue).getByText('强制报告')).toBeTruthy();
    expect(within(overdue).getByText('紧急')).toBeTruthy();
    expect(within(later).queryByTestId('overdue-tag')).toBeNull();
    expect(within(later).getByText('未登记')).toBeTruthy();
    expect(calls.some((c) => pathOf(c) === `/api/v1/organizations/${ORG_ID}/concerns`)).toBe(true);
  });

  it('should not show the queue when staff open it', async () => {
    const { calls } = signInAt('/concerns', 'staff', () => undefined);
    renderConcerns();
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/api/v1/me')).toBe(true), SLOW);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByTestId('concern-row-k1')).toBeNull();
    expect(calls.some((c) => pathOf(c).endsWith('/concerns'))).toBe(false);
  });
});
