// Runs bench.html in headless Chromium (the project's launch flags, Debian's Chromium): the
// downsizing, pool and hashing rows, and writes their figures as JSON for report.mjs.
// Usage: node run.mjs <page dir (bench files, wasm/, lib/)> <fixtures dir> <out.json> [runs] [--quick]
//   env SHOEBOX_SSIM_BIN: the native SSIM tool (core/examples/ssim.rs); without it no SSIM column.
//   env BENCH_ONLY: a comma list of photo,pool,hash (default: all).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../lib/browser.mjs';
import { rendererMemory } from './memory.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--quick');
const quick = process.argv.includes('--quick');
const [root, fixtures, outFile, runsArg] = args;
const runs = Number(runsArg || (quick ? 2 : 5));
const only = (process.env.BENCH_ONLY || 'photo,pool,hash').split(',');
const outDir = path.join(path.dirname(outFile), 'outputs');
fs.mkdirSync(outDir, { recursive: true });

// Hashing inputs, made once and cached under /tmp (they are large, and the same bytes each run).
// Not "shoebox-bench": the native bench_upload example empties that folder of the temp dir.
const CACHE = path.join(os.tmpdir(), 'shoebox-bench-cache');
function cachedFile(file, size, fill) {
  if (fs.existsSync(file) && fs.statSync(file).size === size) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file + '.part', 'w');
  const chunk = Buffer.alloc(1 << 20);
  for (let off = 0; off < size; off += chunk.length) { fill(chunk, off); fs.writeSync(fd, chunk, 0, Math.min(chunk.length, size - off)); }
  fs.closeSync(fd);
  fs.renameSync(file + '.part', file);
  return file;
}
const randomFill = (chunk) => crypto.randomFillSync(chunk);
function photoSizedFolder(n = 64) {
  const dir = path.join(CACHE, 'hash-photos');
  // 3–9 MB, like camera JPEGs; random bytes (hashing does not care what they are).
  return Array.from({ length: n }, (_, i) => cachedFile(path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`), 3_000_000 + ((i * 937_331) % 6_000_000), randomFill));
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const p = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!p.startsWith(root) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[path.extname(p)] || 'application/octet-stream' });
  fs.createReadStream(p).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/bench.html`;
const results = { runs, quick };

// A fresh browser for each row, so that one row's memory and caches do not weigh on the next;
// the renderer's resident memory is sampled meanwhile, per method (bench.js marks each one).
async function withPage(fn) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-chromium-'));
  const b = await launch({ userDataDir });
  const mem = rendererMemory(userDataDir);
  b.page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
  try {
    await b.page.exposeFunction('benchMark', (label) => mem.mark(label));
    await b.page.goto(url);
    await b.page.waitForFunction(() => window.bench && window.anchors && window.pica && window.imageCompression);
    const r = await fn(b.page);
    const m = mem.stop();
    for (const [name, v] of Object.entries(r.methods || {})) { v.peakRss = m.peaks[name]; v.rssGrowth = m.growth[name]; }
    return r;
  } finally { mem.stop(); await b.close(); }
}

if (only.includes('photo')) {
  results.downsize = {};
  for (const [name, dims] of [['24mp.jpg', [6000, 4000]], ['48mp.jpg', [8000, 6000]]]) {
    const src = path.join(fixtures, name);
    const r = await withPage(async (page) => {
      await page.setInputFiles('#big', src);
      return page.evaluate(([dims, runs]) => window.bench.downsize(document.querySelector('#big').files[0], dims, runs), [dims, runs]);
    });
    const outs = [];
    for (const [m, v] of Object.entries(r.methods)) {
      const file = path.join(outDir, `${path.basename(name, '.jpg')}-${m}.jpg`);
      fs.writeFileSync(file, Buffer.from(v.jpeg, 'base64'));
      delete v.jpeg;
      outs.push([m, file]);
    }
    if (process.env.SHOEBOX_SSIM_BIN) {
      // One line per output: "<file> <ssim|n/a> <why>" (the f64 Lanczos3 reference is made once per size).
      const text = execFileSync(process.env.SHOEBOX_SSIM_BIN, [src, ...outs.map(([, f]) => f)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const lines = text.trim().split('\n');
      outs.forEach(([m], i) => { const v = lines[i].split(' ')[1]; r.methods[m].ssim = v === 'n/a' ? null : Number(v); });
    }
    results.downsize[name] = r;
    console.error(name, JSON.stringify(Object.fromEntries(Object.entries(r.methods).map(([k, v]) => [k, { runs: v.runs.map(Math.round), ssim: v.ssim }]))));
  }
}

if (only.includes('pool')) {
  const folder = path.join(fixtures, 'folder24');
  const files = fs.readdirSync(folder).sort().map((f) => path.join(folder, f));
  results.pool = {};
  // Interleaved rounds: ours 1 worker, canvas 1 worker, ours 2 workers, canvas 2 workers.
  for (let i = 0; i < (quick ? 1 : 2); i++) {
    for (const workers of [1, 2]) for (const kind of ['ours', 'canvas']) {
      const r = await withPage(async (page) => {
        await page.setInputFiles('#photos', files);
        return page.evaluate(([w, k]) => window.bench.pool([...document.querySelector('#photos').files], w, k), [workers, kind]);
      });
      (results.pool[`${kind}_${workers}w`] ||= []).push(r.perMinute);
      console.error(`pool ${kind} ${workers} workers: ${r.perMinute.toFixed(1)} photos/min`);
    }
  }
}

if (only.includes('hash')) {
  const big = cachedFile(path.join(CACHE, '1gib.bin'), 2 ** 30, (c, off) => c.fill((off >> 20) & 255));
  const photos = photoSizedFolder();
  results.hash = {};
  for (const set of ['big', 'folder', 'memory']) {
    results.hash[set] = await withPage(async (page) => {
      if (set === 'big') await page.setInputFiles('#big', big);
      if (set === 'folder') await page.setInputFiles('#photos', photos);
      return page.evaluate(([s, n]) => window.bench.hashing(s, n), [set, quick ? 1 : 3]);
    });
    const hexes = new Set(Object.entries(results.hash[set].methods).filter(([k]) => k !== 'readonly').map(([, v]) => v.hex));
    if (hexes.size !== 1) throw new Error(`hash ${set}: the methods disagree: ${[...hexes].join(' ')}`);
    console.error(`hash ${set}`, JSON.stringify(Object.fromEntries(Object.entries(results.hash[set].methods).map(([k, v]) => [k, v.runs.map(Math.round)]))));
  }
}

fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
server.close();
