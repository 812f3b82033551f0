import type { FieldProblem } from '@kindred/contracts';
import { i18n } from './i18n';

/** The field's own name: the last part of its path that is not an index (`items.0.quantity` → `quantity`). */
export function fieldLeaf(field: string): string {
  const parts = field.split(/[.[\]]+/).filter((part) => part !== '' && !/^\d+$/.test(part));
  return parts[parts.length - 1] ?? field;
}

/**
 * The reader's words for one field error: by its code, in clearer words for a known field when there are
 * some (`fieldErrors.byField.<field>.<code>`), else the code's own (`fieldErrors.codes.<code>`). Without a
 * code (an older server, a code this client does not know yet) the server's message is shown as it is.
 */
export function fieldErrorMessage(error: Pick<FieldProblem, 'field' | 'message'> & Partial<Pick<FieldProblem, 'code'>>): string {
  const { code } = error;
  if (!code) return error.message;
  const specific = `fieldErrors.byField.${fieldLeaf(error.field)}.${code}`;
  if (i18n.exists(specific)) return i18n.t(specific);
  const generic = `fieldErrors.codes.${code}`;
  return i18n.exists(generic) ? i18n.t(generic) : error.message;
}
