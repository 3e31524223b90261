// The page's static copy: the default page written into index.html at build time (English;
// the German copy is a file boot.js fetches for a German browser), so the configuration is on
// screen before the WebAssembly has loaded. It must be exactly what the app draws for the defaults in that language, and it
// must not show when the app will start from anything else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { startSuite, watch, DIST } from './harness.mjs';
import { open, panelText, controlStates, outputPanel, ready, OUTPUT_READY, STATIC_COPY } from './page.mjs';

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

/// The files of the copy in German: the copy itself and its answers.
const GERMAN_FILES = /\/(?:copy|answers)-de-[0-9a-f]+\.html$/;

test('an English visit moves no German copy, its service worker included; a German one fetches it once', async () => {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.ok(index.includes('>Generate<'), 'the English copy is in index.html');
  assert.ok(!index.includes('>Erzeugen<'), 'the German copy is not in index.html');
  // The English answers are in the page, before the copy; the German ones are a file.
  assert.ok(index.indexOf('<template id="prerender-answers-en">') !== -1, 'the English answers are in index.html');
  assert.ok(index.indexOf('<template id="prerender-answers-en">') < index.indexOf('<div id="prerender"'), 'before the copy');
  assert.ok(/id="prerender-answers-de" href="answers-de-[0-9a-f]+\.html"/.test(index), 'the German answers are linked');
  for (const [locale, german] of [['en-US', false], ['de-DE', true]]) {
    const context = await suite.context({ locale });
    const page = await context.newPage();
    const seen = watch(page);
    const byWorker = [];
    // The service worker's requests are seen by the context, not by the page.
    context.on('request', (request) => byWorker.push(request.url()));
    await open(page, suite.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const copies = seen.requests.filter((url) => /\/copy-de-[0-9a-f]+\.html$/.test(url));
    if (german) {
      assert.equal(copies.length, 1, `the page's requests: ${seen.requests}`);
      assert.ok(seen.requests.some((url) => /\/answers-de-[0-9a-f]+\.html$/.test(url)), 'the German answers were fetched');
    } else {
      assert.deepEqual(byWorker.filter((url) => GERMAN_FILES.test(url)), [], 'an English visit moved German');
    }
    assert.ok(!seen.requests.some((url) => /\/answers-en-/.test(url)), 'no request for English answers (they are in the page)');
    assert.deepEqual(seen.errors, []);
    await context.close();
  }
});

test('the static copy stays hidden when the app will start from something else', async () => {
  const link = 'v1.' + Buffer.from('{"inbound":"encrypt"}').toString('base64url');
  assert.equal(await staticCopy({ fragment: `#${link}` }), null, 'a share link');
  assert.equal(await staticCopy({ fragment: `#${link}`, locale: 'de-DE' }), null, 'a share link, German');
  assert.equal(await staticCopy({ stored: ['postfix-tls.options', '{"inbound":"encrypt"}'] }), null, 'saved choices');
});

/// Loads the page with the WebAssembly held back until `release()` is called, so the static
/// copy can be used first.
async function heldBack(locale) {
  const context = await suite.context(locale ? { locale } : {});
  const page = await context.newPage();
  const seen = watch(page);
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(suite.url);
  await outputPanel(page, 'main.cf').getByText(OUTPUT_READY).first().waitFor();
  assert.equal(await page.evaluate((id) => document.getElementById(id) !== null, STATIC_COPY), true);
  return { context, page, seen, release };
}

/// What the app shows after "Explain each line" is switched on.
async function explained(locale) {
  const context = await suite.context(locale ? { locale } : {});
  const page = await context.newPage();
  await open(page, suite.url);
  await page.getByLabel(/^(Explain each line|Jede Zeile erklären)$/).check();
  const shown = { controls: await controlStates(page), panels: {} };
  for (const heading of FILES) shown.panels[heading] = await panelText(page, heading);
  await context.close();
  return shown;
}

for (const [locale, label] of [[undefined, 'Explain each line'], ['de-DE', 'Jede Zeile erklären']]) {
  test(`before the app has started, the copy answers "${label}" itself, and the app keeps it`, async () => {
    const want = await explained(locale);
    const { context, page, seen, release } = await heldBack(locale);
    await page.getByLabel(label, { exact: true }).click();
    // The copy shows the explained configuration while the WebAssembly is still held back.
    await page.waitForFunction(
      (want) => document.getElementById('main-cf-heading')?.closest('section')?.querySelector('pre')?.textContent === want,
      want.panels['main.cf'],
    );
    const copy = {};
    for (const heading of FILES) copy[heading] = await panelText(page, heading);
    assert.deepEqual(copy, want.panels);
    assert.equal(await page.getByLabel(label, { exact: true }).isChecked(), true);
    assert.equal(await page.evaluate((id) => document.getElementById(id) !== null, STATIC_COPY), true);
    // From here on, what each frame is about to show: the explained configuration, the copy's
    // and then the app's, never the defaults or an empty page in between.
    await page.evaluate(() => {
      window.shown = [];
      const frame = () => {
        window.shown.push(document.getElementById('main-cf-heading')?.closest('section')?.querySelector('pre')?.textContent ?? null);
        if (window.shown.length < 1000) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    release();
    await ready(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.deepEqual([...new Set(await page.evaluate(() => window.shown))], [want.panels['main.cf']]);
    const app = {};
    for (const heading of FILES) app[heading] = await panelText(page, heading);
    assert.deepEqual(app, want.panels);
    assert.deepEqual(await controlStates(page), want.controls);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test('a change the copy cannot show is dimmed, kept, and made by the app when it starts', async () => {
  const { context, page, seen, release } = await heldBack();
  const before = await panelText(page, 'main.cf');
  await page.getByLabel('TLS logging', { exact: true }).click();
  await page.getByLabel('Explain each line', { exact: true }).click();
  // Two changes: no answer fits, so the output is dimmed until the app shows it.
  await page.waitForFunction(() => document.documentElement.classList.contains('prerender-pending'));
  assert.equal(await panelText(page, 'main.cf'), before);
  release();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('prerender-pending')), false);
  assert.equal(await page.getByLabel('TLS logging', { exact: true }).isChecked(), false);
  assert.equal(await page.getByLabel('Explain each line', { exact: true }).isChecked(), true);
  const main = await panelText(page, 'main.cf');
  assert.notEqual(main, before);
  assert.ok(!main.includes('smtpd_tls_loglevel'), main);
  assert.ok(main.includes('# cleared: smtpd_tls_chain_files replaces it'), main);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the WebAssembly is fetched once the copy has been drawn, and at once in a background tab', async () => {
  // A page that draws no frames: a background tab, or one whose first paint is still to come.
  const framesless = (hidden) => `(() => {
    window.requestAnimationFrame = () => 0;
    if (${hidden}) Object.defineProperty(Document.prototype, 'hidden', { get: () => true });
  })()`;
  const asks = async (hidden) => {
    const context = await suite.context();
    const page = await context.newPage();
    await page.addInitScript(framesless(hidden));
    let asked = false;
    await page.route('**/*.wasm', (route) => {
      asked = true;
      return route.abort();
    });
    await page.goto(suite.url, { waitUntil: 'load' });
    // Bounded: the loader asks within a moment of the page being parsed, or not before a frame.
    await page.waitForTimeout(1000);
    await context.close();
    return asked;
  };
  assert.equal(await asks(false), false, 'a shown page waits for its first frame');
  assert.equal(await asks(true), true, 'a background tab does not');
});

test('a press the app does not redraw the page for (Copy) still lets the app take over from the copy', async () => {
  const { context, page, seen, release } = await heldBack();
  await outputPanel(page, 'main.cf').getByRole('button', { name: 'Copy', exact: true }).click();
  release();
  // The copy goes, and the app, hidden beside it until then, shows.
  await ready(page);
  assert.equal(await outputPanel(page, 'main.cf').isVisible(), true);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('prerender-pending')), false);
  // The press was made on the app's button: its panel says how the copy went.
  await outputPanel(page, 'main.cf').getByText(/^(Copied|Copy failed - text selected)$/).waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the copy answers a click while the rest of the page is still arriving', async () => {
  const want = await explained();
  // index.html in two parts: up to just after the switch, and the rest once the click has been
  // answered. Everything else comes from the suite's server; the WebAssembly never arrives.
  const html = readFileSync(join(DIST, 'index.html'));
  // In the copy, not in the answers before it.
  const copy = html.indexOf('<div id="prerender"');
  const cut = html.indexOf('<section aria-labelledby="findings-heading"', copy);
  assert.ok(copy > 0 && cut > 0 && html.indexOf('id="field-comments"', copy) < cut, 'the switch comes before the cut');
  let finish;
  const rest = new Promise((resolve) => {
    finish = resolve;
  });
  const slow = createServer(async (req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // Past the parser's buffering: the first part is parsed and shown before the rest.
      res.write(html.subarray(0, cut));
      await rest;
      res.end(html.subarray(cut));
      return;
    }
    const upstream = await fetch(new URL(req.url, suite.url));
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((resolve) => slow.listen(0, '127.0.0.1', resolve));
  const context = await suite.context();
  try {
    const page = await context.newPage();
    await page.route('**/*.wasm', (route) => route.abort());
    const loaded = page.goto(`http://127.0.0.1:${slow.address().port}/`, { waitUntil: 'load' });
    // Awaited below; when a check fails first, the closed page's navigation is not the failure.
    loaded.catch(() => {});
    const toggle = page.getByLabel('Explain each line', { exact: true });
    await toggle.waitFor();
    assert.equal(await page.evaluate(() => document.readyState), 'loading');
    await toggle.click();
    await page.waitForFunction(
      (want) => document.getElementById('main-cf-heading')?.closest('section')?.querySelector('pre')?.textContent === want,
      want.panels['main.cf'],
    );
    assert.equal(await page.evaluate(() => document.readyState), 'loading', 'answered before the page was parsed');
    finish();
    await loaded;
    const panels = {};
    for (const heading of FILES) panels[heading] = await panelText(page, heading);
    assert.deepEqual(panels, want.panels);
    assert.equal(await toggle.isChecked(), true);
  } finally {
    finish();
    await context.close();
    await new Promise((resolve) => slow.close(resolve));
  }
});
