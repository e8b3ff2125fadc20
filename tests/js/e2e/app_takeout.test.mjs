// A Google Takeout export chosen as a folder, end to end in real Chromium against the real
// server, into two users: the plan recognises the export (its summary line, the unmatched
// report and its CSV; no sidecar or export-level file is a skipped file), and afterwards every
// item has Google's date and place and is in the export's album, never in "Takeout" or a year
// folder. The second user had one of the photos already (from a phone folder): the import adds
// the export's date, place and album to it. A second import of the same export sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait } from '../lib/browser.mjs';
import { statusDetail } from '../lib/app.mjs';
import { writeTree } from '../lib/fixtures.mjs';
import { takeoutExport, FILE_TIME } from '../lib/takeout.mjs';

/** Every record of the user whose token is given (the Live Photo's clip too). */
async function records(server, token) {
  const r = await fetch(`${server.base}/api/v1/media?limit=1000&parts=1`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  return (await r.json()).items;
}

/** Each expected item: its capturedAt, position, marks and the albums of its records. */
function checkLibrary(items, expected, who) {
  for (const [name, want] of Object.entries(expected)) {
    const recs = items.filter((m) => m.filename === name);
    assert.ok(recs.length > 0, `${who}: ${name} is in the library`);
    for (const m of recs) {
      assert.equal(m.capturedAt, want.capturedAt, `${who}: ${name}'s date`);
      assert.equal(m.favorited === true, want.favorited, `${who}: ${name} a favourite: ${m.favorited}`);
      assert.equal(m.archived === true, want.archived, `${who}: ${name} archived: ${m.archived}`);
      if (want.lat === null) {
        assert.ok(m.lat == null && m.lon == null, `${who}: ${name} has no place: ${m.lat}, ${m.lon}`);
      } else {
        assert.ok(Math.abs(m.lat - want.lat) < 1e-6 && Math.abs(m.lon - want.lon) < 1e-6, `${who}: ${name}'s place ${m.lat}, ${m.lon}`);
      }
    }
    const albums = recs.map((m) => m.album).filter((a) => a !== null).sort();
    assert.deepEqual(albums, want.albums, `${who}: ${name}'s albums`);
  }
  for (const m of items) {
    assert.ok(!/^(Takeout|Photos from \d{4}|Google Photos)$/.test(m.album ?? ''), `${who}: ${m.filename} is in no folder album: ${m.album}`);
    assert.ok(!/\.(json|html)$/.test(m.filename), `${who}: ${m.filename} is no item`);
  }
}

async function importExport(page, root, summary, count) {
  await dropPaths(page, '[data-testid="drop-zone"]', [root]);
  await waitForStatus(page, new RegExp(`^Ready to back up ${count} photos and videos$`));
  assert.equal((await page.getByTestId('takeout-summary').textContent()).trim(), summary);
}

test('a Takeout folder: Google\'s dates, places and albums, into two users, and nothing twice', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-takeout-'));
  const { files, expected, summary, count } = takeoutExport();
  writeTree(dir, files);
  const when = new Date(FILE_TIME);
  for (const rel of Object.keys(files)) fs.utimesSync(path.join(dir, rel), when, when);
  const root = path.join(dir, 'Takeout');
  const server = await startServer();
  const ann = await launch();
  const bob = await launch();
  try {
    // The first user: a fresh import.
    const page = ann.page;
    await page.goto(server.appUrl());
    await importExport(page, root, summary, count);
    assert.equal(await page.getByTestId('skipped-list').count(), 0, 'no sidecar or export file is a skipped file');
    assert.equal(await page.getByTestId('plan-albums').count(), 0, 'an export\'s albums are its own: no Albums choice');
    const notes = await page.getByTestId('takeout-notes').locator('li').allTextContents();
    assert.ok(notes.some((n) => n.includes('no_sidecar.jpg') && n.includes('No sidecar')), notes.join('\n'));
    assert.ok(notes.some((n) => n.includes('IMG_0005.jpg') && n.includes("The sidecar's date could not be used")), notes.join('\n'));
    assert.equal(notes.length, 2, notes.join('\n'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('takeout-csv').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^path,reason\r\n/);
    assert.match(csv, /"Takeout\/Google Photos\/Photos from 2020\/no_sidecar\.jpg","No sidecar: keeps its own date and place"/);
    await backUpAndWait(page);
    checkLibrary(await records(server, server.token), expected, 'ann');

    // The same export again: all already backed up, nothing sent.
    const before = await server.metrics();
    const ids = (await records(server, server.token)).map((m) => m.id).sort();
    await importExport(page, root, summary, count);
    await backUpAndWait(page);
    assert.equal(await statusDetail(page), '14 already backed up');
    const after = await server.metrics();
    assert.equal(after.shoebox_uploads_completed_total, before.shoebox_uploads_completed_total, 'no upload the second time');
    assert.deepEqual((await records(server, server.token)).map((m) => m.id).sort(), ids, 'no record added or changed');

    // The second user had IMG_0001 already, from a phone folder, dated by its file.
    server.cli('user', 'add', 'bob', '--url', server.base);
    const token = await server.signIn(server.cli('user', 'link', 'bob', '--url', server.base));
    const phone = path.join(dir, 'Phone');
    fs.mkdirSync(phone);
    fs.copyFileSync(path.join(dir, 'Takeout/Google Photos/Photos from 2019/IMG_0001.jpg'), path.join(phone, 'IMG_0001.jpg'));
    fs.utimesSync(path.join(phone, 'IMG_0001.jpg'), when, when);
    const p2 = bob.page;
    await p2.goto(`${server.base}/?token=${encodeURIComponent(token)}`);
    await dropPaths(p2, '[data-testid="drop-zone"]', [phone]);
    await waitForStatus(p2, /^Ready to back up 1 photo/);
    await backUpAndWait(p2);
    const early = (await records(server, token)).find((m) => m.filename === 'IMG_0001.jpg');
    assert.equal(early.capturedAt, FILE_TIME);
    await importExport(p2, root, summary, count);
    await backUpAndWait(p2);
    const items = await records(server, token);
    const phoneless = items.filter((m) => m.album !== 'Phone');
    checkLibrary(phoneless, expected, 'bob');
    const first = items.filter((m) => m.filename === 'IMG_0001.jpg');
    assert.deepEqual(first.map((m) => m.album).sort(), ['Phone', 'Trip to Lyon'], 'the fill adds the export\'s album');
    for (const m of first) {
      assert.equal(m.capturedAt, expected['IMG_0001.jpg'].capturedAt, `the fill dates the phone's record (${m.album})`);
      assert.ok(Math.abs(m.lat - expected['IMG_0001.jpg'].lat) < 1e-6, `the fill places the phone's record (${m.album})`);
      assert.equal(m.favorited, true, `the fill marks the phone's record a favourite (${m.album})`);
    }
    // Nothing of one user reached the other.
    assert.equal((await records(server, server.token)).filter((m) => m.album === 'Phone').length, 0);
    assert.deepEqual([...ann.errors, ...bob.errors], []);
  } finally {
    await ann.close();
    await bob.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
