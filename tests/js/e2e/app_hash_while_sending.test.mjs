// Large files hashed while they upload, in real Chromium against Shoebox's server: the file is
// probed (its size and first and last MiB), the upload starts before the whole file is hashed
// (no sha256 at creation), the last PATCH declares the SHA-256 (Shoebox-Sha256), and the
// server stores exactly the file. A second browser's probe matches, so it hashes the file whole,
// finds it backed up and sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { bigFolder, statusDetail } from '../lib/app.mjs';

/** Every tus and check request the page sends: method, url, headers, JSON body of checks. */
function recordRequests(page) {
  const log = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.includes('/files/') && !url.includes('/api/v1/media/check')) return;
    const entry = { method: r.method(), url, headers: r.headers() };
    if (url.includes('/api/v1/media/check')) entry.body = JSON.parse(r.postData() || '{}');
    log.push(entry);
    r.response().then((res) => { entry.status = res?.status(); }, () => {});
  });
  return log;
}

function metadataKeys(header) {
  return (header || '').split(',').map((p) => p.trim().split(' ')[0]).filter(Boolean);
}

test('a large file uploads before it is hashed, declares its SHA-256 on the last PATCH, and is found again by its probe', async () => {
  // Over 64 MiB: the worker streams the hash (not WebCrypto's one shot) and keeps the CRC-32C of
  // each MiB on the way, from which every 4 MiB chunk's crc32c is joined.
  const big = bigFolder('Stream', 70_000_000);
  const server = await startServer({ args: ['--chunk-size', '4MiB'] });
  let b = await launch();
  try {
    let log = recordRequests(b.page);
    await b.page.goto(server.appUrl());
    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await waitForStatus(b.page, /^Ready to back up 1 photo or video$/);
    await backUpAndWait(b.page, /^Backup complete$/, 180000);
    assert.equal(await statusDetail(b.page), '1 uploaded');

    const checks = log.filter((r) => r.body);
    assert.equal(checks.length, 1, `one check: ${JSON.stringify(checks.map((c) => c.body))}`);
    assert.deepEqual(checks[0].body.sha256, [], 'no digest: the file was not hashed before its upload');
    assert.equal(checks[0].body.probes.length, 1);
    assert.equal(checks[0].body.probes[0].size, big.size);
    const creation = log.find((r) => r.method === 'POST' && r.url.includes('/files/'));
    assert.ok(creation, 'created');
    assert.ok(!metadataKeys(creation.headers['upload-metadata']).includes('sha256'), `no sha256 at creation: ${creation.headers['upload-metadata']}`);
    const patches = log.filter((r) => r.method === 'PATCH');
    assert.ok(patches.length >= 3, `PATCHes: ${patches.length}`);
    assert.deepEqual(patches.filter((p) => p.status !== 204).map((p) => p.status), [], 'every chunk\'s checksum was right the first time');
    const declaring = patches.filter((p) => p.headers['shoebox-sha256']);
    assert.ok(declaring.length >= 1, 'the last PATCH declares the hash');
    assert.ok(declaring.every((p) => p.headers['shoebox-sha256'] === big.sha256), 'the declared hash is the file\'s');
    const last = Math.max(...patches.map((p) => Number(p.headers['upload-offset'])));
    assert.ok(declaring.every((p) => Number(p.headers['upload-offset']) === last), 'only the last PATCH declares it');
    const media = await server.media();
    assert.equal(media.length, 1);
    assert.equal(media[0].sha256, big.sha256);
    assert.ok((await server.bytesOf(big.sha256)).equals(fs.readFileSync(big.file)), 'stored bytes differ');

    // Another browser (nothing stored locally): the probe matches, the whole hash decides.
    await b.close();
    b = await launch();
    log = recordRequests(b.page);
    await b.page.goto(server.appUrl());
    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await waitForStatus(b.page, /^Ready to back up 1 photo or video$/);
    await backUpAndWait(b.page, /^Backup complete$/, 180000);
    assert.equal(await statusDetail(b.page), '1 already backed up');
    const again = log.filter((r) => r.body).map((r) => r.body);
    assert.equal(again.length, 2, JSON.stringify(again));
    assert.equal(again[0].probes.length, 1);
    assert.deepEqual(again[1].sha256, [big.sha256]);
    assert.deepEqual(log.filter((r) => r.url.includes('/files/') && r.method !== 'OPTIONS').map((r) => r.method), [], 'nothing uploaded');
  } finally {
    await b.close();
    await server.stop();
  }
});

test('a large file damaged on the way while its hash runs beside is refused at the end (422), hashed whole and sent again with chunk checksums', async () => {
  // While the whole-file hash runs beside the upload, chunks go without Upload-Checksum: the
  // SHA-256 declared on the last PATCH is the check. The first chunk (sent as the hash starts)
  // has a byte flipped on the way; the server must refuse the completed upload, and the app
  // must send the file again.
  const big = bigFolder('StreamDamaged', 70_000_000);
  const server = await startServer({ args: ['--chunk-size', '4MiB'] });
  const b = await launch();
  try {
    const log = recordRequests(b.page);
    let damaged = null;
    await b.page.route('**/files/**', async (route) => {
      const req = route.request();
      const h = await req.allHeaders();
      if (damaged || req.method() !== 'PATCH' || h['upload-checksum']) return route.continue();
      const body = Buffer.from(req.postDataBuffer());
      body[body.length >> 1] ^= 0x40;
      damaged = { offset: Number(h['upload-offset']), url: req.url() };
      return route.continue({ postData: body });
    });
    await b.page.goto(server.appUrl());
    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await waitForStatus(b.page, /^Ready to back up 1 photo or video$/);
    await backUpAndWait(b.page, /^Backup complete$/, 240000);
    assert.equal(await statusDetail(b.page), '1 uploaded');
    assert.ok(damaged, 'a chunk without a checksum was damaged on the way');

    const patches = log.filter((r) => r.method === 'PATCH');
    const first = patches.filter((p) => p.url === damaged.url);
    assert.equal(damaged.offset, 0, 'the first chunk went while the hash ran, without a checksum');
    assert.deepEqual(first.filter((p) => p.status !== 204).map((p) => [p.status, Boolean(p.headers['shoebox-sha256'])]), [[422, true]], 'only its last PATCH was refused, on the declared SHA-256');
    const creations = log.filter((r) => r.method === 'POST' && r.url.includes('/files/'));
    assert.equal(creations.length, 2, 'created again');
    assert.ok(metadataKeys(creations[1].headers['upload-metadata']).includes('sha256'), 'the second upload declares sha256 at creation');
    const second = patches.filter((p) => p.url !== damaged.url);
    assert.ok(second.length >= 2 && second.every((p) => /^crc32c /.test(p.headers['upload-checksum'] || '')), `the second upload's chunks carry crc32c: ${second.map((p) => p.headers['upload-checksum']).join(', ')}`);
    const media = await server.media();
    assert.equal(media.length, 1);
    assert.equal(media[0].sha256, big.sha256);
    assert.ok((await server.bytesOf(big.sha256)).equals(fs.readFileSync(big.file)), 'stored bytes are the file\'s');
  } finally {
    await b.close();
    await server.stop();
  }
});
