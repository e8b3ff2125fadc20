// Shared helpers for the app's end-to-end tests: the mixed folder with every kind of
// content the plan has to judge, a large photo-sized file, and small page helpers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jpeg, png, sha256 } from './fixtures.mjs';
import { withExif, chromiumJpeg } from './exif.mjs';

/** A minimal MP4/MOV: an `ftyp` box with the given brand, then an `mdat` box of unique bytes. */
export function video(brand, tag, size = 200_000) {
  const ftyp = Buffer.alloc(20);
  ftyp.writeUInt32BE(20, 0); ftyp.write('ftyp', 4); ftyp.write(brand, 8); ftyp.writeUInt32BE(0x200, 12); ftyp.write(brand, 16);
  const body = Buffer.alloc(size - 28);
  let x = sha256(Buffer.from(tag)).charCodeAt(0);
  for (let i = 0; i < body.length; i++) { x = (x * 1103515245 + 12345) >>> 0; body[i] = x >>> 24; }
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(size - 20, 0); mdat.write('mdat', 4);
  return Buffer.concat([ftyp, mdat, body]);
}

/**
 * A camera-like w x h JPEG encoded in Chromium: chromiumJpeg's gradient and shapes plus sensor
 * grain, so it weighs what a camera file does (~2-3 bits a pixel) and a 16 MP re-encode of it is
 * smaller, as with real photos (Prepare keeps the original when its result is not smaller).
 */
export async function photoJpeg(page, w, h, seed = 1) {
  const b64 = await page.evaluate(async ([w, h, seed]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    const grd = g.createLinearGradient(0, 0, w, h);
    grd.addColorStop(0, `hsl(${seed * 47 % 360},60%,40%)`);
    grd.addColorStop(1, `hsl(${seed * 91 % 360},70%,60%)`);
    g.fillStyle = grd; g.fillRect(0, 0, w, h);
    let x = seed * 2654435761 >>> 0 || 1;
    const rnd = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
    for (let i = 0; i < 3000; i++) {
      const r = rnd();
      g.fillStyle = `rgba(${r & 255},${(r >> 8) & 255},${(r >> 16) & 255},0.3)`;
      g.beginPath(); g.arc(rnd() % w, rnd() % h, 10 + (r % 200), 0, 7); g.fill();
    }
    const rows = 256;
    for (let y0 = 0; y0 < h; y0 += rows) {
      const img = g.getImageData(0, y0, w, Math.min(rows, h - y0));
      const d = img.data;
      for (let i = 0; i < d.length; i += 4) {
        const n = (rnd() & 31) - 16;
        d[i] += n; d[i + 1] += n; d[i + 2] += n;
      }
      g.putImageData(img, 0, y0);
    }
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
    return btoa(s);
  }, [w, h, seed]);
  return Buffer.from(b64, 'base64');
}

export const BIG_EXIF = [
  { dateTimeOriginal: '2024:07:14 09:30:12', lat: 48.858222, lon: 2.2945 },
  { dateTimeOriginal: '2023:12:24 18:05:59', lat: -33.856784, lon: 151.215297 },
];

/**
 * The mixed folder of the first app test, written under `parent/Family 2024`. Photos above
 * 16 MP are Chromium-encoded (needs a page) and carry EXIF date + GPS. Returns {root, files},
 * each file {rel (with the root folder's name), sha256, size, expect, exif?} where expect is
 * 'upload' (sent as is), 'downsize' (over 16 MP, High quality shrinks it) or a skip reason.
 */
export async function mixedTree(page, parent) {
  const root = path.join(parent, 'Family 2024');
  fs.rmSync(root, { recursive: true, force: true });
  const spec = [];
  const add = (rel, buf, expect, extra = {}) => spec.push({ rel, buf, expect, ...extra });
  add('Trip/Day 1/IMG_0001.jpg', jpeg('mixed-small-1'), 'upload');
  add('Trip/Day 1/IMG_0002.jpg', jpeg('mixed-small-2'), 'upload');
  add('Trip/Day 1/Big/IMG_24MP.jpg', withExif(await photoJpeg(page, 6000, 4000, 3), BIG_EXIF[0]), 'downsize', { exif: BIG_EXIF[0], px: 24e6 });
  add('Trip/Day 2/IMG_20MP.jpg', withExif(await photoJpeg(page, 5472, 3648, 5), BIG_EXIF[1]), 'downsize', { exif: BIG_EXIF[1], px: 5472 * 3648 });
  add('Trip/Day 2/IMG_12MP.jpg', await chromiumJpeg(page, 4000, 3000, 7), 'upload');
  add('Screens/diagram.png', png('mixed-png', 640, 480), 'upload');
  add('Videos/clip.mp4', video('isom', 'mp4'), 'upload');
  add('Videos/Old/clip.mov', video('qt  ', 'mov'), 'upload');
  add('Trip/empty.jpg', Buffer.alloc(0), 'empty file');
  add('Notes/not-a-photo.jpg', Buffer.from('This is a text file that only pretends to be a photo.\n'), 'not a photo or video');
  add('.DS_Store', Buffer.from('\x00\x00\x00\x01Bud1 fake finder data'), 'system file');
  add('Trip/Thumbs.db', Buffer.from('fake thumbnail cache'), 'system file');
  add('Trip/desktop.ini', Buffer.from('[.ShellClassInfo]\r\n'), 'system file');
  add('Trip/Day 1/._IMG_0001.jpg', Buffer.from('\x00\x05\x16\x07 AppleDouble'), 'system file');
  const out = [];
  for (const f of spec) {
    const p = path.join(root, f.rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.buf);
    const { buf, ...rest } = f;
    out.push({ ...rest, rel: 'Family 2024/' + f.rel, sha256: sha256(buf), size: buf.length });
  }
  // Over the seed preset's 75 MB photo limit: a real JPEG start, then a sparse tail (the app
  // only reads the first bytes of a file it skips, so nothing of it is ever written to disk).
  const huge = path.join(root, 'Trip/Panorama/huge.jpg');
  fs.mkdirSync(path.dirname(huge), { recursive: true });
  fs.writeFileSync(huge, jpeg('mixed-huge'));
  fs.truncateSync(huge, 76_000_000);
  out.push({ rel: 'Family 2024/Trip/Panorama/huge.jpg', sha256: null, size: 76_000_000, expect: '76 MB, over the 75 MB limit' });
  return { root, files: out };
}

/** A photo-sized JPEG (random APP15 padding) alone in `parent/name/`, cached across runs. */
export function bigFolder(name, size) {
  const dir = path.join(os.tmpdir(), 'shoebox-e2e-fixtures', name);
  const file = path.join(dir, 'Camera', 'IMG_BIG.jpg');
  if (!fs.existsSync(file) || fs.statSync(file).size !== size) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, jpeg(name, size));
  }
  const buf = fs.readFileSync(file);
  return { dir, file, size: buf.length, sha256: sha256(buf), rel: name + '/Camera/IMG_BIG.jpg' };
}

/** Holds every PATCH for `ms` before letting it through, so an upload lasts long enough to catch. */
export async function slowPatches(page, ms) {
  await page.route('**/files/**', async (route) => {
    if (route.request().method() === 'PATCH') await new Promise((r) => setTimeout(r, ms));
    try { await route.continue(); } catch { /* page gone (reload) or request aborted */ }
  });
}

export async function statusDetail(page) {
  return (await page.locator('[data-testid="status-detail"]').textContent()).trim();
}

/** Bytes the server has received in PATCH and creation bodies so far (from /metrics). */
export async function received(server) {
  return (await server.metrics())['shoebox_received_bytes_total'] || 0;
}

/** Waits until the server has received at least `n` bytes (from /metrics). */
export async function waitForReceived(server, n, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    const got = await received(server);
    if (got >= n) return got;
    if (Date.now() > end) throw new Error(`server received only ${got} of ${n} bytes`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `n` tiny JPEG-headed files across `folders` folders (two levels deep) under
 * os.tmpdir()/shoebox-<n>-files/Photos, written once and reused (a marker says it is complete).
 */
export function manyFiles(n = 100_000, folders = 100) {
  const base = path.join(os.tmpdir(), `shoebox-${n}-files`);
  const root = path.join(base, 'Photos');
  const marker = path.join(base, 'complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(base, { recursive: true, force: true });
    const head = Buffer.from('ffd8ffe000104a46494600010100000100010000fffe', 'hex');
    for (let i = 0; i < n; i++) {
      const f = i % folders;
      const dir = path.join(root, `Year ${2000 + (f % 10)}`, `Album ${String(f).padStart(3, '0')}`);
      if (i < folders) fs.mkdirSync(dir, { recursive: true });
      const tag = Buffer.from('shoebox many ' + i);
      const len = Buffer.alloc(2); len.writeUInt16BE(tag.length + 2);
      fs.writeFileSync(path.join(dir, `IMG_${String(i).padStart(6, '0')}.jpg`), Buffer.concat([head, len, tag, Buffer.from([0xff, 0xd9])]));
    }
    fs.writeFileSync(marker, String(n));
  }
  return { root, count: n };
}

/** Records every main-thread task over 50 ms (buffered), from the page's first script on. */
export async function recordLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * Drops `root` for real and waits for the complete plan (the status `re`), then, unless
 * `checked` is false, for every file's content check. Measured in the page from just before
 * the drop (page-load tasks are not counted). Returns {ms, longestMs, longTasks} up to the
 * plan and {checkedMs, checkLongestMs, checkLongTasks} from the plan to the last check.
 */
export async function timeToPlan(page, dropPaths, root, re, timeout = 600000, checked = true, firstRe = null) {
  const t0 = await page.evaluate(() => performance.now());
  await dropPaths(page, '[data-testid="drop-zone"]', [root]);
  // The first useful plan: the card already counts every file by name and the plan shows
  // the folders (sizes may still be read); `firstRe` says what the card reads then.
  let tFirst = null;
  let firstView = null;
  if (firstRe) {
    const first = await page.waitForFunction((src) => {
      const h = document.querySelector('[data-testid="status-card"] h2');
      const rows = [...document.querySelectorAll('[data-testid="plan-view"] [data-testid="folder-tree"] li')];
      if (!h || !new RegExp(src).test(h.textContent) || !rows.length) return false;
      return { t: performance.now(), rows: rows.length, sizesPending: rows.filter((li) => li.textContent.includes('reading sizes')).length };
    }, firstRe.source, { timeout, polling: 20 });
    firstView = await first.jsonValue();
    tFirst = firstView.t;
  }
  const handle = await page.waitForFunction((src) => {
    const h = document.querySelector('[data-testid="status-card"] h2');
    return h && new RegExp(src).test(h.textContent) && performance.now();
  }, re.source, { timeout, polling: 50 });
  const t1 = await handle.jsonValue();
  let t2 = t1;
  if (checked) {
    const done = await page.waitForFunction(() => document.querySelector('[data-testid="plan-check"][data-done="true"]') && performance.now(),
      null, { timeout, polling: 200 });
    t2 = await done.jsonValue();
  }
  await new Promise((r) => setTimeout(r, 300)); // let the observer deliver the last entries
  const all = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= t0);
  const before = all.filter((t) => t.start < t1);
  const after = all.filter((t) => t.start >= t1);
  const longest = (ts) => Math.max(0, ...ts.map((t) => t.duration));
  return {
    ms: t1 - t0, firstMs: tFirst === null ? null : tFirst - t0, firstView, longestMs: longest(before), longTasks: before.length,
    checkedMs: t2 - t0, checkLongestMs: longest(after), checkLongTasks: after.length,
  };
}
