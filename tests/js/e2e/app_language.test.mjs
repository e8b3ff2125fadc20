// The page speaks the browser's language: a German Chromium gets German words, counts with
// German plurals and <html lang="de">; an Arabic one is laid out right to left; a language
// Shoebox has no catalog for gets English. Each browser's locale is set as a person's would be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, screenshotPath } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus } from '../lib/browser.mjs';
import { jpeg } from '../lib/fixtures.mjs';

async function html(page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

function photos(n, tag) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shoebox-language-${tag}-`));
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `IMG_${i}.jpg`), jpeg(`${tag}-${i}`, 30_000 + i));
  return dir;
}

test('a German browser gets German on the first screen, German plurals and <html lang="de">', async () => {
  const server = await startServer();
  const b = await launch({ locale: 'de-DE' });
  const one = photos(1, 'one');
  const three = photos(3, 'three');
  try {
    const page = b.page;
    const catalogs = [];
    page.on('request', (r) => { if (/\/locales\/[^/]+\.json$/.test(r.url())) catalogs.push(new URL(r.url()).pathname); });
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Bereit$/);
    assert.deepEqual(await html(page), { lang: 'de', dir: 'ltr' });
    assert.deepEqual(catalogs, ['/locales/de.json'], 'only the chosen language is fetched');
    assert.equal(await page.getByTestId('status-detail').textContent(),
      'Wählen Sie die Ordner mit Ihren Fotos und Videos aus oder ziehen Sie sie hierher. Shoebox sieht sie zuerst durch und zeigt Ihnen, was gesichert wird, bevor irgendetwas gesendet wird.');
    const body = await page.locator('body').innerText();
    for (const english of ['Choose folders', 'Back up', 'Settings', 'Nothing chosen yet']) {
      assert.ok(!body.includes(english), `English left on the German page: "${english}"`);
    }
    await dropPaths(page, '[data-testid="drop-zone"]', [one]);
    await waitForStatus(page, /^Bereit, 1 Foto oder Video zu sichern$/);
    await page.reload();
    await waitForStatus(page, /^Bereit$/);
    await dropPaths(page, '[data-testid="drop-zone"]', [three]);
    await waitForStatus(page, /^Bereit, 3 Fotos und Videos zu sichern$/);
    await page.screenshot({ path: screenshotPath('screenshot-german.png') });
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(one, { recursive: true, force: true });
    fs.rmSync(three, { recursive: true, force: true });
  }
});

test('an Arabic browser is laid out right to left; Japanese is in its own script; an unknown language gets English', async () => {
  const server = await startServer();
  try {
    for (const [locale, lang, dir, ready] of [['ar-EG', 'ar', 'rtl', /^جاهز$/], ['ja-JP', 'ja', 'ltr', /^準備完了$/], ['sv-SE', 'en', 'ltr', /^Ready$/]]) {
      const b = await launch({ locale });
      try {
        await b.page.goto(server.appUrl());
        await waitForStatus(b.page, ready);
        assert.deepEqual(await html(b.page), { lang, dir }, locale);
        if (lang === 'ar') await b.page.screenshot({ path: screenshotPath('screenshot-arabic.png') });
        assert.deepEqual(b.errors, [], locale);
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.stop();
  }
});
