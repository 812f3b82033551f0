// `npm start`: builds what is out of date, then runs the API, which serves socket.io and the admin client on one port.
// With no DATABASE_URL the API starts an embedded PostgreSQL under .data/pg and loads demo data once.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ADMIN_DIST, API_MAIN, buildAll, root } from './lib/build.mjs';

buildAll();
process.env.ADMIN_DIST_DIR ??= ADMIN_DIST;
process.env.DATA_DIR ??= join(root, '.data');
await import(pathToFileURL(API_MAIN).href);
