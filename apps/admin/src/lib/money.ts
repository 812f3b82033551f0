/**
 * Money is integer fen everywhere in the API; people type yuan. These conversions work on the
 * decimal text, never on floating-point products, so "19.99" is 1999 fen and not 1998.
 */

const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/** "1,234.5" / "¥20" / 12.3 → fen; null when it is not an amount of yuan with at most two decimals. */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = (typeof input === 'number' ? (Number.isFinite(input) ? input.toFixed(2) : '') : input)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/[,，\s]/g, '');
  const match = YUAN_PATTERN.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/** fen → the yuan amount as a number (for an input field's initial value). */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}
