// The generator page: the default output, options changing the output exactly as the core
// says, and the RFC 3207 warning beside its choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, watch, generate, defaultOptions } from './harness.mjs';
import { open, panelText, PANELS, OUTPUT_READY, TOGGLE_LABEL, outputPanel, exportedOptions } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// Asserts the three panels show exactly what `postfix-tls generate` gives for `options`.
async function assertMatchesCore(page, options, step) {
  const core = generate(options);
  for (const { heading, key } of PANELS) {
    const shown = await panelText(page, heading);
    assert.equal(shown.trimEnd(), core[key].trimEnd(), `${heading} after ${step}`);
  }
}

test('the default page shows a main.cf with smtpd_tls_security_level and no error', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const main = await panelText(page, 'main.cf');
  assert.match(main, /^smtpd_tls_security_level = may$/m);
  await assertMatchesCore(page, defaultOptions(), 'loading');
  // Errors are announced as alerts; the defaults must not have any.
  assert.equal(await page.getByRole('alert').count(), 0, 'an error is shown');
  assert.equal(await page.getByText(/\b\d+ errors?\b/).count(), 0, 'an error count is shown');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the page works from a sub-path of the host (relative asset paths)', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, `${suite.url}some/deep/sub-path/`);
  assert.match(await panelText(page, 'main.cf'), new RegExp(OUTPUT_READY));
  const assets = seen.requests.filter((url) => /\.(wasm|js|css)$/.test(url));
  assert.ok(assets.length >= 2, 'the page loaded its assets');
  for (const url of assets) assert.ok(url.includes('/some/deep/sub-path/'), `${url} left the sub-path`);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('ticking options changes the output exactly as the core says', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const options = defaultOptions();

  // Each step: what a person does, and the same change made to the options JSON.
  const steps = [
    ['encrypt on port 25', () => page.getByRole('group', { name: 'TLS on port 25' }).getByLabel('Required (encrypt)').check(), (o) => (o.inbound = 'encrypt')],
    ['role: internal relay', () => page.getByRole('group', { name: 'Role of the host' }).getByLabel('Internal relay / smarthost').check(), (o) => (o.role = 'relay')],
    ['no submissions on 465', () => page.getByLabel('Submissions on port 465', { exact: true }).uncheck(), (o) => (o.submissions = false)],
    ['outbound DANE', () => page.getByRole('group', { name: 'Outbound TLS' }).getByLabel('DANE (dane)').check(), (o) => (o.outbound = 'dane')],
    ['modern profile on 587/465', () => page.getByLabel('Protocols and ciphers on 587/465', { exact: true }).selectOption({ label: 'Modern (TLS 1.3 only)' }), (o) => (o.submission_profile = 'modern')],
    ['Cyrus SASL', () => page.getByRole('group', { name: 'SASL server' }).getByLabel('Cyrus SASL').check(), (o) => (o.sasl = 'cyrus')],
    ['smarthost', () => page.getByLabel('Send through a smarthost', { exact: true }).check(), (o) => (o.relayhost.enabled = true)],
    ['smarthost name', () => page.getByLabel('Smarthost name', { exact: true }).fill('relay.example.org'), (o) => (o.relayhost.host = 'relay.example.org')],
    ['no TLS logging', () => page.getByLabel('TLS logging', { exact: true }).uncheck(), (o) => (o.tls_logging = false)],
    ['comments', () => page.getByLabel(TOGGLE_LABEL, { exact: true }).check(), (o) => (o.comments = true)],
  ];
  const before = await panelText(page, 'main.cf');
  for (const [step, act, change] of steps) {
    await act();
    change(options);
    await assertMatchesCore(page, options, step);
  }
  // The steps did change the output (a page that ignores clicks cannot pass by matching an
  // unchanged core).
  assert.notEqual(await panelText(page, 'main.cf'), before);
  // The page's own export is the same options JSON.
  assert.deepEqual(await exportedOptions(page), { ...options, preset: options.preset ?? null });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('encrypt on port 25 of a public MX shows the RFC 3207 warning beside that choice', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const choice = page.getByRole('group', { name: 'TLS on port 25' });
  // The innermost section around the choice: what a person sees next to it.
  const beside = page.locator('section').filter({ has: choice }).last();
  // A finding is a note (or an alert for an error) whose visible text cites the RFC.
  const warning = beside.getByRole('note').or(beside.getByRole('alert')).filter({ hasText: /RFC 3207/ });
  assert.equal(await warning.count(), 0, 'warning shown before the choice');
  await choice.getByLabel('Required (encrypt)').check();
  // At once: no other action is needed for it to appear, next to the choice.
  await warning.first().waitFor({ timeout: 2_000 });
  assert.ok(await warning.first().isVisible());
  // The warning is about port 25 of a public MX: a relay may require TLS.
  await page.getByRole('group', { name: 'Role of the host' }).getByLabel('Internal relay / smarthost').check();
  assert.equal(await warning.count(), 0, 'warning kept for a relay');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
