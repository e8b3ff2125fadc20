// The anchors our worker is measured against (bench.js drives them): Chromium's canvas path in
// a worker, pica (npm) and browser-image-compression (npm) as their READMEs use them, and for
// hashing WebCrypto one-shot and hash-wasm streaming, each in a worker of its own (hash-worker.js).
// Libraries are served from lib/ (copied from tests/js/node_modules by bench.sh; nothing from a CDN).
const LIB = new URL('./lib/', location.href).href;

/** createImageBitmap + OffscreenCanvas + convertToBlob (JPEG 0.9), in a worker like ours. */
function canvasMethod(wh) {
  const w = new Worker('canvas-worker.js');
  return {
    run(file) {
      return new Promise((res) => { w.onmessage = (ev) => res(ev.data); w.postMessage({ file, w: wh[0], h: wh[1] }); });
    },
    close() { w.terminate(); },
  };
}

/**
 * pica 10 with its defaults (js + wasm + its own pool of web workers, as many as cores up to 4)
 * and the Lanczos3 filter (the same filter as ours; its default mks2013 also sharpens):
 * decode with createImageBitmap, resize into a canvas, pica.toBlob JPEG 0.9. pica keeps no
 * metadata (its README points to image-blob-reduce for that).
 */
function picaMethod(wh) {
  const resizer = window.pica();
  return {
    async run(file) {
      const t0 = performance.now();
      const bmp = await createImageBitmap(file);
      const dst = document.createElement('canvas');
      dst.width = wh[0];
      dst.height = wh[1];
      await resizer.resize(bmp, dst, { filter: 'lanczos3' });
      bmp.close();
      const blob = await resizer.toBlob(dst, 'image/jpeg', 0.9);
      return { ms: performance.now() - t0, blob };
    },
    close() {},
  };
}

/**
 * browser-image-compression 2 in its web worker (libURL points at the local copy), quality
 * 0.9, the long side capped at the 16 MP target's, one pass (no size target), and its
 * preserveExif option on: the most metadata it can keep.
 */
function bicMethod(wh) {
  const options = {
    maxWidthOrHeight: Math.max(...wh), initialQuality: 0.9, maxSizeMB: 1e6, maxIteration: 1,
    useWebWorker: true, libURL: LIB + 'browser-image-compression.js', fileType: 'image/jpeg', preserveExif: true,
  };
  return {
    async run(file) {
      const t0 = performance.now();
      const blob = await window.imageCompression(file, options);
      return { ms: performance.now() - t0, blob };
    },
    close() {},
  };
}

async function photoMethods(wh) {
  return { canvas: canvasMethod(wh), pica: picaMethod(wh), bic: bicMethod(wh) };
}

/** One fresh worker per measurement, as for ours: {ms, hex}. */
function hashIn(way, blobs) {
  const w = new Worker('hash-worker.js');
  return new Promise((res) => {
    w.onmessage = (ev) => { w.terminate(); res(ev.data); };
    w.postMessage({ way, blobs });
  });
}

window.anchors = { photoMethods, canvasMethod, hashIn };
