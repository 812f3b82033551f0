import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { EventEnvelope } from '@kindred/contracts';
import { concernAlerts } from '../../components/concern-alert';
import { liveConnection, liveProvider, replayTracker } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { concernView, ORG_ID, pathOf, renderConcerns, signInAt, SLOW } from './concerns-test-support';

beforeAll(() => stubMatchMedia(1280));

beforeEach(() => {
  replayTracker.reset();
  concernAlerts.clear();
});

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

let eventId = 5000;
const raised = (concernId: string): EventEnvelope => ({
  eventId: (eventId += 1),
  type: 'concern.raised',
  occurredAt: new Date().toISOString(),
  data: { concernId, organizationId: ORG_ID, category: 'physical_abuse', immediateDanger: true, ackDueAt: '2026-12-03T10:00:00.000Z' },
});

describe('live concern alert', { timeout: 90_000 }, () => {
  it('should show an alert that stays until the concern is opened when concern.raised reaches a coordinator', async () => {
    signInAt('/', 'coordinator', (call) => (pathOf(call) === '/api/v1/concerns/k7' ? json(200, concernView({ id: 'k7' })) : undefined));
    renderConcerns();
    await screen.findByTestId('home', undefined, SLOW);
    // The listener mounts once the session says who the reader is.
    await vi.waitFor(async () => {
      liveProvider.handleEnvelope(raised('k7'));
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(concernAlerts.get()).toEqual(['k7']);
    }, SLOW);

    const alert = await screen.findByTestId('concern-alert', undefined, SLOW);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('有 1 条新的安全关注');
    // Not closable: no close button.
    expect(alert.querySelector('.ant-alert-close-icon')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /查看 1/ }));
    });
    await vi.waitFor(() => expect(window.location.pathname).toBe('/concerns/k7'), SLOW);
    expect(await screen.findByText('孩子连续三天没有吃饭', undefined, SLOW)).toBeTruthy();
    expect(concernAlerts.get()).toEqual([]);
    await vi.waitFor(() => expect(screen.queryByTestId('concern-alert')).toBeNull(), SLOW);
  });

  it('should not alert staff when a concern.raised event arrives', async () => {
    const { calls } = signInAt('/', 'staff', () => undefined);
    renderConcerns();
    await screen.findByTestId('home', undefined, SLOW);
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/api/v1/me')).toBe(true), SLOW);
    await new Promise((resolve) => setTimeout(resolve, 300));

    liveProvider.handleEnvelope(raised('k8'));
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(concernAlerts.get()).toEqual([]);
    expect(screen.queryByTestId('concern-alert')).toBeNull();
  });
});
