// The app end to end against another tus server: tuswsgi from PyPI, which offers
// only sha1 for the checksum extension, reached cross-origin through a CORS proxy. Every chunk
// must carry a sha1 that matches (the app once sent a SHA-256 digest labelled sha1: 460 on
// every PATCH, and every file failed), and the stored bytes must be identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { statusDetail } from '../lib/app.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';
import { startSha1TusServer } from '../lib/third_party_tus.mjs';

test('a sha1-only third-party tus server gets sha1 chunk checksums and identical bytes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-sha1-'));
  // 9.5 MB is two chunks at the default 8 MiB (no config from a third-party server).
  const files = writeTree(path.join(dir, 'Trip'), { 'IMG_1.jpg': jpeg('sha1-1', 9_500_000), 'IMG_2.jpg': jpeg('sha1-2'), 'Day 2/IMG_3.jpg': jpeg('sha1-3', 400_000) });
  const app = await startServer();
  const tus = await startSha1TusServer({ corsOrigin: app.base });
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(app.appUrl(`&endpoint=${encodeURIComponent(tus.endpoint)}`));
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Trip')]);
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
    await backUpAndWait(page, /^Backup complete$/, 120000);
    assert.equal(await statusDetail(page), '3 uploaded');
    const patches = tus.requests().filter((r) => r.method === 'PATCH');
    assert.ok(patches.length >= 4, `PATCHes: ${patches.length}`);
    assert.ok(patches.every((r) => /^sha1 [A-Za-z0-9+/]{27}=$/.test(r.uploadChecksum || '')), `every chunk carries a sha1: ${patches.map((r) => r.uploadChecksum).join(', ')}`);
    assert.equal(tus.patchCount().status460, 0, 'no checksum was refused');
    const stored = new Map(tus.uploads().map((u) => [u.metadata.relativePath, u.sha256]));
    for (const f of files) assert.equal(stored.get('Trip/' + f.rel), f.sha256, `stored bytes of ${f.rel}`);
    assert.equal(await app.patchCount(), 0, 'nothing went to our own server');
    // A plain tus server keeps no library: the view says so, and no thumbnail was sent anywhere.
    assert.equal(tus.requests().filter((r) => r.method === 'PUT').length, 0);
    await page.getByTestId('nav-library').click();
    await page.getByTestId('library-unavailable').waitFor();
  } finally {
    await b.close();
    await tus.stop();
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
