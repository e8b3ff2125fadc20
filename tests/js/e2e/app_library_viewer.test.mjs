// The viewer as a photo product's: the photo full-bleed (the whole window, no side panel until
// asked), arrows at the window's edges, one row of icons (download, details, trash) each with
// its name for screen readers, `i` showing and hiding the details, and after a delete the next
// photo in its place (really in the Trash on the server). The same on a 390 px touch phone,
// where the icons stay on one row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { chromiumJpeg, withExif } from '../lib/exif.mjs';
import { writeTree } from '../lib/fixtures.mjs';
import { backUpAndOpenLibrary, seriousViolations, waitForGrid } from '../lib/library.mjs';

const name = async (page) => (await page.getByTestId('viewer-name').textContent()).trim();
const box = (page, id) => page.getByTestId(id).boundingBox();

async function photos(page, dir) {
  const at = (h) => ({ dateTimeOriginal: `2024:08:10 ${h}:00:00`, lat: 1, lon: 1 });
  writeTree(path.join(dir, 'Trip'), {
    'IMG_1.jpg': withExif(await chromiumJpeg(page, 640, 480, 1), at(10)),
    'IMG_2.jpg': withExif(await chromiumJpeg(page, 640, 480, 2), at(11)),
    'IMG_3.jpg': withExif(await chromiumJpeg(page, 640, 480, 3), at(12)),
  });
}

test('the viewer: full-bleed, arrows at the edges, named icons, i for details, the next photo after a delete', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-viewer-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await photos(page, dir);
    await backUpAndOpenLibrary(page, [path.join(dir, 'Trip')], 3);
    await waitForGrid(page, 3);
    // Newest first: IMG_3, IMG_2, IMG_1. Open the middle one.
    await page.locator('[data-testid="thumb"][data-name="IMG_2.jpg"] [data-testid="thumb-open"]').click();
    await page.getByTestId('viewer-image').waitFor();
    const { width: w, height: h } = page.viewportSize();
    const stage = await page.locator('.viewer-stage').boundingBox();
    assert.deepEqual([stage.x, stage.width], [0, w], 'the photo has the whole width: no side panel until asked');
    assert.equal(await page.getByTestId('viewer-details').count(), 0);
    const prev = await box(page, 'viewer-prev');
    const next = await box(page, 'viewer-next');
    assert.ok(prev.x <= 8 && next.x + next.width >= w - 8, `arrows at the edges: ${JSON.stringify([prev, next])}`);
    assert.ok(Math.abs(prev.y + prev.height / 2 - h / 2) < h / 6, 'half-way down');
    // The icon bar: each icon named, one row.
    const bar = page.locator('.viewer-bar');
    for (const n of ['Close', 'Zoom', 'Details', 'Move to Trash']) assert.equal(await bar.getByRole('button', { name: n, exact: true }).count(), 1, n);
    assert.equal(await bar.getByRole('link', { name: 'Download original' }).count(), 1);
    for (const id of ['viewer-close', 'download', 'viewer-info', 'viewer-trash']) {
      assert.equal((await page.getByTestId(id).innerText()).trim(), '', `${id} is an icon, its words its name`);
    }
    assert.deepEqual(await seriousViolations(page), [], 'axe in the viewer');
    await page.screenshot({ path: screenshotPath('screenshot-library-viewer.png') });

    // `i` shows the details and hides them again.
    await page.keyboard.press('i');
    await page.getByTestId('viewer-details').waitFor();
    assert.equal(await page.getByTestId('viewer-info').getAttribute('aria-pressed'), 'true');
    assert.equal((await page.getByTestId('detail-folder').textContent()).trim(), 'Trip');
    await page.keyboard.press('i');
    await page.getByTestId('viewer-details').waitFor({ state: 'detached' });
    await page.getByTestId('viewer-info').click();
    await page.getByTestId('viewer-details').waitFor();
    await page.getByTestId('viewer-info').click();
    await page.getByTestId('viewer-details').waitFor({ state: 'detached' });

    // The arrows step.
    await page.getByTestId('viewer-next').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-name"]')?.textContent.trim() === 'IMG_1.jpg');
    assert.ok(await page.getByTestId('viewer-next').isDisabled(), 'the oldest: no next');
    await page.getByTestId('viewer-prev').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-name"]')?.textContent.trim() === 'IMG_2.jpg');

    // Delete: the next photo shows, the viewer stays; the server has it in the Trash.
    await page.getByTestId('viewer-trash').click();
    await page.getByTestId('confirm-yes').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-name"]')?.textContent.trim() === 'IMG_1.jpg');
    await page.getByTestId('viewer-image').waitFor();
    assert.equal((await page.getByTestId('viewer-position').textContent()).trim(), '2 of 2');
    const trashed = await (await server.api('/api/v1/media?order=taken&trash=true')).json();
    assert.deepEqual(trashed.items.map((i) => i.filename), ['IMG_2.jpg']);
    // The last one deleted: the one before it shows.
    await page.getByTestId('viewer-trash').click();
    await page.getByTestId('confirm-yes').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-name"]')?.textContent.trim() === 'IMG_3.jpg');
    assert.equal((await page.getByTestId('viewer-position').textContent()).trim(), '1 of 1');
    await page.keyboard.press('Escape');
    await page.getByTestId('viewer').waitFor({ state: 'detached' });
    await waitForGrid(page, 1);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('on a 390 px touch phone the viewer is full-bleed and its icons stay on one row', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-viewer-phone-'));
  const server = await startServer();
  const b = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await photos(page, dir);
    await page.locator('input[type="file"][accept="image/*,video/*"]').first().setInputFiles(['IMG_1.jpg', 'IMG_2.jpg', 'IMG_3.jpg'].map((f) => path.join(dir, 'Trip', f)));
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/, 30000);
    await page.getByTestId('backup-button').click();
    await waitForStatus(page, /^Backup complete$/);
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 3);
    await page.locator('[data-testid="thumb"][data-name="IMG_2.jpg"] [data-testid="thumb-open"]').click();
    await page.getByTestId('viewer-image').waitFor();
    const tops = await Promise.all(['viewer-close', 'viewer-zoom', 'download', 'viewer-info', 'viewer-trash'].map(async (id) => (await box(page, id)).y));
    assert.ok(Math.max(...tops) - Math.min(...tops) < 4, `one row: ${tops}`);
    for (const id of ['viewer-close', 'download', 'viewer-info', 'viewer-trash', 'viewer-prev', 'viewer-next']) {
      const r = await box(page, id);
      assert.ok(r.width >= 44 && r.height >= 44, `${id} is a 44 px touch target: ${JSON.stringify(r)}`);
      assert.ok(r.x >= 0 && r.x + r.width <= 390, `${id} on screen`);
    }
    const stage = await page.locator('.viewer-stage').boundingBox();
    assert.deepEqual([stage.x, stage.width], [0, 390], 'full-bleed');
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
