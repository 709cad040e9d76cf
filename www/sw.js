// Service worker: keeps the app shell (hashed assets) and the guides a resident has needed,
// so a doorplate page and its guides open again without network. scripts/assemble-www.sh
// fills in VERSION and SHELL (the hashed file names of this build).
'use strict';
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SHELL_CACHE = 'doorplate-shell-' + VERSION;
const DATA_CACHE = 'doorplate-data';  // API answers, kept across versions (network first)

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('doorplate-shell-') && k !== SHELL_CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function isHashed(path) { return /\.[0-9a-f]{10}\.[a-z0-9]+$/.test(path); }

// Network first; a failed or 5xx answer falls back to what is stored. Good answers are stored.
async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(request, res.clone());
    else if (res.status >= 500) { const hit = await cache.match(request); if (hit) return hit; }
    return res;
  } catch (e) {
    // A doorplate opened from another channel (?src=…) is the same doorplate.
    const hit = await cache.match(request) ||
      (new URL(request.url).pathname.startsWith('/api/v1/doorplates/') && await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw e;
  }
}

// The guides the app may open from this doorplate: every item and bundle in the search index.
// Fetched once per index version, in the background, a few at a time.
let prefetching = null;
async function prefetchGuides(indexResponse) {
  if (prefetching) return prefetching;
  prefetching = (async () => {
    const index = await indexResponse.json();
    const ids = (index.entries || []).map((e) => e.id).filter(Boolean);
    const cache = await caches.open(DATA_CACHE);
    let next = 0, stored = 0;
    async function worker() {
      while (next < ids.length) {
        const url = '/api/v1/guides/' + encodeURIComponent(ids[next++]);
        try {
          const res = await fetch(url);
          if (res.ok) { await cache.put(url, res); stored++; }
        } catch (e) { /* offline again: what is stored stays */ }
      }
    }
    await Promise.all([worker(), worker(), worker()]);
    const clients = await self.clients.matchAll();
    clients.forEach((c) => c.postMessage({ type: 'guides-offline', stored, total: ids.length }));
    return stored;
  })().finally(() => { prefetching = null; });
  return prefetching;
}

// The page asks once it is up: keep this doorplate, the search index and every guide.
self.addEventListener('message', (event) => {
  const m = event.data || {};
  if (m.type !== 'keep-offline') return;
  const code = (/^\/d\/([0-9A-Za-z]+)/.exec(m.path || '') || [])[1];
  event.waitUntil((async () => {
    const cache = await caches.open(DATA_CACHE);
    if (code) {
      const url = '/api/v1/doorplates/' + encodeURIComponent(code);
      try { const res = await fetch(url); if (res.ok) await cache.put(url, res); } catch (e) { /* offline */ }
    }
    try {
      const res = await fetch('/api/v1/search-index');
      if (res.ok) { await cache.put('/api/v1/search-index', res.clone()); await prefetchGuides(res); }
    } catch (e) { /* offline: keep what is stored */ }
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (req.mode === 'navigate') {
    // Every app page (/d/<code>/…) is the same shell; the text pages and / come from the network.
    if (url.pathname.startsWith('/d/')) {
      event.respondWith(fetch(req).catch(() => caches.match('/index.html', { cacheName: SHELL_CACHE })
        .then((hit) => hit || Response.error())));
    }
    return;
  }
  if (isHashed(url.pathname) || SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(req, { cacheName: SHELL_CACHE }).then((hit) => hit || fetch(req)));
    return;
  }
  // A resident's requests (personal data, live updates) and the help API's offers (slots) are
  // never stored: they always come from the network.
  if (url.pathname.startsWith('/api/v1/requests/') || url.pathname.startsWith('/api/v1/help/')) return;
  if (url.pathname.startsWith('/api/v1/')) {
    event.respondWith(networkFirst(req, DATA_CACHE).then((res) => {
      return res;
    }));
  }
});
