import { serializeError } from './log-serializers';

/** What TypeORM throws for a NOT NULL violation on users: the driver error copied onto a QueryFailedError. */
function queryFailedError(): Error {
  const driverError = Object.assign(new Error('null value in column "display_name" of relation "users" violates not-null constraint'), {
    name: 'error',
    code: '23502',
    severity: 'ERROR',
    detail: 'Failing row contains (0b6f…, li.hua@example.cn, 13800138000, $argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA, null).',
    schema: 'public',
    table: 'users',
    column: 'display_name',
    where: 'SQL statement "UPDATE users SET display_name = NULL"',
  });
  return Object.assign(new Error(driverError.message), {
    name: 'QueryFailedError',
    query: 'UPDATE "users" SET "display_name" = $1 WHERE "id" = $2',
    parameters: [null, '0b6f'],
    driverError,
    code: '23502',
    detail: driverError.detail,
    table: 'users',
    column: 'display_name',
    where: driverError.where,
  });
}

describe('serializeError', () => {
  it('should keep only the SQLSTATE and object names when the error comes from PostgreSQL', () => {
    const out = serializeError(queryFailedError());
    expect(out).toMatchObject({ name: 'QueryFailedError', code: '23502', table: 'users', column: 'display_name', schema: 'public' });
    expect(Object.keys(out).sort()).toEqual(['code', 'column', 'name', 'schema', 'stack', 'table']);
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/Failing row|example\.cn|13800138000|\$argon2|UPDATE|SET|parameters|driverError|where/);
  });

  it('should not log the message of a data error when it echoes the input value', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "13800138000"'), {
      code: '22P02',
      routine: 'string_to_uuid',
    });
    const out = serializeError(error);
    expect(out.message).toBeUndefined();
    expect(out.code).toBe('22P02');
    expect(out.routine).toBe('string_to_uuid');
    expect(JSON.stringify(out)).not.toContain('13800138000');
  });

  it('should keep a scrubbed message, name, code and stack frames when the error is not a database error', () => {
    const error = Object.assign(new Error('cannot reach li.hua@example.cn'), { code: 'ECONNREFUSED', secret: 'x' });
    const out = serializeError(error);
    expect(out.name).toBe('Error');
    expect(out.code).toBe('ECONNREFUSED');
    expect(out.message).toBe('cannot reach [redacted]');
    expect(out.stack).toMatch(/^\s+at /);
    expect(out.stack).not.toContain('example.cn');
    expect(out).not.toHaveProperty('secret');
  });

  it('should give the same result when applied twice, as the filter and pino both do', () => {
    const once = serializeError(queryFailedError());
    expect(serializeError(once)).toEqual(once);
  });

  it('should follow a cause chain without copying its detail', () => {
    const out = serializeError(new Error('wrapper', { cause: queryFailedError() }));
    expect(out.cause).toMatchObject({ code: '23502', table: 'users' });
    expect(JSON.stringify(out)).not.toContain('Failing row');
  });
});
