// The status card when the destination cannot be reached before anything is chosen: a reload
// with the server gone (the shell from the service worker) says "Waiting for connection", never
// "Ready", also while the engine asks the server again; the page still offers to choose folders
// (nothing is running: no Pause, no progress); when the server comes back it turns to "Ready".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus, statusHeadline } from '../lib/browser.mjs';
import { untilControlled } from '../lib/pwa.mjs';

test('server gone, nothing chosen: "Waiting for connection" until it is back, then "Ready"', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await untilControlled(page);
    await waitForStatus(page, /^Ready$/);
    await server.kill();
    await page.reload();
    await waitForStatus(page, /^Waiting for connection$/, 15000);
    // Sampled through the engine's first retries (after 1, 2 and 4 s): never "Ready" meanwhile.
    const seen = new Set();
    for (const end = Date.now() + 8000; Date.now() < end;) {
      seen.add(await statusHeadline(page));
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual([...seen], ['Waiting for connection']);
    assert.ok(await page.getByTestId('drop-zone').isVisible(), 'folders can still be chosen');
    assert.equal(await page.getByTestId('pause-button').count(), 0, 'nothing runs, so nothing to pause');
    assert.equal(await page.getByTestId('overall-progress').count(), 0, 'no batch progress');
    await server.restart();
    await waitForStatus(page, /^Ready$/, 60000);
  } finally {
    await b.close();
    await server.stop();
  }
});
