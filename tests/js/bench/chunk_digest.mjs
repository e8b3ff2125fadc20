// One-off measurement (not part of scripts/bench.sh): our hash worker's chunk Digest job on one
// 8 MiB chunk, crc32c against sha256, in headless Chromium (the project's flags), rounds
// interleaved. The page is served from 127.0.0.1, a secure context, so sha256 takes the
// worker's WebCrypto path as it does in the app. Each digest is checked against Node's own
// (sha256) or a plain table CRC-32C here, so a wrong answer cannot be timed.
// Usage: node tests/js/bench/chunk_digest.mjs <app dist with hashworker.js, hashworker_bg.wasm> [rounds]
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch } from '../lib/browser.mjs';

const [dist, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 30);
const MIB8 = 8 * 1024 * 1024;

const PAGE = `<!doctype html><meta charset="utf-8"><script>
const BASE = new URL('./', location.href).href;
function ourWorker() {
  const src = 'importScripts(' + JSON.stringify(BASE + 'hashworker.js') + '); wasm_bindgen(' + JSON.stringify(BASE + 'hashworker_bg.wasm') + ');';
  const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
  let next = 1;
  const pending = new Map();
  const ready = new Promise((res) => {
    w.onmessage = (ev) => {
      const [id, json] = ev.data;
      if (id === 0) return res();
      const p = pending.get(id); pending.delete(id); p(JSON.parse(json));
    };
  });
  return { ready, run(job, blob) { const id = next++; return new Promise((res) => { pending.set(id, res); w.postMessage([id, JSON.stringify(job), blob]); }); } };
}
window.measure = async (rounds, size) => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.imul(i, 2654435761) >>> 24;
  const blob = new Blob([bytes]);
  const w = ourWorker();
  await w.ready;
  const out = { crc32c: [], sha256: [], hex: {}, first: {} };
  // A fresh worker's first digest of each (it was warmed up before it said Ready).
  for (const algo of ['crc32c', 'sha256']) {
    const t0 = performance.now();
    out.hex[algo] = (await w.run({ job: 'digest', algo }, blob)).digested;
    out.first[algo] = performance.now() - t0;
  }
  for (let i = 0; i < rounds; i++) {
    for (const algo of ['crc32c', 'sha256']) {
      const t0 = performance.now();
      const r = await w.run({ job: 'digest', algo }, blob);
      out[algo].push(performance.now() - t0);
      if (r.digested !== out.hex[algo]) throw new Error('digest changed: ' + JSON.stringify(r));
    }
  }
  return out;
};
</script>`;

const files = { '/hashworker.js': 'text/javascript', '/hashworker_bg.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  if (p === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(PAGE); }
  if (!files[p]) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': files[p] });
  fs.createReadStream(path.join(dist, p)).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));

const table = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  return c >>> 0;
});
function crc32c(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = table[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const b = await launch();
try {
  b.page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
  await b.page.goto(`http://127.0.0.1:${server.address().port}/`);
  const r = await b.page.evaluate(([n, size]) => window.measure(n, size), [rounds, MIB8]);
  const bytes = Buffer.alloc(MIB8);
  for (let i = 0; i < MIB8; i++) bytes[i] = Math.imul(i, 2654435761) >>> 24;
  if (r.hex.sha256 !== crypto.createHash('sha256').update(bytes).digest('hex')) throw new Error('sha256 disagrees with Node');
  if (r.hex.crc32c !== crc32c(bytes).toString(16).padStart(8, '0')) throw new Error(`crc32c disagrees: ${r.hex.crc32c}`);
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  for (const algo of ['crc32c', 'sha256']) {
    const ms = median(r[algo]);
    console.log(`${algo}: median ${ms.toFixed(1)} ms per 8 MiB chunk (${(MIB8 / 1e6 / (ms / 1000)).toFixed(0)} MB/s), min ${Math.min(...r[algo]).toFixed(1)}, max ${Math.max(...r[algo]).toFixed(1)}, ${rounds} rounds; a fresh worker's first: ${r.first[algo].toFixed(1)} ms`);
  }
} finally {
  await b.close();
  server.close();
}
