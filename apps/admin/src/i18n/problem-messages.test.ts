import type { FieldProblem } from '@kindred/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, problemToError } from '../providers/api-client';
import { formFieldErrors, problemMessage } from './problem-messages';

const apiError = (init: ConstructorParameters<typeof ApiError>[0]) => new ApiError(init);

/** A field error from a server that predates field error codes. */
const uncoded = (error: { field: string; message: string }): FieldProblem => error as FieldProblem;

describe('problem messages', () => {
  it('should translate a known code and keep the server text for an unknown one', () => {
    expect(problemMessage(apiError({ statusCode: 409, code: 'last_owner', message: 'An organisation must keep…' }))).toContain(
      '机构至少需要保留一位负责人',
    );
    expect(problemMessage(apiError({ statusCode: 409, code: 'brand_new_code', message: 'Server says so' }))).toBe('Server says so');
    expect(problemMessage(new Error('boom'))).toBe('boom');
    expect(problemMessage(undefined)).toBe('请求失败');
  });

  it('should keep validation messages on their fields, with array paths split, translated by code', () => {
    const error = problemToError(
      400,
      {
        code: 'validation_failed',
        detail: 'Invalid',
        errors: [
          { field: 'login', message: 'no account has this login', code: 'invalid' },
          { field: 'items[0].quantity', message: 'must not be less than 1', code: 'too_small' },
          uncoded({ field: 'note', message: 'must be shorter than or equal to 500 characters' }),
        ],
      },
      'failed',
    );

    // A code on a known field has its own words, another code the code's words, no code the server's text.
    expect(formFieldErrors(error)).toEqual([
      { name: ['login'], errors: ['没有使用这个手机号或邮箱的账号，请确认对方已经注册'] },
      { name: ['items', 0, 'quantity'], errors: ['数值太小'] },
      { name: ['note'], errors: ['must be shorter than or equal to 500 characters'] },
    ]);
  });

  it('should put the translated text of a coded problem on its field', () => {
    const weak = apiError({ statusCode: 400, code: 'weak_password', message: 'too common', errors: { password: ['is too common'] } });
    expect(formFieldErrors(weak)).toEqual([{ name: ['password'], errors: [expect.stringContaining('密码太短或太常见')] }]);

    const taken = apiError({ statusCode: 409, code: 'login_taken', message: 'exists' });
    expect(formFieldErrors(taken, { login_taken: 'phone' })).toEqual([{ name: ['phone'], errors: [expect.stringContaining('已注册')] }]);
    expect(formFieldErrors(taken)).toEqual([]);
  });

  it('should not match the server English text when a field error carries no code', () => {
    const error = problemToError(
      400,
      { code: 'validation_failed', errors: [uncoded({ field: 'login', message: 'no account has this login' })] },
      'failed',
    );
    expect(formFieldErrors(error)).toEqual([{ name: ['login'], errors: ['no account has this login'] }]);
  });
});
