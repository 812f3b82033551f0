import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './money';

describe('yuanToFen', () => {
  it('should turn typed yuan into integer fen without floating-point drift', () => {
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('500')).toBe(50000);
    expect(yuanToFen('1,234.50')).toBe(123450);
    expect(yuanToFen('¥ 20')).toBe(2000);
    expect(yuanToFen('￥8.')).toBe(800);
    expect(yuanToFen(12.3)).toBe(1230);
    expect(yuanToFen(0.29)).toBe(29);
  });

  it('should refuse what is not an amount', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
    expect(yuanToFen(null)).toBeNull();
  });

  it('should give back yuan for a fen amount', () => {
    expect(fenToYuan(1999)).toBe(19.99);
    expect(fenToYuan(50000)).toBe(500);
  });
});
