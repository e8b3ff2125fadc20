// Walking skeleton, end to end: a generated folder tree chosen through the folder
// input, and dropped as a real directory, is backed up; every file is verified on the server by
// SHA-256 through its API, and /metrics shows the 50 MB photo took several PATCH requests
// (at least 3: 8 MiB, then chunks that double while PATCHes are quick).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { skeletonTree, sha256 } from '../lib/fixtures.mjs';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-skeleton-'));
const root = path.join(work, 'Holiday 2024');
const tree = skeletonTree(root);
after(() => fs.rmSync(work, { recursive: true, force: true }));

async function backUpAndVerify(choose, screenshot) {
  const server = await startServer();
  const b = await launch();
  try {
    await b.page.goto(server.appUrl());
    await choose(b.page);
    await waitForStatus(b.page, /^Ready to back up 166 photos and videos$/, 60000);
    await backUpAndWait(b.page, /^Backup complete$/, 180000);
    const detail = await b.page.locator('[data-testid="status-detail"]').textContent();
    assert.match(detail, /166 uploaded/);

    const media = await server.media();
    const stored = new Map(media.map((m) => [m.sha256, m]));
    for (const f of tree) {
      const item = stored.get(f.sha256);
      assert.ok(item, `missing on the server: ${f.rel}`);
      assert.equal(item.relativePath, f.rel);
      assert.equal(item.size, f.size);
    }
    assert.equal(media.length, tree.length);
    // Every stored file, read back through the API, must be byte-identical to the original:
    // the declared digests alone would not catch a server that corrupts what it writes.
    for (const f of tree) {
      const bytes = await server.bytesOf(f.sha256);
      assert.equal(bytes.length, f.size, f.rel);
      assert.equal(sha256(bytes), f.sha256, `stored bytes differ: ${f.rel}`);
    }
    // Chunks start at 8 MiB and double while a PATCH is quick, so how many the 50 MB
    // photo takes depends on the machine's speed; its fewest is 3 (8 + 16 + the last 23.7 MiB).
    const patches = await server.patchCount();
    assert.ok(patches >= 3, `the 50 MB photo should take several PATCHes (at least 3), saw ${patches} in all`);
    const m = await server.metrics();
    assert.equal(m['shoebox_uploads_completed_total'], tree.length);
    assert.deepEqual(b.errors.filter((e) => !/favicon/.test(e)), []);
    if (screenshot) await b.page.screenshot({ path: screenshotPath(screenshot), fullPage: true });
  } finally {
    await b.close();
    await server.stop();
  }
}

test('a folder chosen through the folder input is backed up byte for byte', async () => {
  await backUpAndVerify(async (page) => {
    await page.getByTestId('folder-input').setInputFiles(root);
  }, 'skeleton-complete.png');
});

test('a folder dropped as a real directory is walked completely and backed up', async () => {
  await backUpAndVerify(async (page) => {
    await dropPaths(page, '[data-testid="drop-zone"]', [root]);
  });
});
