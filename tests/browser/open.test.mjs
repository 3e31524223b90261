// "Open in the generator": a configuration pasted on the Check tab sets the generator's
// choices, the page lists what could not be carried over, and the generator shows what it
// would change in the pasted files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, watch, axe, ROOT, OUTPUT } from './harness.mjs';
import { open, switchLanguage } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const read = (path) => readFileSync(join(ROOT, path), 'utf8');

/// Pastes the text on the Check tab for a Postfix version and opens it in the generator.
async function openPasted(page, text, version) {
  await page.getByRole('tab', { name: 'Check my config' }).click();
  await page.getByLabel('Postfix version', { exact: true }).selectOption(version);
  await page.getByLabel('Configuration to check').fill(text);
  await page.getByRole('region', { name: 'Findings' }).getByText(/Read as/).waitFor();
  await page.getByRole('button', { name: 'Open in the generator' }).click();
  await page.getByRole('tab', { name: 'Generate', selected: true }).waitFor();
  return page.getByRole('region', { name: 'Opened from your configuration' });
}

/// The entries of the "Not carried over" list, as shown.
async function notCarried(opened) {
  return opened.locator('ul.not-carried > li').allInnerTexts();
}

test("the seed's classic main.cf opens as a relay requiring TLS, with the legacy switches listed", async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const opened = await openPasted(page, read('tests/fixtures/seed-classic-main.cf'), '3.7');
  // The choices.
  await page.getByLabel('Postfix version', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Postfix version', { exact: true }).inputValue(), '3.7');
  const role = page.getByRole('group', { name: 'Role of the host' });
  assert.ok(await role.getByLabel('Internal relay / smarthost').isChecked());
  const port25 = page.getByRole('group', { name: 'TLS on port 25' });
  assert.ok(await port25.getByLabel('Required (encrypt)').isChecked());
  const certificate = page.getByRole('group', { name: 'Certificate', exact: true });
  assert.ok(await certificate.getByLabel('Self-signed (Debian snakeoil)').isChecked());
  // The role is said to be a guess, with its reason.
  assert.match(await opened.innerText(), /Role: Internal relay \/ smarthost \(a guess: port 25 requires TLS/);
  // What could not be carried over: both legacy switches at their lines, and no master.cf.
  const left = await notCarried(opened);
  assert.equal(left.length, 3, left.join('\n'));
  assert.match(left[0], /^line 3 smtpd_use_tls = yes: a switch of Postfix 2\.2, read as the TLS level/);
  assert.match(left[1], /^line 5 smtpd_enforce_tls = yes: /);
  assert.match(left[2], /^master\.cf: no master\.cf and no postconf -P lines/);
  // The pasted main.cf with the output applied, and its diff.
  const diff = await opened.getByRole('region', { name: 'main.cf diff' }).locator('pre').textContent();
  assert.match(diff, /^--- main\.cf \(pasted\)\n\+\+\+ main\.cf\n/);
  assert.match(diff, /^--- main\.cf \(pasted\)\n\+\+\+ main\.cf\n/);
  assert.match(diff, /^\+smtpd_tls_security_level = encrypt$/m);
  const whole = await opened.getByRole('region', { name: 'Your main.cf with these choices' }).locator('pre').textContent();
  assert.match(whole, /^smtpd_enforce_tls = yes$/m, 'lines the output does not set stay');
  assert.equal(await opened.getByRole('region', { name: 'master.cf diff' }).count(), 0);
  await opened.screenshot({ path: join(OUTPUT, 'open-in-generator.png') });
  // The panel is as accessible as the rest of the page.
  const serious = (await axe(page)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  // In German, the panel and its list speak German.
  await switchLanguage(page, 'Deutsch');
  const geöffnet = page.getByRole('region', { name: 'Aus Ihrer Konfiguration geöffnet' });
  assert.match(await geöffnet.innerText(), /Rolle: Internes Relay \/ Smarthost \(vermutet: Port 25 verlangt TLS/);
  assert.match(await geöffnet.innerText(), /Nicht übernommen \(3\)/);
  assert.match(await geöffnet.innerText(), /Zeile 3 smtpd_use_tls = yes: ein Schalter aus Postfix 2\.2/);
  await switchLanguage(page, 'English');
  // Closing forgets the paste and keeps the choices.
  await opened.getByRole('button', { name: 'Close the pasted configuration' }).click();
  await opened.waitFor({ state: 'detached' });
  assert.ok(await port25.getByLabel('Required (encrypt)').isChecked());
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a real-world main.cf and master.cf pasted as one text open with their services', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  // As `cat main.cf master.cf` prints them.
  const main = read('tests/realworld/mail-in-a-box/main.cf');
  const master = read('tests/realworld/mail-in-a-box/master.cf');
  const mainLines = main.split('\n').length - 1;
  await page.getByRole('tab', { name: 'Check my config' }).click();
  await page.getByLabel('Configuration to check').fill(main + master);
  await page.getByText(/Read as: main\.cf \+ master\.cf/).waitFor();
  const opened = await openPasted(page, main + master, '3.7');
  assert.ok(await page.getByLabel('Submission on port 587', { exact: true }).isChecked());
  assert.ok(await page.getByLabel('Submissions on port 465', { exact: true }).isChecked());
  assert.ok(await page.getByRole('group', { name: 'Outbound TLS' }).getByLabel('DANE (dane)').isChecked());
  assert.ok(await page.getByRole('group', { name: 'SASL server' }).getByLabel('Dovecot').isChecked());
  assert.match(await opened.innerText(), /Role: Public MX \(a guess: /);
  // Its port-465 service is `smtps`, which 3.7's generator calls `submissions`: listed at its
  // line of the whole pasted text.
  const left = await notCarried(opened);
  assert.ok(
    left.some((entry) => entry.startsWith(`line ${mainLines + 144} smtps: the generator names this service submissions`)),
    left.join('\n'),
  );
  const diff = await opened.getByRole('region', { name: 'master.cf diff' }).locator('pre').textContent();
  // The merged master.cf puts `submissions` in place of `smtps`: one service on port 465.
  assert.match(diff, /^-smtps\s+inet/m);
  assert.match(diff, /^\+submissions inet/m);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
