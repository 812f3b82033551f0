import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatMoney, formatPercent, formatTimeRange, minutesToHours } from './formatters';

describe('formatMoney', () => {
  it('should render integer fen as yuan with grouping and two decimals', () => {
    expect(formatMoney(123456)).toBe('¥1,234.56');
    expect(formatMoney(123456, 'en')).toBe('¥1,234.56');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(100000000)).toBe('¥1,000,000.00');
    expect(formatMoney(-250)).toBe('-¥2.50');
  });
});

describe('formatDate', () => {
  it('should format by locale', () => {
    const value = new Date(2025, 5, 1, 8, 30);
    expect(formatDate(value, 'zh-CN')).toBe('2025年6月1日');
    expect(formatDate(value, 'zh-CN', { withTime: true })).toBe('2025年6月1日 08:30');
    expect(formatDate(value, 'en')).toBe('Jun 1, 2025');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('durations', () => {
  it('should turn minutes into hours with one decimal', () => {
    expect(minutesToHours(150)).toBe(2.5);
    expect(minutesToHours(125)).toBe(2.1);
    expect(minutesToHours(0)).toBe(0);
    expect(minutesToHours(Number.NaN)).toBe(0);
  });

  it('should show hours, or minutes under an hour, in the reader language', () => {
    expect(formatDuration(150)).toBe('2.5 小时');
    expect(formatDuration(150, 'en')).toBe('2.5 h');
    expect(formatDuration(45)).toBe('45 分钟');
    expect(formatDuration(45, 'en')).toBe('45 min');
    expect(formatDuration(6000, 'en')).toBe('100 h');
  });
});

describe('ranges and ratios', () => {
  it('should show a same-day range once with both times', () => {
    const start = new Date(2026, 5, 6, 9, 0).toISOString();
    const end = new Date(2026, 5, 6, 11, 30).toISOString();
    expect(formatTimeRange(start, end, 'zh-CN')).toBe('6月6日 周六 09:00–11:30');
    expect(formatTimeRange(start, end, 'en')).toBe('Sat, Jun 6 09:00–11:30');
    expect(formatTimeRange(start, new Date(2026, 5, 8, 17, 0).toISOString(), 'en')).toBe('Sat, Jun 6 09:00 – Mon, Jun 8 17:00');
  });

  it('should format a ratio as a whole percent', () => {
    expect(formatPercent(0.834)).toBe('83%');
    expect(formatPercent(null)).toBe('—');
  });
});
