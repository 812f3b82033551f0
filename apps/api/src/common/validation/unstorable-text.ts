import type { FieldProblem } from '@kindred/contracts';

// PostgreSQL text cannot hold U+0000 (22021), and a lone UTF-16 surrogate cannot be encoded as UTF-8
// (it breaks jsonb outbox payloads and comes back as U+FFFD): neither is ever a meaningful input.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_ERRORS = 20;

function problemWith(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return undefined;
}

const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Every string (and object key) in a request value that PostgreSQL or UTF-8
 * cannot store, with its path (`items[0].name`). Walks iteratively, so a deeply
 * nested body cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, root = ''): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  const seen = new Set<object>();
  while (pending.length > 0 && errors.length < MAX_ERRORS) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const message = problemWith(current);
      if (message) errors.push({ field: path || 'body', message, code: 'unstorable_text' });
      continue;
    }
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) pending.push({ value: current[i], path: childPath(path, i) });
      continue;
    }
    const entries = Object.entries(current as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i];
      const keyProblem = problemWith(key);
      if (keyProblem) {
        errors.push({ field: path || 'body', message: `has a field name that ${keyProblem}`, code: 'unstorable_text' });
        continue;
      }
      pending.push({ value: child, path: childPath(path, key) });
    }
  }
  return errors;
}
