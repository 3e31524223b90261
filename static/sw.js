// Keeps the page working offline after one visit.
//
// Install: fetch the page, read which files it references (Trunk's hashed js, wasm and
// css, plus the loaders and icons; not in-page links such as `#main`) and cache them all. Navigations go to the network first
// so a new release is picked up at once, and fall back to the cached page when offline.
// Everything else is served from the cache first: the big files are content-hashed.
const CACHE = 'postfix-tls-v1';

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  const html = await page.clone().text();
  await cache.put('./', page);
  const urls = new Set();
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)="([^"#][^"]*)"/g)) {
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
    }
    return response;
  })());
});
