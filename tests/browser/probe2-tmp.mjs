import { startSuite } from './harness.mjs';
import { open } from './page.mjs';
const suite = await startSuite();
const context = await suite.context();
const page = await context.newPage();
await open(page, suite.url);
await page.getByRole('tab', { name: 'Check my config' }).click();
const area = await page.getByLabel('Configuration to check').elementHandle();
const text = Array.from({ length: 5000 }, (_, i) => `smtpd_tls_security_level = kann${i}`).join('\n') + '\n';
await page.evaluate(([box, value]) => { box.value = value; box.dispatchEvent(new Event('input', { bubbles: true })); }, [area, text]);
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => {
  const count = {};
  for (const el of document.querySelectorAll('#app *')) { const k = el.tagName + '.' + (el.className || '').toString().split(' ')[0]; count[k] = (count[k] ?? 0) + 1; }
  return Object.entries(count).sort((a, b) => b[1] - a[1]).slice(0, 15);
}));
await context.close(); await suite.close();
