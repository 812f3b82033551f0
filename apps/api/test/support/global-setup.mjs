// Once per jest run (shared by the integration and e2e projects): start the test database helper process
// and expose its server URL and template name to the test files through the environment.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export default async function globalSetup() {
  if (globalThis.__kindredTestDb) {
    globalThis.__kindredTestDb.users += 1;
    return;
  }
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/test/support/test-db-server.ts'],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } },
  );
  const line = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`test database helper exited with ${code}`)));
  });
  const { serverUrl, appServerUrl, template } = JSON.parse(line);
  process.env.KINDRED_TEST_SERVER_URL = serverUrl;
  process.env.KINDRED_TEST_APP_SERVER_URL = appServerUrl;
  process.env.KINDRED_TEST_TEMPLATE = template;
  globalThis.__kindredTestDb = { users: 1, child };
}
