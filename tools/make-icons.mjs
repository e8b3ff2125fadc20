// Renders www/icons/shoebox.svg into the PNG icons the web app manifest names (192, 512 and a
// maskable 512 with the safe-zone padding), in Debian's Chromium. Run once after changing the
// SVG: `node tools/make-icons.mjs` (from the repo root, after `npm ci` in tests/js).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(path.resolve('tests/js/package.json'));
const { chromium } = require('playwright-core');

const svg = fs.readFileSync('www/icons/shoebox.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [name, size, pad, bg] of [['icon-192.png', 192, 0, null], ['icon-512.png', 512, 0, null], ['icon-maskable-512.png', 512, 0.1, '#2f5bd3']]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(`<html><body style="margin:0;background:${bg || 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">
    <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body></html>`);
  await page.screenshot({ path: path.join('www/icons', name), omitBackground: !bg });
}
await browser.close();
