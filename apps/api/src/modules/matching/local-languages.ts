/**
 * Which languages and dialects are spoken locally, by GB/T 2260 prefix, and
 * the names volunteers type for them. A left-behind child in 隆回 is most at
 * ease in 湘语, one in 江华 may speak 瑶语 at home: a volunteer who speaks
 * the child's language is a better match. Mandarin is assumed everywhere and
 * never counts as a match.
 *
 * Prefixes add up: a county listed here also has its province's languages.
 * The table is small on purpose (the seed's region plus the main dialect
 * areas); extend it as the platform reaches new provinces.
 */

interface Language {
  en: string;
  /** Names as typed in profiles (compared after trimming). */
  aliases: readonly string[];
}

export const LANGUAGES: Readonly<Record<string, Language>> = {
  湘语: { en: 'Xiang', aliases: ['湘语', '湘方言', '湖南话', '长沙话', '邵阳话', '娄底话', '湘潭话', '衡阳话', 'Xiang'] },
  赣语: { en: 'Gan', aliases: ['赣语', '赣方言', '江西话', '南昌话', '浏阳话', '平江话', 'Gan'] },
  客家话: { en: 'Hakka', aliases: ['客家话', '客家语', '客语', 'Hakka'] },
  粤语: { en: 'Cantonese', aliases: ['粤语', '广东话', '白话', '广州话', 'Cantonese'] },
  闽南语: { en: 'Southern Min', aliases: ['闽南语', '闽南话', '潮汕话', '潮州话', 'Hokkien', 'Teochew'] },
  闽东语: { en: 'Eastern Min', aliases: ['闽东语', '福州话'] },
  吴语: { en: 'Wu', aliases: ['吴语', '上海话', '苏州话', '温州话', '宁波话', 'Wu', 'Shanghainese'] },
  西南官话: { en: 'Southwestern Mandarin', aliases: ['西南官话', '四川话', '重庆话', '贵州话', '云南话', '湖北话', '武汉话', '湘西话'] },
  晋语: { en: 'Jin', aliases: ['晋语', '山西话'] },
  瑶语: { en: 'Yao (Mien)', aliases: ['瑶语', '勉语', '瑶话'] },
  苗语: { en: 'Miao (Hmong)', aliases: ['苗语', '苗话'] },
  土家语: { en: 'Tujia', aliases: ['土家语'] },
  侗语: { en: 'Kam (Dong)', aliases: ['侗语', '侗话'] },
  壮语: { en: 'Zhuang', aliases: ['壮语', '壮话'] },
  藏语: { en: 'Tibetan', aliases: ['藏语'] },
  维吾尔语: { en: 'Uyghur', aliases: ['维吾尔语', '维语'] },
  蒙古语: { en: 'Mongolian', aliases: ['蒙古语', '蒙语'] },
  手语: { en: 'Sign language', aliases: ['手语', '中国手语', 'Sign language'] },
};

/** Region prefix → languages spoken there besides Mandarin. */
export const REGION_LANGUAGES: ReadonlyArray<readonly [prefix: string, languages: readonly string[]]> = [
  ['43', ['湘语']],
  ['430181', ['赣语']], // 浏阳
  ['430281', ['赣语']], // 醴陵
  ['430626', ['赣语']], // 平江
  ['430529', ['苗语']], // 城步苗族自治县
  ['431125', ['瑶语']], // 江永
  ['431129', ['瑶语']], // 江华瑶族自治县
  ['431226', ['苗语']], // 麻阳苗族自治县
  ['431227', ['侗语']], // 新晃侗族自治县
  ['431228', ['侗语']], // 芷江侗族自治县
  ['431229', ['苗语', '侗语']], // 靖州苗族侗族自治县
  ['431230', ['侗语']], // 通道侗族自治县
  ['4331', ['西南官话', '苗语', '土家语']], // 湘西土家族苗族自治州
  ['36', ['赣语']],
  ['3607', ['客家话']], // 赣州
  ['44', ['粤语']],
  ['4414', ['客家话']], // 梅州
  ['4405', ['闽南语']], // 汕头
  ['4451', ['闽南语']], // 潮州
  ['4452', ['闽南语']], // 揭阳
  ['45', ['粤语', '壮语', '西南官话']],
  ['35', ['闽南语']],
  ['3501', ['闽东语']], // 福州
  ['31', ['吴语']],
  ['33', ['吴语']],
  ['3205', ['吴语']], // 苏州
  ['42', ['西南官话']],
  ['50', ['西南官话']],
  ['51', ['西南官话']],
  ['52', ['西南官话', '苗语']],
  ['53', ['西南官话']],
  ['14', ['晋语']],
  ['54', ['藏语']],
  ['65', ['维吾尔语']],
  ['15', ['蒙古语']],
];

/** Skills of the catalogue that name a language: a need asking for one wants a speaker. */
export const LANGUAGE_SKILLS: Readonly<Record<string, string>> = {
  dialect_xiang: '湘语',
  language_yao: '瑶语',
  sign_language: '手语',
};

const ALIAS_TO_LANGUAGE = new Map<string, string>(
  Object.entries(LANGUAGES).flatMap(([name, language]) => language.aliases.map((alias) => [alias, name] as const)),
);

/** The table's name for what a volunteer typed (湖南话 → 湘语); null for Mandarin and unknown names. */
export function canonicalLanguage(typed: string): string | null {
  return ALIAS_TO_LANGUAGE.get(typed.trim()) ?? null;
}

export function canonicalLanguages(typed: readonly string[]): string[] {
  return [...new Set(typed.map(canonicalLanguage).filter((l): l is string => l !== null))].sort();
}

/** Languages spoken locally in a region (the union over every listed prefix of its code). */
export function localLanguages(regionCode: string): string[] {
  const found = new Set<string>();
  for (const [prefix, languages] of REGION_LANGUAGES) if (regionCode.startsWith(prefix)) languages.forEach((l) => found.add(l));
  return [...found].sort();
}

/** What a need's people speak, or ask for: its region's languages and those its required skills name. */
export function needLanguages(regionCode: string, requiredSkills: readonly string[]): string[] {
  const found = new Set(localLanguages(regionCode));
  for (const skill of requiredSkills) if (LANGUAGE_SKILLS[skill]) found.add(LANGUAGE_SKILLS[skill]);
  return [...found].sort();
}

/** Region prefixes where a speaker of `spoken` speaks a local language (for the feed's SQL). */
export function prefixesSpeaking(spoken: readonly string[]): string[] {
  return [
    ...new Set(REGION_LANGUAGES.filter(([, languages]) => languages.some((l) => spoken.includes(l))).map(([prefix]) => prefix)),
  ].sort();
}

/** Skill codes naming a language in `spoken` (a need requiring one wants this speaker). */
export function languageSkillsSpoken(spoken: readonly string[]): string[] {
  return Object.entries(LANGUAGE_SKILLS)
    .filter(([, language]) => spoken.includes(language))
    .map(([code]) => code)
    .sort();
}

/** Every typed name of these languages (for matching raw profile text in SQL). */
export function aliasesOf(languages: readonly string[]): string[] {
  return languages.flatMap((l) => LANGUAGES[l]?.aliases ?? []).sort();
}

export function languageNameEn(language: string): string {
  return LANGUAGES[language]?.en ?? language;
}
