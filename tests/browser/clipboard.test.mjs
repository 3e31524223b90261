// Each Copy button puts exactly its panel's text on the clipboard, through the Clipboard API
// and, when that is missing or refused, through the fallback (select + copy command).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, watch } from './harness.mjs';
import { open, outputPanel, PANELS } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// The exact text of a panel's code block (textContent: no layout, no trimming).
function exactText(page, heading) {
  return outputPanel(page, heading).locator('pre').first().evaluate((pre) => pre.textContent);
}

/// Records what the page's copy command copies: the selection when the `copy` event fires.
const RECORD_COPY_EVENTS = () => {
  window.__copied = [];
  document.addEventListener('copy', () => window.__copied.push(String(document.getSelection())), true);
};

async function readClipboard(context) {
  // Read from a separate page without any clipboard tampering: the browser's clipboard.
  const reader = await context.newPage();
  await reader.goto(suite.url);
  await reader.bringToFront();
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  return text;
}

test('each Copy button puts exactly the panel text on the clipboard', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  for (const { heading } of PANELS) {
    const panel = outputPanel(page, heading);
    const expected = await exactText(page, heading);
    assert.ok(expected.length > 0, `${heading} is empty`);
    // A different text first, so a copy that does nothing cannot pass.
    await page.evaluate(() => navigator.clipboard.writeText('stale'));
    await panel.getByRole('button', { name: 'Copy', exact: true }).click();
    await panel.getByText('Copied', { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected, heading);
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('each Copy button of the How to verify tab copies exactly its commands', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.getByRole('tab', { name: 'How to verify' }).click();
  // Every block with a Copy button, by its heading.
  const blocks = page.getByRole('region').filter({ has: page.getByRole('button', { name: 'Copy', exact: true }) });
  const count = await blocks.count();
  assert.ok(count >= 3, `only ${count} blocks with a Copy button`);
  for (let i = 0; i < count; i++) {
    const block = blocks.nth(i);
    const expected = await block.locator('pre').first().evaluate((pre) => pre.textContent);
    await page.evaluate(() => navigator.clipboard.writeText('stale'));
    await block.getByRole('button', { name: 'Copy', exact: true }).click();
    await block.getByText('Copied', { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected, await block.getByRole('heading').first().innerText());
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});

const REFUSALS = {
  'no Clipboard API': () => {
    delete Navigator.prototype.clipboard;
  },
  'Clipboard API refuses to write': () => {
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  },
};

for (const [name, refuse] of Object.entries(REFUSALS)) {
  test(`the Copy fallback works when the Clipboard API is refused (${name})`, async () => {
    const context = await suite.context();
    const page = await context.newPage();
    const seen = watch(page);
    await page.addInitScript(refuse);
    await page.addInitScript(RECORD_COPY_EVENTS);
    await open(page, suite.url);
    for (const { heading } of PANELS) {
      const panel = outputPanel(page, heading);
      const expected = await exactText(page, heading);
      await page.evaluate(() => (window.__copied = []));
      await panel.getByRole('button', { name: 'Copy', exact: true }).click();
      // The fallback selects the text and runs the copy command; the button says which way
      // it went.
      await panel.getByText(/^(Copied|Copy failed - text selected)$/).waitFor();
      // A selection of a <pre> serialises without its final line break, so the fallback is
      // compared up to trailing whitespace; everything else must be exact.
      const copied = await page.evaluate(() => window.__copied);
      assert.equal(copied.length, 1, `${heading}: the copy command ran once`);
      assert.equal(copied[0].trimEnd(), expected.trimEnd(), `${heading}: what the copy command copied`);
      const selection = await page.evaluate(() => String(document.getSelection()));
      assert.equal(selection.trimEnd(), expected.trimEnd(), `${heading}: the selection`);
      assert.equal((await readClipboard(context)).trimEnd(), expected.trimEnd(), `${heading}: the clipboard`);
    }
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}
