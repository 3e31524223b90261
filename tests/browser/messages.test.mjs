// The German messages: not in the WebAssembly, fetched only when German is wanted (an English
// visit downloads none, the service worker included), and kept for offline use once used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, watch, DIST } from './harness.mjs';
import { open, ready, switchLanguage } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const GERMAN_TAB = 'Meine Konfiguration prüfen';
const MESSAGES = /\/de-[0-9a-f]+\.po$/;

/// The German texts of the built messages file that differ from their English key.
function germanTexts() {
  const files = readdirSync(DIST).filter((f) => /^de-[0-9a-f]+\.po$/.test(f));
  assert.equal(files.length, 1, `files: ${readdirSync(DIST)}`);
  const po = readFileSync(join(DIST, files[0]), 'utf8');
  const texts = [];
  for (const m of po.matchAll(/^msgid (".*")\nmsgstr (".*")$/gm)) {
    const [en, de] = [JSON.parse(m[1]), JSON.parse(m[2])];
    if (en !== '' && de !== en) texts.push(de);
  }
  return texts;
}

/// Waits until the service worker controls the page and has cached the page's files.
async function cached(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
  return page.evaluate(async () => {
    const cache = await caches.open('postfix-tls-v1');
    return (await cache.keys()).map((r) => r.url);
  });
}

/// Cuts the network three ways: offline, every request aborted, no server.
async function cutNetwork(context, own) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await own.server.close();
}

test('the German messages are not in the WebAssembly, and an English visit downloads none', async () => {
  const texts = germanTexts();
  assert.ok(texts.length > 500, `${texts.length} German texts`);
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1);
  const bytes = readFileSync(join(DIST, wasm[0]));
  // Long texts only: a short German word may also be part of an English one.
  const inWasm = texts.filter((t) => t.length >= 24 && bytes.includes(Buffer.from(t)));
  assert.deepEqual(inWasm, [], 'German texts in the wasm');

  const context = await suite.context({ locale: 'en-US' });
  const page = await context.newPage();
  const seen = watch(page);
  // The service worker's requests are seen by the context, not by the page.
  context.on('request', (request) => seen.requests.push(request.url()));
  await open(page, suite.url);
  const files = await cached(page);
  assert.ok(files.some((url) => url.endsWith('.wasm')), `cached: ${files}`);
  await page.waitForLoadState('networkidle');
  const fetched = () => seen.requests.some((url) => MESSAGES.test(url));
  assert.equal(fetched(), false, 'an English visit fetched the German messages');
  await switchLanguage(page, 'Deutsch');
  await page.getByRole('tab', { name: GERMAN_TAB }).waitFor();
  assert.equal(fetched(), true, 'the switch fetched the German messages');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a German browser fetches the messages once, alongside the WebAssembly, and keeps them', async () => {
  const own = await startSuite();
  try {
    const context = await own.context({ locale: 'de-DE' });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(own.url);
    await page.getByRole('tab', { name: GERMAN_TAB }).waitFor();
    await page.waitForLoadState('networkidle');
    // boot.js preloads the file and the app's fetch takes the preloaded response.
    const fetches = seen.requests.filter((url) => MESSAGES.test(url));
    assert.equal(fetches.length, 1, `requests: ${fetches}`);
    // The service worker caches them for a browser that asks for German.
    assert.ok((await cached(page)).some((url) => MESSAGES.test(url)), 'not cached');
    await cutNetwork(context, own);
    await page.reload();
    await page.getByRole('tab', { name: GERMAN_TAB }).waitFor();
    assert.deepEqual(seen.errors, []);
    await context.close();
  } finally {
    await own.close();
  }
});

test('German chosen once in an English browser works with the network cut', async () => {
  const own = await startSuite();
  try {
    const context = await own.context({ locale: 'en-US' });
    const page = await context.newPage();
    const seen = watch(page);
    await open(page, own.url);
    assert.equal((await cached(page)).some((url) => MESSAGES.test(url)), false);
    // The switch's fetch goes through the service worker, which keeps the file.
    await switchLanguage(page, 'Deutsch');
    await page.getByRole('tab', { name: GERMAN_TAB }).waitFor();
    // The German static copy and its answers come with them, so that the next visit starts
    // from the German copy, offline too.
    await page.waitForFunction(async () => {
      const cache = await caches.open('postfix-tls-v1');
      const urls = (await cache.keys()).map((r) => r.url);
      return [/\/de-[0-9a-f]+\.po$/, /\/copy-de-[0-9a-f]+\.html$/, /\/answers-de-[0-9a-f]+\.html$/]
        .every((file) => urls.some((url) => file.test(url)));
    }, null, { timeout: 15_000 });
    await cutNetwork(context, own);
    // The page comes back German (the language is remembered) from the cache.
    await page.reload();
    await page.getByRole('tab', { name: GERMAN_TAB }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.deepEqual(seen.errors, []);
    await context.close();
  } finally {
    await own.close();
  }
});
