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
import { photos, firstBackup, writeOpfs } from '../lib/pwa.mjs';

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

test('Ann\'s backup folders are not synced into Bob\'s library, and are hers again when she comes back', async () => {
  const server = await startServer();
  const bob = await server.signIn(server.cli('user', 'add', 'bob', '--url', server.base));
  const b = await launch();
  try {
    const page = b.page;
    await firstBackup(b, server, photos('ann', 2, 20_000));
    await waitForStatus(page, /^Backup complete$/);
    assert.equal((await mediaOf(server, server.token)).length, 2);

    // Bob on the same profile: Back up & sync has no folder of his; nothing of Ann's is read or sent.
    const sent = await received(server);
    await page.goto(`${server.base}/?token=${encodeURIComponent(bob)}`);
    await page.getByTestId('add-backup-folder').waitFor();
    await page.waitForTimeout(3000);
    assert.equal(await page.getByTestId('backup-folder').count(), 0, 'Ann\'s folder is not listed for Bob');
    assert.deepEqual(await mediaOf(server, bob), [], 'nothing of Ann\'s folder reaches Bob\'s library');
    assert.equal(await received(server), sent, 'nothing sent');

    // Ann again: her folder is listed and synced as before.
    await page.goto(server.appUrl());
    await page.getByTestId('backup-folder').waitFor();
    assert.match(await page.getByTestId('backup-folder').innerText(), /Pictures/);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('switching the account in Settings in the same page: the backup folders become the new account\'s', async (t) => {
  const server = await startServer();
  const bob = await server.signIn(server.cli('user', 'add', 'bob', '--url', server.base));
  const b = await launch();
  try {
    const page = b.page;
    await firstBackup(b, server, photos('ann-live', 2, 20_000));
    await waitForStatus(page, /^Backup complete$/);
    await page.getByTestId('backup-folder').waitFor();
    const sent = await received(server);
    // Ann also has a batch planned, not yet backed up.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-shared-plan-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    writeTree(path.join(dir, 'Trip'), { 'IMG_T1.jpg': jpeg('trip-1', 30_000) });
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Trip')]);
    await waitForStatus(page, /^Ready to back up 1 photo or video$/);

    await page.getByTestId('settings').locator('summary').first().click();
    await page.getByTestId('advanced-summary').click();
    await page.getByTestId('set-token').fill(bob);
    await page.getByTestId('set-token').press('Enter');
    await page.getByTestId('set-token').blur();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="backup-folder"]').length === 0, null, { timeout: 10000 });
    // A fresh page for Bob: Ann's plan is not his to back up.
    await waitForStatus(page, /^Ready$/);
    assert.equal(await page.getByTestId('backup-button').count(), 0, 'no Back up for Ann\'s planned batch');
    // A photo saved into Ann's folder now is not Bob's to back up.
    await writeOpfs(page, 'Pictures', { 'IMG_after_switch.jpg': jpeg('ann-after', 15_000) });
    await page.waitForTimeout(4000);
    assert.deepEqual(await mediaOf(server, bob), [], 'nothing of Ann\'s folder in Bob\'s library');
    assert.equal(await received(server), sent, 'nothing sent');
  } finally {
    await b.close();
    await server.stop();
  }
});

test('another tab signing in as someone else starts this tab afresh, so a setting changed here never writes the old token back', async () => {
  const server = await startServer();
  const bob = await server.signIn(server.cli('user', 'add', 'bob', '--url', server.base));
  const b = await launch();
  try {
    const a = b.page;
    await a.goto(server.appUrl());
    await waitForStatus(a, /^Ready$/);
    await a.evaluate(() => { window.__before = true; });
    const other = await b.context.newPage();
    await other.goto(`${server.base}/?token=${encodeURIComponent(bob)}`);
    await waitForStatus(other, /^Ready$/);
    await a.waitForFunction(() => window.__before === undefined, null, { timeout: 10000 });
    await waitForStatus(a, /^Ready$/);
    // A setting changed in the first tab keeps Bob's token.
    await a.getByTestId('settings').locator('summary').first().click();
    await a.getByRole('switch', { name: 'Back up on Wi-Fi only' }).click();
    const stored = await a.evaluate(() => JSON.parse(localStorage.getItem('shoebox.settings')));
    assert.equal(stored.token, bob, 'the first tab did not write Ann\'s token back');
  } finally {
    await b.close();
    await server.stop();
  }
});
