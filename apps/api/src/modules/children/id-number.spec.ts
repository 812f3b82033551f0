import { checkCharacter, checkIdNumber, isRealDate } from './id-number';

describe('GB 11643 ID numbers', () => {
  // The standard's own example: 11010519491231002X.
  it('should accept a number when its check character is X and matches', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it('should accept a lower-case x and return it upper-cased', () => {
    expect(checkIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('should compute the check character with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 mod 11', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    const first17 = '43052320150412001';
    expect(checkIdNumber(first17 + checkCharacter(first17))).toMatchObject({ ok: true, birthDate: '2015-04-12' });
  });

  it('should refuse a number when its check character is wrong', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('should refuse a number when it is not 18 characters of digits and a final X', () => {
    expect(checkIdNumber('11010519491231002')).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('1101051949123100X2')).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('110105194912310021X')).toEqual({ ok: false, reason: 'format' });
  });

  it('should refuse a number when its embedded birth date is not a real day', () => {
    const first17 = '43052120150230001';
    expect(checkIdNumber(first17 + checkCharacter(first17))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('should tell real dates from impossible ones', () => {
    expect(isRealDate('2016-02-29')).toBe(true);
    expect(isRealDate('2015-02-29')).toBe(false);
    expect(isRealDate('2015-13-01')).toBe(false);
  });
});
