// Brings up the real platform for browser tests: a fresh PostgreSQL database, the built API serving the built
// admin client with demo data, and a headless Debian Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { ADMIN_DIST, API_MAIN, root } from '../../../scripts/lib/build.mjs';

export const ARTIFACTS = join(root, 'test-artifacts', 'browser');
export const DEMO_PASSWORD = 'Kindred-demo-2026';

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The same helper the jest suites use: PostgreSQL (DATABASE_URL or embedded) plus a migrated template. */
async function startDatabaseHelper() {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/test/support/test-db-server.ts'],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    },
  );
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`database helper exited with ${code}`)));
  });
  return { child, ...JSON.parse(line) };
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(serverUrl, sql) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(baseUrl, app) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the API exited with ${app.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not become healthy within 60 s');
}

export async function startPlatform() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const helper = await startDatabaseHelper();
  const database = `browser_${Date.now().toString(36)}`;
  await adminQuery(helper.serverUrl, `CREATE DATABASE ${database} TEMPLATE ${helper.template}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: withDatabase(helper.serverUrl, database),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      JWT_SECRET: 'browser-tests-access-secret-0123456789abcdef',
      JWT_REFRESH_SECRET: 'browser-tests-refresh-secret-0123456789abcde',
      ADMIN_DIST_DIR: ADMIN_DIST,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kindred-browser-')),
      LOG_LEVEL: 'warn',
      LOG_FILE: join(root, 'test-artifacts', 'logs', `${database}.log`),
      DEMO_DATA: 'true',
    },
  });
  const stopServers = async () => {
    if (app.exitCode === null && app.signalCode === null) {
      const exited = new Promise((r) => app.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    await adminQuery(helper.serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    helper.child.stdin.end();
    await new Promise((r) => (helper.child.exitCode !== null ? r() : helper.child.once('exit', r)));
  };
  let browser;
  try {
    await waitForHealth(baseUrl, app);
    browser = await launchBrowser();
  } catch (error) {
    // Without this the API and the database helper outlive a failed start (e.g. no Chromium installed).
    await stopServers();
    throw error;
  }
  return {
    baseUrl,
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await stopServers();
    },
  };
}

function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context (its own storage: its own signed-in person) whose
 * pages record console errors, so a scenario can insist there were none.
 */
export async function newSession(
  platform,
  { viewport = { width: 1366, height: 900 }, locale = 'zh-CN', timezoneId = 'Asia/Shanghai' } = {},
) {
  // Beijing time, as the NGOs and volunteers see it; shifts are planned in it.
  const context = await platform.browser.newContext({ viewport, locale, timezoneId, baseURL: platform.baseUrl });
  const errors = [];
  context.on('page', (page) => watch(page, errors));
  const page = await context.newPage();
  watch(page, errors);
  return { context, page, errors };
}

function watch(page, errors) {
  if (page.__kindredWatched) return;
  page.__kindredWatched = true;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed request's line names only its status; the resource URL makes an expected one identifiable.
    const resource = message.location()?.url;
    errors.push(`${page.url()}: ${message.text()}${resource && resource !== page.url() ? ` [${resource}]` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
}

export async function signIn(page, login) {
  await page.goto('/login');
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
}

export async function screenshot(page, name) {
  // From the top, or the sticky header lands in the middle of a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const FAILED_4XX = /: Failed to load resource: the server responded with a status of 4\d\d\b/;

/**
 * The console errors a scenario did not expect. Only the browser's generic line for a failed 4xx
 * request can be allowed, and only for a resource URL matching one of `expected4xx`.
 */
export function unexpectedErrors(errors, expected4xx = []) {
  return errors.filter((line) => {
    if (!FAILED_4XX.test(line)) return true;
    const resource = line.slice(line.lastIndexOf('['));
    return !expected4xx.some((pattern) => pattern.test(resource));
  });
}
