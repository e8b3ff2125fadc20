// Upload anchors (driven by upload.mjs) against our own server, from a page it serves:
//   tus      tus-js-client 4 (the reference tus client) with our engine's chunk size and files
//            in flight (8 MiB, 3 at once); no checksum, no dedup check, no hashing first
//   raw      the same bytes as plainly as our server takes them: a creation POST, then the
//            whole file in ONE PATCH (one request body, one fsync), 3 files at once
// Both return {ms}; the token comes from the page's URL (?token=…).
const TOKEN = new URLSearchParams(location.search).get('token');
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const b64 = (s) => btoa(unescape(encodeURIComponent(s)));

function tusOne(file, chunkSize) {
  return new Promise((resolve, reject) => {
    const up = new tus.Upload(file, {
      endpoint: '/files/', headers: AUTH, chunkSize, retryDelays: [0, 1000],
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
      onSuccess: resolve, onError: reject,
    });
    up.start();
  });
}

async function rawOne(file) {
  const head = { ...AUTH, 'Tus-Resumable': '1.0.0' };
  const c = await fetch('/files/', {
    method: 'POST', headers: { ...head, 'Upload-Length': String(file.size), 'Upload-Metadata': `filename ${b64(file.name)}` },
  });
  if (c.status !== 201) throw new Error(`POST ${c.status}`);
  const p = await fetch(new URL(c.headers.get('Location'), location.href), {
    method: 'PATCH', body: file,
    headers: { ...head, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
  });
  if (p.status !== 204) throw new Error(`PATCH ${p.status} ${await p.text()}`);
}

// Profiling ways (never in the default set): 64 MiB PATCHes one at a time, the body either a
// Blob slice (the browser reads the file) or the slice's bytes read first (the page sends memory).
async function chunkedOne(file, bytes, size = 64 << 20) {
  const head = { ...AUTH, 'Tus-Resumable': '1.0.0' };
  const c = await fetch('/files/', {
    method: 'POST', headers: { ...head, 'Upload-Length': String(file.size), 'Upload-Metadata': `filename ${b64(file.name)}` },
  });
  const url = new URL(c.headers.get('Location'), location.href);
  let next = bytes ? file.slice(0, size).arrayBuffer() : null;
  for (let off = 0; off < file.size; off += size) {
    const body = bytes ? await next : file.slice(off, off + size);
    if (bytes && off + size < file.size) next = file.slice(off + size, off + 2 * size).arrayBuffer();
    const p = await fetch(url, {
      method: 'PATCH', body,
      headers: { ...head, 'Upload-Offset': String(off), 'Content-Type': 'application/offset+octet-stream' },
    });
    if (p.status !== 204) throw new Error(`PATCH ${p.status} ${await p.text()}`);
  }
}

async function run(way, parallel = 3, chunkSize = 8 * 1024 * 1024) {
  const queue = [...document.querySelector('#files').files];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (queue.length) {
      const f = queue.shift();
      await (way === 'tus' ? tusOne(f, chunkSize) : way === 'blob64' ? chunkedOne(f, false) : way === 'bytes64' ? chunkedOne(f, true) : rawOne(f));
    }
  }));
  return { ms: performance.now() - t0 };
}

window.uploadBench = { run };
