import assert from 'node:assert/strict';
import { newSession, screenshot, signIn, unexpectedErrors } from '../harness.mjs';
import { makePng, waitForMessage } from '../flows.mjs';

export const name = 'a donor pledges goods; the coordinator records receipt and use with a photo; the donor’s trail shows all three live';

const NEED = '小沙江镇留守儿童冬季物资';

export async function run(platform) {
  const donor = await newSession(platform, { viewport: { width: 375, height: 812 } });
  const phone = donor.page;
  await signIn(phone, 'donor@kindred.demo');
  await phone.goto('/donor/needs');
  const card = phone.locator(`[data-title="${NEED}"]`);
  await card.waitFor();
  await screenshot(phone, '04-donor-browses');
  await card.locator('[data-testid^="pledge-need-"]').click();
  await phone.getByTestId('pledge-form').waitFor();
  await phone.getByRole('spinbutton', { name: '书包' }).fill('3');
  await screenshot(phone, '04-donor-pledge-form');
  await phone.getByTestId('submit-pledge').click();
  await phone.waitForURL(/\/donor\/pledges\/[0-9a-f-]{36}$/);
  const pledgeId = phone.url().split('/').pop();
  await phone.getByTestId('trail-pledged').waitFor();
  await phone.evaluate(() => {
    window.__kindredStillHere = true;
  });
  await screenshot(phone, '04-donor-pledged');

  const coordinator = await newSession(platform);
  const page = coordinator.page;
  await signIn(page, 'coordinator@longhui-care.demo');
  await page.getByTestId('app-menu').getByText('认捐管理', { exact: true }).click();
  await page.getByTestId(`open-pledge-${pledgeId}`).click();
  await page.waitForURL(`**/pledges/${pledgeId}`);
  await screenshot(page, '04-coordinator-pledge');

  await page.getByTestId('record-receipt').click();
  await page.getByTestId('receipt-form').waitFor();
  assert.equal(await page.getByRole('spinbutton', { name: '书包' }).inputValue(), '3');
  await page.locator('#receiptNumber').fill('LH-2026-0001');
  await page.getByTestId('save-receipt').click();
  await waitForMessage(page, '已登记接收');

  await page.getByTestId('record-usage').click();
  await page.getByTestId('usage-form').waitFor();
  await page.locator('#description').fill('为小沙江镇中心小学三名孩子发放新书包');
  await page.locator('#beneficiaryCount').fill('3');
  await page
    .locator('.ant-modal:visible input[type="file"]')
    .setInputFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: makePng() });
  await page.locator('.ant-modal:visible .ant-upload-list-item-done').waitFor({ timeout: 15_000 });
  await screenshot(page, '04-coordinator-records-use');
  await page.getByTestId('save-usage').click();
  await waitForMessage(page, '已登记使用');
  await page.getByTestId('trail-used').waitFor();
  await screenshot(page, '04-coordinator-trail');

  // The donor's page, never reloaded, has all three steps and the photo.
  await phone.getByTestId('trail-received').waitFor({ timeout: 15_000 });
  await phone.getByTestId('trail-used').waitFor({ timeout: 15_000 });
  assert.equal(await phone.evaluate(() => window.__kindredStillHere), true, 'the trail page was reloaded');
  const image = phone.locator('[data-testid="trail-used"] img').first();
  await image.waitFor();
  await phone.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
  assert.match(await phone.getByTestId('pledge-trail').innerText(), /书包 3 个/);
  await image.scrollIntoViewIfNeeded();
  await screenshot(phone, '04-donor-trail');

  assert.deepEqual(unexpectedErrors(donor.errors), []);
  assert.deepEqual(unexpectedErrors(coordinator.errors), []);
  await donor.context.close();
  await coordinator.context.close();
}
