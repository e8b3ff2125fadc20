// The app on a 390 px touch phone: the first action is "Choose photos" (photos and videos,
// several at once) with "Take a photo" beside it, never a folder picker the phone's browser
// cannot offer; the library shows 3 or 4 columns reaching nearly edge to edge, and every
// target a finger uses is at least 44 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';
import { waitForGrid, seriousViolations } from '../lib/library.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('a phone chooses photos, not folders, and its library is a dense grid of finger-sized targets', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-phone-app-'));
  const names = Array.from({ length: 8 }, (_, i) => `PXL_000${i + 1}.jpg`);
  writeTree(dir, Object.fromEntries(names.map((n) => [n, jpeg(n)])));
  const server = await startServer();
  const b = await launch(PHONE);
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$/);
    for (const id of ['folder-input', 'choose-folders']) assert.equal(await page.getByTestId(id).count(), 0, `no ${id} on a phone`);
    const input = page.getByTestId('photos-input');
    assert.equal(await input.getAttribute('accept'), 'image/*,video/*');
    assert.equal(await input.evaluate((i) => i.multiple), true);
    assert.equal(await page.getByTestId('camera-input').getAttribute('capture'), 'environment');
    // The first action on the page is Choose photos, and it looks like the primary one.
    const first = await page.evaluate(() => [...document.querySelectorAll('main .button, main button')].find((e) => e.getBoundingClientRect().height > 0)?.dataset.testid);
    assert.equal(first, 'choose-photos');
    assert.equal((await page.getByTestId('choose-photos').innerText()).trim(), 'Choose photos');
    assert.ok(await page.getByTestId('choose-photos').evaluate((e) => e.classList.contains('primary')));
    const target = await page.getByTestId('choose-photos').boundingBox();
    assert.ok(target.height >= 44, `Choose photos is a 44 px target: ${target.height}`);
    assert.deepEqual(await seriousViolations(page), [], 'axe on the phone\'s first screen');

    await input.setInputFiles(names.map((n) => path.join(dir, n)));
    await waitForStatus(page, /^Ready to back up 8 photos and videos$/, 30000);
    await page.getByTestId('backup-button').click();
    await waitForStatus(page, /^Backup complete$/);
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 8);
    const cells = await page.$$eval('[data-testid="thumb"]', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    const firstRow = cells.filter((r) => Math.abs(r.top - Math.min(...cells.map((c) => c.top))) < 2);
    assert.ok(firstRow.length >= 3 && firstRow.length <= 4, `3 or 4 columns: ${firstRow.length}`);
    const left = Math.min(...firstRow.map((r) => r.left));
    const right = Math.max(...firstRow.map((r) => r.right));
    assert.ok(left <= 12 && right >= 390 - 12 - 4, `nearly edge to edge: ${left}..${right}`);
    // The search and its filters fold behind one button; it opens them with the field focused.
    const toggle = page.getByTestId('search-toggle');
    assert.equal(await page.getByTestId('library-search').isVisible(), false, 'the filters are folded away');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    await page.getByTestId('library-search').waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'library-search');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await toggle.click();
    await page.getByTestId('library-search').waitFor({ state: 'hidden' });
    for (const sel of ['[data-testid="nav-library"]', '.tabs .tab', '[data-testid="thumb-select"]', '[data-testid="search-toggle"]']) {
      const boxes = await page.$$eval(sel, (els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.width, r.height]));
      assert.ok(boxes.length > 0, sel);
      for (const [w, h] of boxes) assert.ok(w >= 44 && h >= 44, `${sel} is at least 44 px: ${w}x${h}`);
    }
    await page.screenshot({ path: screenshotPath('screenshot-phone-library.png') });
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
