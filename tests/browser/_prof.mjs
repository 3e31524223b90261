import { readFileSync } from 'node:fs';
import { startSuite } from './harness.mjs';
import { open } from './page.mjs';
const suite = await startSuite();
try {
  const context = await suite.context();
  const page = await context.newPage();
  await open(page, suite.url);
  await page.getByRole('tab', { name: 'Check my config' }).click();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const area = await page.getByLabel('Configuration to check').elementHandle();
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(m => [m.name, m.value]));
  const kann = Array.from({ length: 1000 }, (_, i) => `smtpd_tls_security_level = kann${i}`).join('\n') + '\n';
  for (const [what, text, keys] of [['dist', readFileSync('/usr/share/postfix/main.cf.dist','utf8'), true], ['kann1000', kann, false]]) {
    const a = await metrics();
    const t = await page.evaluate(async ([box, value]) => {
      const settle = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
      const s = performance.now(); box.value = value; box.dispatchEvent(new Event('input', { bubbles: true })); await settle(); return performance.now() - s;
    }, [area, text]);
    const b = await metrics();
    const d = (k) => ((b[k] - a[k]) * 1000).toFixed(0);
    console.log(what, 'paste', t.toFixed(0), 'ms; script', d('ScriptDuration'), 'layout', d('LayoutDuration'), 'style', d('RecalcStyleDuration'), 'task', d('TaskDuration'), 'nodes', b.Nodes);
    if (keys) {
      const a2 = await metrics();
      const t2 = await page.evaluate(async (box) => {
        const settle = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        const out = [];
        for (let i = 0; i < 10; i++) { const s = performance.now(); box.value += 'x'; box.dispatchEvent(new Event('input', { bubbles: true })); await settle(); out.push(performance.now() - s); }
        return out;
      }, area);
      const b2 = await metrics();
      const d2 = (k) => ((b2[k] - a2[k]) * 100).toFixed(1);
      console.log('  per keystroke', t2.map(x => x.toFixed(0)).join(' '), '; script', d2('ScriptDuration'), 'layout', d2('LayoutDuration'), 'style', d2('RecalcStyleDuration'), 'task', d2('TaskDuration'));
    }
  }
  await context.close();
} finally { await suite.close(); }
