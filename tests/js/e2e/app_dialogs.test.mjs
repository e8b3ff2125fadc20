// Every dialog is legible and says what it does: the viewer's "Move to Trash" confirmation (a
// light box inside the dark viewer), the selection's, and a device's approval each have a
// title, a body and buttons whose text reaches WCAG AA contrast (4.5:1) against what is behind
// it, the removing button is drawn as destructive (red), axe finds nothing serious, and
// Escape or Cancel leaves everything as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { chromiumJpeg, withExif } from '../lib/exif.mjs';
import { writeTree } from '../lib/fixtures.mjs';
import { backUpAndOpenLibrary, seriousViolations, waitForGrid } from '../lib/library.mjs';
import { illegibleText, textContrast, backgroundColour } from '../lib/contrast.mjs';

const isRed = ([r, g, b]) => r > 150 && r - g > 80 && r - b > 80;

/** The dialog `testid` has a title, a body, and only legible text; returns its title. */
async function assertLegible(page, testid, where) {
  assert.deepEqual(await illegibleText(page, testid), [], `${where}: every text at 4.5:1 or more`);
  const d = page.getByTestId(testid);
  const title = (await d.getByTestId('dialog-title').textContent({ timeout: 2000 })).trim();
  const body = (await d.getByTestId('dialog-body').textContent({ timeout: 2000 })).trim();
  assert.ok(title.length > 0 && body.length > 0, `${where}: a title and a body`);
  const texts = await textContrast(page, testid);
  for (const part of ['dialog-title', 'dialog-body', 'confirm-no']) {
    assert.ok(texts.some((t) => t.testid === part), `${where}: ${part} measured: ${JSON.stringify(texts)}`);
  }
  return title;
}

test('dialogs: a title, a legible body and a clearly destructive button, in the dark viewer as elsewhere', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-dialogs-'));
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    writeTree(path.join(dir, 'Holiday'), {
      'IMG_1.jpg': withExif(await chromiumJpeg(page, 320, 240, 1), { dateTimeOriginal: '2024:08:10 10:00:00', lat: 1, lon: 1 }),
      'IMG_2.jpg': withExif(await chromiumJpeg(page, 320, 240, 2), { dateTimeOriginal: '2024:08:10 11:00:00', lat: 1, lon: 1 }),
    });
    await backUpAndOpenLibrary(page, [path.join(dir, 'Holiday')], 2);
    await waitForGrid(page, 2);

    // The viewer's confirmation: it sits inside the viewer, whose text is white on black.
    await page.locator('[data-testid="thumb"][data-name="IMG_1.jpg"] [data-testid="thumb-open"]').click();
    await page.getByTestId('viewer').waitFor();
    await page.getByTestId('viewer-trash').click();
    await page.getByTestId('confirm-trash').waitFor();
    assert.equal(await assertLegible(page, 'confirm-trash', 'viewer'), 'Move 1 item to the Trash?');
    assert.ok(isRed(await backgroundColour(page, 'confirm-yes', 'confirm-trash')), 'the removing button is red');
    assert.equal((await page.getByTestId('confirm-yes').textContent()).trim(), 'Move to Trash');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the viewer\'s confirmation');
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-trash').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('viewer').count(), 1, 'Escape leaves the confirmation, not the viewer');
    await page.getByTestId('viewer-close').click();
    await page.getByTestId('viewer').waitFor({ state: 'detached' });

    // The selection's confirmation, on the light library page.
    await page.locator('[data-testid="thumb"][data-name="IMG_1.jpg"] [data-testid="thumb-select"]').check();
    await page.locator('[data-testid="thumb"][data-name="IMG_2.jpg"] [data-testid="thumb-select"]').check();
    await page.getByTestId('trash').click();
    await page.getByTestId('confirm-trash').waitFor();
    assert.equal(await assertLegible(page, 'confirm-trash', 'selection'), 'Move 2 items to the Trash?');
    assert.ok(isRed(await backgroundColour(page, 'confirm-yes', 'confirm-trash')));
    assert.deepEqual(await seriousViolations(page), [], 'axe on the selection\'s confirmation');
    await page.getByTestId('confirm-no').click();
    await page.getByTestId('confirm-trash').waitFor({ state: 'detached' });
    await waitForGrid(page, 2);
    assert.equal(await page.getByTestId('library-message').count(), 0, 'Cancel moved nothing');

    // A device's approval: the question as its title, what it means as its body, Cancel.
    const pair = await (await fetch(`${server.base}/api/v1/pair`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Chromebook', scope: 'full' }),
    })).json();
    await page.getByTestId('nav-backup').click();
    await page.getByTestId('pair-input').fill(pair.userCode);
    await page.getByTestId('pair-input').press('Enter');
    await page.getByTestId('approval').waitFor();
    assert.equal(await assertLegible(page, 'approval', 'approval'), 'Sign in “Chromebook” to your account?');
    assert.equal((await page.getByTestId('approval').getByTestId('dialog-body').textContent()).trim(), 'It will see and back up your photos.');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the approval');
    await page.getByTestId('approval').getByTestId('confirm-no').click();
    await page.getByTestId('approval').waitFor({ state: 'detached' });
    const poll = await fetch(`${server.base}/api/v1/pair/poll`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ deviceCode: pair.deviceCode }),
    });
    assert.equal(poll.status, 428, 'Cancel approved nothing');
    assert.deepEqual(b.errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
