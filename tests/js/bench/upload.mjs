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
import { launchRaw } from './cdp.mjs';
import { jpeg } from '../lib/fixtures.mjs';
import { rendererMemory } from './memory.mjs';
import { snapshot, diff } from './cpu.mjs';

const quick = process.argv.includes('--quick');
// Every way runs in a Chromium driven without DevTools' Network domain (cdp.mjs says why).
// Profiling aids: BENCH_SETS=small,big and BENCH_WAYS=ours,tus,raw pick rows; BENCH_TRACE=1
// keeps every tus request's path and start/end times (epoch ms) from the page's resource
// timing. The way "ours-nochecksum" (never in the default set) is the app with "checksum"
// taken out of the server's OPTIONS answer; "blob64" and "bytes64" (upload-bench.js) send
// 64 MiB PATCHes of Blob slices or of bytes read first.
const TRACE = process.env.BENCH_TRACE === '1';
// BENCH_CPU=1 keeps the CPU seconds of every Chromium thread kind and of the server per measurement.
const CPU = process.env.BENCH_CPU === '1';
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

// What the page's resource timing says about one measurement (times as epoch ms): the window
// from the first tus request to the last answer, and the thumbnails PUT after their originals.
const TIMING = `(() => {
  const o = performance.timeOrigin, all = performance.getEntriesByType('resource');
  const tus = all.filter((e) => new URL(e.name).pathname.startsWith('/files'));
  const thumbs = all.filter((e) => /^\\/api\\/v1\\/media\\/[0-9a-f]{64}\\/thumb$/.test(new URL(e.name).pathname));
  return JSON.stringify({
    first: tus.length ? o + Math.min(...tus.map((e) => e.startTime)) : null,
    last: tus.length ? o + Math.max(...tus.map((e) => e.responseEnd)) : null,
    thumbs: thumbs.length, lastThumb: thumbs.length ? o + Math.max(...thumbs.map((e) => e.responseEnd)) : null,
    trace: ${TRACE} ? all.filter((e) => /^\\/(files|api)/.test(new URL(e.name).pathname)).map((e) => [new URL(e.name).pathname.slice(0, 30), Math.round(o + e.startTime), Math.round(o + e.responseEnd)]) : undefined,
  });
})()`;

/** Requests the server answered, by method (from its metrics), e.g. {POST: 1, PATCH: 35}. */
async function answered(server) {
  const out = {};
  for (const [k, v] of Object.entries(await server.metrics())) {
    const m = k.match(/^shoebox_http_requests_total\{method="(\w+)"/);
    if (m && m[1] !== 'GET') out[m[1]] = (out[m[1]] || 0) + v;
  }
  return out;
}

const minus = (a, b) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] || 0)]).filter(([, v]) => v > 0));

async function measure(way, set) {
  const server = await startServer();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-chromium-'));
  const appPage = way.startsWith('ours');
  const url = appPage ? server.appUrl() : `${server.base}/upload-bench.html?token=${encodeURIComponent(server.token)}`;
  const b = await launchRaw(userDataDir, url);
  const mem = rendererMemory(userDataDir);
  try {
    let r, cpu0, cpu1;
    if (way === 'ours-nochecksum') {
      // In the page: the app with "checksum" taken out of the server's OPTIONS answer, so no
      // chunk is digested or verified (what the chunk checksums cost).
      await b.send('Page.enable');
      await b.send('Page.addScriptToEvaluateOnNewDocument', { source: `(() => {
        const all = XMLHttpRequest.prototype.getAllResponseHeaders;
        XMLHttpRequest.prototype.getAllResponseHeaders = function () {
          return all.call(this).replace(/^(tus-extension:.*)$/im, (line) => line.replace(/,\\s*checksum\\b|\\bchecksum\\s*,?/i, ''));
        };
      })()` });
      await b.goto(url);
    }
    if (appPage) await b.waitForStatus(/^Ready$/, 60000);
    else for (let i = 0; i < 100 && !(await b.evaluate('Boolean(window.uploadBench)')); i++) await new Promise((res) => setTimeout(res, 100));
    await b.evaluate('performance.setResourceTimingBufferSize(1000000), performance.clearResourceTimings()');
    const before = await answered(server);
    if (appPage) {
      cpu0 = CPU && snapshot(userDataDir, server.child.pid);
      const t0 = Date.now();
      await b.dropPaths('[data-testid="drop-zone"]', [set.root]);
      await b.waitForStatus(/^Ready to back up/, 300000);
      const planned = Date.now();
      await b.click('[data-testid="backup-button"]');
      await b.waitForStatus(/^Backup complete$/, 1800000, 50);
      const t1 = Date.now();
      cpu1 = CPU && snapshot(userDataDir, server.child.pid); // to "Backup complete", as the clock
      // Thumbnails made from originals may still be on their way: wait until none is sent for 3 s.
      let quiet = Date.now();
      for (let seen = -1; Date.now() - quiet < 3000; await new Promise((res) => setTimeout(res, 200))) {
        const n = JSON.parse(await b.evaluate(TIMING)).thumbs;
        if (n !== seen) { seen = n; quiet = Date.now(); }
      }
      r = { ms: t1 - t0, planMs: planned - t0, afterClickMs: t1 - planned, t0, planned, t1 };
    } else {
      await b.setInputFiles('#files', set.files);
      cpu0 = CPU && snapshot(userDataDir, server.child.pid);
      r = await b.evaluate(`window.uploadBench.run(${JSON.stringify(way)})`, true);
    }
    const cpu = CPU ? { cpu: diff(cpu0, cpu1 || snapshot(userDataDir, server.child.pid)) } : {};
    if (CPU) console.error(way, JSON.stringify(cpu.cpu));
    const t = JSON.parse(await b.evaluate(TIMING));
    if (appPage) Object.assign(r, { thumbs: t.thumbs, thumbsMs: Math.max(r.t1, t.lastThumb ?? r.t1) - r.t0 });
    const stored = (await server.media()).length;
    if (stored !== set.files.length) throw new Error(`${way}: the server holds ${stored} of ${set.files.length} files`);
    const requests = minus(await answered(server), before);
    return { ...r, uploadMs: t.last - t.first, requests, peakRss: mem.stop().peak, ...(TRACE ? { trace: t.trace } : {}), ...cpu };
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
