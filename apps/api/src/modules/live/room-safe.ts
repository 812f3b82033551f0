/**
 * Field names that must never travel in a live event: contact details and a
 * child's identity (DESIGN §5, HOUSE rule 9). Event payloads are typed in
 * libs/contracts; this catches a field slipped in through a loose object.
 */
const FORBIDDEN_FIELD = /phone|mobile|e-?mail|legal_?name|real_?name|full_?name|child_?name|id_?number|id_?card|address|guardian|birth/i;

/** Throws (a programming error, caught by tests) when a payload carries a field no room may see. */
export function assertRoomSafe(value: unknown, path = 'data'): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertRoomSafe(item, `${path}[${i}]`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (FORBIDDEN_FIELD.test(key)) throw new Error(`Live event field ${path}.${key} may carry personal data and is not allowed`);
    assertRoomSafe(inner, `${path}.${key}`);
  }
}
