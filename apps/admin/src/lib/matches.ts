import type { Locale, NeedSummaryView, ShiftView } from '@kindred/contracts';

/** A reason as shown: the sentence in the reader's language, and the factor it comes from. */
export interface MatchReason {
  factor: string | null;
  contribution: number | null;
  text: string;
}

/** The shift a feed entry proposes (the feed ranks need × shift pairs). */
export interface MatchShift {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  full: boolean;
}

export interface MatchItem {
  /** Unique per entry: the need, and the shift when the entry proposes one. */
  key: string;
  need: NeedSummaryView;
  shift: MatchShift | null;
  score: number | null;
  reasons: MatchReason[];
  /** Upcoming shifts the feed proposes, when it sends them as a list. */
  shifts: ShiftView[] | null;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

function pickText(value: unknown, locale: Locale): string | null {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return null;
  const wanted = locale === 'zh-CN' ? ['zh-CN', 'zh', 'zhCN', 'zh_CN'] : ['en', 'en-US'];
  for (const key of [...wanted, 'zh-CN', 'en']) {
    if (typeof value[key] === 'string') return value[key] as string;
  }
  return null;
}

/** Reads a reason in any of the shapes a ranking API commonly sends. */
export function normalizeReason(raw: unknown, locale: Locale): MatchReason | null {
  if (typeof raw === 'string') return raw.trim() ? { factor: null, contribution: null, text: raw } : null;
  if (!isObject(raw)) return null;
  const localized =
    locale === 'zh-CN' ? (raw.textZh ?? raw.messageZh ?? raw.zh ?? raw.labelZh) : (raw.textEn ?? raw.messageEn ?? raw.en ?? raw.labelEn);
  const text =
    (typeof localized === 'string' ? localized : null) ??
    pickText(raw.text, locale) ??
    pickText(raw.message, locale) ??
    pickText(raw.sentence, locale) ??
    pickText(raw.label, locale) ??
    pickText(raw.explanation, locale);
  const factor = typeof raw.factor === 'string' ? raw.factor : null;
  const contribution = typeof raw.contribution === 'number' ? raw.contribution : typeof raw.points === 'number' ? raw.points : null;
  if (!text && !factor) return null;
  return { factor, contribution, text: text ?? factor ?? '' };
}

/**
 * `GET /me/matches` → items to show. Accepts a page (`{data}`) or a bare array, each entry being a need
 * with `score`/`reasons` beside its fields, or nested as `need` with the proposed `shift` beside it.
 * Entries without a need id are dropped, and so are repeats of the same need and shift.
 */
export function normalizeMatches(body: unknown, locale: Locale): MatchItem[] {
  const rows: unknown[] = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.data) ? body.data : [];
  const items: MatchItem[] = [];
  for (const row of rows) {
    if (!isObject(row)) continue;
    const need = (isObject(row.need) ? row.need : row) as unknown as NeedSummaryView;
    if (typeof need.id !== 'string') continue;
    const reasons = (Array.isArray(row.reasons) ? row.reasons : [])
      .map((r) => normalizeReason(r, locale))
      .filter((r): r is MatchReason => r !== null);
    const shift = isObject(row.shift) && typeof row.shift.id === 'string' ? (row.shift as unknown as MatchShift) : null;
    items.push({
      key: shift ? `${need.id}:${shift.id}` : need.id,
      need,
      shift: shift ? { ...shift, full: Boolean(shift.full) } : null,
      score: typeof row.score === 'number' ? row.score : null,
      reasons,
      shifts: Array.isArray(row.shifts) ? (row.shifts as ShiftView[]) : null,
    });
  }
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.key) && seen.add(item.key));
}
