// Benchmark page (driven by run.mjs): our wasm worker beside the browser's own paths and the
// npm libraries people use instead, every round interleaved (ours, anchor, ours, anchor…) so
// that a busy moment of the machine hits both. Our workers are Trunk's release builds from the
// dist, as the app runs them: the codec worker (worker.js + worker_bg.wasm) for downsizing, the
// hash worker (hashworker.js + hashworker_bg.wasm) for hashing, both speaking the protocol of
// shoebox_core::worker_protocol: [id, jobJson, blob] →
// [id, replyJson, arrayBuffer?], replies externally tagged (`{"hashed": "<hex>"}`). The
// anchors live in anchors.js.
const BASE = new URL('./wasm/', location.href).href;

function ourWorker(build = 'worker') {
  const src = `importScripts(${JSON.stringify(BASE + build + '.js')}); wasm_bindgen(${JSON.stringify(BASE + build + '_bg.wasm')});`;
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

// Same rounding as shoebox_core::photo::target_size.
function target(w, h, max) {
  const long = Math.max(w, h), short = Math.min(w, h);
  let l = Math.min(long, Math.floor(long * Math.sqrt(max / (w * h))) + 1);
  const other = (l) => Math.max(1, Math.floor((l * short + Math.floor(long / 2)) / long));
  while (l > 1 && l * other(l) > max) l--;
  return w >= h ? [l, other(l)] : [other(l), l];
}

/**
 * Which metadata a JPEG carries: APP1 Exif, APP1 XMP, APP2 ICC_PROFILE (walks the segments).
 * The ICC profile is fingerprinted, so that Chromium's own sRGB profile, which its encoder
 * writes into every canvas JPEG, is not mistaken for the source's being kept.
 */
async function metadata(blob) {
  const b = new Uint8Array(await blob.slice(0, 1 << 20).arrayBuffer());
  const has = { exif: false, xmp: false, icc: null };
  const text = (p, s) => String.fromCharCode(...b.subarray(p, p + s.length)) === s;
  for (let p = 2; p + 4 < b.length && b[p] === 0xff && b[p + 1] !== 0xda;) {
    const len = (b[p + 2] << 8) | b[p + 3];
    if (b[p + 1] === 0xe1 && text(p + 4, 'Exif\0')) has.exif = true;
    if (b[p + 1] === 0xe1 && text(p + 4, 'http://ns.adobe.com/xap/1.0/')) has.xmp = true;
    if (b[p + 1] === 0xe2 && text(p + 4, 'ICC_PROFILE')) {
      let h = len;
      for (let i = p + 4; i < p + 2 + len; i++) h = (h * 31 + b[i]) >>> 0;
      has.icc = h;
    }
    p += 2 + len;
  }
  return has;
}

async function base64(blob) {
  const u = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode.apply(null, u.subarray(i, i + 0x8000));
  return btoa(s);
}

/** icc: 'kept' (the source's profile), 'other' (e.g. the encoder's own sRGB) or false. */
function iccKept(src, out) {
  return { ...out, icc: out.icc === null ? false : out.icc === src.icc ? 'kept' : 'other' };
}

const JOB = { job: 'prepare', maxPixels: 16000000, quality: 90, stripLocation: false };

/** Our pipeline as one "method": {ms, blob} per photo, in a warm worker. */
async function oursMethod() {
  const w = ourWorker();
  await w.ready;
  return {
    async run(file) {
      const t0 = performance.now();
      const r = await w.run(JOB, file);
      return { ms: performance.now() - t0, blob: new Blob([r.buf], { type: r.reply.prepared?.mime ?? '' }) };
    },
    close() { w.terminate(); },
  };
}

/**
 * One photo → 16 MP by every method, `runs` rounds after one warm-up round (reported apart as
 * "cold": a user's first photo pays it). Returns per method the times, output size, metadata
 * kept, output dimensions, and (base64) the last output for the SSIM check done natively.
 */
async function downsize(file, dims, runs) {
  const wh = target(dims[0], dims[1], 16000000);
  const methods = { ours: await oursMethod(), ...(await window.anchors.photoMethods(wh)) };
  const out = {};
  for (const name of Object.keys(methods)) out[name] = { runs: [], cold: null, blob: null };
  for (let i = 0; i <= runs; i++) {
    for (const [name, m] of Object.entries(methods)) {
      await window.benchMark?.(name); // run.mjs samples the renderer's memory per method
      const r = await m.run(file);
      if (i === 0) out[name].cold = r.ms;
      else out[name].runs.push(r.ms);
      out[name].blob = r.blob;
    }
  }
  const src = await metadata(file);
  const result = { target: wh.join('x'), inputBytes: file.size, source: { ...src, icc: src.icc !== null }, methods: {} };
  for (const [name, m] of Object.entries(methods)) {
    const o = out[name];
    const bmp = await createImageBitmap(o.blob);
    result.methods[name] = {
      runs: o.runs, cold: o.cold, bytes: o.blob.size, meta: iccKept(src, await metadata(o.blob)),
      size: `${bmp.width}x${bmp.height}`, jpeg: await base64(o.blob),
    };
    bmp.close();
    m.close();
  }
  return result;
}

/** A folder of photos through N workers of one kind: photos per minute (cold workers included). */
async function pool(files, workers, kind) {
  const wh = target(6000, 4000, 16000000);
  const make = kind === 'ours' ? oursMethod : () => window.anchors.canvasMethod(wh);
  const lanes = await Promise.all(Array.from({ length: workers }, make));
  const queue = [...files];
  const t0 = performance.now();
  await Promise.all(lanes.map(async (w) => { while (queue.length) await w.run(queue.shift()); }));
  const s = (performance.now() - t0) / 1000;
  lanes.forEach((w) => w.close());
  return { photos: files.length, seconds: s, perMinute: (files.length / s) * 60 };
}

/** Our hash worker's hash job over each blob in turn, `workers` workers sharing the list. */
async function oursHash(blobs, workers = 1) {
  const ws = Array.from({ length: workers }, () => ourWorker('hashworker'));
  await Promise.all(ws.map((w) => w.ready));
  const queue = [...blobs];
  let hex = '';
  const t0 = performance.now();
  await Promise.all(ws.map(async (w) => { while (queue.length) hex = (await w.run({ job: 'hash' }, queue.shift())).reply.hashed; }));
  const ms = performance.now() - t0;
  ws.forEach((w) => w.terminate());
  return { ms, hex };
}

/** A Blob held in memory (no disk), so that the hash alone is timed. */
function memoryBlob(mib) {
  const bytes = new Uint8Array(mib * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i & 255;
  return new Blob([bytes]);
}

/**
 * Hashing, interleaved per round: ours (streaming sha2 in wasm over 64 MiB, WebCrypto one-shot
 * below, as the worker decides), WebCrypto one-shot, hash-wasm streaming; each in one worker.
 * `set` is 'big' (the 1 GiB file), 'folder' (photo-sized files) or 'memory' (256 MiB Blob).
 */
async function hashing(set, runs) {
  const blobs = set === 'memory' ? [memoryBlob(256)] : [...document.querySelector(set === 'big' ? '#big' : '#photos').files];
  const bytes = blobs.reduce((a, b) => a + b.size, 0);
  const methods = {
    ours: () => oursHash(blobs, 1),
    ...(set === 'folder' ? { ours2w: () => oursHash(blobs, 2) } : {}),
    webcrypto: () => window.anchors.hashIn('webcrypto', blobs),
    hashwasm: () => window.anchors.hashIn('hashwasm', blobs),
    // Context, not an anchor: reading alone (slice().arrayBuffer(), one read ahead).
    ...(set === 'big' ? { readonly: () => window.anchors.hashIn('read', blobs) } : {}),
  };
  const out = { files: blobs.length, bytes, methods: {} };
  for (const name of Object.keys(methods)) out.methods[name] = { runs: [], hex: null };
  for (let i = 0; i < runs; i++) {
    for (const [name, m] of Object.entries(methods)) {
      await window.benchMark?.(name);
      const r = await m();
      out.methods[name].runs.push(bytes / 1e6 / (r.ms / 1000));
      out.methods[name].hex = r.hex;
    }
  }
  return out;
}

window.bench = { downsize, pool, hashing, target };
