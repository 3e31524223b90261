// What every browser test needs: the built page served on 127.0.0.1, Debian's Chromium driven
// by playwright-core, and watchers for console errors, crashes and requests.
//
// The page under test is dist/ from `trunk build --release` (or $DIST). Nothing here downloads a
// browser: Chromium is /usr/bin/chromium (or $CHROMIUM), installed by scripts/setup.sh.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/// The repository root.
export const ROOT = resolve(here, '..', '..');
/// The built page.
export const DIST = resolve(process.env.DIST ?? join(ROOT, 'dist'));
/// Where screenshots and other artefacts go (gitignored).
export const OUTPUT = join(here, 'output');
/// Test fixtures (the seed's broken snippets).
export const FIXTURES = join(here, 'fixtures');

/// The flags this machine needs: as root Chromium needs --no-sandbox, and without the
/// background-networking flags it tries to reach Google's hosts, which the closed network
/// refuses (and which would count as foreign requests).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/// Serves dist/ and launches Chromium. Call `close()` in an `after` hook.
export async function startSuite() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`trunk build --release\` first`);
  }
  const server = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    server,
    browser,
    url: server.url,
    /// A fresh context (no storage, no cache, no service worker) with the clipboard allowed.
    async context(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      // The page answers in milliseconds; a long wait only delays the report of a failure.
      context.setDefaultTimeout(10_000);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
      return context;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/// Records what a page says and asks for: console errors, uncaught exceptions, crashes and
/// every request URL. Attach before navigating.
export function watch(page) {
  const seen = { errors: [], requests: [], failed: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`pageerror: ${error.message}`));
  page.on('crash', () => seen.errors.push('crash: the page crashed'));
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('requestfailed', (request) => seen.failed.push(`${request.url()} ${request.failure()?.errorText}`));
  return seen;
}

/// The requests that left the page's origin (data: and blob: URLs stay in the page).
export function foreignRequests(seen, origin) {
  return seen.requests.filter(
    (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
}

/// Runs axe-core in the page. It is evaluated through the DevTools protocol rather than a
/// <script> tag, so the page's Content-Security-Policy stays in force for the page itself.
export async function axe(page, options = {}) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${source}\n;void 0;`);
  return page.evaluate(
    (runOptions) => window.axe.run(document, runOptions),
    { resultTypes: ['violations'], ...options },
  );
}

/// Saves a full-page screenshot under tests/browser/output/.
export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

let cliPath = null;

/// The native CLI, built once if needed (`cargo build` is a no-op when it is up to date).
export function cli() {
  if (cliPath === null) {
    cliPath = process.env.POSTFIX_TLS ?? join(ROOT, 'target', 'debug', 'postfix-tls');
    if (!process.env.POSTFIX_TLS) {
      execFileSync('cargo', ['build', '--quiet', '--bin', 'postfix-tls'], { cwd: ROOT, stdio: 'inherit' });
    }
  }
  return cliPath;
}

/// What the core generates for an options object, through `postfix-tls generate --format json`.
export function generate(options) {
  const out = execFileSync(cli(), ['generate', '--options', '-', '--format', 'json'], {
    input: JSON.stringify(options),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/// The default options, as the CLI prints them.
export function defaultOptions() {
  return JSON.parse(execFileSync(cli(), ['generate', '--print-options'], { encoding: 'utf8' }));
}
