// The web app manifest follows the page's language: the page points <link rel="manifest"> at
// its language's manifest (made from the catalog at build time), and Chromium reads the name,
// description and direction from it; an English page keeps the app's own manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';

/** The manifest as Chromium parsed it for this page (DevTools protocol). */
async function appManifest(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const m = await cdp.send('Page.getAppManifest');
    return { url: m.url, ...JSON.parse(m.data || '{}') };
  } finally { await cdp.detach(); }
}

const linked = (page) => page.evaluate(() => document.querySelector('link[rel=manifest]').getAttribute('href'));

test('a German page offers a German manifest, an Arabic one a right-to-left one, English the app\'s own', async () => {
  const server = await startServer();
  try {
    for (const [locale, href, name, dir] of [
      ['de-DE', '/locales/manifest.de.webmanifest', 'Shoebox – Fotos und Videos sichern', 'ltr'],
      ['ar', '/locales/manifest.ar.webmanifest', 'Shoebox — نسخ احتياطي للصور والفيديوهات', 'rtl'],
      ['en-US', '/manifest.webmanifest', 'Shoebox — photo and video backup', undefined],
    ]) {
      const b = await launch({ locale });
      try {
        await b.page.goto(server.appUrl());
        await b.page.waitForFunction((h) => document.querySelector('link[rel=manifest]').getAttribute('href') === h, href, { timeout: 15000 });
        assert.equal(await linked(b.page), href, locale);
        let m = await appManifest(b.page);
        for (let i = 0; i < 50 && !m.url.endsWith(href); i++) {
          await new Promise((r) => setTimeout(r, 100));
          m = await appManifest(b.page);
        }
        assert.ok(m.url.endsWith(href), `Chromium read ${m.url} for ${locale}`);
        assert.equal(m.name, name, locale);
        assert.equal(m.dir, dir, locale);
        assert.equal(m.start_url, '/', 'only the words change');
        const res = await fetch(server.base + href);
        assert.match(res.headers.get('content-type') || '', /manifest\+json|json/, 'served as a manifest');
      } finally { await b.close(); }
    }
  } finally {
    await server.stop();
  }
});
