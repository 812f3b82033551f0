import { DomainError } from '../../common/errors/domain-error';
import { AuthService } from './auth.service';

describe('AuthService.login', () => {
  function build(user: unknown) {
    const passwords = { verify: jest.fn().mockResolvedValue(false) };
    const users = { findByLogin: jest.fn().mockResolvedValue(user), recordFailedLogin: jest.fn(), clearFailedLogins: jest.fn() };
    const config = { auth: { lockoutThreshold: 5, lockoutSeconds: 900 } };
    const service = new AuthService(config as never, {} as never, users as never, {} as never, passwords as never, {} as never, {} as never);
    return { service, passwords, users };
  }

  it('should verify a password hash even when the login is unknown, so both paths cost the same', async () => {
    const { service, passwords } = build(null);
    await expect(service.login('nobody@example.cn', 'Whatever-123')).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(passwords.verify).toHaveBeenCalledTimes(1);
    expect(passwords.verify).toHaveBeenCalledWith(null, 'Whatever-123');
  });

  it('should verify a password hash even when the account is locked, and count nothing more', async () => {
    const { service, passwords, users } = build({ id: 'u1', passwordHash: 'h', lockedUntil: new Date(Date.now() + 60_000) });
    const error = await service.login('someone@example.cn', 'Whatever-123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_credentials');
    expect(passwords.verify).toHaveBeenCalledWith('h', 'Whatever-123');
    expect(users.recordFailedLogin).not.toHaveBeenCalled();
  });

  it('should count a failure when the password is wrong', async () => {
    const { service, users } = build({ id: 'u1', passwordHash: 'h', lockedUntil: null });
    await expect(service.login('someone@example.cn', 'Whatever-123')).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(users.recordFailedLogin).toHaveBeenCalledWith('u1', 5, 900);
  });
});
