// Benchmark: Chromium's own floor for listing a dropped folder, in plain JavaScript
// without Shoebox, so the app's figures (many_files.mjs) can be read against it. The same
// 100,000-file tree is dropped (CDP) on a bare page that lists it in one of these ways:
//   list        readEntries only (names)
//   meta        readEntries + getMetadata (names, sizes, dates: what the app's plan needs)
//   file        readEntries + entry.file() (what the app did before: a File per file)
//   handles     getAsFileSystemHandle + values() + getFile()
// Usage: node tests/js/bench/walk_ceiling.mjs [mode ...]
import http from 'node:http';
import { launch, dropPaths } from '../lib/browser.mjs';
import { manyFiles } from '../lib/app.mjs';

const PAGE = `<!doctype html><body><div id=z style="width:800px;height:600px">drop</div><script>
const z = document.getElementById('z');
z.addEventListener('dragover', (e) => e.preventDefault());
z.addEventListener('drop', async (e) => {
  e.preventDefault();
  const mode = window.MODE, t0 = performance.now(), IN_FLIGHT = 1024;
  const items = [...e.dataTransfer.items];
  const pool = async (list, fn) => { let i = 0; await Promise.all(Array.from({ length: IN_FLIGHT }, async () => { while (i < list.length) await fn(list[i++]); })); };
  let files = [], bytes = 0, listed;
  if (mode === 'handles') {
    const stack = await Promise.all(items.map((i) => i.getAsFileSystemHandle()));
    while (stack.length) { const h = stack.pop(); if (h.kind === 'directory') { for await (const c of h.values()) stack.push(c); } else files.push(h); }
    listed = performance.now() - t0;
    await pool(files, async (h) => { bytes += (await h.getFile()).size; });
  } else {
    const dirs = [];
    for (const r of items.map((i) => i.webkitGetAsEntry())) (r.isDirectory ? dirs : files).push(r);
    const readDir = async (d) => { const rd = d.createReader(); for (;;) { const es = await new Promise((ok, ko) => rd.readEntries(ok, ko)); if (!es.length) return; for (const x of es) (x.isDirectory ? dirs : files).push(x); } };
    let active = 0;
    await new Promise((done) => { const pump = () => { while (active < 4 && dirs.length) { active++; readDir(dirs.pop()).then(() => { active--; pump(); }); } if (!active && !dirs.length) done(); }; pump(); });
    listed = performance.now() - t0;
    if (mode === 'meta') await pool(files, async (f) => { bytes += (await new Promise((ok, ko) => f.getMetadata(ok, ko))).size; });
    if (mode === 'file') await pool(files, async (f) => { bytes += (await new Promise((ok, ko) => f.file(ok, ko))).size; });
  }
  window.result = { files: files.length, bytes, listedMs: listed, totalMs: performance.now() - t0 };
});
</script>`;

const modes = process.argv.slice(2).length ? process.argv.slice(2) : ['list', 'meta', 'handles', 'file'];
const { root, count } = manyFiles();
const server = http.createServer((_, res) => { res.setHeader('content-type', 'text/html'); res.end(PAGE); }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
console.log(`${count.toLocaleString('en')} files under ${root}`);
try {
  for (const mode of modes) {
    const b = await launch();
    try {
      await b.page.goto(`http://127.0.0.1:${server.address().port}/`);
      await b.page.evaluate((m) => { window.MODE = m; }, mode);
      await dropPaths(b.page, '#z', [root]);
      const r = await (await b.page.waitForFunction(() => window.result, null, { timeout: 900000, polling: 100 })).jsonValue();
      console.log(`${mode.padEnd(8)} ${r.files.toLocaleString('en')} files: listed in ${(r.listedMs / 1000).toFixed(2)} s, done in ${(r.totalMs / 1000).toFixed(2)} s`);
    } finally { await b.close(); }
  }
} finally { server.close(); }
