// A Takeout archive in the ZIP64 form (every size and offset in ZIP64 fields, the directory found
// through the ZIP64 end record, as Google writes archives over 4 GiB) whose names are partly in
// the DOS code page (no UTF-8 flag, as older zip tools write them), chosen in real Chromium and
// backed up to the real server: the accented album and file names come out right, sidecars
// named in either encoding pair with their photos, and the stored bytes are the entries' own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { jpeg, sha256 } from '../lib/fixtures.mjs';
import { zip } from '../lib/zip.mjs';
import { googleSidecar } from '../lib/takeout.mjs';

const sidecar = googleSidecar;

test('a ZIP64 Takeout archive with DOS code page names: right names, dates, places and album', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-zip64-'));
  const album = 'Takeout/Google Photos/Été à Nîmes';
  const year = 'Takeout/Google Photos/Photos from 2021';
  const cafe = jpeg('zip64 café');
  const facade = jpeg('zip64 façade', 3 * 1024 * 1024);
  const entries = [
    { name: `${album}/metadata.json`, data: Buffer.from(JSON.stringify({ title: 'Été à Nîmes' })), cp437: true },
    { name: `${album}/Café crème.jpg`, data: cafe, cp437: true },
    { name: `${album}/Café crème.jpg.json`, data: sidecar('Café crème.jpg', 1625140800, [43.836699, 4.360054]), cp437: true, deflate: true },
    // A multi-MiB deflated photo, and a sidecar named in UTF-8 beside a photo named in CP437.
    { name: `${year}/Façade.jpg`, data: facade, cp437: true, deflate: true },
    { name: `${year}/Façade.jpg.supplemental-metadata.json`, data: sidecar('Façade.jpg', 1630000000, [48.856613, 2.352222]) },
  ];
  const archive = path.join(dir, 'takeout-20250101T000000Z-001.zip');
  fs.writeFileSync(archive, zip(entries, { zip64: true }));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await page.getByTestId('files-input').setInputFiles([archive]);
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    const summary = (await page.getByTestId('takeout-summary').textContent()).trim();
    assert.match(summary, /^Google Photos export: 2 photos, 0 videos, 1 album; 2 dates and 2 places from Google/);
    assert.equal(await page.getByTestId('takeout-notes').count(), 0, 'every sidecar found its photo');
    await backUpAndWait(page);
    const r = await fetch(`${server.base}/api/v1/media?limit=100`, { headers: { Authorization: `Bearer ${server.token}` } });
    const items = (await r.json()).items;
    const one = (name) => {
      const found = items.filter((m) => m.filename === name);
      assert.equal(found.length, 1, `${name} is in the library once: ${items.map((m) => m.filename).join(', ')}`);
      return found[0];
    };
    const c = one('Café crème.jpg');
    assert.equal(c.capturedAt, '2021-07-01T12:00:00Z');
    assert.ok(Math.abs(c.lat - 43.836699) < 1e-6 && Math.abs(c.lon - 4.360054) < 1e-6, 'its place');
    assert.equal(c.album, 'Été à Nîmes');
    assert.equal(c.sha256, sha256(cafe), 'the stored entry is sent as it is in the archive');
    const f = one('Façade.jpg');
    assert.equal(f.capturedAt, '2021-08-26T17:46:40Z');
    assert.ok(Math.abs(f.lat - 48.856613) < 1e-6, 'its place');
    assert.equal(f.album, null, 'a year folder is not an album');
    assert.equal(f.sha256, sha256(facade), 'the deflated entry inflates to the original');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
