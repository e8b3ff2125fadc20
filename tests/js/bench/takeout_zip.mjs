// Takeout archive import throughput: one large video imported three ways, interleaved per round,
// each on a fresh server and browser: as a plain file of a folder, as a stored entry of a .zip
// (sent as slices of the archive) and as a deflated entry (inflated in a worker). The video's
// bytes are random with every 16th byte zero, so deflate codes it with Huffman blocks rather
// than storing it, as with real camera video. Times are from choosing to "Backup complete";
// the longest main-thread task is the page's own `longtask` entries from choosing to the end.
// Usage: SHOEBOX_APP_DIR=<dist> SHOEBOX_SERVER_BIN=<server> node tests/js/bench/takeout_zip.mjs [MiB] [rounds]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus } from '../lib/browser.mjs';
import { zip } from '../lib/zip.mjs';
import { rendererMemory } from './memory.mjs';

const mib = Number(process.argv[2] || 256);
const rounds = Number(process.argv[3] || 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-bench-'));

function video(size) {
  const data = crypto.randomBytes(size);
  for (let i = 0; i < size; i += 16) data[i] = 0;
  const head = Buffer.alloc(28);
  head.writeUInt32BE(20, 0); head.write('ftyp', 4); head.write('isom', 8); head.writeUInt32BE(0x200, 12); head.write('isom', 16);
  head.writeUInt32BE(size - 20, 20); head.write('mdat', 24);
  head.copy(data);
  return data;
}

const data = video(mib * 1024 * 1024);
const name = 'Takeout/Google Photos/Photos from 2024/VID_0001.mp4';
fs.mkdirSync(path.join(dir, 'folder', 'Photos from 2024'), { recursive: true });
fs.writeFileSync(path.join(dir, 'folder', 'Photos from 2024', 'VID_0001.mp4'), data);
fs.writeFileSync(path.join(dir, 'takeout-20250101T000000Z-001.zip'), zip([{ name, data }]));
const deflated = zip([{ name, data, deflate: true }]);
fs.mkdirSync(path.join(dir, 'd'));
fs.writeFileSync(path.join(dir, 'd', 'takeout-20250101T000000Z-001.zip'), deflated);
const ratio = deflated.length / data.length;
console.error(`video ${mib} MiB; deflated archive ${(ratio * 100).toFixed(1)}% of it (node zlib level 6: ${zlib.constants.Z_DEFAULT_COMPRESSION})`);

async function measure(way) {
  const server = await startServer();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-chromium-'));
  const b = await launch({ userDataDir });
  const mem = rendererMemory(userDataDir);
  try {
    const page = b.page;
    await page.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$/);
    // The page's own start (its wasm compiled and run) is not the import's.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    await page.evaluate(() => { window.__longest = 0; });
    const t0 = Date.now();
    if (way === 'folder') await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'folder')]);
    else await page.getByTestId('files-input').setInputFiles([path.join(dir, way === 'stored' ? '' : 'd', 'takeout-20250101T000000Z-001.zip')]);
    await waitForStatus(page, /^Ready to back up/, 600000, 50);
    await page.getByTestId('backup-button').click();
    await waitForStatus(page, /^Backup complete$/, 1800000, 50);
    const ms = Date.now() - t0;
    const longest = await page.evaluate(() => window.__longest);
    const media = await server.media();
    if (media.length !== 1) throw new Error(`${way}: the server holds ${media.length} files`);
    return { ms, longest, peak: mem.stop().peak };
  } finally {
    mem.stop();
    await b.close();
    await server.stop();
  }
}

const results = { folder: [], stored: [], deflated: [] };
try {
  for (let r = 0; r < rounds; r++) {
    for (const way of Object.keys(results)) {
      const m = await measure(way);
      results[way].push(m);
      console.error(`round ${r + 1} ${way}: ${(m.ms / 1000).toFixed(2)} s, ${(mib * 1024 * 1024 / 1e6 / (m.ms / 1000)).toFixed(1)} MB/s, longest task ${m.longest.toFixed(0)} ms, renderer peak ${(m.peak / 2 ** 20).toFixed(0)} MiB`);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [way, ms] of Object.entries(results)) {
  const t = median(ms.map((m) => m.ms)) / 1000;
  console.log(`| ${way} | ${t.toFixed(2)} s | ${(mib * 1024 * 1024 / 1e6 / t).toFixed(0)} MB/s | ${Math.max(...ms.map((m) => m.longest)).toFixed(0)} ms | ${(Math.max(...ms.map((m) => m.peak)) / 2 ** 20).toFixed(0)} MiB |`);
}
