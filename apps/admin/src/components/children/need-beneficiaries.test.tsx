import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { childRow, ORG_ID, pathOf, renderRegistry, signInAt, SLOW } from '../../pages/children/children-test-support';
import { liveConnection } from '../../providers/live-provider';
import { json, problem, stubMatchMedia } from '../../providers/test-support';
import { NeedBeneficiaries } from './need-beneficiaries';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

describe('beneficiaries on the need page', { timeout: 90_000 }, () => {
  it('should say clearly which child lacks consent when linking answers 409 consent_required', async () => {
    const { calls } = signInAt('/needs/n1', 'coordinator', (call) => {
      const path = pathOf(call);
      if (path === '/api/v1/needs/n1/beneficiaries' && call.method === 'GET') {
        return json(200, { needId: 'n1', beneficiaryCount: 12, children: [] });
      }
      if (path === '/api/v1/needs/n1/beneficiaries' && call.method === 'POST') {
        return problem(409, 'consent_required', 'A current guardian consent is required', [
          { field: 'childIds[0]', message: 'has no current service_delivery consent' },
        ]);
      }
      if (path === `/api/v1/organizations/${ORG_ID}/children`) {
        return json(200, { data: [childRow({ id: 'c1', alias: '小星星', legalName: '王小红' })], nextCursor: null });
      }
      return undefined;
    });
    renderRegistry(<Route path="/needs/:id" element={<NeedBeneficiaries need={{ id: 'n1', organizationId: ORG_ID }} />} />);

    const card = await screen.findByTestId('need-beneficiaries', undefined, SLOW);
    expect(await within(card).findByText('受益人数 12', undefined, SLOW)).toBeTruthy();
    await act(async () => {
      fireEvent.mouseDown(within(card).getByRole('combobox'));
    });
    // The picker shows alias and age band, never the legal name.
    const option = await screen.findByText('小星星 · 6–14 岁', undefined, SLOW);
    expect(screen.queryByText('王小红', { exact: false })).toBeNull();
    await act(async () => {
      fireEvent.click(option);
    });
    await act(async () => {
      fireEvent.click(within(card).getByTestId('link-children'));
    });

    const alert = await screen.findByTestId('consent-required', undefined, SLOW);
    expect(alert.textContent).toContain('需要监护人当前有效的知情同意');
    expect(alert.textContent).toContain('小星星 没有有效的监护人同意');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ childIds: ['c1'] });
  });
});
