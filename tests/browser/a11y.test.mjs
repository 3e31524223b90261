// Accessibility and looks: axe-core finds no serious or critical violation, every control is
// reachable and operable by keyboard with a visible focus, and the page is screenshotted on a
// desktop, at 360 px and in dark mode (tests/browser/output/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, watch, axe, screenshot, FIXTURES } from './harness.mjs';
import { open, panelText, tabNames, TOGGLE_LABEL } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// Violations that keep a person from using the page.
function blocking(result) {
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

const VIEWS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  'mobile-360': { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  dark: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
};

for (const [view, options] of Object.entries(VIEWS)) {
  test(`axe finds no serious violation on every tab (${view}), screenshots`, async () => {
    const context = await suite.context(options);
    const page = await context.newPage();
    const seen = watch(page);
    await open(page, suite.url);
    // Something to show in the warnings: encrypt on a public MX.
    await page.getByRole('group', { name: 'TLS on port 25' }).getByLabel('Required (encrypt)').check();
    assert.deepEqual(blocking(await axe(page)), [], 'generate tab');
    await screenshot(page, `${view}-generate`);

    if (view === 'mobile-360') {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `the page is ${width}px wide at a 360px viewport`);
    }

    for (const tab of (await tabNames(page)).slice(1)) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Check my config') {
        // With findings, so their markup is scanned too.
        await page.getByLabel('Configuration to check').fill(readFileSync(join(FIXTURES, 'seed-master-submission.cf'), 'utf8'));
        await page.getByRole('region', { name: 'Findings' }).getByText('Read as:').waitFor();
      }
      assert.deepEqual(blocking(await axe(page)), [], `${tab} tab`);
      await screenshot(page, `${view}-${tab.toLowerCase().replace(/\W+/g, '-')}`);
    }
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

/// Tabs through the page and returns, for each stop, what has focus and whether a focus
/// indicator is drawn (an outline or a box shadow).
async function tabStops(page, limit) {
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      return {
        id: el.dataset.stop ?? (el.dataset.stop = String(Math.random())),
        tag: el.tagName.toLowerCase(),
        type: el.type ?? '',
        name: el.name ?? '',
        text: (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
        focusVisible: el.matches(':focus-visible'),
        indicator: outline || shadow,
      };
    });
    if (stop === null) continue;
    if (stops.length > 0 && stop.id === stops[0].id) break;
    stops.push(stop);
  }
  return stops;
}

test('keyboard only: every control is reachable with a visible focus, and operable', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);

  // What must be reachable: every enabled, visible control (a radio group is one stop).
  const expected = await page.evaluate(() => {
    // Inside a closed <details> only the summary can take focus.
    const folded = (el) => {
      const details = el.closest('details:not([open])');
      return details !== null && el.closest('summary')?.parentElement !== details;
    };
    const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && !folded(el);
    const keys = new Set();
    let n = 0;
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
      if (el.disabled || !visible(el) || el.tabIndex < 0) continue;
      if (el.type === 'radio') keys.add(`radio:${el.name}`);
      else {
        const label = (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
        keys.add((el.dataset.want = `${n++}: ${el.tagName.toLowerCase()}#${el.id} "${label.slice(0, 50)}"`));
      }
    }
    return [...keys];
  });
  assert.ok(expected.length > 20, `only ${expected.length} controls found`);
  const stops = await tabStops(page, expected.length * 2 + 20);
  const reached = new Set(
    await page.evaluate(() =>
      [...document.querySelectorAll('[data-stop]')].map((el) => (el.type === 'radio' ? `radio:${el.name}` : el.dataset.want)),
    ),
  );
  const missed = expected.filter((key) => !reached.has(key));
  assert.deepEqual(missed, [], 'controls never reached by Tab');
  const invisible = stops.filter((s) => !s.indicator).map((s) => `${s.tag}[${s.type}] ${s.text}`);
  assert.deepEqual(invisible, [], 'focused without a visible focus indicator');

  // Operable: Space toggles a checkbox, arrows move a radio group, Enter switches tabs.
  const before = await panelText(page, 'main.cf');
  await page.getByLabel(TOGGLE_LABEL, { exact: true }).focus();
  await page.keyboard.press('Space');
  assert.ok(await page.getByLabel(TOGGLE_LABEL, { exact: true }).isChecked());
  assert.notEqual(await panelText(page, 'main.cf'), before);

  const port25 = page.getByRole('group', { name: 'TLS on port 25' });
  await port25.getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('ArrowDown');
  assert.ok(await port25.getByLabel('Required (encrypt)').isChecked(), 'ArrowDown moved may -> encrypt');

  await page.getByRole('tab', { name: 'Check my config' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Configuration to check').waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});
