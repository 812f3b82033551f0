import dayjs from 'dayjs';
import type { Locale } from '@kindred/contracts';

const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

const DATE_FORMATS: Record<Locale, { date: string; dateTime: string }> = {
  'zh-CN': { date: 'YYYY年M月D日', dateTime: 'YYYY年M月D日 HH:mm' },
  en: { date: 'MMM D, YYYY', dateTime: 'MMM D, YYYY HH:mm' },
};

/** Integer fen → "¥1,234.56". Integer arithmetic only, so no floating-point rounding. */
export function formatMoney(fen: number, locale: Locale = 'zh-CN'): string {
  if (!Number.isFinite(fen)) return '—';
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true }).format(yuan);
  return `${sign}¥${grouped}.${cents}`;
}

export function formatDate(
  value: string | number | Date | null | undefined,
  locale: Locale = 'zh-CN',
  options: { withTime?: boolean } = {},
): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = dayjs(value);
  if (!date.isValid()) return '—';
  const formats = DATE_FORMATS[locale];
  return date.locale(DAYJS_LOCALES[locale]).format(options.withTime ? formats.dateTime : formats.date);
}
