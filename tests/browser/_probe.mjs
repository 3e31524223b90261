import { startSuite } from './harness.mjs';
import { open, outputPanel } from './page.mjs';
const suite = await startSuite();
const context = await suite.context();
const page = await context.newPage();
await open(page, suite.url);
const panel = outputPanel(page, 'main.cf');
const toggle = page.getByLabel('TLS logging', { exact: true });
const times = await page.evaluate(async ([input, target, n]) => {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const before = target.textContent;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { if (target.textContent !== before) { const now = performance.now(); observer.disconnect(); resolve(now); } });
      observer.observe(target, { childList: true, subtree: true, characterData: true });
    });
    const start = performance.now();
    input.click();
    samples.push((await changed) - start);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  return samples;
}, [await toggle.elementHandle(), await panel.elementHandle(), 300]);
console.log(times.map((t, i) => t > 4 ? `${i}:${t.toFixed(1)}` : null).filter(Boolean).join(' '));
const s = [...times].sort((a, b) => a - b);
console.log('median', s[150].toFixed(2), 'p90', s[270].toFixed(2), 'p95', s[285].toFixed(2));
await suite.close();
