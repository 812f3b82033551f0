import { afterEach, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import {
  buildWorkbook,
  downloadBlob,
  exportFileName,
  safeSheetName,
  toExcelDate,
  workbookBlob,
  XLSX_MIME,
  type ExportColumn,
} from './xlsx-export';

interface Row {
  name: string;
  role: string;
  joinedAt: Date;
  hours: number;
  note?: string | null;
}

const columns: ExportColumn<Row>[] = [
  { header: '姓名', value: (r) => r.name },
  { header: '角色', value: (r) => r.role },
  { header: '加入时间', value: (r) => r.joinedAt },
  { header: '时长', value: (r) => r.hours },
  { header: '备注', value: (r) => r.note },
];

const rows: Row[] = [
  { name: '罗建国', role: '负责人', joinedAt: new Date('2025-06-01T00:30:00Z'), hours: 12.5 },
  { name: '王芳（社工）', role: '协调员', joinedAt: new Date('2025-06-02T00:30:00Z'), hours: 3, note: null },
];

// jsdom's Blob has no arrayBuffer(); FileReader reads it the way a browser would.
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('xlsx export', () => {
  it('should put the headers in a bold first row and one row per record in column order', async () => {
    const workbook = await buildWorkbook({ sheetName: '成员列表', columns, rows });
    const sheet = workbook.getWorksheet('成员列表')!;

    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '角色', '加入时间', '时长', '备注']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, '罗建国', '负责人', toExcelDate(rows[0]!.joinedAt), 12.5]);
    expect(sheet.getCell('C3').value).toEqual(toExcelDate(rows[1]!.joinedAt));
    expect(sheet.getCell('C3').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('E3').value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('should survive a round trip through the xlsx bytes', async () => {
    const blob = await workbookBlob(await buildWorkbook({ sheetName: 'Members', columns, rows }));
    expect(blob.type).toBe(XLSX_MIME);

    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await readBlob(blob));
    const sheet = reread.worksheets[0]!;
    expect(sheet.name).toBe('Members');
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '角色', '加入时间', '时长', '备注']);
    expect(sheet.getCell('A3').value).toBe('王芳（社工）');
    expect(sheet.getCell('D2').value).toBe(12.5);
  });

  it('should write dates as the wall-clock time the screen shows', () => {
    const local = new Date(2025, 5, 1, 8, 30);
    expect(toExcelDate(local).toISOString()).toBe('2025-06-01T08:30:00.000Z');
  });

  it('should write only the header row for an empty list', async () => {
    const sheet = (await buildWorkbook({ sheetName: 'Empty', columns, rows: [] })).worksheets[0]!;
    expect(sheet.rowCount).toBe(1);
  });

  it('should make names Excel and file systems accept', () => {
    expect(safeSheetName('审计日志: 2025/06 [全部]')).toBe('审计日志  2025 06  全部');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('  ')).toBe('Sheet1');
    expect(exportFileName('隆回县/成员列表', new Date(2025, 5, 1, 8, 5))).toBe('隆回县-成员列表-20250601-0805.xlsx');
  });

  it('should hand the file to the browser under its name', () => {
    const createObjectURL = vi.fn(() => 'blob:kindred/1');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });

    downloadBlob(new Blob(['x']), 'members.xlsx');

    expect(clicked).toEqual(['members.xlsx blob:kindred/1']);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
