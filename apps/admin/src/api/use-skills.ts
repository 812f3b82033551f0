import { useMemo } from 'react';
import type { Locale, SkillView } from '@kindred/contracts';
import { currentLocale } from '../i18n/i18n';
import { useEndpoint } from './use-endpoint';

/** The shared skills catalogue (rarely changes: cached for an hour), with labels in the reader's language. */
export function useSkills() {
  const locale = currentLocale();
  const query = useEndpoint('skills', {}, { staleTime: 3_600_000 });
  const skills = query.data;
  const options = useMemo(() => (skills ?? []).map((skill) => ({ value: skill.code, label: skillName(skill, locale) })), [skills, locale]);
  const label = useMemo(() => {
    const byCode = new Map((skills ?? []).map((skill) => [skill.code, skillName(skill, locale)]));
    return (code: string) => byCode.get(code) ?? code;
  }, [skills, locale]);
  return { skills, options, label, isLoading: query.isLoading };
}

export function skillName(skill: Pick<SkillView, 'nameZh' | 'nameEn'>, locale: Locale): string {
  return locale === 'zh-CN' ? skill.nameZh : skill.nameEn;
}
