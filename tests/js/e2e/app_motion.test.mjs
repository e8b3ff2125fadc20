// A Live Photo end to end, in real Chromium against the real server: a photo and its clip
// dropped together are backed up as two files, paired by the server, shown as one item with a
// "Live" badge, and the viewer plays the clip muted, once, on a press of Play motion, then shows
// the photo again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { chromiumJpeg } from '../lib/exif.mjs';
import { waitForGrid, gridItems } from '../lib/library.mjs';

test('a Live Photo is one item with a badge, and its clip plays in the viewer', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-motion-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    const trip = path.join(dir, 'Trip');
    fs.mkdirSync(trip);
    fs.writeFileSync(path.join(trip, 'IMG_0007.JPG'), await chromiumJpeg(page, 320, 240, 7));
    // VP9 in MP4: a codec this Chromium plays, in the container a phone's clip comes in.
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=green:s=160x120:d=1', '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p',
      '-y', path.join(trip, 'IMG_0007.MP4')]);
    const when = new Date('2024-05-01T10:00:00Z');
    for (const f of ['IMG_0007.JPG', 'IMG_0007.MP4']) fs.utimesSync(path.join(trip, f), when, when);
    await dropPaths(page, '[data-testid="drop-zone"]', [trip]);
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    await backUpAndWait(page);
    // The server pairs them in the background, a few seconds after the uploads.
    let paired = false;
    for (let i = 0; i < 100 && !paired; i++) {
      const items = (await (await server.api('/api/v1/media')).json()).items;
      paired = items.length === 1 && !!items[0].motion;
      if (!paired) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(paired, 'the server paired the photo and its clip');
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 1);
    assert.deepEqual((await gridItems(page)).map((i) => i.name), ['IMG_0007.JPG']);
    assert.equal(await page.locator('[data-testid="thumb"] [data-testid="motion-badge"]').count(), 1);
    await page.getByTestId('thumb-open').click();
    await page.getByTestId('viewer-image').waitFor();
    await page.getByTestId('viewer-motion').click();
    const clip = page.getByTestId('viewer-motion-video');
    await clip.waitFor();
    assert.equal(await clip.evaluate((v) => v.muted), true);
    await page.waitForFunction(() => { const v = document.querySelector('[data-testid="viewer-motion-video"]'); return !v || v.currentTime > 0 || v.ended; }, null, { timeout: 15000 });
    // Once: when it ends the photo is back.
    await page.getByTestId('viewer-image').waitFor({ timeout: 15000 });
    assert.equal(await page.getByTestId('viewer-motion-video').count(), 0);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
