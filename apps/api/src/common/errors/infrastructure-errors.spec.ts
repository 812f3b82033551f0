import { classifyInfrastructureError } from './infrastructure-errors';

const pgError = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code, severity: 'ERROR' });
const wrapped = (driverError: Error): Error =>
  Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError, query: 'SELECT 1', parameters: [] });

describe('classifyInfrastructureError', () => {
  it.each([
    ['a pool acquisition timeout', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['an administrator shutdown (57P01)', wrapped(pgError('57P01'))],
    ['a crash shutdown (57P02)', pgError('57P02')],
    ['a server still starting (57P03)', pgError('57P03')],
    ['too many connections (53300)', pgError('53300')],
    ['a connection exception (08006)', pgError('08006')],
    [
      'a transaction whose lost connection was thrown away',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
    [
      'a query on a connection thrown away mid-transaction',
      Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
    ],
  ])('should answer 503 with Retry-After when the failure is %s', (_what, error) => {
    const mapped = classifyInfrastructureError(error);
    expect(mapped?.code).toBe('service_unavailable');
    expect(Number(mapped?.headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it.each(['40001', '40P01'])('should answer 503 with a short Retry-After when a transaction lost a race (%s)', (state) => {
    const mapped = classifyInfrastructureError(wrapped(pgError(state)));
    expect(mapped?.code).toBe('service_unavailable');
    expect(mapped?.headers?.['retry-after']).toBe('1');
  });

  it.each(['22021', '22P02', '22001', '22003', '22007', '22008', '23502', '23514'])(
    'should answer 422 value_rejected without the value when PostgreSQL refuses data (%s)',
    (state) => {
      const mapped = classifyInfrastructureError(wrapped(pgError(state, 'invalid input syntax for type uuid: "13800138000"')));
      expect(mapped?.code).toBe('value_rejected');
      expect(mapped?.detail).not.toContain('13800138000');
    },
  );

  it.each(['23505', '23503'])('should answer 409 conflict when a constraint between rows refuses the write (%s)', (state) => {
    const mapped = classifyInfrastructureError(wrapped(pgError(state, 'duplicate key value violates unique constraint "users_email"')));
    expect(mapped?.code).toBe('conflict');
    expect(mapped?.detail).not.toMatch(/users_email/);
  });

  it('should leave an ordinary bug alone so that it stays a 500 with an errorId', () => {
    expect(classifyInfrastructureError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(classifyInfrastructureError(pgError('42703'))).toBeUndefined();
    expect(classifyInfrastructureError(Object.assign(new Error('broken pipe'), { code: 'EPIPE_NOT' }))).toBeUndefined();
  });
});
