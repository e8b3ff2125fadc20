// The app end to end, network: going offline mid-upload waits for the connection and
// finishes with identical bytes; "Wi-Fi only" on a cellular connection waits for Wi-Fi.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, statusHeadline, backUpAndWait } from '../lib/browser.mjs';
import { bigFolder, slowPatches, statusDetail, waitForReceived } from '../lib/app.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';

test('offline mid-upload: "Waiting for connection", then done by itself with identical bytes', async () => {
  const big = bigFolder('Offline', 30_000_000);
  const server = await startServer({ args: ['--chunk-size', '1MiB'] });
  const b = await launch();
  try {
    await slowPatches(b.page, 200);
    await b.page.goto(server.appUrl());
    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await waitForStatus(b.page, /^Ready to back up 1 photo or video$/);
    await b.page.getByTestId('backup-button').click();
    await waitForReceived(server, 4_000_000);
    await b.context.setOffline(true);
    await waitForStatus(b.page, /^Waiting for connection$/, 15000);
    const atOffline = (await server.metrics())['shoebox_received_bytes_total'];
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(await statusHeadline(b.page), 'Waiting for connection', 'stays waiting while offline');
    assert.ok(atOffline < big.size, 'the upload was cut part-way');
    await b.page.screenshot({ path: screenshotPath('screenshot-offline.png') });
    await b.context.setOffline(false);
    await waitForStatus(b.page, /^Backup complete$/, 120000);
    assert.equal(await statusDetail(b.page), '1 uploaded');
    const [item] = await server.media();
    assert.equal(item.sha256, big.sha256);
    assert.ok((await server.bytesOf(big.sha256)).equals(fs.readFileSync(big.file)), 'stored bytes differ');
  } finally {
    await b.close();
    await server.stop();
  }
});

test('Wi-Fi only on a cellular connection: "Waiting for Wi-Fi", nothing sent, then done on Wi-Fi', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-wifi-'));
  const files = writeTree(path.join(dir, 'Phone'), { 'IMG_1.jpg': jpeg('wifi-1'), 'IMG_2.jpg': jpeg('wifi-2') });
  const server = await startServer();
  const b = await launch();
  try {
    // A real EventTarget, so the app's "change" listener is attached as on a phone or Chromebook.
    await b.page.addInitScript(() => {
      const c = new EventTarget();
      c.type = 'cellular'; c.saveData = false; c.effectiveType = '4g';
      Object.defineProperty(Navigator.prototype, 'connection', { get: () => c, configurable: true });
      window.__connection = c;
    });
    await b.page.goto(server.appUrl('&wifiOnly=1'));
    await dropPaths(b.page, '[data-testid="drop-zone"]', [path.join(dir, 'Phone')]);
    await waitForStatus(b.page, /^Ready to back up 2 photos and videos$/);
    await backUpAndWait(b.page, /^Waiting for Wi-Fi$/, 15000);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await statusHeadline(b.page), 'Waiting for Wi-Fi');
    assert.equal(await server.patchCount(), 0, 'nothing is sent on a metered connection');
    assert.equal((await server.media()).length, 0);
    await b.page.evaluate(() => { window.__connection.type = 'wifi'; window.__connection.dispatchEvent(new Event('change')); });
    await waitForStatus(b.page, /^Backup complete$/, 60000);
    const stored = new Set((await server.media()).map((m) => m.sha256));
    assert.deepEqual(files.map((f) => stored.has(f.sha256)), [true, true]);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
