// The page's static copy: the default page written into index.html at build time (English,
// and German in a template), so the configuration is on screen before the WebAssembly has
// loaded. It must be exactly what the app draws for the defaults in that language, and it
// must not show when the app will start from anything else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, watch } from './harness.mjs';
import { open, panelText, controlStates, outputPanel, OUTPUT_READY, STATIC_COPY } from './page.mjs';

/// The output panels named alike in both languages.
const FILES = ['main.cf', 'master.cf'];

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// What the running app shows for the defaults.
async function appPage(locale) {
  const context = await suite.context(locale ? { locale } : {});
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const shown = { controls: await controlStates(page), panels: {}, title: await page.title() };
  for (const heading of FILES) shown.panels[heading] = await panelText(page, heading);
  assert.deepEqual(seen.errors, []);
  await context.close();
  return shown;
}

test('without JavaScript the static copy shows what the app shows for the defaults', async () => {
  const app = await appPage();
  const context = await suite.context({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(suite.url);
  await outputPanel(page, 'main.cf').getByText(OUTPUT_READY).first().waitFor();
  const panels = {};
  for (const heading of FILES) panels[heading] = await panelText(page, heading);
  assert.deepEqual(panels, app.panels);
  assert.deepEqual(await controlStates(page), app.controls);
  // Shown, but not usable: its controls only come alive with the app.
  assert.equal(await page.evaluate((id) => document.getElementById(id).inert, STATIC_COPY), true);
  await context.close();
});

/// Loads the page with the app blocked (its WebAssembly never arrives), so only the static
/// copy can show: what it shows, or null when it is hidden.
async function staticCopy({ fragment = '', locale, stored } = {}) {
  const context = await suite.context(locale ? { locale } : {});
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  if (stored) {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), stored);
  }
  await page.goto(suite.url + fragment);
  const present = await page.evaluate((id) => document.getElementById(id) !== null, STATIC_COPY);
  assert.equal(present, true, 'the app was blocked, so the copy is still in the page');
  let shown = null;
  if (await outputPanel(page, 'main.cf').getByText(OUTPUT_READY).first().isVisible()) {
    shown = {
      controls: await controlStates(page),
      panels: {},
      lang: await page.evaluate(() => document.documentElement.lang),
      title: await page.title(),
    };
    for (const heading of FILES) shown.panels[heading] = await panelText(page, heading);
  }
  await context.close();
  return shown;
}

test('the static copy shows for the defaults before the app has loaded', async () => {
  const english = await staticCopy();
  assert.equal(english?.lang, 'en');
  assert.deepEqual(english.controls, (await appPage()).controls);
});

test('a German browser sees the German copy, the same as the app draws it', async () => {
  const app = await appPage('de-DE');
  const german = await staticCopy({ locale: 'de-DE' });
  assert.equal(german?.lang, 'de');
  assert.equal(german.title, app.title);
  assert.deepEqual(german.panels, app.panels);
  assert.deepEqual(german.controls, app.controls);
  assert.deepEqual(await staticCopy({ stored: ['postfix-tls.lang', 'de'] }), german, 'German chosen before');
});

test('the static copy stays hidden when the app will start from something else', async () => {
  const link = 'v1.' + Buffer.from('{"inbound":"encrypt"}').toString('base64url');
  assert.equal(await staticCopy({ fragment: `#${link}` }), null, 'a share link');
  assert.equal(await staticCopy({ fragment: `#${link}`, locale: 'de-DE' }), null, 'a share link, German');
  assert.equal(await staticCopy({ stored: ['postfix-tls.options', '{"inbound":"encrypt"}'] }), null, 'saved choices');
});
