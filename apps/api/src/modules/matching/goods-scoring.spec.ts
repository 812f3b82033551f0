import { scoreGoods, type GoodsPair } from './goods-scoring';

const pair = (
  change: { offer?: Partial<GoodsPair['offer']>; line?: Partial<GoodsPair['line']>; need?: Partial<GoodsPair['need']> } = {},
): GoodsPair => ({
  offer: { itemName: '冬衣', unit: '件', quantity: 40, regionCode: '430524', location: null, ...change.offer },
  line: { name: '冬衣', unit: '件', needed: 40, pledged: 0, ...change.line },
  need: { regionCode: '430524', location: null, ...change.need },
});

const points = (m: ReturnType<typeof scoreGoods>, factor: string): number => m!.reasons.find((r) => r.factor === factor)!.contribution;

describe('goods scoring', () => {
  it('should score an exact item above a synonym when all else is equal', () => {
    const exact = scoreGoods(pair())!;
    const synonym = scoreGoods(pair({ offer: { itemName: '棉衣' } }))!;
    expect(exact.match).toBe('exact');
    expect(synonym.match).toBe('synonym');
    expect(points(exact, 'item')).toBeGreaterThan(points(synonym, 'item'));
    expect(exact.score).toBe(96);
  });

  it('should score by the share of what is still missing that the offer covers', () => {
    const half = scoreGoods(pair({ offer: { quantity: 20 } }))!;
    expect(points(half, 'quantity')).toBe(15);
    const partlyPledged = scoreGoods(pair({ offer: { quantity: 20 }, line: { pledged: 20 } }))!;
    expect(partlyPledged.outstanding).toBe(20);
    expect(points(partlyPledged, 'quantity')).toBe(30);
    expect(scoreGoods(pair({ line: { pledged: 40 } }))).toBeNull();
  });

  it('should halve the quantity credit when the units differ', () => {
    expect(points(scoreGoods(pair({ offer: { unit: '套' } })), 'quantity')).toBe(15);
  });

  it('should score nearer goods higher, by km with coordinates and by region without', () => {
    expect(points(scoreGoods(pair({ need: { regionCode: '430524101' }, offer: { regionCode: '430524101' } })), 'distance')).toBe(20);
    expect(points(scoreGoods(pair({ offer: { regionCode: '430523' } })), 'distance')).toBe(10);
    expect(points(scoreGoods(pair({ offer: { regionCode: '430102' } })), 'distance')).toBe(4);
    expect(points(scoreGoods(pair({ offer: { regionCode: '440106' } })), 'distance')).toBe(0);
    const near = scoreGoods(pair({ offer: { location: { lat: 27.11, lng: 111.03 } }, need: { location: { lat: 27.12, lng: 111.03 } } }))!;
    const far = scoreGoods(pair({ offer: { location: { lat: 27.11, lng: 111.03 } }, need: { location: { lat: 27.61, lng: 111.03 } } }))!;
    expect(points(near, 'distance')).toBeGreaterThan(points(far, 'distance'));
  });

  it('should refuse other items and make the reasons add up to the score', () => {
    expect(scoreGoods(pair({ offer: { itemName: '书包' } }))).toBeNull();
    const m = scoreGoods(pair({ offer: { itemName: '羽绒服', quantity: 13, regionCode: '430523' } }))!;
    expect(m.reasons.reduce((n, r) => n + Math.round(r.contribution * 10), 0)).toBe(Math.round(m.score * 10));
  });
});
