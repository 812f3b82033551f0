import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Used by the TypeORM CLI (see scripts/db.mjs, which provides DATABASE_URL, starting the embedded server if needed).
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');

export default new DataSource(dataSourceOptions(url));
