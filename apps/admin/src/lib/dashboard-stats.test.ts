import { describe, expect, it } from 'vitest';
import type { CoverageView, ShiftView } from '@kindred/contracts';
import { beijingDay, fillRate, goodsCoverageRows, monthlyHours, needsByType, todaysShifts } from './dashboard-stats';

const shift = (over: Partial<ShiftView>): ShiftView => ({
  id: 's',
  needId: 'n',
  startsAt: '2026-06-01T01:00:00Z',
  endsAt: '2026-06-01T03:00:00Z',
  capacity: 4,
  confirmedCount: 0,
  waitlistCount: 0,
  seriesId: null,
  status: 'scheduled',
  ...over,
});

const now = Date.parse('2026-06-01T00:30:00Z'); // 08:30 in Beijing

describe('dashboard statistics', () => {
  it('should compute the fill rate over scheduled shifts that have not ended', () => {
    expect(
      fillRate(
        [
          shift({ capacity: 4, confirmedCount: 3 }),
          shift({ capacity: 2, confirmedCount: 5 }), // over-full counts as full
          shift({ capacity: 10, confirmedCount: 0, status: 'cancelled' }),
          shift({ capacity: 10, confirmedCount: 0, endsAt: '2026-05-01T00:00:00Z' }),
        ],
        now,
      ),
    ).toBeCloseTo(5 / 6);
    expect(fillRate([], now)).toBeNull();
  });

  it("should list today's shifts in Beijing time, earliest first", () => {
    const shifts = [
      shift({ id: 'late', startsAt: '2026-06-01T10:00:00Z' }),
      shift({ id: 'early', startsAt: '2026-05-31T23:00:00Z' }), // 07:00 on 1 June in Beijing
      shift({ id: 'tomorrow', startsAt: '2026-06-01T17:00:00Z' }), // 01:00 on 2 June in Beijing
      shift({ id: 'cancelled', status: 'cancelled' }),
    ];
    expect(todaysShifts(shifts, now).map((s) => s.id)).toEqual(['early', 'late']);
    expect(beijingDay('2026-06-01T17:00:00Z')).toBe('2026-06-02');
  });

  it('should count needs by type, leaving out drafts and cancelled ones', () => {
    expect(
      needsByType([
        { type: 'tutoring', status: 'open' },
        { type: 'goods', status: 'open' },
        { type: 'tutoring', status: 'in_progress' },
        { type: 'goods', status: 'draft' },
        { type: 'companionship', status: 'cancelled' },
      ]),
    ).toEqual([
      { type: 'tutoring', count: 2 },
      { type: 'goods', count: 1 },
    ]);
  });

  it('should fill the months without verified hours with zero and turn minutes into hours', () => {
    const series = monthlyHours(
      [
        { month: '2026-05', minutes: 150 },
        { month: '2025-01', minutes: 60 },
      ],
      3,
      now,
    );
    expect(series).toEqual([
      { month: '2026-04', hours: 0 },
      { month: '2026-05', hours: 2.5 },
      { month: '2026-06', hours: 0 },
    ]);
    expect(monthlyHours([], 2, Date.parse('2026-01-10T00:00:00Z')).map((m) => m.month)).toEqual(['2025-12', '2026-01']);
  });

  it('should give one coverage row per goods line', () => {
    const coverage: CoverageView = {
      needId: 'n1',
      money: { targetFen: null, pledgedFen: 0, receivedFen: 0, usedFen: 0, pledgedPercent: null, receivedPercent: null, usedPercent: null },
      items: [
        {
          itemId: 'i1',
          name: '冬衣',
          unit: '件',
          needed: 40,
          pledged: 5,
          received: 5,
          used: 3,
          pledgedPercent: 12,
          receivedPercent: 12,
          usedPercent: 7,
        },
      ],
    };
    expect(goodsCoverageRows([{ needTitle: '冬季物资', coverage }])).toEqual([
      { key: 'n1:i1', needTitle: '冬季物资', label: '冬衣', unit: '件', needed: 40, pledged: 5, received: 5, used: 3 },
    ]);
  });
});
