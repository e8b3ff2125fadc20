// The app end to end: several batches in one page (each with its own plan, Back up
// and figures, the server receiving only that batch's bytes), a batch added while one runs
// (joins it, no second press), and a retry countdown that moves on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, statusHeadline, backUpAndWait } from '../lib/browser.mjs';
import { slowPatches, statusDetail, received } from '../lib/app.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();
const visible = (page, id) => page.getByTestId(id).isVisible();

function cards(dir) {
  return {
    one: writeTree(path.join(dir, 'Card 1'), { 'DCIM/IMG_0001.jpg': jpeg('b1-1', 300_000), 'DCIM/IMG_0002.jpg': jpeg('b1-2', 200_000), 'DCIM/IMG_0003.jpg': jpeg('b1-3') }),
    two: writeTree(path.join(dir, 'Card 2'), { 'IMG_0101.jpg': jpeg('b2-1', 150_000), 'Sub/IMG_0102.jpg': jpeg('b2-2', 50_000) }),
    three: writeTree(path.join(dir, 'Card 3'), { 'IMG_0201.jpg': jpeg('b3-1', 120_000) }),
  };
}
const bytesOf = (files) => files.reduce((a, f) => a + f.size, 0);

test('batch after batch in one page: each gets its own plan, Back up and figures; one line keeps the page total', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-batches-'));
  const c = cards(dir);
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Card 1')]);
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
    assert.match(await text(page, 'plan-size'), /^3 files to back up, /);
    await backUpAndWait(page);
    assert.equal(await received(server), bytesOf(c.one));
    assert.match(await text(page, 'overall-text'), /3 of 3 files/);

    // The next memory card, through the folder input ("Add more folders").
    await page.getByTestId('folder-input').setInputFiles(path.join(dir, 'Card 2'));
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    assert.ok(await visible(page, 'backup-button'), 'the new batch has its own Back up button');
    assert.equal(await page.getByTestId('pause-button').count(), 0, 'no Pause before the press');
    assert.equal(await page.getByTestId('overall-progress').count(), 0, 'the first batch\'s figures are gone');
    const folders = await page.getByTestId('plan-view').getByTestId('folder-name').allTextContents();
    assert.deepEqual(folders, ['Card 2', 'Sub'], 'the plan lists this batch\'s folders only');
    assert.equal(await received(server), bytesOf(c.one), 'nothing sent before the press');
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '2 uploaded');
    assert.equal(await received(server) - bytesOf(c.one), bytesOf(c.two), 'the server received only the second batch\'s bytes');
    assert.match(await text(page, 'overall-text'), /^[\d.]+ KB of [\d.]+ KB · 2 of 2 files/);
    assert.match(await text(page, 'page-total'), /^On this page: 2 backups, 5 files — 5 uploaded/);

    // The same card again: a third batch, already backed up, nothing sent.
    const before = await received(server);
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Card 2')]);
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '2 already backed up');
    assert.equal(await received(server), before);
    assert.match(await text(page, 'page-total'), /^On this page: 3 backups, 7 files — 5 uploaded \([^)]+\), 2 already backed up$/);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder added while a backup runs joins it with no second press, and the card counts both', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-batches-'));
  const c = cards(dir);
  const server = await startServer({ args: ['--chunk-size', '100KB'] });
  const b = await launch();
  try {
    const page = b.page;
    await slowPatches(page, 300);
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Card 1')]);
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
    await backUpAndWait(page, /^Backing up \d of 3$/, 30000);
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Card 3')]);
    await waitForStatus(page, /^Backing up \d of 4$/, 30000);
    assert.equal(await page.getByTestId('backup-button').count(), 0, 'no second Back up press');
    await waitForStatus(page, /^Backup complete$/, 120000);
    assert.equal(await statusDetail(page), '4 uploaded');
    const stored = new Set((await server.media()).map((m) => m.sha256));
    assert.deepEqual([...c.one, ...c.three].map((f) => stored.has(f.sha256)), [true, true, true, true]);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a retry countdown moves on screen, from the engine\'s clock', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-countdown-'));
  writeTree(path.join(dir, 'Phone'), { 'IMG_1.jpg': jpeg('countdown-1', 2_000_000) });
  const server = await startServer({ args: ['--chunk-size', '1MiB'] });
  const b = await launch();
  try {
    const page = b.page;
    let refused = 0;
    await page.route('**/files/**', async (route) => {
      if (route.request().method() === 'PATCH' && refused === 0) {
        refused++;
        return route.fulfill({ status: 503, headers: { 'Tus-Resumable': '1.0.0', 'Retry-After': '6' }, body: 'busy' });
      }
      try { await route.continue(); } catch { /* aborted */ }
    });
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Phone')]);
    await waitForStatus(page, /^Ready to back up 1 photo or video$/);
    await page.getByTestId('backup-button').click();
    const row = page.getByTestId('file-row').getByTestId('file-state');
    await page.waitForFunction(() => /retrying in \d+ s/.test(document.querySelector('[data-testid="file-row"] [data-testid="file-state"]')?.textContent || ''), null, { timeout: 30000 });
    const seen = new Set();
    const end = Date.now() + 8000;
    while (Date.now() < end) {
      const t = (await row.textContent()).trim();
      if (/retrying in \d+ s/.test(t)) seen.add(t);
      else if (seen.size) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    assert.ok(seen.size >= 3, `the countdown changed on screen: ${[...seen].join(' | ')}`);
    await waitForStatus(page, /^Backup complete$/, 60000);
    assert.equal(await statusHeadline(page), 'Backup complete');
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
