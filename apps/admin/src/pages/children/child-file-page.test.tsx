import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { ChildTimelineEntry } from '@kindred/contracts';
import { liveConnection } from '../../providers/live-provider';
import { json, stubMatchMedia } from '../../providers/test-support';
import { childView, pathOf, renderRegistry, signInAt, SLOW } from './children-test-support';

beforeAll(() => stubMatchMedia(1280));

afterEach(() => {
  cleanup();
  liveConnection.stop();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});

const IDENTITY = {
  legalName: '王小红',
  idNumber: '430524201503150019',
  address: '荷香桥镇 3 组',
  guardians: [{ name: '王奶奶', relation: '祖母', phone: '13800138000' }],
};
const TIMELINE: ChildTimelineEntry[] = [
  { at: '2026-11-20T02:00:00.000Z', kind: 'service', id: 's1', summary: { kind: 'family_visit', notes: '奶奶身体还好' } },
  { at: '2026-10-01T02:00:00.000Z', kind: 'assessment', id: 'a1', summary: { kind: 'wellbeing', score: 62, concern: true } },
];

function answers(withIdentity: boolean) {
  return (call: { url: string }) => {
    const path = pathOf(call as never);
    if (path === '/api/v1/children/c1') {
      return json(
        200,
        childView({
          ...(withIdentity ? { identity: IDENTITY } : {}),
          categoryHistory: [
            {
              id: 'h1',
              from: ['left_behind_single_parent'],
              to: ['left_behind_grandparent'],
              reason: '母亲也外出务工',
              effectiveOn: '2026-03-01',
              recordedAt: '2026-03-02T00:00:00Z',
              recordedBy: 'u1',
            },
          ],
        }),
      );
    }
    if (path === '/api/v1/children/c1/consent') return json(200, null);
    if (path === '/api/v1/children/c1/timeline') return json(200, TIMELINE);
    return undefined;
  };
}

describe("the child's file", { timeout: 90_000 }, () => {
  it('should show the identity block, category history and timeline to a coordinator', async () => {
    signInAt('/children/c1', 'coordinator', answers(true));
    renderRegistry();

    const identity = await screen.findByTestId('child-identity', undefined, SLOW);
    expect(within(identity).getByText('王小红')).toBeTruthy();
    expect(within(identity).getByText('430524201503150019')).toBeTruthy();
    const categories = screen.getByTestId('child-categories');
    expect(within(categories).getByText('母亲也外出务工')).toBeTruthy();
    expect(within(categories).getByText('单亲留守')).toBeTruthy();
    const timeline = await screen.findByTestId('child-timeline');
    expect(await within(timeline).findByText('入户走访 · 奶奶身体还好', undefined, SLOW)).toBeTruthy();
    expect(within(timeline).getByText('心理状况筛查 · 分数 (0–100): 62 · 需要关注')).toBeTruthy();
    expect(screen.getByTestId('capture-consent')).toBeTruthy();
  });

  it('should hide identity from staff, even when an answer carries it, and leave them the visit form', async () => {
    signInAt('/children/c1', 'staff', answers(true));
    renderRegistry();

    expect(await screen.findByTestId('child-file', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('小星星 的档案')).toBeTruthy();
    expect(screen.queryByTestId('child-identity')).toBeNull();
    for (const text of ['王小红', '430524201503150019', '荷香桥镇 3 组', '王奶奶', '13800138000']) {
      expect(screen.queryByText(text, { exact: false })).toBeNull();
    }
    expect(screen.getByTestId('record-visit')).toBeTruthy();
    expect(screen.queryByTestId('edit-child')).toBeNull();
    expect(screen.queryByTestId('exit-child')).toBeNull();
    expect(screen.queryByTestId('capture-consent')).toBeNull();
  });
});
