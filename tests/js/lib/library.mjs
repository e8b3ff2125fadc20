// Helpers for the library's tests: two-colour JPEGs made in Chromium (so a thumbnail's rotation
// can be read from its pixels), reading a thumbnail's raw pixels, backing folders up into the grid, and its items.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';
import { dropPaths, waitForStatus } from './browser.mjs';

const AXE = path.join(ROOT, 'tests/js/node_modules/axe-core/axe.min.js');

/** A w x h JPEG whose left half is red and right half blue (stored pixels, before any EXIF orientation). */
export async function halvesJpeg(page, w, h) {
  const b64 = await page.evaluate(async ([w, h]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.fillStyle = '#ff0000'; g.fillRect(0, 0, w / 2, h);
    g.fillStyle = '#0000ff'; g.fillRect(w / 2, 0, w / 2, h);
    const buf = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
    return btoa(s);
  }, [w, h]);
  return Buffer.from(b64, 'base64');
}

/** The image at `url` as stored (EXIF orientation NOT applied): its size and the RGB at given points (fractions). */
export async function rawPixels(page, url, points) {
  return page.evaluate(async ([url, points]) => {
    const blob = await (await fetch(url, { referrerPolicy: 'no-referrer' })).blob();
    const bmp = await createImageBitmap(blob, { imageOrientation: 'none' });
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const at = points.map(([fx, fy]) => Array.from(g.getImageData(Math.floor(fx * (bmp.width - 1)), Math.floor(fy * (bmp.height - 1)), 1, 1).data.slice(0, 3)));
    return { width: bmp.width, height: bmp.height, at, type: blob.type };
  }, [url, points]);
}

export const isRed = ([r, g, b]) => r > 180 && g < 80 && b < 80;
export const isBlue = ([r, g, b]) => b > 180 && r < 80 && g < 80;

/** The grid's items as drawn: [{name, album, day}] in reading order (rows are positioned, so DOM order is not it). */
export async function gridItems(page) {
  return page.$$eval('[data-testid="thumb"]', (els) => els
    .map((e) => ({ r: e.getBoundingClientRect(), name: e.dataset.name, album: e.dataset.album, day: e.dataset.day }))
    .sort((a, b) => a.r.top - b.r.top || a.r.left - b.r.left)
    .map(({ name, album, day }) => ({ name, album, day })));
}

/** Drops `folders` (absolute paths) on the app, backs up their `n` files, and opens the library with all `n` counted. */
export async function backUpAndOpenLibrary(page, folders, n) {
  await dropPaths(page, '[data-testid="drop-zone"]', folders);
  await waitForStatus(page, new RegExp(n === 1 ? "^Ready to back up 1 photo or video$" : `^Ready to back up ${n} photos and videos$`));
  await page.getByTestId('backup-button').click();
  await waitForStatus(page, /^Backup complete$/);
  await page.getByTestId('nav-library').click();
  await page.waitForURL(/#\/library$/);
  await page.waitForFunction((n) => document.querySelector('[data-testid="library-totals"]')?.textContent.startsWith(`${n} item`), n);
  await page.waitForSelector('[data-testid="thumb"]');
}

/** Waits until the grid shows exactly `n` items (0 waits for the empty message). */
export async function waitForGrid(page, n, timeout = 30000) {
  await page.waitForFunction((n) => {
    const loading = document.querySelector('[data-testid="library-loading"]');
    const count = document.querySelectorAll('[data-testid="thumb"]').length;
    return n === 0 ? !!document.querySelector('[data-testid="library-empty"]') : count === n && !(loading && loading.textContent.startsWith('Loading'));
  }, n, { timeout });
}

/**
 * Loads axe-core into the page through the DevTools protocol: the app's CSP refuses an added
 * inline `<script>` (addScriptTag), as it must refuse any injected script.
 */
export async function injectAxe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
}

export async function seriousViolations(page) {
  await injectAxe(page);
  const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return v.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A real one-second WebM (VP8) of a solid colour, recorded in Chromium from a canvas. */
export async function solidWebm(page, colour = '#00c000') {
  const b64 = await page.evaluate(async (colour) => {
    const c = document.createElement('canvas');
    c.width = 320; c.height = 180;
    const g = c.getContext('2d');
    const stream = c.captureStream(30);
    const rec = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' });
    const parts = [];
    rec.ondataavailable = (e) => parts.push(e.data);
    const done = new Promise((r) => { rec.onstop = r; });
    rec.start(100);
    const t0 = performance.now();
    while (performance.now() - t0 < 1000) {
      g.fillStyle = colour; g.fillRect(0, 0, 320, 180);
      await new Promise((r) => requestAnimationFrame(r));
    }
    rec.stop();
    await done;
    const buf = new Uint8Array(await new Blob(parts, { type: 'video/webm' }).arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
    return btoa(s);
  }, colour);
  return Buffer.from(b64, 'base64');
}
