import { describe, expect, it } from 'vitest';
import { checkIdNumber, expectedCheckDigit } from './id-number';

describe('GB 11643 ID number check', () => {
  it('should accept a number whose check digit matches and read the birth date and gender from it', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ kind: 'valid', birthDate: '1949-12-31', gender: 'female' });
    expect(checkIdNumber('430524201503150019')).toMatchObject({ kind: 'valid', birthDate: '2015-03-15', gender: 'male' });
  });

  it('should name the expected check digit when the last character is wrong', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ kind: 'wrong_check_digit', expected: 'X' });
    expect(expectedCheckDigit('43052420150315001')).toBe('9');
  });

  it('should call anything but 17 digits and a check character malformed, and nothing empty', () => {
    expect(checkIdNumber('4305242015')).toEqual({ kind: 'malformed' });
    expect(checkIdNumber('43052420150315001Y')).toEqual({ kind: 'malformed' });
    expect(checkIdNumber('  ')).toEqual({ kind: 'empty' });
  });
});
