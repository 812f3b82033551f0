import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './formatters';

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
