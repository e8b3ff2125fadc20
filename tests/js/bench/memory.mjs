// Peak resident memory of one headless Chromium's renderer processes (the page and its
// workers, which live in the renderer), read from /proc: `performance.memory` sees only the
// page's own JS heap, and neither wasm memories nor the buffers of a worker's reads.
import fs from 'node:fs';

const read = (pid, f) => { try { return fs.readFileSync(`/proc/${pid}/${f}`, 'utf8'); } catch { return ''; } };

/** The renderers of the browser launched with this --user-data-dir (found through the process tree). */
function renderers(userDataDir) {
  const all = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => ({
    pid, ppid: (read(pid, 'stat').match(/\) \S+ (\d+)/) || [])[1], cmd: read(pid, 'cmdline'),
  }));
  const root = all.find((p) => p.cmd.includes(`--user-data-dir=${userDataDir}`) && !p.cmd.includes('--type='));
  if (!root) return [];
  // Renderers descend from the browser through its zygote, so walk down the whole tree.
  const tree = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) { tree.add(p.pid); grew = true; }
  }
  return all.filter((p) => tree.has(p.pid) && p.cmd.includes('--type=renderer')).map((p) => p.pid);
}

/**
 * Samples every `every` ms until stop(); mark(label) attributes the samples that follow to
 * `label` (the method running). stop() → {peak, peaks: {label: bytes}, growth: {label: bytes}}
 * where growth is the peak over the resident size when that label began (memory an earlier
 * method has not handed back yet would otherwise count for the next).
 */
export function rendererMemory(userDataDir, every = 100) {
  let pids = [], tick = 0, label = null, peak = 0;
  const peaks = {}, base = {};
  let last = 0;
  const timer = setInterval(() => {
    if (tick++ % 10 === 0) pids = renderers(userDataDir); // the tree changes rarely; /proc scans cost
    const rss = pids.reduce((a, pid) => a + Number((read(pid, 'status').match(/VmRSS:\s+(\d+)/) || [0, 0])[1]) * 1024, 0);
    last = rss;
    peak = Math.max(peak, rss);
    if (label) peaks[label] = Math.max(peaks[label] || 0, rss);
  }, every);
  const growth = () => Object.fromEntries(Object.keys(peaks).map((k) => [k, peaks[k] - base[k]]));
  return {
    mark(l) { label = l; if (!(l in base)) base[l] = last; },
    stop() { clearInterval(timer); return { peak, peaks, growth: growth() }; },
  };
}
