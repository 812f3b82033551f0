import { normalizeLogin, normalizePhone } from './login.util';

describe('normalizeLogin', () => {
  it.each([
    ['13800138000', { kind: 'phone', value: '13800138000' }],
    ['+86 138-0013-8000', { kind: 'phone', value: '13800138000' }],
    ['86 13800138000', { kind: 'phone', value: '13800138000' }],
    [' Li.Hua@Example.CN ', { kind: 'email', value: 'li.hua@example.cn' }],
  ])('should normalise %s', (input, expected) => {
    expect(normalizeLogin(input)).toEqual(expected);
  });

  it.each(['12800138000', '1380013800', 'abc', 'a@b', '138001380001'])('should refuse %s when it is neither a mobile number nor an e-mail', (input) => {
    expect(normalizeLogin(input)).toBeNull();
  });

  it('should strip separators and the country code when a phone is normalised', () => {
    expect(normalizePhone('+86 (138) 0013 8000')).toBe('13800138000');
  });
});
