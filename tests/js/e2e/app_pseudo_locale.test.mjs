// A pseudo-locale over the main, kiosk and library screens: the app is served, in place of
// German's catalog, every English message with its letters accented and 40% longer. Nothing may
// be clipped (a text element's scrollWidth <= its clientWidth) and no visible word may be left
// unaccented, which would be words that never went through a catalog. People's own file and
// folder names, the kiosk's row of language names (each in its own language, on purpose) and
// the dates Intl writes are theirs, not the catalogs'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, APP_DIR } from '../lib/server.mjs';
import { launch, dropPaths, waitForPlanChecked } from '../lib/browser.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';

const KEY = 'pseudo-kiosk-key-e2e-0123456789';
const ACCENTS = 'áƀçðéƒĝĥíĵķĺɱñöþǫŕšţúṽŵẋýž';
const accent = (t) => t.replace(/[a-z]/gi, (c) => {
  const a = ACCENTS[c.toLowerCase().charCodeAt(0) - 97];
  return c === c.toLowerCase() ? a : a.toUpperCase();
});
const flat = (parts) => parts.map((p) => (typeof p === 'string' ? p : p.o ? flat(p.o[p.d][1]) : '')).join('');
const mapParts = (parts) => parts.map((p) => (typeof p === 'string' ? accent(p) : p.o ? { ...p, o: p.o.map(([k, v]) => [k, mapParts(v)]) } : p));

/** English's compiled catalog, every message accented and padded to 140% of its length. */
function pseudoCatalog() {
  const en = JSON.parse(fs.readFileSync(path.join(APP_DIR, 'locales/en.json'), 'utf8'));
  const messages = {};
  for (const [key, parts] of Object.entries(en.messages)) {
    const pad = Math.ceil(flat(parts).length * 0.4);
    messages[key] = ['⟦', ...mapParts(parts), pad ? ` ${'·'.repeat(pad - 1)}⟧` : '⟧'];
  }
  return JSON.stringify({ lang: 'de', messages });
}

/** Text elements whose text does not fit, and visible words no catalog made. */
async function audit(page) {
  return page.evaluate(() => {
    const own = '[data-testid="file-path"], [data-testid="folder-name"], [data-testid="plan-album-name"], [data-testid="kiosk-languages"], [data-testid="language-picker"], .file-thumb';
    const lang = document.documentElement.lang;
    const intl = new Set();
    for (let m = 0; m < 12; m++) {
      for (const month of ['long', 'short']) for (const w of new Intl.DateTimeFormat(lang, { month, day: 'numeric' }).format(new Date(2026, m, 1)).split(/[^\p{L}]+/u)) intl.add(w);
    }
    for (let d = 0; d < 7; d++) for (const weekday of ['long', 'short']) intl.add(new Intl.DateTimeFormat(lang, { weekday }).format(new Date(2026, 0, 4 + d)).replace(/\W+$/, ''));
    const clipped = [];
    const english = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const checked = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el || el.closest(own) || el.closest('script, style, [hidden], .visually-hidden')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const words = n.textContent.match(/[A-Za-z]{2,}/g) || [];
      const left = words.filter((w) => !intl.has(w));
      if (left.length) english.push(`${left.join(' ')} ← "${n.textContent.trim().slice(0, 80)}"`);
      // The nearest box that lays the text out: an inline element has no width of its own.
      let box = el;
      while (box && getComputedStyle(box).display === 'inline') box = box.parentElement;
      if (!box || checked.has(box)) continue;
      checked.add(box);
      if (box.scrollWidth > box.clientWidth + 1 && box.clientWidth > 0) {
        clipped.push(`${box.tagName.toLowerCase()}.${box.className || ''}[${box.dataset.testid || ''}] ${box.scrollWidth} > ${box.clientWidth}: "${box.textContent.trim().slice(0, 60)}"`);
      }
    }
    return { clipped, english, boxes: checked.size };
  });
}

async function check(page, screen) {
  const { clipped, english, boxes } = await audit(page);
  assert.ok(boxes >= 5, `${screen}: only ${boxes} text boxes measured`);
  assert.deepEqual(clipped, [], `${screen}: clipped text`);
  assert.deepEqual(english, [], `${screen}: words that never went through a catalog`);
}

test('pseudo-locale: the main, library and kiosk screens clip nothing and leave no text untranslated', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-pseudo-'));
  writeTree(path.join(dir, 'Holiday'), { 'IMG_0001.jpg': jpeg('pseudo-1', 30_000), 'IMG_0002.jpg': jpeg('pseudo-2', 30_000), 'Thumbs.db': Buffer.from('cache') });
  const config = path.join(dir, 'kiosks.json');
  fs.writeFileSync(config, JSON.stringify([{ name: 'lab', user: 'e2e', key: KEY }]));
  const server = await startServer({ args: ['--kiosk-config', config] });
  const b = await launch({ locale: 'de-DE' });
  try {
    const page = b.page;
    const catalog = pseudoCatalog();
    await b.context.route('**/locales/de.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: catalog }));
    await page.goto(server.appUrl());
    await page.waitForFunction(() => document.querySelector('[data-testid="status-card"] h2')?.textContent.startsWith('⟦'), null, { timeout: 15000 });
    await check(page, 'first screen');

    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(dir, 'Holiday')]);
    await waitForPlanChecked(page);
    await page.getByTestId('skipped-line').waitFor();
    await check(page, 'plan');

    await page.getByTestId('backup-button').click();
    await page.waitForSelector('[data-testid="status-card"].done', { timeout: 60000 });
    await check(page, 'backup complete');

    await page.getByTestId('nav-library').click();
    await page.waitForSelector('[data-testid="thumb"]', { timeout: 30000 });
    await check(page, 'library');

    await page.goto(`${server.base}/?kiosk=lab&key=${KEY}`);
    await page.getByTestId('kiosk-welcome').waitFor({ timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="kiosk-welcome"] h2')?.textContent.startsWith('⟦'), null, { timeout: 15000 });
    await check(page, 'kiosk welcome');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
