// Chunk checksums with Shoebox's own server in real Chromium: it offers crc32c first, so every
// PATCH carries `Upload-Checksum: crc32c <4 bytes big-endian, base64>` computed by the worker;
// a chunk whose checksum does not match what arrived is refused with 460, discarded, and sent
// again. The sha1-only third-party server's test is in app_third_party.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { statusDetail } from '../lib/app.mjs';
import { writeTree, jpeg, sha256 } from '../lib/fixtures.mjs';

test('our own server gets crc32c chunk checksums; a corrupted one is refused with 460 and the chunk sent again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-crc-'));
  // With 1 MB chunks the 9.5 MB photo takes several PATCHes; the small ones go whole in their
  // creation request (creation-with-upload: no chunk checksum, the SHA-256 at completion).
  const files = writeTree(path.join(dir, 'Trip'), { 'IMG_1.jpg': jpeg('crc-1', 9_500_000), 'IMG_2.jpg': jpeg('crc-2'), 'Day 2/IMG_3.jpg': jpeg('crc-3', 400_000) });
  const server = await startServer({ args: ['--chunk-size', '1MB'] });
  const b = await launch();
  try {
    const page = b.page;
    const sent = []; // every PATCH as the page sent it: offset, checksum, whether it was altered
    const answers = []; // PATCH answers: offset, status
    let corrupted = null;
    await page.route('**/files/**', async (route) => {
      const req = route.request();
      if (req.method() !== 'PATCH') return route.continue();
      const headers = await req.allHeaders();
      const offset = Number(headers['upload-offset']);
      const checksum = headers['upload-checksum'] || '';
      // The first mid-file chunk travels with one bit of its checksum flipped, as if the bytes
      // had been damaged on the way: the server must refuse it.
      if (corrupted === null && offset > 0 && checksum.startsWith('crc32c ')) {
        const digest = Buffer.from(checksum.slice(7), 'base64');
        digest[3] ^= 1;
        corrupted = { offset, url: req.url() };
        sent.push({ offset, checksum, altered: true });
        return route.continue({ headers: { ...headers, 'upload-checksum': 'crc32c ' + digest.toString('base64') } });
      }
      sent.push({ offset, checksum, altered: false });
      return route.continue();
    });
    page.on('response', (r) => {
      if (r.request().method() === 'PATCH' && r.url().includes('/files/')) answers.push({ url: r.url(), offset: Number(r.request().headers()['upload-offset']), status: r.status() });
    });
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Trip')]);
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
    await backUpAndWait(page, /^Backup complete$/, 120000);
    assert.equal(await statusDetail(page), '3 uploaded');

    assert.ok(sent.length >= 4, `PATCHes: ${sent.length}`);
    assert.ok(sent.every((p) => /^crc32c [A-Za-z0-9+/]{6}==$/.test(p.checksum)), `every chunk carries a crc32c: ${sent.map((p) => p.checksum).join(', ')}`);
    assert.ok(corrupted, 'a mid-file chunk was sent with a wrong checksum');
    // Refused with 460, then the same chunk at the same offset accepted.
    const atCorrupted = answers.filter((a) => a.url === corrupted.url && a.offset === corrupted.offset).map((a) => a.status);
    assert.deepEqual(atCorrupted, [460, 204], `answers at the corrupted chunk's offset: ${JSON.stringify(answers)}`);
    const statuses = Object.entries(await server.metrics()).filter(([k]) => k.startsWith('shoebox_http_requests_total') && k.includes('method="PATCH"'));
    assert.equal(statuses.filter(([k]) => k.includes('status="460"')).reduce((a, [, v]) => a + v, 0), 1, 'only the altered chunk was refused');
    // Every chunk the server accepted carried a correct crc32c: the stored bytes are the files'.
    for (const f of files) assert.equal(sha256(await server.bytesOf(f.sha256)), f.sha256, `stored bytes of ${f.rel}`);
    assert.equal((await server.media()).length, 3, 'each file listed once');
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
