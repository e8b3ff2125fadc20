// Benchmark page (driven by run.mjs): our wasm worker vs the canvas path, pool throughput, and
// hashing. Our worker is Trunk's no-modules build (worker.js + worker_bg.wasm) speaking the
// protocol of src/worker: [id, jobJson, blob] → [id, replyJson, arrayBuffer?].
const BASE = new URL('./wasm/', location.href).href;

function ourWorker() {
  const src = `importScripts(${JSON.stringify(BASE + 'worker.js')}); wasm_bindgen(${JSON.stringify(BASE + 'worker_bg.wasm')});`;
  const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
  let next = 1;
  const pending = new Map();
  const ready = new Promise((res) => {
    w.onmessage = (ev) => {
      const [id, json, buf] = ev.data;
      if (id === 0) return res();
      const p = pending.get(id);
      pending.delete(id);
      p({ reply: JSON.parse(json), buf });
    };
  });
  return {
    ready,
    run(job, blob) {
      const id = next++;
      return new Promise((res) => { pending.set(id, res); w.postMessage([id, JSON.stringify(job), blob]); });
    },
    terminate() { w.terminate(); },
  };
}

function canvasWorker() {
  const w = new Worker('canvas-worker.js');
  return {
    run(file, wh) {
      return new Promise((res) => { w.onmessage = (ev) => res(ev.data); w.postMessage({ file, w: wh[0], h: wh[1] }); });
    },
    terminate() { w.terminate(); },
  };
}

// Same rounding as shoebox_core::photo::target_size.
function target(w, h, max) {
  const long = Math.max(w, h), short = Math.min(w, h);
  let l = Math.min(long, Math.floor(long * Math.sqrt(max / (w * h))) + 1);
  const other = (l) => Math.max(1, Math.floor((l * short + Math.floor(long / 2)) / long));
  while (l > 1 && l * other(l) > max) l--;
  return w >= h ? [l, other(l)] : [other(l), l];
}

async function hasExif(blob) {
  const b = new Uint8Array(await blob.slice(0, 65536).arrayBuffer());
  for (let i = 0; i + 6 < b.length; i++) {
    if (b[i] === 0x45 && b[i + 1] === 0x78 && b[i + 2] === 0x69 && b[i + 3] === 0x66 && b[i + 4] === 0 && b[i + 5] === 0) return true;
  }
  return false;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const JOB = { job: 'prepare', maxPixels: 16000000, quality: 90, stripLocation: false };

async function single(file, dims, runs) {
  const ours = ourWorker();
  await ours.ready;
  const canvas = canvasWorker();
  const wh = target(dims[0], dims[1], 16000000);
  const t = { ours: [], canvas: [] };
  let oursOut, canvasOut;
  for (let i = 0; i < runs; i++) {
    // Alternate so neither side always runs on a warmer machine.
    let t0 = performance.now();
    const r = await ours.run(JOB, file);
    t.ours.push(performance.now() - t0);
    oursOut = new Blob([r.buf], { type: r.reply.mime });
    const c = await canvas.run(file, wh);
    t.canvas.push(c.ms);
    canvasOut = c.blob;
  }
  ours.terminate();
  canvas.terminate();
  return {
    target: wh.join('x'),
    oursMs: median(t.ours), canvasMs: median(t.canvas), ratio: median(t.ours) / median(t.canvas),
    oursBytes: oursOut.size, canvasBytes: canvasOut.size, inputBytes: file.size,
    oursExif: await hasExif(oursOut), canvasExif: await hasExif(canvasOut),
    oursRuns: t.ours.map(Math.round), canvasRuns: t.canvas.map(Math.round),
  };
}

async function throughput(files, workers, kind) {
  const pool = Array.from({ length: workers }, () => (kind === 'ours' ? ourWorker() : canvasWorker()));
  if (kind === 'ours') await Promise.all(pool.map((w) => w.ready));
  const queue = [...files];
  const t0 = performance.now();
  await Promise.all(pool.map(async (w) => {
    while (queue.length) {
      const f = queue.shift();
      if (kind === 'ours') await w.run(JOB, f);
      else await w.run(f, target(6000, 4000, 16000000));
    }
  }));
  const s = (performance.now() - t0) / 1000;
  pool.forEach((w) => w.terminate());
  return { photos: files.length, seconds: +s.toFixed(2), perMinute: +(files.length / s * 60).toFixed(1) };
}

async function hash(file) {
  const w = ourWorker();
  await w.ready;
  const t0 = performance.now();
  const r = await w.run({ job: 'hash' }, file);
  const ms = performance.now() - t0;
  w.terminate();
  const mbps = file.size / 1e6 / (ms / 1000);
  const reads = {};
  for (const way of ['async', 'sync']) {
    const rw = new Worker('read-worker.js');
    const { ms: rms } = await new Promise((res) => { rw.onmessage = (ev) => res(ev.data); rw.postMessage({ file, way }); });
    rw.terminate();
    reads[way] = +(file.size / 1e6 / (rms / 1000)).toFixed(0);
  }
  return { bytes: file.size, ms: Math.round(ms), mbPerSecond: +mbps.toFixed(0), sha256: r.reply.sha256, readOnlyMbPerSecond: reads };
}

// SHA-256 alone (no disk): the same worker job over a 256 MiB Blob held in memory.
async function hashMemory() {
  const bytes = new Uint8Array(256 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i & 255;
  const blob = new Blob([bytes]);
  const w = ourWorker();
  await w.ready;
  const t0 = performance.now();
  await w.run({ job: 'hash' }, blob);
  const ms = performance.now() - t0;
  w.terminate();
  return { bytes: blob.size, ms: Math.round(ms), mbPerSecond: +(blob.size / 1e6 / (ms / 1000)).toFixed(0) };
}

// Photo-sized blobs (48 MiB slices of the 1 GiB file, read from disk): these take the
// worker's WebCrypto one-shot path, which files over 64 MiB (videos) do not.
async function hashPhotoSized(file, n = 8) {
  const size = 48 * 1024 * 1024;
  const w = ourWorker();
  await w.ready;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await w.run({ job: 'hash' }, file.slice(i * size, (i + 1) * size));
  const ms = performance.now() - t0;
  w.terminate();
  return { blobs: n, bytesEach: size, ms: Math.round(ms), mbPerSecond: +(n * size / 1e6 / (ms / 1000)).toFixed(0) };
}

window.bench = { single, throughput, hash, hashMemory, hashPhotoSized };
