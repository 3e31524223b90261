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

/// The findings as shown: one entry per diagnostic, with its visible text.
async function findings(page) {
  const list = page.getByRole('region', { name: 'Findings' });
  await list.getByRole('listitem').first().waitFor();
  return list.getByRole('listitem').allInnerTexts();
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
        const hit = shown.find(
          (text) =>
            new RegExp(`(^|\\D)${line}(\\D|$)`).test(text) &&
            new RegExp(`(^|[^\\p{L}])${wrong}([^\\p{L}]|$)`, 'u').test(text) &&
            text.includes(right),
        );
        assert.ok(hit, `${file}: no finding names \`${wrong}\` -> \`${right}\` on line ${line}; shown:\n${shown.join('\n---\n')}`);
      }
    }
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test('a clean config shows no finding', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  await open(page, suite.url);
  await page.getByRole('tab', { name: 'Check my config' }).click();
  await page.getByLabel('Configuration to check').fill('smtpd_tls_security_level = may\nsmtp_tls_security_level = may\n');
  await page.getByText('No problems found in this text.').waitFor();
  await context.close();
});
