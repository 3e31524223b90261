// A mail admin's first real use (issue 15): an invalid value never yields a configuration that
// breaks the server, what is chosen is what is written, and the page is quick to get through
// by keyboard and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, watch, screenshot, OUTPUT } from './harness.mjs';
import { open, outputPanel, panelText, PANELS, WITHHELD } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/// What a control's `aria-describedby` points at, as text, in order.
async function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

test('an invalid value: its error at the field, no configuration, and Copy and Download say so', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const domain = page.getByLabel('Certificate domain', { exact: true });
  assert.equal(await domain.getAttribute('aria-invalid'), 'false');

  await domain.fill('https://mail.example.org/');
  assert.equal(await domain.getAttribute('aria-invalid'), 'true');
  // The error is the field's description, and is drawn right below it.
  const described = await description(domain);
  assert.match(described, /^error certificate domain contains :/i, described);
  const gap = await domain.evaluate((el) => {
    const error = document.getElementById(el.getAttribute('aria-describedby').split(/\s+/)[0]);
    return error.getBoundingClientRect().top - el.getBoundingClientRect().bottom;
  });
  assert.ok(gap >= 0 && gap < 40, `the error is ${gap}px below the field`);

  // One error, not its consequences (empty certificate parameters, TLS without a certificate).
  const tally = page.getByRole('region', { name: /^Warnings and notes/ }).getByRole('heading').first();
  assert.match(await tally.innerText(), /\b1 error\b/);
  assert.doesNotMatch(await tally.innerText(), /errors/);

  // No configuration that would turn TLS off: the reason instead, in every panel.
  for (const { heading } of PANELS) {
    const panel = outputPanel(page, heading);
    await panel.getByText(WITHHELD).waitFor();
    assert.equal(await panelText(page, heading), '', `${heading} still shows a configuration`);
    assert.ok(!(await panel.innerText()).includes('smtpd_tls_cert_file'), `${heading} shows a setting`);
    assert.match(await panel.innerText(), /certificate domain contains/);
  }

  // Copy copies nothing, Download downloads nothing, and both say so.
  const main = outputPanel(page, 'main.cf');
  await page.evaluate(() => navigator.clipboard.writeText('stale'));
  await main.getByRole('button', { name: 'Copy', exact: true }).click();
  await main.getByRole('status').getByText(/^Nothing copied or downloaded: a choice is invalid$/).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'stale');
  let downloads = 0;
  page.on('download', () => downloads++);
  const postconf = outputPanel(page, 'postconf commands');
  await postconf.getByRole('button', { name: 'Download', exact: true }).click();
  await postconf.getByRole('status').getByText(/^Nothing copied or downloaded/).waitFor();
  await page.waitForTimeout(500);
  assert.equal(downloads, 0, 'a file was downloaded');

  // The How to verify commands would carry the URL as a host name: withheld there too.
  await page.getByRole('tab', { name: 'How to verify' }).click();
  const verify = page.getByRole('tabpanel');
  await verify.getByText(WITHHELD).first().waitFor();
  assert.equal(await verify.locator('pre').count(), 0, 'verify commands shown for an invalid choice');
  assert.doesNotMatch(await verify.innerText(), /-connect https:/);
  await page.getByRole('tab', { name: 'Generate' }).click();

  // Corrected, the configuration is back and Copy works again.
  await domain.fill('mail.example.org');
  assert.equal(await domain.getAttribute('aria-invalid'), 'false');
  assert.match(await panelText(page, 'main.cf'), /\/etc\/letsencrypt\/live\/mail\.example\.org\/fullchain\.pem/);
  await main.getByRole('button', { name: 'Copy', exact: true }).click();
  await main.getByText('Copied', { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await panelText(page, 'main.cf'));
  assert.deepEqual(seen.errors, []);
  await context.close();
});

/// For some choices, where the output shows the value chosen. (Each returns true when the
/// output agrees; a parameter a Postfix version does not have is not asked for.)
const SHOWN_IN_OUTPUT = {
  'TLS on port 25': (value, text) => !text.includes('smtpd_tls_security_level') || text.includes(`smtpd_tls_security_level = ${value}\n`),
  'Outbound TLS': (value, text) => !text.includes('smtp_tls_security_level') || text.includes(`smtp_tls_security_level = ${value}\n`),
  'SASL server': (value, text) => text.includes(`smtpd_sasl_type = ${value}\n`) || (value === 'cyrus' && !text.includes('smtpd_sasl_type')),
  Certificate: (value, text) => text.includes({ 'lets-encrypt': '/etc/letsencrypt/live/', snakeoil: 'snakeoil', custom: '/etc/postfix/tls/' }[value]),
  'Certificate parameters': (value, text) => text.includes(value === 'chain-files' ? 'smtpd_tls_chain_files = /' : 'smtpd_tls_cert_file = /'),
  'Role of the host': (value, text) => (value === 'null-client') === text.includes('inet_interfaces = loopback-only'),
};

/// Every radio group and drop-down of the Generate tab with its chosen value: whether that
/// value (or the whole control) is disabled, the visible reason, and what the findings and
/// the output say.
async function chosen(page) {
  return page.evaluate(() => {
    const describedBy = (el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const controls = [];
    const form = document.querySelector('.choices');
    for (const fieldset of form.querySelectorAll('fieldset')) {
      const radio = fieldset.querySelector('input[type=radio]:checked');
      if (!radio) continue;
      controls.push({
        name: fieldset.querySelector('legend').textContent.trim(),
        value: radio.value,
        disabled: radio.disabled,
        invalid: false,
        reason: `${describedBy(radio)} ${describedBy(fieldset)}`,
      });
    }
    for (const select of form.querySelectorAll('select')) {
      const option = select.selectedOptions[0];
      controls.push({
        name: select.labels[0].textContent.trim(),
        value: option.value,
        disabled: select.disabled || option.disabled,
        invalid: select.getAttribute('aria-invalid') === 'true',
        reason: `${option.textContent} ${describedBy(select)}`,
      });
    }
    const findings = document.querySelector('.findings').innerText;
    const output = [...document.querySelectorAll('.results pre')].map((pre) => pre.textContent).join('\n');
    const withheld = document.querySelector('.results').innerText.includes('No configuration while a choice is invalid');
    return { controls, findings, output, withheld };
  });
}

/// Every chosen value is in effect, or its control says why it cannot be.
/// A refused value (an OpenSSL too old for the Postfix version) is a third state: marked
/// invalid with its error, and no configuration at all.
function assertChosenIsWhatYouGet({ controls, findings, output, withheld }, step) {
  const invalid = controls.filter((c) => c.invalid);
  assert.equal(withheld, invalid.length > 0, `${step}: configuration withheld for ${invalid.map((c) => c.name)}`);
  for (const { name, value, disabled, invalid, reason } of controls) {
    if (disabled) {
      assert.match(reason, /Not available: \S/, `${step}: ${name} = ${value} is disabled without a reason`);
      continue;
    }
    if (invalid) {
      assert.match(reason, /error \S/i, `${step}: ${name} = ${value} is invalid without its error`);
      continue;
    }
    if (withheld) continue;
    assert.ok(!findings.includes(`${value} is not available for`), `${step}: ${name} = ${value} is selected, but the output uses another value`);
    const shown = SHOWN_IN_OUTPUT[name];
    if (shown) assert.ok(shown(value, output), `${step}: ${name} = ${value} is selected, but the output says otherwise`);
  }
}

test('what you choose is what you get: every value of every radio group and drop-down', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const choices = page.locator('.choices');
  assertChosenIsWhatYouGet(await chosen(page), 'defaults');
  const reset = page.getByRole('button', { name: 'Reset to defaults' });

  // The example of issue 15: `encrypt` on port 25 of a public MX, with the RFC 3207 warning.
  const port25 = page.getByRole('group', { name: 'TLS on port 25' });
  await port25.getByLabel('Required (encrypt)').check();
  assert.match(await panelText(page, 'main.cf'), /^smtpd_tls_security_level = encrypt$/m);
  await port25.locator('xpath=ancestor::section[1]').getByRole('note').filter({ hasText: /RFC 3207/ }).first().waitFor();
  await reset.click();

  // The radio groups (a <details> is a group too).
  const groups = choices.getByRole('group').filter({ has: page.getByRole('radio') });
  let picks = 0;
  for (let g = 0; g < (await groups.count()); g++) {
    const group = groups.nth(g);
    const name = (await group.locator('legend').innerText()).trim();
    const radios = group.getByRole('radio');
    for (let r = 0; r < (await radios.count()); r++) {
      if (await radios.nth(r).isDisabled()) continue;
      const value = await radios.nth(r).getAttribute('value');
      await radios.nth(r).check();
      assertChosenIsWhatYouGet(await chosen(page), `${name}: ${value}`);
      picks++;
      await reset.click();
    }
  }
  const selects = choices.getByRole('combobox');
  for (let s = 0; s < (await selects.count()); s++) {
    const select = selects.nth(s);
    const name = await select.evaluate((el) => el.labels[0].textContent.trim());
    const values = await select.evaluate((el) => [...el.options].filter((o) => !o.disabled).map((o) => o.value));
    for (const value of values) {
      if (await select.isDisabled()) break;
      await select.selectOption(value);
      assertChosenIsWhatYouGet(await chosen(page), `${name}: ${value || '(none)'}`);
      picks++;
      await reset.click();
    }
  }
  assert.ok(picks > 40, `only ${picks} values tried`);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('each postconf(5) link once per section, and a skip link to the configuration', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const sections = page.locator('.choices').getByRole('region');
  assert.ok((await sections.count()) >= 7);
  for (let i = 0; i < (await sections.count()); i++) {
    const section = sections.nth(i);
    const links = await section.getByRole('link').evaluateAll((as) =>
      as.filter((a) => a.href.includes('postconf.5.html')).map((a) => a.textContent.trim()),
    );
    const twice = links.filter((name, j) => links.indexOf(name) !== j);
    assert.deepEqual(twice, [], `${await section.getByRole('heading').first().innerText()}: linked again`);
  }

  // From the top of the page: the skip link, then a few Tabs to the first Copy button.
  await page.keyboard.press('Tab');
  let focused = await page.evaluate(() => document.activeElement.textContent.trim());
  if (focused !== 'Skip to the configuration') {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.textContent.trim());
  }
  assert.equal(focused, 'Skip to the configuration');
  assert.ok(await page.getByRole('link', { name: 'Skip to the configuration' }).isVisible(), 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  let presses = 0;
  for (; presses < 30; presses++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement.textContent.trim());
    if (name === 'Copy') break;
  }
  assert.ok(presses < 10, `${presses + 1} Tab presses from the skip link to the first Copy button`);
  const copy = await page.evaluate(() => document.activeElement.closest('section').getAttribute('aria-labelledby'));
  // The postconf commands come first: they are the safe way to apply the output.
  assert.equal(copy, 'postconf-heading', 'the first Copy button is the postconf commands\'');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

for (const [view, options] of Object.entries({
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
})) {
  test(`long lines wrap visibly inside their box (${view}), and Copy copies them exactly`, async () => {
    const context = await suite.context(options);
    const page = await context.newPage();
    const seen = watch(page);
    await open(page, suite.url);
    const pre = outputPanel(page, 'main.cf').locator('pre').first();
    const text = await pre.textContent();
    const long = text.split('\n').find((line) => line.startsWith('smtpd_tls_chain_files = /etc/letsencrypt/live/'));
    assert.ok(long, 'the default main.cf has the chain_files line');
    const layout = await pre.evaluate((el, line) => {
      const node = [...el.querySelectorAll('*'), el].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === 3 && n.data.includes(line));
      const range = document.createRange();
      const start = node.data.indexOf(line);
      range.setStart(node, start);
      range.setEnd(node, start + line.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const box = el.getBoundingClientRect();
      return {
        overflow: el.scrollWidth - el.clientWidth,
        rows: [...new Set(rects.map((r) => Math.round(r.top)))].length,
        firstLeft: Math.min(...rects.filter((r) => Math.round(r.top) === Math.round(rects[0].top)).map((r) => r.left)),
        laterLeft: Math.min(...rects.filter((r) => Math.round(r.top) !== Math.round(rects[0].top)).map((r) => r.left)),
        right: Math.max(...rects.map((r) => r.right)),
        boxRight: box.right,
      };
    }, long);
    assert.equal(layout.overflow, 0, 'the box scrolls sideways: part of a line is hidden');
    assert.ok(layout.rows > 1, `the ${long.length}-character line is on ${layout.rows} row(s)`);
    assert.ok(layout.laterLeft > layout.firstLeft + 10, 'a continuation is not indented: it reads as a line of its own');
    assert.ok(layout.right <= layout.boxRight, 'the line runs out of its box');
    await outputPanel(page, 'main.cf').getByRole('button', { name: 'Copy', exact: true }).click();
    await outputPanel(page, 'main.cf').getByText('Copied', { exact: true }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, text);
    assert.ok(copied.split('\n').includes(long), 'the long line was copied as one line');
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test('on a phone the configuration is one tap from anywhere in the choices', async () => {
  const context = await suite.context({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const show = page.getByRole('link', { name: 'Show configuration' });
  const inView = (box) => box !== null && box.y >= 0 && box.y + box.height <= 740;
  assert.ok(inView(await show.boundingBox()), 'not on the first screen');
  // Halfway through the choices it is still on screen.
  await page.getByRole('group', { name: 'Outbound TLS' }).scrollIntoViewIfNeeded();
  assert.ok(inView(await show.boundingBox()), 'not on screen in the middle of the choices');
  await show.tap();
  await page.waitForFunction(() => {
    // The first block of the output: the postconf commands.
    const top = document.getElementById('postconf-heading').getBoundingClientRect().top;
    return top >= 0 && top < 2 * window.innerHeight;
  });
  await screenshot(page, 'phone-configuration');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a choice that does not apply looks disabled, not chosen, and says why calmly', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  const role = page.getByRole('group', { name: 'Role of the host' });
  await role.getByLabel('Send-only (null client)').check();
  const port25 = page.getByRole('group', { name: 'TLS on port 25' });
  const kept = port25.getByRole('radio', { checked: true });
  assert.ok(await kept.isDisabled());
  const look = (radio) =>
    radio.evaluate((el) => {
      const card = el.parentElement;
      const style = getComputedStyle(card);
      return { background: style.backgroundColor, border: `${style.borderStyle} ${style.borderColor}` };
    });
  // The chosen role is drawn as chosen; the kept port-25 value is not.
  const chosenLook = await look(role.getByRole('radio', { checked: true }));
  const keptLook = await look(kept);
  assert.notEqual(keptLook.background, chosenLook.background, 'the disabled value looks chosen');
  assert.notEqual(keptLook.border, chosenLook.border, 'the disabled value looks chosen');
  // The reason reads like the help beside it, not like a warning.
  const reason = port25.getByText(/^Not available: a send-only host receives no mail$/);
  assert.ok(await reason.isVisible());
  const colour = (locator) => locator.evaluate((el) => getComputedStyle(el).color);
  const help = port25.getByText('STARTTLS for mail arriving from other servers on port 25');
  assert.equal(await colour(reason), await colour(help), 'the reason is coloured like a warning');
  const warning = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--warning').trim());
  assert.ok(warning.length > 0);
  // A switch that does not apply (submission on a send-only host) shows off, not a greyed tick.
  const submission = page.getByLabel('Submission on port 587', { exact: true });
  assert.ok(await submission.isDisabled());
  assert.equal(await submission.isChecked(), false, 'a disabled switch looks on');
  assert.equal(await outputPanel(page, 'master.cf').getByText(/^submission +inet/).count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the Check tab follows the Postfix version of the Generate tab, says so, and can differ', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await page.getByLabel('Postfix version', { exact: true }).selectOption('3.3');
  await page.getByRole('tab', { name: 'Check my config' }).click();
  const version = page.getByLabel('Postfix version', { exact: true });
  assert.equal(await version.locator('option:checked').innerText(), '3.3 (as on the Generate tab)');
  await page.getByLabel('Configuration to check').fill('smtpd_tls_chain_files = /etc/postfix/key.pem, /etc/postfix/fullchain.pem\n');
  const result = page.getByRole('region', { name: /^Findings/ });
  await result.getByText('Checked against Postfix 3.3').waitFor();
  await result.getByText(/needs Postfix 3\.4/).first().waitFor();
  // Another version picked beside the text is used instead.
  await version.selectOption('3.11');
  await result.getByText('Checked against Postfix 3.11').waitFor();
  assert.equal(await result.getByText(/needs Postfix 3\.4/).count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('screenshots for the README: desktop and phone', async () => {
  mkdirSync(OUTPUT, { recursive: true });
  for (const [name, options] of Object.entries({
    'readme-desktop': { viewport: { width: 1280, height: 900 } },
    'readme-phone': { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  })) {
    const context = await suite.context(options);
    const page = await context.newPage();
    // Scrolling at once, not smoothly: the screenshots show where it ends.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, suite.url);
    await page.getByRole('group', { name: 'TLS on port 25' }).getByLabel('Required (encrypt)').check();
    // No hover left on a section link by the click.
    await page.mouse.move(1, 739);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
    if (name === 'readme-phone') {
      // One tap on "Show configuration": the configuration's top on screen.
      await page.getByRole('link', { name: 'Show configuration' }).tap();
      await page.waitForFunction(() => Math.abs(document.getElementById('results').getBoundingClientRect().top) < 2);
      await page.screenshot({ path: join(OUTPUT, `${name}-configuration.png`) });
    }
    await context.close();
  }
});
