// The two builds of the photo/hash worker (index.html links both): the hash worker, which links
// no photo codecs and is all a page starts after its first paint, and the codec worker, several
// times its size, which the pool starts only for the first Prepare (High quality, strip location).
// Checked on the shipped files: the hash worker answers Prepare with its own fault; a backup that
// prepares nothing never creates a codec worker; the first photo to prepare does, and goes to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, waitForPlanChecked, backUpAndWait } from '../lib/browser.mjs';
import { jpeg, sha256 } from '../lib/fixtures.mjs';
import { withExif, readExif } from '../lib/exif.mjs';

// Runs in the page before its own scripts: keeps the text of every worker script the page makes
// (the pool starts each worker from a small blob that importScripts its build).
function watchWorkerScripts() {
  window.__workerScripts = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    const url = create.call(URL, obj);
    if (obj instanceof Blob && obj.type === 'text/javascript') obj.text().then((t) => window.__workerScripts.push(t));
    return url;
  };
}
const builds = (page) => page.evaluate(() => window.__workerScripts.map((s) => (/'hashworker\.js'/.test(s) ? 'hash' : /'worker\.js'/.test(s) ? 'codec' : s)));

test('the hash worker build answers Prepare with noCodecs; the codec worker build prepares', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    await b.page.goto(server.appUrl());
    await waitForStatus(b.page, /^Ready$/);
    const replies = await b.page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const prepare = JSON.stringify({ job: 'prepare', maxPixels: 10000, quality: 90, stripLocation: false });
      const hash = JSON.stringify({ job: 'hash' });
      const ask = (name) => new Promise((resolve, reject) => {
        const at = (f) => JSON.stringify(new URL(f, location.href).href);
        const src = `importScripts(${at(name + '.js')}); wasm_bindgen(${at(name + '_bg.wasm')});`;
        const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'application/javascript' })));
        const got = {};
        w.onerror = (e) => reject(new Error(`${name}: ${e.message}`));
        w.onmessage = (ev) => {
          const [id, json] = ev.data;
          if (id === 0) {
            w.postMessage([1, prepare, new Blob([bytes], { type: 'image/jpeg' })]);
            w.postMessage([2, hash, new Blob([bytes])]);
            return;
          }
          got[id === 1 ? 'prepare' : 'hash'] = JSON.parse(json);
          if (Object.keys(got).length === 2) { w.terminate(); resolve(got); }
        };
      });
      return { hash: await ask('hashworker'), codec: await ask('worker') };
    }, jpeg('worker kinds').toString('base64'));
    const want = sha256(jpeg('worker kinds'));
    assert.deepEqual(replies.hash.prepare, { failed: 'noCodecs' });
    assert.deepEqual(replies.hash.hash, { hashed: want });
    assert.ok(replies.codec.prepare.prepared?.size > 0, JSON.stringify(replies.codec.prepare));
    assert.deepEqual(replies.codec.hash, { hashed: want });
  } finally {
    await b.close();
    await server.stop();
  }
});

test('a backup that prepares nothing never starts a codec worker; the first photo to prepare starts one and is prepared', async () => {
  const server = await startServer();
  const b = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-worker-kinds-'));
  try {
    const page = b.page;
    await page.addInitScript(watchWorkerScripts);
    const plain = path.join(dir, 'plain');
    fs.mkdirSync(plain);
    fs.writeFileSync(path.join(plain, 'IMG_0001.jpg'), jpeg('kinds plain', 40_000));
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$/);
    await dropPaths(page, '[data-testid="drop-zone"]', [plain]);
    await waitForStatus(page, /^Ready to back up 1 photo/, 60000);
    await waitForPlanChecked(page);
    await backUpAndWait(page);
    const before = await builds(page);
    assert.ok(before.length > 0 && before.every((k) => k === 'hash'), `workers made: ${before.join(', ')}`);

    // Strip location: a Prepare for every photo with GPS.
    const placed = path.join(dir, 'placed');
    fs.mkdirSync(placed);
    const original = withExif(jpeg('kinds placed'), { dateTimeOriginal: '2024:05:06 07:08:09', lat: 48.8584, lon: 2.2945 });
    fs.writeFileSync(path.join(placed, 'IMG_0002.jpg'), original);
    await page.goto(server.appUrl('&stripLocation=true'));
    await waitForStatus(page, /^Ready$/);
    await dropPaths(page, '[data-testid="drop-zone"]', [placed]);
    await waitForStatus(page, /^Ready to back up 1 photo/, 60000);
    await waitForPlanChecked(page);
    const made = await builds(page);
    assert.ok(made.length > 0 && made.every((k) => k === 'hash'), `only hash workers before the backup: ${made.join(', ')}`);
    await backUpAndWait(page);
    const after = await builds(page);
    assert.ok(after.includes('codec'), `workers made: ${after.join(', ')}`);

    const item = (await server.media()).find((m) => m.sourceSha256 === sha256(original));
    assert.ok(item, 'the photo was stored prepared (location stripped), not as the original');
    const exif = readExif(await server.bytesOf(item.sha256));
    assert.equal(exif?.dateTimeOriginal, '2024:05:06 07:08:09');
    assert.ok(exif.lat === undefined || exif.lat === null, `GPS kept: ${exif.lat}`);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
