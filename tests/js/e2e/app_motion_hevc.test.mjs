// A phone's Live Photo end to end, in real Chromium against the real server: an HEVC clip
// (which this Chromium cannot decode), its photo, the photo's Apple edits (.AAE) and an XMP
// sidecar dropped together are all backed up (the sidecars are not skipped), become one item,
// and the viewer plays the clip through the server's H.264 copy and offers the clip and each
// sidecar as downloads of their own.
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

const AAE = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict><key>adjustmentFormatVersion</key><integer>1</integer></dict></plist>\n';
const XMP = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:Rating='5'/></rdf:RDF></x:xmpmeta>\n<?xpacket end='w'?>\n";

test('an HEVC Live Photo with its sidecars is one item whose clip plays as H.264', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-motion-hevc-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    const trip = path.join(dir, 'Trip');
    fs.mkdirSync(trip);
    fs.writeFileSync(path.join(trip, 'IMG_0009.JPG'), await chromiumJpeg(page, 320, 240, 9));
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=s=160x120:d=1:r=15', '-c:v', 'libx265', '-pix_fmt', 'yuv420p',
      '-y', path.join(trip, 'IMG_0009.MOV')]);
    fs.writeFileSync(path.join(trip, 'IMG_0009.AAE'), AAE);
    fs.writeFileSync(path.join(trip, 'IMG_0009.JPG.xmp'), XMP);
    const when = new Date('2024-05-01T10:00:00Z');
    for (const f of fs.readdirSync(trip)) fs.utimesSync(path.join(trip, f), when, when);
    await dropPaths(page, '[data-testid="drop-zone"]', [trip]);
    await waitForStatus(page, /^Ready to back up 4 photos and videos$/);
    await backUpAndWait(page);
    // The server pairs, probes and copies in the background.
    let item = null;
    let items = [];
    for (let i = 0; i < 600 && !item; i++) {
      items = (await (await server.api('/api/v1/media?parts=1')).json()).items.filter((m) => !m.motionOf && !m.sidecarOf);
      if (items.length === 1 && items[0].motion?.h264Copy && items[0].sidecars?.length === 2) item = items[0];
      else await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(item, `one item with its H.264 copy and both sidecars: ${JSON.stringify(items)}`);
    assert.deepEqual(item.sidecars.map((s) => s.filename).sort(), ['IMG_0009.AAE', 'IMG_0009.JPG.xmp']);
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 1);
    assert.deepEqual((await gridItems(page)).map((i) => i.name), ['IMG_0009.JPG']);
    await page.getByTestId('thumb-open').click();
    await page.getByTestId('viewer-image').waitFor();
    // The clip and each sidecar are downloads of their own.
    assert.equal(await page.getByTestId('download-motion').count(), 1);
    const sidecars = await page.getByTestId('download-sidecar').allTextContents();
    assert.deepEqual(sidecars.sort(), ['Download IMG_0009.AAE', 'Download IMG_0009.JPG.xmp']);
    const aae = await page.evaluate(async () => {
      const a = [...document.querySelectorAll('[data-testid="download-sidecar"]')].find((x) => x.textContent.includes('AAE'));
      const r = await fetch(a.href);
      return { body: await r.text(), disposition: r.headers.get('content-disposition') };
    });
    assert.equal(aae.body, AAE);
    assert.equal(aae.disposition, 'attachment; filename="IMG_0009.AAE"');
    // HEVC does not play here; the copy does.
    await page.getByTestId('viewer-motion').click();
    const clip = page.getByTestId('viewer-motion-video');
    await clip.waitFor();
    await page.waitForFunction(() => { const v = document.querySelector('[data-testid="viewer-motion-video"]'); return !v || v.currentTime > 0 || v.ended; }, null, { timeout: 15000 });
    await page.getByTestId('viewer-image').waitFor({ timeout: 15000 });
    assert.equal(await page.getByTestId('viewer-motion-video').count(), 0);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
