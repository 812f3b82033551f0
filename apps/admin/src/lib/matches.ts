import type { FeedMatchView, Locale, MatchReason, MatchShiftView, NeedSummaryView, Page, RankedPage } from '@kindred/contracts';

/** A need as a card shows it: a search result, or the need of a feed entry (whose distance may be unknown). */
export type CardNeed = Omit<NeedSummaryView, 'distanceKm'> & { distanceKm?: number | null };

/** A reason as shown: the sentence in the reader's language, and the factor it comes from. */
export interface ShownReason {
  factor: MatchReason['factor'];
  contribution: number;
  text: string;
}

export interface MatchItem {
  /** Unique per entry: the need, and the shift when the entry proposes one. */
  key: string;
  need: CardNeed;
  shift: MatchShiftView | null;
  score: number | null;
  reasons: ShownReason[];
}

/** The sentence of a reason in the reader's language. */
export const reasonText = (reason: MatchReason, locale: Locale): string => reason.text[locale];

export const showReasons = (reasons: readonly MatchReason[], locale: Locale): ShownReason[] =>
  reasons.map((r) => ({ factor: r.factor, contribution: r.contribution, text: reasonText(r, locale) }));

/** `GET /me/matches` → one item per need × proposed shift, best first (a repeated pair is shown once). */
export function feedItems(page: RankedPage<FeedMatchView>, locale: Locale): MatchItem[] {
  const seen = new Set<string>();
  const items: MatchItem[] = [];
  for (const match of page.data) {
    const key = `${match.needId}:${match.shiftId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ key, need: match.need, shift: match.shift, score: match.score, reasons: showReasons(match.reasons, locale) });
  }
  return items;
}

/** Open needs (when the feed is not available): plain cards without score or reasons. */
export const openNeedItems = (page: Page<NeedSummaryView>): MatchItem[] =>
  page.data.map((need) => ({ key: need.id, need, shift: null, score: null, reasons: [] }));
