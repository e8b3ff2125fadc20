// The plan of a 100,000-entry Google Takeout export (50,000 tiny photos, each with its
// sidecar, in 100 year and album folders), chosen as its two .zip archives (stored entries,
// read in place) and as the same files in a folder: the time from choosing to "Ready to back up", the
// longest main-thread task meanwhile (page-load tasks not counted) and the renderer's memory
// peak. Times are printed, never asserted.
// Usage: SHOEBOX_APP_DIR=<dist> SHOEBOX_SERVER_BIN=<server> node tests/js/bench/takeout_plan.mjs [photos] [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus } from '../lib/browser.mjs';
import { recordLongTasks } from '../lib/app.mjs';
import { zip } from '../lib/zip.mjs';
import { rendererMemory } from './memory.mjs';

const photos = Number(process.argv[2] || 50_000);
const rounds = Number(process.argv[3] || 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-plan-'));
const head = Buffer.from('ffd8ffe000104a46494600010100000100010000fffe', 'hex');
const entries = [];
for (let i = 0; i < photos; i++) {
  const folder = i % 100 < 50 ? `Photos from ${2000 + (i % 50)}` : `Album ${i % 100}`;
  const name = `IMG_${String(i).padStart(6, '0')}.jpg`;
  const tag = Buffer.from('takeout plan ' + i);
  const len = Buffer.alloc(2); len.writeUInt16BE(tag.length + 2);
  const base = `Takeout/Google Photos/${folder}`;
  entries.push({ name: `${base}/${name}`, data: Buffer.concat([head, len, tag, Buffer.from([0xff, 0xd9])]) });
  const sidecar = { title: name, photoTakenTime: { timestamp: String(1500000000 + i * 60) }, geoData: { latitude: 45 + (i % 90) / 100, longitude: 4.8 } };
  entries.push({ name: `${base}/${name}.supplemental-metadata.json`, data: Buffer.from(JSON.stringify(sidecar)) });
}
for (let a = 50; a < 100; a++) entries.push({ name: `Takeout/Google Photos/Album ${a}/metadata.json`, data: Buffer.from(JSON.stringify({ title: `Album ${a}` })) });
// Two parts, as Takeout splits a large export (this writer has no ZIP64 end record for more
// than 65,535 entries in one archive).
const archives = [0, 1].map((k) => {
  const file = path.join(dir, `takeout-20250101T000000Z-00${k + 1}.zip`);
  fs.writeFileSync(file, zip(entries.filter((_, i) => i % 2 === k)));
  return file;
});
for (const e of entries) {
  fs.mkdirSync(path.join(dir, 'folder', path.dirname(e.name)), { recursive: true });
  fs.writeFileSync(path.join(dir, 'folder', e.name), e.data);
}
console.error(`${entries.length.toLocaleString('en')} entries, archives ${archives.map((a) => (fs.statSync(a).size / 2 ** 20).toFixed(1)).join(' + ')} MiB`);
const ready = new RegExp(`^Ready to back up ${photos.toLocaleString('en')} photos and videos$`);

async function measure(way) {
  const server = await startServer();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-chromium-'));
  const b = await launch({ userDataDir });
  const mem = rendererMemory(userDataDir);
  try {
    await recordLongTasks(b.page);
    await b.page.goto(server.appUrl());
    await waitForStatus(b.page, /^Ready$/);
    const t0 = await b.page.evaluate(() => performance.now());
    if (way === 'archives') await b.page.getByTestId('files-input').setInputFiles(archives);
    else await dropPaths(b.page, '[data-testid="drop-zone"]', [path.join(dir, 'folder', 'Takeout')]);
    const t1 = await (await b.page.waitForFunction((src) => {
      const h = document.querySelector('[data-testid="status-card"] h2');
      return h && new RegExp(src).test(h.textContent) && performance.now();
    }, ready.source, { timeout: 900000, polling: 50 })).jsonValue();
    await new Promise((r) => setTimeout(r, 300));
    const tasks = (await b.page.evaluate(() => window.__longTasks)).filter((t) => t.start >= t0 && t.start < t1);
    return { ms: t1 - t0, longest: Math.max(0, ...tasks.map((t) => t.duration)), over50: tasks.length, peak: mem.stop().peak };
  } finally {
    mem.stop();
    await b.close();
    await server.stop();
  }
}

try {
  for (let r = 0; r < rounds; r++) {
    for (const way of ['archives', 'folder']) {
      const m = await measure(way);
      console.log(`| ${way} | ${(m.ms / 1000).toFixed(2)} s | ${m.longest.toFixed(0)} ms | ${m.over50} | ${(m.peak / 2 ** 20).toFixed(0)} MiB |`);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
