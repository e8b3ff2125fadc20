// Sub-folders as albums, chosen in the plan: a dropped tree shows the Albums choice and the
// albums its ticked folders will make; "One album per folder, sub-folders too" names each
// folder by its path, an unticked folder leaves the list, the choice is kept across a reload,
// and after the backup the server holds exactly those albums with their photos. Each state has
// one primary button, the next step first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForPlanChecked, backUpAndWait } from '../lib/browser.mjs';
import { jpeg, writeTree } from '../lib/fixtures.mjs';

const names = async (page) => page.getByTestId('plan-album-name').allTextContents();

test('each folder of a dropped tree becomes its own album when chosen in the plan', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-album-folders-'));
  const root = path.join(dir, 'Holiday');
  writeTree(root, {
    'e.jpg': jpeg('e'), 'Day 1/a.jpg': jpeg('a'), 'Day 1/b.jpg': jpeg('b'), 'Day 2/c.jpg': jpeg('c'), 'Day 2/Raw/d.jpg': jpeg('d'),
  });
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    const primaries = async () => page.locator('.controls .primary:visible').evaluateAll((els) => els.map((e) => e.dataset.testid || e.textContent.trim()));
    await page.getByTestId('choose-folders').waitFor(); // the app has started
    assert.deepEqual(await primaries(), ['choose-folders'], 'before anything is chosen, choosing is the one primary action');
    await dropPaths(page, '[data-testid="drop-zone"]', [root]);
    await waitForPlanChecked(page);
    assert.deepEqual(await primaries(), ['backup-button'], 'with a plan, Back up is the one primary action');
    assert.equal(await page.locator('.controls > *:visible').first().getAttribute('data-testid'), 'backup-button', 'and it comes first');
    const mode = page.getByTestId('plan-album-mode');
    assert.equal(await mode.inputValue(), 'folder', 'one album per top folder by default');
    assert.deepEqual(await names(page), ['Holiday']);
    assert.equal(await page.getByLabel('Albums').count() >= 1, true, 'the choice has its label');

    await mode.selectOption('folders');
    await page.getByTestId('plan-album-names').and(page.locator('[data-count="4"]')).waitFor();
    assert.deepEqual(await names(page), ['Holiday', 'Holiday / Day 1', 'Holiday / Day 2', 'Holiday / Day 2 / Raw']);
    assert.match(await page.getByTestId('plan-album-names').textContent(), /^Makes 4 albums:/);

    // Unticking a folder takes its album out of what the plan will make.
    await page.locator('.folder', { has: page.getByTestId('folder-name').getByText('Raw', { exact: true }) }).getByRole('checkbox').uncheck();
    await page.getByTestId('plan-album-names').and(page.locator('[data-count="3"]')).waitFor();
    assert.deepEqual(await names(page), ['Holiday', 'Holiday / Day 1', 'Holiday / Day 2']);
    await mode.selectOption('none');
    await page.getByTestId('plan-album-names').and(page.locator('[data-count="0"]')).waitFor();
    await mode.selectOption('folders');

    // The choice is this device's setting: it survives a reload, and Settings shows it too.
    await page.reload();
    await dropPaths(page, '[data-testid="drop-zone"]', [root]);
    await waitForPlanChecked(page);
    assert.equal(await mode.inputValue(), 'folders');
    assert.deepEqual(await names(page), ['Holiday', 'Holiday / Day 1', 'Holiday / Day 2', 'Holiday / Day 2 / Raw']);
    await backUpAndWait(page);

    const v = await (await server.api('/api/v1/albums')).json();
    const albums = Object.fromEntries(v.albums.filter((a) => a.album !== null).map((a) => [a.album, a.count]));
    assert.deepEqual(albums, { 'Holiday': 1, 'Holiday / Day 1': 2, 'Holiday / Day 2': 1, 'Holiday / Day 2 / Raw': 1 });
    const media = await (await server.api('/api/v1/media?limit=100')).json();
    const byName = Object.fromEntries(media.items.map((m) => [m.filename, m.album]));
    assert.deepEqual(byName, { 'e.jpg': 'Holiday', 'a.jpg': 'Holiday / Day 1', 'b.jpg': 'Holiday / Day 1', 'c.jpg': 'Holiday / Day 2', 'd.jpg': 'Holiday / Day 2 / Raw' });
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
