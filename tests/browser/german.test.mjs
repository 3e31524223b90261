// The German switch: no English is left visible on any tab, apart from configuration text and
// parameter names, and the generated configuration stays the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSuite, watch, screenshot, FIXTURES } from './harness.mjs';
import { open, panelText, PANELS, switchLanguage, tabNames } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

// Words that are the same in both languages: names of products, protocols, standards and
// Postfix's own vocabulary. Anything else that is English fails the test.
const ALLOWED = new Set(
  `Postfix OpenSSL Dovecot Cyrus SASL DANE TLS SSL SMTP ESMTPS ESMTPSA STARTTLS MX RFC ECDSA RSA CA
   JSON DH Logjam FREAK Let's Encrypt Debian Ubuntu RHEL Rocky Alma Alpine SUSE openSUSE Fedora FreeBSD
   Received postconf postfix reload openssl posttls-finger s_client smarthost Smarthost Relay MTA
   main.cf master.cf Submission Submissions submission submissions smtps smtp smtpd Snakeoil snakeoil
   Distribution ssl-cert certbot internet.nl testssl.sh Mozilla English Deutsch IANA DNSSEC TLSA SNI AUTH PLAIN
   LOGIN Null-Client Cipher Ciphers Port Ports Host Hosts Server Link Start Status Version Details
   Name Domain Mail Opportunistisch Export Import Intermediate Modern may encrypt dane verify secure
   none yes no`.split(/\s+/),
);

// English words that are never German: if one is visible, something was not translated.
const ENGLISH = /\b(the|and|with|your|you|for|this|that|is|are|not|of|to|on|or|be|when|which|only|from|all|copy|copied|download|warning|warnings|error|errors|check|choose|enable|disable|certificate|outbound|inbound|protocols|ciphers|logging|settings|share|reset|defaults|line|file|explanation|source|how|why|what)\b/i;

/// Visible text outside configuration text: text nodes, plus labels read by assistive
/// technology (aria-label, title, placeholder) and the document title.
async function visibleWords(page) {
  return page.evaluate(() => {
    const isConfig = (el) => el.closest('pre, code, textarea, kbd, samp, [translate="no"]') !== null;
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || isConfig(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (node.textContent.trim()) texts.push(node.textContent.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        if (el.getAttribute(attr)) texts.push(el.getAttribute(attr));
      }
    }
    return texts;
  });
}

/// The English words in a German page's text, once parameter names, paths, options and
/// allowed names are taken out: words from the list of English words anywhere, and every
/// word of a text that is exactly as it was on the English page (it was not translated).
function englishIn(text, englishTexts) {
  const stripped = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/"[^"]*"/g, ' ') // Postfix's own messages, quoted as it logs them
    .replace(/\b[\w-]+\(\d\)/g, ' ') // manual pages: master(5)
    .replace(/\bpostfix (check|reload|start|stop|status)\b/g, ' ') // commands
    .replace(/\S*[_\/$=]\S*/g, ' ') // parameter names, paths, `name=value`, $variables
    .replace(/--?[a-z0-9-]+/g, ' '); // command-line flags
  const untranslated = englishTexts.has(text);
  return stripped
    .split(/[^\p{L}'.-]+/u)
    .map((word) => word.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((word) => word.length > 0 && !ALLOWED.has(word))
    .filter((word) => ENGLISH.test(word) || (untranslated && word.length > 2 && !/^[A-Z0-9]+$/.test(word)));
}

async function switchToGerman(page) {
  await switchLanguage(page, 'Deutsch');
  await page.getByRole('tab', { name: 'Meine Konfiguration prüfen' }).waitFor();
}

/// The tabs in the page's current language, each with what to do on it so that all its
/// texts show (the check tab gets the seed's snippet and so its findings).
async function tabs(page) {
  const seed = readFileSync(join(FIXTURES, 'seed-master-submission.cf'), 'utf8');
  return (await tabNames(page)).map((tab) => [
    tab,
    ['Check my config', 'Meine Konfiguration prüfen'].includes(tab)
      ? async () => {
          await page.getByRole('textbox', { name: /^(Configuration to check|Zu prüfende Konfiguration)$/ }).fill(seed);
          await page.getByText(/^(Read as|Gelesen als): /).waitFor();
        }
      : null,
  ]);
}

/// Opens every collapsed explanation, so its text is checked too.
async function openExplanations(page) {
  for (const summary of await page.locator('details:not([open]) > summary').all()) {
    if (await summary.isVisible()) await summary.click();
  }
}

test('the German switch leaves no English visible on any tab', async () => {
  const context = await suite.context({ locale: 'en-US' });
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  // Warnings and a second certificate, so their texts are on the page too.
  await page.getByRole('group', { name: 'TLS on port 25' }).getByLabel('Required (encrypt)').check();
  await page.getByLabel('Second (ECDSA) certificate', { exact: true }).check();
  const english = {};
  for (const { heading } of PANELS) english[heading] = await panelText(page, heading);
  const englishTexts = new Set();
  for (const [tab, prepare] of await tabs(page)) {
    await page.getByRole('tab', { name: tab }).click();
    if (prepare) await prepare();
    await openExplanations(page);
    for (const text of await visibleWords(page)) englishTexts.add(text);
  }
  await page.getByRole('tab', { name: 'Generate' }).click();

  await switchToGerman(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  for (const { heading } of PANELS) {
    // Panel headings are file names (the same) except the postconf one.
    const shown = heading === 'postconf commands' ? 'postconf-Befehle' : heading;
    assert.equal(await panelText(page, shown), english[heading], `${heading}: the config changed with the language`);
  }

  const leftovers = {};
  for (const [tab, prepare] of await tabs(page)) {
    await page.getByRole('tab', { name: tab }).click();
    if (prepare) await prepare();
    await openExplanations(page);
    await screenshot(page, `german-${tab.replace(/\W+/g, '-')}`);
    for (const text of await visibleWords(page)) {
      const words = englishIn(text, englishTexts);
      if (words.length > 0) leftovers[text] = words;
    }
  }
  assert.deepEqual(leftovers, {}, 'English text left on the German page');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the page starts in German for a German browser', async () => {
  const context = await suite.context({ locale: 'de-DE' });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(suite.url);
  await page.getByRole('tab', { name: 'Meine Konfiguration prüfen' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
