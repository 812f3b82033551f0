import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
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

/** Minutes → hours with at most one decimal (150 → 2.5). */
export function minutesToHours(minutes: number): number {
  if (!Number.isFinite(minutes)) return 0;
  return Math.round(minutes / 6) / 10;
}

/** Minutes → "2.5 小时" / "2.5 h"; under an hour in minutes ("45 分钟" / "45 min"). */
export function formatDuration(minutes: number, locale: Locale = 'zh-CN'): string {
  if (!Number.isFinite(minutes)) return '—';
  const whole = Math.round(minutes);
  if (Math.abs(whole) < 60) return locale === 'zh-CN' ? `${whole} 分钟` : `${whole} min`;
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutesToHours(whole));
  return locale === 'zh-CN' ? `${hours} 小时` : `${hours} h`;
}

/** "6月1日 09:00–11:00", or both ends in full when the range spans days. */
export function formatTimeRange(startsAt: string, endsAt: string, locale: Locale = 'zh-CN'): string {
  const start = dayjs(startsAt);
  const end = dayjs(endsAt);
  if (!start.isValid() || !end.isValid()) return '—';
  const day = locale === 'zh-CN' ? 'M月D日 ddd' : 'ddd, MMM D';
  const dj = DAYJS_LOCALES[locale];
  if (start.isSame(end, 'day')) return `${start.locale(dj).format(day)} ${start.format('HH:mm')}–${end.format('HH:mm')}`;
  return `${start.locale(dj).format(day)} ${start.format('HH:mm')} – ${end.locale(dj).format(day)} ${end.format('HH:mm')}`;
}

/** 0.834 → "83%". */
export function formatPercent(ratio: number | null | undefined, locale: Locale = 'zh-CN'): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
