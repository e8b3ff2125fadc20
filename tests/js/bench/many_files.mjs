// Benchmark: 100,000 small files dropped as a real directory (CDP drag and drop);
// prints the time to the first useful plan (folders and counts from names), to a complete plan and the longest main-thread task (goal: <= 3 s, no task
// over 100 ms), then the same for the content checks that follow the plan. Usage: SHOEBOX_APP_DIR=target/dist-e2e node tests/js/bench/many_files.mjs [runs]
import { startServer, APP_DIR } from '../lib/server.mjs';
import { launch, dropPaths } from '../lib/browser.mjs';
import { manyFiles, recordLongTasks, timeToPlan } from '../lib/app.mjs';

const runs = Number(process.argv[2] || 3);
const { root, count } = manyFiles();
console.log(`app: ${APP_DIR}, ${count.toLocaleString('en')} files under ${root}`);
const server = await startServer();
try {
  for (let i = 1; i <= runs; i++) {
    const b = await launch();
    try {
      await recordLongTasks(b.page);
      await b.page.goto(server.appUrl());
      await b.page.waitForSelector('[data-testid="status-card"] h2');
      const r = await timeToPlan(b.page, dropPaths, root, /^Ready to back up 100,000 photos and videos$/, 600000, true,
        /\(100,000 found\)$|^Ready to back up 100,000 /);
      console.log(`run ${i}: first useful plan (every folder and count, from names) ${(r.firstMs / 1000).toFixed(2)} s; time to complete plan ${(r.ms / 1000).toFixed(2)} s, longest task ${r.longestMs.toFixed(0)} ms, ${r.longTasks} tasks over 50 ms; `
        + `every file's content checked at ${(r.checkedMs / 1000).toFixed(1)} s, longest task meanwhile ${r.checkLongestMs.toFixed(0)} ms, ${r.checkLongTasks} over 50 ms`);
    } finally { await b.close(); }
  }
} finally { await server.stop(); }
