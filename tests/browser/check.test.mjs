// "Check my config": pasting the seed's broken snippets flags every broken value, with the
// correct value named and the line it is on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, watch, FIXTURES } from './harness.mjs';
import { open } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

// For each fixture: every broken value the machine translation put in, the value Postfix
// expects instead, and the line(s) it is on.
const SEED = {
  'seed-main.cf': [
    ['kann', 'may', [1, 2]],
    ['ja', 'yes', [3]],
  ],
  'seed-master-submission.cf': [
    ['Übermittlung', 'submission', [1]],
    ['verschlüsseln', 'encrypt', [3]],
    ['ja', 'yes', [4, 5]],
    ['nein', 'no', [6]],
    ['ablehnen', 'reject', [11]],
    ['URSPRUNG', 'ORIGINATING', [12]],
  ],
  'seed-master-smtps.cf': [
    ['ja', 'yes', [3, 4]],
    ['nein', 'no', [5]],
    ['ablehnen', 'reject', [10]],
    ['URSPRUNG', 'ORIGINATING', [11]],
  ],
};

/// The findings as shown: one entry per diagnostic card (errors are alerts, the rest notes),
/// with its visible text and the values it quotes as code.
async function findings(page) {
  const region = page.getByRole('region', { name: 'Findings' });
  await region.locator('[role=alert], [role=note]').first().waitFor();
  return region.locator('[role=alert], [role=note]').evaluateAll((cards) =>
    cards.map((card) => ({
      text: card.innerText,
      codes: [...card.querySelectorAll('code')].map((code) => code.textContent.trim()),
    })),
  );
}

for (const [file, broken] of Object.entries(SEED)) {
  test(`Check my config flags every broken value of ${file}`, async () => {
    const context = await suite.context();
    const page = await context.newPage();
    const seen = watch(page);
    await open(page, suite.url);
    await page.getByRole('tab', { name: 'Check my config' }).click();
    await page.getByLabel('Configuration to check').fill(readFileSync(join(FIXTURES, file), 'utf8'));
    const shown = await findings(page);
    for (const [wrong, right, lines] of broken) {
      for (const line of lines) {
        // The card is placed at its line, quotes the broken value and names the right one.
        const quotes = (codes, value) =>
          codes.some((code) => new RegExp(`(^|[^\\p{L}])${value}([^\\p{L}]|$)`, 'u').test(code));
        const hit = shown.find(
          (card) =>
            new RegExp(`\\bline ${line}\\b`).test(card.text) && quotes(card.codes, wrong) && quotes(card.codes, right),
        );
        assert.ok(hit, `${file}: no finding quotes \`${wrong}\` with \`${right}\` on line ${line}; shown:\n${shown.map((c) => c.text).join('\n---\n')}`);
      }
    }
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test('a clean config shows no finding, and fixing a value clears its finding', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.getByRole('tab', { name: 'Check my config' }).click();
  // Clean for `postfix-tls lint` too: one key+chain file, opportunistic TLS both ways.
  const clean = 'smtpd_tls_chain_files = /etc/postfix/tls/rsa-key-chain.pem\nsmtpd_tls_security_level = may\nsmtp_tls_security_level = may\n';
  const box = page.getByLabel('Configuration to check');
  await box.fill(clean.replace('level = may\nsmtp', 'level = kann\nsmtp'));
  await page.getByRole('region', { name: 'Findings' }).getByRole('alert').first().waitFor();
  await box.fill(clean);
  await page.getByText('No problems found in this text.').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a long paste shows a page of lines at a time, and the filter keeps the lines with errors', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.getByRole('tab', { name: 'Check my config' }).click();
  // 150 lines: every third sets a translated value (an error), the rest are comments.
  const lines = Array.from({ length: 150 }, (_, i) =>
    i % 3 === 0 ? `smtpd_tls_security_level = kann` : `# comment ${i}`,
  );
  await page.getByLabel('Configuration to check').fill(lines.join('\n') + '\n');
  const region = page.getByRole('region', { name: 'Findings' });
  const more = region.getByRole('button', { name: /Show more lines/ });
  await more.waitFor();
  assert.equal(await region.locator('li.listing-line').count(), 50);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('li.listing-line').length === 100);
  await region.getByLabel(/Lines with errors/).check();
  // The first 50 of the 50 lines with errors: all of them, each with its card.
  await page.waitForFunction(() => document.querySelectorAll('li.listing-line').length === 50 && document.querySelectorAll('li.listing-line.error').length === 50);
  assert.equal(await region.getByRole('button', { name: /Show more lines/ }).count(), 0);
  const texts = await region.locator('li.listing-line .line-text').allTextContents();
  assert.ok(texts.every((t) => t.includes('kann')), 'only lines with errors are listed');
  await region.getByLabel(/All lines/).check();
  await page.waitForFunction(() => document.querySelectorAll('li.listing-line').length === 50 && document.querySelectorAll('li.listing-line.error').length === 17);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
