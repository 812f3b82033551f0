// Steps several scenarios share, all through the real UI.
import { deflateSync } from 'node:zlib';

/** "YYYY-MM-DD HH:mm" in Beijing time, the format the date-time pickers take when typed into. */
export function beijingMinute(date) {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A whole minute 30 to 90 seconds from now: still in the future when the form is saved a few seconds later. */
export function soonMinute(now = Date.now()) {
  return new Date(Math.ceil((now + 30_000) / 60_000) * 60_000);
}

/** Picks `text` in an antd Select. */
export async function chooseOption(page, select, text) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Clicks the confirming button of the open antd Popconfirm. */
export async function confirmPopover(page) {
  await page.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').click();
}

/** Waits for an antd message (toast) containing `text`. */
export async function waitForMessage(page, text, timeout = 15_000) {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor({ timeout });
}

/**
 * From the coordinator's dashboard: creates a need (saved as a draft), adds one shift starting at
 * `startsAt`, publishes it, and answers the ids. The page ends on the need.
 */
export async function createPublishedNeed(page, { title, startsAt, shot }) {
  await page.getByTestId('app-menu').getByText('需求管理', { exact: true }).click();
  await page.waitForURL('**/needs');
  await page.getByTestId('create-need').click();
  await page.waitForURL('**/needs/create');
  await chooseOption(page, page.getByTestId('need-type'), '陪伴关爱');
  await page.locator('#title').fill(title);
  await page.locator('#description').fill('周日下午在社工站陪孩子们读绘本、做手工，每位志愿者陪伴三名孩子。');
  // The region code comes from the organisation.
  await page.waitForFunction(() => document.querySelector('#regionCode')?.value?.length >= 6);
  await page.locator('#requiredSkills').click();
  await page.locator('#requiredSkills').fill('陪伴');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="陪伴"]').click();
  await page.keyboard.press('Escape');
  await page.locator('#beneficiaryCount').fill('9');
  await shot?.('need-form');
  await page.getByTestId('save-need').click();
  await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
  const needId = page.url().split('/').pop();
  await page.getByTestId('draft-hint').waitFor();

  await page.getByTestId('add-shift').click();
  const start = page.locator('#startsAt');
  await start.click();
  await start.fill(beijingMinute(startsAt));
  await start.press('Enter');
  // The end follows the start (two hours later).
  await page.waitForFunction(() => document.querySelector('#endsAt')?.value?.length > 0);
  await page.locator('#capacity').fill('3');
  await shot?.('shift-form');
  await page.getByTestId('save-shift').click();
  const rosterLink = page.locator('[data-testid^="roster-link-"]').first();
  await rosterLink.waitFor();
  const shiftId = (await rosterLink.getAttribute('data-testid')).replace('roster-link-', '');

  await page.getByTestId('publish-need').click();
  await confirmPopover(page);
  await page.locator('[data-testid="need-status"][data-status="open"]').waitFor();
  await shot?.('need-published');
  return { needId, shiftId };
}

/**
 * A volunteer (already signed in) finds the need in their matches, or else among all open needs,
 * and signs up for the shift. Answers where it was found.
 */
export async function signUpFromMatches(page, { needId, shiftId, shot }) {
  await page.goto('/volunteer/matches');
  await page.waitForSelector('[data-testid^="need-card-"], [data-testid="empty-state"], [data-testid="matches-fallback"]');
  let foundIn = 'matches';
  if ((await page.getByTestId(`need-card-${needId}`).count()) === 0) {
    foundIn = 'all needs';
    await page.locator('.ant-segmented-item').filter({ hasText: '全部需求' }).click();
    await page.getByTestId(`need-card-${needId}`).first().waitFor();
  }
  await page.getByTestId(`need-card-${needId}`).first().scrollIntoViewIfNeeded();
  await shot?.(foundIn === 'matches' ? 'volunteer-matches' : 'volunteer-all-needs');
  const direct = page.getByTestId(`match-sign-up-${shiftId}`);
  if ((await direct.count()) > 0) {
    await direct.click();
  } else {
    await page.getByTestId(`open-need-${needId}`).first().click();
    await page.waitForURL(`**/volunteer/needs/${needId}`);
    await page.getByTestId(`sign-up-${shiftId}`).click();
  }
  await waitForMessage(page, '报名成功');
  return foundIn;
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A small real PNG (a coloured square with a stripe), made here so the test needs no fixture file. */
export function makePng(size = 64) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = [0];
    for (let x = 0; x < size; x += 1) row.push(...(Math.abs(x - y) < 6 ? [255, 255, 255] : [220, 90, 60]));
    rows.push(Buffer.from(row));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
