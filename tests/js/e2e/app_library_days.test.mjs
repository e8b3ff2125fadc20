// The timeline's day headings, their counts and the scrubber follow the filters, as the grid
// does: with six items backed up today and three holiday photos of 10 August 2024, a search for
// "holiday", a 2024 date range or the Holiday album shows one heading, 10 August 2024 with 3
// items, and a scrubber of August 2024 only; the Videos filter shows today's video under today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { video } from '../lib/app.mjs';
import { chromiumJpeg, withExif } from '../lib/exif.mjs';
import { writeTree } from '../lib/fixtures.mjs';
import { backUpAndOpenLibrary, gridItems, waitForGrid } from '../lib/library.mjs';

/** The headings as drawn, top to bottom: {day, count, text}. */
async function headings(page) {
  return page.$$eval('[data-testid="day-heading"]', (els) => els
    .map((e) => ({ top: e.getBoundingClientRect().top, day: e.dataset.day, count: Number(e.dataset.count), text: e.innerText.replace(/\s+/g, ' ').trim() }))
    .sort((a, b) => a.top - b.top)
    .map(({ day, count, text }) => ({ day, count, text })));
}

/** The scrubber's months, newest first. */
async function months(page) {
  return page.$$eval('[data-testid="scrub"]', (els) => els.map((e) => e.dataset.month));
}

/** The grid's items counted by day, newest day first: what the headings must say. */
async function daysOfGrid(page) {
  const by = new Map();
  for (const i of await gridItems(page)) by.set(i.day, (by.get(i.day) || 0) + 1);
  return [...by].sort((a, b) => b[0].localeCompare(a[0])).map(([day, count]) => ({ day, count }));
}

/** Waits (a few seconds) for the headings to match the grid's days, then asserts they do. */
async function assertHeadingsFollowGrid(page, want, what) {
  const grid = await daysOfGrid(page);
  assert.deepEqual(grid, want, `${what}: the grid's days`);
  const deadline = Date.now() + 5000;
  let got = await headings(page);
  while (JSON.stringify(got.map(({ day, count }) => ({ day, count }))) !== JSON.stringify(want) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    got = await headings(page);
  }
  assert.deepEqual(got.map(({ day, count }) => ({ day, count })), want, `${what}: headings ${JSON.stringify(got)}`);
  for (const h of got) {
    assert.ok(h.text.includes(h.day.slice(0, 4)), `${what}: the heading names its year: ${h.text}`);
    assert.match(h.text, new RegExp(`${h.count} items?$`), `${what}: the heading's count line: ${h.text}`);
  }
  return got;
}

test('day headings, their counts and the scrubber follow the search, the dates, the kind and the album', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-library-days-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    // Today's: five photos without EXIF and a video, dated by their files (now).
    const today = {};
    for (let i = 1; i <= 5; i++) today[`IMG_${i}.jpg`] = await chromiumJpeg(page, 320, 240, 10 + i);
    today['clip.mp4'] = video('isom', 'days-clip');
    writeTree(path.join(dir, 'Today'), today);
    const holiday = {};
    for (let i = 1; i <= 3; i++) {
      holiday[`holiday_${i}.jpg`] = withExif(await chromiumJpeg(page, 320, 240, i), { dateTimeOriginal: `2024:08:10 1${i}:00:00`, lat: 1, lon: 1 });
    }
    writeTree(path.join(dir, 'Holiday'), holiday);
    await backUpAndOpenLibrary(page, [path.join(dir, 'Today'), path.join(dir, 'Holiday')], 9);
    await waitForGrid(page, 9);
    const day = await page.evaluate(() => new Date().toLocaleDateString('sv'));

    const all = await assertHeadingsFollowGrid(page, [{ day, count: 6 }, { day: '2024-08-10', count: 3 }], 'unfiltered');
    assert.deepEqual(await months(page), [day.slice(0, 7), '2024-08']);

    const holidayOnly = [{ day: '2024-08-10', count: 3 }];
    await page.getByTestId('library-search').fill('holiday');
    await waitForGrid(page, 3);
    const found = await assertHeadingsFollowGrid(page, holidayOnly, 'search "holiday"');
    assert.notEqual(found[0].text, all[0].text, 'not the unfiltered first heading');
    assert.deepEqual(await months(page), ['2024-08'], 'the scrubber: August 2024 only');

    await page.getByTestId('clear-filters').click();
    await waitForGrid(page, 9);
    await assertHeadingsFollowGrid(page, [{ day, count: 6 }, { day: '2024-08-10', count: 3 }], 'cleared');
    await page.getByTestId('library-from').fill('2024-01-01');
    await page.getByTestId('library-to').fill('2024-12-31');
    await waitForGrid(page, 3);
    await assertHeadingsFollowGrid(page, holidayOnly, 'dates in 2024');
    assert.deepEqual(await months(page), ['2024-08']);

    await page.getByTestId('clear-filters').click();
    await waitForGrid(page, 9);
    await page.getByRole('button', { name: 'Videos', exact: true }).click();
    await waitForGrid(page, 1);
    await assertHeadingsFollowGrid(page, [{ day, count: 1 }], 'videos');
    assert.deepEqual(await months(page), [day.slice(0, 7)]);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await waitForGrid(page, 9);

    await page.getByRole('link', { name: 'Albums' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="album"]').length === 2);
    await page.getByRole('button', { name: /Holiday/ }).click();
    await page.waitForURL(/#\/library\/albums\/Holiday$/);
    await waitForGrid(page, 3);
    await assertHeadingsFollowGrid(page, holidayOnly, 'the Holiday album');
    assert.deepEqual(await months(page), ['2024-08']);
    assert.deepEqual(b.errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
