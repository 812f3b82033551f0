// Bare baseline for the `health` scenario: plain node:http + a pg Pool of the app's size (10)
// running the same `SELECT 1` and answering the same JSON shape as GET /api/v1/health.
// Env: PORT, DATABASE_URL, HOST (default 127.0.0.1).
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => undefined); // an idle client losing its server is answered by the next query's 503
const version = process.env.npm_package_version ?? '0.1.0';

const server = createServer(async (request, response) => {
  if (request.method !== 'GET' || request.url !== '/api/v1/health') {
    response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end('{"status":404}');
    return;
  }
  let up = true;
  try {
    await pool.query('SELECT 1');
  } catch {
    up = false;
  }
  const body = JSON.stringify({
    status: up ? 'ok' : 'error',
    db: up ? 'up' : 'down',
    version,
    uptimeSeconds: Math.round(process.uptime()),
  });
  response.writeHead(up ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' }).end(body);
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

function shutdown() {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
