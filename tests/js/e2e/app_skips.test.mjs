// Skips as a person reads them: each reason names the figure and the limit it broke, in the
// page's language (sizes too); system files are "ignored", not skipped photos; the status
// card's "skipped — see why" line leaves once seen (dismissed, or the list opened) and comes
// back only for new skips; the CSV header is in the page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, waitForPlanChecked } from '../lib/browser.mjs';
import { jpeg } from '../lib/fixtures.mjs';
import { seriousViolations } from '../lib/library.mjs';

/** A folder with one photo, one JPEG over the 75 MB limit (sparse) and two system files. */
function folder(tag, bigSize) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shoebox-skips-${tag}-`));
  const root = path.join(dir, `Card ${tag}`);
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'IMG_0001.jpg'), jpeg(`skips-${tag}`));
  const big = path.join(root, 'PANO_0002.jpg');
  fs.writeFileSync(big, jpeg(`skips-big-${tag}`));
  fs.truncateSync(big, bigSize);
  fs.writeFileSync(path.join(root, 'Thumbs.db'), 'fake thumbnail cache');
  fs.writeFileSync(path.join(root, '.DS_Store'), '\x00\x00\x00\x01Bud1 fake finder data');
  return { dir, root };
}

const reasons = (page) => page.getByTestId('skipped-list').locator('li').evaluateAll((lis) =>
  Object.fromEntries(lis.map((li) => [li.querySelector('[data-testid="file-path"]').textContent, li.querySelector('[data-testid="skip-reason"]').textContent])));

test('each skip names its limit; the skip line counts system files as ignored and leaves once seen', async () => {
  const server = await startServer();
  const b = await launch();
  const one = folder('A', 82_000_000);
  const two = folder('B', 76_000_000);
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$/);
    await dropPaths(page, '[data-testid="drop-zone"]', [one.root]);
    await waitForStatus(page, /^Ready to back up 1 photo or video$/, 60000);
    await waitForPlanChecked(page);
    assert.deepEqual(await reasons(page), {
      'Card A/PANO_0002.jpg': '82 MB, over the 75 MB limit',
      'Card A/Thumbs.db': 'system file',
      'Card A/.DS_Store': 'system file',
    });
    const line = page.getByTestId('skipped-line');
    assert.equal((await line.innerText()).trim(), '1 photo or video skipped, 2 other files ignored — see why');
    assert.deepEqual(await seriousViolations(page), []);

    // Dismissed: it leaves, the list stays.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await line.waitFor({ state: 'detached', timeout: 5000 });
    assert.equal(await page.getByTestId('skipped-list').isVisible(), true);

    // More skips bring it back; opening the list is seeing them.
    await dropPaths(page, '[data-testid="drop-zone"]', [two.root]);
    await waitForStatus(page, /^Ready to back up 2 photos and videos$/, 60000);
    await waitForPlanChecked(page);
    await line.waitFor({ state: 'visible', timeout: 10000 });
    assert.equal((await line.innerText()).trim(), '2 photos or videos skipped, 4 other files ignored — see why');
    assert.equal((await reasons(page))['Card B/PANO_0002.jpg'], '76 MB, over the 75 MB limit');
    await line.getByRole('link').click();
    await line.waitFor({ state: 'detached', timeout: 5000 });

    // A backup of the same files skips nothing new: the line stays away.
    await page.getByTestId('backup-button').click();
    await waitForStatus(page, /^Backup complete$/, 60000);
    assert.equal(await line.count(), 0, 'the seen skips came back after the backup');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    for (const f of [one, two]) fs.rmSync(f.dir, { recursive: true, force: true });
  }
});

test('a German page gives the reason, the sizes and the CSV header in German', async () => {
  const server = await startServer();
  const b = await launch({ locale: 'de-DE' });
  const one = folder('C', 82_000_000);
  try {
    const page = b.page;
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Bereit$/);
    await dropPaths(page, '[data-testid="drop-zone"]', [one.root]);
    await waitForPlanChecked(page);
    const got = await reasons(page);
    // German writes a no-break space between a figure and its unit.
    const reason = '82\u00a0MB, über dem Limit von 75\u00a0MB';
    assert.equal(got['Card C/PANO_0002.jpg'], reason);
    assert.equal(got['Card C/Thumbs.db'], 'Systemdatei');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.getByTestId('skipped-csv').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assert.equal(csv[0], 'Pfad,Grund');
    assert.ok(csv.includes(`"Card C/PANO_0002.jpg","${reason}"`), csv.join('\n'));
    await page.getByRole('button', { name: 'Ausblenden' }).click();
    await page.getByTestId('skipped-line').waitFor({ state: 'detached', timeout: 5000 });
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(one.dir, { recursive: true, force: true });
  }
});
