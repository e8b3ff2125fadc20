// Settings as a person meets them: a language picker naming each language in its own language,
// kept on this device and switching the page at once (words, <html lang dir>, the title) without
// a reload; the plumbing (destination, access key, uploads at once) folded under "Advanced"; a
// storage meter against the account's quota; axe finds nothing serious with all of it open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus } from '../lib/browser.mjs';
import { seriousViolations } from '../lib/library.mjs';

const OWN_NAMES = ['English', 'Deutsch', 'Français', 'Español', 'Italiano', 'Português (Brasil)', 'Nederlands', 'Polski', '日本語', '简体中文', '한국어', 'العربية'];

const html = (page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const kept = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('shoebox.settings') || '{}').language || '');

test('the language picker names each language in its own language, switches the page at once and is kept on this device', async () => {
  const server = await startServer();
  const b = await launch();
  const other = await launch();
  try {
    const { page } = b;
    await page.goto(server.appUrl());
    await waitForStatus(page, /^Ready$/);
    await page.getByTestId('settings').locator('summary').first().click();
    const picker = page.getByTestId('language-picker');
    assert.equal(await picker.inputValue(), 'en');
    const options = await picker.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, lang: o.lang, name: o.textContent })));
    assert.deepEqual(options.map((o) => o.name), OWN_NAMES);
    assert.ok(options.every((o) => o.lang === o.value), 'each name is marked with its own language');
    // A marker on the window: gone if the page were reloaded instead of switched.
    await page.evaluate(() => { window.__notReloaded = true; });
    await picker.selectOption('de');
    await waitForStatus(page, /^Bereit$/, 10000);
    assert.deepEqual(await html(page), { lang: 'de', dir: 'ltr' });
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'switched in place, not reloaded');
    assert.equal(await page.evaluate(() => document.title), 'Shoebox · Fotos und Videos sichern');
    assert.equal(await page.getByTestId('settings').locator('summary').first().innerText(), 'Einstellungen');
    assert.equal(await kept(page), 'de', 'kept in this device\'s settings');
    const body = await page.locator('body').innerText();
    for (const english of ['Choose folders', 'Back up', 'Settings', 'Language', 'Advanced']) {
      assert.ok(!body.includes(english), `English left after the switch: "${english}"`);
    }
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="settings"]').open), true, 'Settings stays open after the switch');
    await page.getByTestId('language-picker').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl', null, { timeout: 10000 });
    assert.deepEqual(await html(page), { lang: 'ar', dir: 'rtl' });
    await waitForStatus(page, /^جاهز$/, 10000);
    await page.reload();
    await waitForStatus(page, /^جاهز$/);
    assert.deepEqual(await html(page), { lang: 'ar', dir: 'rtl' }, 'the choice outlives a reload');
    assert.equal(await page.getByTestId('language-picker').inputValue(), 'ar');
    // Another device (another browser profile) still follows its own browser.
    await other.page.goto(server.appUrl());
    await waitForStatus(other.page, /^Ready$/);
    assert.deepEqual(await html(other.page), { lang: 'en', dir: 'ltr' });
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await other.close();
    await server.stop();
  }
});

test('plumbing sits under Advanced; the storage meter shows the quota; axe finds nothing serious', async () => {
  const server = await startServer();
  const out = server.cli('user', 'add', 'meter', '--quota', '2MB', '--url', server.base);
  const link = out.trim().split('\n').pop();
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(link);
    await waitForStatus(page, /^Ready$/);
    const settings = page.getByTestId('settings');
    await settings.locator('summary').first().click();
    for (const id of ['set-endpoint', 'set-token', 'set-parallel']) {
      assert.equal(await page.getByTestId(id).isVisible(), false, `${id} is out of the way until Advanced is opened`);
      assert.equal(await page.getByTestId('settings-advanced').getByTestId(id).count(), 1, `${id} is under Advanced`);
    }
    assert.equal(await page.getByTestId('quality-original').isVisible(), true, 'the choices about the backup are not');
    await page.getByTestId('advanced-summary').click();
    for (const id of ['set-endpoint', 'set-token', 'set-parallel']) assert.equal(await page.getByTestId(id).isVisible(), true, id);
    assert.equal(await page.getByTestId('advanced-summary').innerText(), 'Advanced');
    await page.getByTestId('storage-meter-bar').waitFor({ timeout: 20000 });
    const meter = await page.getByTestId('storage-meter-bar').evaluate((m) => ({ max: m.max, value: m.value }));
    assert.equal(meter.max, 2_000_000, 'the meter runs to the quota');
    assert.equal(meter.value, 0);
    assert.match(await page.getByTestId('storage-meter-line').innerText(), /^Storage: 0 bytes used of 2 MB$/);
    assert.equal(await page.getByRole('switch', { name: 'Back up on Wi-Fi only' }).count(), 1, 'on/off settings are switches');
    assert.deepEqual(await seriousViolations(page), [], 'axe with Settings and Advanced open');
    // The sign-in link's page asks before its code is exchanged (401s): nothing else went wrong.
    assert.deepEqual(b.errors.filter((e) => !/status of 401/.test(e)), []);
  } finally {
    await b.close();
    await server.stop();
  }
});
