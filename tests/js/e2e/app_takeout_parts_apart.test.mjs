// A Takeout export whose archives are chosen one at a time, with a reload between, in real
// Chromium against the real server: the first archive holds an album's description, a sidecar
// whose photo is in the second archive, and a photo whose sidecar is in the second archive.
// Backed up alone, the first leaves what is unpaired waiting (IndexedDB); after the reload the
// second pairs with it: the photo gets the first archive's date, place and album, and the
// photo backed up earlier gets its sidecar's date and place through the fill call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { jpeg } from '../lib/fixtures.mjs';
import { zip } from '../lib/zip.mjs';
import { googleSidecar } from '../lib/takeout.mjs';

const ROOT = 'Takeout/Google Photos';
const sidecar = googleSidecar;

test('archives chosen one at a time, a reload between: each item gets its sidecar from the other archive', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-apart-'));
  const first = path.join(dir, 'takeout-20250101T000000Z-001.zip');
  const second = path.join(dir, 'takeout-20250101T000000Z-002.zip');
  fs.writeFileSync(first, zip([
    { name: `${ROOT}/Trip/metadata.json`, data: Buffer.from(JSON.stringify({ title: 'Trip to Lyon' })) },
    { name: `${ROOT}/Trip/IMG_9.jpg.supplemental-metadata.json`, data: sidecar('IMG_9.jpg', 1560000000, [45.764043, 4.835659]), deflate: true },
    { name: `${ROOT}/Photos from 2019/IMG_8.jpg`, data: jpeg('apart eight') },
  ]));
  fs.writeFileSync(second, zip([
    { name: `${ROOT}/Trip/IMG_9.jpg`, data: jpeg('apart nine') },
    { name: `${ROOT}/Photos from 2019/IMG_8.jpg.json`, data: sidecar('IMG_8.jpg', 1570000000, [48.856613, 2.352222]) },
  ]));
  const server = await startServer();
  const b = await launch();
  const media = async () => {
    const r = await fetch(`${server.base}/api/v1/media?limit=100`, { headers: { Authorization: `Bearer ${server.token}` } });
    return (await r.json()).items;
  };
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await page.getByTestId('files-input').setInputFiles([first]);
    await waitForStatus(page, /^Ready to back up 1 photo or video$/);
    const notes = await page.getByTestId('takeout-notes').locator('li').allTextContents();
    assert.ok(notes.some((n) => n.includes('Trip/IMG_9.jpg.supplemental-metadata.json')), notes.join('\n'));
    await backUpAndWait(page);
    let items = await media();
    assert.deepEqual(items.map((m) => m.filename), ['IMG_8.jpg']);
    assert.equal(items[0].lat ?? null, null, 'no place before its sidecar comes');

    await page.reload();
    await page.getByTestId('files-input').setInputFiles([second]);
    await waitForStatus(page, /^Ready to back up 1 photo or video$/);
    const summary = (await page.getByTestId('takeout-summary').textContent()).trim();
    assert.match(summary, /^Google Photos export: 1 photo, 0 videos, 1 album; 1 date and 1 place from Google/);
    assert.equal(await page.getByTestId('takeout-notes').count(), 0, 'both leftovers of the first archive are paired');
    await backUpAndWait(page);
    items = await media();
    const nine = items.filter((m) => m.filename === 'IMG_9.jpg');
    assert.equal(nine.length, 1, JSON.stringify(items));
    assert.equal(nine[0].capturedAt, '2019-06-08T13:20:00Z', "the first archive's sidecar");
    assert.ok(Math.abs(nine[0].lat - 45.764043) < 1e-6, 'its place');
    assert.equal(nine[0].album, 'Trip to Lyon', "the album the first archive described");
    const eight = items.filter((m) => m.filename === 'IMG_8.jpg');
    assert.equal(eight.length, 1);
    assert.equal(eight[0].capturedAt, '2019-10-02T07:06:40Z', 'the date its sidecar brought later');
    assert.ok(Math.abs(eight[0].lat - 48.856613) < 1e-6, 'the place its sidecar brought later');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
