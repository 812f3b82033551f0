import { describe, expect, it } from 'vitest';
import type { FeedMatchView, MatchReason, NeedSummaryView } from '@kindred/contracts';
import { feedItems, openNeedItems, reasonText, showReasons } from './matches';

const need: NeedSummaryView = {
  id: 'n1',
  organizationId: 'o1',
  organizationName: '隆回县留守儿童关爱服务中心',
  type: 'tutoring',
  title: '周六数学辅导',
  regionCode: '430524100',
  location: null,
  childContact: true,
  requiredSkills: ['tutoring_math'],
  minAge: null,
  status: 'open',
  startsAt: null,
  endsAt: null,
  targetFen: null,
  beneficiaryCount: 12,
  programmeId: null,
  publishedAt: '2026-11-01T00:00:00Z',
  createdAt: '2026-11-01T00:00:00Z',
};

const reasons: MatchReason[] = [
  { factor: 'skills', contribution: 40, text: { 'zh-CN': '你会数学辅导', en: 'You tutor maths' } },
  { factor: 'distance', contribution: 20, text: { 'zh-CN': '距离 2 公里', en: '2 km away' } },
];

const match = (shiftId: string, score: number): FeedMatchView => ({
  needId: need.id,
  shiftId,
  need: { ...need, distanceKm: 2 },
  shift: {
    id: shiftId,
    startsAt: '2026-12-05T01:00:00Z',
    endsAt: '2026-12-05T03:00:00Z',
    capacity: 4,
    confirmedCount: 0,
    waitlistCount: 0,
    full: false,
  },
  score,
  reasons,
  actions: { signUp: { method: 'POST', href: `/api/v1/shifts/${shiftId}/signups` } },
});

describe('matches', () => {
  it('should show reasons in the reader language with their factor and points', () => {
    expect(reasonText(reasons[0]!, 'zh-CN')).toBe('你会数学辅导');
    expect(reasonText(reasons[0]!, 'en')).toBe('You tutor maths');
    expect(showReasons(reasons, 'en')).toEqual([
      { factor: 'skills', contribution: 40, text: 'You tutor maths' },
      { factor: 'distance', contribution: 20, text: '2 km away' },
    ]);
  });

  it('should keep one entry per need and proposed shift, in ranked order', () => {
    const items = feedItems(
      { data: [match('s1', 87.3), match('s2', 80), match('s2', 80)], nextCursor: null, modelVersion: '2026.1' },
      'zh-CN',
    );
    expect(items.map((i) => i.key)).toEqual(['n1:s1', 'n1:s2']);
    expect(items[0]).toMatchObject({ score: 87.3, shift: { id: 's1', capacity: 4, full: false } });
    expect(items[0]?.reasons.map((r) => r.text)).toEqual(['你会数学辅导', '距离 2 公里']);
  });

  it('should give open needs as plain cards without score or reasons', () => {
    expect(openNeedItems({ data: [need], nextCursor: null })).toEqual([{ key: 'n1', need, shift: null, score: null, reasons: [] }]);
  });
});
