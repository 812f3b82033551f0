import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { ORG_ID, pathOf, renderRegistry, signInAt, SLOW } from '../../pages/children/children-test-support';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { NeedBeneficiaries } from './need-beneficiaries';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('removing a beneficiary', { timeout: 90_000 }, () => {
  it('should delete the link when a coordinator confirms the removal', async () => {
    const linked = { needId: 'n1', beneficiaryCount: 1, children: [{ childId: 'c1', alias: '小星星', ageBand: '6to14', needToKnow: [] }] };
    const { calls } = signInAt('/needs/n1', 'coordinator', (call) => {
      const path = pathOf(call);
      if (path === '/api/v1/needs/n1/beneficiaries/c1' && call.method === 'DELETE') return json(200, { ...linked, children: [] });
      if (path === '/api/v1/needs/n1/beneficiaries') return json(200, linked);
      if (path === `/api/v1/organizations/${ORG_ID}/children`) return json(200, { data: [], nextCursor: null });
      return undefined;
    });
    renderRegistry(<Route path="/needs/:id" element={<NeedBeneficiaries need={{ id: 'n1', organizationId: ORG_ID }} />} />);

    const card = await screen.findByTestId('need-beneficiaries', undefined, SLOW);
    await act(async () => {
      fireEvent.click(await within(card).findByTestId('unlink-c1', undefined, SLOW));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: /确\s?定|OK/ }, SLOW));
    });
    await vi.waitFor(() => expect(calls.some((c) => pathOf(c) === '/api/v1/needs/n1/beneficiaries/c1')).toBe(true), SLOW);
    expect(calls.find((c) => pathOf(c) === '/api/v1/needs/n1/beneficiaries/c1')?.method).toBe('DELETE');
  });
});
