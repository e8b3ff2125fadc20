// Videos in the library as phones make them: a tile shows the clip's length once the server has
// probed it, and the viewer says when this browser cannot play a clip (HEVC needs hardware
// Chromium on Linux does not use) instead of a silent black box, while a VP9 clip plays.
// The clips are made here with ffmpeg (libx265, libvpx-vp9), about two seconds each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { waitForGrid, seriousViolations } from '../lib/library.mjs';

function clip(file, codecArgs) {
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '2', ...codecArgs, '-y', file];
  const r = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `ffmpeg made ${path.basename(file)}: ${r.stderr}`);
}

test('a video tile shows its length; a clip this browser cannot play says so in the viewer, one it can plays', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-library-clips-'));
  fs.mkdirSync(path.join(dir, 'Phone'));
  clip(path.join(dir, 'Phone', 'IMG_0001.MP4'), ['-c:v', 'libx265', '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1', '-x265-params', 'log-level=error']);
  clip(path.join(dir, 'Phone', 'garden.webm'), ['-c:v', 'libvpx-vp9', '-b:v', '200k']);
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Phone')]);
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    await backUpAndWait(page);
    // The server probes stored videos in the background; the library shows what it knows.
    let probed = [];
    for (let i = 0; i < 40 && !(probed.length === 2 && probed.every((m) => m.durationMs > 0)); i++) {
      await new Promise((r) => setTimeout(r, 500));
      probed = await server.media();
    }
    assert.deepEqual(probed.map((m) => m.codec).sort(), ['hevc', 'vp9'], 'both clips probed');
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 2);
    for (const name of ['IMG_0001.MP4', 'garden.webm']) {
      const badge = page.locator(`[data-testid="thumb"][data-name="${name}"] [data-testid="video-badge"]`);
      await badge.waitFor({ timeout: 30000 });
      assert.equal(await badge.innerText(), '0:02', `${name}: its length`);
    }

    await page.locator('[data-testid="thumb"][data-name="IMG_0001.MP4"] [data-testid="thumb-open"]').click();
    await page.getByTestId('viewer-video').waitFor();
    await page.getByTestId('viewer-unplayable').waitFor({ timeout: 20000 });
    assert.match(await page.getByTestId('viewer-unplayable').innerText(), /cannot be played in this browser.*Download the original/);
    assert.equal(await page.getByTestId('viewer-video').evaluate((v) => v.error && v.error.code), 4, 'the browser itself refused the source');
    assert.deepEqual(await seriousViolations(page), []);
    await page.keyboard.press('Escape');

    await page.locator('[data-testid="thumb"][data-name="garden.webm"] [data-testid="thumb-open"]').click();
    await page.getByTestId('viewer-video').waitFor();
    await page.waitForFunction(() => { const v = document.querySelector('[data-testid="viewer-video"]'); return v && v.readyState >= 1; }, null, { timeout: 20000 });
    const duration = await page.getByTestId('viewer-video').evaluate((v) => v.duration);
    assert.ok(duration > 1.5 && duration < 2.5, `the VP9 clip loads and knows its length: ${duration}`);
    assert.equal(await page.getByTestId('viewer-unplayable').count(), 0, 'no message for a clip that plays');
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
