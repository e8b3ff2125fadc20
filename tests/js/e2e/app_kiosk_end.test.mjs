// A kiosk visit ends completely in the browser: with Chromium's back/forward cache ON (proved
// on a plain page in the same browser), Back then Forward after a visit never shows it again
// nor uses its token; the kiosk's key leaves the address bar and the history; the kiosk page
// makes no refused request and logs no error; a phone is told "This link has ended" when the
// kiosk finishes; and a visit is never idle while an upload moves, the kiosk's own (uplink
// throttled with CDP) or a phone's, while the idle time (4 s here) still ends a quiet visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';

const KEY = 'shop-kiosk-key-end-0123456789';
// Playwright switches the back/forward cache off by default; these tests need it on.
const BFCACHE_ON = { ignoreDefaultArgs: ['--disable-back-forward-cache'] };

/** A page of no app at all, on another origin, that records its `pageshow` events. */
async function plainPage() {
  const srv = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>plain</title><p>plain</p><script>window.shows = [];'
      + 'addEventListener("pageshow", (e) => window.shows.push(e.persisted));</script>');
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${srv.address().port}/plain`, close: () => new Promise((r) => srv.close(r)) };
}

/** Every request the page makes to the server and every refused answer (401, 403). */
function record(page, base) {
  const log = { requests: [], refused: [] };
  page.on('request', (r) => {
    if (r.url().startsWith(base)) log.requests.push({ method: r.method(), url: r.url(), auth: r.headers().authorization || '' });
  });
  page.on('response', (r) => {
    if (r.url().startsWith(base) && [401, 403].includes(r.status())) log.refused.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return log;
}

function tree(prefix, n, size) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shoebox-${prefix}-`));
  const files = {};
  for (let i = 1; i <= n; i++) files[`${prefix.toUpperCase()}_${i}.jpg`] = jpeg(`${prefix}-${i}`, size);
  writeTree(path.join(dir, 'DCIM'), files);
  return { dir, folder: path.join(dir, 'DCIM'), names: Object.keys(files) };
}

async function throttle(page, bytesPerSecond) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return cdp;
}

/** The kiosk starts a visit with "Upload from your phone", and the phone opens its QR link. */
async function joinFromPhone(kioskPage, phonePage, base) {
  await kioskPage.goto(`${base}/?kiosk=shop&key=${KEY}`);
  // Wait for the answer itself: the QR code can be drawn before a response listener reads the body.
  const answer = kioskPage.waitForResponse((r) => r.url().endsWith('/sessions/current/phone') && r.ok(), { timeout: 20000 });
  await kioskPage.getByTestId('kiosk-use-phone').click();
  const link = `${base}/?visit=${(await (await answer).json()).token}`;
  await kioskPage.getByTestId('kiosk-qr').waitFor({ timeout: 20000 });
  await phonePage.goto(link);
}

test('Back then Forward after a visit shows nothing of it and uses no old token; the key leaves the address; no refused request, no console error', async () => {
  const t = tree('bf', 3, 30_000);
  const plain = await plainPage();
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '5m'] });
  const b = await launch(BFCACHE_ON);
  const log = record(b.page, server.base);
  let session;
  b.page.on('response', async (r) => {
    if (r.url().endsWith('/api/v1/kiosk/sessions') && r.request().method() === 'POST') session = await r.json().catch(() => undefined);
  });
  try {
    const page = b.page;
    // The cache is on: a plain page left and come back to is restored, `persisted`.
    await page.goto(plain.url);
    await page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    await page.getByTestId('kiosk-welcome').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('key'), null, 'the key left the address bar');
    assert.equal(new URL(page.url()).searchParams.get('kiosk'), 'shop');
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.shows && window.shows.length > 1);
    assert.deepEqual(await page.evaluate(() => window.shows), [false, true], 'the back/forward cache is on in this browser');
    await page.goForward({ waitUntil: 'commit' });
    assert.equal(new URL(page.url()).searchParams.get('key'), null, 'the history holds no key');
    await page.getByTestId('kiosk-welcome').waitFor();
    assert.equal(await page.getByTestId('notice').count(), 0, 'the kiosk still works from what this tab kept');

    // A visit, to the done screen with the phone's QR code.
    await page.getByTestId('folder-input').setInputFiles(t.folder);
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/, 30000);
    await page.getByTestId('backup-button').click();
    await page.getByTestId('kiosk-done').waitFor({ timeout: 60000 });
    await page.getByTestId('kiosk-qr').waitFor({ timeout: 20000 });
    assert.ok(session?.token, 'the test saw the visitor session');
    const visitor = `Bearer ${session.token}`;
    assert.ok(log.requests.some((r) => r.auth === visitor));

    // The visitor walks away with Back: the visit ends as the page is left.
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.shows && window.shows.length > 2);
    assert.deepEqual(await page.evaluate(() => window.shows), [false, true, true], 'the plain page came from the cache again');
    for (let i = 0; i < 50; i++) {
      if ((await fetch(`${server.base}/api/v1/media`, { headers: { Authorization: visitor } })).status === 401) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal((await fetch(`${server.base}/api/v1/media`, { headers: { Authorization: visitor } })).status, 401, 'leaving the page ended the visit');

    // The next person presses Forward: the welcome screen, nothing of the visit, no old token.
    const mark = log.requests.length;
    await page.goForward({ waitUntil: 'commit' });
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 20000 });
    await new Promise((r) => setTimeout(r, 3000)); // a poll or two would have gone out by now
    const text = await page.locator('body').innerText();
    for (const s of [session.drop, session.code, ...t.names]) assert.ok(!text.includes(s), `"${s}" is not shown again`);
    for (const id of ['kiosk-done', 'kiosk-visit', 'kiosk-qr', 'kiosk-phone', 'kiosk-arrivals']) assert.equal(await page.getByTestId(id).count(), 0, id);
    assert.deepEqual(log.requests.slice(mark).filter((r) => r.auth === visitor), [], 'the old token is never used again');
    assert.equal(new URL(page.url()).searchParams.get('key'), null);

    assert.deepEqual(log.refused, [], 'the kiosk page asked nothing it was refused');
    assert.deepEqual(b.errors, [], 'no console errors on the kiosk page');
  } finally {
    await b.close();
    await server.stop();
    await plain.close();
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
});

test('the app page of a kiosk or a phone link is never stored', async () => {
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`] });
  try {
    for (const q of [`?kiosk=shop&key=${KEY}`, '?kiosk=shop', '?visit=0123']) {
      const r = await fetch(`${server.base}/${q}`);
      assert.equal(r.headers.get('cache-control'), 'no-store', q);
    }
    assert.equal((await fetch(`${server.base}/`)).headers.get('cache-control'), 'no-cache');
  } finally {
    await server.stop();
  }
});

test('a phone is told "This link has ended" as soon as the kiosk finishes', async () => {
  const t = tree('ph', 1, 20_000);
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '5m'] });
  const kiosk = await launch(BFCACHE_ON);
  const phone = await launch({ ...BFCACHE_ON, viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  try {
    await joinFromPhone(kiosk.page, phone.page, server.base);
    await phone.page.getByTestId('photos-input').setInputFiles(t.names.map((n) => path.join(t.folder, n)));
    await waitForStatus(phone.page, /^Ready to back up 1 photo or video$|^Ready to back up 1/, 30000);
    await phone.page.getByTestId('backup-button').click();
    await phone.page.getByTestId('kiosk-done').waitFor({ timeout: 60000 });
    await kiosk.page.getByTestId('kiosk-finish').click();
    await phone.page.getByTestId('kiosk-ended').waitFor({ timeout: 8000 });
    assert.match(await phone.page.getByTestId('kiosk-ended').innerText(), /^This link has ended/);
    const text = await phone.page.locator('body').innerText();
    assert.ok(!/Sign.in/i.test(text), `no sign-in talk on a phone: ${text}`);
    // Opened again later: the same.
    await phone.page.reload();
    await phone.page.getByTestId('kiosk-ended').waitFor({ timeout: 8000 });
  } finally {
    await kiosk.close();
    await phone.close();
    await server.stop();
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
});

test('a slow upload outlasting the idle time is never cut off; a quiet visit then counts down and a touch stays', async () => {
  const t = tree('slow', 4, 500_000);
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '4s'] });
  const b = await launch(BFCACHE_ON);
  const log = record(b.page, server.base);
  try {
    const page = b.page;
    await page.goto(`${server.base}/?kiosk=shop&key=${KEY}`);
    await page.getByTestId('kiosk-welcome').waitFor();
    await page.getByTestId('folder-input').setInputFiles(t.folder);
    await waitForStatus(page, /^Ready to back up 4 photos and videos$/, 30000);
    // About 2 MB at 150 kB/s: some 13 s of upload, three times the idle time, untouched.
    const cdp = await throttle(page, 150_000);
    const started = Date.now();
    await page.getByTestId('backup-button').click();
    await page.getByTestId('kiosk-done').waitFor({ timeout: 90000 });
    const took = Date.now() - started;
    assert.ok(took > 8000, `the upload was slow (${took} ms)`);
    assert.equal((await server.media()).length, 4, 'every file is stored');
    assert.ok(!log.requests.some((r) => r.method === 'DELETE'), 'the visit was not ended mid-upload');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // Nothing moves now (the server says bytes moved for a few seconds more): the countdown
    // shows, and a touch stays.
    await page.getByTestId('kiosk-countdown').waitFor({ timeout: 15000 });
    assert.match(await page.getByTestId('kiosk-countdown').innerText(), /^Finishing in \d s — touch to stay$/);
    await page.mouse.click(5, 5);
    await page.getByTestId('kiosk-countdown').waitFor({ state: 'detached', timeout: 1000 });
    assert.equal(await page.getByTestId('kiosk-done').count(), 1, 'the touch stayed');
    // Then nobody: the visit ends after the idle time.
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 15000 });
    assert.equal((await server.media()).length, 4, 'nothing was taken back');
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
});

test('a phone still sending keeps the kiosk\'s visit alive past its idle time', async () => {
  const t = tree('send', 4, 500_000);
  const server = await startServer({ args: ['--kiosk', `shop:e2e:${KEY}`, '--kiosk-idle', '4s'] });
  const kiosk = await launch(BFCACHE_ON);
  const phone = await launch({ ...BFCACHE_ON, viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  const kioskLog = record(kiosk.page, server.base);
  try {
    await joinFromPhone(kiosk.page, phone.page, server.base);
    await phone.page.getByTestId('photos-input').setInputFiles(t.names.map((n) => path.join(t.folder, n)));
    await waitForStatus(phone.page, /^Ready to back up 4 photos and videos$/, 30000);
    await throttle(phone.page, 150_000);
    await phone.page.getByTestId('backup-button').click();
    await phone.page.getByTestId('kiosk-done').waitFor({ timeout: 90000 });
    assert.equal((await server.media()).length, 4, 'every photo the phone sent is stored');
    assert.ok(!kioskLog.requests.some((r) => r.method === 'DELETE'), 'the kiosk did not end the visit while the phone sent');
    assert.equal(await kiosk.page.getByTestId('kiosk-welcome').count(), 0, 'the kiosk still shows the visit');
    // The phone is done and nobody touches anything: the kiosk ends the visit.
    await kiosk.page.getByTestId('kiosk-welcome').waitFor({ timeout: 15000 });
    await phone.page.getByTestId('kiosk-ended').waitFor({ timeout: 8000 });
  } finally {
    await kiosk.close();
    await phone.close();
    await server.stop();
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
});
