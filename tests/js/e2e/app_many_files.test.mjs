// The app end to end, scale: 100,000 small files dropped as a real directory reach a
// complete plan, and then have every file's content checked, without freezing the page (no
// single main-thread task over a second). The speed figures themselves are a benchmark
// (tests/js/bench/many_files.mjs, BENCHMARKS.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, statusHeadline } from '../lib/browser.mjs';
import { manyFiles, recordLongTasks, timeToPlan } from '../lib/app.mjs';

test('100,000 dropped files: complete plan, every file checked, counted right, no task over 1,000 ms', { timeout: 1200000 }, async () => {
  const { root } = manyFiles(100_000, 100);
  const server = await startServer();
  const b = await launch();
  try {
    await recordLongTasks(b.page);
    await b.page.goto(server.appUrl());
    await b.page.waitForSelector('[data-testid="status-card"] h2');
    const r = await timeToPlan(b.page, dropPaths, root, /^Ready to back up [\d,]+ photos and videos$/, 840000, true, /\(100,000 found\)$/);
    // Names come before sizes: when the card first counts all 100,000, the plan already lists
    // the folders with their counts while most of their sizes are still being read.
    assert.ok(r.firstView.rows >= 100, `the plan listed ${r.firstView.rows} folders when every file was counted`);
    assert.ok(r.firstView.sizesPending > 0, 'every folder had its sizes when the names were counted: names did not come first');
    assert.ok(r.firstMs < r.ms);
    console.log(`# 100,000 files: first useful plan in ${(r.firstMs / 1000).toFixed(2)} s (${r.firstView.sizesPending} of ${r.firstView.rows} folders reading sizes); plan in ${(r.ms / 1000).toFixed(2)} s, longest task ${r.longestMs.toFixed(0)} ms (${r.longTasks} over 50 ms); `
      + `all checked at ${(r.checkedMs / 1000).toFixed(1)} s, longest task meanwhile ${r.checkLongestMs.toFixed(0)} ms (${r.checkLongTasks} over 50 ms)`);
    assert.equal(await statusHeadline(b.page), 'Ready to back up 100,000 photos and videos');
    assert.match(await b.page.getByTestId('plan-totals').textContent(), /^100,000 photos, 0 videos, 0 to downsize, 0 skipped$/);
    assert.equal((await b.page.getByTestId('plan-check').textContent()).trim(), 'All 100,000 files checked.');
    assert.ok(r.longestMs <= 1000, `the page froze before the plan: one task took ${r.longestMs.toFixed(0)} ms`);
    assert.ok(r.checkLongestMs <= 1000, `the page froze while checking: one task took ${r.checkLongestMs.toFixed(0)} ms`);
    assert.equal(await server.patchCount(), 0);
  } finally {
    await b.close();
    await server.stop();
  }
});
