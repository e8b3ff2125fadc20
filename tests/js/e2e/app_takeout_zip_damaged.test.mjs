// Entries of a chosen Takeout archive whose bytes are not what the archive's directory says,
// end to end in real Chromium against the real server: a zip bomb (an entry declared as a small
// photo that inflates to megabytes more) and a deflated entry whose CRC-32 differs from its
// bytes are refused by the worker's inflater and left out of the plan; a stored entry whose
// CRC-32 differs (sent as a slice of the archive, never inflated) fails in its hash pass with
// the reason on its row; the good entries beside them, stored and deflated, are backed up with
// their original bytes and nothing of the damaged ones reaches the server. (Which fault each
// is: core's inflate tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { jpeg, sha256 } from '../lib/fixtures.mjs';
import { zip, crc32 } from '../lib/zip.mjs';


test('a zip bomb and an entry with a wrong CRC-32 are refused; the rest is backed up', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-damaged-'));
  const good = jpeg('damaged good', 300_000);
  const stored = jpeg('damaged stored', 50_000);
  const small = jpeg('damaged bomb', 20_000);
  const bomb = Buffer.concat([small, Buffer.alloc(8 * 1024 * 1024)]);
  const liar = jpeg('damaged crc', 200_000);
  const storedLiar = jpeg('damaged stored crc', 2_500_000);
  const g = 'Takeout/Google Photos/Photos from 2021';
  const archive = path.join(dir, 'takeout-20250101T000000Z-001.zip');
  fs.writeFileSync(archive, zip([
    { name: `${g}/good.jpg`, data: good, deflate: true },
    { name: `${g}/stored.jpg`, data: stored },
    // Declared as the small photo alone (its CRC too): the zeros after it are the bomb.
    { name: `${g}/bomb.jpg`, data: bomb, deflate: true, size: small.length, crc: crc32(small) },
    { name: `${g}/wrong_crc.jpg`, data: liar, deflate: true, crc: (crc32(liar) ^ 1) >>> 0 },
    { name: `${g}/stored_wrong_crc.jpg`, data: storedLiar, crc: (crc32(storedLiar) ^ 1) >>> 0 },
  ]));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await page.getByTestId('files-input').setInputFiles([archive]);
    // Each damaged deflated entry is refused when it is first inflated (to inspect it): the two
    // good ones and the stored one, whose head looks right, are in the plan.
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
    await page.getByTestId('backup-button').click();
    // The three damaged entries are failed files with their reason: the backup still completes.
    await waitForStatus(page, /^Backup complete$/, 60000);
    assert.match(await page.getByTestId('status-card').textContent(), /3 failed/);
    const row = page.getByTestId('file-row').filter({ hasText: 'stored_wrong_crc.jpg' });
    assert.match(await row.getByTestId('file-state').textContent(), /do not match the archive's checksum/);
    const media = async () => (await (await fetch(`${server.base}/api/v1/media?limit=100`, { headers: { Authorization: `Bearer ${server.token}` } })).json()).items;
    let items = [];
    for (const end = Date.now() + 60000; Date.now() < end && items.length < 2; await new Promise((r) => setTimeout(r, 200))) items = await media();
    // Longer than the upload of the good ones took: a damaged entry sent late would show.
    await new Promise((r) => setTimeout(r, 3000));
    items = await media();
    assert.deepEqual(items.map((m) => m.filename).sort(), ['good.jpg', 'stored.jpg'], 'nothing of the damaged entries is stored');
    assert.equal(items.find((m) => m.filename === 'good.jpg').sha256, sha256(good));
    assert.equal(items.find((m) => m.filename === 'stored.jpg').sha256, sha256(stored));
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
