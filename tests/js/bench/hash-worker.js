// Hashing anchors, in a dedicated worker like ours: {way, blobs} → {ms, hex}.
//   webcrypto  crypto.subtle.digest over the whole blob read at once (one-shot; memory = file size)
//   hashwasm   hash-wasm's streaming SHA-256, 8 MiB slices, the next slice read while one is hashed
//   read       the same reads without hashing (how fast the disk-backed Blob can be read here)
importScripts('lib/hash-wasm-sha256.umd.min.js');
const SLICE = 8 * 1024 * 1024;
const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function streamed(blob, update) {
  let next = blob.slice(0, SLICE).arrayBuffer();
  for (let off = 0; off < blob.size; off += SLICE) {
    const buf = await next;
    // Keep a read in flight while this slice is hashed, as our worker does.
    next = off + SLICE < blob.size ? blob.slice(off + SLICE, off + 2 * SLICE).arrayBuffer() : null;
    update(new Uint8Array(buf));
  }
}

self.onmessage = async (ev) => {
  const { way, blobs } = ev.data;
  const h = way === 'hashwasm' ? await hashwasm.createSHA256() : null;
  let out = '';
  const t0 = performance.now();
  for (const blob of blobs) {
    if (way === 'webcrypto') out = hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    else if (way === 'hashwasm') {
      h.init();
      await streamed(blob, (u) => h.update(u));
      out = h.digest('hex');
    } else await streamed(blob, () => {});
  }
  self.postMessage({ ms: performance.now() - t0, hex: out });
};
