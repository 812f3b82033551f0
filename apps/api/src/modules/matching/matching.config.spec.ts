import { GOODS_FACTORS, MATCHING, VOLUNTEER_FACTORS } from './matching.config';

describe('matching config', () => {
  it('should weigh the volunteer factors to 100 points when every factor is listed once', () => {
    expect(Object.keys(MATCHING.volunteer.weights).sort()).toEqual([...VOLUNTEER_FACTORS].sort());
    expect(Object.values(MATCHING.volunteer.weights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('should weigh the goods factors to 100 points when every factor is listed once', () => {
    expect(Object.keys(MATCHING.goods.weights).sort()).toEqual([...GOODS_FACTORS].sort());
    expect(Object.values(MATCHING.goods.weights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('should keep every factor value the model uses within [0, 1]', () => {
    const v = MATCHING.volunteer;
    for (const value of [
      v.noSkillsRequired,
      ...Object.values(v.regionMatch),
      ...Object.values(v.continuity),
      ...Object.values(MATCHING.goods.item),
      ...Object.values(MATCHING.goods.regionMatch),
    ]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(v.regionMatch.township).toBeGreaterThan(v.regionMatch.county);
    expect(v.regionMatch.county).toBeGreaterThan(v.regionMatch.city);
    expect(v.continuity.sameNeed).toBeGreaterThan(v.continuity.sameOrganization);
  });
});
