// Where the time of an upload through the app goes (profiling aid, not part of bench.sh): drops
// the folder of upload.mjs's set on the app, presses Back up, records a Chromium trace from the
// click to "Backup complete" and prints each thread's busy time (main thread, workers, network),
// the requests by kind with how many were in flight, and the start of the first upload.
// Usage: SHOEBOX_APP_DIR=<dist> SHOEBOX_SERVER_BIN=<release server>
//        node tests/js/bench/upload_profile.mjs <folder to drop> [trace.json]
import fs from 'node:fs';
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths, waitForStatus } from '../lib/browser.mjs';

const [folder, traceOut] = process.argv.slice(2);

/** utime + stime of a process, in clock ticks. */
function procCpu(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]);
}

/** The machine's busy and total clock ticks over all CPUs (/proc/stat's first line). */
function machineCpu() {
  const v = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + v[4];
  const all = v.reduce((a, b) => a + b, 0);
  return { busy: all - idle, all };
}
const server = await startServer();
const b = await launch(process.env.NO_SW === '1' ? { serviceWorkers: 'block' } : {});
try {
  const reqs = [];
  const started = new Map();
  b.page.on('request', (r) => started.set(r, Date.now()));
  const done = (r) => {
    const p = new URL(r.url()).pathname;
    const kind = p.startsWith('/files') ? `${r.method()} /files` : `${r.method()} ${p.replace(/[0-9a-f]{64}/, '<sha>')}`;
    reqs.push({ kind, t0: started.get(r), t1: Date.now() });
  };
  b.page.on('requestfinished', done);
  b.page.on('requestfailed', done);
  await b.page.goto(server.appUrl());
  await waitForStatus(b.page, /^Ready$/);
  await dropPaths(b.page, '[data-testid="drop-zone"]', [folder]);
  await waitForStatus(b.page, /^Ready to back up/, 300000);
  const cdp = await b.page.context().newCDPSession(b.page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'] },
  });
  // PROFILE_CPU=1: also a sampling profile of the page's main thread (self time by function).
  const cpu = process.env.PROFILE_CPU === '1';
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const cpuBefore = { server: procCpu(server.child.pid), machine: machineCpu() };
  const click = Date.now();
  await b.page.getByTestId('backup-button').click();
  await waitForStatus(b.page, /^Backup complete$/, 1800000, 50);
  const end = Date.now();
  const cpuAfter = { server: procCpu(server.child.pid), machine: machineCpu() };
  if (cpu) {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const dt = profile.timeDeltas;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`;
      self.set(k, (self.get(k) || 0) + (dt[i] || 0) / 1000);
    });
    console.log('main thread, self time by function (top 30):');
    for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(ms / 1000).toFixed(2).padStart(7)} s  ${k.slice(0, 110)}`);
  }
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  if (traceOut) fs.writeFileSync(traceOut, text);
  const events = JSON.parse(text).traceEvents || JSON.parse(text);
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  // Busy time per thread: the union of its tasks (a task may run inside another).
  const spans = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !/^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask)$/.test(e.name)) continue;
    const k = `${e.pid}:${e.tid}`;
    if (!spans.has(k)) spans.set(k, []);
    spans.get(k).push([e.ts, e.ts + e.dur]);
  }
  const busy = new Map();
  for (const [k, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0; let [s0, s1] = list[0];
    for (const [a, b] of list.slice(1)) {
      if (a > s1) { total += s1 - s0; [s0, s1] = [a, b]; } else s1 = Math.max(s1, b);
    }
    busy.set(k, (total + s1 - s0) / 1000);
  }
  const wall = end - click;
  console.log(`click → Backup complete: ${(wall / 1000).toFixed(2)} s`);
  const tick = 100; // USER_HZ: /proc's CPU times are in 1/100 s
  const serverCpu = (cpuAfter.server - cpuBefore.server) / tick;
  const busyAll = (cpuAfter.machine.busy - cpuBefore.machine.busy) / tick;
  const allCpu = (cpuAfter.machine.all - cpuBefore.machine.all) / tick;
  console.log(`  server process CPU ${serverCpu.toFixed(2)} s; the whole machine busy ${busyAll.toFixed(2)} of ${allCpu.toFixed(2)} CPU-seconds (${((busyAll / allCpu) * 100).toFixed(0)}%)`);
  for (const [k, ms] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${(names.get(k) || k).padEnd(28)} busy ${(ms / 1000).toFixed(2)} s (${((ms / wall) * 100).toFixed(0)}% of the wall time)`);
  }
  const after = reqs.filter((r) => r.t0 >= click);
  const byKind = {};
  for (const r of after) {
    const k = (byKind[r.kind] ??= { n: 0, ms: 0, first: Infinity, last: 0 });
    k.n++; k.ms += r.t1 - r.t0; k.first = Math.min(k.first, r.t0 - click); k.last = Math.max(k.last, r.t1 - click);
  }
  for (const [k, v] of Object.entries(byKind)) {
    console.log(`  ${k.padEnd(40)} ${String(v.n).padStart(5)} requests, mean ${(v.ms / v.n).toFixed(1)} ms, from ${v.first} to ${v.last} ms`);
  }
  // Uploads in flight, sampled every 10 ms over the upload window.
  const ups = after.filter((r) => r.kind.endsWith('/files') && !r.kind.startsWith('OPTIONS'));
  if (ups.length) {
    const t0 = Math.min(...ups.map((r) => r.t0));
    const t1 = Math.max(...ups.map((r) => r.t1));
    let sum = 0; let n = 0;
    for (let t = t0; t < t1; t += 10, n++) sum += ups.filter((r) => r.t0 <= t && r.t1 > t).length;
    console.log(`  uploads in flight: mean ${(sum / n).toFixed(2)} over ${t1 - t0} ms (first upload ${t0 - click} ms after the click)`);
  }
} finally {
  await b.close();
  await server.stop();
}
