/**
 * Text that a spreadsheet program could read as a formula (`=`, `+`, `-`, `@`, and the tab and carriage return
 * that some programs strip first) is written with a leading apostrophe, so a value typed into a child's file can
 * never run as a formula in an export (T13).
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

/** A nullable text cell: empty when null. */
export function safeText(value: string | null | undefined): string {
  return value === null || value === undefined ? '' : safeCell(value);
}
