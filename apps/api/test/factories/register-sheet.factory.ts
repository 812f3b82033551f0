import ExcelJS from 'exceljs';

/** A register workbook as a civil-affairs office would send it: a header row, then one row per person. */
export async function registerWorkbook(
  rows: Array<Array<string | number>>,
  header: string[] = ['姓名', '身份证号', '类别'],
  titleRows: string[] = [],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  for (const title of titleRows) sheet.addRow([title]);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every cell of every sheet of an xlsx, as text. */
export async function workbookCells(content: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const rows: string[][] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) =>
        values.push(cell.value === null || cell.value === undefined ? '' : String(cell.value)),
      );
      rows.push(values);
    });
  }
  return rows;
}
