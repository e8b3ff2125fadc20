// Launches Debian's Chromium through playwright-core (never a downloaded browser), and offers
// the real folder drop of toolchain.md: CDP Input.dispatchDragEvent with a directory path.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launch({ userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-chromium-')), ...options } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1366, height: 768 }, locale: 'en-US', ...options,
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A failed load's text does not name what failed: its address comes with it.
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.location()?.url ? `${m.text()} (${m.location().url})` : m.text()); });
  return {
    context, page, errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Drops real files/folders (absolute paths) onto the centre of the element, as a person would. */
export async function dropPaths(page, selector, paths) {
  const box = await page.locator(selector).boundingBox();
  const x = box.x + Math.min(box.width, 1366) / 2;
  const y = box.y + Math.min(box.height, 700) / 2;
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  await cdp.detach();
}

/** Text of the status card's headline. */
export async function statusHeadline(page) {
  return (await page.locator('[data-testid="status-card"] h2').textContent()).trim();
}

/**
 * Waits for the status card's headline to match. Benchmarks pass a `polling` interval in ms:
 * the default polls on every animation frame, which keeps the page drawing frames the whole
 * time it is measured.
 */
export async function waitForStatus(page, re, timeout = 120000, polling = 'raf') {
  await page.waitForFunction((src) => {
    const h = document.querySelector('[data-testid="status-card"] h2');
    return h && new RegExp(src).test(h.textContent);
  }, re.source, { timeout, polling });
}

/** Presses "Back up" (a real click: the user gesture some browser features need) and waits for the headline. */
export async function backUpAndWait(page, re = /^Backup complete$/, timeout = 120000) {
  await page.getByTestId('backup-button').click();
  await waitForStatus(page, re, timeout);
}

/**
 * Presses "Back up" unless the backup already started by itself (a folder seen before), then
 * waits for "Backup complete".
 */
export async function backUpUnlessStarted(page, timeout = 120000) {
  const start = page.getByTestId('backup-button');
  await start.or(page.getByTestId('pause-button')).first().waitFor();
  if (await start.isVisible()) await start.click();
  await waitForStatus(page, /^Backup complete$/, timeout);
}

/**
 * Waits until the plan view says every file's content was checked: the plan is ready from
 * names and sizes first, and inspection may still move a file (a text file named .jpg).
 */
export async function waitForPlanChecked(page, timeout = 120000) {
  await page.waitForSelector('[data-testid="plan-check"][data-done="true"]', { timeout });
}
