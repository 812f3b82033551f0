import assert from 'node:assert/strict';
import { newSession, screenshot, signIn, unexpectedErrors } from '../harness.mjs';
import { confirmPopover, createPublishedNeed, signUpFromMatches, soonMinute, waitForMessage } from '../flows.mjs';

export const name =
  'the volunteer checks in with the typed code and out; the coordinator verifies the hours; the volunteer opens the certificate';

/** The need and shift of scenario 02, or (run alone) a fresh one set up the same way. */
async function volunteering(platform) {
  if (platform.shared?.volunteering) return platform.shared.volunteering;
  const coordinator = await newSession(platform);
  await signIn(coordinator.page, 'coordinator@longhui-care.demo');
  const startsAt = soonMinute();
  const ids = await createPublishedNeed(coordinator.page, { title: `周日绘本陪读 ${Date.now().toString(36)}`, startsAt });
  const volunteer = await newSession(platform);
  await signIn(volunteer.page, 'volunteer@kindred.demo');
  await signUpFromMatches(volunteer.page, ids);
  await coordinator.context.close();
  await volunteer.context.close();
  return { ...ids, startsAt };
}

export async function run(platform) {
  const { shiftId, startsAt } = await volunteering(platform);

  const coordinator = await newSession(platform);
  await signIn(coordinator.page, 'coordinator@longhui-care.demo');
  const roster = coordinator.page;
  await roster.goto(`/shifts/${shiftId}`);
  await roster.getByTestId('roster-table').locator('tr').filter({ hasText: '李思雨' }).waitFor();

  // The rotating code, full-screen, in a second tab (as on a tablet at the activity).
  const display = await coordinator.context.newPage();
  await display.goto(`/shifts/${shiftId}/check-in-code`);
  const codeElement = display.getByTestId('check-in-code');
  await codeElement.waitFor();
  const code = await codeElement.getAttribute('data-code');
  assert.match(code, /^\d{6}$/);
  const qrUrl = new URL(await display.getByTestId('check-in-qr').getAttribute('data-url'));
  assert.equal(qrUrl.pathname, '/volunteer/check-in');
  assert.equal(qrUrl.searchParams.get('shift'), shiftId);
  assert.equal(qrUrl.searchParams.get('code'), code);
  await screenshot(display, '03-check-in-code');

  const volunteer = await newSession(platform, { viewport: { width: 375, height: 812 } });
  const phone = volunteer.page;
  await signIn(phone, 'volunteer@kindred.demo');
  await phone.goto('/volunteer/shifts');
  await phone.getByTestId(`go-check-in-${shiftId}`).click();
  await phone.waitForURL('**/volunteer/check-in**');
  // Typed, as when the camera cannot scan: the code on the screen now.
  const current = await codeElement.getAttribute('data-code');
  await phone.getByTestId('check-in-code-input').fill(current);
  await screenshot(phone, '03-volunteer-types-code');
  await phone.getByTestId('check-in-submit').click();
  await phone.getByTestId('checked-in').waitFor();
  await screenshot(phone, '03-volunteer-checked-in');

  // The coordinator's roster shows the check-in live.
  await roster.getByTestId('roster-stat-checkedIn').filter({ hasText: '1' }).waitFor({ timeout: 15_000 });

  // Hours count from the shift's start: stay checked in for a minute of it.
  const wait = startsAt.getTime() + 65_000 - Date.now();
  if (wait > 0) await phone.waitForTimeout(wait);
  await phone.getByTestId('check-out').click();
  await phone.getByTestId('checked-out').waitFor();
  assert.match(await phone.getByTestId('checked-out').innerText(), /分钟/);
  await screenshot(phone, '03-volunteer-checked-out');

  await roster.getByTestId('roster-stat-checkedOut').filter({ hasText: '1' }).waitFor({ timeout: 15_000 });
  await roster.getByTestId('verify-shift-hours').click();
  await confirmPopover(roster);
  await waitForMessage(roster, '已核实 1 条记录');
  await screenshot(roster, '03-hours-verified');

  await phone.goto('/volunteer/hours');
  await phone.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="verified-hours"]')?.textContent ?? ''));
  const request = phone.locator('[data-testid^="request-certificate-"]').first();
  await request.waitFor();
  await screenshot(phone, '03-volunteer-hours');
  const [certificate] = await Promise.all([volunteer.context.waitForEvent('page'), request.click()]);
  await certificate.waitForURL(/^blob:/, { timeout: 15_000 });
  await certificate.waitForLoadState();
  assert.match(await certificate.locator('body').innerText(), /志愿服务记录证明/);
  await screenshot(certificate, '03-certificate');

  assert.deepEqual(unexpectedErrors(coordinator.errors), []);
  assert.deepEqual(unexpectedErrors(volunteer.errors), []);
  await coordinator.context.close();
  await volunteer.context.close();
}
