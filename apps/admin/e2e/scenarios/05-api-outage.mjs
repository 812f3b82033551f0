import assert from 'node:assert/strict';
import { newSession, screenshot, signIn, unexpectedErrors } from '../harness.mjs';

export const name =
  'a signed-in coordinator sees "service unavailable, retrying" (not a role message) while the API answers 503, and the page comes back';

const API = '**/api/v1/**';

/** What the API answers while its database is down: 503 problem+json asking to retry after a second. */
async function answer503(route) {
  await route.fulfill({
    status: 503,
    headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
    body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'service_unavailable' }),
  });
}

async function assertOutageShown(page) {
  const notice = page.getByTestId('service-unavailable');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.innerText(), /服务暂时不可用，正在重试/);
  assert.equal(await page.getByTestId('access-denied').count(), 0, 'an outage must not read as a missing role');
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /公益机构成员身份|登录已失效/);
  assert.equal(new URL(page.url()).pathname, '/needs');
  assert.ok(await page.evaluate(() => window.localStorage.getItem('kindred.refreshToken')), 'the session must survive the outage');
}

async function assertRecovered(page) {
  await page.getByTestId('service-unavailable').waitFor({ state: 'detached', timeout: 20_000 });
  await page.getByRole('heading', { name: '需求管理' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('access-denied').count(), 0);
  assert.equal(new URL(page.url()).pathname, '/needs');
}

export async function run(platform) {
  const coordinator = await newSession(platform);
  const { page } = coordinator;
  await signIn(page, 'coordinator@longhui-care.demo');
  await page.goto('/needs');
  await page.getByRole('heading', { name: '需求管理' }).waitFor({ timeout: 15_000 });

  // 1. The API answers 503 (database down); the page is reloaded, so nothing about the person is known.
  await page.route(API, answer503);
  await page.reload();
  await assertOutageShown(page);
  await page.getByTestId('service-retry-status').waitFor({ timeout: 5_000 });
  await screenshot(page, '05-outage-zh');
  // The API comes back: the automatic retry (Retry-After: 1) restores the page without a click.
  await page.unroute(API, answer503);
  await assertRecovered(page);

  // 2. The network itself fails; the manual retry button brings the page back at once.
  const fail = (route) => route.abort('connectionrefused');
  await page.route(API, fail);
  await page.reload();
  await assertOutageShown(page);
  await page.unroute(API, fail);
  await page.getByTestId('service-retry').click();
  await assertRecovered(page);
  await screenshot(page, '05-recovered');

  // Only the browser's own lines for the refused or 503 requests we caused are allowed.
  const caused = /status of 503|net::ERR_CONNECTION_REFUSED|Failed to fetch/;
  assert.deepEqual(unexpectedErrors(coordinator.errors.filter((line) => !caused.test(line))), []);
  await coordinator.context.close();
}
