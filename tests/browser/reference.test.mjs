// The parameter reference: found by search with the network cut, in German, linkable as
// #ref/NAME offline, and loaded only when opened (its data is not in the WebAssembly); a
// version switch over every series with the source of each default; explanations of the
// generated lines link to their entries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, watch, DIST, generate, defaultOptions, axe, screenshot } from './harness.mjs';
import { open, outputPanel, ready, switchLanguage, TOGGLE_LABEL } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// Cuts the network three ways: offline, every request aborted, no server. The server is
/// the test's own (`startSuite`), so that the next test has one.
async function cutNetwork(context, own) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await own.server.close();
}

test('the reference data is not in the WebAssembly, and is not fetched before it is opened', async () => {
  const files = readdirSync(DIST);
  const data = files.filter((f) => /^reference-[0-9a-f]+\.json$/.test(f));
  assert.equal(data.length, 1, `files: ${files}`);
  const { cards, guide } = JSON.parse(readFileSync(join(DIST, data[0]), 'utf8'));
  assert.equal(guide.length, 8);
  assert.ok(cards.length > 200, `${cards.length} entries`);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1);
  const bytes = readFileSync(join(DIST, wasm[0]));
  // Descriptions of the data file in both languages are nowhere in the wasm.
  const sasl = cards.find((c) => c.name === 'smtp_sasl_security_options');
  for (const text of [sasl.summary.en, sasl.summary.de]) {
    assert.equal(bytes.includes(Buffer.from(text.slice(0, 40))), false, `in the wasm: ${text}`);
  }

  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.waitForLoadState('networkidle');
  assert.ok(!seen.requests.some((url) => url.includes('/reference-')), 'fetched by the page before it was opened');
  await page.getByRole('tab', { name: 'Reference' }).click();
  await page.getByRole('link', { name: 'compatibility_level' }).waitFor();
  assert.ok(seen.requests.some((url) => url.includes('/reference-')), 'fetched when opened');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('with the network cut, search finds an entry in German and its link works', async () => {
  const own = await startSuite();
  try {
    const context = await own.context();
    const page = await context.newPage();
    const seen = watch(page);
    await open(page, own.url);
    // The service worker caches the page, and the reference with it, before the cut.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
    await cutNetwork(context, own);

    await switchLanguage(page, 'Deutsch');
    await page.getByRole('tab', { name: 'Referenz' }).click();
    await page.getByLabel('Nach Name oder Wörtern suchen').fill('Klartextpasswörter');
    const results = page.locator('.ref-list');
    await results.getByRole('link', { name: 'smtp_sasl_security_options' }).click();
    assert.match(page.url(), /#ref\/smtp_sasl_security_options$/);
    const entry = page.locator('#ref-entry');
    await entry.getByRole('heading', { name: 'smtp_sasl_security_options' }).waitFor();
    const text = await entry.innerText();
    assert.match(text, /Welche SASL-Verfahren der SMTP-Client auf einer Verbindung ohne TLS nicht verwendet/);
    assert.match(text, /Gemessen mit postconf -d/);
    assert.match(text, /noplaintext/);
    // The version switch shows that version's measured default.
    await page.getByLabel('Standardwerte von Postfix').selectOption({ label: '3.5' });
    assert.match(await entry.locator('.ref-default').innerText(), /Postfix 3\.5\): noplaintext, noanonymous/);

    // A search by a word of the English text finds the same entry.
    await page.getByLabel('Nach Name oder Wörtern suchen').fill('plaintext passwords');
    await results.getByRole('link', { name: 'smtp_sasl_security_options' }).waitFor();
    assert.deepEqual(seen.errors, []);
    await context.close();
  } finally {
    await own.close();
  }
});

test('#ref/NAME opens its entry, also offline, and leaving the view restores the share link', async () => {
  const own = await startSuite();
  try {
    const context = await own.context();
    const page = await context.newPage();
    await open(page, own.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
    await cutNetwork(context, own);
    await page.goto(`${own.url}#ref/smtpd_tls_security_level`);
    await page.reload();
    const entry = page.locator('#ref-entry');
    await entry.getByRole('heading', { name: 'smtpd_tls_security_level' }).waitFor();
    assert.match(await entry.innerText(), /RFC 3207/);
    assert.match(await entry.innerText(), /mx_requires_tls/);
    // Back on the generator, the address bar holds the share link of the choices again.
    await page.getByRole('tab', { name: 'Generate' }).click();
    await ready(page);
    await page.waitForFunction(() => location.hash.startsWith('#v1.'), null, { timeout: 5_000 });
    await context.close();
  } finally {
    await own.close();
  }
});

test('a finding links to the entry of the parameter it names', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.getByRole('tab', { name: 'Check my config' }).click();
  await page.getByLabel('Configuration to check').fill('smtpd_tls_security_level = encrypt\n');
  const card = page.locator('.diagnostic', { hasText: 'mx_requires_tls' }).first();
  await card.locator('summary').click();
  await card.getByRole('link', { name: 'smtpd_tls_security_level' }).click();
  const entry = page.locator('#ref-entry');
  await entry.getByRole('heading', { name: 'smtpd_tls_security_level' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Reference' }).getAttribute('aria-selected'), 'true');
  assert.match(page.url(), /#ref\/smtpd_tls_security_level$/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the guide links its parameters and opens the generator with its choices', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await switchLanguage(page, 'Deutsch');
  // A choice away from what the verify section opens, so that opening it shows.
  const mainCf = page.getByRole('region', { name: 'main.cf', exact: true });
  await page.getByLabel('TLS-Details in Received:-Kopfzeilen', { exact: true }).uncheck();
  await page.waitForFunction(() => !document.body.innerText.includes('smtpd_tls_received_header = yes'));
  await page.getByRole('tab', { name: 'Referenz' }).click();
  const section = page.locator('#guide-outbound');
  await section.locator('summary').click();
  assert.match(await section.innerText(), /DNSSEC-signierten Zonen/);
  await section.getByRole('link', { name: 'smtp_dns_support_level' }).click();
  await page.locator('#ref-entry').getByRole('heading', { name: 'smtp_dns_support_level' }).waitFor();
  await page.locator('#guide-verify summary').click();
  await page.locator('#guide-verify').getByRole('button', { name: 'Im Generator mit dieser Auswahl öffnen' }).click();
  assert.equal(await page.getByRole('tab', { name: 'Erzeugen' }).getAttribute('aria-selected'), 'true');
  await mainCf.getByText('smtpd_tls_received_header = yes').waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the version switch covers every series, with the source of each default', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${suite.url}#ref/smtpd_tls_protocols`);
  const entry = page.locator('#ref-entry');
  await entry.getByRole('heading', { name: 'smtpd_tls_protocols' }).waitFor();
  const versions = await page.getByLabel('Defaults of Postfix').locator('option').allInnerTexts();
  assert.deepEqual(versions, ['3.11', '3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.4', '3.3', '3.2', '3.1', '3.0',
    '2.11', '2.10', '2.9', '2.8', '2.7', '2.6', '2.5', '2.4', '2.3', '2.2']);
  const shown = () => entry.locator('.ref-default').innerText();
  // Measured.
  await page.getByLabel('Defaults of Postfix').selectOption({ label: '3.7' });
  assert.match(await shown(), /Postfix 3\.7\): >=TLSv1[\s\S]*measured: postconf -d of Postfix 3\.7\.11/);
  // Not measured: what postconf(5) states, with the page and section to look it up.
  await page.getByLabel('Defaults of Postfix').selectOption({ label: '3.8' });
  assert.match(await shown(), /Postfix 3\.8\): >=TLSv1[\s\S]*not measured: from postconf\(5\) of Postfix 3\.11\.7 \(section smtpd_tls_protocols\), which states it for Postfix 3\.6 and later/);
  await screenshot(page, 'reference-documented-default');
  // postconf(5) states nothing for 3.4: said plainly, with the nearest measured default.
  await page.getByLabel('Defaults of Postfix').selectOption({ label: '3.4' });
  assert.match(await shown(), /Postfix 3\.4\): !SSLv2, !SSLv3[\s\S]*postconf\(5\) states no default for this release: the default of Postfix 3\.5\.25/);
  // Before the parameter came.
  await page.getByLabel('Defaults of Postfix').selectOption({ label: '2.5' });
  assert.match(await shown(), /Postfix 2\.5\):\s+not in this release yet: it came with Postfix 2\.6/);
  // A backport: the patch release that brought it to the series.
  await page.goto(`${suite.url}#ref/tls_config_file`);
  await entry.getByRole('heading', { name: 'tls_config_file' }).waitFor();
  await page.getByLabel('Defaults of Postfix').selectOption({ label: '3.6' });
  assert.match(await shown(), /Postfix 3\.6 has it from 3\.6\.10/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('Explain each line links each explanation to its entry, and Copy still gives the plain text', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const mainCf = outputPanel(page, 'main.cf');
  assert.equal(await mainCf.getByRole('link').count(), 0, 'links without explanations');
  await page.getByLabel(TOGGLE_LABEL, { exact: true }).check();
  await mainCf.getByText('# TLS for outbound mail').waitFor();
  // The text shown is the generated text, links and all.
  const options = { ...defaultOptions(), comments: true };
  const expected = generate(options).main_cf;
  const code = mainCf.locator('pre code');
  assert.equal(await code.evaluate((c) => c.textContent), expected);
  await page.evaluate(() => navigator.clipboard.writeText('stale'));
  await mainCf.getByRole('button', { name: 'Copy', exact: true }).click();
  await mainCf.getByText('Copied', { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  // The links are told apart from the code without colour alone, in light and dark.
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const serious = (await axe(page)).violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`), [], colorScheme);
  }
  await screenshot(page, 'explain-each-line-links');
  // A name in an explanation links to its own entry ...
  await mainCf.getByRole('link', { name: 'smtpd_tls_chain_files', exact: true }).first().waitFor();
  // ... and an explanation that names none links to the entry of the line it explains.
  await mainCf.getByRole('link', { name: 'TLS for outbound mail', exact: true }).click();
  const entry = page.locator('#ref-entry');
  await entry.getByRole('heading', { name: 'smtp_tls_security_level' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Reference' }).getAttribute('aria-selected'), 'true');
  assert.match(page.url(), /#ref\/smtp_tls_security_level$/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
