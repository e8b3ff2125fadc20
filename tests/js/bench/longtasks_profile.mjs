// Profile of the page's long main-thread tasks (a goal not met is said plainly,
// with the profile that shows where the time goes): drops the 100,000-file tree, traces the main
// thread with Chromium's own tracing (CDP Tracing) for a window while the plan is made or the
// files are checked, and prints every task over 50 ms with what filled it (garbage collection,
// script, style and layout, paint), plus the totals by kind.
// Usage: SHOEBOX_APP_DIR=<dist> node tests/js/bench/longtasks_profile.mjs [plan|check] [seconds]
import { startServer } from '../lib/server.mjs';
import { launch, dropPaths } from '../lib/browser.mjs';
import { manyFiles } from '../lib/app.mjs';

const phase = process.argv[2] || 'check';
const seconds = Number(process.argv[3] || 20);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'blink', 'toplevel'];

/** What an event inside a task was, in a few words. */
function kind(name) {
  if (/GC|Scavenge|MarkCompact|Sweep|Finaliz/i.test(name)) return 'garbage collection';
  if (/FunctionCall|EvaluateScript|v8\.callFunction|RunMicrotasks|v8\.run|TimerFire|FireAnimationFrame|EventDispatch|V8\.Execute/.test(name)) return 'script';
  if (/Layout|Style|RecalcStyle|UpdateLayoutTree|HitTest/.test(name)) return 'style and layout';
  if (/Paint|Layeriz|Commit|Raster|Composite/.test(name)) return 'paint';
  return null;
}

/** What names the work of an event: a function, or the mojo interface a reply came from. */
function detail(e) {
  const a = e.args || {};
  const fn = a.data?.functionName;
  const mojo = a.chrome_mojo_event_info || a.info?.chrome_mojo_event_info;
  if (fn) return ' ' + fn;
  if (mojo) return ' (' + (mojo.mojo_interface_tag || mojo.watcher_notify_interface_tag || JSON.stringify(mojo)) + ')';
  return Object.keys(a).length ? ' ' + JSON.stringify(a).slice(0, 160) : '';
}

/** Whether `e` lies inside another event of `list` (so it is not a direct child of the task). */
function stackParent(list, e) {
  return list.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.dur > e.dur);
}

/** Each event's own time (µs): its duration minus its direct children's, so nested script and
 * GC are not counted twice. */
function ownTimes(events) {
  const sorted = events.slice().sort((a, c) => a.ts - c.ts || c.dur - a.dur);
  const own = new Map(sorted.map((e) => [e, e.dur]));
  const stack = [];
  for (const e of sorted) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    if (stack.length) own.set(stack[stack.length - 1], own.get(stack[stack.length - 1]) - e.dur);
    stack.push(e);
  }
  return own;
}

/** `{ name: ms }` as "name N ms" items, largest first. */
const msList = (o, sep = ', ') => Object.entries(o).sort((a, c) => c[1] - a[1]).map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(sep);

const { root, count } = manyFiles();
const server = await startServer();
const b = await launch();
try {
  await b.page.goto(server.appUrl());
  await b.page.waitForSelector('[data-testid="status-card"] h2');
  const cdp = await b.page.context().newCDPSession(b.page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  if (phase === 'plan') await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  await dropPaths(b.page, '[data-testid="drop-zone"]', [root]);
  if (phase === 'check') {
    await b.page.waitForFunction(() => /^Ready to back up/.test(document.querySelector('[data-testid="status-card"] h2')?.textContent || ''), null, { timeout: 600000 });
    await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  }
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await cdp.send('Tracing.end');
  await traced;

  // The renderer's main thread: the thread that runs the page's RunTask events with script.
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const main = [...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  const onMain = events.filter((e) => main.includes(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000).sort((a, c) => a.ts - c.ts);
  const totals = {};
  console.log(`${count.toLocaleString('en')} files, phase "${phase}", ${seconds} s traced: ${tasks.length} tasks over 50 ms`);
  for (const t of tasks) {
    // Time inside the task by kind, by each event's own time.
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const own = ownTimes(inside);
    const byKind = {};
    for (const [e, us] of own) {
      const k = kind(e.name) || 'other';
      byKind[k] = (byKind[k] || 0) + Math.max(0, us) / 1000;
    }
    // The task's own time (no event inside it) is work the trace does not name.
    const unnamed = (t.dur - inside.filter((e) => !stackParent(inside, e)).reduce((n, e) => n + e.dur, 0)) / 1000;
    byKind['not traced (task itself)'] = unnamed;
    const top = [...own].sort((a, c) => c[1] - a[1]).slice(0, 4).map(([e, us]) => `${e.name}${detail(e)} ${(us / 1000).toFixed(0)} ms`);
    console.log(`  task ${(t.dur / 1000).toFixed(0)} ms: ${msList(byKind)}; most own time: ${top.join('; ')}`);
    for (const [k, ms] of Object.entries(byKind)) totals[k] = (totals[k] || 0) + ms;
  }
  console.log('totals in tasks over 50 ms: ' + msList(totals));
  // Every task, short ones included: how busy the main thread was over the window, and with
  // what (each event's own time, as above). Shows whether a phase waits on the browser (an idle
  // main thread) or on the page's own work.
  const all = onMain.filter((e) => e.name === 'RunTask');
  const ownAll = ownTimes(onMain);
  const byKindAll = {};
  for (const [e, us] of ownAll) {
    const k = e.name === 'RunTask' ? 'not traced (task itself)' : kind(e.name) || 'other';
    byKindAll[k] = (byKindAll[k] || 0) + Math.max(0, us) / 1000;
  }
  const busy = all.filter((e) => !stackParent(all, e)).reduce((n, e) => n + e.dur, 0) / 1000;
  console.log(`main thread over the ${seconds} s: ${all.length} tasks, busy ${busy.toFixed(0)} ms (${(busy / (seconds * 10)).toFixed(0)}%): ${msList(byKindAll)}`);
  const named = {};
  for (const [e, us] of ownAll) {
    const key = e.name + detail(e).slice(0, 60);
    if (e.name !== 'RunTask') named[key] = (named[key] || 0) + Math.max(0, us) / 1000;
  }
  const top8 = Object.fromEntries(Object.entries(named).sort((a, c) => c[1] - a[1]).slice(0, 8));
  console.log('  most own time: ' + msList(top8, '; '));
} finally {
  await b.close();
  await server.stop();
}
