// Back up & sync end to end, with an OPFS folder standing in for a picked backup
// folder: reopening backs up only what was added since; a photo saved while the app is open is
// backed up within a minute; with sync off the card reads "Back up is off" and Turn on starts
// it; "only while charging" sends nothing on battery and resumes on power.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, waitForStatus, statusHeadline, backUpAndWait } from '../lib/browser.mjs';
import { statusDetail, received } from '../lib/app.mjs';
import { jpeg } from '../lib/fixtures.mjs';
import { untilControlled, pickerGivesOpfs, writeOpfs, photos, fakeBattery, firstBackup } from '../lib/pwa.mjs';



test('reopening backs up only what was added since; a photo saved while open is backed up within a minute', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    const first = photos('sync', 3, 30_000);
    await firstBackup(b, server, first);
    await waitForStatus(page, /^Backup complete$/);
    const total = Object.values(first).reduce((a, f) => a + f.length, 0);
    assert.equal(await received(server), total);
    assert.match(await page.getByTestId('backup-folder').innerText(), /Pictures\s+3 files · last fully backed up \d\d:\d\d/);
    assert.match(await statusDetail(page), /· Last backup: \d\d:\d\d$/);
    await page.getByTestId('sync-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('screenshot-sync.png'), fullPage: true });

    // Closed and reopened with one new photo: no plan, no press, only that photo's bytes. The
    // photo is written while the app is closed (from another page of the origin), so only the
    // reopening can find it.
    const added = jpeg('sync-added', 20_000);
    await page.goto(`${server.base}/manifest.webmanifest`);
    await writeOpfs(page, 'Pictures', { 'Later/IMG_added.jpg': added });
    await page.goto(server.base + '/');
    await waitForStatus(page, /^Backup complete$/, 60000);
    // The three backed up before are settled from this device's records, never read again.
    assert.equal(await statusDetail(page).then((d) => d.split(' · ')[0]), '1 uploaded, 3 already backed up');
    assert.equal(await received(server) - total, added.length, 'only the added photo is sent');

    // Saved while the app is open.
    const live = jpeg('sync-live', 25_000);
    const t0 = Date.now();
    await writeOpfs(page, 'Pictures', { 'IMG_live.jpg': live });
    const stored = async () => (await server.media()).some((m) => m.filename === 'IMG_live.jpg');
    while (!(await stored())) {
      assert.ok(Date.now() - t0 < 65_000, 'a photo saved into a backup folder is backed up within a minute');
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(await received(server) - total - added.length, live.length);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('without FileSystemObserver, the once-a-minute re-scan backs up a photo saved while open', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await b.context.addInitScript(() => { delete window.FileSystemObserver; });
    await firstBackup(b, server, photos('nobs', 1));
    await waitForStatus(page, /^Backup complete$/);
    assert.equal(await page.evaluate(() => typeof window.FileSystemObserver), 'undefined');
    const t0 = Date.now();
    await writeOpfs(page, 'Pictures', { 'IMG_later.jpg': jpeg('nobs-later') });
    const stored = async () => (await server.media()).some((m) => m.filename === 'IMG_later.jpg');
    while (!(await stored())) {
      assert.ok(Date.now() - t0 < 75_000, 'backed up within about a minute');
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(Date.now() - t0 > 5_000, 'it was the re-scan, not an observer, that found it');
  } finally {
    await b.close();
    await server.stop();
  }
});

test('a sub-folder left out of a backup folder\'s plan stays out in later scans', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await pickerGivesOpfs(b.context, 'Pictures');
    await page.goto(server.appUrl());
    await untilControlled(page);
    await writeOpfs(page, 'Pictures', { 'IMG_keep.jpg': jpeg('keep-1'), 'Screenshots/shot_1.jpg': jpeg('shot-1') });
    await page.getByTestId('sync-switch').check();
    await page.getByTestId('add-backup-folder').click();
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    const box = page.getByTestId('plan-view').locator('[data-testid="folder-tree"] li').filter({ has: page.getByTestId('folder-name').filter({ hasText: /^Screenshots$/ }) }).locator('input[type=checkbox]');
    await box.uncheck();
    await waitForStatus(page, /^Ready to back up 1 photo or video$/);
    await backUpAndWait(page);
    // A new screenshot, found at the next start: still left out; a new photo elsewhere: backed up.
    await page.goto(`${server.base}/manifest.webmanifest`);
    await writeOpfs(page, 'Pictures', { 'Screenshots/shot_2.jpg': jpeg('shot-2'), 'IMG_new.jpg': jpeg('keep-2') });
    await page.goto(server.base + '/');
    await waitForStatus(page, /^Backup complete$/, 60000);
    const names = (await server.media()).map((m) => m.filename).sort();
    assert.deepEqual(names, ['IMG_keep.jpg', 'IMG_new.jpg']);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('with sync off the card reads "Back up is off"; Turn on backs up what is new', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await firstBackup(b, server, photos('off', 2));
    await waitForStatus(page, /^Backup complete$/);
    await page.getByTestId('sync-switch').uncheck();
    const extra = jpeg('off-new', 15_000);
    const before = await received(server);
    await page.goto(`${server.base}/manifest.webmanifest`);
    await writeOpfs(page, 'Pictures', { 'IMG_new.jpg': extra });
    await page.goto(server.base + '/');
    await waitForStatus(page, /^Back up is off$/, 30000);
    await page.screenshot({ path: screenshotPath('screenshot-backup-off.png') });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await received(server), before, 'nothing is sent while sync is off');
    await page.getByTestId('turn-on-button').click();
    await waitForStatus(page, /^Backup complete$/, 60000);
    assert.equal(await received(server) - before, extra.length);
    assert.equal(await page.getByTestId('sync-switch').isChecked(), true);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('only while charging: no PATCH on battery ("Waiting to charge"), then done by itself on power', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await fakeBattery(b.context, false);
    await firstBackup(b, server, photos('power', 2, 20_000), '&chargingOnly=1');
    await waitForStatus(page, /^Waiting to charge$/, 30000);
    assert.equal(await page.getByTestId('charging-only').isChecked(), true);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await received(server), 0, 'nothing is sent on battery');
    assert.equal(await server.patchCount(), 0);
    assert.equal(await statusHeadline(page), 'Waiting to charge');
    await page.evaluate(() => window.__battery.set(true));
    await waitForStatus(page, /^Backup complete$/, 60000);
    assert.ok(await received(server) >= 40_000);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('where the browser cannot tell whether it is charging, the setting says so and cannot be ticked', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    await b.context.addInitScript(() => { delete Navigator.prototype.getBattery; });
    await b.page.goto(server.appUrl());
    await waitForStatus(b.page, /^Ready$/);
    const box = b.page.getByTestId('charging-only');
    assert.equal(await box.isDisabled(), true);
    assert.match(await b.page.getByTestId('sync-panel').innerText(), /cannot tell whether the device is charging/);
  } finally {
    await b.close();
    await server.stop();
  }
});
