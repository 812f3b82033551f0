import { afterEach, describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES } from '@kindred/contracts';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';
import { setLocale } from './i18n';
import { fieldErrorMessage, fieldLeaf } from './field-errors';

afterEach(async () => {
  await setLocale('zh-CN');
});

describe('field error messages', () => {
  it('should have words in both languages for every field error code of the contract', () => {
    for (const code of FIELD_ERROR_CODES) {
      expect(en.fieldErrors.codes[code], code).toEqual(expect.any(String));
      expect(zhCN.fieldErrors.codes[code], code).toEqual(expect.any(String));
    }
    expect(Object.keys(en.fieldErrors.codes).sort()).toEqual([...FIELD_ERROR_CODES].sort());
  });

  it('should name the field by the last part of its path that is not an index', () => {
    expect(fieldLeaf('login')).toBe('login');
    expect(fieldLeaf('items.0.quantity')).toBe('quantity');
    expect(fieldLeaf('lines[2]')).toBe('lines');
    expect(fieldLeaf('address.regionCode')).toBe('regionCode');
  });

  it('should translate a code in the reader language, with clearer words for a known field', async () => {
    expect(fieldErrorMessage({ field: 'title', message: 'should not be empty', code: 'required' })).toBe('此项为必填项');
    expect(fieldErrorMessage({ field: 'regionCode', message: 'must be a known GB/T 2260 region code', code: 'invalid_choice' })).toBe(
      '没有这个地区代码，请核对后重新输入（县级 6 位，乡镇街道 9 位）',
    );
    expect(fieldErrorMessage({ field: 'password', message: 'must be at least 8 characters', code: 'too_short' })).toBe('密码至少需要 8 位');
    expect(fieldErrorMessage({ field: 'phone', message: 'must be a mainland China mobile number', code: 'invalid_format' })).toBe(
      '请输入 11 位中国大陆手机号',
    );

    await setLocale('en');
    expect(fieldErrorMessage({ field: 'title', message: 'should not be empty', code: 'required' })).toBe('This field is required');
    expect(fieldErrorMessage({ field: 'email', message: 'must be a valid e-mail address', code: 'invalid_format' })).toBe(
      'This is not a valid e-mail address',
    );
    expect(fieldErrorMessage({ field: 'lines.0.quantity', message: 'must be at least 1', code: 'too_small' })).toBe('This number is too small');
  });

  it('should fall back to the server message when the code is absent or unknown', () => {
    expect(fieldErrorMessage({ field: 'login', message: 'no account has this login' })).toBe('no account has this login');
    expect(
      fieldErrorMessage({ field: 'title', message: 'a code from a newer server', code: 'brand_new' as unknown as 'invalid' }),
    ).toBe('a code from a newer server');
  });
});
