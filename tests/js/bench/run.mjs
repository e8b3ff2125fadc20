// Runs bench.html in headless Chromium (playwright-core) and prints JSON results.
// Usage: node run.mjs <dir with bench files + wasm/> <fixtures dir> [runs]
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const [root, fixtures, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.jpg': 'image/jpeg' };
const server = http.createServer((req, res) => {
  const p = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!p.startsWith(root) || !fs.existsSync(p)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[path.extname(p)] || 'application/octet-stream' });
  fs.createReadStream(p).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/bench.html`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
await page.goto(url);
const only = process.env.BENCH_ONLY || 'photo,folder,hash';
const results = { machine: { cpus: os.cpus().length, model: os.cpus()[0].model }, chromium: browser.version() };

async function setFiles(selector, files) {
  await page.setInputFiles(selector, files);
}
if (only.includes('photo')) for (const [name, dims] of [['24mp.jpg', [6000, 4000]], ['48mp.jpg', [8000, 6000]]]) {
  await setFiles('#big', path.join(fixtures, name));
  results[name] = await page.evaluate(([dims, runs]) => window.bench.single(document.querySelector('#big').files[0], dims, runs), [dims, runs]);
  console.error(name, JSON.stringify(results[name]));
}
const folder = path.join(fixtures, 'folder24');
if (only.includes('folder')) await setFiles('#photos', fs.readdirSync(folder).sort().map((f) => path.join(folder, f)));
if (only.includes('folder')) for (const workers of [1, 2]) {
  for (const kind of ['ours', 'canvas']) {
    results[`folder24_${kind}_${workers}w`] = await page.evaluate(([w, k]) => window.bench.throughput([...document.querySelector('#photos').files], w, k), [workers, kind]);
    console.error(`folder24 ${kind} ${workers} workers`, JSON.stringify(results[`folder24_${kind}_${workers}w`]));
  }
}
const big = path.join(fixtures, '1gib.bin');
if (only.includes('hash') && (!fs.existsSync(big) || fs.statSync(big).size !== 2 ** 30)) {
  const fd = fs.openSync(big, 'w');
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < 1024; i++) { chunk.fill(i & 255); fs.writeSync(fd, chunk); }
  fs.closeSync(fd);
}
if (only.includes('hash')) {
  await setFiles('#big', big);
  results.hash1GiB = await page.evaluate(() => window.bench.hash(document.querySelector('#big').files[0]));
  console.error('hash', JSON.stringify(results.hash1GiB));
  results.hashMemory = await page.evaluate(() => window.bench.hashMemory());
  console.error('hash in memory', JSON.stringify(results.hashMemory));
  results.hashPhotoSized = await page.evaluate(() => window.bench.hashPhotoSized(document.querySelector('#big').files[0]));
  console.error('hash photo-sized', JSON.stringify(results.hashPhotoSized));
}
console.log(JSON.stringify(results, null, 2));
await browser.close();
server.close();
