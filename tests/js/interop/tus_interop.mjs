// Interop: the reference tus client (tus-js-client, Node build) against a running shoebox-server.
// For plain chunks and for parallelUploads: 2 (concatenation): upload with a bearer token, abort
// midway, resume from the URL kept in its URL storage, and check the stored bytes by SHA-256
// through the API, and through /metrics that the resume did not send everything again.
// Usage: SHOEBOX_URL=http://127.0.0.1:PORT SHOEBOX_TOKEN=... node tests/js/interop/tus_interop.mjs
import tus from 'tus-js-client';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { Upload, FileUrlStorage } = tus;
const base = process.env.SHOEBOX_URL;
const token = process.env.SHOEBOX_TOKEN;
if (!base || !token) {
  console.error('set SHOEBOX_URL and SHOEBOX_TOKEN');
  process.exit(2);
}
const headers = { Authorization: `Bearer ${token}` };
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

async function receivedBytes() {
  // /metrics wants a token (a full-access one, when the server has no metrics token).
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  const line = text.split('\n').find((l) => l.startsWith('shoebox_received_bytes_total '));
  return Number(line.split(' ')[1]);
}

async function scenario(name, { size, chunkSize, parallelUploads }) {
  const data = randomBytes(size);
  const digest = sha256(data);
  const dir = mkdtempSync(join(tmpdir(), 'tus-interop-'));
  const options = {
    endpoint: `${base}/files/`,
    headers,
    chunkSize,
    parallelUploads,
    metadata: { filename: `${name}.bin`, filetype: 'application/octet-stream', relativePath: `Interop/${name}.bin`, sha256: digest },
    urlStorage: new FileUrlStorage(join(dir, 'urls.json')),
    retryDelays: [0, 500, 1000],
  };

  const urlStored = () => {
    try {
      return /(uploadUrl|parallelUploadUrls)/.test(readFileSync(join(dir, 'urls.json'), 'utf8'));
    } catch {
      return false;
    }
  };

  // 1. Start, and abort once about 40% has been sent.
  await new Promise((resolve, reject) => {
    let aborted = false;
    const up = new Upload(data, {
      ...options,
      onProgress(sent) {
        // Abort only once the URL storage holds the upload (with parallelUploads the client
        // stores the partial URLs after both creations answered): otherwise there is nothing
        // to resume from, which would test the client, not the server.
        if (!aborted && sent >= size * 0.4 && urlStored()) {
          aborted = true;
          up.abort().then(resolve, reject);
        }
      },
      onSuccess: () => reject(new Error('finished before the abort')),
      onError: reject,
    });
    up.start();
  });
  await new Promise((r) => setTimeout(r, 300));
  const before = await receivedBytes();

  // 2. A new Upload finds the stored URL(s) and resumes.
  await new Promise((resolve, reject) => {
    const up = new Upload(data, { ...options, onSuccess: resolve, onError: reject });
    up.findPreviousUploads().then((previous) => {
      if (previous.length === 0) return reject(new Error('no stored upload URL to resume from'));
      up.resumeFromPreviousUpload(previous[0]);
      up.start();
    }, reject);
  });
  const resent = (await receivedBytes()) - before;
  if (!(resent < size)) throw new Error(`${name}: the resume sent ${resent} bytes of ${size}: it did not resume`);

  // 3. The stored bytes, fetched through the API by SHA-256.
  const res = await fetch(`${base}/api/v1/media/${digest}`, { headers });
  if (res.status !== 200) throw new Error(`${name}: GET media answered ${res.status}`);
  const stored = Buffer.from(await res.arrayBuffer());
  if (sha256(stored) !== digest) throw new Error(`${name}: stored bytes differ`);
  rmSync(dir, { recursive: true, force: true });
  console.log(`ok ${name}: ${size} bytes, resumed sending ${resent} bytes, sha256 ${digest.slice(0, 12)}… verified`);
}

let failed = 0;
for (const [name, opts] of [
  ['plain-chunks', { size: 6_000_000, chunkSize: 1_000_000, parallelUploads: 1 }],
  ['parallel-2', { size: 6_000_000, chunkSize: 1_000_000, parallelUploads: 2 }],
]) {
  try {
    await scenario(name, opts);
  } catch (e) {
    failed++;
    console.log(`not ok ${name}: ${e && e.stack ? e.stack : e}`);
  }
}
console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
