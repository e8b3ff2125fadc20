// The operator's view of kiosk visits: above the albums, today's visits with the code a visitor
// reads out, the times and what each drop holds by kind; a finished visit keeps its line, a
// visit still going says so, a visit opens its drop's own page, and the drop of a visit still
// going cannot be renamed (the page says why). In German too; axe on the view; a
// person without a kiosk sees no such section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { jpeg } from '../lib/fixtures.mjs';
import { seriousViolations } from '../lib/library.mjs';

const KEY = 'shop-kiosk-key-e2e-0123456789';

async function startVisit(server) {
  const r = await fetch(`${server.base}/api/v1/kiosk/sessions`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}` } });
  assert.equal(r.status, 201, await r.clone().text());
  return r.json();
}

/** A visitor's upload, as tus 1.0 (creation, then the whole body in one PATCH). */
async function upload(server, token, name, bytes) {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const meta = [['filename', name], ['sha256', sha]].map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');
  const auth = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
  const c = await fetch(`${server.base}/files/`, { method: 'POST', headers: { ...auth, 'Upload-Length': String(bytes.length), 'Upload-Metadata': meta } });
  assert.equal(c.status, 201, await c.text());
  const p = await fetch(new URL(c.headers.get('location'), server.base), {
    method: 'PATCH', headers: { ...auth, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: bytes,
  });
  assert.equal(p.status, 204, await p.text());
}

test('the operator sees today\'s kiosk visits above the albums, each opening its drop', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-visits-'));
  const config = path.join(dir, 'kiosks.json');
  fs.writeFileSync(config, JSON.stringify([{ name: 'shop', user: 'e2e', key: KEY }]));
  const server = await startServer({ args: ['--kiosk-config', config] });
  const b = await launch();
  try {
    // A person's own photo, then two visits: one that saved two photos and ended, one still going.
    const own = await startVisit(server);
    await upload(server, own.token, 'a.jpg', jpeg('visit-a', 20_000));
    await upload(server, own.token, 'b.jpg', jpeg('visit-b', 25_000));
    const ended = await fetch(`${server.base}/api/v1/kiosk/sessions/current`, { method: 'DELETE', headers: { Authorization: `Bearer ${own.token}` } });
    assert.equal(ended.status, 204);
    const going = await startVisit(server);

    const page = b.page;
    await page.goto(server.appUrl() + '#/library/albums');
    const visits = page.getByTestId('visit');
    await visits.first().waitFor({ timeout: 20000 });
    assert.equal(await page.getByRole('heading', { name: 'Kiosk visits today' }).count(), 1);
    assert.equal(await visits.count(), 2);
    const first = await visits.nth(0).innerText();
    const second = await visits.nth(1).innerText();
    assert.match(first, new RegExp(`Code ${going.code}`), 'newest first');
    assert.match(first, /In progress/);
    assert.match(first, /Nothing saved yet/);
    assert.match(second, new RegExp(`Code ${own.code}`));
    assert.match(second, /\d{2}:\d{2} to \d{2}:\d{2}/, 'a finished visit shows its start and end');
    assert.match(second, /2 photos · \d/);
    assert.deepEqual(await seriousViolations(page), [], 'axe on the albums with the visits');
    await page.screenshot({ path: screenshotPath('screenshot-kiosk-visits.png') });

    // A visit opens its drop: that album's own page.
    await visits.nth(1).getByRole('button').click();
    await page.waitForFunction((drop) => location.hash === `#/library/albums/${encodeURIComponent(drop)}`, own.drop, { timeout: 10000 });
    await page.getByTestId('album-title').filter({ hasText: own.drop }).waitFor({ timeout: 20000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="thumb-open"]').length === 2, null, { timeout: 20000 });

    // The drop of the visit still going cannot be renamed under its visitor: the page says why.
    await upload(server, going.token, 'c.jpg', jpeg('visit-c', 22_000));
    await page.goto(`${server.base}/#/library/albums/${encodeURIComponent(going.drop)}`);
    await page.getByTestId('album-title').filter({ hasText: going.drop }).waitFor({ timeout: 20000 });
    await page.getByTestId('rename-album').click();
    await page.getByTestId('rename-input').fill('Mine now');
    await page.keyboard.press('Enter');
    const said = page.getByTestId('library-message');
    await said.waitFor({ timeout: 10000 });
    assert.equal((await said.textContent()).trim(), 'A kiosk visit still in progress saves its photos in this album. It can be changed once the visit ends.');
    await page.getByTestId('album-title').filter({ hasText: going.drop }).waitFor();
    const names = (await (await server.api('/api/v1/albums')).json()).albums.map((a) => a.album);
    assert.ok(names.includes(going.drop) && !names.includes('Mine now'), `unchanged on the server: ${names}`);

    // In German.
    const de = await launch({ locale: 'de-DE' });
    try {
      await de.page.goto(server.appUrl() + '#/library/albums');
      await de.page.getByRole('heading', { name: 'Heutige Kiosk-Besuche' }).waitFor({ timeout: 20000 });
      const line = await de.page.getByTestId('visit').nth(1).innerText();
      assert.match(line, new RegExp(`Besuchscode ${own.code}`));
      assert.match(line, /2 Fotos · \d/);
    } finally {
      await de.close();
    }
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a person without a kiosk sees no visits section', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const asked = b.page.waitForResponse((r) => r.url().includes('/api/v1/visits'), { timeout: 20000 });
    await b.page.goto(server.appUrl() + '#/library/albums');
    assert.deepEqual((await (await asked).json()).visits, [], 'the view asked, and there were none');
    await b.page.getByTestId('no-albums').or(b.page.getByTestId('albums')).first().waitFor({ timeout: 20000 });
    assert.equal(await b.page.getByTestId('visits').count(), 0);
  } finally {
    await b.close();
    await server.stop();
  }
});
