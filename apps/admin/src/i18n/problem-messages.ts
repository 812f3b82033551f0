import type { FormInstance } from 'antd';
import { isApiError } from '../providers/api-client';
import { i18n } from './i18n';

/**
 * The API writes problem details in English. For codes the client knows, the translated text reads
 * better than the server's; otherwise the server's detail (or title) is shown as it is.
 */
export function problemMessage(error: unknown): string {
  if (isApiError(error) || isHttpErrorLike(error)) {
    const code = (error as { code?: string }).code;
    if (code && i18n.exists(`problems.${code}`)) return i18n.t(`problems.${code}`);
    if (error.message) return error.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('errors.requestFailed');
}

export function problemCode(error: unknown): string | undefined {
  return isApiError(error) || isHttpErrorLike(error) ? (error as { code?: string }).code : undefined;
}

function isHttpErrorLike(error: unknown): error is { message: string; statusCode: number } {
  return typeof error === 'object' && error !== null && 'statusCode' in error && 'message' in error;
}

export interface FormFieldError {
  name: Array<string | number>;
  errors: string[];
}

/**
 * Field errors for an antd form from a problem answer.
 * - `validation_failed`: the messages of the field errors' codes (see `toFieldErrors`), on the fields it names;
 * - another code with field errors (e.g. `weak_password`): the translated text of the code on those fields;
 * - a code without field errors that belongs to one field (e.g. `login_taken` → the login field): `fieldForCode`.
 */
export function formFieldErrors(error: unknown, fieldForCode: Readonly<Record<string, string>> = {}): FormFieldError[] {
  if (!isApiError(error)) return [];
  const code = error.code;
  const translated = code && code !== 'validation_failed' && i18n.exists(`problems.${code}`) ? i18n.t(`problems.${code}`) : null;
  if (error.errors) {
    return Object.entries(error.errors).map(([field, messages]) => ({
      name: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: translated ? [translated] : messages,
    }));
  }
  const field = code ? fieldForCode[code] : undefined;
  return field ? [{ name: [field], errors: [problemMessage(error)] }] : [];
}

/**
 * Puts the problem's field errors on the form fields that exist in it.
 * Returns whether any was shown, so the caller can fall back to a general message.
 */
export function applyProblemToForm(form: FormInstance, error: unknown, fieldForCode: Readonly<Record<string, string>> = {}): boolean {
  const known = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const fields = formFieldErrors(error, fieldForCode).filter((field) => known.has(field.name.join('.')));
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}
