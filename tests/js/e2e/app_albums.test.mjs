// Albums from the library, as a person makes them: two photos selected (one with the keyboard,
// one with the mouse) put the selection's bar in the header's place (Escape clears it), "Add to
// album" makes a new album of them, its own page shows its title, count and date range, a
// rename follows through, "Download all" saves both originals, a photo leaves the album from its page, "New album" keeps an empty one; the server agrees at each step,
// axe finds nothing serious on the new screens. On a 390 px touch screen a long press selects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { chromiumJpeg, withExif } from '../lib/exif.mjs';
import { writeTree, sha256 } from '../lib/fixtures.mjs';
import { backUpAndOpenLibrary, seriousViolations, waitForGrid } from '../lib/library.mjs';

/** [name, sha256 of its bytes] of each entry of a zip file, as Python's zipfile reads them. */
function unzip(file) {
  const script = 'import zipfile, sys, hashlib, json\nz = zipfile.ZipFile(sys.argv[1])\n'
    + 'print(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const thumb = (page, name) => page.locator(`[data-testid="thumb"][data-name="${name}"]`);

async function albumsOnServer(server) {
  const v = await (await server.api('/api/v1/albums')).json();
  return Object.fromEntries(v.albums.filter((a) => a.album !== null).map((a) => [a.album, a.count]));
}

async function photos(page, dir, dates) {
  const files = {};
  let seed = 1;
  for (const [name, date] of Object.entries(dates)) {
    files[name] = withExif(await chromiumJpeg(page, 320, 240, seed++), { dateTimeOriginal: date, lat: 1, lon: 1 });
  }
  writeTree(dir, files);
  return files;
}

test('two photos selected by keyboard and mouse become an album with its own page, renamed and downloaded', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-albums-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    const files = await photos(page, path.join(dir, 'Camera'), {
      'IMG_A.jpg': '2023:06:01 09:00:00', 'IMG_B.jpg': '2024:02:10 18:30:00', 'IMG_C.jpg': '2024:08:10 10:00:00', 'IMG_D.jpg': '2022:01:01 12:00:00',
    });
    await backUpAndOpenLibrary(page, [path.join(dir, 'Camera')], 4);
    await waitForGrid(page, 4);

    // Keyboard: the checkbox takes the focus and Space selects; the mouse selects the second.
    const selectBoth = async () => {
      await thumb(page, 'IMG_A.jpg').getByTestId('thumb-select').focus();
      await page.keyboard.press('Space');
      await thumb(page, 'IMG_B.jpg').getByTestId('thumb-select').click();
      await page.getByTestId('selected-count').filter({ hasText: '2 selected' }).waitFor();
    };
    await selectBoth();
    assert.equal(await page.locator('.tabs').count(), 0, 'the selection bar takes the header\'s place');
    const bar = page.getByTestId('selection-bar');
    for (const name of ['Download', 'Add to album', 'Move to Trash', 'Clear selection']) {
      assert.equal(await bar.getByRole('button', { name }).count(), 1, `${name} in the selection bar`);
    }
    assert.deepEqual(await seriousViolations(page), [], 'axe with the selection bar');
    await page.keyboard.press('Escape');
    await page.getByTestId('selection-bar').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.tabs').count(), 1, 'Escape clears it and the header is back');
    await selectBoth();
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await page.getByTestId('selection-bar').waitFor({ state: 'detached' });
    await selectBoth();

    // Add to album: a new name.
    await page.getByTestId('add-to-album').click();
    const chooser = page.getByTestId('album-chooser');
    await chooser.waitFor();
    assert.equal((await chooser.getByRole('heading').first().textContent()).trim(), 'Add 2 items to an album');
    assert.deepEqual(await seriousViolations(page), [], 'axe on Add to album');
    await chooser.getByLabel('New album').fill('Summer');
    await page.keyboard.press('Enter');
    await chooser.waitFor({ state: 'detached' });
    assert.equal((await page.getByTestId('library-message').textContent()).trim(), '2 items added to the album.');
    await page.getByTestId('selection-bar').waitFor({ state: 'detached' });
    assert.deepEqual(await albumsOnServer(server), { Camera: 4, Summer: 2 });

    // Its own page, from the albums list.
    await page.getByRole('link', { name: 'Albums' }).click();
    await page.waitForURL(/#\/library\/albums$/);
    // New album: an empty one, kept and listed.
    await page.getByRole('button', { name: 'New album' }).click();
    await page.getByTestId('new-album-form').getByLabel('Album name').fill('Empty for now');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the albums with New album open');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="album"]', { hasText: 'Empty for now' }).waitFor();
    assert.deepEqual(await albumsOnServer(server), { Camera: 4, Summer: 2, 'Empty for now': 0 });
    await page.locator('[data-testid="album"]', { hasText: 'Summer' }).getByRole('button').click();
    const head = page.getByTestId('album-head');
    await head.waitFor();
    await waitForGrid(page, 2);
    assert.equal((await page.getByTestId('album-title').textContent()).trim(), 'Summer');
    await page.waitForFunction(() => document.querySelector('[data-testid="album-head"]')?.dataset.count === '2');
    assert.equal(await head.getAttribute('data-first-day'), '2023-06-01');
    assert.equal(await head.getAttribute('data-last-day'), '2024-02-10');
    assert.equal((await page.getByTestId('album-facts').textContent()).trim(), '2 items · Jun 1, 2023 to Feb 10, 2024');
    assert.deepEqual((await page.$$eval('[data-testid="thumb"]', (e) => e.map((t) => t.dataset.name))).sort(), ['IMG_A.jpg', 'IMG_B.jpg']);
    assert.deepEqual(await seriousViolations(page), [], 'axe on the album page');

    // Rename: the page follows, and so does every record on the server.
    await head.getByRole('button', { name: 'Rename' }).click();
    await head.getByLabel('Album name').fill('Summer 2024');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the rename form');
    await page.keyboard.press('Enter');
    await page.getByTestId('album-title').filter({ hasText: 'Summer 2024' }).waitFor();
    await waitForGrid(page, 2);
    assert.deepEqual(await albumsOnServer(server), { Camera: 4, 'Summer 2024': 2, 'Empty for now': 0 });

    // Download all: one zip of both originals, under their names, byte for byte; and no second
    // download follows.
    const downloads = [];
    page.on('download', (d) => downloads.push(d));
    let d = page.waitForEvent('download', { timeout: 20000 });
    await head.getByRole('button', { name: 'Download all' }).click();
    d = await d;
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(downloads.map((x) => x.suggestedFilename()), ['Summer 2024.zip'], 'one download, a zip named after the album');
    const entries = unzip(await d.path());
    assert.deepEqual(entries.map((e) => e[0]).sort(), ['IMG_A.jpg', 'IMG_B.jpg']);
    for (const [name, sha] of entries) assert.equal(sha, sha256(files[name]), name);

    // Two selected: one zip too.
    await thumb(page, 'IMG_A.jpg').getByTestId('thumb-select').click();
    await thumb(page, 'IMG_B.jpg').getByTestId('thumb-select').click();
    d = page.waitForEvent('download', { timeout: 20000 });
    await page.getByTestId('download-selected').click();
    d = await d;
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(downloads.map((x) => x.suggestedFilename()), ['Summer 2024.zip', 'Shoebox.zip']);
    assert.deepEqual(unzip(await d.path()).map((e) => e[0]).sort(), ['IMG_A.jpg', 'IMG_B.jpg']);
    await page.getByTestId('clear-selection').click();
    await page.getByTestId('selection-bar').waitFor({ state: 'detached' });

    const listed = await (await server.api('/api/v1/media?album=' + encodeURIComponent('Summer 2024'))).json();
    assert.deepEqual(listed.items.map((i) => i.filename).sort(), ['IMG_A.jpg', 'IMG_B.jpg']);

    // On the album's page the selection can leave the album; the photo stays in the library.
    assert.equal(await page.getByTestId('remove-from-album').count(), 0, 'nothing selected: no such button');
    await thumb(page, 'IMG_B.jpg').getByTestId('thumb-select').click();
    await page.getByTestId('remove-from-album').click();
    await page.getByTestId('selection-bar').waitFor({ state: 'detached' });
    await waitForGrid(page, 1);
    assert.deepEqual(await albumsOnServer(server), { Camera: 4, 'Summer 2024': 1, 'Empty for now': 0 });
    assert.equal((await server.media()).filter((m) => m.filename === 'IMG_B.jpg').length, 1, 'still in the library, in Camera');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A long press at the element's centre, through the DevTools protocol's touch events. */
async function longPress(page, locator, ms = 800) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const pt = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [pt] });
  await new Promise((r) => setTimeout(r, ms));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('on a 390 px touch screen a long press selects, a tap then adds to the selection, and it goes into an album', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-albums-phone-'));
  const server = await startServer();
  const b = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await photos(page, dir, { 'PXL_1.jpg': '2024:05:01 10:00:00', 'PXL_2.jpg': '2024:05:02 10:00:00', 'PXL_3.jpg': '2024:05:03 10:00:00' });
    await waitForStatus(page, /^Ready$/);
    await page.getByTestId('photos-input').setInputFiles(['PXL_1.jpg', 'PXL_2.jpg', 'PXL_3.jpg'].map((n) => path.join(dir, n)));
    await waitForStatus(page, /^Ready to back up 3 photos and videos$/, 30000);
    await page.getByTestId('backup-button').click();
    await waitForStatus(page, /^Backup complete$/);
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 3);

    await longPress(page, thumb(page, 'PXL_1.jpg').getByTestId('thumb-open'));
    await page.getByTestId('selected-count').filter({ hasText: '1 selected' }).waitFor();
    assert.equal(await page.getByTestId('viewer').count(), 0, 'a long press selects, it does not open');
    await thumb(page, 'PXL_3.jpg').getByTestId('thumb-open').scrollIntoViewIfNeeded();
    const third = await thumb(page, 'PXL_3.jpg').getByTestId('thumb-open').boundingBox();
    await page.touchscreen.tap(third.x + third.width / 2, third.y + third.height / 2);
    await page.getByTestId('selected-count').filter({ hasText: '2 selected' }).waitFor();
    assert.equal(await page.getByTestId('viewer').count(), 0, 'while selecting, a tap selects');
    const bar = await page.getByTestId('selection-bar').boundingBox();
    assert.ok(bar.x >= 0 && bar.x + bar.width <= 390, `the bar fits the phone: ${JSON.stringify(bar)}`);
    for (const id of ['clear-selection', 'download-selected', 'add-to-album', 'trash']) {
      const r = await page.getByTestId(id).boundingBox();
      assert.ok(r.width >= 44 && r.height >= 44 && r.x + r.width <= 390, `${id} is a finger-sized target on screen: ${JSON.stringify(r)}`);
    }
    assert.deepEqual(await seriousViolations(page), [], 'axe on the phone\'s selection bar');
    await page.getByTestId('add-to-album').click();
    await page.getByTestId('new-album-name').fill('Phone picks');
    await page.getByTestId('new-album-add').click();
    await page.getByTestId('album-chooser').waitFor({ state: 'detached' });
    assert.deepEqual(await albumsOnServer(server), { 'Phone picks': 2 });
    const listed = await (await server.api('/api/v1/media?album=' + encodeURIComponent('Phone picks'))).json();
    assert.deepEqual(listed.items.map((i) => i.filename).sort(), ['PXL_1.jpg', 'PXL_3.jpg']);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
