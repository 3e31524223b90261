// The page's static copy: the default page written into index.html at build time, so the
// configuration is on screen before the WebAssembly has loaded. It must be exactly what the
// app draws for the defaults, and it must not show when the app will start from anything else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, watch } from './harness.mjs';
import { open, panelText, PANELS, controlStates, outputPanel, OUTPUT_READY, STATIC_COPY } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// What the running app shows for the defaults.
async function appPage() {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const shown = { controls: await controlStates(page), panels: {} };
  for (const { heading } of PANELS) shown.panels[heading] = await panelText(page, heading);
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
  for (const { heading } of PANELS) panels[heading] = await panelText(page, heading);
  assert.deepEqual(panels, app.panels);
  assert.deepEqual(await controlStates(page), app.controls);
  // Shown, but not usable: its controls only come alive with the app.
  assert.equal(await page.evaluate((id) => document.getElementById(id).inert, STATIC_COPY), true);
  await context.close();
});

/// Loads the page with the app blocked (its WebAssembly never arrives), so only the static
/// copy can show; tells whether its main.cf is visible.
async function copyVisible({ fragment = '', locale, stored } = {}) {
  const context = await suite.context(locale ? { locale } : {});
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  if (stored) {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), stored);
  }
  await page.goto(suite.url + fragment);
  const visible = await outputPanel(page, 'main.cf').getByText(OUTPUT_READY).first().isVisible();
  const present = await page.evaluate((id) => document.getElementById(id) !== null, STATIC_COPY);
  await context.close();
  assert.equal(present, true, 'the app was blocked, so the copy is still in the page');
  return visible;
}

test('the static copy shows for the defaults in English before the app has loaded', async () => {
  assert.equal(await copyVisible(), true);
});

test('the static copy stays hidden when the app will start from something else', async () => {
  const link = 'v1.' + Buffer.from('{"inbound":"encrypt"}').toString('base64url');
  assert.equal(await copyVisible({ fragment: `#${link}` }), false, 'a share link');
  assert.equal(await copyVisible({ locale: 'de-DE' }), false, 'a German browser');
  assert.equal(await copyVisible({ stored: ['postfix-tls.lang', 'de'] }), false, 'German chosen before');
  assert.equal(
    await copyVisible({ stored: ['postfix-tls.options', '{"inbound":"encrypt"}'] }),
    false,
    'saved choices',
  );
});
