// The page paints before the photo/hash workers load: a kiosk or a Chromebook must
// not wait for worker wasm to be fetched and compiled before it shows anything.
// Ordering only (no timings): the first contentful paint comes before any Worker is created, and
// no worker wasm (hashworker_bg.wasm, worker_bg.wasm) is preloaded or requested before that
// paint (by a worker or by the service worker's install, which fetches the whole shell: it is
// registered after the paint too); the workers then start and a dropped folder is still
// checked by them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, waitForPlanChecked } from '../lib/browser.mjs';
import { jpeg } from '../lib/fixtures.mjs';

// Runs in the page before its own scripts: notes when each Worker is created and when the page
// first painted content, on the page's own clock.
function watchPaintAndWorkers() {
  window.__workersAt = [];
  const Native = window.Worker;
  window.Worker = function Worker(url, opts) {
    window.__workersAt.push(performance.now());
    return new Native(url, opts);
  };
  window.Worker.prototype = Native.prototype;
  window.__paintAt = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint' && window.__paintAt === null) window.__paintAt = e.startTime;
  }).observe({ type: 'paint', buffered: true });
}

test('the first paint comes before the workers are created and their wasm is fetched; they then do their work', async () => {
  const server = await startServer();
  const b = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-first-paint-'));
  try {
    const page = b.page;
    await page.addInitScript(watchPaintAndWorkers);
    const wasmRequests = [];
    // The context sees the page's, its workers' and its service worker's requests.
    page.context().on('request', (r) => { if (/worker_bg\.wasm/.test(r.url())) wasmRequests.push({ at: Date.now(), sw: !!r.serviceWorker() }); });
    await page.goto(server.appUrl());
    await page.waitForFunction(() => window.__paintAt !== null && window.__workersAt.length > 0);
    const { paintAt, workersAt, paintEpoch, preloads } = await page.evaluate(() => ({
      paintAt: window.__paintAt,
      workersAt: window.__workersAt,
      paintEpoch: performance.timeOrigin + window.__paintAt,
      preloads: [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) => l.href).filter((h) => /worker/.test(h)),
    }));
    assert.deepEqual(preloads, [], 'the worker must not be preloaded with the page');
    for (const at of workersAt) assert.ok(at > paintAt, `a worker was created at ${at} ms, before the first paint at ${paintAt} ms`);
    // The worker's own request for its wasm: never before the paint.
    for (const r of wasmRequests) {
      assert.ok(r.at >= Math.floor(paintEpoch), `worker_bg.wasm was requested ${Math.floor(paintEpoch) - r.at} ms before the first paint${r.sw ? ' by the service worker' : ''}`);
    }

    // The deferred workers still inspect a dropped folder.
    await waitForStatus(page, /^Ready$/);
    fs.writeFileSync(path.join(dir, 'IMG_0001.jpg'), jpeg('first-paint', 40_000));
    await dropPaths(page, '[data-testid="drop-zone"]', [dir]);
    await waitForStatus(page, /^Ready to back up 1 photo/, 60000);
    await waitForPlanChecked(page);
    assert.ok(wasmRequests.length > 0, 'the workers fetched their wasm');
    assert.deepEqual(b.errors.filter((e) => !/favicon/.test(e)), []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
