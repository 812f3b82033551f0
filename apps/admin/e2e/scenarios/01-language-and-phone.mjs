import assert from 'node:assert/strict';
import { newSession, screenshot, signIn } from '../harness.mjs';

export const name = 'a coordinator signs in in Chinese, switches to English; the volunteer portal fits a 375 px phone';

export async function run(platform) {
  const coordinator = await newSession(platform);
  const page = coordinator.page;
  await page.goto('/login');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.locator('body').innerText(), /登录/);
  await screenshot(page, '01-login-zh');
  await signIn(page, 'coordinator@longhui-care.demo');
  await page.waitForSelector('text=工作台', { timeout: 15_000 });
  await screenshot(page, '01-dashboard-zh');

  await page.getByText('English', { exact: true }).first().click();
  await page.waitForSelector('text=Dashboard', { timeout: 10_000 });
  const english = await page.locator('body').innerText();
  assert.doesNotMatch(english, /工作台/);
  await screenshot(page, '01-dashboard-en');
  // The choice is remembered across a reload.
  await page.reload();
  await page.waitForSelector('text=Dashboard', { timeout: 10_000 });
  assert.deepEqual(coordinator.errors, []);
  await coordinator.context.close();

  const phone = await newSession(platform, { viewport: { width: 375, height: 812 } });
  await signIn(phone.page, 'volunteer@kindred.demo');
  await phone.page.waitForLoadState('networkidle');
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 375px phone`);
  await screenshot(phone.page, '01-volunteer-phone');
  assert.deepEqual(phone.errors, []);
  await phone.context.close();
}
