import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../common/errors/domain-error';
import { findUnstorableText } from '../../common/validation/unstorable-text';
import { flattenValidationErrors } from '../../common/validation/validation.pipe';
import { LoginDto } from './dto/login.dto';

/**
 * passport-local runs before pipes, so the body is validated here first: bad
 * input is a 400 naming the field, never a vague 401.
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw DomainError.validation([{ field: 'login', message: 'a JSON object with login and password is required' }]);
    }
    // The global pipe's check for text PostgreSQL cannot store comes too late here (guards run first).
    const unstorable = findUnstorableText(body);
    if (unstorable.length > 0) throw DomainError.validation(unstorable);
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw DomainError.validation(flattenValidationErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err) throw err;
    if (!user) throw new DomainError('invalid_credentials', 'The login or the password is wrong');
    return user;
  }
}
