// Keeps the page working offline after one visit.
//
// Install: fetch the page, read which files it references (Trunk's hashed js, wasm and
// css, plus the loaders, icons and data files; not in-page links such as `#main`) and cache
// them all, other languages' messages only for a browser that asks for them. Navigations go
// to the network first so a new release is picked up at once, and fall back to the cached
// page when offline.
// Everything else is served from the cache first: the big files are content-hashed.
const CACHE = 'postfix-tls-v1';

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  const html = await page.clone().text();
  await cache.put('./', page);
  // Another language's messages (a link with hreflang, written by scripts/prerender) only
  // for a browser that asks for that language: an English visit downloads no German. A
  // language chosen later is cached when the page first fetches it (below).
  const wanted = (self.navigator.languages ?? []).map((tag) => tag.split(/[-_]/)[0].toLowerCase());
  const skipped = new Set();
  for (const link of html.matchAll(/<link [^>]*hreflang="([^"]*)"[^>]*>/g)) {
    const href = /\bhref="([^"]*)"/.exec(link[0])?.[1];
    if (href && !wanted.includes(link[1].toLowerCase())) skipped.add(href);
  }
  const urls = new Set();
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)="([^"#][^"]*)"/g)) {
    if (skipped.has(m[1])) continue;
    const url = new URL(m[1], self.registration.scope);
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  await cache.addAll([...urls]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          const cache = await caches.open(CACHE);
          await cache.put('./', response.clone());
        }
        return response;
      } catch (offline) {
        const cached = await caches.match('./');
        if (cached) return cached;
        throw offline;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
      event.waitUntil(cacheLanguageOf(request.url));
    }
    return response;
  })());
});

/// A language's first file fetched (the messages, when German is chosen in an English
/// browser) brings the rest of that language with it: the static copy and its answers, which
/// the next visit, maybe offline, starts from.
async function cacheLanguageOf(url) {
  const page = await caches.match('./');
  if (!page) return;
  const links = [...(await page.text()).matchAll(/<link [^>]*hreflang="([^"]*)"[^>]*>/g)].map((link) => ({
    lang: link[1].toLowerCase(),
    url: new URL(/\bhref="([^"]*)"/.exec(link[0])?.[1] ?? '#', self.registration.scope).href,
  }));
  const lang = links.find((link) => link.url === url)?.lang;
  if (!lang) return;
  const cache = await caches.open(CACHE);
  for (const link of links.filter((l) => l.lang === lang && l.url !== url)) {
    if (!(await cache.match(link.url))) await cache.add(link.url).catch(() => {});
  }
}
