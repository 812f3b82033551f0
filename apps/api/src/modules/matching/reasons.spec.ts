import type { FactorRow } from './sql/match-factors.sql';
import { explainVolunteerMatch, regionLevel, type VolunteerEvidence } from './reasons';

const row = (c: Partial<Record<string, number>> = {}, score?: number): FactorRow => {
  const contributions = { skills: 150, distance: 74, availability: 100, language: 100, continuity: 60, reliability: 80, load: 42, ...c };
  return {
    score: score ?? Object.values(contributions).reduce((n, v) => n + v, 0),
    ...Object.fromEntries(Object.entries(contributions).map(([f, v]) => [`c_${f}`, v])),
    ...Object.fromEntries(Object.keys(contributions).map((f) => [`f_${f}`, 0.5])),
  } as unknown as FactorRow;
};

const evidence: VolunteerEvidence = {
  requiredSkills: ['tutoring_math', 'music'],
  matchedSkills: ['tutoring_math'],
  distanceKm: 3.94,
  needRegion: '430524101',
  volunteerRegion: '430524101',
  availabilityShare: 2 / 3,
  spokenLanguages: ['湘语'],
  needMinutes: 0,
  orgMinutes: 50,
  reliability: 0.667,
  committedMinutes: 50,
  capMinutes: 240,
};
const names = new Map([['tutoring_math', { zh: '数学辅导', en: 'Maths tutoring' }]]);

describe('reasons', () => {
  it('should give one reason per factor, largest first, adding up exactly to the score', () => {
    const explained = explainVolunteerMatch(row(), evidence, names);
    expect(explained.score).toBe(60.6);
    expect(explained.reasons.map((r) => r.factor)).toEqual([
      'skills',
      'availability',
      'language',
      'reliability',
      'distance',
      'continuity',
      'load',
    ]);
    expect(explained.reasons.reduce((n, r) => n + Math.round(r.contribution * 10), 0)).toBe(606);
  });

  it('should refuse a row whose score is not the sum of its contributions', () => {
    expect(() => explainVolunteerMatch(row({}, 610), evidence, names)).toThrow(/not the sum/);
  });

  it('should say why in both languages from the pair’s facts', () => {
    const text = Object.fromEntries(explainVolunteerMatch(row(), evidence, names).reasons.map((r) => [r.factor, r.text]));
    expect(text.skills).toEqual({ 'zh-CN': '具备所需技能 1/2 项：数学辅导', en: 'Has 1 of 2 required skills: Maths tutoring' });
    expect(text.distance).toEqual({ 'zh-CN': '距离约 3.9 公里', en: 'About 3.9 km away' });
    expect(text.availability['zh-CN']).toBe('班次时间 67% 在每周可服务时段内');
    expect(text.language).toEqual({ 'zh-CN': '会说当地语言：湘语', en: 'Speaks the local language: Xiang' });
    expect(text.continuity['zh-CN']).toBe('曾在该机构服务 0.8 小时（已核实）');
    expect(text.reliability.en).toBe('Reliability 67% (attendance record)');
    expect(text.load['zh-CN']).toBe('本月已安排 0.8/4 小时');
  });

  it('should name the region level when there are no coordinates', () => {
    expect(regionLevel('430524101', '430524101')).toBe('township');
    expect(regionLevel('430524', '430524101')).toBe('county');
    expect(regionLevel('430523', '430524101')).toBe('city');
    expect(regionLevel('440106', '430524101')).toBe('far');
    const text = explainVolunteerMatch(row(), { ...evidence, distanceKm: null, needRegion: '430524102' }, names).reasons.find(
      (r) => r.factor === 'distance',
    )!.text;
    expect(text).toEqual({ 'zh-CN': '同一区县', en: 'Same county' });
  });
});
