// Upload benchmark: a folder of 1,000 small photos and one large video to shoebox-server on
// loopback, three ways, interleaved per round, each on a fresh server (so nothing is deduplicated
// against an earlier run) and a fresh browser:
//   ours  the real app: drop the folder on the page, "Back up", wait for "Backup complete"
//   tus   tus-js-client, same chunk size and files in flight (upload-bench.js)
//   raw   a creation POST and the whole file in one PATCH, same server and disk
// Usage: SHOEBOX_APP_DIR=<dist + upload-bench files> SHOEBOX_SERVER_BIN=<release server>
//        node tests/js/bench/upload.mjs <out.json> [--quick]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus } from '../lib/browser.mjs';
import { jpeg } from '../lib/fixtures.mjs';
import { rendererMemory } from './memory.mjs';

const quick = process.argv.includes('--quick');
// Profiling aids: BENCH_SETS=small,big and BENCH_WAYS=ours,tus,raw pick rows; BENCH_TRACE=1
// keeps every request's method, path and start/end times (ms) in the output. The way
// "ours-nochecksum" (never in the default set) is the app with "checksum" taken out of the
// server's OPTIONS answer, so no chunk is digested or verified: what the chunk checksums cost.
const TRACE = process.env.BENCH_TRACE === '1';
const pick = (env, all) => (process.env[env] ? process.env[env].split(',') : all);
const outFile = process.argv.slice(2).find((a) => !a.startsWith('--'));
const rounds = quick ? 1 : 3;
// Not "shoebox-bench": the native bench_upload example empties that folder of the temp dir.
const CACHE = path.join(os.tmpdir(), 'shoebox-bench-cache');

/** 1,000 distinct ~100 KB JPEGs in 10 albums, written once (a marker says the set is whole). */
function smallPhotos(n = 1000, size = 100_000) {
  const root = path.join(CACHE, `upload-${n}-photos`, 'Photos');
  const marker = path.join(root, '..', 'complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
    for (let i = 0; i < n; i++) {
      const dir = path.join(root, `Album ${String(i % 10).padStart(2, '0')}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`), jpeg(`upload bench ${i}`, size));
    }
    fs.writeFileSync(marker, String(n));
  }
  const files = fs.readdirSync(root).sort().flatMap((d) => fs.readdirSync(path.join(root, d)).sort().map((f) => path.join(root, d, f)));
  return { root, files, bytes: files.reduce((a, f) => a + fs.statSync(f).size, 0) };
}

/** One MP4 of `mib` MiB: an ftyp box, then an mdat box of random bytes; written once. */
function bigVideo(mib) {
  const root = path.join(CACHE, `upload-${mib}mib`, 'Videos');
  const file = path.join(root, 'clip.mp4');
  const size = mib * 1024 * 1024;
  if (!fs.existsSync(file) || fs.statSync(file).size !== size) {
    fs.mkdirSync(root, { recursive: true });
    const fd = fs.openSync(file + '.part', 'w');
    const head = Buffer.alloc(28);
    head.writeUInt32BE(20, 0); head.write('ftyp', 4); head.write('isom', 8); head.writeUInt32BE(0x200, 12); head.write('isom', 16);
    head.writeUInt32BE(size - 20, 20); head.write('mdat', 24);
    fs.writeSync(fd, head);
    const chunk = Buffer.alloc(8 << 20);
    for (let left = size - head.length; left > 0; left -= chunk.length) fs.writeSync(fd, crypto.randomFillSync(chunk), 0, Math.min(left, chunk.length));
    fs.closeSync(fd);
    fs.renameSync(file + '.part', file);
  }
  return { root, files: [file], bytes: size };
}

/** Counts the tus requests (by method) and the window from the first creation to the last answer. */
function watchRequests(page) {
  const w = { byMethod: {}, first: null, last: null, other: 0, thumbs: 0, lastThumb: null, trace: [] };
  const started = new Map();
  page.on('request', (r) => {
    started.set(r, Date.now());
    if (!new URL(r.url()).pathname.startsWith('/files')) { if (new URL(r.url()).pathname.startsWith('/api/')) w.other++; return; }
    w.byMethod[r.method()] = (w.byMethod[r.method()] || 0) + 1;
    // The app asks OPTIONS (capabilities) when it starts; the upload begins with a POST.
    if (r.method() !== 'OPTIONS') w.first ??= Date.now();
  });
  const done = (r) => {
    const p = new URL(r.url()).pathname;
    if (TRACE) w.trace.push([r.method(), p.split('/').slice(0, 4).join('/'), started.get(r), Date.now()]);
    if (p.startsWith('/files')) w.last = Date.now();
    // A thumbnail or preview the app made, sent after its original: the goal counts it too.
    if (r.method() === 'PUT' && /^\/api\/v1\/media\/[0-9a-f]{64}\/\w+$/.test(p)) { w.thumbs++; w.lastThumb = Date.now(); }
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return w;
}

async function measure(way, set) {
  const server = await startServer();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-chromium-'));
  const b = await launch({ userDataDir });
  const mem = rendererMemory(userDataDir);
  try {
    const w = watchRequests(b.page);
    let r;
    if (way.startsWith('ours')) {
      if (way === 'ours-nochecksum') {
        // In the page, not with page.route: a route puts every request through the DevTools
        // protocol, request bodies included, which made the PATCHes five times slower.
        await b.page.addInitScript(() => {
          const all = XMLHttpRequest.prototype.getAllResponseHeaders;
          XMLHttpRequest.prototype.getAllResponseHeaders = function () {
            return all.call(this).replace(/^(tus-extension:.*)$/im, (line) => line.replace(/,\s*checksum\b|\bchecksum\s*,?/i, ''));
          };
        });
      }
      await b.page.goto(server.appUrl());
      await waitForStatus(b.page, /^Ready$/);
      const t0 = Date.now();
      await dropPaths(b.page, '[data-testid="drop-zone"]', [set.root]);
      await waitForStatus(b.page, /^Ready to back up/, 300000);
      const planned = Date.now();
      await b.page.getByTestId('backup-button').click();
      await waitForStatus(b.page, /^Backup complete$/, 1800000, 50);
      const t1 = Date.now();
      // Thumbnails made from originals may still be on their way: wait until none is sent for 3 s.
      let quiet = Date.now();
      for (let seen = -1; Date.now() - quiet < 3000; await new Promise((res) => setTimeout(res, 200))) {
        if (w.thumbs !== seen) { seen = w.thumbs; quiet = Date.now(); }
      }
      const thumbsDone = Math.max(t1, w.lastThumb ?? t1);
      r = { ms: t1 - t0, thumbsMs: thumbsDone - t0, thumbs: w.thumbs, planMs: planned - t0, afterClickMs: t1 - planned, t0, planned };
    } else {
      await b.page.goto(`${server.base}/upload-bench.html?token=${encodeURIComponent(server.token)}`);
      await b.page.setInputFiles('#files', set.files);
      r = await b.page.evaluate((way) => window.uploadBench.run(way), way);
    }
    const stored = (await server.media()).length;
    if (stored !== set.files.length) throw new Error(`${way}: the server holds ${stored} of ${set.files.length} files`);
    const trace = TRACE ? { trace: w.trace } : {};
    return { ...r, uploadMs: w.last - w.first, requests: w.byMethod, apiRequests: w.other, peakRss: mem.stop().peak, ...trace };
  } finally {
    mem.stop();
    await b.close();
    await server.stop();
  }
}

const sets = {};
for (const name of pick('BENCH_SETS', ['small', 'big'])) sets[name] = name === 'small' ? smallPhotos() : bigVideo(quick ? 512 : 2048);
const results = { rounds, quick, sets: {} };
for (const [name, set] of Object.entries(sets)) {
  const row = { files: set.files.length, bytes: set.bytes, methods: Object.fromEntries(pick('BENCH_WAYS', ['ours', 'tus', 'raw']).map((w) => [w, []])) };
  for (let i = 0; i < rounds; i++) {
    for (const way of Object.keys(row.methods)) {
      const r = await measure(way, set);
      row.methods[way].push(r);
      console.error(`upload ${name} ${way}: ${(r.ms / 1000).toFixed(2)} s (${(set.bytes / 1e6 / (r.ms / 1000)).toFixed(0)} MB/s), upload window ${(r.uploadMs / 1000).toFixed(2)} s, ${JSON.stringify(r.requests)}`);
    }
  }
  results.sets[name] = row;
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
