// A Google Takeout export chosen as its .zip archives ("Choose files"), end to end in real
// Chromium against the real server: the export of app_takeout split over two archives, one
// stored and one deflated (with a multi-MiB video entry, inflated in a worker), with sidecars
// and their photos in different archives; read in place (never unpacked), the plan shows the
// summary, the part numbers and the missing part, and the lines for a .tgz export, an encrypted
// entry and a name climbing out; afterwards every item has Google's date, place and albums,
// checked through the API, and the entries' bytes are the originals, compared by SHA-256.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { sha256 } from '../lib/fixtures.mjs';
import { takeoutExport, FILE_TIME } from '../lib/takeout.mjs';
import { zip } from '../lib/zip.mjs';

test('a Takeout export as two archives, stored and deflated: the same library as from the folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-zip-'));
  // The Live Photo's clip (in the deflated part) weighs several MiB: it is inflated in a worker
  // a piece at a time, and its bytes must still be the original's.
  const { files, expected, summary, count } = takeoutExport({ clipSize: 6 * 1024 * 1024 + 12345 });
  const names = Object.keys(files);
  // Alternate files between the parts: many a sidecar lands in the other archive than its photo.
  const part = (k) => names.filter((_, i) => i % 2 === k).map((name) => ({ name, data: files[name], deflate: k === 1 }));
  const clip = part(1).find((e) => e.name.endsWith('IMG_0004.MP4'));
  assert.ok(clip && clip.data.length > 6 * 1024 * 1024, 'the multi-MiB clip is a deflated entry');
  const one = path.join(dir, 'takeout-20250101T000000Z-001.zip');
  const three = path.join(dir, 'takeout-20250101T000000Z-003.zip');
  fs.writeFileSync(one, zip([...part(0), { name: 'Takeout/Google Photos/secret.jpg', data: files[names[4]], encrypted: true }]));
  fs.writeFileSync(three, zip([...part(1), { name: '../escape.jpg', data: Buffer.from('x') }]));
  const tgz = path.join(dir, 'takeout-20250101T000000Z-001.tgz');
  fs.writeFileSync(tgz, zlib.gzipSync(Buffer.alloc(4096)));
  const when = new Date(FILE_TIME);
  for (const f of [one, three, tgz]) fs.utimesSync(f, when, when);
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await page.getByTestId('files-input').setInputFiles([one, three, tgz]);
    await waitForStatus(page, new RegExp(`^Ready to back up ${count} photos and videos$`));
    assert.equal((await page.getByTestId('takeout-summary').textContent()).trim(), summary);
    assert.equal((await page.getByTestId('takeout-parts').textContent()).trim(), 'Archive parts 1, 3. Part 2 is missing.');
    const notes = await page.getByTestId('takeout-notes').locator('li').allTextContents();
    const has = (p, words) => notes.some((n) => n.includes(p) && n.includes(words));
    assert.ok(has('takeout-20250101T000000Z-001.tgz', 'unpack it first'), notes.join('\n'));
    assert.ok(has('takeout-20250101T000000Z-001.zip/Takeout/Google Photos/secret.jpg', 'Encrypted: not imported'), notes.join('\n'));
    assert.ok(has('takeout-20250101T000000Z-003.zip/../escape.jpg', 'outside the archive'), notes.join('\n'));
    assert.equal(await page.getByTestId('skipped-list').count(), 0, 'no archive, sidecar or export file is a skipped file');
    await backUpAndWait(page);
    const r = await fetch(`${server.base}/api/v1/media?limit=1000&parts=1`, { headers: { Authorization: `Bearer ${server.token}` } });
    const items = (await r.json()).items;
    const want = (name) => expected[name];
    for (const [name, w] of Object.entries(expected)) {
      const recs = items.filter((m) => m.filename === name);
      assert.ok(recs.length > 0, `${name} is in the library`);
      for (const m of recs) {
        // An archive entry's file date is the archive's (set by the test to FILE_TIME).
        assert.equal(m.capturedAt, w.capturedAt, `${name}'s date`);
        assert.deepEqual([m.favorited === true, m.archived === true], [w.favorited, w.archived], `${name}'s marks`);
        if (w.lat === null) assert.ok(m.lat == null, `${name} has no place`);
        else assert.ok(Math.abs(m.lat - w.lat) < 1e-6 && Math.abs(m.lon - w.lon) < 1e-6, `${name}'s place`);
      }
      assert.deepEqual(recs.map((m) => m.album).filter((a) => a !== null).sort(), want(name).albums, `${name}'s albums`);
    }
    for (const m of items) {
      const original = names.find((n) => n.endsWith('/' + m.filename));
      assert.equal(m.sha256, sha256(files[original]), `${m.filename}: the entry's own bytes`);
      assert.ok(!['secret.jpg', 'escape.jpg'].includes(m.filename));
    }
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
