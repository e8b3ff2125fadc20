// The app end to end, after a reload: "Continue your backup", the same folder dropped
// again, and the upload resumes from the server's offset (fewer bytes than the file) intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpUnlessStarted } from '../lib/browser.mjs';
import { bigFolder, slowPatches, statusDetail, waitForReceived, received } from '../lib/app.mjs';


test('a reload mid-upload continues from the server\'s offset after the folder is dropped again', async () => {
  const big = bigFolder('Resume', 40_000_000);
  const server = await startServer({ args: ['--chunk-size', '1MiB'] });
  const b = await launch();
  try {
    await slowPatches(b.page, 150);
    b.page.on('dialog', (d) => d.accept()); // the leave-page prompt: yes, leave
    await b.page.goto(server.appUrl());
    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await waitForStatus(b.page, /^Ready to back up 1 photo or video$/);
    await b.page.getByTestId('backup-button').click();
    await waitForReceived(server, 10_000_000);
    await b.page.reload();
    await waitForStatus(b.page, /^Continue your backup$/, 15000);
    const before = await received(server);
    assert.ok(before >= 10_000_000 && before < big.size, `received ${before} before the reload`);
    await b.page.screenshot({ path: screenshotPath('screenshot-continue.png') });

    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await backUpUnlessStarted(b.page, 180000);
    assert.equal(await statusDetail(b.page), '1 uploaded');

    const after = await received(server) - before;
    assert.ok(after < big.size, `after the reload the server received ${after} bytes, the whole file is ${big.size}: it started again`);
    assert.ok(after >= big.size - before, `only ${after} bytes after the reload, ${before} before: the file cannot be complete`);
    const media = await server.media();
    assert.equal(media.length, 1);
    assert.ok((await server.bytesOf(big.sha256)).equals(fs.readFileSync(big.file)), 'stored bytes differ');
  } finally {
    await b.close();
    await server.stop();
  }
});
