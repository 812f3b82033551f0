import { itemGroup, itemKey, itemLikePatterns, matchItems, normalizeItemName } from './item-names';

describe('item names', () => {
  it('should normalise width, case, spaces and punctuation when comparing names', () => {
    expect(normalizeItemName(' 儿童 羽绒服（新） ')).toBe('儿童羽绒服新');
    expect(normalizeItemName('ＡＢＣ　Pens')).toBe('abcpens');
  });

  it('should put a name in its synonym group when it is or contains a member', () => {
    expect(itemGroup('棉衣')?.key).toBe('冬衣');
    expect(itemGroup('儿童羽绒服')?.key).toBe('冬衣');
    expect(itemGroup('小学生书包')?.key).toBe('书包');
    expect(itemGroup('文具套装')?.key).toBe('文具');
    expect(itemGroup('洗衣粉')).toBeNull();
    expect(itemKey('洗 衣 粉')).toBe('洗衣粉');
  });

  it('should tell exact matches from synonyms and refuse other items', () => {
    expect(matchItems('冬衣', ' 冬衣 ')).toBe('exact');
    expect(matchItems('棉衣', '冬衣')).toBe('synonym');
    expect(matchItems('书包', '学生书包')).toBe('synonym');
    expect(matchItems('文具', '文具套装')).toBe('synonym');
    expect(matchItems('冬衣', '书包')).toBeNull();
    expect(matchItems('洗衣粉', '肥皂')).toBeNull();
  });

  it('should give LIKE patterns for every member of the group, escaping wildcards in free names', () => {
    expect(itemLikePatterns('棉衣')).toContain('%羽绒服%');
    expect(itemLikePatterns('100%纯棉_毛巾')).toEqual(['%100\\%纯棉\\_毛巾%']);
  });
});
