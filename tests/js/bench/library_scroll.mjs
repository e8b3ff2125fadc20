// Benchmark: a 100,000-item library (seeded straight into the index by the
// seed_library example; uploading 100,000 files through tus takes too long for a benchmark),
// opened in headless Chromium and scrolled top to bottom at a steady pace. Prints the time to
// the first rows, the scroll's duration, the longest main-thread task and the tasks over 50 ms
// (goal: none over 100 ms while scrolling; the page's own load is not counted), and how many rows were in the DOM at most (virtualised).
// Usage: SHOEBOX_APP_DIR=target/dist-e2e node tests/js/bench/library_scroll.mjs [runs] [count]
import { execFileSync } from 'node:child_process';
import { startServer, APP_DIR, ROOT } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { recordLongTasks } from '../lib/app.mjs';

const runs = Number(process.argv[2] || 3);
const count = Number(process.argv[3] || 100_000);
const seed = process.env.SHOEBOX_SEED_BIN || `${ROOT}/target/release/examples/seed_library`;
execFileSync('cargo', ['build', '--release', '-q', '-p', 'shoebox-server', '--example', 'seed_library'], { cwd: ROOT, stdio: 'inherit' });
const server = await startServer();
try {
  await server.kill();
  const t = Date.now();
  execFileSync(seed, ['--data', server.dataDir, '--user', 'e2e', '--count', String(count)], { stdio: 'inherit' });
  console.log(`app: ${APP_DIR}; seeded ${count.toLocaleString('en')} items in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await server.restart();
  for (let i = 1; i <= runs; i++) {
    const b = await launch();
    try {
      await recordLongTasks(b.page);
      const t0 = Date.now();
      await b.page.goto(server.appUrl('#/library'));
      await b.page.waitForFunction(() => document.querySelectorAll('[data-testid="thumb"]').length > 0, null, { timeout: 60000 });
      const firstMs = Date.now() - t0;
      const total = await b.page.evaluate(() => document.querySelector('[data-testid="library-totals"]').textContent);
      const r = await b.page.evaluate(async () => {
        const el = document.querySelector('[data-testid="library-grid"]');
        const start = performance.now();
        let maxRows = 0;
        // 2,000 px a frame (a fast fling); the page keeps loading the rows it lands on.
        while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
          el.scrollTop += 2000;
          await new Promise((r) => requestAnimationFrame(r));
          maxRows = Math.max(maxRows, document.querySelectorAll('.lib-row').length);
        }
        // The last rows' items arrive.
        const t = performance.now();
        while (document.querySelectorAll('.thumb.loading').length > 0 && performance.now() - t < 20000) await new Promise((r) => setTimeout(r, 50));
        return { startAt: start, scrollMs: performance.now() - start, maxRows, height: el.scrollHeight, loadingLeft: document.querySelectorAll('.thumb.loading').length };
      });
      await new Promise((res) => setTimeout(res, 300));
      const tasks = await b.page.evaluate(() => window.__longTasks);
      const afterOpen = tasks.filter((x) => x.start >= r.startAt);
      const longest = Math.max(0, ...afterOpen.map((x) => x.duration));
      console.log(`run ${i}: ${total.trim()}; first rows ${firstMs} ms; scrolled ${(r.height / 1e6).toFixed(2)} M px in ${(r.scrollMs / 1000).toFixed(1)} s; `
        + `longest task ${longest.toFixed(0)} ms, ${afterOpen.length} over 50 ms, ${afterOpen.filter((x) => x.duration > 100).length} over 100 ms; `
        + `at most ${r.maxRows} rows in the DOM; ${r.loadingLeft} placeholders left at the end`);
      if (process.env.SHOEBOX_BENCH_VERBOSE) console.log(afterOpen.map((x) => `${(x.start - r.startAt).toFixed(0)}ms:${x.duration.toFixed(0)}`).join(' '));
    } finally { await b.close(); }
  }
} finally { await server.stop(); }
