// The Check tab's Fixed view: the seed's main.cf fixed in the page is, byte for byte, what
// `postfix-tls lint --fix` writes, and opened in the generator it sets the choices the CLI
// reads from it; a choice picked in the page updates the fixed file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSuite, watch, cli, defaultOptions, FIXTURES } from './harness.mjs';
import { open, controlStates, exportedOptions } from './page.mjs';

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

/// What `postfix-tls generate --from` reads from this text for a Postfix version: the
/// options, the role's reason, and what it could not carry over, each as the page lists it
/// (`line N setting: reason`, the backticks of the CLI's text being the page's code marks).
function openedByCli(text, version) {
  const dir = mkdtempSync(join(tmpdir(), 'postfix-tls-from-'));
  try {
    const file = join(dir, 'main.cf');
    writeFileSync(file, text);
    const run = spawnSync(cli(), ['generate', '--from', file, '--postfix-version', version], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const notes = run.stderr.split('\n').filter((l) => l !== '');
    const role = notes.find((l) => l.startsWith('note: role '));
    const left = notes
      .filter((l) => l.includes('not carried over: '))
      .map((l) => {
        const [place, what] = l.split('not carried over: ');
        const line = place.match(/:(\d+): $/)?.[1];
        return `${line ? `line ${line} ` : ''}${what.replaceAll('`', '')}`;
      });
    return {
      options: JSON.parse(run.stdout),
      roleReason: role.slice(role.indexOf('): ') + 3).replaceAll('`', ''),
      left,
    };
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

test("the seed's main.cf fixed in the page is what lint --fix writes, byte for byte, and opens in the generator as the CLI reads it", async () => {
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

  // Then the fixed file, opened in the generator from the Fixed view, sets the choices the
  // CLI reads from it, for the version the Check tab checks against (the generator's).
  const version = defaultOptions().postfix;
  const want = openedByCli(copied, version);
  await page.getByRole('region', { name: 'Fixed', exact: true })
    .getByRole('button', { name: 'Open the fixed file in the generator' })
    .click();
  await page.getByRole('tab', { name: 'Generate', selected: true }).waitFor();
  const opened = page.getByRole('region', { name: 'Opened from your configuration' });
  await opened.waitFor();
  assert.deepEqual(await exportedOptions(page), { ...want.options, preset: want.options.preset ?? null });
  // The page's radios, checkboxes, selects and fields are those of the CLI's options,
  // imported into a fresh page.
  const shown = await controlStates(page);
  const other = await suite.context();
  const imported = await other.newPage();
  const seenImported = watch(imported);
  await open(imported, suite.url);
  await imported.getByLabel('Import JSON').setInputFiles({
    name: 'options.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(want.options)),
  });
  await imported.getByText('Settings imported.').waitFor();
  const fromCli = await controlStates(imported);
  assert.ok(Object.keys(fromCli).length > 20, 'the page has its controls');
  assert.deepEqual(shown, fromCli);
  assert.deepEqual(seenImported.errors, []);
  await other.close();
  // The role's reason and what was not carried over are the CLI's: the fixed `kann` is
  // carried over now, the obsolete switch is not.
  assert.ok((await opened.innerText()).includes(`(a guess: ${want.roleReason})`), await opened.innerText());
  const left = await opened.locator('ul.not-carried > li').allInnerTexts();
  assert.deepEqual(left, want.left);
  assert.ok(left.some((l) => l.startsWith('line 3 smtpd_use_tls = yes: ')), left.join('\n'));
  assert.ok(!left.some((l) => l.includes('kann')), left.join('\n'));
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
