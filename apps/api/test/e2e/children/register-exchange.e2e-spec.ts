import { createChild, validIdNumber } from '../../factories/children.factory';
import { bearer, createOrganization, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { registerWorkbook, workbookCells } from '../../factories/register-sheet.factory';
import { beijingToday } from '../../../src/modules/children/child-dates';
import { REGISTER_MAX_BYTES } from '../../../src/modules/children/register-exchange.service';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

/** Rows of every text-like column in the public schema containing any of `needles` (the test's superuser connection sees through RLS). */
async function plaintextHits(t: TestApp, needles: string[]): Promise<string[]> {
  const columns = await t.db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
  );
  const hits: string[] = [];
  for (const c of columns) {
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text LIKE ANY($1::text[])`,
      [needles.map((n) => `%${n}%`)],
    );
    if (row.n > 0) hits.push(`${c.table_name}.${c.column_name}: ${row.n}`);
  }
  return hits;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest collects an xlsx answer as a Buffer with this parser. */
function binary(
  res: { on(event: string, listener: (chunk: Buffer) => void): unknown },
  done: (error: Error | null, body: unknown) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('children registry: government registers and exports', () => {
  let t: TestApp;
  let world: World;
  let admin: TestUser;
  let otherNgoOwner: TestUser;
  const ids = {
    dibao: validIdNumber('2014-06-01'),
    grandparent: validIdNumber('2016-02-10'),
    alsoDibao: validIdNumber('2013-09-09'),
    unknown: validIdNumber('2012-01-01'),
  };
  const children: Record<string, string> = {};
  let aliases: Record<string, string> = {};
  // Names only the sheet carries: they must be stored nowhere.
  const SHEET_NAMES = ['欧阳不存', '司马未登', '诸葛无名', '上官查无', '慕容新增'];

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    admin = await loginAdmin(t);
    otherNgoOwner = await registerUser(t);
    await createOrganization(t, otherNgoOwner, { kind: 'ngo' });
    const by = world.ngo.coordinator;
    children.dibao = await createChild(t, by, world.ngo.id, {
      legalName: '罗小低保',
      birthDate: '2014-06-01',
      idNumber: ids.dibao,
      categories: ['low_income_dibao'],
    });
    children.grandparent = await createChild(t, by, world.ngo.id, {
      legalName: '刘小留守',
      birthDate: '2016-02-10',
      idNumber: ids.grandparent,
      categories: ['left_behind_grandparent'],
    });
    children.alsoDibao = await createChild(t, by, world.ngo.id, {
      legalName: '王不在册',
      birthDate: '2013-09-09',
      idNumber: ids.alsoDibao,
      categories: ['low_income_dibao', 'left_behind_relative'],
      // Text that a spreadsheet would run as formulas, if written as it is.
      address: '=HYPERLINK("http://example.invalid","点我")',
      schoolName: '+SUM(1,2)',
      guardians: [{ name: '@王秀英', relation: '-祖母', phone: '13800138000' }],
    });
    aliases = {};
    for (const [key, id] of Object.entries(children)) {
      aliases[key] = (await t.http().get(`/api/v1/children/${id}`).set(bearer(world.ngo.staff))).body.alias as string;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const compare = (viewer: TestUser, content: Buffer, orgId = world.ngo.id) =>
    t
      .http()
      .post(`/api/v1/organizations/${orgId}/children/register-comparisons`)
      .set(bearer(viewer))
      .attach('file', content, 'register.xlsx');

  describe('register comparison', () => {
    const badCheck = ids.unknown.slice(0, 17) + (ids.unknown[17] === '0' ? '1' : '0');
    let sheet: Buffer;

    beforeAll(async () => {
      sheet = await registerWorkbook(
        [
          [SHEET_NAMES[0], ids.dibao, '低保'],
          [SHEET_NAMES[1], ids.grandparent, '低保'],
          [SHEET_NAMES[2], ids.unknown, '孤儿'],
          [SHEET_NAMES[3], badCheck, '低保'],
          [SHEET_NAMES[4], ids.grandparent.toLowerCase(), '留守'],
          ['', '', ''],
          [SHEET_NAMES[0], ids.dibao, '外星来客'],
        ],
        ['姓名', '身份证号', '类别'],
        ['隆回县城乡低保对象花名册（2026年）'],
      );
    });

    it('should match rows by the keyed hash of the ID number and report each disagreement when a coordinator uploads a register', async () => {
      const res = await compare(world.ngo.coordinator, sheet);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.body.rows).toBe(6);
      expect(res.body.matched).toBe(4);
      expect(res.body.disagreements).toEqual([
        {
          row: 2,
          childId: children.grandparent,
          alias: aliases.grandparent,
          registerKind: '低保',
          expectedCategories: ['low_income_dibao'],
          finding: 'category_missing',
        },
        { row: 3, childId: null, alias: null, registerKind: '孤儿', expectedCategories: ['orphan'], finding: 'not_in_registry' },
        {
          row: 4,
          childId: null,
          alias: null,
          registerKind: '低保',
          expectedCategories: ['low_income_dibao'],
          finding: 'invalid_id_number',
        },
        {
          row: 7,
          childId: children.dibao,
          alias: aliases.dibao,
          registerKind: '外星来客',
          expectedCategories: [],
          finding: 'unknown_kind',
        },
        // The sheet lists 低保 households: a child of ours holding 低保 but missing from it is flagged too.
        {
          row: null,
          childId: children.alsoDibao,
          alias: aliases.alsoDibao,
          registerKind: 'low_income_dibao',
          expectedCategories: ['low_income_dibao'],
          finding: 'not_on_register',
        },
      ]);
      const text = JSON.stringify(res.body);
      for (const value of [...SHEET_NAMES, ids.dibao, ids.grandparent, ids.unknown, badCheck]) expect(text).not.toContain(value);
    });

    it('should keep nothing of the sheet and audit counts only when a register was compared', async () => {
      await compare(world.ngo.owner, sheet).expect(200);
      expect(await plaintextHits(t, [...SHEET_NAMES, ids.unknown, badCheck])).toEqual([]);
      const audits = await t.db.query<{ actor_user_id: string; diff: Record<string, unknown> }>(
        "SELECT actor_user_id, diff FROM audit_log WHERE action = 'child.register_compared' AND org_id = $1 ORDER BY occurred_at",
        [world.ngo.id],
      );
      expect(audits.map((a) => a.actor_user_id)).toEqual([world.ngo.coordinator.id, world.ngo.owner.id]);
      expect(audits[0].diff).toEqual({
        rows: 6,
        matched: 4,
        findings: { category_missing: 1, not_in_registry: 1, invalid_id_number: 1, unknown_kind: 1, not_on_register: 1 },
      });
    });

    it('should read English headers, category codes and several kinds in one cell when the register is in English', async () => {
      const english = await registerWorkbook(
        [
          ['x', ids.dibao, 'low_income_dibao'],
          ['y', ids.alsoDibao, '低保、left-behind'],
        ],
        ['Name', 'ID number', 'Kind'],
      );
      const res = await compare(world.ngo.coordinator, english);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rows: 2, matched: 2, disagreements: [] });
    });

    it('should answer 400 naming file when the sheet has no ID number column or is not a workbook', async () => {
      const noId = await registerWorkbook([['某某', '低保']], ['姓名', '类别']);
      for (const content of [noId, Buffer.from('not a workbook at all')]) {
        const res = await compare(world.ngo.coordinator, content);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      }
    });

    it('should answer 413 when the file is larger than allowed, and 415 when it is not multipart', async () => {
      expect((await compare(world.ngo.coordinator, Buffer.alloc(REGISTER_MAX_BYTES + 1))).status).toBe(413);
      const json = await t
        .http()
        .post(`/api/v1/organizations/${world.ngo.id}/children/register-comparisons`)
        .set(bearer(world.ngo.coordinator))
        .send({ file: 'x' });
      expect(json.status).toBe(415);
    });

    it('should answer 403 to staff and 404 to another NGO and the platform administrator when they upload a register', async () => {
      expect((await compare(world.ngo.staff, sheet)).status).toBe(403);
      for (const viewer of [otherNgoOwner, admin, world.volunteer]) expect((await compare(viewer, sheet)).status).toBe(404);
    });
  });

  describe('submission export', () => {
    const submission = (viewer: TestUser, query = '') =>
      t.http().get(`/api/v1/organizations/${world.ngo.id}/children/submission.xlsx${query}`).set(bearer(viewer)).buffer(true).parse(binary);

    it('should answer the registry with identity fields as an attachment that is never cached when a coordinator exports', async () => {
      const res = await submission(world.ngo.coordinator, '?year=2026');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe('attachment; filename="children-submission-2026.xlsx"');
      expect(res.headers['cache-control']).toBe('no-store');
      const rows = await workbookCells(res.body as Buffer);
      expect(rows[0]).toEqual(expect.arrayContaining(['姓名', '公民身份号码', '儿童类别', '监护人姓名']));
      const flat = rows.flat();
      for (const value of ['罗小低保', '刘小留守', '王不在册', ids.dibao, ids.grandparent, ids.alsoDibao, '低保', '隔代留守'])
        expect(flat).toContain(value);
      expect(rows).toHaveLength(1 + 3);
      const audits = await t.db.query<{ diff: Record<string, unknown> }>(
        "SELECT diff FROM audit_log WHERE action = 'child.submission_exported' AND org_id = $1 AND actor_user_id = $2",
        [world.ngo.id, world.ngo.coordinator.id],
      );
      expect(audits).toEqual([{ diff: { year: 2026, count: 3, fields: ['legalName', 'idNumber', 'address', 'guardians'] } }]);
    });

    it('should escape cells that begin with = + - or @ when the file holds such text', async () => {
      const flat = (await workbookCells((await submission(world.ngo.owner, '?year=2026')).body as Buffer)).flat();
      expect(flat).toEqual(expect.arrayContaining([`'=HYPERLINK("http://example.invalid","点我")`, "'+SUM(1,2)", "'@王秀英", "'-祖母"]));
      expect(flat.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    });

    it('should leave out children registered after the year when a past year is exported', async () => {
      const rows = await workbookCells((await submission(world.ngo.owner, '?year=2025')).body as Buffer);
      expect(rows).toHaveLength(1);
    });

    it('should answer 400 naming year when the year is in the future or not a number', async () => {
      const nextYear = Number(beijingToday().slice(0, 4)) + 1;
      for (const year of [String(nextYear), '2999', 'abc']) {
        const res = await t
          .http()
          .get(`/api/v1/organizations/${world.ngo.id}/children/submission.xlsx?year=${year}`)
          .set(bearer(world.ngo.owner));
        expect(res.status).toBe(400);
        expect(res.body.errors.length).toBeGreaterThan(0);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(res.body.errors.map(() => 'year'));
      }
    });

    it('should answer 403 to staff and 404 to another NGO and the platform administrator when they ask for the submission', async () => {
      expect((await submission(world.ngo.staff)).status).toBe(403);
      for (const viewer of [otherNgoOwner, admin, world.company.owner]) expect((await submission(viewer)).status).toBe(404);
    });
  });

  describe('list export', () => {
    const listExport = (viewer: TestUser) =>
      t.http().get(`/api/v1/organizations/${world.ngo.id}/children/export.xlsx`).set(bearer(viewer)).buffer(true).parse(binary);

    it('should answer aliases and schedules without any identity field or school when staff export the list', async () => {
      const res = await listExport(world.ngo.staff);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="children-\d{4}-\d{2}-\d{2}\.xlsx"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      const rows = await workbookCells(res.body as Buffer);
      expect(rows).toHaveLength(1 + 3);
      const text = rows.flat().join('\n');
      for (const alias of Object.values(aliases)) expect(text).toContain(alias);
      expect(text).toContain('low_income_dibao');
      for (const secret of [
        '罗小低保',
        '刘小留守',
        '王不在册',
        ids.dibao,
        ids.grandparent,
        ids.alsoDibao,
        'HYPERLINK',
        'SUM(1,2)',
        '王秀英',
        '13800138000',
        '测试村',
      ])
        expect(text).not.toContain(secret);
      // The raw file too (shared strings, sheet XML): not one identity field.
      expect((res.body as Buffer).includes(Buffer.from('罗小低保'))).toBe(false);
    });

    it('should answer 404 to another NGO and the platform administrator when they export the list', async () => {
      for (const viewer of [otherNgoOwner, admin, world.volunteer]) expect((await listExport(viewer)).status).toBe(404);
    });
  });
});
