// Share links: a link reproduces the page in a new browser; a hostile link shows a notice and
// the defaults, and never a crash, a console error or a dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, watch } from './harness.mjs';
import { open, panelText, PANELS, SHARED_IGNORED, controlStates } from './page.mjs';

let suite;
let defaults;
before(async () => {
  suite = await startSuite();
  const context = await suite.context();
  const page = await context.newPage();
  await open(page, suite.url);
  defaults = await panelText(page, 'main.cf');
  await context.close();
});
after(async () => {
  await suite?.close();
});

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64url');

// Fragments no honest link contains. Each must be refused with the notice.
const HOSTILE = {
  garbage: 'garbage!!',
  'huge (200 kB)': 'v1.' + 'A'.repeat(200_000),
  'script tag': '<script>alert(1)</script>',
  'script in the payload': 'v1.<img src=x onerror=alert(1)>',
  'base64 of not-JSON': 'v1.' + b64('alert(document.cookie)'),
  'JSON of the wrong shape': 'v1.' + b64('{"postfix":"99.9","role":"<script>alert(1)</script>"}'),
  'deeply nested JSON': 'v1.' + b64('['.repeat(3000) + ']'.repeat(3000)),
  'broken percent escapes': 'v1.%E0%A4%A%ZZ',
  'javascript: URL': 'javascript:alert(1)',
};

for (const [name, fragment] of Object.entries(HOSTILE)) {
  test(`hostile link (${name}): notice, defaults, no error`, async () => {
    const context = await suite.context();
    const page = await context.newPage();
    const seen = watch(page);
    page.on('dialog', (dialog) => {
      seen.errors.push(`dialog: ${dialog.message()}`);
      dialog.dismiss();
    });
    await open(page, `${suite.url}#${fragment}`);
    await page.getByText(SHARED_IGNORED).waitFor();
    assert.equal(await panelText(page, 'main.cf'), defaults);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test('a link whose values try to add config lines never puts them in the output', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  const injected = 'smtpd_tls_security_level = none';
  const options = {
    ca_file: `/etc/ssl/x.pem\n${injected}`,
    certificate: { source: 'custom', cert_file: `/a.pem\n${injected}`, key_file: '/b.pem\r\nsmtpd_use_tls = no' },
    relayhost: { enabled: true, host: `relay.example\n${injected}` },
  };
  await open(page, `${suite.url}#v1.${b64(JSON.stringify(options))}`);
  for (const { heading } of PANELS) {
    const text = await panelText(page, heading);
    assert.ok(!text.includes(injected), `${heading} contains the injected line`);
    assert.ok(!text.includes('smtpd_use_tls = no'), `${heading} contains the injected line`);
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the share link reproduces the page in a new browser context', async () => {
  const first = await suite.context();
  const page = await first.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.getByRole('group', { name: 'TLS on port 25' }).getByLabel('Required (encrypt)').check();
  await page.getByRole('group', { name: 'Role of the host' }).getByLabel('Internal relay / smarthost').check();
  await page.getByLabel('Submissions on port 465', { exact: true }).uncheck();
  await page.getByRole('group', { name: 'Outbound TLS' }).getByLabel('DANE (dane)').check();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/.*#v1\./);
  const panels = {};
  for (const { heading } of PANELS) panels[heading] = await panelText(page, heading);
  const controls = await controlStates(page);
  assert.ok(Object.keys(controls).length > 20, 'the page has its controls');
  assert.deepEqual(seen.errors, []);

  const second = await suite.context();
  const again = await second.newPage();
  const seenAgain = watch(again);
  await open(again, link);
  for (const { heading } of PANELS) {
    assert.equal(await panelText(again, heading), panels[heading], `${heading} differs`);
  }
  assert.deepEqual(await controlStates(again), controls);
  assert.equal(await again.getByText(SHARED_IGNORED).count(), 0);
  assert.deepEqual(seenAgain.errors, []);
  await first.close();
  await second.close();
});

test('the address bar becomes the share link once the clicks pause, and a reload keeps the choices', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.getByRole('group', { name: 'TLS on port 25' }).getByLabel('Required (encrypt)').check();
  // A burst of clicks: the address bar follows the last state, not each click.
  const logging = page.getByLabel('TLS logging', { exact: true });
  for (let i = 0; i < 5; i++) await logging.click();
  const shown = await page.locator('.share-link').textContent();
  assert.match(shown, /#v1\./);
  await page.waitForFunction((link) => location.href === link, shown, { timeout: 5_000 });
  const panels = await panelText(page, 'main.cf');
  const controls = await controlStates(page);

  await page.reload();
  await page.getByText('smtpd_tls_security_level').first().waitFor();
  await page.waitForFunction(() => !document.getElementById('prerender'));
  assert.equal(await panelText(page, 'main.cf'), panels);
  assert.deepEqual(await controlStates(page), controls);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('choices changed just before leaving the page are kept', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  await open(page, suite.url);
  // Clicked and left in the same task: before the address bar or storage were written.
  await page.evaluate((label) => {
    const input = [...document.querySelectorAll('input')].find((el) => el.labels?.[0]?.textContent.trim() === label);
    input.click();
    location.href = 'about:blank';
  }, 'TLS logging');
  await page.waitForURL('about:blank');
  await open(page, suite.url);
  assert.equal(await page.getByLabel('TLS logging', { exact: true }).isChecked(), !(await defaultLogging()));
  await context.close();
});

/// Whether "TLS logging" is ticked on the default page.
async function defaultLogging() {
  const context = await suite.context();
  const page = await context.newPage();
  await open(page, suite.url);
  const checked = await page.getByLabel('TLS logging', { exact: true }).isChecked();
  await context.close();
  return checked;
}
