// The installable app end to end: the manifest makes it installable; the service
// worker opens the shell with the server down ("Waiting for connection"), continues with dedup
// when the server is back, replaces the shell with a new build without ever mixing two; the
// share target receives files (and does nothing without the service worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, APP_DIR } from '../lib/server.mjs';
import { launch, waitForStatus, statusHeadline } from '../lib/browser.mjs';
import { statusDetail, received } from '../lib/app.mjs';
import { jpeg, sha256 } from '../lib/fixtures.mjs';
import { untilControlled, writeOpfs, photos, firstBackup } from '../lib/pwa.mjs';

const checks = async (server) => Object.entries(await server.metrics()).filter(([k]) => k.includes('method="POST"')).reduce((a, [, v]) => a + v, 0);

test('installable: the manifest parses, its icons load, Chromium reports no installability error', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    await b.page.goto(server.appUrl());
    await untilControlled(b.page);
    const cdp = await b.context.newCDPSession(b.page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], JSON.stringify(installabilityErrors));
    const manifest = await b.page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
    for (const icon of manifest.icons) {
      const r = await b.page.evaluate(async (src) => { const r = await fetch(src); return [r.status, r.headers.get('content-type'), (await r.arrayBuffer()).byteLength]; }, icon.src);
      assert.equal(r[0], 200, icon.src);
      assert.match(r[1], /^image\/png/);
      assert.ok(r[2] > 1000);
    }
    assert.equal(manifest.share_target.action, '/share');
    assert.ok(manifest.file_handlers[0].accept['image/*'].includes('.jpg'));
  } finally {
    await b.close();
    await server.stop();
  }
});

test('server down: the shell opens from the service worker, "Waiting for connection"; back up: dedup on, only the new file sent', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await firstBackup(b, server, photos('down', 2));
    await waitForStatus(page, /^Backup complete$/);
    const before = await received(server);
    await server.kill();
    await page.reload();
    await waitForStatus(page, /^Waiting for connection$/, 30000);
    assert.match(await page.getByTestId('backup-folder').innerText(), /Pictures/);
    // Both worker builds are in the build's shell: the hash worker for this start, the codec
    // worker for a first photo downsized or stripped of its location while offline.
    const cached = await page.evaluate(async () => {
      const st = await (await caches.open('shoebox-sw-state')).match('/state').then((r) => r.json());
      const shell = await caches.open('shoebox-shell-' + st.current);
      const files = ['/hashworker.js', '/hashworker_bg.wasm', '/worker.js', '/worker_bg.wasm'];
      return Object.fromEntries(await Promise.all(files.map(async (f) => [f, !!(await shell.match(f))])));
    });
    assert.ok(Object.values(cached).every(Boolean), JSON.stringify(cached));
    const extra = jpeg('down-new', 50_000);
    await writeOpfs(page, 'Pictures', { 'IMG_new.jpg': extra });
    assert.ok(before > 0);
    await server.restart();
    await waitForStatus(page, /^Backup complete$/, 90000);
    // The restarted server's counters start at zero: all it received is the new file.
    assert.equal(await received(server), extra.length, 'only the new file is sent');
    assert.ok(await checks(server) > 0, 'the dedup check is back (our own server, not a plain tus server)');
    const stored = new Set((await server.media()).map((m) => m.sha256));
    assert.ok(stored.has(sha256(extra)));
  } finally {
    await b.close();
    await server.stop();
  }
});

test('a new build replaces the cached shell at the next start, with "Updated", and no page runs two builds', async () => {
  const patched = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-build-b-'));
  fs.cpSync(APP_DIR, patched, { recursive: true });
  const index = path.join(patched, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', '<head><meta name="shoebox-build" content="B">'));
  fs.appendFileSync(path.join(patched, 'worker.js'), '\n/* shoebox-build B */\n');
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await untilControlled(page);
    const build = () => page.evaluate(async () => {
      const meta = document.querySelector('meta[name="shoebox-build"]')?.content || 'A';
      const worker = (await (await fetch('/worker.js')).text()).includes('shoebox-build B') ? 'B' : 'A';
      return meta + worker;
    });
    assert.equal(await build(), 'AA');
    await server.restart(patched);
    await page.reload();
    await waitForStatus(page, /^Ready$/);
    assert.equal(await build(), 'AA', 'the start that finds the new build still runs the old one, whole');
    // Pages greet the worker while it fetches the new build: a greeting read before the new
    // build became current must neither write the old state back nor prune the new shell.
    await page.evaluate(() => { for (let i = 0; i < 20; i++) navigator.serviceWorker.controller.postMessage('hello'); });
    // The service worker fetched the new build in the background and made it current.
    await page.waitForFunction(async () => {
      const st = await (await caches.open('shoebox-sw-state')).match('/state').then((r) => r.json());
      return st.previous && st.current !== st.previous;
    }, null, { timeout: 30000 });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const settled = await page.evaluate(async () => {
      const st = await (await caches.open('shoebox-sw-state')).match('/state').then((r) => r.json());
      return { st, shell: await caches.has('shoebox-shell-' + st.current) && !!(await (await caches.open('shoebox-shell-' + st.current)).match('/')) };
    });
    assert.notEqual(settled.st.current, settled.st.previous, `the new build stays current: ${JSON.stringify(settled.st)}`);
    assert.ok(settled.shell, 'the new build\'s shell is still cached');
    await page.reload();
    await waitForStatus(page, /^Ready$/);
    assert.equal(await build(), 'BB', 'the next start runs the new build, whole');
    await page.getByTestId('notice').waitFor({ timeout: 10000 });
    assert.match(await page.getByTestId('notice').innerText(), /updated/i);
    const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('shoebox-shell-')));
    assert.equal(shells.length, 1, `old shells are deleted once no page runs them: ${shells}`);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(patched, { recursive: true, force: true });
  }
});

/** Submits a real multipart form to /share from the page, as a share sheet does. */
async function share(page, files) {
  await page.evaluate((list) => {
    const form = document.createElement('form');
    form.method = 'POST'; form.action = '/share'; form.enctype = 'multipart/form-data';
    const input = document.createElement('input');
    input.type = 'file'; input.name = 'media'; input.multiple = true;
    const dt = new DataTransfer();
    for (const [name, b64] of list) dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'image/jpeg' }));
    input.files = dt.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  }, files.map(([n, buf]) => [n, buf.toString('base64')]));
}

test('the share target: files shared to Shoebox are backed up into "Shared"; without the service worker nothing arrives', async () => {
  const server = await startServer();
  const b = await launch();
  const shared = [['IMG_shared_1.jpg', jpeg('shared-1')], ['IMG_shared_2.jpg', jpeg('shared-2', 40_000)]];
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await untilControlled(page);
    await share(page, shared);
    await page.waitForURL(/shared=1/);
    await waitForStatus(page, /^Backup complete$/, 60000);
    assert.equal(await statusDetail(page), '2 uploaded');
    const media = await server.media();
    assert.deepEqual(media.map((m) => [m.filename, m.album]).sort(), shared.map(([n]) => [n, 'Shared']).sort());
    assert.deepEqual(media.map((m) => m.sha256).sort(), shared.map(([, buf]) => sha256(buf)).sort());

    // The same share with the service worker removed: the POST reaches the server, nothing is backed up.
    // (The app registers its service worker at every start: keep it from doing so first.)
    await b.context.addInitScript(() => { navigator.serviceWorker.register = () => new Promise(() => {}); });
    await page.evaluate(async () => { for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister(); });
    await page.reload();
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), false);
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    const response = page.waitForResponse((r) => r.url().endsWith('/share'));
    await share(page, [['IMG_shared_3.jpg', jpeg('shared-3')]]);
    assert.equal((await response).status(), 404);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await server.media()).length, 2, 'nothing new arrived');
  } finally {
    await b.close();
    await server.stop();
  }
});

test('"Open with Shoebox": files launched in the installed app (CDP PWA domain) are backed up', async () => {
  const server = await startServer();
  const b = await launch();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-open-')), 'IMG_opened.jpg');
  const bytes = jpeg('opened-with', 30_000);
  fs.writeFileSync(file, bytes);
  try {
    await b.page.goto(server.appUrl());
    await untilControlled(b.page);
    const cdp = await b.context.newCDPSession(b.page);
    const manifestId = server.base + '/';
    await cdp.send('PWA.install', { manifestId, installUrlOrBundleUrl: manifestId });
    const state = await cdp.send('PWA.getOsAppState', { manifestId });
    assert.ok(state.fileHandlers[0].accepts.some((a) => a.fileExtensions.includes('.jpg')), 'the file handlers are registered');
    await cdp.send('PWA.launchFilesInApp', { manifestId, files: [file] });
    const end = Date.now() + 60000;
    while (!(await server.media()).some((m) => m.sha256 === sha256(bytes))) {
      assert.ok(Date.now() < end, 'the opened file was backed up');
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
