// The Check tab's Fixed view: the seed's main.cf fixed in the page is, byte for byte, what
// `postfix-tls lint --fix` writes; a choice picked in the page updates the fixed file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSuite, watch, cli, FIXTURES } from './harness.mjs';
import { open } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// What `postfix-tls lint --fix` writes for this text, read back from the file it fixed.
function fixedByCli(text) {
  const dir = mkdtempSync(join(tmpdir(), 'postfix-tls-fixed-'));
  try {
    const file = join(dir, 'main.cf');
    writeFileSync(file, text);
    try {
      execFileSync(cli(), ['lint', '--fix', '--no-backup', file], { encoding: 'utf8' });
    } catch (e) {
      // Exit 1: an error is left for a person; the certain fixes are written all the same.
      if (e.status !== 1) throw e;
    }
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// What `postfix-tls lint --diff` prints for this text.
function diffByCli(text) {
  const dir = mkdtempSync(join(tmpdir(), 'postfix-tls-diff-'));
  try {
    const file = join(dir, 'main.cf');
    writeFileSync(file, text);
    try {
      return execFileSync(cli(), ['lint', '--diff', file], { encoding: 'utf8' });
    } catch (e) {
      // Exit 1: the file as given has errors; the diff is printed all the same.
      if (e.status !== 1) throw e;
      return e.stdout;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pasteAndCopyFixed(page, text) {
  await page.getByRole('tab', { name: 'Check my config' }).click();
  await page.getByLabel('Configuration to check').fill(text);
  const panel = page.getByRole('region', { name: 'Fixed main.cf', exact: true });
  await panel.waitFor();
  await page.evaluate(() => navigator.clipboard.writeText('stale'));
  await panel.getByRole('button', { name: 'Copy', exact: true }).click();
  await panel.getByText('Copied', { exact: true }).waitFor();
  return { panel, copied: await page.evaluate(() => navigator.clipboard.readText()) };
}

test("the seed's main.cf fixed in the page is what lint --fix writes, byte for byte", async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const seed = readFileSync(join(FIXTURES, 'seed-main.cf'), 'utf8');
  const { panel, copied } = await pasteAndCopyFixed(page, seed);
  const expected = fixedByCli(seed);
  assert.notEqual(expected, seed, 'the CLI fixes something');
  assert.equal(copied, expected);
  // The changed lines are marked: every line with kann or ja.
  const marked = await panel.locator('mark.changed-line').allTextContents();
  assert.deepEqual(marked.map((l) => l.trim()), [
    'smtp_tls_security_level = may',
    'smtpd_tls_security_level = may',
    'smtpd_use_tls = yes',
  ]);
  // The diff and the commands are shown beside it.
  const diff = await page.getByRole('region', { name: 'Diff', exact: true }).locator('pre').textContent();
  // The same hunks as `lint --diff` prints (the file names differ).
  const hunks = (text) => text.slice(text.indexOf('@@'));
  assert.equal(hunks(diff), hunks(diffByCli(seed)));
  const commands = await page
    .getByRole('region', { name: 'postconf commands for the fix', exact: true })
    .locator('pre')
    .textContent();
  assert.ok(commands.includes("postconf -e 'smtpd_use_tls = yes'\n"), commands);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a choice picked in the page updates the fixed file', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const text = 'smtp_tls_security_level = verschlüsseln\n';
  const { copied } = await pasteAndCopyFixed(page, text);
  assert.equal(copied, text, 'nothing is certain before a choice');
  await page.getByRole('button', { name: /^encrypt: TLS is required/ }).click();
  const panel = page.getByRole('region', { name: 'Fixed main.cf', exact: true });
  await panel.getByText('smtp_tls_security_level = encrypt').waitFor();
  assert.equal(await panel.locator('pre').textContent(), 'smtp_tls_security_level = encrypt\n');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
