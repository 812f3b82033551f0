import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { pendingSchemaChanges } from '../../../src/database/schema-diff';
import { createTestDatabase, type TestDatabase } from '../../support/database';

describe('entities and migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, 2));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('should leave nothing to generate when every migration is applied', async () => {
    const { up } = await pendingSchemaChanges(ds);
    expect(up).toEqual([]);
  });

  it('should keep synchronize off when the data source is built', () => {
    expect(ds.options.synchronize).toBe(false);
    expect(ds.options.migrationsRun).toBe(false);
  });
});
