// Faults in real Chromium: a backup during which the page goes offline several
// times, a seeded share of tus requests is aborted (page.route) and the server is killed and
// restarted mid-run. Every file must end uploaded, with identical bytes, none listed twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus } from '../lib/browser.mjs';
import { statusDetail, waitForReceived } from '../lib/app.mjs';
import { writeTree, jpeg, sha256 } from '../lib/fixtures.mjs';

test('offline several times, aborted requests and a server restart: every file verified', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-faults-'));
  const files = {};
  for (let i = 0; i < 8; i++) files[`DCIM/IMG_${i}.jpg`] = jpeg(`fault-${i}`, 700_000 + i * 90_000);
  const written = writeTree(path.join(dir, 'Card'), files);
  const total = written.reduce((a, f) => a + f.size, 0);
  const server = await startServer({ args: ['--chunk-size', '256KB'] });
  const b = await launch();
  let aborted = 0;
  try {
    const page = b.page;
    // A seeded 1 in 4 of tus requests is aborted, and every PATCH is slowed so the run lasts.
    let x = 12345;
    await page.route('**/files/**', async (route) => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0; // Math.imul: a plain * loses the low bits past 2^53
      if (route.request().method() === 'PATCH') await new Promise((r) => setTimeout(r, 60));
      try {
        if ((x >>> 16) % 4 === 0) { aborted++; await route.abort('connectionreset'); } else await route.continue();
      } catch { /* the page moved on */ }
    });
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Card')]);
    await waitForStatus(page, /^Ready to back up 8 photos and videos$/);
    await page.getByTestId('backup-button').click();
    for (const at of [0.15, 0.35]) {
      await waitForReceived(server, Math.floor(total * at), 120000).catch(async (e) => {
        throw new Error(`${e.message}; status: ${await page.locator('[data-testid="status-card"]').innerText()}; metrics ${JSON.stringify(await server.metrics())}`);
      });
      await b.context.setOffline(true);
      await waitForStatus(page, /^Waiting for connection$/, 20000);
      await new Promise((r) => setTimeout(r, 1500));
      await b.context.setOffline(false);
    }
    await waitForReceived(server, Math.floor(total * 0.55), 120000);
    await server.restart();
    await waitForStatus(page, /^Backup complete$/, 180000);
    assert.equal(await statusDetail(page), '8 uploaded');
    assert.ok(aborted > 3, `requests were aborted: ${aborted}`);
    const media = await server.media();
    assert.equal(media.length, 8, 'each file listed once');
    for (const f of written) {
      const stored = await server.bytesOf(f.sha256);
      assert.equal(sha256(stored), f.sha256, `stored bytes of ${f.rel}`);
    }
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
