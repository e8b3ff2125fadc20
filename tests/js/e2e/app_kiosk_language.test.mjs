// A kiosk's visitors and their languages: the welcome screen offers a row of names, each in its
// own language; a choice switches the screen at once (words, <html lang dir>, the operator's
// welcome text in that language from --kiosk-config) and keeps nothing in the browser; the
// visit ends with Finish and the next visitor gets the default again; a welcome screen left in
// a chosen language goes back to the default once the idle time passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';
import { seriousViolations } from '../lib/library.mjs';

const KEY = 'lab-kiosk-key-e2e-0123456789';
const OWN_NAMES = ['English', 'Deutsch', 'Français', 'Español', 'Italiano', 'Português (Brasil)', 'Nederlands', 'Polski', '日本語', '简体中文', '한국어', 'العربية'];

const html = (page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const pressed = (page) => page.getByTestId('kiosk-languages').locator('button[aria-pressed="true"]').innerText();
const lead = (page) => page.getByTestId('kiosk-welcome').locator('.kiosk-lead').innerText();

test('the kiosk\'s language row switches the visit, with the operator\'s welcome in that language; the next visitor gets the default', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-kiosk-language-'));
  writeTree(path.join(dir, 'DCIM'), { 'IMG_0001.jpg': jpeg('lang-a', 30_000) });
  const config = path.join(dir, 'kiosks.json');
  fs.writeFileSync(config, JSON.stringify([{ name: 'lab', user: 'e2e', key: KEY, idleSeconds: 6,
    welcome: 'Welcome to the photo lab.', welcomeTexts: { de: 'Willkommen im Fotolabor.', ja: '写真ラボへようこそ。' } }]));
  const server = await startServer({ args: ['--kiosk-config', config] });
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(`${server.base}/?kiosk=lab&key=${KEY}`);
    await page.getByTestId('kiosk-languages').waitFor();
    await page.waitForFunction(() => document.querySelector('.kiosk-lead')?.textContent === 'Welcome to the photo lab.', null, { timeout: 10000 });
    const row = await page.getByTestId('kiosk-languages').getByRole('button').evaluateAll((bs) => bs.map((x) => ({ name: x.textContent, lang: x.lang })));
    assert.deepEqual(row.map((x) => x.name), OWN_NAMES, 'each language named in its own language');
    assert.equal(await pressed(page), 'English');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the welcome screen with its language row');

    await page.evaluate(() => { window.__notReloaded = true; });
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'de', null, { timeout: 10000 });
    assert.equal(await lead(page), 'Willkommen im Fotolabor.', 'the operator\'s welcome in German');
    assert.equal(await page.getByTestId('kiosk-welcome').getByRole('heading', { level: 2 }).innerText(), 'Fotos auswählen oder hierher ziehen');
    assert.equal(await pressed(page), 'Deutsch');
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'switched in place');
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl', null, { timeout: 10000 });
    assert.equal(await lead(page), 'Welcome to the photo lab.', 'no Arabic text from the operator: their one text');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'de' && document.documentElement.dir === 'ltr', null, { timeout: 10000 });

    // The visit runs in German, then ends: the next visitor starts in the default.
    await page.getByTestId('folder-input').setInputFiles(path.join(dir, 'DCIM'));
    await waitForStatus(page, /^Bereit, 1 Foto oder Video zu sichern$/, 30000);
    assert.deepEqual(await page.evaluate(() => [localStorage.length, Object.values(sessionStorage)]), [0, [KEY]],
      'nothing of the choice is kept in the browser (the tab keeps only the kiosk\'s key, as before)');
    await page.getByTestId('kiosk-finish').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en' && !!document.querySelector('[data-testid="kiosk-languages"]'), null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => window.__notReloaded), undefined, 'the visit ended with a reload, which forgets it');
    assert.equal(await pressed(page), 'English');
    await page.waitForFunction(() => document.querySelector('.kiosk-lead')?.textContent === 'Welcome to the photo lab.', null, { timeout: 10000 });

    // A visitor who picks a language and walks away: after the idle time, the default again.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja', null, { timeout: 10000 });
    assert.equal(await lead(page), '写真ラボへようこそ。');
    const chosenAt = Date.now();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 15000 });
    const after = Date.now() - chosenAt;
    assert.ok(after >= 4000, `not before the idle time (6 s): back after ${after} ms`);
    assert.equal(await pressed(page), 'English');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
