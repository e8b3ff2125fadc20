// The library end to end, in real Chromium against the real server: after a backup
// it lists every file with its album and capture date (EXIF wall-clock dates never shifted by
// the viewer's zone), thumbnails load and are rotated as the photo is, search and filters narrow
// the grid, the viewer shows the details and Download original gives the exact bytes, delete ->
// Trash -> restore (still counted as backed up while in the Trash), and another user sees none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { statusDetail, video } from '../lib/app.mjs';
import { withExif, chromiumJpeg } from '../lib/exif.mjs';
import { writeTree, sha256 } from '../lib/fixtures.mjs';
import { halvesJpeg, rawPixels, isRed, isBlue, gridItems, waitForGrid, seriousViolations, solidWebm } from '../lib/library.mjs';

const names = (items) => items.map((i) => i.name).sort();

test('the library: albums and dates, rotated thumbnails, search, viewer, exact download, Trash and restore, nobody else sees it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-library-'));
  const server = await startServer();
  // Auckland is UTC+13 in January: a zone shift would move 23:30 to the next day.
  const b = await launch({ timezoneId: 'Pacific/Auckland', acceptDownloads: true });
  try {
    const page = b.page;
    const referers = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/blob/')) referers.push(r.headers().referer || ''); });
    const libraryUrls = [];
    page.on('request', (r) => { if (/\/api\/v1\/(media\?|media\/summary|albums)/.test(r.url())) libraryUrls.push(r.url()); });
    await page.goto(server.appUrl());
    // The startup URL's token leaves the address bar at once, and nothing the page loads sends a Referer.
    await page.waitForFunction(() => !location.search.includes('token='));
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="referrer"]')?.content), 'no-referrer');
    const plain = (seed) => chromiumJpeg(page, 320, 240, seed);
    const files = {
      'Holiday/IMG_ROT.jpg': withExif(await halvesJpeg(page, 160, 80), { dateTimeOriginal: '2021:06:15 08:30:00', lat: 48.8584, lon: 2.2945, orientation: 6 }),
      'Holiday/IMG_0002.jpg': withExif(await plain(2), { dateTimeOriginal: '2021:06:15 09:00:00', lat: 1, lon: 1 }),
      'Holiday/Day 2/IMG_0003.jpg': withExif(await plain(3), { dateTimeOriginal: '2021:06:16 10:00:00', lat: 1, lon: 1 }),
      'Garden/IMG_2001.jpg': withExif(await plain(4), { dateTimeOriginal: '2023:01:02 23:30:00', lat: 1, lon: 1 }),
      'Garden/IMG_2002.jpg': withExif(await plain(5), { dateTimeOriginal: '2023:01:03 07:00:00', lat: 1, lon: 1 }),
      'Garden/clip.mp4': video('isom', 'library-clip'),
    };
    writeTree(path.join(dir, 'Holiday'), Object.fromEntries(Object.entries(files).filter(([k]) => k.startsWith('Holiday/')).map(([k, v]) => [k.slice(8), v])));
    writeTree(path.join(dir, 'Garden'), Object.fromEntries(Object.entries(files).filter(([k]) => k.startsWith('Garden/')).map(([k, v]) => [k.slice(7), v])));
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Holiday'), path.join(dir, 'Garden')]);
    await waitForStatus(page, /^Ready to back up 6 photos and videos$/);
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '6 uploaded');
    // Each photo's thumbnail was made in the worker and sent beside it (the video has none).
    const puts = async () => (await server.metrics())['shoebox_http_requests_total{method="PUT",status="204"}'] || 0;
    for (let i = 0; i < 100 && (await puts()) < 5; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await puts(), 5, 'five thumbnails PUT by the app');

    // The library, by keyboard: its own URL, every file with its album and day.
    await page.getByTestId('nav-library').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/library$/);
    await waitForGrid(page, 6);
    const items = await gridItems(page);
    const by = Object.fromEntries(items.map((i) => [i.name, i]));
    assert.deepEqual(names(items), ['IMG_0002.jpg', 'IMG_0003.jpg', 'IMG_2001.jpg', 'IMG_2002.jpg', 'IMG_ROT.jpg', 'clip.mp4']);
    assert.deepEqual([by['IMG_ROT.jpg'].album, by['IMG_0003.jpg'].album, by['IMG_2001.jpg'].album, by['clip.mp4'].album], ['Holiday', 'Holiday', 'Garden', 'Garden']);
    assert.equal(by['IMG_ROT.jpg'].day, '2021-06-15');
    assert.equal(by['IMG_0003.jpg'].day, '2021-06-16');
    assert.equal(by['IMG_2001.jpg'].day, '2023-01-02', 'an EXIF wall-clock time keeps its own date in any zone');
    // Newest first, a heading per day.
    assert.ok(items.findIndex((i) => i.name === 'IMG_2002.jpg') < items.findIndex((i) => i.name === 'IMG_2001.jpg'));
    assert.ok(items.findIndex((i) => i.name === 'IMG_2001.jpg') < items.findIndex((i) => i.name === 'IMG_0003.jpg'));
    assert.ok((await page.locator('[data-testid="day-heading"] h3').allTextContents()).some((h) => /2 January 2023|January 2, 2023/.test(h)));
    // The browser's IANA zone, not today's offset, so the server applies each date's own rules.
    assert.ok(libraryUrls.length > 0 && libraryUrls.every((u) => /[?&]tz=Pacific%2FAuckland(&|$)/.test(u)), libraryUrls.join('\n'));
    assert.match(await page.getByTestId('library-totals').textContent(), /^6 items · [\d.]+ KB · [\d.]+ KB used on the server$/);

    // Thumbnails load (the video gets a typed placeholder), and the orientation-6 one is upright.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="thumb"] img')].filter((i) => i.complete && i.naturalWidth > 0).length === 5, null, { timeout: 30000 });
    // The server tries its video decoder on the clip first: the placeholder follows its answer.
    await page.locator('[data-testid="thumb"][data-name="clip.mp4"] [data-testid="placeholder"]').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('[data-testid="thumb"][data-name="clip.mp4"] [data-testid="placeholder"]').count(), 1);
    const rotSrc = await page.locator('[data-testid="thumb"][data-name="IMG_ROT.jpg"] img').getAttribute('src');
    assert.doesNotMatch(rotSrc, /e2e-token/, 'no token in an image URL');
    const px = await rawPixels(page, rotSrc, [[0.5, 0.1], [0.5, 0.9]]);
    assert.ok(px.height > px.width, `rotated to portrait: ${px.width}x${px.height}`);
    assert.ok(isRed(px.at[0]) && isBlue(px.at[1]), `top red, bottom blue as displayed: ${JSON.stringify(px.at)}`);

    // Search by name, by album, by date range, and by kind; each shows exactly those.
    assert.equal(await page.getByTestId('search-toggle').isVisible(), false, 'a wide screen shows the filters, no search button');
    const search = async (q, n) => { await page.getByTestId('library-search').fill(q); await waitForGrid(page, n); return names(await gridItems(page)); };
    assert.deepEqual(await search('rot', 1), ['IMG_ROT.jpg']);
    assert.deepEqual(await search('Garden', 3), ['IMG_2001.jpg', 'IMG_2002.jpg', 'clip.mp4']);
    await search('', 6);
    await page.getByTestId('library-from').fill('2021-06-15');
    await page.getByTestId('library-to').fill('2021-06-15');
    await waitForGrid(page, 2);
    assert.deepEqual(names(await gridItems(page)), ['IMG_0002.jpg', 'IMG_ROT.jpg']);
    await page.getByTestId('clear-filters').click();
    await waitForGrid(page, 6);
    await page.getByRole('button', { name: 'Videos', exact: true }).click();
    await waitForGrid(page, 1);
    assert.deepEqual(names(await gridItems(page)), ['clip.mp4']);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await waitForGrid(page, 6);
    assert.deepEqual(await seriousViolations(page), [], 'axe on the timeline');
    await page.screenshot({ path: screenshotPath('screenshot-library.png') });

    // The viewer: details, keyboard steps, and Download original with the exact bytes.
    await page.locator('[data-testid="thumb"][data-name="IMG_ROT.jpg"] [data-testid="thumb-open"]').click();
    await page.getByTestId('viewer').waitFor();
    assert.equal((await page.getByTestId('viewer-name').textContent()).trim(), 'IMG_ROT.jpg');
    await page.keyboard.press('i');
    assert.match(await page.getByTestId('detail-taken').textContent(), /2021/);
    assert.match(await page.getByTestId('detail-taken').textContent(), /08:30/, 'wall-clock time shown as taken, not shifted');
    assert.equal((await page.getByTestId('detail-folder').textContent()).trim(), 'Holiday');
    assert.match(await page.getByTestId('detail-place').textContent(), /^48\.858\d+, 2\.294\d+$/);
    assert.equal((await page.getByTestId('detail-quality').textContent()).trim(), 'Original');
    assert.equal((await page.getByTestId('detail-pixels').textContent()).trim(), '80 × 160', 'the size as the photo is seen');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    assert.equal(download.suggestedFilename(), 'IMG_ROT.jpg');
    assert.equal(sha256(fs.readFileSync(await download.path())), sha256(files['Holiday/IMG_ROT.jpg']), 'the exact bytes');
    assert.deepEqual(await seriousViolations(page), [], 'axe in the viewer');
    const before = (await page.getByTestId('viewer-position').textContent()).trim();
    // The oldest photo: no next, so the left arrow (newer) first, then back.
    assert.equal(before, '6 of 6');
    assert.ok(await page.getByTestId('viewer-next').isDisabled());
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((b) => document.querySelector('[data-testid="viewer-position"]').textContent.trim() !== b, before);
    assert.equal((await page.getByTestId('viewer-name').textContent()).trim(), 'IMG_0002.jpg');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="viewer-name"]').textContent.trim() === 'IMG_ROT.jpg');
    await page.keyboard.press('Escape');
    await page.getByTestId('viewer').waitFor({ state: 'detached' });

    // Delete: two to the Trash (confirmed), still "backed up" for dedup, then restored.
    const shaRot = sha256(files['Holiday/IMG_ROT.jpg']);
    await page.locator('[data-testid="thumb"][data-name="IMG_ROT.jpg"] [data-testid="thumb-select"]').check();
    await page.locator('[data-testid="thumb"][data-name="clip.mp4"] [data-testid="thumb-select"]').check();
    assert.equal((await page.getByTestId('selected-count').textContent()).trim(), '2 selected');
    await page.getByTestId('trash').click();
    await page.getByTestId('confirm-trash').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe on the confirmation');
    await page.getByTestId('confirm-yes').click();
    await waitForGrid(page, 4);
    assert.match(await page.getByTestId('library-message').textContent(), /^2 items moved to the Trash\.$/);
    const check = await (await server.api('/api/v1/media/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sha256: [shaRot] }) })).json();
    assert.deepEqual(check.present, [shaRot], 'in the Trash, still counted as backed up');
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.waitForURL(/#\/library\/trash$/);
    await waitForGrid(page, 2);
    assert.match(await page.getByTestId('trash-note').textContent(), /still count as backed up/);
    assert.deepEqual(await seriousViolations(page), [], 'axe on the Trash');
    await page.locator('[data-testid="thumb"][data-name="IMG_ROT.jpg"] [data-testid="thumb-select"]').check();
    await page.getByTestId('restore').click();
    await waitForGrid(page, 1);
    await page.getByRole('link', { name: 'Photos' }).click();
    await waitForGrid(page, 5);

    // Albums: one card per folder album, opening that album's timeline.
    await page.getByRole('link', { name: 'Albums' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="album"]').length === 2);
    const cards = await page.locator('[data-testid="album"]').allTextContents();
    assert.ok(cards.some((c) => /Holiday3 items/.test(c)) && cards.some((c) => /Garden2 items/.test(c)), JSON.stringify(cards));
    assert.deepEqual(await seriousViolations(page), [], 'axe on the albums');
    await page.screenshot({ path: screenshotPath('screenshot-library-albums.png') });
    await page.getByRole('button', { name: /Garden/ }).click();
    await page.waitForURL(/#\/library\/albums\/Garden$/);
    await waitForGrid(page, 2);
    assert.deepEqual(names(await gridItems(page)), ['IMG_2001.jpg', 'IMG_2002.jpg']);

    // A reload keeps the view (the URL says where: that album's page), and the backup view is
    // one link away.
    await page.reload();
    await page.getByTestId('album-title').filter({ hasText: 'Garden' }).waitFor();
    await waitForGrid(page, 2);
    // The next card dropped on the library: the backup view shows its plan; then it is listed.
    writeTree(path.join(dir, 'Later'), { 'IMG_3001.jpg': withExif(await plain(6), { dateTimeOriginal: '2024:03:01 12:00:00', lat: 1, lon: 1 }) });
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Later')]);
    await page.waitForURL(/#\/$/);
    await waitForStatus(page, /^Ready to back up 1 photo or video$/);
    await backUpAndWait(page);
    // One frame for both views: the brand and the navigation do not move between them.
    const frame = () => page.$$eval('.brand, [data-testid="nav-backup"], [data-testid="nav-library"]',
      (els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }));
    const onBackup = await frame();
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 6);
    assert.deepEqual(await frame(), onBackup, 'the header stays put from Back up to Library');
    assert.equal((await gridItems(page))[0].name, 'IMG_3001.jpg', 'the newest first (the video is still in the Trash)');
    await page.getByTestId('nav-backup').click();
    await page.getByTestId('status-card').waitFor();

    // Another user sees none of it: not in the app, not through the API.
    const link = server.cli('user', 'add', 'olga', '--url', server.base).trim().split('\n').pop();
    const token = await server.signIn(server.cli('user', 'link', 'olga', '--url', server.base));
    const other = { Authorization: `Bearer ${token}` };
    const sum = await (await fetch(`${server.base}/api/v1/media/summary`, { headers: other })).json();
    assert.equal(sum.count, 0);
    assert.equal((await fetch(`${server.base}/api/v1/media/${shaRot}`, { headers: other })).status, 404);
    const forged = rotSrc.replace(/([?&]u=)[^&]+/, '$1olga');
    assert.equal((await fetch(forged)).status, 403, 'a signed URL cannot be re-pointed at another user');
    const b2 = await launch();
    try {
      await b2.page.goto(`${link}#/library`);
      await waitForGrid(b2.page, 0);
    } finally {
      await b2.close();
    }
    assert.ok(referers.length >= 5 && referers.every((r) => r === ''), `no Referer on image requests: ${referers.slice(0, 3)}`);
    assert.deepEqual(b.errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a video gets its first frame as a poster where the browser decodes it; one it cannot decode a typed placeholder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-library-video-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    writeTree(path.join(dir, 'Clips'), { 'green.webm': await solidWebm(page), 'broken.mp4': video('isom', 'poster-broken') });
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Clips')]);
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/);
    await backUpAndWait(page);
    const puts = async () => (await server.metrics())['shoebox_http_requests_total{method="PUT",status="204"}'] || 0;
    for (let i = 0; i < 100 && (await puts()) < 1; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await puts(), 1, 'one poster sent: the decodable video');
    await page.getByTestId('nav-library').click();
    await waitForGrid(page, 2);
    const img = page.locator('[data-testid="thumb"][data-name="green.webm"] img');
    await page.waitForFunction(() => { const i = document.querySelector('[data-testid="thumb"][data-name="green.webm"] img'); return i && i.complete && i.naturalWidth > 0; });
    const px = await rawPixels(page, await img.getAttribute('src'), [[0.5, 0.5]]);
    assert.deepEqual([px.width, px.height], [256, 144], 'the frame\'s shape, long side 256');
    const [r, g, bl] = px.at[0];
    assert.ok(g > 150 && r < 60 && bl < 60, `the poster is the green frame: ${px.at[0]}`);
    await page.locator('[data-testid="thumb"][data-name="broken.mp4"] [data-testid="placeholder"]').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('[data-testid="thumb"][data-name="broken.mp4"] [data-testid="placeholder"]').count(), 1);
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
