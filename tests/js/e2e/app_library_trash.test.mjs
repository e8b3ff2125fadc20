// The library's Trash as a person uses it: a move to the Trash offers "Undo" for a few seconds
// and Undo really restores on the server; the note leaves by itself once read; the Trash's
// header says how long it keeps things, each item its days left, and offers "Restore all" and
// "Empty trash" (confirmed, legible, then really deleted on the server: no longer backed up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { writeTree, jpeg, sha256 } from '../lib/fixtures.mjs';
import { backUpAndOpenLibrary, waitForGrid, seriousViolations } from '../lib/library.mjs';
import { illegibleText } from '../lib/contrast.mjs';

const select = (page, name) => page.locator(`[data-testid="thumb"][data-name="${name}"] [data-testid="thumb-select"]`).check();

async function trashCount(server) {
  return (await (await server.api('/api/v1/media/summary')).json()).trashCount;
}

async function moveToTrash(page, names) {
  for (const n of names) await select(page, n);
  await page.getByTestId('trash').click();
  await page.getByTestId('confirm-yes').click();
}

test('Undo restores a move to the Trash for a few seconds; the Trash restores all or empties for good', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-trash-'));
  const files = { 'A.jpg': jpeg('trash-a'), 'B.jpg': jpeg('trash-b'), 'C.jpg': jpeg('trash-c'), 'D.jpg': jpeg('trash-d') };
  writeTree(path.join(dir, 'Trip'), files);
  const server = await startServer({ args: ['--trash-days', '14'] });
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await backUpAndOpenLibrary(page, [path.join(dir, 'Trip')], 4);
    await waitForGrid(page, 4);

    // Undo, within its few seconds: the server has them back.
    await moveToTrash(page, ['A.jpg', 'B.jpg']);
    await waitForGrid(page, 2);
    assert.equal((await page.getByTestId('library-message').textContent()).trim(), '2 items moved to the Trash.');
    assert.equal(await trashCount(server), 2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForGrid(page, 4);
    assert.equal((await page.getByTestId('library-message').textContent()).trim(), '2 items restored.');
    assert.equal(await trashCount(server), 0, 'Undo restored them on the server');
    assert.equal(await page.getByTestId('undo').count(), 0, 'a restore offers no Undo');
    // The note leaves by itself.
    await page.getByTestId('library-note').waitFor({ state: 'detached', timeout: 15000 });

    // Too late: the Undo leaves with the note, and the item stays in the Trash.
    await moveToTrash(page, ['C.jpg']);
    await waitForGrid(page, 3);
    await page.getByTestId('undo').waitFor();
    const shown = Date.now();
    await page.getByTestId('undo').waitFor({ state: 'detached', timeout: 15000 });
    const lasted = Date.now() - shown;
    assert.ok(lasted > 4000, `Undo stays a few seconds: ${lasted} ms`);
    assert.equal(await page.getByTestId('library-note').count(), 0, 'the note went with it');
    assert.equal(await trashCount(server), 1);

    // The Trash: its header, days left, Restore all.
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.waitForURL(/#\/library\/trash$/);
    await waitForGrid(page, 1);
    assert.match(await page.getByTestId('trash-note').textContent(), /deleted from the server for good 14 days after they were moved there/);
    assert.equal((await page.getByTestId('days-left').textContent()).trim(), '14 days left');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the Trash and its header');
    await page.getByTestId('trash-head').getByRole('button', { name: 'Restore all' }).click();
    await waitForGrid(page, 0);
    assert.equal(await trashCount(server), 0, 'Restore all restored on the server');
    assert.equal(await page.getByTestId('trash-empty').count(), 0, 'an empty Trash offers nothing to empty');

    // Empty trash: confirmed in a legible dialog, then deleted for good (no longer backed up).
    await page.getByRole('link', { name: 'Photos' }).click();
    await waitForGrid(page, 4);
    await moveToTrash(page, ['A.jpg', 'D.jpg']);
    await waitForGrid(page, 2);
    await page.getByRole('link', { name: 'Trash' }).click();
    await waitForGrid(page, 2);
    await page.getByTestId('trash-empty').click();
    await page.getByTestId('confirm-empty').waitFor();
    assert.equal((await page.getByTestId('dialog-title').textContent()).trim(), 'Empty the Trash?');
    assert.deepEqual(await illegibleText(page, 'confirm-empty'), [], 'the confirmation is legible');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the confirmation');
    await page.getByTestId('confirm-no').click();
    assert.equal(await trashCount(server), 2, 'Cancel deletes nothing');
    await page.getByTestId('trash-empty').click();
    await page.getByTestId('confirm-yes').click();
    await waitForGrid(page, 0);
    assert.equal((await page.getByTestId('library-message').textContent()).trim(), '2 items deleted for good.');
    const left = await (await server.api('/api/v1/media/summary')).json();
    assert.deepEqual([left.count, left.trashCount], [2, 0]);
    const gone = [sha256(files['A.jpg']), sha256(files['D.jpg'])];
    const check = await (await server.api('/api/v1/media/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sha256: [...gone, sha256(files['B.jpg'])] }) })).json();
    assert.deepEqual(check.present, [sha256(files['B.jpg'])], 'emptied items are no longer backed up');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
