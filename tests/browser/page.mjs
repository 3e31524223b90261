// The page as a person sees it: the visible names of its panels and controls, in one place so
// that a renamed label is fixed here once. Everything is found by role, label or visible text.

/// Text that is in main.cf once the output is rendered.
export const OUTPUT_READY = 'smtpd_tls_security_level';

/// The checkbox the benchmark clicks: it changes every line of the main.cf panel.
export const TOGGLE_LABEL = 'Explain each line';

/// What an output panel shows instead of an empty configuration.
const EMPTY_OUTPUT = ['# nothing to add for these choices', '# für diese Auswahl ist nichts hinzuzufügen'];

/// What an output panel shows instead of the configuration while a choice is invalid.
export const WITHHELD = /No configuration while a choice is invalid|Keine Konfiguration, solange eine Auswahl ungültig ist/;

/// The notice shown when a share link cannot be used.
export const SHARED_IGNORED = 'The shared link could not be used, so the defaults are shown.';

/// The output panels: heading as shown, and the file name the core's JSON uses for it.
export const PANELS = [
  { heading: 'main.cf', key: 'main_cf' },
  { heading: 'master.cf', key: 'master_cf' },
  { heading: 'postconf commands', key: 'postconf' },
];

/// An output panel (main.cf, master.cf, postconf commands), found by its heading.
export function outputPanel(page, heading) {
  return page.getByRole('region', { name: heading, exact: true });
}

/// The text a panel shows as the configuration (its code block); '' for the placeholder of
/// an empty configuration, and when the configuration is withheld (a choice is invalid).
export async function panelText(page, heading) {
  const panel = outputPanel(page, heading);
  if ((await panel.locator('pre').count()) === 0 && (await panel.getByText(WITHHELD).count()) > 0) return '';
  const text = await panel.locator('pre').first().textContent();
  return EMPTY_OUTPUT.includes(text.trim()) ? '' : text;
}

/// The names of the page's tabs, in order.
export async function tabNames(page) {
  return page.getByRole('tab').allInnerTexts().then((names) => names.map((n) => n.trim()));
}

/// Switches the page's language with its language buttons (`English`, `Deutsch`).
export async function switchLanguage(page, endonym) {
  const group = page.getByRole('group', { name: /^(Language|Sprache)$/ });
  await group.getByRole('button', { name: endonym, exact: true }).click();
}

/// Opens the page and waits until the generated main.cf is visible.
export async function open(page, url) {
  await page.goto(url);
  await ready(page);
}

/// The id of the page's static copy, which shows until the app has started.
export const STATIC_COPY = 'prerender';

/// Waits until the app runs: the generated main.cf (or, for invalid choices, the reason there
/// is none) is visible and the page's static copy (visible from the first paint, but inert)
/// has been replaced.
export async function ready(page) {
  const main = outputPanel(page, 'main.cf');
  await main.getByText(OUTPUT_READY).or(main.getByText(WITHHELD)).first().waitFor({ timeout: 15_000 });
  await page.waitForFunction((id) => !document.getElementById(id), STATIC_COPY, { timeout: 15_000 });
}

/// Every form control of the page, by its label, with its state: what "the same page" means
/// for the share link. Radios are keyed by group and label; text fields by label.
export async function controlStates(page) {
  return page.evaluate(() => {
    const name = (el) => {
      const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.name ?? '';
      const group = el.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
      return `${group.trim()} / ${label.trim()}`.replace(/\s+/g, ' ');
    };
    const states = {};
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el.type === 'file' || el.closest('[hidden]')) continue;
      const value = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
      let key = name(el);
      while (key in states) key += ' (again)';
      states[key] = { value, disabled: el.disabled };
    }
    return states;
  });
}

/// The options as the page exports them (the "Export JSON" download).
export async function exportedOptions(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
