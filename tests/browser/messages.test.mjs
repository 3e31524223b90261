// The German messages: not in the WebAssembly, fetched only when German is wanted, and
// there offline after one visit in English (the service worker keeps them).
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

test('the German messages are not in the WebAssembly, and only a German page fetches them', async () => {
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
  await open(page, suite.url);
  await page.waitForLoadState('networkidle');
  const fetched = () => seen.requests.some((url) => /\/de-[0-9a-f]+\.po$/.test(url));
  assert.equal(fetched(), false, 'an English page fetched the German messages');
  await switchLanguage(page, 'Deutsch');
  await page.getByRole('tab', { name: GERMAN_TAB }).waitFor();
  assert.equal(fetched(), true, 'the switch fetched the German messages');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('after one visit in English, German works with the network cut', async () => {
  const own = await startSuite();
  try {
    const context = await own.context({ locale: 'en-US' });
    const page = await context.newPage();
    const seen = watch(page);
    await open(page, own.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
    // The service worker has cached every file the page names, the messages among them.
    await page.waitForFunction(async () => {
      const cache = await caches.open('postfix-tls-v1');
      return (await cache.keys()).some((r) => /\/de-[0-9a-f]+\.po$/.test(r.url));
    }, null, { timeout: 15_000 });
    await context.setOffline(true);
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    await own.server.close();

    await page.reload();
    await ready(page);
    await switchLanguage(page, 'Deutsch');
    await page.getByRole('tab', { name: GERMAN_TAB }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.deepEqual(seen.errors, []);
    await context.close();
  } finally {
    await own.close();
  }
});
