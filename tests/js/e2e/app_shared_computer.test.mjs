// One computer, two people: what Ann backed up in this browser is never "already backed up"
// for Bob, who opens Shoebox on the same profile with his own sign-in and chooses the same
// folder. His library gets every photo; Ann's is untouched; back as Ann, her own records of
// this browser settle the folder and nothing is sent again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { statusDetail, received } from '../lib/app.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';

/** Every media item of the account whose token is given. */
async function mediaOf(server, token) {
  const r = await fetch(`${server.base}/api/v1/media?limit=500`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  return (await r.json()).items;
}

test('a folder Ann backed up in this browser is backed up again for Bob, and still counts for Ann', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-shared-'));
  const folder = path.join(dir, 'Family');
  const files = writeTree(folder, { 'IMG_0001.jpg': jpeg('fam-1', 120_000), 'IMG_0002.jpg': jpeg('fam-2', 90_000), 'Sub/IMG_0003.jpg': jpeg('fam-3') });
  const server = await startServer();
  const bob = await server.signIn(server.cli('user', 'add', 'bob', '--url', server.base));
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [folder]);
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '3 uploaded');
    assert.equal((await mediaOf(server, server.token)).length, 3);

    // Bob, same browser profile (so the same IndexedDB), his own token.
    const sent = await received(server);
    await page.goto(`${server.base}/?token=${encodeURIComponent(bob)}`);
    await dropPaths(page, '[data-testid="drop-zone"]', [folder]);
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/);
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '3 uploaded', 'sent again: each account\'s content is its own');
    const his = await mediaOf(server, bob);
    assert.deepEqual(his.map((m) => m.filename).sort(), ['IMG_0001.jpg', 'IMG_0002.jpg', 'IMG_0003.jpg'], 'Bob\'s library has every photo');
    for (const f of files) assert.ok(his.some((m) => m.size === f.size), f.rel);
    assert.equal((await mediaOf(server, server.token)).length, 3, 'Ann\'s library is untouched');
    const afterBob = await received(server);
    assert.equal(afterBob - sent, files.reduce((a, f) => a + f.size, 0), 'every byte sent for Bob');

    // Ann again: her records count, nothing is hashed against the server or sent.
    await page.goto(server.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [folder]);
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '3 already backed up');
    assert.equal(await received(server), afterBob, 'nothing sent for Ann');
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
