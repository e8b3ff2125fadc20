// The app end to end: a mixed folder's plan (counts, skip reasons), a High quality
// backup verified through the server's API (originals, downsized photos, EXIF), and a second
// backup of the same folder that sends nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, waitForPlanChecked, statusHeadline, backUpAndWait } from '../lib/browser.mjs';
import { readExif } from '../lib/exif.mjs';
import { mixedTree, statusDetail } from '../lib/app.mjs';

const MAX_PX = 16_000_000;
let server, tree;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-mixed-'));

before(async () => {
  server = await startServer();
  const b = await launch();
  try { tree = await mixedTree(b.page, work); } finally { await b.close(); }
});
after(async () => { await server?.stop(); fs.rmSync(work, { recursive: true, force: true }); });

const kept = () => tree.files.filter((f) => f.expect === 'upload' || f.expect === 'downsize');
const skipped = () => tree.files.filter((f) => f.expect !== 'upload' && f.expect !== 'downsize');

async function dropAndPlan(page) {
  await page.goto(server.appUrl('&quality=high'));
  await waitForStatus(page, /^Ready$/);
  await dropPaths(page, '[data-testid="drop-zone"]', [tree.root]);
  await waitForStatus(page, /^Ready to back up \d+ photos and videos$/, 60000);
  await waitForPlanChecked(page);
}

test('the plan counts a mixed folder and gives every skipped file its reason', async () => {
  const b = await launch();
  try {
    await dropAndPlan(b.page);
    assert.equal(await statusHeadline(b.page), 'Ready to back up 8 photos and videos');
    const plan = b.page.getByTestId('plan-view');
    assert.equal((await plan.getByTestId('plan-totals').textContent()).trim(), '6 photos, 2 videos, 2 to downsize, 7 skipped');
    assert.equal((await plan.getByTestId('plan-check').textContent()).trim(), `All ${tree.files.length} files checked.`);
    const reasons = (await plan.locator('[data-testid="plan-reasons"] li').allTextContents()).sort();
    assert.deepEqual(reasons, ['empty file: 1', 'not a photo or video: 1', 'over the size limit: 1', 'system file: 4']);
    const folders = await plan.locator('[data-testid="folder-tree"] li').allInnerTexts();
    assert.ok(folders.some((t) => /^Videos\s+2 files/.test(t)), `folder tree: ${folders.join(' | ')}`);
    // Every skipped file is listed with its reason; nothing else is.
    const items = await b.page.getByTestId('skipped-list').locator('li').evaluateAll((lis) =>
      lis.map((li) => [li.querySelector('[data-testid="file-path"]').textContent, li.querySelector('[data-testid="skip-reason"]').textContent]));
    assert.deepEqual(new Map(items), new Map(skipped().map((f) => [f.rel, f.expect])));
    assert.match(await b.page.getByTestId('status-card').innerText(), /2 photos or videos skipped, 5 other files ignored — see why/);
    // A folder's check box takes it, sub-folders included, out of the plan, and puts it back.
    const box = (name) => plan.locator('[data-testid="folder-tree"] li').filter({ has: b.page.getByTestId('folder-name').filter({ hasText: name }) }).locator('input[type=checkbox]');
    const totals = () => plan.getByTestId('plan-totals');
    await box(/^Videos$/).uncheck();
    await b.page.waitForFunction(() => document.querySelector('[data-testid="plan-totals"]').textContent.trim() === '6 photos, 0 videos, 2 to downsize, 7 skipped');
    assert.equal(await box(/^Old$/).isChecked(), false, 'the sub-folder follows its parent');
    assert.equal(await statusHeadline(b.page), 'Ready to back up 6 photos and videos');
    await box(/^Videos$/).check();
    await b.page.waitForFunction(() => document.querySelector('[data-testid="plan-totals"]').textContent.trim() === '6 photos, 2 videos, 2 to downsize, 7 skipped');
    assert.equal((await totals().textContent()).trim(), '6 photos, 2 videos, 2 to downsize, 7 skipped');
    assert.equal(await box(/^Old$/).isChecked(), true);
    assert.equal(await server.patchCount(), 0, 'nothing is sent before "Back up"');
  } finally { await b.close(); }
});

test('a High quality backup stores every kept file, none of the skipped, nothing over 16 MP, EXIF intact', async () => {
  const b = await launch();
  try {
    await dropAndPlan(b.page);
    await backUpAndWait(b.page, /^Backup complete$/, 300000);
    assert.equal(await statusDetail(b.page), '8 uploaded, 7 skipped');

    const media = await server.media();
    assert.equal(media.length, kept().length, media.map((m) => m.relativePath).join(', '));
    for (const f of kept()) {
      const item = f.expect === 'upload' ? media.find((m) => m.sha256 === f.sha256) : media.find((m) => m.sourceSha256 === f.sha256);
      const asOriginal = f.expect === 'downsize' && media.some((m) => m.sha256 === f.sha256);
      assert.ok(item, `${f.rel} ${asOriginal ? 'was stored as the original, not downsized' : 'is not on the server'}`);
      assert.equal(item.relativePath, f.rel);
      if (f.expect === 'upload') {
        assert.equal(item.size, f.size);
        continue;
      }
      // Downsized: new bytes, at most 16 MP, the same capture date and place.
      assert.ok(item.width * item.height <= MAX_PX, `${f.rel} stored at ${item.width}x${item.height}`);
      const exif = readExif(await server.bytesOf(item.sha256));
      assert.equal(exif?.dateTimeOriginal, f.exif.dateTimeOriginal, `${f.rel} lost its date`);
      assert.ok(Math.abs(exif.lat - f.exif.lat) < 1e-4 && Math.abs(exif.lon - f.exif.lon) < 1e-4, `${f.rel} GPS ${exif.lat},${exif.lon}`);
    }
    for (const m of media) if (m.width) assert.ok(m.width * m.height <= MAX_PX, `${m.relativePath} stored at ${m.width}x${m.height}`);
    for (const f of skipped()) assert.ok(!media.some((m) => m.relativePath === f.rel || m.sha256 === f.sha256), `${f.rel} was uploaded`);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('backing up the same folder again sends nothing: every file is already backed up', async () => {
  const patchesBefore = await server.patchCount();
  const countBefore = (await server.media()).length;
  assert.equal(countBefore, kept().length, 'the previous test left the backup on the server');
  const b = await launch();
  try {
    await dropAndPlan(b.page);
    await backUpAndWait(b.page, /^Backup complete$/, 300000);
    assert.equal(await statusDetail(b.page), '8 already backed up, 7 skipped');
    const rows = await b.page.getByTestId('file-row').evaluateAll((rs) =>
      rs.map((r) => [r.querySelector('[data-testid="file-path"]').textContent, r.querySelector('[data-testid="file-state"]').textContent]));
    assert.equal(rows.length, tree.files.length);
    for (const f of kept()) assert.equal(new Map(rows).get(f.rel), 'already backed up', f.rel);
    assert.equal(await server.patchCount() - patchesBefore, 0, 'no PATCH may be sent');
    assert.equal((await server.media()).length, countBefore);
  } finally { await b.close(); }
});
