// A headless Chromium driven over the DevTools protocol without its Network domain, for the
// upload row. Playwright enables Network on every page (its request events need it), and with
// it on Chromium reports every upload to DevTools: in our measurements that slowed the anchors'
// uploads by about a quarter while ours, busy hashing, hid it, which flattered our ratio. No
// user has DevTools attached, so the row is taken this way. Only what the row needs: open a
// page, evaluate, drop paths, click, pick files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ws as WebSocket } from 'playwright-core/lib/utilsBundle';
import { CHROMIUM, ARGS } from '../lib/browser.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts Chromium on `url` with the project's flags; resolves once the page's target answers. */
export async function launchRaw(userDataDir, url) {
  const child = spawn(CHROMIUM, [...ARGS, '--window-size=1366,768', `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', url], { stdio: 'ignore' });
  const portFile = path.join(userDataDir, 'DevToolsActivePort');
  let port = null;
  for (let i = 0; i < 300 && !port; i++, await sleep(100)) {
    if (fs.existsSync(portFile)) port = Number(fs.readFileSync(portFile, 'utf8').split('\n')[0]) || null;
  }
  if (!port) throw new Error('Chromium did not open its DevTools port');
  let target = null;
  for (let i = 0; i < 300 && !target; i++, await sleep(100)) {
    target = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()).find((t) => t.type === 'page');
  }
  const sock = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 256 << 20 });
  await new Promise((res, rej) => { sock.once('open', res); sock.once('error', rej); });
  let id = 0;
  const pending = new Map();
  sock.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
  });
  const send = (method, params = {}) => new Promise((res, rej) => {
    pending.set(++id, (m) => (m.error ? rej(new Error(`${method}: ${m.error.message}`)) : res(m.result)));
    sock.send(JSON.stringify({ id, method, params }));
  });
  const evaluate = async (expression, awaitPromise = false) => {
    const r = await send('Runtime.evaluate', { expression, awaitPromise, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
    return r.result.value;
  };
  const centre = async (selector) => JSON.parse(await evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return JSON.stringify({ x: r.x + Math.min(r.width, 1366) / 2, y: r.y + Math.min(r.height, 700) / 2 }); })()`));
  return {
    send, evaluate,
    /** Polls the status card's headline every `every` ms until it matches. */
    async waitForStatus(re, timeout = 120000, every = 50) {
      const end = Date.now() + timeout;
      for (;;) {
        const h = await evaluate(`(document.querySelector('[data-testid="status-card"] h2') || {}).textContent || ''`);
        if (re.test(h.trim())) return;
        if (Date.now() > end) throw new Error(`status still "${h}" after ${timeout} ms, waiting for ${re}`);
        await sleep(every);
      }
    },
    /** Drops real files or folders on the element's centre, as dropPaths does. */
    async dropPaths(selector, paths) {
      const { x, y } = await centre(selector);
      for (const type of ['dragEnter', 'dragOver', 'drop']) await send('Input.dispatchDragEvent', { type, x, y, data: { items: [], files: paths, dragOperationsMask: 1 } });
    },
    /** A real mouse click on the element's centre (a user gesture). */
    async click(selector) {
      const { x, y } = await centre(selector);
      for (const type of ['mousePressed', 'mouseReleased']) await send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    },
    async setInputFiles(selector, files) {
      const { root } = await send('DOM.getDocument');
      const { nodeId } = await send('DOM.querySelector', { nodeId: root.nodeId, selector });
      await send('DOM.setFileInputFiles', { nodeId, files });
    },
    /** Loads `u` (again), resolving once the new document has loaded. */
    async goto(u) {
      const before = await evaluate('performance.timeOrigin');
      await send('Page.navigate', { url: u });
      for (let i = 0; i < 300; i++, await sleep(100)) {
        const now = await evaluate('[performance.timeOrigin, document.readyState]').catch(() => null);
        if (now && now[0] !== before && now[1] === 'complete') return;
      }
      throw new Error(`${u} did not load`);
    },
    async close() {
      // Browser.close lets Chromium end its helper processes, which may still be writing to
      // the profile when the browser process alone is killed.
      const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
      await Promise.race([send('Browser.close').catch(() => {}), sleep(5000)]);
      await Promise.race([exited, sleep(10000)]);
      child.kill('SIGKILL');
      await exited;
      sock.close();
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
