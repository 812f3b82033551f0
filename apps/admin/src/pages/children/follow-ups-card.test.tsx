import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { FollowUpView } from '@kindred/contracts';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { childView, ORG_ID, pathOf, renderRegistry, signInAt, SLOW } from './children-test-support';
import { followUpBody } from './follow-ups-card';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

const pairing = (overrides: Partial<FollowUpView> = {}): FollowUpView => ({
  id: 'f1',
  childId: 'c1',
  userId: 'u5',
  displayName: '周老师',
  role: 'social_worker',
  contactEveryDays: 14,
  startedOn: '2026-09-01',
  endedOn: null,
  lastContactOn: '2026-11-20',
  contactOverdue: false,
  ...overrides,
});

describe('follow-up pairing body', () => {
  it('should leave out the start date when none is chosen', () => {
    expect(followUpBody({ userId: 'u5', role: 'volunteer', contactEveryDays: 7 })).toEqual({
      userId: 'u5',
      role: 'volunteer',
      contactEveryDays: 7,
    });
  });
});

describe('follow-ups on the child file', { timeout: 90_000 }, () => {
  it('should send the contract body when a coordinator pairs the child with a member', async () => {
    const { calls } = signInAt('/children/c1', 'coordinator', (call) => {
      const path = pathOf(call);
      if (path === '/api/v1/children/c1') return json(200, childView());
      if (path === '/api/v1/children/c1/follow-ups' && call.method === 'POST') return json(201, pairing({ id: 'f2', userId: 'u7' }));
      if (path === '/api/v1/children/c1/follow-ups') return json(200, { data: [] });
      if (path === `/api/v1/organizations/${ORG_ID}/members`) {
        return json(200, [
          { userId: 'u7', displayName: '李社工', role: 'staff', joinedAt: '2026-01-01T00:00:00Z' },
          { userId: 'u8', displayName: '王主任', role: 'owner', joinedAt: '2026-01-01T00:00:00Z' },
        ]);
      }
      return undefined;
    });
    renderRegistry();

    await act(async () => {
      fireEvent.click(await screen.findByTestId('add-follow-up', undefined, SLOW));
    });
    const dialog = await screen.findByRole('dialog', undefined, SLOW);
    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === `/api/v1/organizations/${ORG_ID}/members`)).toBe(true), SLOW);
    await act(async () => {
      fireEvent.mouseDown(dialog.querySelector('#userId')!);
    });
    const option = await screen.findByTitle('李社工', undefined, SLOW);
    await act(async () => {
      fireEvent.click(option);
    });
    fireEvent.change(dialog.querySelector('#contactEveryDays')!, { target: { value: '14' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    });

    await vi.waitFor(
      () => expect(calls.some((c) => pathOf(c) === '/api/v1/children/c1/follow-ups' && c.method === 'POST')).toBe(true),
      SLOW,
    );
    expect(calls.find((c) => pathOf(c) === '/api/v1/children/c1/follow-ups' && c.method === 'POST')?.body).toEqual({
      userId: 'u7',
      role: 'social_worker',
      contactEveryDays: 14,
    });
  });

  it('should end a pairing when a coordinator confirms', async () => {
    const { calls } = signInAt('/children/c1', 'coordinator', (call) => {
      const path = pathOf(call);
      if (path === '/api/v1/children/c1') return json(200, childView());
      if (path === '/api/v1/children/c1/follow-ups/f1/end') return json(200, pairing({ endedOn: '2026-12-03' }));
      if (path === '/api/v1/children/c1/follow-ups') return json(200, { data: [pairing()] });
      return undefined;
    });
    renderRegistry();

    await act(async () => {
      fireEvent.click(await screen.findByTestId('end-follow-up-f1', undefined, SLOW));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: /确\s?定|OK/ }, SLOW));
    });
    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === '/api/v1/children/c1/follow-ups/f1/end')).toBe(true), SLOW);
    expect(calls.find((c) => pathOf(c) === '/api/v1/children/c1/follow-ups/f1/end')?.method).toBe('POST');
  });

  it('should offer no pairing controls to staff', async () => {
    signInAt('/children/c1', 'staff', (call) => {
      const path = pathOf(call);
      if (path === '/api/v1/children/c1') return json(200, childView());
      if (path === '/api/v1/children/c1/follow-ups') return json(200, { data: [pairing()] });
      return undefined;
    });
    renderRegistry();
    expect(await screen.findByText('周老师', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('add-follow-up')).toBeNull();
    expect(screen.queryByTestId('end-follow-up-f1')).toBeNull();
  });
});
