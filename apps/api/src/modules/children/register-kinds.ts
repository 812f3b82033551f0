import { CHILD_CATEGORIES, LEFT_BEHIND_CATEGORIES, type ChildCategory } from '@kindred/contracts';

/**
 * Kinds a government register names (the civil-affairs, 低保/特困, disability and
 * left-behind registers) and the category codes each stands for: a child agrees
 * with a row when it holds any one of them.
 */
const KIND_LABELS: ReadonlyArray<[readonly string[], readonly ChildCategory[]]> = [
  [['低保', '低保户', '低保对象', '城乡低保', '农村低保', 'dibao', 'low income dibao'], ['low_income_dibao']],
  [['特困', '特困供养', '特困人员', '特困供养人员', '五保', 'tekun', 'low income tekun'], ['low_income_tekun']],
  [['孤儿', '事实孤儿', 'orphan'], ['orphan']],
  [
    [
      '残疾',
      '残疾儿童',
      '重病',
      '重病儿童',
      '重残',
      '残疾或重病',
      '重病或残疾',
      '大病',
      'disability',
      'disabled',
      'illness',
      'disability or illness',
    ],
    ['disability_or_illness'],
  ],
  [['事实无人抚养', '事实无人抚养儿童', 'de facto unattended'], ['de_facto_unattended']],
  [['其他困境', '困境', '困境儿童', 'difficulty', 'other difficulty'], ['difficulty_other']],
  [['留守', '留守儿童', '农村留守儿童', 'left behind', 'left-behind'], LEFT_BEHIND_CATEGORIES],
  [['单亲留守', '单亲监护', '单亲'], ['left_behind_single_parent']],
  [['隔代留守', '隔代监护', '祖辈监护'], ['left_behind_grandparent']],
  [['亲友代养', '亲友监护', '委托监护'], ['left_behind_relative']],
  [['机构抚养', '机构养育', '机构监护'], ['left_behind_institution']],
];

function keyOf(label: string): string {
  return label
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, ' ');
}

const BY_LABEL = new Map<string, readonly ChildCategory[]>();
for (const [labels, codes] of KIND_LABELS) for (const label of labels) BY_LABEL.set(keyOf(label), codes);
for (const code of CHILD_CATEGORIES) BY_LABEL.set(keyOf(code), [code]);

/** The category codes a register's kind stands for, or null for a kind not known here. */
export function categoriesOfKind(label: string): readonly ChildCategory[] | null {
  return BY_LABEL.get(keyOf(label)) ?? null;
}

/** A kind cell may name several kinds: 低保、残疾 / 低保,孤儿 / 低保；留守. */
export function splitKinds(cell: string): string[] {
  return cell
    .split(/[、,，;；/|\n]+/u)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/** Chinese labels of the category codes, as the civil-affairs forms write them. */
export const CATEGORY_LABELS_ZH: Record<ChildCategory, string> = {
  left_behind_single_parent: '单亲留守',
  left_behind_grandparent: '隔代留守',
  left_behind_relative: '亲友代养',
  left_behind_institution: '机构抚养',
  orphan: '孤儿',
  disability_or_illness: '残疾或重病',
  low_income_dibao: '低保',
  low_income_tekun: '特困',
  de_facto_unattended: '事实无人抚养',
  difficulty_other: '其他困境',
};
