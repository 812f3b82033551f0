/**
 * Goods names as people write them: 棉衣, 羽绒服 and 冬衣 are the same thing
 * to a child in winter. A name is normalised (full-width → half-width,
 * spaces and punctuation dropped, lower case) and then mapped to its group
 * when it is, or contains, a member (儿童冬衣 → 冬衣, 小学生书包 → 书包).
 * Two names match when their keys are equal: exactly when the normalised
 * names are equal, as a synonym otherwise.
 */
export interface ItemGroup {
  key: string;
  en: string;
  members: readonly string[];
}

export const ITEM_GROUPS: readonly ItemGroup[] = [
  { key: '冬衣', en: 'winter clothing', members: ['冬衣', '棉衣', '羽绒服', '棉袄', '冬装', '棉服', '保暖衣', '防寒服', '冬季校服'] },
  { key: '书包', en: 'school bags', members: ['书包', '学生书包', '儿童书包', '双肩包'] },
  { key: '文具', en: 'stationery', members: ['文具', '文具套装', '文具盒', '学习用品', '学习文具', '铅笔盒'] },
  { key: '图书', en: 'books', members: ['图书', '书籍', '课外书', '课外读物', '绘本', '童书', '读物'] },
  { key: '被褥', en: 'bedding', members: ['被褥', '被子', '棉被', '床上用品'] },
  { key: '鞋', en: 'shoes', members: ['鞋', '鞋子', '棉鞋', '运动鞋', '球鞋'] },
  { key: '牛奶', en: 'milk', members: ['牛奶', '纯牛奶', '学生奶'] },
  { key: '台灯', en: 'desk lamps', members: ['台灯', '护眼灯', '护眼台灯', '学习台灯'] },
  { key: '体育用品', en: 'sports equipment', members: ['体育用品', '运动器材', '体育器材', '篮球', '足球', '跳绳'] },
  { key: '粮油', en: 'staple food', members: ['粮油', '米面粮油', '大米', '面粉', '食用油'] },
  { key: '电脑', en: 'computers', members: ['电脑', '计算机', '笔记本电脑', '台式电脑', '平板电脑'] },
];

/** Members, longest first, so 羽绒服 is found before 服-like shorter members would be. */
const MEMBERS = ITEM_GROUPS.flatMap((g) => g.members.map((m) => ({ member: m, group: g }))).sort(
  (a, b) => b.member.length - a.member.length,
);

export function normalizeItemName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function itemGroup(name: string): ItemGroup | null {
  const normalized = normalizeItemName(name);
  return MEMBERS.find((m) => normalized.includes(m.member))?.group ?? null;
}

/** The key two names must share to match: the group's key, or the normalised name itself. */
export function itemKey(name: string): string {
  return itemGroup(name)?.key ?? normalizeItemName(name);
}

export type ItemMatch = 'exact' | 'synonym' | null;

export function matchItems(a: string, b: string): ItemMatch {
  if (normalizeItemName(a) === normalizeItemName(b)) return 'exact';
  return itemKey(a) === itemKey(b) ? 'synonym' : null;
}

/**
 * LIKE patterns that find every stored name which could share `name`'s key:
 * each member of its group as a substring, or the name itself. A superset;
 * matchItems() decides.
 */
export function itemLikePatterns(name: string): string[] {
  const escape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const group = itemGroup(name);
  const words = group ? group.members : [name.trim()];
  return [...new Set(words.map((w) => `%${escape(w)}%`))];
}

export function normalizeUnit(unit: string): string {
  return normalizeItemName(unit);
}
