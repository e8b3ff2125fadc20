// A Takeout archive chosen through showOpenFilePicker is kept by its handle: a reload in the
// middle of its backup shows "Continue your backup" naming the archive, and Continue reads it
// again from the handle (no choosing again), in real Chromium against the real server. The
// handle is a real FileSystemFileHandle from the Origin Private File System (a native dialog
// cannot be clicked headless): the page's showOpenFilePicker answers it, and it goes through
// IndexedDB's structured clone like a picked one. Every item arrives once, with its sidecar's
// date and place, and the big photo continues from the server's offset. Where the browser has
// no such picker (Firefox, Safari: the functions removed here), the input is used as before and
// the continue screen asks for the archive again by its name, which its entries' records keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, waitForStatus, backUpUnlessStarted } from '../lib/browser.mjs';
import { jpeg } from '../lib/fixtures.mjs';
import { zip } from '../lib/zip.mjs';
import { googleSidecar } from '../lib/takeout.mjs';
import { slowPatches, waitForReceived, received, statusDetail } from '../lib/app.mjs';

const ROOT = 'Takeout/Google Photos/Photos from 2019';
const ARCHIVE = 'takeout-20250101T000000Z-001.zip';
const BIG = 8_000_000;
const LYON = [45.764043, 4.835659];
const PARIS = [48.856613, 2.352222];
const ROME = [41.902782, 12.496366];

/** Writes `buf` as the OPFS file `name`, a megabyte of base64 per call. */
async function writeOpfsFile(page, name, buf) {
  await page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory();
    const w = await (await root.getFileHandle(n, { create: true })).createWritable();
    await w.truncate(0);
    await w.close();
  }, name);
  for (let at = 0; at < buf.length; at += 1 << 20) {
    const b64 = buf.subarray(at, at + (1 << 20)).toString('base64');
    await page.evaluate(async ([n, at, b64]) => {
      const root = await navigator.storage.getDirectory();
      const w = await (await root.getFileHandle(n)).createWritable({ keepExistingData: true });
      await w.write({ type: 'write', position: at, data: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) });
      await w.close();
    }, [name, at, b64]);
  }
}

/** The archive (a big stored photo, two small ones, their sidecars) and what the library must hold. */
function exportArchive(tag) {
  const big = jpeg(`${tag} big`, BIG);
  const archive = zip([
    { name: `${ROOT}/IMG_BIG.jpg`, data: big },
    { name: `${ROOT}/IMG_BIG.jpg.supplemental-metadata.json`, data: googleSidecar('IMG_BIG.jpg', 1560000000, LYON) },
    { name: `${ROOT}/IMG_A.jpg`, data: jpeg(`${tag} a`) },
    { name: `${ROOT}/IMG_A.jpg.json`, data: googleSidecar('IMG_A.jpg', 1561000000, PARIS), deflate: true },
    { name: `${ROOT}/IMG_B.jpg`, data: jpeg(`${tag} b`), deflate: true },
    { name: `${ROOT}/IMG_B.jpg.supplemental-metadata.json`, data: googleSidecar('IMG_B.jpg', 1562000000, ROME) },
  ]);
  return { big, archive };
}

const EXPECTED = {
  'IMG_BIG.jpg': ['2019-06-08T13:20:00Z', LYON],
  'IMG_A.jpg': ['2019-06-20T03:06:40Z', PARIS],
  'IMG_B.jpg': ['2019-07-01T16:53:20Z', ROME],
};

/** Backs up what was chosen until the big photo is part sent, then reloads to "Continue your backup". */
async function backUpPartAndReload(page, server) {
  await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
  assert.match((await page.getByTestId('takeout-summary').textContent()).trim(), /^Google Photos export: 3 photos, 0 videos, 0 albums; 3 dates and 3 places from Google/);
  await page.getByTestId('backup-button').click();
  await waitForReceived(server, 3_000_000);
  await page.reload();
  await waitForStatus(page, /^Continue your backup$/, 15000);
  const before = await received(server);
  assert.ok(before < BIG, `received ${before} before the reload: the big photo was not cut off`);
  return before;
}

/** Every item once, with its sidecar's date and place; the big photo continued, not sent again. */
async function assertLibrary(server, before, big) {
  const after = (await received(server)) - before;
  assert.ok(after < BIG, `after the reload the server received ${after} bytes: the big photo started again`);
  const items = await server.media();
  assert.deepEqual(items.map((m) => m.filename).sort(), Object.keys(EXPECTED).sort(), 'each item once');
  for (const m of items) {
    const [date, [lat, lon]] = EXPECTED[m.filename];
    assert.equal(m.capturedAt, date, `${m.filename}: its sidecar's date`);
    assert.ok(Math.abs(m.lat - lat) < 1e-6 && Math.abs(m.lon - lon) < 1e-6, `${m.filename}: its sidecar's place, got ${m.lat}, ${m.lon}`);
  }
  assert.ok((await server.bytesOf(items.find((m) => m.filename === 'IMG_BIG.jpg').sha256)).equals(big), 'stored bytes differ');
}

test('an archive chosen through showOpenFilePicker continues after a reload from its kept handle', async () => {
  const { big, archive } = exportArchive('handles');
  const server = await startServer({ args: ['--chunk-size', '1MiB'] });
  const b = await launch();
  try {
    const page = b.page;
    // The picker answers the OPFS file; each call of a page is counted, so Continue is seen not
    // to ask.
    await b.context.addInitScript((n) => {
      window.__picks = 0;
      window.showOpenFilePicker = async () => {
        window.__picks++;
        return [await (await navigator.storage.getDirectory()).getFileHandle(n)];
      };
    }, ARCHIVE);
    await slowPatches(page, 300);
    page.on('dialog', (d) => d.accept()); // the leave-page prompt: yes, leave
    await page.goto(server.appUrl());
    await writeOpfsFile(page, ARCHIVE, archive);

    await page.getByTestId('choose-files').click();
    const before = await backUpPartAndReload(page, server);
    assert.deepEqual(await page.getByTestId('remembered-names').locator('li').allTextContents(), [ARCHIVE], 'the archive is what was kept');
    await page.screenshot({ path: screenshotPath('screenshot-continue-archive.png') });
    await page.getByTestId('continue-button').click();
    await waitForStatus(page, /^Backup complete$/, 120000);
    assert.equal(await page.evaluate(() => window.__picks), 0, 'Continue read the kept handle, it did not ask again (counted since the reload)');
    await assertLibrary(server, before, big);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('without showOpenFilePicker the input is used and the continue screen asks for the archive by name', async () => {
  const { big, archive } = exportArchive('no handles');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-handles-'));
  const file = path.join(dir, ARCHIVE);
  fs.writeFileSync(file, archive);
  const server = await startServer({ args: ['--chunk-size', '1MiB'] });
  const b = await launch();
  try {
    const page = b.page;
    // As in Firefox and Safari: neither picker exists.
    await b.context.addInitScript(() => {
      window.showOpenFilePicker = undefined;
      window.showDirectoryPicker = undefined;
    });
    await slowPatches(page, 300);
    page.on('dialog', (d) => d.accept());
    await page.goto(server.appUrl());
    assert.equal(await page.getByTestId('choose-files').count(), 0, 'no picker button: the input is "Choose files"');
    await page.getByTestId('files-input').setInputFiles([file]);
    const before = await backUpPartAndReload(page, server);
    assert.equal(await page.getByTestId('continue-button').count(), 0, 'nothing kept, nothing to continue with');
    assert.ok((await statusDetail(page)).endsWith(`Archives to choose again: ${ARCHIVE}`), await statusDetail(page));
    await page.getByTestId('files-input').setInputFiles([file]);
    await backUpUnlessStarted(page, 120000);
    await assertLibrary(server, before, big);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
