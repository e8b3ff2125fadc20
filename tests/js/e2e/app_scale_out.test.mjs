// The app end to end over several nodes: the real page backs up a folder through a
// round-robin load balancer in front of two shoebox-server processes over one S3 bucket
// (SeaweedFS) and one PostgreSQL. Chunks of one file land on both nodes; every file comes back
// byte for byte; the same folder again sends nothing; and the nodes'
// data folders hold nothing afterwards. A reload mid-upload continues from the offset the
// cluster holds, whichever node took the last chunk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster } from '../lib/cluster.mjs';
import { launch, dropPaths, waitForStatus, backUpAndWait, backUpUnlessStarted } from '../lib/browser.mjs';
import { bigFolder, slowPatches, statusDetail } from '../lib/app.mjs';
import { writeTree, jpeg } from '../lib/fixtures.mjs';

let cluster;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-scale-'));
// 1 MiB chunks: many PATCHes, each to the next node, and S3 tails that grow into parts.
before(async () => { cluster = await startCluster({ args: ['--chunk-size', '1MiB'] }); });
after(async () => { await cluster?.stop(); fs.rmSync(work, { recursive: true, force: true }); });

const patches = () => cluster.counts.map((c) => c.PATCH || 0);

test('a folder backed up through a load balancer in front of two nodes arrives whole, once', async () => {
  const files = writeTree(path.join(work, 'Card'), {
    'DCIM/IMG_0001.jpg': jpeg('scale-1', 300_000),
    'DCIM/IMG_0002.jpg': jpeg('scale-2', 200_000),
    'DCIM/IMG_0003.jpg': jpeg('scale-3', 150_000),
    'Videos/BIG_0001.jpg': jpeg('scale-big', 30 << 20), // several chunks: they go to both nodes
  });
  const b = await launch();
  try {
    const page = b.page;
    await page.goto(cluster.appUrl());
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(work, 'Card')]);
    await waitForStatus(page, /^Ready to back up 4 photos and videos$/);
    await backUpAndWait(page, /^Backup complete$/, 180000);
    assert.equal(await statusDetail(page), '4 uploaded');
    const [a, bn] = patches();
    assert.ok(a > 0 && bn > 0, `PATCHes went to both nodes: ${a} and ${bn}`);
    for (const f of files) {
      assert.equal((await cluster.bytesOf(f.sha256)).equals(fs.readFileSync(path.join(work, 'Card', f.rel))), true, `${f.rel} came back byte for byte`);
    }
    assert.equal((await cluster.media()).length, 4);

    // The same folder again, in a fresh page: every file is already backed up, whichever node answers.
    const before = patches().reduce((x, y) => x + y, 0);
    await page.reload();
    await dropPaths(page, '[data-testid="drop-zone"]', [path.join(work, 'Card')]);
    await waitForStatus(page, /^Ready to back up 4 photos and videos$/, 60000);
    await backUpAndWait(page, /^Backup complete$/, 60000);
    assert.equal(await statusDetail(page), '4 already backed up');
    assert.equal(patches().reduce((x, y) => x + y, 0), before, 'nothing was sent again');
    assert.deepEqual(cluster.leftInNodes(), [], 'no node keeps state of its own');
  } finally { await b.close(); }
});

test('a reload mid-upload continues through the other node from the offset the bucket holds', async () => {
  const big = bigFolder('ScaleResume', 24_000_000);
  const b = await launch();
  try {
    await slowPatches(b.page, 100);
    b.page.on('dialog', (d) => d.accept());
    await b.page.goto(cluster.appUrl());
    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await waitForStatus(b.page, /^Ready to back up 1 photo or video$/);
    const start0 = await cluster.received();
    await b.page.getByTestId('backup-button').click();
    while (await cluster.received() - start0 < 8_000_000) await new Promise((r) => setTimeout(r, 100));
    await b.page.reload();
    await waitForStatus(b.page, /^Continue your backup$/, 15000);
    const before = await cluster.received() - start0;
    assert.ok(before < big.size, `received ${before} before the reload`);
    await dropPaths(b.page, '[data-testid="drop-zone"]', [big.dir]);
    await backUpUnlessStarted(b.page, 180000);
    assert.equal(await statusDetail(b.page), '1 uploaded');
    const after = await cluster.received() - start0 - before;
    assert.ok(after < big.size, `after the reload the nodes received ${after} more bytes of ${big.size}: it started again`);
    assert.ok((await cluster.bytesOf(big.sha256)).equals(fs.readFileSync(big.file)), 'stored bytes differ');
    assert.deepEqual(cluster.leftInNodes(), []);
  } finally { await b.close(); }
});
