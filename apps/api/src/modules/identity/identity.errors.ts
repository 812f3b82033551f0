import type { FieldProblem } from '@kindred/contracts';
import { DomainError, fieldError } from '../../common/errors/domain-error';

/** The identity context's failures, by name. Details say what to do; they never carry a login, name or password. */
export const IdentityErrors = Object.freeze({
  invalidCredentials: () => new DomainError('invalid_credentials', 'The login or the password is wrong'),
  loginTaken: () => new DomainError('login_taken', 'An account with this e-mail address or mobile number already exists'),
  refreshReused: () =>
    new DomainError('refresh_reused', 'This refresh token was already used; the session has been ended everywhere. Sign in again.'),
  refreshInvalid: () => new DomainError('refresh_invalid', 'The refresh token is not valid; sign in again'),
  tokenExpired: () => new DomainError('token_expired', 'The access token has expired; refresh it'),
  tokenInvalid: () => new DomainError('unauthorized', 'The access token is not valid'),
  sessionEnded: () => new DomainError('unauthorized', 'The session has ended; sign in again'),
  accountGone: () => new DomainError('unauthorized', 'The account no longer exists'),
  tooManyAttempts: (seconds: number) =>
    new DomainError('too_many_requests', `Too many attempts; wait ${seconds} seconds and try again`, undefined, {
      'retry-after': String(seconds),
    }),
  passwordTooShort: (field: string, minLength: number) =>
    new DomainError('weak_password', `The password must have at least ${minLength} characters`, [
      fieldError(field, 'too_short', `must be at least ${minLength} characters`),
    ]),
  passwordTooCommon: (field: string) =>
    new DomainError('weak_password', 'This password is too common; choose another', [fieldError(field, 'invalid', 'is too common')]),
  emailOrPhoneRequired: () =>
    DomainError.validation([
      fieldError('email', 'required', 'give an e-mail address or a mobile number'),
      fieldError('phone', 'required', 'give an e-mail address or a mobile number'),
    ]),
  loginBodyRequired: () => DomainError.validation([fieldError('login', 'required', 'a JSON object with login and password is required')]),
  /** Field errors already coded by the shared validation (the login guard runs before the global pipe). */
  invalidBody: (errors: FieldProblem[]) => DomainError.validation(errors),
  noAccountWithLogin: () =>
    DomainError.validation([fieldError('login', 'invalid', 'no account has this login')], 'No account has this login'),
  alreadyMember: () => new DomainError('already_member', 'This person is already a member'),
  lastOwner: () => new DomainError('last_owner', 'An organisation must keep at least one owner; make someone else owner first'),
  roleNotAllowed: (role: string, kind: string, allowed: readonly string[]) =>
    new DomainError('role_not_allowed', `Role ${role} does not exist in a ${kind} organisation`, [
      fieldError('role', 'invalid_choice', `must be one of ${allowed.join(', ')}`),
    ]),
} as const);
