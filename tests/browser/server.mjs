// A tiny static file server for the built page (dist/), bound to 127.0.0.1 only.
//
// Used by the browser suite, by scripts/bench and by scripts/serve. It serves the same files
// under `/` and under any sub-path (`/any/sub/path/`), as a static host would when dist/ is
// deployed below a prefix, so the page's relative asset paths are exercised. Responses are
// gzip-compressed when the client accepts it, like a real static host, so transfer sizes
// measured against it are realistic.
//
// Command line: node server.mjs DIR [PORT]   (PORT 0 or missing: a free port)

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  // instantiateStreaming refuses a .wasm served with any other type.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.po': 'text/x-gettext-translation; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt', '.po']);

/// The file under `root` that a URL path names, or null when it would leave `root`.
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

/// Resolves a request path to a file, trying it as given and then with leading directories
/// stripped, so `/a/b/index.html` finds `dist/index.html` (deployment below a sub-path).
async function locate(root, urlPath) {
  const parts = urlPath.split('?')[0].split('/').filter(Boolean);
  const wantsDir = urlPath.split('?')[0].endsWith('/') || parts.length === 0;
  // A file name is never stripped: a missing asset is a 404, not the page.
  const last = wantsDir ? parts.length : parts.length - 1;
  for (let skip = 0; skip <= last; skip++) {
    const rest = parts.slice(skip);
    const candidate = fileFor(root, '/' + rest.join('/') + (wantsDir ? '/index.html' : ''));
    if (candidate === null) return null;
    try {
      const info = await stat(candidate);
      if (info.isFile()) return candidate;
      if (info.isDirectory() && !wantsDir) {
        const index = join(candidate, 'index.html');
        if ((await stat(index).catch(() => null))?.isFile()) return index;
      }
    } catch {
      // Not here: try with one more leading directory stripped.
    }
  }
  return null;
}

/// Starts the server. Resolves to { url, port, close(), log } where `log` lists every request
/// served as { path, status, bytes } (bytes: the body as sent, after compression).
export async function serve(dir, port = 0) {
  const root = resolve(dir);
  const log = [];
  // Each version of a file is compressed once (keyed by its ETag), as a static host serves
  // files compressed ahead of time. Compressing on every request held the benchmark's own
  // event loop (this server runs in the process that drives the browser) for about 100 ms per
  // load of the 950 KB WebAssembly, delaying the files asked for beside it and the race's
  // clicks.
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const entry = { path: req.url ?? '/', status: 0, bytes: 0 };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await locate(root, req.url ?? '/');
    if (file === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    let body = await readFile(file);
    const ext = extname(file);
    // Revalidation as a static host does it, so a reload or a service worker's refresh of an
    // unchanged file costs a 304, not the whole file again.
    const etag = '"' + createHash('sha256').update(body).digest('base64url').slice(0, 22) + '"';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' }).end();
      return;
    }
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!compressed.has(etag)) compressed.set(etag, gzipSync(body, { level: 9 }));
      body = compressed.get(etag);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    entry.bytes = req.method === 'HEAD' ? 0 : body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    log,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node server.mjs DIR [PORT]');
    process.exit(2);
  }
  const server = await serve(dir, Number(port ?? 0));
  console.log(`serving ${resolve(dir)} on ${server.url}`);
}
