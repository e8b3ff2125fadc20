// Kiosk mode end to end: a visitor's folder goes into its own drop; afterwards no
// store of the origin (localStorage, sessionStorage, IndexedDB, OPFS, Cache Storage, cookies,
// and the browser's profile on disk, HTTP cache included) holds the session token, an upload
// URL or a file name, and the page is back at the welcome screen after the idle time. The
// next visitor's session lists nothing, and the same photos are uploaded again into its drop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const KEY = 'shop-kiosk-key-e2e-0123456789';

/** Every file under `dir` whose bytes contain one of `needles` (a browser profile, here). */
function filesContaining(dir, needles) {
  const hits = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        let buf;
        try { buf = fs.readFileSync(p); } catch { continue; }
        for (const n of needles) if (buf.includes(n) || buf.includes(Buffer.from(n, 'utf16le'))) hits.push(`${p}: ${n}`);
      }
    }
  };
  walk(dir);
  return hits;
}

async function visit(page, dir, sessions) {
  await page.getByTestId('kiosk-welcome').waitFor();
  await page.getByTestId('folder-input').setInputFiles(dir);
  await waitForStatus(page, /^Ready to back up 3 photos and videos$/, 30000);
  await page.getByTestId('backup-button').click();
  await page.getByTestId('kiosk-done').waitFor({ timeout: 60000 });
  return sessions[sessions.length - 1];
}

test('a kiosk visit leaves no trace, resets after the idle time, and the next visitor starts clean', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-kiosk-'));
  const files = writeTree(path.join(dir, 'DCIM'), { 'IMG_KIOSK_A.jpg': jpeg('kiosk-a', 60_000), 'IMG_KIOSK_B.jpg': jpeg('kiosk-b'), '100CANON/IMG_KIOSK_C.jpg': jpeg('kiosk-c') });
  const bytes = files.reduce((a, f) => a + f.size, 0);
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '4s'] });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-kiosk-profile-'));
  const b = await launch({ userDataDir: profile });
  const sessions = [];
  const locations = [];
  const checks = [];
  b.page.on('response', async (r) => {
    try {
      if (r.url().endsWith('/api/v1/kiosk/sessions') && r.request().method() === 'POST') sessions.push(await r.json());
      if (r.request().method() === 'POST' && r.url().includes('/files/') && r.headers().location) locations.push(r.headers().location);
      if (r.url().endsWith('/api/v1/media/check')) checks.push(await r.json());
    } catch { /* page reloaded */ }
  });
  try {
    const page = b.page;
    await page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    await page.screenshot({ path: screenshotPath('screenshot-kiosk-welcome.png') });
    const first = await visit(page, path.join(dir, 'DCIM'), sessions);
    assert.match(await page.getByTestId('kiosk-done').innerText(), /Done — 3 photos saved\. You can take your card\./);
    assert.match(await page.getByTestId('kiosk-drop').innerText(), new RegExp(`${first.drop}.*${first.code}`));
    const media = await server.media();
    assert.deepEqual(media.map((m) => m.album), [first.drop, first.drop, first.drop], 'every photo is in the visitor\'s drop');
    assert.equal((await server.metrics())['shoebox_received_bytes_total'], bytes);

    // The idle time passes: the session ends and the page forgets everything.
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 20000 });
    const old = await fetch(`${server.base}/api/v1/media`, { headers: { Authorization: `Bearer ${first.token}` } });
    assert.equal(old.status, 401, 'the visitor\'s token is refused once the visit ends');
    const stores = await page.evaluate(async () => {
      const opfs = [];
      for await (const k of (await navigator.storage.getDirectory()).keys()) opfs.push(k);
      const cacheEntries = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) cacheEntries.push(req.url);
      return { local: localStorage.length, session: Object.keys(sessionStorage), idb: (await indexedDB.databases()).map((d) => d.name), opfs, cacheEntries, cookies: document.cookie };
    });
    // This tab keeps the kiosk's own key (out of the address bar), nothing of a visit.
    assert.deepEqual(stores, { local: 0, session: ['shoebox-kiosk-key:shop'], idb: [], opfs: [], cacheEntries: [], cookies: '' });
    assert.ok(locations.length >= 3, 'the test saw the upload URLs');
    const needles = [first.token, ...locations.map((l) => l.split('/').pop()), ...files.map((f) => path.basename(f.rel))];
    await new Promise((r) => setTimeout(r, 1500)); // let Chromium write what it would write
    assert.deepEqual(filesContaining(profile, needles), [], 'nothing of the visit is in the browser profile on disk');

    // The next visitor: nothing listed, nothing "already there", its own drop.
    const second = await visit(page, path.join(dir, 'DCIM'), sessions);
    assert.notEqual(second.drop, first.drop);
    assert.ok(checks.length >= 1 && checks.every((c) => c.present.length === 0), `dedup answers nothing from the first visit: ${JSON.stringify(checks)}`);
    assert.match(await page.getByTestId('kiosk-done').innerText(), /Done — 3 photos saved/);
    assert.equal((await server.metrics())['shoebox_received_bytes_total'], 2 * bytes, 'the same photos were uploaded again, into the new drop');
    const listed = await fetch(`${server.base}/api/v1/media`, { headers: { Authorization: `Bearer ${second.token}` } }).then((r) => r.json());
    assert.deepEqual(listed.items.map((i) => i.album), [second.drop, second.drop, second.drop], 'a visitor lists its own drop only');
    await page.getByTestId('kiosk-finish').click();
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 20000 });
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('upload from your phone: the kiosk\'s QR code opens the visit on a phone, the kiosk shows the photos arriving, the link dies with the visit', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-phone-'));
  writeTree(path.join(dir, 'Camera'), { 'PXL_0001.jpg': jpeg('phone-1', 40_000), 'PXL_0002.jpg': jpeg('phone-2') });
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '5m'] });
  const kiosk = await launch();
  const phone = await launch({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  try {
    await kiosk.page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    await kiosk.page.getByTestId('kiosk-use-phone').click();
    const qr = kiosk.page.getByTestId('kiosk-qr');
    await qr.waitFor({ timeout: 20000 });
    await kiosk.page.evaluate(() => window.scrollTo(0, 0));
    await kiosk.page.screenshot({ path: screenshotPath('screenshot-kiosk-phone.png') });
    // Decode the QR code from a screenshot, as a phone's camera would.
    const png = PNG.sync.read(await qr.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(code, 'the QR code decodes');
    const link = code.data;
    assert.match(link, new RegExp(`^${server.base}/\\?visit=[0-9a-f]{48}$`));
    const token = new URL(link).searchParams.get('visit');

    await phone.page.goto(link);
    await phone.page.getByTestId('kiosk-welcome').waitFor();
    assert.equal(await phone.page.getByTestId('kiosk-use-phone').count(), 0, 'a phone has no phone button of its own');
    assert.equal(await phone.page.getByTestId('folder-input').count(), 0, 'a phone is offered its photos, not a folder picker');
    assert.equal((await phone.page.getByRole('heading', { level: 2 }).first().textContent()).trim(), 'Send photos from this phone');
    assert.doesNotMatch(await phone.page.getByTestId('kiosk-welcome').innerText(), /card|USB/i, 'no cards or USB sticks on a phone');
    await phone.page.getByTestId('photos-input').setInputFiles(['PXL_0001.jpg', 'PXL_0002.jpg'].map((f) => path.join(dir, 'Camera', f)));
    await waitForStatus(phone.page, /^Ready to back up 2 photos and videos$/, 30000);
    await phone.page.getByTestId('backup-button').click();
    await phone.page.getByTestId('kiosk-done').waitFor({ timeout: 60000 });
    // The kiosk screen shows them arriving.
    await kiosk.page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="kiosk-arrivals"]')?.textContent || '';
      return t.includes('PXL_0001.jpg') && t.includes('PXL_0002.jpg');
    }, null, { timeout: 15000 });
    const media = await server.media();
    assert.equal(new Set(media.map((m) => m.album)).size, 1, 'the phone\'s photos are in the kiosk visit\'s drop');
    // The visit ends at the kiosk: the phone's link is refused.
    await kiosk.page.getByTestId('kiosk-finish').click();
    await kiosk.page.getByTestId('kiosk-welcome').waitFor({ timeout: 20000 });
    const r = await fetch(`${server.base}/api/v1/media`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.status, 401);
    await phone.page.reload();
    await phone.page.getByTestId('kiosk-ended').waitFor({ timeout: 20000 });
    assert.match(await phone.page.getByTestId('kiosk-ended').innerText(), /This link has ended/);
  } finally {
    await kiosk.close();
    await phone.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('into your own account: the visitor approves the kiosk from their signed-in phone; photos go into their account; Finish ends the kiosk\'s token', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-own-'));
  writeTree(path.join(dir, 'Holiday'), { 'IMG_OWN_1.jpg': jpeg('own-1', 30_000), 'IMG_OWN_2.jpg': jpeg('own-2') });
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-own-accounts'] });
  const signIn = server.cli('user', 'add', 'frank', '--url', server.base).trim().split('\n').pop();
  const frank = await server.signIn(server.cli('user', 'link', 'frank', '--url', server.base));
  const kiosk = await launch();
  const phone = await launch({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  try {
    await phone.page.goto(signIn);
    await waitForStatus(phone.page, /^Ready$/);
    await kiosk.page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    await kiosk.page.getByTestId('kiosk-own-account').click();
    const qr = kiosk.page.getByTestId('kiosk-own').locator('svg');
    await qr.waitFor({ timeout: 20000 });
    const png = PNG.sync.read(await qr.screenshot());
    const link = jsQR(new Uint8ClampedArray(png.data), png.width, png.height).data;
    assert.match(link, new RegExp(`^${server.base}/\\?approve=[A-Z0-9]{4}-[A-Z0-9]{4}$`));
    await phone.page.goto(link);
    await phone.page.getByTestId('approval').waitFor({ timeout: 20000 });
    assert.match(await phone.page.getByTestId('approval').innerText(), /Let “Shoebox kiosk” upload to your account for 1 hour\?\s+It cannot see your photos\./);
    await phone.page.getByTestId('approve-button').click();
    await kiosk.page.getByTestId('kiosk-visit').waitFor({ timeout: 20000 });
    assert.match(await kiosk.page.getByTestId('kiosk-drop').innerText(), /your own Shoebox account/);
    await kiosk.page.getByTestId('folder-input').setInputFiles(path.join(dir, 'Holiday'));
    await waitForStatus(kiosk.page, /^Ready to back up 2 photos and videos$/, 30000);
    await kiosk.page.getByTestId('backup-button').click();
    await kiosk.page.getByTestId('kiosk-done').waitFor({ timeout: 60000 });
    const mine = await fetch(`${server.base}/api/v1/media`, { headers: { Authorization: `Bearer ${frank}` } }).then((r) => r.json());
    assert.deepEqual(mine.items.map((i) => [i.filename, i.album]).sort(), [['IMG_OWN_1.jpg', 'Holiday'], ['IMG_OWN_2.jpg', 'Holiday']]);
    assert.equal((await server.media()).length, 0, 'nothing went into the kiosk operator\'s account');
    const devices = async () => (await fetch(`${server.base}/api/v1/devices`, { headers: { Authorization: `Bearer ${frank}` } }).then((r) => r.json())).map((d) => d.name);
    const before = await devices();
    assert.ok(before.includes('Shoebox kiosk') && before.length === 3, `the phone, the test's client and the kiosk: ${before}`);
    await kiosk.page.getByTestId('kiosk-finish').click();
    await kiosk.page.getByTestId('kiosk-welcome').waitFor({ timeout: 20000 });
    assert.deepEqual(await devices(), before.filter((n) => n !== 'Shoebox kiosk'), 'the kiosk\'s upload-only token ended with the visit');
  } finally {
    await kiosk.close();
    await phone.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a kiosk opened with a wrong key says so on its welcome screen at once, and the right key shows no notice', async () => {
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`] });
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(`${server.base}/?kiosk=shop&key=not-${KEY}`);
    await page.getByTestId('kiosk-welcome').waitFor();
    const notice = page.getByTestId('notice');
    await notice.waitFor({ timeout: 10000 });
    assert.match(await notice.innerText(), /key is not accepted/, 'the operator reads what is wrong before any visitor chooses a card');
    const profile = page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/profile'), { timeout: 10000 });
    await page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    assert.equal((await profile).status(), 200);
    await page.getByTestId('kiosk-welcome').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId('notice').count(), 0, 'the right key: no notice');
  } finally {
    await b.close();
    await server.stop();
  }
});

test('on a kiosk, "Choose folders" is the folder input, whose files go to the visit, never the folder picker', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-kiosk-pick-'));
  writeTree(path.join(dir, 'Card'), { 'IMG_P1.jpg': jpeg('kpick-1', 30_000), 'IMG_P2.jpg': jpeg('kpick-2') });
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '5m'] });
  const b = await launch();
  try {
    const page = b.page;
    // Chromium has the picker; it records any call instead of opening a dialog.
    await b.context.addInitScript(() => {
      window.__picked = 0;
      window.showDirectoryPicker = async () => { window.__picked += 1; throw new DOMException('test', 'AbortError'); };
    });
    await page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    await page.getByTestId('kiosk-welcome').waitFor();
    assert.equal(await page.getByTestId('choose-folders').count(), 0, 'no picker button on a kiosk');
    const button = page.getByTestId('kiosk-welcome').locator('label.file-button', { has: page.getByTestId('folder-input') });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(path.join(dir, 'Card'));
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/, 30000);
    assert.equal(await page.evaluate(() => window.__picked), 0, 'the folder picker was never called');
    await page.getByTestId('backup-button').click();
    await page.getByTestId('kiosk-done').waitFor({ timeout: 60000 });
    assert.match(await page.getByTestId('kiosk-done').innerText(), /Done — 2 photos saved/);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
