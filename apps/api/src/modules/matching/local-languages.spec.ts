import {
  aliasesOf,
  canonicalLanguage,
  canonicalLanguages,
  languageSkillsSpoken,
  LANGUAGES,
  LANGUAGE_SKILLS,
  localLanguages,
  needLanguages,
  prefixesSpeaking,
  REGION_LANGUAGES,
} from './local-languages';

describe('local languages', () => {
  it('should map what volunteers type to one name when it is an alias, and ignore Mandarin', () => {
    expect(canonicalLanguage(' 湖南话 ')).toBe('湘语');
    expect(canonicalLanguage('邵阳话')).toBe('湘语');
    expect(canonicalLanguage('广东话')).toBe('粤语');
    expect(canonicalLanguage('普通话')).toBeNull();
    expect(canonicalLanguages(['普通话', '湘语', '长沙话', '瑶话'])).toEqual(['湘语', '瑶语']);
  });

  it('should add up the languages of every prefix of a region code', () => {
    expect(localLanguages('430524101')).toEqual(['湘语']);
    expect(localLanguages('431129')).toEqual(['湘语', '瑶语']);
    expect(localLanguages('433101')).toEqual(['土家语', '湘语', '苗语', '西南官话'].sort());
    expect(localLanguages('110101')).toEqual([]);
    expect(needLanguages('110101', ['sign_language', 'tutoring_math'])).toEqual(['手语']);
  });

  it('should decide a match the same way from the volunteer side (feed SQL) as from the need side (candidates SQL)', () => {
    const regions = ['430524101', '431129', '433101', '440106', '441402', '350102', '110101', '520102', '450102'];
    const skillSets = [[], ['dialect_xiang'], ['language_yao', 'music'], ['sign_language']];
    const languageSets = [['普通话'], ['湘语'], ['瑶语'], ['粤语', '客家话'], ['手语'], ['闽东语'], ['苗语', '西南官话']];
    for (const region of regions)
      for (const skills of skillSets)
        for (const spoken of languageSets) {
          const fromNeed = needLanguages(region, skills).some((l) => spoken.includes(l));
          const fromVolunteer =
            prefixesSpeaking(spoken).some((p) => region.startsWith(p)) || skills.some((s) => languageSkillsSpoken(spoken).includes(s));
          const byAliases = aliasesOf(needLanguages(region, skills)).some((alias) => spoken.includes(canonicalLanguage(alias) ?? ''));
          expect({ region, skills, spoken, match: fromVolunteer }).toEqual({ region, skills, spoken, match: fromNeed });
          expect(byAliases).toBe(fromNeed);
        }
  });

  it('should only name languages the alias table knows', () => {
    const known = new Set(Object.keys(LANGUAGES));
    for (const [, languages] of REGION_LANGUAGES) for (const l of languages) expect(known.has(l)).toBe(true);
    for (const l of Object.values(LANGUAGE_SKILLS)) expect(known.has(l)).toBe(true);
  });
});
