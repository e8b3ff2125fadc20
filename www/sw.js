// Shoebox's service worker: the app shell offline, one build at a time, and the share target.
//
// - The shell (index.html and every file it names: the hashed JS/wasm/CSS Trunk emits, the
//   worker, the manifest and icons) is cached per build, in a cache named after a hash of that
//   build's index.html. Shell requests are answered from the build the page itself came from,
//   so a page never runs files of two builds (the worker files have fixed names). A language's
//   catalog (/locales/<lang>.json) joins the build's shell the first time a page asks for it.
// - Each navigation also asks the network for index.html in the background; a different one is
//   a new release: its whole shell is fetched into a new cache, which becomes the current one
//   for the next start, and that start is told "updated" (the app shows a quiet note).
// - /files/, /api/, /metrics and other origins are never answered here: they go to the
//   network untouched (uploads, the API and tests that intercept requests see them as sent).
// - POST /share (the manifest's share_target) keeps the shared files until the app asks for
//   them, then redirects to the app.
'use strict';
const PREFIX = 'shoebox-shell-';
const STATE = 'shoebox-sw-state';
const EXTRA = ['/scan-worker.js', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png'];
const clientBuild = new Map(); // clientId -> build, for pages served by this worker
let shared = []; // Files received by the share target, waiting for the app.

const passThrough = (url) =>
  url.origin !== self.location.origin || url.pathname.startsWith('/files') || url.pathname.startsWith('/api/') || url.pathname === '/metrics';

async function hash(text) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].slice(0, 8).map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function readState() {
  const r = await (await caches.open(STATE)).match('/state');
  return r ? r.json() : { current: null, updated: false };
}
async function writeState(s) {
  await (await caches.open(STATE)).put('/state', new Response(JSON.stringify(s), { headers: { 'Content-Type': 'application/json' } }));
}

/**
 * Every same-origin file a build's index.html names, plus the worker files and the icons: both
 * workers (the hash worker a page starts at once, the codec worker it starts for the first
 * downsized photo, which may come offline).
 */
function shellFiles(html) {
  const names = new Set(['/', ...EXTRA, '/hashworker.js', '/hashworker_bg.wasm', '/worker.js', '/worker_bg.wasm']);
  for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
    const u = new URL(m[1], self.location.origin);
    if (u.origin === self.location.origin) names.add(u.pathname);
  }
  for (const m of html.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
    const u = new URL(m[1], self.location.origin);
    if (u.origin === self.location.origin) names.add(u.pathname);
  }
  return [...names];
}

/**
 * One refresh at a time, in the order asked: a slow one that fetched an older index.html must
 * finish (and find that build current) before a newer one starts, or it could make the old build
 * current again after the new one (seen once under load in a clean run).
 */
let refreshing = Promise.resolve();
function refresh() {
  return serially(refreshOnce);
}

/**
 * Runs `job` after every earlier refresh or state change has finished. Everything that reads
 * the state and writes it back (or prunes by it) goes through here: a page's "hello" read
 * before a refresh made a new build current must not write the old state back, or prune the
 * new build's shell, after that refresh.
 */
function serially(job) {
  const next = refreshing.then(job, job);
  refreshing = next.catch(() => null);
  return next;
}

/** Fetch index.html; when it is a build we do not have, cache its whole shell and make it current. */
async function refreshOnce() {
  const res = await fetch('/', { cache: 'reload' });
  if (!res.ok) return null;
  const html = await res.text();
  const build = await hash(html);
  const state = await readState();
  if (state.current === build) return build;
  const cache = await caches.open(PREFIX + build);
  const files = shellFiles(html).filter((f) => f !== '/');
  await Promise.all(files.map(async (f) => {
    const r = await fetch(f, { cache: 'reload' });
    if (r.ok) await cache.put(f, r);
  }));
  // The page keeps the server's CSP (which allows this build's inline loader by its hash).
  const headers = { 'Content-Type': 'text/html; charset=utf-8' };
  const csp = res.headers.get('Content-Security-Policy');
  if (csp) headers['Content-Security-Policy'] = csp;
  await cache.put('/', new Response(html, { headers }));
  await writeState({ current: build, updated: state.current !== null, previous: state.current });
  await prune(build);
  return build;
}

/** Delete shells no open page runs any more (`keep` and the current one always stay). */
async function prune(keep) {
  const inUse = new Set([keep, (await readState()).current]);
  const open = new Set((await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id));
  for (const [id, b] of clientBuild) (open.has(id) ? inUse.add(b) : clientBuild.delete(id));
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !inUse.has(name.slice(PREFIX.length))) await caches.delete(name);
  }
}

// Uploads and API calls go straight to the network without waking this worker (static
// routing, Chromium 123+): a fetch event per request, even one passed through, cost every
// upload a hop through this thread, which halved the speed of a folder of small photos (one
// creation per file). Same-origin only; `passThrough` below still covers the rest and other
// browsers.
const NETWORK_ROUTES = ['/files/*', '/api/*', '/metrics'];

self.addEventListener('install', (event) => {
  const routes =
    typeof event.addRoutes === 'function' && typeof URLPattern === 'function'
      ? event.addRoutes(NETWORK_ROUTES.map((pathname) => ({ condition: { urlPattern: new URLPattern({ pathname }) }, source: 'network' })))
      : Promise.resolve();
  event.waitUntil(routes.catch(() => null).then(() => refresh().catch(() => null)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function navigate(event) {
  const state = await readState();
  const cached = state.current && (await (await caches.open(PREFIX + state.current)).match('/'));
  if (cached) {
    if (event.resultingClientId) clientBuild.set(event.resultingClientId, state.current);
    event.waitUntil(refresh().catch(() => null)); // a new release takes effect at the next start
    return cached;
  }
  try {
    const res = await fetch(event.request);
    event.waitUntil(refresh().catch(() => null));
    return res;
  } catch (e) {
    return new Response('Shoebox is offline and not installed yet.', { status: 503, headers: { 'Content-Type': 'text/plain' } });
  }
}

async function shellFile(event, url) {
  const state = await readState();
  const build = clientBuild.get(event.clientId) || state.current;
  if (build) {
    const hit = await (await caches.open(PREFIX + build)).match(url.pathname);
    if (hit) return hit;
  }
  // Not in this build's shell: ask the server, never a heuristically cached copy.
  const res = await fetch(event.request, { cache: 'no-cache' });
  // A language's catalog joins this build's shell when first asked for, so the next start
  // offline still speaks it (only the languages in use are fetched, not all twelve).
  if (build && res.ok && /^\/locales\/[A-Za-z-]+\.json$/.test(url.pathname)) {
    await (await caches.open(PREFIX + build)).put(url.pathname, res.clone());
  }
  return res;
}

async function receiveShare(event) {
  const form = await event.request.formData();
  shared = shared.concat(form.getAll('media').filter((f) => f instanceof File));
  return Response.redirect('/?shared=1', 303);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (passThrough(url)) return;
  if (event.request.method === 'POST' && url.pathname === '/share') return event.respondWith(receiveShare(event));
  if (event.request.method !== 'GET') return;
  // A kiosk screen or a phone joining a visit is never served from here: the server's page for
  // it is `no-store`, so nothing of a visit outlives it in any cache.
  if (event.request.mode === 'navigate' && (url.searchParams.has('kiosk') || url.searchParams.has('visit'))) return;
  if (event.request.mode === 'navigate') return event.respondWith(navigate(event));
  event.respondWith(shellFile(event, url));
});

self.addEventListener('message', (event) => {
  const reply = (m) => event.source && event.source.postMessage(m);
  if (event.data === 'hello') {
    event.waitUntil(serially(async () => {
      const s = await readState();
      // Only a page that runs the new build is told (the start that found it still runs the old).
      const build = (event.source && clientBuild.get(event.source.id)) || s.current;
      const fresh = !!s.updated && build === s.current;
      reply({ kind: 'hello', build, updated: fresh });
      if (fresh) await writeState({ ...s, updated: false });
      await prune(s.current);
    }));
  } else if (event.data === 'take-shared') {
    reply({ kind: 'shared', files: shared });
    shared = [];
  }
});
