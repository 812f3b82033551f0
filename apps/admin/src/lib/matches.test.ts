import { describe, expect, it } from 'vitest';
import { normalizeMatches, normalizeReason } from './matches';

const need = { id: 'n1', title: '周六数学辅导', type: 'tutoring', status: 'open' };

describe('normalizeMatches', () => {
  it('should read needs with their score and reasons in the reader language', () => {
    const body = {
      data: [
        {
          ...need,
          score: 0.82,
          reasons: [
            { factor: 'skills', contribution: 0.4, text: { 'zh-CN': '你会数学辅导', en: 'You tutor maths' } },
            { factor: 'distance', contribution: 0.2, textZh: '距离 2 公里', textEn: '2 km away' },
          ],
        },
      ],
      nextCursor: null,
    };
    const [zh] = normalizeMatches(body, 'zh-CN');
    expect(zh?.need.title).toBe('周六数学辅导');
    expect(zh?.score).toBe(0.82);
    expect(zh?.reasons.map((r) => r.text)).toEqual(['你会数学辅导', '距离 2 公里']);
    expect(normalizeMatches(body, 'en')[0]?.reasons.map((r) => r.text)).toEqual(['You tutor maths', '2 km away']);
  });

  it('should accept a bare array with the need nested and shifts beside it', () => {
    const [item] = normalizeMatches([{ need, score: 3, reasons: ['同一乡镇'], shifts: [{ id: 's1' }] }], 'zh-CN');
    expect(item?.need.id).toBe('n1');
    expect(item?.reasons).toEqual([{ factor: null, contribution: null, text: '同一乡镇' }]);
    expect(item?.shifts).toHaveLength(1);
  });

  it('should keep one entry per need and proposed shift, as the feed ranks them', () => {
    const shift = (id: string) => ({
      id,
      startsAt: '2026-12-05T01:00:00Z',
      endsAt: '2026-12-05T03:00:00Z',
      capacity: 4,
      confirmedCount: 0,
      waitlistCount: 0,
    });
    const items = normalizeMatches(
      {
        data: [
          { needId: 'n1', shiftId: 's1', need, shift: shift('s1'), score: 87.3, reasons: [] },
          { needId: 'n1', shiftId: 's2', need, shift: shift('s2'), score: 80, reasons: [] },
          { needId: 'n1', shiftId: 's2', need, shift: shift('s2'), score: 80, reasons: [] },
        ],
      },
      'zh-CN',
    );
    expect(items.map((i) => i.key)).toEqual(['n1:s1', 'n1:s2']);
    expect(items[0]?.shift).toMatchObject({ id: 's1', capacity: 4, full: false });
  });

  it('should give plain needs without reasons, and drop rows without a need id', () => {
    expect(normalizeMatches({ data: [need, { title: 'no id' }, 42] }, 'zh-CN')).toEqual([
      { key: 'n1', need, shift: null, score: null, reasons: [], shifts: null },
    ]);
    expect(normalizeMatches(null, 'en')).toEqual([]);
  });

  it('should fall back to the factor when a reason has no sentence', () => {
    expect(normalizeReason({ factor: 'reliability', contribution: 0.1 }, 'en')).toEqual({
      factor: 'reliability',
      contribution: 0.1,
      text: 'reliability',
    });
    expect(normalizeReason({}, 'en')).toBeNull();
  });
});
