// An album's page has an address of its own (#/library/albums/<name>): opened directly, reloaded,
// reached with Back and Forward (same-document, and across another site with Chromium's
// back/forward cache ON), it shows that album's title and count; an address naming an album the
// person does not have (none at all, or another user's) says so and shows no photo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';
import { backUpAndOpenLibrary, seriousViolations, waitForGrid } from '../lib/library.mjs';

// Playwright switches the back/forward cache off by default; this test needs it on.
const BFCACHE_ON = { ignoreDefaultArgs: ['--disable-back-forward-cache'] };

/** A page of another origin that records whether it was itself restored from the cache. */
async function plainPage() {
  const srv = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>plain</title><p>plain</p>');
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${srv.address().port}/plain`, close: () => new Promise((r) => srv.close(r)) };
}

/** Waits for the album page of `name` with `count` items, by its heading. */
async function onAlbum(page, name, count) {
  await page.waitForFunction(([name, count]) => {
    const head = document.querySelector('[data-testid="album-head"]');
    return head?.querySelector('[data-testid="album-title"]')?.textContent.trim() === name && head.dataset.count === String(count);
  }, [name, count], { timeout: 20000 });
  await waitForGrid(page, count);
  assert.equal(await page.getByTestId('album-missing').count(), 0);
}

test('an album page keeps its address through a direct open, a reload, Back and Forward (bfcache on); a stranger\'s album says it is not there', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-album-page-'));
  const plain = await plainPage();
  const server = await startServer();
  const b = await launch(BFCACHE_ON);
  try {
    const page = b.page;
    writeTree(path.join(dir, 'Trip & Co'), { 'T1.jpg': jpeg('t1', 20_000), 'T2.jpg': jpeg('t2', 20_000) });
    writeTree(path.join(dir, 'Zoo'), { 'Z1.jpg': jpeg('z1', 20_000) });
    await page.goto(server.appUrl());
    await backUpAndOpenLibrary(page, [path.join(dir, 'Trip & Co'), path.join(dir, 'Zoo')], 3);

    await page.getByRole('link', { name: 'Albums' }).click();
    await page.locator('[data-testid="album"]', { hasText: 'Trip & Co' }).getByRole('button').click();
    await page.waitForURL(/#\/library\/albums\/Trip%20%26%20Co$/);
    await onAlbum(page, 'Trip & Co', 2);
    assert.equal(await page.locator('.tabs [aria-current="page"]').textContent(), 'Albums', 'the page sits under Albums');
    const tripUrl = page.url();

    await page.reload();
    await onAlbum(page, 'Trip & Co', 2);
    assert.equal(page.url(), tripUrl);

    await page.getByTestId('back-to-albums').click();
    await page.waitForURL(/#\/library\/albums$/);
    await page.locator('[data-testid="album"]', { hasText: 'Zoo' }).getByRole('button').click();
    await onAlbum(page, 'Zoo', 1);
    await page.goBack();
    await page.waitForURL(/#\/library\/albums$/);
    await page.getByTestId('albums').waitFor();
    await page.goBack();
    await onAlbum(page, 'Trip & Co', 2);
    await page.goForward();
    await page.goForward();
    await onAlbum(page, 'Zoo', 1);

    // Away to another site and back: the page comes from the back/forward cache, still Zoo's.
    // A page restored from the cache fires no 'load': each step waits for the commit only.
    await page.evaluate(() => addEventListener('pageshow', (e) => { window.restored = e.persisted; }));
    await page.goto(plain.url);
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForURL(/#\/library\/albums\/Zoo$/, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.restored === true, null, { timeout: 10000 });
    await onAlbum(page, 'Zoo', 1);
    await page.goForward({ waitUntil: 'commit' });
    await page.waitForURL(plain.url, { waitUntil: 'commit' });
    await page.goBack({ waitUntil: 'commit' });
    await onAlbum(page, 'Zoo', 1);

    // Opened directly in a new tab: the address alone is enough.
    const direct = await b.context.newPage();
    await direct.goto(tripUrl);
    await onAlbum(direct, 'Trip & Co', 2);
    assert.deepEqual(await seriousViolations(direct), [], 'axe on the album page opened directly');

    // No such album, and another user's album (made here under a name this user does not have).
    const bob = await server.signIn(server.cli('user', 'add', 'bob', '--url', server.base));
    const made = await fetch(`${server.base}/api/v1/albums`, {
      method: 'POST', headers: { Authorization: `Bearer ${bob}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ album: "Bob's secret" }),
    });
    assert.equal(made.status, 201);
    for (const name of ['Nowhere', "Bob's secret"]) {
      await direct.goto(`${server.base}/#/library/albums/${encodeURIComponent(name)}`);
      const missing = direct.getByTestId('album-missing');
      await missing.waitFor({ timeout: 20000 });
      assert.equal((await missing.getByRole('alert').textContent()).trim(), `There is no album called “${name}” in your library.`);
      assert.equal(await direct.getByTestId('album-head').count(), 0);
      assert.equal(await direct.locator('[data-testid="thumb"]').count(), 0, 'no photo of anyone shows');
      assert.deepEqual(await seriousViolations(direct), [], 'axe on a missing album');
    }
    await direct.getByTestId('back-to-albums').click();
    await direct.locator('[data-testid="album"]', { hasText: 'Zoo' }).waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    await plain.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
