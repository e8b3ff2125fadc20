// While backing up, the file list puts the current files first (in progress, then failed,
// then the rest to come, then the done), each with a small thumbnail where the browser decodes
// the file; a finished backup's files fold into one line when the next one starts; "Backup
// complete" says only the counts that are not zero and leads to the library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus } from '../lib/browser.mjs';
import { jpeg, writeTree } from '../lib/fixtures.mjs';
import { video, statusDetail } from '../lib/app.mjs';
import { seriousViolations } from '../lib/library.mjs';

/** What each row of the list reads, in the order shown (rows are placed by their `top`). */
const shown = (page) => page.getByTestId('file-row').evaluateAll((rows) => rows
  .map((r) => ({ top: parseFloat(r.style.top), path: r.querySelector('[data-testid="file-path"]').textContent, state: r.querySelector('[data-testid="file-state"]').textContent }))
  .sort((a, b) => a.top - b.top));
const group = (state) => (/^(uploading|hashing|checking|preparing|retrying|inspecting|looking)/.test(state) ? 0
  : /^failed/.test(state) ? 1 : /^(waiting|ready|paused)/.test(state) ? 2 : 3);

test('current files first with thumbnails; no zero counters; earlier backups fold into one line', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-backing-up-'));
  const files = {};
  for (let i = 0; i < 6; i++) files[`IMG_${i}.jpg`] = jpeg(`backing-up-${i}`, 400_000);
  files['IMG_bad.jpg'] = jpeg('backing-up-bad', 20_000);
  files['clip.mp4'] = video('isom', 'backing-up');
  writeTree(path.join(dir, 'Card'), files);
  writeTree(path.join(dir, 'Second'), { 'IMG_later.jpg': jpeg('backing-up-later', 30_000) });
  const server = await startServer({ args: ['--chunk-size', '256KiB'] });
  const b = await launch();
  try {
    const page = b.page;
    const bad = Buffer.from('IMG_bad.jpg').toString('base64');
    await page.route('**/files/**', async (route) => {
      const r = route.request();
      if (r.method() === 'POST' && (r.headers()['upload-metadata'] || '').includes(bad)) {
        return route.fulfill({ status: 400, headers: { 'Tus-Resumable': '1.0.0' }, body: 'refused for the test' });
      }
      if (r.method() === 'PATCH') await new Promise((res) => setTimeout(res, 400));
      try { await route.continue(); } catch { /* aborted */ }
    });
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$/);
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Card')]);
    await waitForStatus(page, /^Ready to back up 8 photos and videos$/, 60000);
    await page.getByTestId('backup-button').click();

    // Mid-backup, with the refused file failed and another one under way: the order holds.
    let seen = null;
    const end = Date.now() + 60000;
    while (Date.now() < end) {
      const rows = await shown(page);
      if (rows.some((r) => group(r.state) === 0) && rows.some((r) => group(r.state) === 1)) { seen = rows; break; }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(seen, 'a moment with a file in progress and a failed one');
    const groups = seen.map((r) => group(r.state));
    assert.equal(groups[0], 0, `the first row is the file being sent: ${JSON.stringify(seen)}`);
    assert.deepEqual(groups, [...groups].sort((a, b) => a - b), `in progress, failed, to come, done: ${JSON.stringify(seen)}`);
    assert.equal(seen.find((r) => group(r.state) === 1).path, 'Card/IMG_bad.jpg');

    await waitForStatus(page, /^Backup complete$/, 120000);
    assert.equal(await statusDetail(page), '7 uploaded, 1 failed', 'no zero counters');
    const done = await shown(page);
    assert.equal(done[0].path, 'Card/IMG_bad.jpg', 'the failed file leads the finished list');

    // Thumbnails: decoded by the browser for the photos, none for the video.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="file-thumb"]')].filter((i) => i.complete && i.naturalWidth > 0).length >= 7, null, { timeout: 10000 });
    const thumbs = await page.getByTestId('file-row').evaluateAll((rows) => Object.fromEntries(rows.map((r) =>
      [r.querySelector('[data-testid="file-path"]').textContent, r.querySelector('[data-testid="file-thumb"]')?.naturalWidth || 0])));
    assert.equal(thumbs['Card/clip.mp4'], 0, 'no picture for a file the browser does not decode as an image');
    assert.ok(thumbs['Card/IMG_0.jpg'] > 0, JSON.stringify(thumbs));
    assert.deepEqual(await seriousViolations(page), []);

    // The next backup folds the finished one into one line, which opens on request.
    await page.unroute('**/files/**');
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Second')]);
    await waitForStatus(page, /^Ready to back up 1 photo or video$/, 60000);
    await page.getByTestId('backup-button').click();
    await waitForStatus(page, /^Backup complete$/, 60000);
    assert.equal(await statusDetail(page), '1 uploaded');
    const earlier = page.getByRole('button', { name: /^Earlier backups on this page: 8 files$/ });
    await earlier.waitFor({ timeout: 10000 });
    assert.equal(await earlier.getAttribute('aria-expanded'), 'false');
    assert.deepEqual((await shown(page)).map((r) => r.path), ['Second/IMG_later.jpg']);
    await earlier.click();
    assert.equal(await earlier.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="file-row"]').length === 9);
    assert.equal((await shown(page))[0].path, 'Card/IMG_bad.jpg', 'opened, the earlier failed file leads again');
    await earlier.click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="file-row"]').length === 1);
    assert.deepEqual(await seriousViolations(page), []);
    // "Backup complete" leads to the library, where the photos are.
    await page.getByRole('link', { name: 'See them in your library' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/library'), null, { timeout: 5000 });
    // The one refusal is the test's own.
    assert.deepEqual(b.errors.filter((e) => !/status of 400/.test(e)), []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
