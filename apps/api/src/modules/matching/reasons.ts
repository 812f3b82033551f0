import { languageNameEn, needLanguages } from './local-languages';
import type { FactorRow } from './sql/match-factors.sql';
import type { MatchReason } from '@kindred/contracts';
import { VOLUNTEER_FACTORS, type VolunteerFactor } from './matching.config';

export interface Explained {
  score: number;
  reasons: MatchReason[];
}

/** Names of skill codes for the sentences (from the volunteers context's catalogue). */
export type SkillNames = ReadonlyMap<string, { zh: string; en: string }>;

/**
 * What the sentences say besides the points: facts about the pair that the
 * ranking statement returned or the service already knew. Nothing here is
 * about a child (needs carry counts only; the children registry is never read).
 */
export interface VolunteerEvidence {
  requiredSkills: readonly string[];
  matchedSkills: readonly string[];
  distanceKm: number | null;
  needRegion: string;
  volunteerRegion: string;
  availabilityShare: number;
  /** The volunteer's languages (canonical names) and the need's region and skills decide the language match. */
  spokenLanguages: readonly string[];
  needMinutes: number;
  orgMinutes: number;
  reliability: number;
  committedMinutes: number;
  capMinutes: number;
}

/** Points are kept in tenths so that sums are exact integers. */
export const toTenths = (value: string | number): number => Math.round(Number(value) * 10);
const fromTenths = (tenths: number): number => tenths / 10;
const hours = (minutes: number): string => String(Math.round(minutes / 6) / 10);

export type RegionLevel = 'township' | 'county' | 'city' | 'far';

/** The same levels as the distance factor's SQL (sql/match-factors.sql.ts) when coordinates are missing. */
export function regionLevel(needRegion: string, volunteerRegion: string): RegionLevel {
  if (needRegion.length === 9 && needRegion === volunteerRegion) return 'township';
  if (needRegion.slice(0, 6) === volunteerRegion.slice(0, 6)) return 'county';
  if (needRegion.slice(0, 4) === volunteerRegion.slice(0, 4)) return 'city';
  return 'far';
}

const REGION_TEXT: Record<RegionLevel, { 'zh-CN': string; en: string }> = {
  township: { 'zh-CN': '同一乡镇（街道）', en: 'Same township' },
  county: { 'zh-CN': '同一区县', en: 'Same county' },
  city: { 'zh-CN': '同一地市', en: 'Same city' },
  far: { 'zh-CN': '不在同一地市', en: 'Not in the same city' },
};

function sentence(factor: VolunteerFactor, e: VolunteerEvidence, skillNames: SkillNames): { 'zh-CN': string; en: string } {
  switch (factor) {
    case 'skills': {
      if (e.requiredSkills.length === 0) return { 'zh-CN': '不限技能', en: 'No particular skill required' };
      const zh = e.matchedSkills.map((c) => skillNames.get(c)?.zh ?? c).join('、');
      const en = e.matchedSkills.map((c) => skillNames.get(c)?.en ?? c).join(', ');
      const m = e.matchedSkills.length;
      const r = e.requiredSkills.length;
      return { 'zh-CN': `具备所需技能 ${m}/${r} 项${m ? `：${zh}` : ''}`, en: `Has ${m} of ${r} required skills${m ? `: ${en}` : ''}` };
    }
    case 'distance': {
      if (e.distanceKm !== null) {
        if (e.distanceKm < 1) return { 'zh-CN': '距离不到 1 公里', en: 'Less than 1 km away' };
        const km = String(Math.round(e.distanceKm * 10) / 10);
        return { 'zh-CN': `距离约 ${km} 公里`, en: `About ${km} km away` };
      }
      return REGION_TEXT[regionLevel(e.needRegion, e.volunteerRegion)];
    }
    case 'availability': {
      const pct = Math.round(e.availabilityShare * 100);
      if (pct === 0) return { 'zh-CN': '班次不在每周可服务时段内', en: 'The shift is outside the weekly availability' };
      return { 'zh-CN': `班次时间 ${pct}% 在每周可服务时段内`, en: `${pct}% of the shift falls within the weekly availability` };
    }
    case 'language': {
      const wanted = needLanguages(e.needRegion, e.requiredSkills);
      const matched = wanted.filter((l) => e.spokenLanguages.includes(l));
      if (matched.length > 0)
        return {
          'zh-CN': `会说当地语言：${matched.join('、')}`,
          en: `Speaks the local language: ${matched.map(languageNameEn).join(', ')}`,
        };
      if (wanted.length === 0) return { 'zh-CN': '当地无特定方言要求', en: 'No local language expected' };
      return {
        'zh-CN': `不会说当地语言（${wanted.join('、')}）`,
        en: `Does not speak the local language (${wanted.map(languageNameEn).join(', ')})`,
      };
    }
    case 'continuity':
      if (e.needMinutes > 0)
        return {
          'zh-CN': `曾服务此需求 ${hours(e.needMinutes)} 小时（已核实）`,
          en: `Served this need before (${hours(e.needMinutes)} h verified)`,
        };
      if (e.orgMinutes > 0)
        return {
          'zh-CN': `曾在该机构服务 ${hours(e.orgMinutes)} 小时（已核实）`,
          en: `Served this organisation before (${hours(e.orgMinutes)} h verified)`,
        };
      return { 'zh-CN': '尚未在该机构服务过', en: 'Has not served this organisation yet' };
    case 'reliability': {
      const pct = Math.round(e.reliability * 100);
      return { 'zh-CN': `出勤可靠度 ${pct}%`, en: `Reliability ${pct}% (attendance record)` };
    }
    case 'load':
      return {
        'zh-CN': `本月已安排 ${hours(e.committedMinutes)}/${hours(e.capMinutes)} 小时`,
        en: `${hours(e.committedMinutes)} of ${hours(e.capMinutes)} monthly hours already committed`,
      };
  }
}

/** Orders reasons by points (largest first), then by the model's factor order. */
export function sortReasons<T extends { contribution: number }>(reasons: T[], order: readonly string[], factorOf: (r: T) => string): T[] {
  return [...reasons].sort((a, b) => b.contribution - a.contribution || order.indexOf(factorOf(a)) - order.indexOf(factorOf(b)));
}

/**
 * The reasons of one ranked row. The points come from the statement's
 * contributions (integer tenths) and the score is their sum, so the two always agree
 * with each other and with the order the statement produced.
 */
export function explainVolunteerMatch(row: FactorRow, evidence: VolunteerEvidence, skillNames: SkillNames): Explained {
  const reasons = VOLUNTEER_FACTORS.map((factor): MatchReason => ({
    factor,
    contribution: fromTenths(Number(row[`c_${factor}`])),
    text: sentence(factor, evidence, skillNames),
  }));
  const total = VOLUNTEER_FACTORS.reduce((sum, factor) => sum + Number(row[`c_${factor}`]), 0);
  if (total !== Number(row.score)) throw new Error(`score ${row.score} is not the sum of its contributions (${total}, in tenths)`);
  return { score: fromTenths(total), reasons: sortReasons(reasons, VOLUNTEER_FACTORS, (r) => r.factor) };
}
