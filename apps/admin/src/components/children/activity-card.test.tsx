import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Route } from 'react-router';
import { ActivityCard, ActivityCardButton } from './activity-card';
import { pathOf, renderRegistry, signInAt, SLOW } from '../../pages/children/children-test-support';
import { liveConnection } from '../../providers/live-provider';
import { json, problem, stubMatchMedia } from '../../providers/test-support';

beforeAll(() => stubMatchMedia(390));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

// What a faulty server might send beyond the contract: none of it may be drawn.
const LEAKY_CARD = {
  signupId: 's1',
  needId: 'n1',
  children: [
    {
      alias: '小星星',
      ageBand: '6to14',
      needToKnow: ['对花生过敏'],
      legalName: '王小红',
      idNumber: '430524201503150019',
      schoolName: '荷香桥小学',
      address: '荷香桥镇 3 组',
      guardians: [{ name: '王奶奶', phone: '13800138000' }],
    },
  ],
};
const IDENTITY_TEXTS = ['王小红', '430524201503150019', '荷香桥小学', '荷香桥镇 3 组', '王奶奶', '13800138000'];

describe('activity card', { timeout: 90_000 }, () => {
  it('should draw alias, age band and need-to-know facts and never a legal name, even if the payload had one', () => {
    render(<ActivityCard card={LEAKY_CARD as never} />);

    expect(screen.getByText('小星星')).toBeTruthy();
    expect(screen.getByText('6–14 岁')).toBeTruthy();
    expect(screen.getByText('对花生过敏')).toBeTruthy();
    for (const text of IDENTITY_TEXTS) expect(document.body.textContent).not.toContain(text);
  });

  it("should open from the volunteer's sign-up and read the card of that sign-up", async () => {
    const { calls } = signInAt('/volunteer/shifts', null, (call) =>
      pathOf(call) === '/api/v1/signups/s1/activity-card' ? json(200, LEAKY_CARD) : undefined,
    );
    renderRegistry(<Route path="/volunteer/shifts" element={<ActivityCardButton signupId="s1" />} />);

    await act(async () => {
      fireEvent.click(await screen.findByTestId('activity-card-s1', undefined, SLOW));
    });

    expect(await screen.findByText('对花生过敏', undefined, SLOW)).toBeTruthy();
    expect(calls.some((c) => pathOf(c) === '/api/v1/signups/s1/activity-card')).toBe(true);
    for (const text of IDENTITY_TEXTS) expect(document.body.textContent).not.toContain(text);
  });

  it('should say a safeguarding check is needed when the server answers 403 safeguarding_required', async () => {
    signInAt('/volunteer/shifts', null, (call) =>
      pathOf(call) === '/api/v1/signups/s1/activity-card'
        ? problem(403, 'safeguarding_required', 'A valid safeguarding check is required')
        : undefined,
    );
    renderRegistry(<Route path="/volunteer/shifts" element={<ActivityCardButton signupId="s1" />} />);

    await act(async () => {
      fireEvent.click(await screen.findByTestId('activity-card-s1', undefined, SLOW));
    });

    expect((await screen.findByTestId('activity-card-error', undefined, SLOW)).textContent).toContain('安全审查');
  });
});
