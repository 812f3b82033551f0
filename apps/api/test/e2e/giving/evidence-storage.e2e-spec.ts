import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { AuditService } from '../../../src/modules/audit/audit.service';
import { bearer, createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const png = (): Promise<Buffer> =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();

describe('evidence storage', () => {
  let db: TestDatabase;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const folder = (): string => join(t.config.dataDir, 'files', 'evidence', world.ngo.id);
  const filesOnDisk = (): string[] => (existsSync(folder()) ? readdirSync(folder()) : []);

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, db);
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('should leave neither a file nor a row when the upload transaction fails', async () => {
    const audit = jest.spyOn(t.app.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit table unavailable'));
    const res = await t
      .http()
      .post(`/api/v1/evidence?organizationId=${world.ngo.id}`)
      .set(bearer(world.ngo.coordinator))
      .attach('file', await png(), 'a.png');
    audit.mockRestore();

    expect(res.status).toBe(500);
    expect(await db.query('SELECT id FROM evidence_files WHERE org_id = $1', [world.ngo.id])).toEqual([]);
    expect(filesOnDisk()).toEqual([]);
    // The same upload works once the failure is gone, and writes its row and audit entry together.
    const ok = await t
      .http()
      .post(`/api/v1/evidence?organizationId=${world.ngo.id}`)
      .set(bearer(world.ngo.coordinator))
      .attach('file', await png(), 'a.png');
    expect(ok.status).toBe(201);
    expect(filesOnDisk()).toEqual([ok.body.id]);
    expect(await db.query(`SELECT entity_id FROM audit_log WHERE action = 'evidence.uploaded' AND org_id = $1`, [world.ngo.id])).toEqual([
      { entity_id: ok.body.id },
    ]);
  });

  it('should remove files without a row older than the grace period when the app starts', async () => {
    const kept = await t
      .http()
      .post(`/api/v1/evidence?organizationId=${world.ngo.id}`)
      .set(bearer(world.ngo.coordinator))
      .attach('file', await png(), 'a.png');
    expect(kept.status).toBe(201);
    // What a process killed between writing a file and committing its row leaves behind.
    mkdirSync(folder(), { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const orphan = randomUUID();
    const partial = `${randomUUID()}.4242.tmp`;
    const inFlight = randomUUID();
    for (const name of [orphan, partial, inFlight]) writeFileSync(join(folder(), name), 'x');
    for (const name of [orphan, partial, kept.body.id as string]) utimesSync(join(folder(), name), twoHoursAgo, twoHoursAgo);
    const unrelated = join(t.config.dataDir, 'files', 'evidence', 'README');
    writeFileSync(unrelated, 'not ours');
    utimesSync(unrelated, twoHoursAgo, twoHoursAgo);
    await t.close();

    t = await startTestApp({}, db);

    const left = filesOnDisk();
    expect(left).toEqual(expect.arrayContaining([kept.body.id, inFlight]));
    expect(left).not.toContain(orphan);
    expect(left).not.toContain(partial);
    expect(existsSync(unrelated)).toBe(true);
    const link = await t
      .http()
      .get(`/api/v1/evidence/${kept.body.id as string}`)
      .set(bearer(world.ngo.coordinator));
    expect((await t.http().get(link.body.url as string)).status).toBe(200);
  });
});
