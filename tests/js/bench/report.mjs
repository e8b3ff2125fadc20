// Writes the figures of one scripts/bench.sh run into BENCHMARKS.md, between its two marker
// lines (the hand-written explanations around them stay): machine, every row beside its
// anchors with medians, min–max, runs and ratios, and each performance goal said met or not.
// Usage: node tests/js/bench/report.mjs <bench dir (target/bench)> <BENCHMARKS.md>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir, mdFile] = process.argv.slice(2);
const read = (f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : '');
const json = (f) => (read(f) ? JSON.parse(read(f)) : null);
const env = Object.fromEntries(read('machine.env').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const browser = json('browser.json') || {};
const upload = json('upload.json');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x, d = 0) => (x == null || Number.isNaN(x) ? '—' : Number(x).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }));
const span = (xs, d = 0) => (xs.length > 1 ? `${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}` : fmt(xs[0], d));
const mb = (b) => `${fmt(b / 1e6, 2)} MB`;
const mib = (b) => (b == null ? '—' : `${fmt(b / 2 ** 20)} MiB`);
// Growth is clamped at 0: below it, an earlier method's memory was still being handed back.
const mem = (v) => `${mib(v.peakRss)} / ${mib(v.rssGrowth == null ? null : Math.max(0, v.rssGrowth))}`;
const kb = (b) => `${fmt(b / 1000, 1)} KB`;
const out = [];
const goals = [];
const goal = (what, measured, met) => goals.push(`| ${what} | ${measured} | ${met == null ? 'not measured' : met ? 'met' : '**NOT MET**'} |`);
const p = (...lines) => out.push(...lines);

p(`Written by \`scripts/bench.sh${browser.quick ? ' --quick' : ''}\` on ${env.STARTED} (commit ${env.COMMIT}).${browser.quick ? ' **A quick run: fewer rounds, so the spreads say less.**' : ''}`, '',
  `Machine: ${env.CPU} × ${env.CORES} cores, ${env.MEM}; ${env.CHROMIUM} (headless, the project's flags); ` +
  `load average (1/5/15 min) ${env.LOAD_BEFORE} before, ${env.LOAD_AFTER} after.`, '');

const names = { ours: 'ours (worker: zune-jpeg → Lanczos3 → jpeg-encoder, metadata carried)', canvas: 'canvas (createImageBitmap + OffscreenCanvas + convertToBlob 0.9)', pica: 'pica 10 (lanczos3, its own workers) + toBlob 0.9', bic: 'browser-image-compression 2 (web worker, preserveExif)' };
if (browser.downsize) {
  p(`### Downsizing → 16 MP (${browser.runs} round${browser.runs > 1 ? 's' : ''} after one warm-up round, interleaved; per photo, one at a time)`, '');
  for (const [photo, r] of Object.entries(browser.downsize)) {
    const ours = median(r.methods.ours.runs);
    const has = ['exif', 'xmp', 'icc'].filter((k) => r.source[k]).map((k) => k.toUpperCase()).join(' + ') || 'no metadata';
    p(`${photo.replace('.jpg', '').toUpperCase()} camera JPEG (${mb(r.inputBytes)}, ${has}) → ${r.target}:`, '',
      '| method | median | min–max | time: ours ÷ this (< 1: ours faster) | first (cold) | output | output size | EXIF / XMP / ICC kept | SSIM vs f64 Lanczos3 | renderer memory: peak / growth |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const [m, v] of Object.entries(r.methods)) {
      const med = median(v.runs);
      const meta = [v.meta.exif ? 'yes' : 'no', v.meta.xmp ? 'yes' : 'no', v.meta.icc === 'kept' ? 'yes' : v.meta.icc ? 'no (its own sRGB)' : 'no'].join(' / ');
      p(`| ${names[m] || m} | ${fmt(med)} ms | ${span(v.runs)} ms | ${m === 'ours' ? '—' : fmt(ours / med, 2)} | ${fmt(v.cold)} ms | ${mb(v.bytes)} | ${v.size} | ${meta} | ${v.ssim == null ? 'n/a' : fmt(v.ssim, 4)} | ${mem(v)} |`);
    }
    p('');
    const c = median(r.methods.canvas.runs);
    const m = r.methods.ours;
    goal(`Downsizing ${photo.replace('.jpg', '')}: ≤ 1.0× canvas, EXIF/XMP/ICC kept, SSIM ≥ 0.995`,
      `${fmt(ours / c, 2)}× canvas (${fmt(ours)} vs ${fmt(c)} ms); kept ${['exif', 'xmp', 'icc'].filter((k) => m.meta[k] === true || m.meta[k] === 'kept').join('/') || 'none'}; SSIM after the encode ${m.ssim == null ? 'n/a' : fmt(m.ssim, 4)} (canvas ${r.methods.canvas.ssim == null ? 'n/a' : fmt(r.methods.canvas.ssim, 4)}; the resize alone: see the notes)`,
      ours / c <= 1 && m.meta.exif && m.meta.xmp && m.meta.icc === 'kept' && (m.ssim == null ? false : m.ssim >= 0.995));
  }
}
if (browser.pool) {
  const q = browser.pool;
  p('### A folder of eight 24 MP photos through a pool (photos per minute, higher is better; cold workers included)', '',
    '| workers | ours | canvas | ours ÷ canvas | rounds |', '|---|---|---|---|---|');
  for (const w of [1, 2]) {
    const o = q[`ours_${w}w`], c = q[`canvas_${w}w`];
    p(`| ${w} | ${fmt(median(o), 1)} (${span(o, 1)}) | ${fmt(median(c), 1)} (${span(c, 1)}) | ${fmt(median(o) / median(c), 2)} | ${o.length} |`);
  }
  p('');
  goal('Pool (2 workers): at least canvas\'s photos per minute', `${fmt(median(q.ours_2w), 1)} vs ${fmt(median(q.canvas_2w), 1)} photos/min`, median(q.ours_2w) >= median(q.canvas_2w));
}
const hashNames = { ours: 'ours (worker hash job, 1 worker)', ours2w: 'ours, 2 workers sharing the folder', webcrypto: 'WebCrypto one-shot `crypto.subtle.digest` (whole file in memory)', hashwasm: 'hash-wasm 4 streaming SHA-256 (8 MiB slices, one read ahead)', readonly: '(context) reading alone, same slices' };
if (browser.hash) {
  p('### Hashing SHA-256 (MB/s, higher is better; each method in a dedicated worker, interleaved per round)', '');
  const label = { big: (h) => `one 1 GiB file on disk (ours: streaming \`sha2\` in wasm, files over 64 MiB)`, folder: (h) => `${h.files} photo-sized files on disk, ${mb(h.bytes)} (ours: WebCrypto one-shot inside the worker, files up to 64 MiB)`, memory: () => 'a 256 MiB Blob held in memory (the hash alone, no disk; ours streams it, as over 64 MiB)' };
  p('| input | method | median | min–max | speed: ours ÷ this (> 1: ours faster) | rounds | renderer memory: peak / growth |', '|---|---|---|---|---|---|---|');
  for (const [set, h] of Object.entries(browser.hash)) {
    const ours = median(h.methods.ours.runs);
    for (const [m, v] of Object.entries(h.methods)) {
      p(`| ${m === 'ours' ? label[set](h) : ''} | ${hashNames[m]} | ${fmt(median(v.runs))} MB/s | ${span(v.runs)} | ${m === 'ours' ? '—' : fmt(ours / median(v.runs), 2)} | ${v.runs.length} | ${mem(v)} |`);
    }
  }
  p('');
  const big = median(browser.hash.big.methods.ours.runs);
  goal('Hashing a large file: ≥ 300 MB/s streaming', `${fmt(big)} MB/s (hash-wasm ${fmt(median(browser.hash.big.methods.hashwasm.runs))}, WebCrypto one-shot ${fmt(median(browser.hash.big.methods.webcrypto.runs))})`, big >= 300);
  const f = browser.hash.folder.methods;
  goal('Hashing a folder of photos across the pool: ≥ 1.5× one worker', `${fmt(median(f.ours2w.runs) / median(f.ours.runs), 2)}× (${fmt(median(f.ours2w.runs))} vs ${fmt(median(f.ours.runs))} MB/s)`, median(f.ours2w.runs) / median(f.ours.runs) >= 1.5);
}

if (upload) {
  p(`### Uploading to shoebox-server on loopback (release build, fresh server and browser per measurement, ${upload.rounds} round${upload.rounds > 1 ? 's' : ''}, interleaved)`, '',
    '"Whole path" for ours is from the drop to "Backup complete": the walk, the plan, inspecting and hashing every file (it must know the SHA-256 before it asks the server what it already has and creates an upload), the dedup check, and the upload (thumbnails made from originals wait until nothing is left to hash, check or upload, so most of them come after it). "Upload window" is from the first creation (POST) to the last answer. The anchors start from files already picked, hash nothing, and check nothing. Every way runs in a Chromium driven without DevTools\' Network domain (`tests/js/bench/cdp.mjs`: with it on, as Playwright keeps it, the anchors\' uploads were about a quarter slower).', '',
    '| set | method | whole path | MB/s | upload window | MB/s | speed: ours ÷ this, whole / window (> 1: ours faster) | requests answered, not GET (last round) | renderer memory peak |', '|---|---|---|---|---|---|---|---|---|');
  const label = { ours: 'ours (the app: drop, Back up)', tus: 'tus-js-client 4.3.1, 8 MiB chunks, up to 3 files at once', raw: 'creation POST + the whole file in one PATCH, up to 3 at once' };
  for (const [name, s] of Object.entries(upload.sets)) {
    const tput = (ms) => s.bytes / 1e6 / (ms / 1000);
    const oursW = tput(median(s.methods.ours.map((r) => r.ms))), oursU = tput(median(s.methods.ours.map((r) => r.uploadMs)));
    for (const [m, rs] of Object.entries(s.methods)) {
      const whole = rs.map((r) => r.ms / 1000), win = rs.map((r) => r.uploadMs / 1000);
      const setName = m === 'ours' ? (name === 'small' ? `${fmt(s.files)} small photos, ${mb(s.bytes)}` : `one ${fmt(s.bytes / 2 ** 20)} MiB video`) : '';
      const ratio = m === 'ours' ? '—' : `${fmt(oursW / tput(median(rs.map((r) => r.ms))), 2)} / ${fmt(oursU / tput(median(rs.map((r) => r.uploadMs))), 2)}`;
      const req = Object.entries(rs[rs.length - 1].requests).map(([k, v]) => `${v} ${k}`).join(', ');
      p(`| ${setName} | ${label[m]} | ${span(whole, 2)} s | ${fmt(tput(median(rs.map((r) => r.ms))))} | ${span(win, 2)} s | ${fmt(tput(median(rs.map((r) => r.uploadMs))))} | ${ratio} | ${req} | ${mib(Math.max(...rs.map((r) => r.peakRss || 0)))} |`);
    }
  }
  p('');
  for (const [name, s] of Object.entries(upload.sets)) {
    const o = s.methods.ours, t = (k) => fmt(median(o.map((r) => r[k])) / 1000, 2);
    p(`Ours, ${name === 'small' ? 'the small photos' : 'the large file'}: drop → plan ready ${t('planMs')} s, "Back up" → "Backup complete" ${t('afterClickMs')} s (medians).`);
  }
  p('');
  const big = upload.sets.big.methods, small = upload.sets.small.methods;
  const mt = (rs, k) => median(rs.map((r) => r[k]));
  const tusMs = mt(big.tus, 'ms');
  goal('Large file: drop → "Backup complete" at least as fast as tus-js-client', `${fmt(tusMs / mt(big.ours, 'ms'), 2)}× its speed (${fmt(mt(big.ours, 'ms') / 1000, 1)} vs ${fmt(tusMs / 1000, 1)} s)`, mt(big.ours, 'ms') <= tusMs);
  const thumbs = big.ours.every((r) => r.thumbsMs) ? mt(big.ours, 'thumbsMs') : null;
  goal('Large file: drop → every thumbnail PUT answered, at least as fast as tus-js-client', thumbs ? `${fmt(tusMs / thumbs, 2)}× (${fmt(thumbs / 1000, 1)} s)` : 'not in this run', thumbs ? thumbs <= tusMs : null);
  goal('Large file: upload window ≥ 0.9× the one-PATCH anchor', `${fmt(mt(big.raw, 'uploadMs') / mt(big.ours, 'uploadMs'), 2)}×`, mt(big.raw, 'uploadMs') / mt(big.ours, 'uploadMs') >= 0.9);
  const peak = (rs) => Math.max(...rs.map((r) => r.peakRss || 0));
  goal('Large file: renderer peak ≤ tus-js-client\'s + 200 MiB', `${mib(peak(big.ours))} vs ${mib(peak(big.tus))}`, peak(big.ours) <= peak(big.tus) + 200 * 2 ** 20);
  goal('Small photos: 1,000 photos ≥ 1.2× tus-js-client\'s speed (whole path)', `${fmt(mt(small.tus, 'ms') / mt(small.ours, 'ms'), 2)}× (${fmt(mt(small.ours, 'ms') / 1000, 1)} vs ${fmt(mt(small.tus, 'ms') / 1000, 1)} s)`, mt(small.tus, 'ms') / mt(small.ours, 'ms') >= 1.2);
}

const native = read('native-upload.txt');
if (native) {
  p('### Server alone, natively (`bench_upload`: the same bytes as one raw PUT + fsync to a bare handler, then through tus, each round)', '', '```', native.trim(), '```', '');
  const r = native.match(/median tus\/raw throughput ratio: ([\d.]+)/), r64 = native.match(/median with 64 MiB chunks: ([\d.]+)/);
  if (r) goal('Server (native): tus ≥ 0.7× a raw PUT + fsync, 8 MiB and 64 MiB PATCHes', `${r[1]}× / ${r64 ? r64[1] : '?'}×`, Number(r[1]) >= 0.7 && !!r64 && Number(r64[1]) >= 0.7);
}
const previews = read('native-previews.txt');
if (previews) p('### Previews the server makes of what browsers cannot show (`bench_previews`, release build, a fresh process per run, interleaved)', '', 'Time from the stored file to a 256 px JPEG; peak resident memory of the process that made it and of its largest child (the sandboxed tool). The tools\' way: `heif-convert` then `ffmpeg` scaling, `dcraw -e` then `ffmpeg`, one `ffmpeg` frame grab and scale.', '', previews.trim(), '');
const prep = read('native-prepare.txt');
if (prep) p('Our prepare natively, stage by stage (`prepare_timing`, release build, one run each):', '', '```', prep.trim(), '```', '');

const firsts = [...read('many_files.txt').matchAll(/first useful plan \(every folder and count, from names\) ([\d.]+) s/g)].map((m) => Number(m[1]));
const many = [...read('many_files.txt').matchAll(/time to complete plan ([\d.]+) s, longest task (\d+) ms, (\d+) tasks over 50 ms; every file's content checked at ([\d.]+) s, longest task meanwhile (\d+) ms, (\d+) over 50 ms/g)];
const walk = Object.fromEntries([...read('walk.txt').matchAll(/^(\w+)\s+[\d,]+ files: listed in ([\d.]+) s, done in ([\d.]+) s/gm)].map((m) => [m[1], Number(m[3])]));
if (many.length) {
  p('### Planning 100,000 files (a real folder drop; `many_files.mjs` on the release build)', '',
    '| run | first useful plan (folders, counts from names) | complete plan | longest task to the plan | tasks > 50 ms | every file checked | longest task while checking | tasks > 50 ms |', '|---|---|---|---|---|---|---|---|');
  many.forEach((m, i) => p(`| ${i + 1} | ${firsts[i] == null ? '—' : fmt(firsts[i], 2) + ' s'} | ${m[1]} s | ${m[2]} ms | ${m[3]} | ${m[4]} s | ${m[5]} ms | ${m[6]} |`));
  p('');
  if (Object.keys(walk).length) {
    p('Chromium\'s own floor for the same drop, plain JavaScript on a bare page (`walk_ceiling.mjs`):', '', '| listing | done in |', '|---|---|');
    const wl = { list: '`readEntries` only (names)', meta: '`readEntries` + `getMetadata` (what the plan needs)', handles: '`getAsFileSystemHandle` + `values()` + `getFile()`', file: '`readEntries` + `entry.file()`' };
    for (const [k, v] of Object.entries(walk)) p(`| ${wl[k] || k} | ${fmt(v, 2)} s |`);
    p('');
  }
  const plan = median(many.map((m) => Number(m[1])));
  const longest = Math.max(...many.flatMap((m) => [Number(m[2]), Number(m[5])]));
  if (firsts.length) {
    const first = median(firsts);
    goal('Planning: first useful plan (names and counts) within 1.5 s of the drop', `${fmt(first, 2)} s (runs: ${firsts.map((x) => fmt(x, 2)).join(', ')} s)`, first <= 1.5);
  } else goal('Planning: first useful plan (names and counts) within 1.5 s of the drop', 'not in this run\'s many_files.txt', null);
  if (walk.meta) goal('Planning: complete plan ≤ 1.1× Chromium\'s listing floor (readEntries + getMetadata)', `${fmt(plan / walk.meta, 2)}× (${fmt(plan, 2)} vs ${fmt(walk.meta, 2)} s)`, plan / walk.meta <= 1.1);
  goal('Planning: no main-thread task over 100 ms from the drop until every file is checked', `longest ${longest} ms`, longest <= 100);
}
const scroll = [...read('scroll.txt').matchAll(/first rows (\d+) ms; scrolled ([\d.]+) M px in ([\d.]+) s; longest task (\d+) ms, (\d+) over 50 ms, (\d+) over 100 ms; at most (\d+) rows/g)];
if (scroll.length) {
  p('### Scrolling a 100,000-item library (`library_scroll.mjs` on the release build)', '',
    '| run | first rows | scroll (top to bottom) | longest task | tasks > 50 ms | > 100 ms | rows in the DOM (max) |', '|---|---|---|---|---|---|---|');
  scroll.forEach((m, i) => p(`| ${i + 1} | ${m[1]} ms | ${m[2]} M px in ${m[3]} s | ${Number(m[5]) ? `${m[4]} ms` : '< 50 ms'} | ${m[5]} | ${m[6]} | ${m[7]} |`));
  p('');
  const worst = Math.max(...scroll.map((m) => Number(m[4])));
  goal('Scrolling: no main-thread task over 100 ms', `longest ${worst} ms`, worst <= 100);
}

const dist = path.join(dir, 'dist');
if (fs.existsSync(dist)) {
  p('### Bundle (`trunk build --release`, bytes as served)', '', '| file | raw | gzip -9 | brotli q11 |', '|---|---|---|---|');
  const sizes = {};
  for (const f of fs.readdirSync(dist).filter((f) => /\.(wasm|js)$/.test(f)).sort()) {
    const b = fs.readFileSync(path.join(dist, f));
    const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
    sizes[f] = br;
    p(`| ${f} | ${kb(b.length)} | ${kb(zlib.gzipSync(b, { level: 9 }).length)} | ${kb(br)} |`);
  }
  p('');
  const app = Object.entries(sizes).find(([f]) => /^shoebox-.*_bg\.wasm$/.test(f))?.[1] ?? 0;
  const hashWorker = sizes['hashworker_bg.wasm'] ?? 0;
  const codecWorker = sizes['worker_bg.wasm'] ?? 0;
  p(`wasm, brotli q11: app ${kb(app)} / hash worker ${kb(hashWorker)} / codec worker ${kb(codecWorker)}; ` +
    `first load (app + hash worker) ${kb(app + hashWorker)}. The codec worker is fetched when the first photo is downsized or has its location stripped.`, '');
  // A page loads the app and the hash worker; the codec worker only for Prepare (worker_pool.rs).
  goal('Bundle: app + hash worker wasm (first load) ≤ 700 KB brotli', `${kb(app + hashWorker)} (codec worker, when a photo is prepared: ${kb(codecWorker)})`, app + hashWorker <= 700_000);
  // The first screen loads the app's wasm only: the workers start after the first paint.
  goal('First load: the first screen\'s wasm (the app\'s) ≤ 280 KB brotli', kb(app), app <= 280_000);
}

p('### Goals (issues 16 and 23)', '', '| goal | measured in this run | |', '|---|---|---|', ...goals, '');

const BEGIN = '<!-- scripts/bench.sh: figures begin (generated; edit report.mjs, not this part) -->';
const END = '<!-- scripts/bench.sh: figures end -->';
const md = fs.readFileSync(mdFile, 'utf8');
const a = md.indexOf(BEGIN), b = md.indexOf(END);
if (a < 0 || b < a) throw new Error(`${mdFile} has no marker lines`);
fs.writeFileSync(mdFile, md.slice(0, a + BEGIN.length) + '\n\n' + out.join('\n') + '\n' + md.slice(b));
console.log(`wrote ${out.length} lines of figures into ${mdFile}`);
