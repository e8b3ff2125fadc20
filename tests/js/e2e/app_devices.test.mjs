// Users and devices end to end: a new browser signs in by approval from a signed-in
// one (the code it shows, typed on the other), lists as a device, and is refused at once when
// signed out; a user over quota gets "Your storage is full" before anything is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus, dropPaths, backUpAndWait } from '../lib/browser.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';

test('a new device signs in by approval from a signed-in one; signing it out refuses it at once', async () => {
  const server = await startServer();
  const a = await launch();
  const b = await launch();
  try {
    await a.page.goto(server.appUrl());
    await waitForStatus(a.page, /^Ready$/);
    await b.page.goto(server.base + '/');
    await waitForStatus(b.page, /^Sign-in needed$/, 30000);
    await b.page.getByTestId('sign-in-button').click();
    const code = (await b.page.getByTestId('pair-code').innerText()).trim();
    assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal(await b.page.getByTestId('kiosk-qr').count(), 1, 'with a QR code of the approval link');
    // On the signed-in device: type the code (loosely), see what asks, approve.
    await a.page.getByTestId('pair-input').fill(code.toLowerCase().replace('-', ' '));
    await a.page.getByTestId('pair-input').press('Enter');
    await a.page.getByTestId('approval').waitFor();
    assert.match(await a.page.getByTestId('approval').innerText(), /^Sign in “Linux computer” to your account\?/);
    await a.page.getByTestId('approve-button').click();
    await waitForStatus(b.page, /^Ready$/, 20000);
    const bToken = await b.page.evaluate(() => JSON.parse(localStorage.getItem('shoebox.settings')).token);
    assert.notEqual(bToken, server.token, 'the new device has a token of its own');
    await a.page.reload();
    await a.page.getByTestId('device').first().waitFor();
    assert.match(await a.page.getByTestId('device-list').innerText(), /Linux computer/);
    await a.page.getByTestId('device').first().getByRole('button').click();
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid="device"]').length === 0);
    const r = await fetch(`${server.base}/api/v1/media`, { headers: { Authorization: `Bearer ${bToken}` } });
    assert.equal(r.status, 401, 'refused at once');
    await b.page.reload();
    await waitForStatus(b.page, /^Sign-in needed$/, 30000);
  } finally {
    await a.close();
    await b.close();
    await server.stop();
  }
});

test('a user over quota is refused before anything is sent: "Your storage is full"', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-quota-'));
  writeTree(path.join(dir, 'Card'), { 'IMG_1.jpg': jpeg('quota-1', 60_000), 'IMG_2.jpg': jpeg('quota-2', 60_000) });
  const server = await startServer();
  const out = server.cli('user', 'add', 'dana', '--quota', '100KB', '--url', server.base);
  const link = out.trim().split('\n').pop();
  assert.match(link, /\/\?signin=[0-9a-f]{48}$/, 'a one-time code, not a token');
  const b = await launch();
  const late = await launch();
  try {
    await b.page.goto(link);
    await waitForStatus(b.page, /^Ready$/);
    await b.page.waitForFunction(() => !location.search.includes('signin'), null, { timeout: 10000 });
    // The link was used: opened again elsewhere it signs nothing in, and says so.
    await late.page.goto(link);
    await late.page.getByTestId('notice').waitFor({ timeout: 20000 });
    assert.match(await late.page.getByTestId('notice').innerText(), /already used or has expired/);
    assert.equal(await late.page.evaluate(() => JSON.parse(localStorage.getItem('shoebox.settings') || '{}').token || ''), '');
    await dropPaths(b.page, '[data-testid="drop-zone"]', [path.join(dir, 'Card')]);
    await waitForStatus(b.page, /^Ready to back up 2 photos and videos$/);
    await backUpAndWait(b.page, /^Your storage is full$/, 60000);
    // The storage line follows: what is stored (and claimed) against the quota.
    await b.page.waitForFunction(() => /^Storage: [1-9][\d.]* KB used of 100 KB$/.test(document.querySelector('[data-testid="storage-line"]')?.textContent || ''), null, { timeout: 10000 });
    const m = await server.metrics();
    assert.ok((m['shoebox_received_bytes_total'] || 0) <= 60_000, 'the file over the quota was never sent');
    assert.match(server.cli('user', 'list'), /dana\t100000\t60\d{3}\t1/);
  } finally {
    await b.close();
    await late.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
