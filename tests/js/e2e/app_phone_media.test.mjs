// A card of mixed phone media end to end, in real Chromium against the real server: a HEIC, a
// DNG, an HEVC video, an H.264 video, a Motion Photo, a Live Photo pair and a plain JPEG are
// backed up from one folder; in the library every item shows a real thumbnail (its pixels read,
// upright where the file says to turn it), only the truly broken file shows the placeholder, and
// the Motion Photo and the Live Photo play in the viewer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { halvesJpeg, rawPixels, isRed, isBlue, waitForGrid } from '../lib/library.mjs';

/** A DNG whose IFD0 says orientation 6 and whose SubIFD's one strip is the JPEG `preview`. */
function dng(preview) {
  const head = Buffer.alloc(8 + 2 + 3 * 12 + 4 + 2 + 3 * 12 + 4);
  head.write('II*\0', 0, 'latin1');
  head.writeUInt32LE(8, 4);
  const sub = 8 + 2 + 3 * 12 + 4;
  const data = head.length;
  let at = 8;
  const entry = (tag, type, count, value) => {
    head.writeUInt16LE(tag, at); head.writeUInt16LE(type, at + 2); head.writeUInt32LE(count, at + 4); head.writeUInt32LE(value, at + 8);
    at += 12;
  };
  head.writeUInt16LE(3, at); at += 2;
  entry(0x0112, 3, 1, 6);
  entry(0x014a, 4, 1, sub);
  entry(0xc612, 1, 4, 0x0401);
  at += 4;
  head.writeUInt16LE(3, at); at += 2;
  entry(0x0103, 3, 1, 7);
  entry(0x0111, 4, 1, data);
  entry(0x0117, 4, 1, preview.length);
  return Buffer.concat([head, preview]);
}

/** A Motion Photo: `jpeg` with Google's XMP saying its last `clip.length` bytes are a video, and the clip after it. */
function motionPhoto(jpeg, clip) {
  const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    + '<rdf:Description xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" xmlns:Container="http://ns.google.com/photos/1.0/container/" '
    + 'xmlns:Item="http://ns.google.com/photos/1.0/container/item/" GCamera:MotionPhoto="1" GCamera:MotionPhotoVersion="1">'
    + '<Container:Directory><rdf:Seq><rdf:li><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0"/></rdf:li>'
    + `<rdf:li><Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="${clip.length}"/></rdf:li></rdf:Seq>`
    + '</Container:Directory></rdf:Description></rdf:RDF></x:xmpmeta>';
  const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp)]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, body, jpeg.subarray(2), clip]);
}

function ffmpeg(dir, name, source, codec) {
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', source, '-c:v', codec, '-pix_fmt', 'yuv420p', '-y', path.join(dir, name)]);
  return fs.readFileSync(path.join(dir, name));
}

/** Waits until the tile named `name` has either a loaded image or the placeholder; which one. */
async function tileState(page, name) {
  const h = await page.waitForFunction((name) => {
    const t = [...document.querySelectorAll('[data-testid="thumb"]')].find((e) => e.dataset.name === name);
    if (!t) return null;
    if (t.querySelector('[data-testid="placeholder"]')) return { placeholder: true };
    const img = t.querySelector('img');
    return img && img.complete && img.naturalWidth > 0 ? { placeholder: false, src: img.src, w: img.naturalWidth, h: img.naturalHeight } : null;
  }, name, { timeout: 60000 });
  return h.jsonValue();
}

/** Opens `name` in the viewer, presses Play motion, and waits for the clip to run and end. */
async function playsMotion(page, name) {
  await page.locator(`[data-testid="thumb"][data-name="${name}"] [data-testid="thumb-open"]`).click();
  await page.getByTestId('viewer-image').waitFor();
  await page.getByTestId('viewer-motion').click();
  await page.getByTestId('viewer-motion-video').waitFor();
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="viewer-motion-video"]');
    return !v || v.currentTime > 0 || v.ended;
  }, null, { timeout: 20000 });
  const error = await page.evaluate(() => document.querySelector('[data-testid="viewer-motion-video"]')?.error?.code ?? 0);
  assert.equal(error, 0, `${name}: the clip decodes`);
  await page.getByTestId('viewer-image').waitFor({ timeout: 20000 });
  await page.keyboard.press('Escape');
  await page.getByTestId('viewer-image').waitFor({ state: 'detached' });
}

test('a card of mixed phone media: every item has a real thumbnail, and the moving ones play', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-phone-media-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    const card = path.join(dir, 'DCIM');
    const work = path.join(dir, 'work');
    fs.mkdirSync(card);
    fs.mkdirSync(work);
    const halves = await halvesJpeg(page, 640, 320);
    fs.writeFileSync(path.join(work, 'halves.jpg'), halves);
    execFileSync('heif-enc', ['-q', '90', '-o', path.join(card, 'IMG_1001.HEIC'), path.join(work, 'halves.jpg')]);
    const heic = fs.readFileSync(path.join(card, 'IMG_1001.HEIC'));
    fs.writeFileSync(path.join(card, 'BROKEN.HEIC'), heic.subarray(0, heic.length >> 1));
    fs.writeFileSync(path.join(card, 'IMG_1002.DNG'), dng(halves));
    ffmpeg(card, 'IMG_1003.MOV', 'testsrc=s=320x240:d=2:r=15', 'libx265');
    ffmpeg(card, 'IMG_1004.MP4', 'testsrc=s=320x240:d=2:r=15', 'libx264');
    const clip = ffmpeg(work, 'clip.mp4', 'color=c=blue:s=160x120:d=1', 'libx264');
    fs.writeFileSync(path.join(card, 'PXL_1005.MP.jpg'), motionPhoto(await halvesJpeg(page, 320, 240), clip));
    fs.writeFileSync(path.join(card, 'IMG_1006.JPG'), await halvesJpeg(page, 320, 240));
    ffmpeg(card, 'IMG_1006.MOV', 'color=c=green:s=160x120:d=1', 'libx264');
    fs.writeFileSync(path.join(card, 'IMG_1007.JPG'), await halvesJpeg(page, 400, 300));
    const when = new Date('2024-05-01T10:00:00Z');
    for (const f of fs.readdirSync(card)) fs.utimesSync(path.join(card, f), when, when);

    await dropPaths(page, '[data-testid="drop-zone"]', [card]);
    await waitForStatus(page, /^Ready to back up 9 photos and videos$/);
    await backUpAndWait(page);
    // Pairing, Motion Photo detection and video facts come from background jobs.
    let items = [];
    for (let i = 0; i < 600; i++) {
      items = (await (await server.api('/api/v1/media')).json()).items;
      const live = items.find((m) => m.filename === 'IMG_1006.JPG');
      const mp = items.find((m) => m.filename === 'PXL_1005.MP.jpg');
      const videos = items.filter((m) => m.kind === 'video');
      if (items.length === 8 && live?.motion && mp?.motion && videos.every((v) => v.durationMs)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const names = items.map((m) => m.filename).sort();
    assert.deepEqual(names, ['BROKEN.HEIC', 'IMG_1001.HEIC', 'IMG_1002.DNG', 'IMG_1003.MOV', 'IMG_1004.MP4', 'IMG_1006.JPG', 'IMG_1007.JPG', 'PXL_1005.MP.jpg'],
      'the Live Photo\'s clip is no item of its own');

    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 8);
    for (const name of names) {
      const state = await tileState(page, name);
      assert.equal(state.placeholder, name === 'BROKEN.HEIC', `${name}: ${JSON.stringify(state)}`);
    }
    // Real pictures, not just any image: the HEIC left red and right blue; the DNG's preview
    // turned as the file says (red on top); the video a frame of its test pattern (not grey).
    const heicThumb = await rawPixels(page, (await tileState(page, 'IMG_1001.HEIC')).src, [[0.1, 0.5], [0.9, 0.5]]);
    assert.ok(heicThumb.width > heicThumb.height && isRed(heicThumb.at[0]) && isBlue(heicThumb.at[1]), JSON.stringify(heicThumb));
    const dngThumb = await rawPixels(page, (await tileState(page, 'IMG_1002.DNG')).src, [[0.5, 0.1], [0.5, 0.9]]);
    assert.ok(dngThumb.height > dngThumb.width && isRed(dngThumb.at[0]) && isBlue(dngThumb.at[1]), JSON.stringify(dngThumb));
    const hevcThumb = await rawPixels(page, (await tileState(page, 'IMG_1003.MOV')).src, [[0.1, 0.2], [0.5, 0.2], [0.9, 0.2]]);
    const spread = (c) => Math.max(...c) - Math.min(...c);
    assert.ok(hevcThumb.at.some((c) => spread(c) > 100), `the HEVC video's frame is coloured bars: ${JSON.stringify(hevcThumb)}`);

    await playsMotion(page, 'PXL_1005.MP.jpg');
    await playsMotion(page, 'IMG_1006.JPG');
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
