import { CHILD_CATEGORIES, LEFT_BEHIND_CATEGORIES } from '@kindred/contracts';
import { CATEGORY_LABELS_ZH, categoriesOfKind, splitKinds } from './register-kinds';
import { safeCell, safeText } from './spreadsheet-cells';

describe('register kinds', () => {
  it('should map the registers’ Chinese labels to category codes when a sheet names them', () => {
    expect(categoriesOfKind('低保')).toEqual(['low_income_dibao']);
    expect(categoriesOfKind(' 特困供养人员 ')).toEqual(['low_income_tekun']);
    expect(categoriesOfKind('孤儿')).toEqual(['orphan']);
    expect(categoriesOfKind('残疾儿童')).toEqual(['disability_or_illness']);
    expect(categoriesOfKind('事实无人抚养')).toEqual(['de_facto_unattended']);
    expect(categoriesOfKind('留守儿童')).toEqual(LEFT_BEHIND_CATEGORIES);
    expect(categoriesOfKind('隔代留守')).toEqual(['left_behind_grandparent']);
  });

  it('should accept every category code and English words in any case when the sheet is in English', () => {
    for (const code of CHILD_CATEGORIES) expect(categoriesOfKind(code.toUpperCase())).toEqual([code]);
    expect(categoriesOfKind('Dibao')).toEqual(['low_income_dibao']);
    expect(categoriesOfKind('Left-behind')).toEqual(LEFT_BEHIND_CATEGORIES);
  });

  it('should answer null when a kind is unknown', () => {
    expect(categoriesOfKind('外星来客')).toBeNull();
    expect(categoriesOfKind('')).toBeNull();
  });

  it('should split a cell naming several kinds when they are separated by Chinese or Latin punctuation', () => {
    expect(splitKinds('低保、残疾, 孤儿；留守/特困')).toEqual(['低保', '残疾', '孤儿', '留守', '特困']);
    expect(splitKinds('  ')).toEqual([]);
  });

  it('should have a Chinese label for every category code', () => {
    expect(Object.keys(CATEGORY_LABELS_ZH).sort()).toEqual([...CHILD_CATEGORIES].sort());
    for (const code of CHILD_CATEGORIES) expect(categoriesOfKind(CATEGORY_LABELS_ZH[code])).toContain(code);
  });
});

describe('spreadsheet cells', () => {
  it('should prefix an apostrophe when text begins with = + - @ or a tab or carriage return', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\t=1', '\r=1']) expect(safeCell(text)).toBe(`'${text}`);
  });

  it('should leave other text alone and write null as empty when the text is harmless', () => {
    expect(safeCell('罗小明')).toBe('罗小明');
    expect(safeCell('430524201611140002')).toBe('430524201611140002');
    expect(safeCell("'already")).toBe("'already");
    expect(safeText(null)).toBe('');
    expect(safeText(undefined)).toBe('');
  });
});
