// The app end to end, quality bar: axe-core in every main state (no serious or critical
// violation), screenshots of each state for the README, live region, tab title, leave-page
// prompt, skipped CSV, no horizontal scrolling at 1366x768 and 200% zoom, keyboard-only use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, waitForPlanChecked, backUpAndWait } from '../lib/browser.mjs';
import { writeTree, jpeg, png } from '../lib/fixtures.mjs';
import { video, slowPatches, waitForReceived } from '../lib/app.mjs';
import { injectAxe } from '../lib/library.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-a11y-'));
const root = path.join(work, 'Summer Holiday');
let tree;
before(() => {
  tree = writeTree(root, {
    'Beach/IMG_0001.jpg': jpeg('a11y-1'), 'Beach/IMG_0002.jpg': jpeg('a11y-2'), 'Beach/Sunset/IMG_0003.jpg': jpeg('a11y-3'),
    'Beach/IMG_0004.jpg': jpeg('a11y-big', 40_000_000), 'Screens/map.png': png('a11y-png'), 'Videos/clip.mp4': video('isom', 'a11y'),
    'Notes/list.jpg': Buffer.from('shopping list, not a photo'), '.DS_Store': Buffer.from('finder'), 'Beach/empty.jpg': Buffer.alloc(0),
  });
});
after(() => fs.rmSync(work, { recursive: true, force: true }));
const SKIPPED = [['Summer Holiday/.DS_Store', 'system file'], ['Summer Holiday/Beach/empty.jpg', 'empty file'], ['Summer Holiday/Notes/list.jpg', 'not a photo or video']];

async function seriousViolations(page) {
  await injectAxe(page);
  const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return v.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const live = async (page) => (await page.locator('[data-testid="status-card"] [role="status"]').textContent()).trim();

/** axe, horizontal overflow and a screenshot (docs/screenshot-NAME.png, 1366x768 viewport). */
async function checkState(page, name) {
  assert.deepEqual(await seriousViolations(page), [], `axe in state "${name}"`);
  assert.ok(await overflow(page) <= 0, `horizontal overflow in state "${name}"`);
  await page.screenshot({ path: screenshotPath(`screenshot-${name}.png`) });
}

test('every main state: no serious axe violation, live region, title, leave prompt, CSV, screenshots', async () => {
  const server = await startServer({ args: ['--chunk-size', '1MiB'] });
  const b = await launch();
  const { page } = b;
  try {
    await slowPatches(page, 300);
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$/);
    await checkState(page, 'empty');

    await dropPaths(page, '[data-testid="drop-zone"]', [root]);
    await waitForStatus(page, /^Ready to back up 6 photos and videos$/);
    await waitForPlanChecked(page);
    await checkState(page, 'plan');

    await page.getByTestId('backup-button').click(); // a real click: the user gesture beforeunload needs
    await waitForStatus(page, /^Backing up [\d,]+ of 6$/, 30000);
    await waitForReceived(server, 4_000_000); // some progress to show
    assert.match(await live(page), /^Backing up [\d,]+ of 6$/, 'the live region announces the status');
    await page.waitForFunction(() => /^Backing up [\d,]+ of 6 · Shoebox$/.test(document.title), null, { timeout: 5000 });
    await checkState(page, 'running');

    // Leaving mid-backup asks first; staying keeps the backup running on the same page.
    await page.evaluate(() => { window.__samePage = true; });
    const dialog = page.waitForEvent('dialog', { timeout: 10000 });
    page.reload({ timeout: 3000 }).catch(() => {});
    const d = await dialog;
    assert.equal(d.type(), 'beforeunload');
    await d.dismiss();
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was left without asking');

    await page.getByTestId('pause-button').click();
    await waitForStatus(page, /^Backup is paused$/, 15000);
    assert.equal(await live(page), 'Backup is paused');
    await checkState(page, 'paused');

    await page.getByTestId('pause-button').click(); // now "Resume"
    await waitForStatus(page, /^Backup complete$/, 120000);
    assert.equal(await live(page), 'Backup complete');
    assert.match(await page.getByTestId('status-card').innerText(), /1 photo or video skipped, 2 other files ignored — see why/);
    await checkState(page, 'complete');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.getByTestId('skipped-csv').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assert.equal(csv[0], 'path,reason');
    assert.deepEqual(csv.slice(1).sort(), SKIPPED.map(([p, r]) => `"${p}","${r}"`).sort());
    assert.equal((await server.media()).length, 6);
  } finally {
    await b.close();
    await server.stop();
  }
});

// Browser zoom at 200% on a 1366x768 screen lays the page out in a 683x384 CSS-pixel viewport
// drawn at 2 device pixels per CSS pixel: exactly this viewport with deviceScaleFactor 2.
test('no horizontal scrolling at 200% zoom (683x384 CSS px at 2x) with plan, list and settings open', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
  try {
    await b.page.goto(server.appUrl());
    await waitForStatus(b.page, /^Ready$/);
    assert.ok(await overflow(b.page) <= 0, 'overflow when empty');
    await dropPaths(b.page, '[data-testid="drop-zone"]', [root]);
    await waitForStatus(b.page, /^Ready to back up 6 photos and videos$/);
    await b.page.locator('[data-testid="settings"] > summary').click();
    assert.ok(await overflow(b.page) <= 0, `plan view overflows by ${await overflow(b.page)} px`);
    await backUpAndWait(b.page, /^Backup complete$/, 120000);
    assert.ok(await overflow(b.page) <= 0, `complete page overflows by ${await overflow(b.page)} px`);
  } finally {
    await b.close();
    await server.stop();
  }
});

/** Tab once; describe the focused element (a stable per-element key) and whether focus is drawn. */
async function tab(page, key = 'Tab') {
  await page.keyboard.press(key);
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    el.__key ??= (window.__keys = (window.__keys || 0) + 1);
    const drawn = [el, el.closest('label')].filter(Boolean).some((e) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    });
    return { key: el.__key, what: el.outerHTML.slice(0, 70), testid: el.dataset.testid || el.tagName.toLowerCase(), drawn };
  });
}

/** Waits until the element with this data-testid has focus, as a keyboard user would expect. */
async function focusOn(page, testid) {
  await page.waitForFunction((id) => document.activeElement?.dataset.testid === id, testid, { timeout: 5000 })
    .catch(async () => assert.fail(`focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}, not ${testid}`));
}

/** Presses Tab until the element with this data-testid (or tag name) has focus. */
async function tabTo(page, testid) {
  for (let i = 0; i < 80; i++) if ((await tab(page))?.testid === testid) return;
  throw new Error(`Tab never reached ${testid}`);
}

test('keyboard only: Tab reaches every control with a visible focus, Enter starts, Space pauses', async () => {
  const server = await startServer({ args: ['--chunk-size', '1MiB'] });
  const b = await launch();
  const { page } = b;
  try {
    await slowPatches(page, 300);
    await page.goto(server.appUrl());
    await page.getByTestId('folder-input').setInputFiles(root); // the one non-keyboard step allowed
    await waitForStatus(page, /^Ready to back up 6 photos and videos$/);
    await tabTo(page, 'summary');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="settings"]').open), true, 'Enter opens the settings');
    // Every control a person can use (a radio group is one Tab stop: its checked radio).
    const controls = await page.evaluate(() => [...document.querySelectorAll('button, input, select, summary, a[href], [tabindex]:not([tabindex="-1"])')]
      .filter((e) => !e.disabled && e.tabIndex >= 0 && (e.type !== 'radio' || e.checked) && (e.offsetParent || e.closest('label')?.offsetParent))
      // A closed <details> (Settings' Advanced) offers only its summary.
      .filter((e) => { const d = e.closest('details:not([open])'); return !d || d.querySelector(':scope > summary') === e; })
      .map((e) => e.dataset.testid || e.outerHTML.slice(0, 70)));
    const seen = new Map();
    for (let i = 0; i < controls.length * 2 + 5; i++) {
      const f = await tab(page);
      if (!f) continue;
      assert.ok(f.drawn, `no visible focus on ${f.what}`);
      seen.set(f.key, f);
    }
    const reached = [...seen.values()].map((f) => f.testid);
    assert.equal(seen.size, controls.length, `Tab reached ${seen.size} of ${controls.length} controls:\n${[...seen.values()].map((f) => f.what).join('\n')}`);
    for (const id of ['backup-button', 'quality-original', 'skipped-csv', 'summary']) assert.ok(reached.includes(id), `Tab never reached ${id}`);
    assert.ok(reached.includes('choose-folders') || reached.includes('folder-input'), 'Tab never reached "Choose folders"');

    await tabTo(page, 'backup-button');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /^Backing up/, 30000);
    // Back up's place is taken by Pause, and so is its focus: no Tab needed.
    await focusOn(page, 'pause-button');
    await page.keyboard.press('Space');
    await waitForStatus(page, /^Backup is paused$/, 15000);
    const patches = await server.patchCount();
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(await server.patchCount() - patches <= 1, 'paused, yet uploads went on');
    await focusOn(page, 'pause-button'); // now "Resume"
    await page.keyboard.press('Enter');
    await waitForStatus(page, /^Backup complete$/, 120000);
    // Pause went with the backup's end: focus stays in the controls, not on the page.
    await page.waitForFunction(() => document.activeElement?.closest('.controls'), null, { timeout: 5000 })
      .catch(async () => assert.fail(`focus fell to ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`));
    assert.equal((await server.media()).length, 6);
  } finally {
    await b.close();
    await server.stop();
  }
});
