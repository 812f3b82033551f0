import { haversineKm } from '../needs';
import { itemGroup, matchItems, normalizeUnit, type ItemMatch } from './item-names';
import { GOODS_FACTORS, MATCHING, type GoodsFactor } from './matching.config';
import type { MatchReason } from '@kindred/contracts';
import { sortReasons, toTenths, type Explained } from './reasons';

/**
 * Goods offers ↔ goods need lines. Few enough to score in the API after one
 * candidate query (see candidate-generation.repository.ts), with the same
 * contract as the volunteer model: values in [0, 1], contributions rounded to
 * 0.1, the score their sum.
 */
export interface GoodsPair {
  offer: { itemName: string; unit: string; quantity: number; regionCode: string; location: { lat: number; lng: number } | null };
  line: { name: string; unit: string; needed: number; pledged: number };
  need: { regionCode: string; location: { lat: number; lng: number } | null };
}

export interface GoodsMatch extends Explained {
  match: Exclude<ItemMatch, null>;
  /** What is still missing on the line (needed − pledged), and what the offer would cover of it. */
  outstanding: number;
  covers: number;
}

type GoodsRegionLevel = 'township' | 'county' | 'city' | 'province' | 'far';

function goodsRegionLevel(a: string, b: string): GoodsRegionLevel {
  if (a.length === 9 && a === b) return 'township';
  if (a.slice(0, 6) === b.slice(0, 6)) return 'county';
  if (a.slice(0, 4) === b.slice(0, 4)) return 'city';
  if (a.slice(0, 2) === b.slice(0, 2)) return 'province';
  return 'far';
}

const REGION_TEXT: Record<GoodsRegionLevel, { 'zh-CN': string; en: string }> = {
  township: { 'zh-CN': '同一乡镇（街道）', en: 'Same township' },
  county: { 'zh-CN': '同一区县', en: 'Same county' },
  city: { 'zh-CN': '同一地市', en: 'Same city' },
  province: { 'zh-CN': '同一省份', en: 'Same province' },
  far: { 'zh-CN': '跨省', en: 'Another province' },
};

/** Null when the items do not match or nothing is missing on the line any more. */
export function scoreGoods(pair: GoodsPair): GoodsMatch | null {
  const match = matchItems(pair.offer.itemName, pair.line.name);
  if (!match) return null;
  const outstanding = Math.max(0, pair.line.needed - pair.line.pledged);
  if (outstanding === 0) return null;
  const g = MATCHING.goods;
  const covers = Math.min(pair.offer.quantity, outstanding);
  const sameUnit = normalizeUnit(pair.offer.unit) === normalizeUnit(pair.line.unit);
  // Different units (件 vs 套) make the count only indicative: half the credit.
  const quantity = (covers / outstanding) * (sameUnit ? 1 : 0.5);
  const km =
    pair.offer.location && pair.need.location
      ? haversineKm(pair.need.location.lat, pair.need.location.lng, pair.offer.location.lat, pair.offer.location.lng)
      : null;
  const level = goodsRegionLevel(pair.need.regionCode, pair.offer.regionCode);
  const distance = km !== null ? Math.exp(-km / g.distanceScaleKm) : level === 'far' ? 0 : g.regionMatch[level];
  const values: Record<GoodsFactor, number> = { item: g.item[match], quantity, distance };

  const group = itemGroup(pair.line.name);
  const texts: Record<GoodsFactor, { 'zh-CN': string; en: string }> = {
    item:
      match === 'exact'
        ? { 'zh-CN': `物品一致：${pair.line.name}`, en: `Same item: ${pair.line.name}` }
        : {
            'zh-CN': `同类物品：${pair.offer.itemName} ≈ ${pair.line.name}`,
            en: `Same kind of item (${group?.en ?? 'synonym'}): ${pair.offer.itemName} ≈ ${pair.line.name}`,
          },
    quantity: {
      'zh-CN': `可满足尚缺的 ${covers}/${outstanding} ${pair.line.unit}${sameUnit ? '' : `（单位不同：${pair.offer.unit}/${pair.line.unit}）`}`,
      en: `Covers ${covers} of the ${outstanding} ${pair.line.unit} still needed${sameUnit ? '' : ` (units differ: ${pair.offer.unit}/${pair.line.unit})`}`,
    },
    distance:
      km !== null
        ? { 'zh-CN': `距离约 ${(Math.round(km * 10) / 10).toFixed(1)} 公里`, en: `About ${(Math.round(km * 10) / 10).toFixed(1)} km away` }
        : REGION_TEXT[level],
  };
  const tenths = GOODS_FACTORS.map((f) => toTenths(g.weights[f] * values[f]));
  const reasons = GOODS_FACTORS.map((factor, i): MatchReason => ({ factor, contribution: tenths[i] / 10, text: texts[factor] }));
  return {
    match,
    outstanding,
    covers,
    score: tenths.reduce((a, b) => a + b, 0) / 10,
    reasons: sortReasons(reasons, GOODS_FACTORS, (r) => r.factor),
  };
}
