// The kiosk's next step and its end, as a visitor sees them: with the phone's QR panel and the
// plan filling the screen, "Back up" stays in a bar fixed on screen (no scrolling to find it);
// the done screen covers the whole screen, says what was saved by kind with the right singular
// and plural, and counts down, visibly, to the moment the screen starts over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { writeTree, jpeg, png } from '../lib/fixtures.mjs';
import { video } from '../lib/app.mjs';
import { seriousViolations } from '../lib/library.mjs';
import { illegibleText } from '../lib/contrast.mjs';

const KEY = 'shop-kiosk-key-e2e-0123456789';

/** Where `testid` sits against the window, and whether a tap at its centre reaches it. */
async function onScreen(page, testid) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: innerWidth, h: innerHeight, reached: !!hit && el.contains(hit), scrollable: document.documentElement.scrollHeight > innerHeight };
  }, testid);
}

const secondsLeft = async (page) => Number((await page.getByTestId('kiosk-reset-in').innerText()).match(/^This screen starts over in (\d+) s$/)[1]);

test('the kiosk keeps Back up on screen, then a full-screen done says what was saved by kind and counts down to the reset', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-kiosk-done-'));
  writeTree(path.join(dir, 'DCIM'), {
    'IMG_0001.jpg': jpeg('done-a', 30_000), 'IMG_0002.jpg': jpeg('done-b'),
    'Screenshot.png': png('done-c'), 'MVI_0003.mp4': video('isom', 'done-d'),
  });
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '60s'] });
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    // The phone's QR panel first: it stands above the plan and pushes it down.
    await page.getByTestId('kiosk-use-phone').click();
    await page.getByTestId('kiosk-qr').waitFor({ timeout: 20000 });
    await page.getByTestId('folder-input').setInputFiles(path.join(dir, 'DCIM'));
    await waitForStatus(page, /^Ready to back up 4 photos and videos$/, 30000);
    await page.getByTestId('folder-tree').waitFor();
    assert.equal(await page.getByTestId('plan-albums').count(), 0, 'a visit goes into its drop: no Albums choice on a kiosk');
    const bar = await onScreen(page, 'backup-button');
    assert.ok(bar.scrollable, `the page is taller than the screen, so a button below the panels would be out of sight: ${JSON.stringify(bar)}`);
    assert.ok(bar.top >= 0 && bar.bottom <= bar.h && bar.left >= 0 && bar.right <= bar.w, `Back up is on screen without scrolling: ${JSON.stringify(bar)}`);
    assert.ok(bar.reached, 'and nothing covers it');
    assert.ok((await onScreen(page, 'kiosk-finish')).reached, 'Finish is in the same bar');
    assert.equal(await page.getByTestId('kiosk-bar').getByRole('button', { name: 'Back up' }).count(), 1, 'Back up is a named button in the bar');
    await page.mouse.wheel(0, 2000);
    await page.waitForFunction(() => scrollY > 0);
    const scrolled = await onScreen(page, 'backup-button');
    assert.ok(scrolled.bottom <= scrolled.h && scrolled.reached, `still on screen after scrolling: ${JSON.stringify(scrolled)}`);
    await page.getByTestId('backup-button').click();

    await page.getByTestId('kiosk-done').waitFor({ timeout: 60000 });
    const title = page.getByRole('dialog', { name: /^Done — / });
    assert.equal((await title.getByRole('heading', { level: 2 }).innerText()).trim(), 'Done — 2 photos, 1 image and 1 video saved. You can take your card.');
    const done = await onScreen(page, 'kiosk-done');
    assert.deepEqual([done.top, done.left, done.right, done.bottom], [0, 0, done.w, done.h], 'the done screen covers the whole screen');
    const heading = await page.evaluate(() => document.getElementById('kiosk-done-title').getBoundingClientRect().toJSON());
    assert.ok(heading.top >= 0 && heading.bottom <= done.h, `the done line is in sight, not scrolled off: ${JSON.stringify(heading)}`);
    const first = await secondsLeft(page);
    assert.ok(first > 45 && first <= 60, `the countdown to the reset shows from the start: ${first} s`);
    await page.waitForFunction((n) => {
      const m = document.querySelector('[data-testid="kiosk-reset-in"]')?.textContent.match(/(\d+) s$/);
      return m && Number(m[1]) <= n - 2;
    }, first, { timeout: 10000 });
    assert.deepEqual(await illegibleText(page, 'kiosk-done'), [], 'every text on the done screen at 4.5:1 or more');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the done screen');
    await page.screenshot({ path: screenshotPath('screenshot-kiosk-done.png') });
    // A touch restarts the time to the reset (the visit's last upload, as the server reports
    // it, may restart it once too: the figure is compared after the touch only).
    const before = await secondsLeft(page);
    await page.getByTestId('kiosk-reset-in').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="kiosk-reset-in"]').textContent.match(/(\d+) s$/)[1]) > n, before, { timeout: 3000 });
    const media = await server.media();
    assert.equal(media.length, 4, 'the four files are in the drop');
    await page.getByTestId('kiosk-finish').click();
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 20000 });
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
