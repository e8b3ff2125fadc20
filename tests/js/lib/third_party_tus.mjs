// A real third-party tus 1.0 server that offers ONLY sha1 for the checksum extension, for tests
// that upload to something other than shoebox-server.
//
// Server: tuswsgi 0.5.5 from PyPI (the WSGI tus middleware Galaxy uses; a fork of tusfilter).
// Out of the box it advertises `Tus-Checksum-Algorithm: sha1` only, lists `checksum` in
// Tus-Extension, checks `Upload-Checksum: sha1 <base64>` on every PATCH that has it, and answers
// 460 on a mismatch (400 for any other algorithm). It runs under the standard library's wsgiref
// server, in a Python child process; nothing here changes its checksum handling.
//
// Installing it is the bootstrap script's job, never this file's. The pinned install is:
//
//   python3 -m venv target/tuswsgi-venv &&
//     target/tuswsgi-venv/bin/pip install --quiet --disable-pip-version-check tuswsgi==0.5.5 WebOb==1.8.11
//
// (wheel sha256: tuswsgi-0.5.5 10dddb1ae8ee5faa65069a9d6f178c08551fad45cf17c158df6c7d1e19f964c4,
//  webob-1.8.11 4addd1d38d6a7fbe0eda22d45f25a40d74c8b290f3a99c0ac3d4023cf21f2da2.)
// Another interpreter can be named with SHOEBOX_TUS_PYTHON or the `python` option.
//
// tuswsgi sends no CORS headers, so a small in-process node:http proxy sits in front of it. It
// answers CORS preflights itself (OPTIONS carrying Access-Control-Request-Method), passes
// everything else through (the tus OPTIONS too), adds Access-Control-Allow-Origin and
// Access-Control-Expose-Headers to every answer, and counts the PATCH requests and their statuses.
//
// What tuswsgi does and does not do (checked by hand with curl against this setup):
// - POST needs Upload-Length or Upload-Defer-Length: 1 (else 400); answers 201 with an absolute
//   Location http://127.0.0.1:<proxy port>/files/<32 hex> and Upload-Expires.
// - No creation-with-upload: a POST body is ignored (it is not advertised either).
// - PATCH needs Content-Type: application/offset+octet-stream exactly (else 400). tuswsgi itself
//   never reads Upload-Offset and appends blindly; with `strictOffset` (the default) the launcher's
//   subclass first answers 409 when Upload-Offset differs from the stored size (400 when missing),
//   with tuswsgi's own error classes. `strictOffset: false` gives the unmodified behaviour.
// - Termination (DELETE, always 204), expiration, creation-defer-length, concatenation.
// - Upload-Checksum without a space is an unhandled exception (500); bad base64 is decoded
//   leniently and so answers 460.
// - A PATCH that goes past Upload-Length is written first and then answered 400: the stored
//   file is then longer than the upload and is never reported as complete.
// - GET on an upload is 405: read the stored bytes with uploads().
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
export const TUSWSGI_VERSION = '0.5.5';
export const TUS_PYTHON = process.env.SHOEBOX_TUS_PYTHON || path.join(ROOT, 'target/tuswsgi-venv/bin/python');
export const TUS_INSTALL_HINT =
  'python3 -m venv target/tuswsgi-venv && target/tuswsgi-venv/bin/pip install tuswsgi==0.5.5 WebOb==1.8.11';

const EXPOSE_HEADERS = [
  'Tus-Extension', 'Tus-Checksum-Algorithm', 'Tus-Resumable', 'Tus-Version', 'Tus-Max-Size',
  'Upload-Offset', 'Upload-Length', 'Upload-Defer-Length', 'Upload-Metadata', 'Upload-Expires', 'Upload-Concat', 'Location',
].join(', ');
const ALLOW_HEADERS = [
  'Upload-Checksum', 'Upload-Offset', 'Upload-Length', 'Upload-Defer-Length', 'Upload-Metadata', 'Upload-Concat',
  'Tus-Resumable', 'Content-Type', 'Authorization', 'X-HTTP-Method-Override', 'X-Requested-With',
].join(', ');
const ALLOW_METHODS = 'POST, GET, HEAD, PATCH, DELETE, OPTIONS';

// The Python side: tuswsgi's TusMiddleware around a tiny app that tuswsgi calls once an upload is
// complete (it hands over the stored file's path as the body); that app appends one JSON line per
// completed upload to a log file, and answers 200 so that tuswsgi sends its own 204.
const LAUNCHER = String.raw`
import json, os, socketserver, sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
cfg = json.loads(sys.argv[1])
try:
    import importlib.metadata as md
    import tuswsgi, webob
    version = md.version('tuswsgi')
except Exception as e:
    print('MISSING %r' % (e,), flush=True)
    sys.exit(3)
if version != cfg['version']:
    print('WRONG_VERSION tuswsgi %s (wanted %s)' % (version, cfg['version']), flush=True)
    sys.exit(3)

class Middleware(tuswsgi.TusMiddleware):
    def patch(self, env):
        if cfg['strict_offset']:
            offset = env.req.headers.get('Upload-Offset')
            if offset is None:
                raise tuswsgi.MissingUploadOffsetError()
            try:
                offset = int(offset)
            except ValueError:
                raise tuswsgi.InvalidUploadOffsetError()
            if offset != self.get_current_offset(env):
                raise tuswsgi.ConflictUploadOffsetError()
        return super().patch(env)

def completed(environ, start_response):
    if environ['REQUEST_METHOD'] != 'PATCH':
        start_response('404 Not Found', [('Content-Type', 'text/plain')])
        return [b'not found']
    n = int(environ.get('CONTENT_LENGTH') or 0)
    stored = environ['wsgi.input'].read(n).decode('utf-8')
    uid = os.path.basename(stored)
    try:
        with open(stored + '.info') as f:
            metadata = json.load(f).get('upload_metadata') or {}
    except Exception:
        metadata = {}
    with open(cfg['log'], 'a') as f:
        f.write(json.dumps({'id': uid, 'path': stored, 'metadata': metadata}) + '\n')
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '0')])
    return [b'']

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        if cfg['verbose']:
            super().log_message(*args)

class Threading(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True

app = Middleware(completed, upload_path='/files', api_base=cfg['api_base'], tmp_dir=cfg['store'], max_size=cfg['max_size'])
server = make_server('127.0.0.1', 0, app, server_class=Threading, handler_class=Quiet)
print('LISTENING %d' % server.server_port, flush=True)
server.serve_forever()
`;

/**
 * Starts tuswsgi (sha1-only checksum) behind a CORS proxy on free 127.0.0.1 ports.
 * @param {object} o
 * @param {string} o.corsOrigin the page's origin, e.g. 'http://127.0.0.1:9999' ('*' for any)
 * @param {boolean} [o.strictOffset=true] answer 409 to a PATCH whose Upload-Offset is not the stored size
 * @param {number} [o.maxSize=2**30] Tus-Max-Size
 * @param {string} [o.python] interpreter that has tuswsgi installed
 * @param {boolean} [o.verbose] log every request of both servers to stderr
 * @param {boolean} [o.keepFiles] leave the stored uploads on disk after stop()
 */
export async function startSha1TusServer({ corsOrigin, strictOffset = true, maxSize = 2 ** 30, python = TUS_PYTHON, verbose = false, keepFiles = false } = {}) {
  if (!corsOrigin) throw new Error('startSha1TusServer: corsOrigin is required (the test page origin)');
  if (!fs.existsSync(python)) {
    throw new Error(`third-party tus server: no Python at ${python}; install the pinned tuswsgi first (from the repo root): ${TUS_INSTALL_HINT}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-tuswsgi-'));
  const store = path.join(dir, 'store');
  const log = path.join(dir, 'completed.jsonl');
  fs.mkdirSync(store);

  let upstreamPort = 0;
  const patches = { total: 0, status460: 0, byStatus: {} };
  const requests = [];
  const cors = (headers) => {
    headers['access-control-allow-origin'] = corsOrigin;
    headers['access-control-expose-headers'] = EXPOSE_HEADERS;
    if (corsOrigin !== '*') {
      headers['access-control-allow-credentials'] = 'true';
      headers.vary = 'Origin';
    }
    return headers;
  };

  const proxy = http.createServer((req, res) => {
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, cors({
        'access-control-allow-methods': ALLOW_METHODS,
        'access-control-allow-headers': ALLOW_HEADERS,
        'access-control-max-age': '600',
        'content-length': '0',
      }));
      res.end();
      return;
    }
    const headers = { ...req.headers, host: `127.0.0.1:${upstreamPort}` };
    const up = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers, agent: false }, (ur) => {
      const out = cors({ ...ur.headers });
      const entry = { method: req.method, path: req.url, status: ur.statusCode, uploadChecksum: req.headers['upload-checksum'] || null, uploadOffset: req.headers['upload-offset'] ?? null };
      requests.push(entry);
      if (req.method === 'PATCH') {
        patches.total += 1;
        patches.byStatus[ur.statusCode] = (patches.byStatus[ur.statusCode] || 0) + 1;
        if (ur.statusCode === 460) patches.status460 += 1;
      }
      res.writeHead(ur.statusCode, ur.statusMessage, out);
      ur.pipe(res);
    });
    up.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, cors({ 'content-type': 'text/plain' }));
      res.end(`tus proxy: ${e.message}`);
    });
    req.pipe(up);
  });
  await new Promise((resolve, reject) => { proxy.once('error', reject); proxy.listen(0, '127.0.0.1', resolve); });
  const proxyPort = proxy.address().port;
  const base = `http://127.0.0.1:${proxyPort}`;

  const cfg = { version: TUSWSGI_VERSION, api_base: base, store, log, max_size: maxSize, strict_offset: strictOffset, verbose };
  const child = spawn(python, ['-c', LAUNCHER, JSON.stringify(cfg)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; if (verbose) process.stderr.write(d); });
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));
  const cleanup = async () => {
    proxy.closeAllConnections?.();
    await new Promise((r) => proxy.close(() => r()));
    if (!exited) { child.kill('SIGTERM'); await exit; }
    if (!keepFiles) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    upstreamPort = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tuswsgi did not start within 15 s: ${stderr}`)), 15000);
      const rl = readline.createInterface({ input: child.stdout });
      rl.on('line', (line) => {
        const m = line.match(/^LISTENING (\d+)$/);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
        else if (/^(MISSING|WRONG_VERSION)/.test(line)) {
          clearTimeout(timer);
          reject(new Error(`third-party tus server: ${python} has no usable tuswsgi ${TUSWSGI_VERSION} (${line}); install it (from the repo root): ${TUS_INSTALL_HINT}`));
        } else if (verbose) process.stderr.write(`[tuswsgi] ${line}\n`);
      });
      exit.then(({ code, signal }) => { clearTimeout(timer); reject(new Error(`tuswsgi exited (${code ?? signal}) before listening: ${stderr}`)); });
    });
    // Ready when the tus OPTIONS answers through the proxy.
    const deadline = Date.now() + 10000;
    for (;;) {
      try {
        const r = await fetch(`${base}/files/`, { method: 'OPTIONS' });
        if (r.status === 204 && r.headers.get('tus-checksum-algorithm') === 'sha1') break;
        throw new Error(`OPTIONS answered ${r.status}, Tus-Checksum-Algorithm ${r.headers.get('tus-checksum-algorithm')}`);
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`tuswsgi is not answering: ${e.message} ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (e) {
    await cleanup();
    throw e;
  }

  return {
    endpoint: `${base}/files/`,
    origin: base,
    storeDir: store,
    /**
     * Completed uploads, in completion order: { id, location, path, size, sha256, metadata }
     * (metadata is the decoded Upload-Metadata; sha256 is hex, of the bytes stored now).
     */
    uploads() {
      if (!fs.existsSync(log)) return [];
      return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => {
        const u = JSON.parse(line);
        const location = `${base}/files/${u.id}`;
        // A DELETE (termination) after completion removes the file: size and sha256 are then null.
        if (!fs.existsSync(u.path)) return { ...u, location, size: null, sha256: null };
        const bytes = fs.readFileSync(u.path);
        return { ...u, location, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
      });
    },
    /** PATCH requests seen by the proxy: { total, status460, byStatus: { '204': n, '460': m, ... } }. */
    patchCount() {
      return { total: patches.total, status460: patches.status460, byStatus: { ...patches.byStatus } };
    },
    /** Every proxied (non-preflight) request: { method, path, status, uploadChecksum, uploadOffset }. */
    requests() {
      return requests.slice();
    },
    async stop() {
      await cleanup();
    },
  };
}
