// Starts a fresh shoebox-server on 127.0.0.1 (port 0, its own data folder) for one test, and
// talks to its API: media by SHA-256, /metrics counters.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
export const SERVER_BIN = process.env.SHOEBOX_SERVER_BIN || path.join(ROOT, 'target/debug/shoebox-server');
/**
 * Where tests save their screenshots: docs/ (shown in the README) only when
 * SHOEBOX_SCREENSHOTS=1, so that an ordinary test run leaves the work tree clean.
 */
export function screenshotPath(name) {
  const dir = process.env.SHOEBOX_SCREENSHOTS === '1' ? path.join(ROOT, 'docs') : path.join(ROOT, 'target', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
export const APP_DIR = process.env.SHOEBOX_APP_DIR || path.join(ROOT, 'dist');

/** Spawns the server binary and resolves with its child process and base URL. */
async function spawnServer(listen, dataDir, appDir, user, token, args) {
  const child = spawn(SERVER_BIN, ['--listen', listen, '--data-dir', dataDir, '--app-dir', appDir, '--token', `${user}:${token}`, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 20000);
    const rl = readline.createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      const m = line.match(/Shoebox is running: open (http:\/\/[^/\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  return { child, base };
}

export async function startServer({ token = 'e2e-token', user = 'e2e', args = [], appDir = APP_DIR } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-e2e-'));
  const first = await spawnServer('127.0.0.1:0', dataDir, appDir, user, token, args);
  let child = first.child;
  const base = first.base;
  const auth = { Authorization: `Bearer ${token}` };
  const server = {
    base, token, dataDir,
    get child() { return child; },
    /** Runs `shoebox-server --data-dir <its data> ARGS...` (e.g. `user add`), returning stdout. */
    cli(...cliArgs) {
      return execFileSync(SERVER_BIN, ['--data-dir', dataDir, ...cliArgs], { encoding: 'utf8' });
    },
    /** Kill the process (SIGKILL), keeping its data folder: the server is "down". */
    async kill() {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.on('exit', r)));
    },
    /** Start it again on the same address and data folder (optionally serving another app build). */
    async restart(dir = appDir) {
      if (child.exitCode === null && child.signalCode === null) await server.kill();
      child = (await spawnServer(base.replace('http://', ''), dataDir, dir, user, token, args)).child;
    },
    appUrl: (params = '') => `${base}/?token=${encodeURIComponent(token)}${params}`,
    /** Exchanges the one-time `?signin=` link on the last line of `user add`/`user link`'s
     * output for a device token of its own, as the app does; returns the token. */
    async signIn(cliOutput, name = 'Test client') {
      const code = new URL(cliOutput.trim().split('\n').pop()).searchParams.get('signin');
      const r = await fetch(`${base}/api/v1/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
      if (!r.ok) throw new Error(`signin: ${r.status} ${await r.text()}`);
      return (await r.json()).token;
    },
    async api(p, init = {}) {
      const r = await fetch(base + p, { ...init, headers: { ...auth, ...(init.headers || {}) } });
      if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
      return r;
    },
    /** Every media item of the user, following the cursor. */
    async media() {
      const items = [];
      let cursor = '';
      for (;;) {
        const page = await (await server.api(`/api/v1/media?limit=500${cursor ? '&cursor=' + encodeURIComponent(cursor) : ''}`)).json();
        items.push(...page.items);
        if (!page.next) return items;
        cursor = page.next;
      }
    },
    async bytesOf(sha) {
      return Buffer.from(await (await server.api(`/api/v1/media/${sha}`)).arrayBuffer());
    },
    /** Parsed /metrics: {name{labels}: value}. */
    async metrics() {
      const text = await (await server.api('/metrics')).text();
      const out = {};
      for (const line of text.split('\n')) {
        if (!line || line.startsWith('#')) continue;
        const i = line.lastIndexOf(' ');
        out[line.slice(0, i)] = Number(line.slice(i + 1));
      }
      return out;
    },
    async patchCount() {
      const m = await server.metrics();
      return Object.entries(m).filter(([k]) => k.startsWith('shoebox_http_requests_total') && k.includes('method="PATCH"')).reduce((a, [, v]) => a + v, 0);
    },
    async stop() {
      await server.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
