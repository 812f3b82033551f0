import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type {
  AgeBand,
  ChildCategory,
  ExitReason,
  Gender,
  LivingArrangement,
  RegisterComparisonRow,
  RegisterComparisonView,
  RiskLevel,
  SocialAssistance,
} from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { findRegion } from '../../common/regions/regions';
import { AuditService } from '../audit';
import { ChildCipher } from './child-cipher';
import { ageBandOn, beijingToday } from './child-dates';
import { toChildIdentity } from './child.view';
import { requireChildAccess } from './children.policy';
import { checkIdNumber } from './id-number';
import { CATEGORY_LABELS_ZH, categoriesOfKind, splitKinds } from './register-kinds';
import { RegisterExchangeRepository } from './register-exchange.repository';
import { safeCell, safeText } from './spreadsheet-cells';
import { ChildrenErrors } from './children.errors';

/** Largest register workbook accepted (a county's register of several thousand rows is well under it). */
export const REGISTER_MAX_BYTES = 5 * 1024 * 1024;
/** Most data rows read from one register. */
export const REGISTER_MAX_ROWS = 20_000;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ID_HEADERS = ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', 'id number', 'idnumber', 'id', 'id no', 'id card'];
const KIND_HEADERS = ['类别', '类型', '救助类别', '儿童类别', '人员类别', '困境类型', 'kind', 'category', 'type'];
const NAME_HEADERS = ['姓名', '儿童姓名', 'name', 'legal name', 'legalname'];

const GENDER_ZH: Record<Gender, string> = { female: '女', male: '男' };
const AGE_BAND_ZH: Record<AgeBand, string> = { under6: '6岁以下', '6to14': '6–14岁', '15to18': '15–18岁' };
const RISK_ZH: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高' };
const ASSISTANCE_ZH: Record<SocialAssistance, string> = { none: '无', dibao: '低保', tekun: '特困' };
const LIVING_ZH: Record<LivingArrangement, string> = {
  both_parents: '父母双方',
  one_parent: '父母一方',
  grandparents: '祖父母',
  relatives: '其他亲友',
  institution: '机构',
  alone: '独居',
  other: '其他',
};
const EXIT_ZH: Record<ExitReason, string> = {
  parents_returned: '父母返乡',
  aged_out: '年满18周岁',
  moved: '迁出',
  no_longer_eligible: '不再符合条件',
  other: '其他',
};

const headerKey = (text: string): string =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, ' ');

/** A cell's text as the sheet shows it (numbers, rich text, formulas' results), never its formula. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return value.result === undefined ? '' : String(value.result).trim();
  return cell.text.trim();
}

const regionName = (code: string): string => findRegion(code)?.name ?? '';
const categoriesZh = (codes: readonly ChildCategory[]): string => codes.map((c) => CATEGORY_LABELS_ZH[c]).join('、');

/**
 * Work with the government's records (比对核实 and 审核报送): a register
 * workbook compared with the registry by keyed hash of the ID number, the
 * registry in a submission layout for the civil-affairs office, and the
 * non-identifying list export. Uploaded workbooks are read in memory and
 * dropped: nothing from them is stored, logged or answered but row numbers.
 */
@Injectable()
export class RegisterExchangeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: RegisterExchangeRepository,
    private readonly cipher: ChildCipher,
    private readonly audit: AuditService,
  ) {}

  async compare(principal: Principal, orgId: string, content: Buffer): Promise<RegisterComparisonView> {
    const scope = requireChildAccess(principal, orgId, 'compare_register', 'Organization');
    const sheet = await this.readRegister(content);

    // Hash every valid number first: the plaintext never leaves this function.
    const rows: Array<{ row: number; kind: string; expected: readonly ChildCategory[] | null; bidx: string | null; validId: boolean }> = [];
    for (const entry of sheet) {
      const check = checkIdNumber(entry.idNumber);
      for (const kind of entry.kinds.length > 0 ? entry.kinds : ['']) {
        rows.push({
          row: entry.row,
          kind,
          expected: kind === '' ? null : categoriesOfKind(kind),
          bidx: check.ok ? this.cipher.blindIndex('id_number', check.idNumber) : null,
          validId: check.ok,
        });
      }
    }

    return this.tx.runScoped(scope, async (tx) => {
      const bidxs = [...new Set(rows.flatMap((r) => (r.bidx ? [r.bidx] : [])))];
      const found = new Map((await this.repository.byIdNumberBidx(tx, orgId, bidxs)).map((c) => [c.idNumberBidx, c]));
      const disagreements: RegisterComparisonRow[] = [];
      const matchedRows = new Set<number>();
      const onSheet = new Set<string>();
      for (const r of rows) {
        const expected = r.expected ? [...r.expected] : [];
        const base = { row: r.row, registerKind: r.expected ? r.kind : shownKind(r.kind), expectedCategories: expected };
        if (!r.validId) {
          disagreements.push({ ...base, childId: null, alias: null, finding: 'invalid_id_number' });
          continue;
        }
        const child = found.get(r.bidx!) ?? null;
        if (child) matchedRows.add(r.row);
        if (!r.expected) {
          disagreements.push({ ...base, childId: child?.id ?? null, alias: child?.alias ?? null, finding: 'unknown_kind' });
          continue;
        }
        if (!child) {
          disagreements.push({ ...base, childId: null, alias: null, finding: 'not_in_registry' });
          continue;
        }
        for (const code of r.expected) onSheet.add(`${child.id}:${code}`);
        if (!r.expected.some((code) => child.categories.includes(code))) {
          disagreements.push({ ...base, childId: child.id, alias: child.alias, finding: 'category_missing' });
        }
      }
      // The other direction: children holding a kind this sheet covers, missing from it.
      const covered = [...new Set(rows.flatMap((r) => (r.expected && r.expected.length === 1 ? r.expected : [])))];
      for (const child of await this.repository.activeWithCategories(tx, orgId, covered)) {
        for (const code of covered) {
          if (child.categories.includes(code) && !onSheet.has(`${child.id}:${code}`)) {
            disagreements.push({
              row: null,
              childId: child.id,
              alias: child.alias,
              registerKind: code,
              expectedCategories: [code],
              finding: 'not_on_register',
            });
          }
        }
      }
      const counts: Record<string, number> = {};
      for (const d of disagreements) counts[d.finding] = (counts[d.finding] ?? 0) + 1;
      await this.audit.record(tx, {
        action: 'child.register_compared',
        entityType: 'organization',
        entityId: orgId,
        orgId,
        actorUserId: principal.userId,
        diff: { rows: sheet.length, matched: matchedRows.size, findings: counts },
      });
      return { rows: sheet.length, matched: matchedRows.size, disagreements };
    });
  }

  /** The registry as it stood in `year`, identity fields included, in the civil-affairs submission layout. */
  async submission(principal: Principal, orgId: string, year: number | undefined): Promise<{ filename: string; content: Buffer }> {
    const scope = requireChildAccess(principal, orgId, 'export_submission', 'Organization');
    const today = beijingToday();
    const thisYear = Number(today.slice(0, 4));
    const y = year ?? thisYear;
    if (y > thisYear) throw ChildrenErrors.invalid('year', 'must not be in the future', 'in_the_future');
    const yearEnd = `${y}-12-31` < today ? `${y}-12-31` : today;

    const content = await this.tx.runScoped(scope, async (tx) => {
      const children = await this.repository.onRegistryInYear(tx, orgId, y);
      const book = new ExcelJS.Workbook();
      book.created = new Date(0);
      const sheet = book.addWorksheet(`${y}年度儿童信息`);
      sheet.columns = [
        { header: '序号', width: 6 },
        { header: '姓名', width: 12 },
        { header: '性别', width: 6 },
        { header: '出生日期', width: 12 },
        { header: '公民身份号码', width: 22 },
        { header: '所在地区代码', width: 12 },
        { header: '所在地区', width: 14 },
        { header: '详细地址', width: 30 },
        { header: '儿童类别', width: 20 },
        { header: '低保/特困', width: 10 },
        { header: '居住情况', width: 10 },
        { header: '监护人姓名', width: 12 },
        { header: '与儿童关系', width: 10 },
        { header: '监护人联系电话', width: 16 },
        { header: '就读学校', width: 20 },
        { header: '年级', width: 8 },
        { header: '风险等级', width: 8 },
        { header: '登记日期', width: 12 },
        { header: '状态', width: 8 },
        { header: '退出日期', width: 12 },
        { header: '退出原因', width: 12 },
        { header: '档案编号', width: 12 },
      ];
      children.forEach(({ child, categoriesAtYearEnd }, i) => {
        const identity = toChildIdentity(child, this.cipher);
        const guardian = identity.guardians[0] ?? null;
        const exitedInYear = child.exitedOn !== null && child.exitedOn <= yearEnd;
        sheet.addRow([
          i + 1,
          safeCell(identity.legalName),
          GENDER_ZH[child.gender],
          child.birthDate,
          safeText(identity.idNumber),
          child.regionCode,
          regionName(child.regionCode),
          safeText(identity.address),
          categoriesZh(categoriesAtYearEnd),
          ASSISTANCE_ZH[child.socialAssistance],
          child.livingArrangement ? LIVING_ZH[child.livingArrangement] : '',
          safeText(guardian?.name),
          safeText(guardian?.relation),
          safeText(guardian?.phone),
          safeText(child.schoolName),
          safeText(child.grade),
          RISK_ZH[child.riskLevel],
          child.registeredOn,
          exitedInYear ? '已退出' : '在册',
          exitedInYear ? child.exitedOn : '',
          exitedInYear && child.exitReason ? EXIT_ZH[child.exitReason] : '',
          child.alias,
        ]);
      });
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      await this.audit.record(tx, {
        action: 'child.submission_exported',
        entityType: 'organization',
        entityId: orgId,
        orgId,
        actorUserId: principal.userId,
        diff: { year: y, count: children.length, fields: ['legalName', 'idNumber', 'address', 'guardians'] },
      });
      return Buffer.from(await book.xlsx.writeBuffer());
    });
    return { filename: `children-submission-${y}.xlsx`, content };
  }

  /** The list page's export: never a legal name, ID number, address, guardian or school. */
  async listExport(principal: Principal, orgId: string): Promise<{ filename: string; content: Buffer }> {
    const scope = requireChildAccess(principal, orgId, 'list', 'Organization');
    const today = beijingToday();
    const content = await this.tx.runScoped(scope, async (tx) => {
      const children = await this.repository.forListExport(tx, orgId);
      const book = new ExcelJS.Workbook();
      book.created = new Date(0);
      const sheet = book.addWorksheet('儿童名册（不含身份信息）');
      sheet.columns = [
        { header: '档案编号', width: 12 },
        { header: '性别', width: 6 },
        { header: '年龄段', width: 10 },
        { header: '所在地区代码', width: 12 },
        { header: '所在地区', width: 14 },
        { header: '儿童类别', width: 24 },
        { header: '类别代码', width: 40 },
        { header: '风险等级', width: 8 },
        { header: '状态', width: 8 },
        { header: '下次家访', width: 12 },
        { header: '家访逾期', width: 8 },
      ];
      for (const child of children) {
        const active = child.status === 'active';
        const overdue = active && child.nextVisitDue !== null && child.nextVisitDue < today;
        sheet.addRow([
          child.alias,
          GENDER_ZH[child.gender],
          AGE_BAND_ZH[ageBandOn(child.birthDate, today)],
          child.regionCode,
          regionName(child.regionCode),
          categoriesZh(child.categories),
          child.categories.join(','),
          RISK_ZH[child.riskLevel],
          active ? '在册' : '已退出',
          active ? (child.nextVisitDue ?? '') : '',
          overdue ? '是' : '否',
        ]);
      }
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      await this.audit.record(tx, {
        action: 'child.list_exported',
        entityType: 'organization',
        entityId: orgId,
        orgId,
        actorUserId: principal.userId,
        diff: { count: children.length },
      });
      return Buffer.from(await book.xlsx.writeBuffer());
    });
    return { filename: `children-${today}.xlsx`, content };
  }

  /**
   * Reads the first worksheet of a register: a header row naming the ID-number
   * and kind columns (Chinese or English; a name column is allowed and
   * ignored), then one child per row. Refuses what it cannot read with a 400
   * on `file` that repeats nothing from the workbook.
   */
  private async readRegister(content: Buffer): Promise<Array<{ row: number; idNumber: string; kinds: string[] }>> {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw ChildrenErrors.invalid('file', 'must be an xlsx workbook', 'invalid');
    }
    const sheet = book.worksheets[0];
    if (!sheet) throw ChildrenErrors.invalid('file', 'has no worksheet', 'invalid');
    let headerRow = 0;
    let idColumn = 0;
    let kindColumn = 0;
    // The header may sit below a title row or two.
    for (let r = 1; r <= Math.min(sheet.rowCount, 10) && headerRow === 0; r++) {
      const row = sheet.getRow(r);
      let id = 0;
      let kind = 0;
      let name = 0;
      row.eachCell((cell, col) => {
        const key = headerKey(cellText(cell));
        if (!id && ID_HEADERS.includes(key)) id = col;
        else if (!kind && KIND_HEADERS.includes(key)) kind = col;
        else if (!name && NAME_HEADERS.includes(key)) name = col;
      });
      if (id && kind) [headerRow, idColumn, kindColumn] = [r, id, kind];
    }
    if (headerRow === 0) {
      throw ChildrenErrors.invalid('file', 'needs a header row with an ID number column (身份证号) and a kind column (类别)', 'invalid');
    }
    const entries: Array<{ row: number; idNumber: string; kinds: string[] }> = [];
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const idNumber = cellText(row.getCell(idColumn));
      const kinds = splitKinds(cellText(row.getCell(kindColumn)));
      if (idNumber === '' && kinds.length === 0) continue;
      if (entries.length >= REGISTER_MAX_ROWS) {
        throw ChildrenErrors.invalid('file', `may hold at most ${REGISTER_MAX_ROWS} rows`, 'too_large');
      }
      entries.push({ row: r - headerRow, idNumber, kinds });
    }
    return entries;
  }
}

/** An unknown kind is echoed only when it looks like a label: short, and without digits that could be part of an ID number. */
function shownKind(kind: string): string {
  return kind.length <= 20 && !/\d/u.test(kind) ? safeCell(kind) : '';
}
