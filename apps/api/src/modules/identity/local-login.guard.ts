import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { findUnstorableText } from '../../common/validation/unstorable-text';
import { flattenValidationErrors } from '../../common/validation/validation.pipe';
import { LoginDto } from './dto/login.dto';
import { IdentityErrors } from './identity.errors';

/**
 * passport-local runs before pipes, so the body is validated here first: bad
 * input is a 400 naming the field, never a vague 401.
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw IdentityErrors.loginBodyRequired();
    }
    // The global pipe's check for text PostgreSQL cannot store comes too late here (guards run first).
    const unstorable = findUnstorableText(body);
    if (unstorable.length > 0) throw IdentityErrors.invalidBody(unstorable);
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw IdentityErrors.invalidBody(flattenValidationErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err) throw err;
    if (!user) throw IdentityErrors.invalidCredentials();
    return user;
  }
}
