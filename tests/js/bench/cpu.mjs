// CPU seconds spent by one headless Chromium (by process type and thread name) and by the
// server, read from /proc: snapshot() before and after a measurement, diff() the two. A
// profiling aid for the upload rows (BENCH_CPU=1), where two cores are shared by all of them.
import fs from 'node:fs';

const read = (p) => { try { return fs.readFileSync(p, 'utf8'); } catch { return ''; } };
// A process or thread may end between listing and reading it.
const list = (p) => { try { return fs.readdirSync(p); } catch { return []; } };
const TICK = 100; // USER_HZ on Linux

function ticks(stat) {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]);
}

function tree(rootMatch) {
  const all = list('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => ({
    pid, ppid: (read(`/proc/${pid}/stat`).match(/\) \S+ (\d+)/) || [])[1], cmd: read(`/proc/${pid}/cmdline`),
  }));
  const root = all.find(rootMatch);
  if (!root) return [];
  const set = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!set.has(p.pid) && set.has(p.ppid)) { set.add(p.pid); grew = true; }
  }
  return all.filter((p) => set.has(p.pid));
}

/** {"<process type>/<thread name>": ticks} for the browser with this user data dir, plus "server". */
export function snapshot(userDataDir, serverPid) {
  const out = {};
  const procs = tree((p) => p.cmd.includes(`--user-data-dir=${userDataDir}`) && !p.cmd.includes('--type='));
  for (const p of procs) {
    const type = (p.cmd.match(/--type=([a-z-]+)/) || [null, 'browser'])[1];
    const sub = (p.cmd.match(/--utility-sub-type=([\w.]+)/) || [null, ''])[1].split('.').pop();
    for (const tid of list(`/proc/${p.pid}/task`)) {
      const stat = read(`/proc/${p.pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = read(`/proc/${p.pid}/task/${tid}/comm`).trim().replace(/\d+$/, '');
      const key = `${type}${sub ? ':' + sub : ''}/${name}`;
      out[key] = (out[key] || 0) + ticks(stat);
    }
  }
  if (serverPid) {
    for (const tid of list(`/proc/${serverPid}/task`)) {
      const stat = read(`/proc/${serverPid}/task/${tid}/stat`);
      if (stat) out[`server/${read(`/proc/${serverPid}/task/${tid}/comm`).trim().replace(/\d+$/, '')}`] = (out[`server/${read(`/proc/${serverPid}/task/${tid}/comm`).trim().replace(/\d+$/, '')}`] || 0) + ticks(stat);
    }
  }
  return out;
}

/** CPU seconds per key between two snapshots, the largest first, keys under 0.05 s dropped. */
export function diff(a, b) {
  const out = {};
  for (const [k, v] of Object.entries(b)) { const s = (v - (a[k] || 0)) / TICK; if (s >= 0.05) out[k] = Number(s.toFixed(2)); }
  return Object.fromEntries(Object.entries(out).sort((x, y) => y[1] - x[1]));
}
