import type { Workbook } from 'exceljs';

export type CellValue = string | number | boolean | Date | null | undefined;

export interface ExportColumn<T> {
  /** The column heading, already translated. */
  header: string;
  value: (row: T) => CellValue;
  /** Width in characters; guessed from the content when left out. */
  width?: number;
}

export interface ExportSpec<T> {
  /** Base of the file name, without extension; a timestamp is appended. */
  fileName: string;
  sheetName: string;
  columns: readonly ExportColumn<T>[];
  rows: readonly T[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

type ExcelModule = typeof import('exceljs');

// exceljs is large; it is fetched on the first export rather than with the app.
async function loadExcel(): Promise<ExcelModule> {
  const module = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return module.Workbook ? module : (module.default as ExcelModule);
}

// Excel refuses sheet names longer than 31 characters or containing : \ / ? * [ ].
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').trim();
  return (cleaned || 'Sheet1').slice(0, 31);
}

/** "members" → "members-20250601-0830.xlsx" (local time), with characters file systems dislike removed. */
export function exportFileName(base: string, at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const safeBase = base.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'export';
  return `${safeBase}-${stamp}.xlsx`;
}

/**
 * Excel dates have no time zone and exceljs writes a Date as its UTC time; shifting by the local
 * offset makes the cell show the wall-clock time the screen showed.
 */
export function toExcelDate(date: Date): Date {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
}

function displayLength(value: CellValue): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return DATE_FORMAT.length;
  // CJK characters take about two character widths in Excel.
  return [...String(value)].reduce((sum, ch) => sum + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
}

/** One sheet: a bold, frozen header row with a filter, then one row per record. */
export async function buildWorkbook<T>(spec: Omit<ExportSpec<T>, 'fileName'>): Promise<Workbook> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'Kindred';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });

  const matrix = spec.rows.map((row) =>
    spec.columns.map((column) => {
      const value = column.value(row) ?? null;
      return value instanceof Date ? toExcelDate(value) : value;
    }),
  );
  sheet.columns = spec.columns.map((column, index) => ({
    header: column.header,
    width:
      column.width ??
      Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, displayLength(column.header), ...matrix.map((r) => displayLength(r[index]))) + 2),
    style: matrix.some((r) => r[index] instanceof Date) ? { numFmt: DATE_FORMAT } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const values of matrix) sheet.addRow(values);
  if (spec.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  }
  return workbook;
}

export async function workbookBlob(workbook: Workbook): Promise<Blob> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer as ArrayBuffer], { type: XLSX_MIME });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download asynchronously; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Builds the workbook and hands it to the browser as a download. */
export async function exportToXlsx<T>(spec: ExportSpec<T>): Promise<void> {
  const workbook = await buildWorkbook(spec);
  downloadBlob(await workbookBlob(workbook), exportFileName(spec.fileName));
}
