import assert from 'node:assert/strict';
import { newSession, screenshot, signIn, unexpectedErrors } from '../harness.mjs';
import { createPublishedNeed, signUpFromMatches, soonMinute } from '../flows.mjs';

export const name =
  'a coordinator publishes a need with a shift; a volunteer signs up from their matches; the roster fills without a reload';

export async function run(platform) {
  const coordinator = await newSession(platform);
  const page = coordinator.page;
  await signIn(page, 'coordinator@longhui-care.demo');
  await page.getByTestId('coordinator-dashboard').waitFor();
  await page.getByTestId('counter-openNeeds').waitFor();
  await screenshot(page, '02-coordinator-dashboard');

  // Starts in a minute or two, so scenario 03 can check in (check-in opens 30 minutes before the start).
  const startsAt = soonMinute();
  const title = `周日绘本陪读 ${Date.now().toString(36)}`;
  const { needId, shiftId } = await createPublishedNeed(page, { title, startsAt, shot: (step) => screenshot(page, `02-${step}`) });

  await page.getByTestId(`roster-link-${shiftId}`).click();
  await page.waitForURL(`**/shifts/${shiftId}`);
  await page.getByTestId('roster-table').getByTestId('empty-state').waitFor();
  await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
  // Survives only while the page is not reloaded.
  await page.evaluate(() => {
    window.__kindredStillHere = true;
  });
  await screenshot(page, '02-roster-empty');

  const volunteer = await newSession(platform, { viewport: { width: 375, height: 812 } });
  await signIn(volunteer.page, 'volunteer@kindred.demo');
  const foundIn = await signUpFromMatches(volunteer.page, { needId, shiftId, shot: (step) => screenshot(volunteer.page, `02-${step}`) });
  await screenshot(volunteer.page, '02-volunteer-signed-up');
  process.stdout.write(`    (the volunteer found the need in ${foundIn})\n`);

  // The sign-up reaches the coordinator's roster over the live connection.
  const row = page.getByTestId('roster-table').locator('tr').filter({ hasText: '李思雨' });
  await row.waitFor({ timeout: 15_000 });
  assert.equal(await page.evaluate(() => window.__kindredStillHere), true, 'the roster page was reloaded');
  assert.match(await row.innerText(), /已确认/);
  assert.match(await page.getByTestId('roster-stat-confirmed').innerText(), /1 \/ 3/);
  await screenshot(page, '02-roster-live');

  assert.deepEqual(unexpectedErrors(coordinator.errors), []);
  assert.deepEqual(unexpectedErrors(volunteer.errors), []);
  await coordinator.context.close();
  await volunteer.context.close();
  platform.shared = { ...platform.shared, volunteering: { needId, shiftId, title, startsAt } };
}
