// The viewer by keyboard only: Tab to a thumbnail, Enter opens it, the arrow keys step through
// the timeline (the grid scrolling behind), and Escape gives the focus back to the thumbnail of
// the item last shown (not the one first opened), scrolled into view, so Enter opens it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { chromiumJpeg, withExif } from '../lib/exif.mjs';
import { writeTree } from '../lib/fixtures.mjs';
import { backUpAndOpenLibrary } from '../lib/library.mjs';

/** The focused element: its thumbnail's name (if it is one), and whether it lies inside the grid's visible box. */
async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const thumb = a && a.closest('[data-testid="thumb"]');
    const grid = document.querySelector('[data-testid="library-grid"]');
    if (!thumb || !grid) return { name: null, tag: a ? a.tagName : null, inView: false };
    const r = a.getBoundingClientRect();
    const g = grid.getBoundingClientRect();
    return { name: thumb.dataset.name, tag: a.tagName, inView: r.top >= g.top - 1 && r.bottom <= g.bottom + 1 && r.height > 0 };
  });
}

const viewerName = async (page) => (await page.getByTestId('viewer-name').textContent()).trim();

test('Escape gives the focus back to the thumbnail of the item last shown, scrolled into view', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-library-keys-'));
  const server = await startServer();
  // A narrow window: a few days fill the grid, so stepping through them scrolls it.
  const b = await launch({ viewport: { width: 640, height: 720 } });
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    const files = {};
    for (let d = 1; d <= 16; d++) {
      const dd = String(d).padStart(2, '0');
      files[`IMG_01${dd}.jpg`] = withExif(await chromiumJpeg(page, 160, 120, d), { dateTimeOriginal: `2024:01:${dd} 12:00:00`, lat: 1, lon: 1 });
    }
    writeTree(path.join(dir, 'January'), files);
    await backUpAndOpenLibrary(page, [path.join(dir, 'January')], 16);

    // Tab to the first thumbnail, Enter opens it.
    for (let i = 0; i < 60 && (await focused(page)).name === null; i++) await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.equal(first.name, 'IMG_0116.jpg', 'the newest day first');
    await page.keyboard.press('Enter');
    await page.getByTestId('viewer').waitFor();
    assert.equal(await viewerName(page), 'IMG_0116.jpg');

    // Eight steps to older days: the grid scrolls behind the viewer.
    for (let i = 1; i <= 8; i++) {
      await page.keyboard.press('ArrowRight');
      const want = `IMG_01${String(16 - i).padStart(2, '0')}.jpg`;
      await page.waitForFunction((w) => document.querySelector('[data-testid="viewer-name"]')?.textContent.trim() === w, want);
    }
    assert.equal(await viewerName(page), 'IMG_0108.jpg');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-name"]')?.textContent.trim() === 'IMG_0109.jpg');

    await page.keyboard.press('Escape');
    await page.getByTestId('viewer').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement && document.activeElement.closest('[data-testid="thumb"]'), null, { timeout: 5000 })
      .catch(() => {});
    const back = await focused(page);
    assert.deepEqual(back, { name: 'IMG_0109.jpg', tag: 'BUTTON', inView: true }, 'the last shown item\'s thumbnail, in view');
    assert.ok(await page.getByTestId('library-grid').evaluate((g) => g.scrollTop > 0), 'the grid scrolled down to it');

    // The focus is really there: Enter opens that item again.
    await page.keyboard.press('Enter');
    await page.getByTestId('viewer').waitFor();
    assert.equal(await viewerName(page), 'IMG_0109.jpg');
    await page.keyboard.press('Escape');
    await page.getByTestId('viewer').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="thumb"]')?.dataset.name === 'IMG_0109.jpg', null, { timeout: 5000 });
    assert.deepEqual(b.errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
