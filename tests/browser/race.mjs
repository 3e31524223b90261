// The side-by-side benchmark (issue 14): this page and Mozilla's SSL configuration generator,
// both served gzip-compressed from 127.0.0.1, cold loads alternating, in Lighthouse's mobile
// profile and without throttling. For each load: when the output was first painted, when the
// first real mouse click on a visible control changed the output (clicks every 40 ms from
// navigation on), when this page's app started (from then on every control answers), and the
// bytes moved. Used by bench.mjs; it is not a test.

import { serve } from './server.mjs';
import { TOGGLE_LABEL } from './page.mjs';

/// Cold loads of each page per profile (alternating).
const LOADS = 8;

/// From navigation on, a click is sent this often until the output changes.
const CLICK_EVERY_MS = 40;

/// Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU
/// slowed 4x (through the DevTools protocol, as Lighthouse does it).
export const PROFILES = [
  {
    key: 'mobile',
    name: "Lighthouse's mobile profile (150 ms RTT, 1.6 Mbit/s, CPU 4x)",
    network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
    cpu: 4,
  },
  { key: 'none', name: 'no throttling', network: null, cpu: 1 },
];

/// Mozilla's figures as measured for issue 14 on this machine, printed as the reference when
/// its build is not at hand (and beside the measured ones when it is).
export const MOZILLA_REFERENCE = {
  mobile: { painted: 1277, click: 1258, kb: 58 },
  none: { painted: 282, click: 184, kb: 58 },
};

/// The page's output text, for each app: this page's main.cf panel (the static copy's until
/// the app replaces it), Mozilla's output block. Evaluated in the page; null while not shown.
const OURS_OUTPUT = `(() => {
  const heading = document.getElementById('main-cf-heading');
  const pre = heading?.closest('section')?.querySelector('pre');
  return pre && pre.checkVisibility() ? pre.textContent : null;
})()`;
const MOZILLA_OUTPUT = `(() => {
  const code = document.getElementById('output-config');
  return code && code.checkVisibility() && code.textContent !== '' ? code.textContent : null;
})()`;

/// Installed before any page script: logs (as console messages the benchmark listens to) the
/// frame in which the output was first painted and the frame in which it first differed from
/// the output for the defaults (`unclicked`). A click that lands before the page's script has
/// run and shows in the first output counts as working from then. After a change of the page
/// the output is read once, in the next frame after its layout and before its paint (where a
/// new ResizeObserver reports): so the frame read is the frame painted, also when the page
/// changes the output in an animation frame callback, and reading it (checkVisibility asks
/// for style and layout) costs nothing the frame does not do anyway. Reading it on each change
/// instead forced a layout of the half-parsed page many times over (87 ms of one no-throttling
/// load of this page), and reading it in an animation frame callback missed a change made by
/// a later callback of the same frame.
function observer(outputExpression, unclicked) {
  return `(() => {
    const output = () => ${outputExpression};
    const unclicked = ${JSON.stringify(unclicked)};
    let painted = false;
    let changed = false;
    let scheduled = false;
    const report = (what) => console.debug('bench:' + what + ':' + performance.now());
    const check = () => {
      const text = output();
      if (text === null || changed) return;
      if (!painted) {
        painted = true;
        report('painted');
      }
      if (text !== unclicked) {
        changed = true;
        report('changed');
      }
    };
    new MutationObserver(() => {
      if (changed || scheduled) return;
      scheduled = true;
      // A new observation is reported once, in the next frame's rendering, after layout.
      const frame = new ResizeObserver(() => {
        frame.disconnect();
        scheduled = false;
        check();
      });
      frame.observe(document.documentElement);
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    // This page's app has started (src/bin/app/prerender.rs): from then on every control
    // answers, not only the switch the static copy has an answer for.
    document.addEventListener('postfix-tls-started', () => report('started'), { once: true });
  })();`;
}

/// The bytes of what the output's first paint waited for: the document and every resource
/// that had arrived by then (transfer sizes, as the browser counts them).
const BYTES_BY = `(painted) => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.filter((e) => e.responseEnd <= painted).reduce((sum, e) => sum + e.transferSize, 0);
}`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/// The centre of the control that is clicked, and the output before any click, from a load
/// without throttling (the layout is the same in every load).
async function target(suite, app) {
  const context = await suite.context();
  const page = await context.newPage();
  await page.goto(app.url, { waitUntil: 'load' });
  const control = page.locator(app.control).first();
  // The static copy can give way to the app between the wait and the measure: measure again.
  let box = null;
  for (let tries = 0; tries < 20 && !box; tries++) {
    await control.waitFor({ state: 'visible' });
    box = await control.boundingBox();
  }
  await page.waitForFunction(app.output);
  const unclicked = await page.evaluate(app.output);
  await context.close();
  if (!box) throw new Error(`${app.name}: the control to click (${app.control}) is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, unclicked };
}

/// One cold load in a fresh context: painted, first working click, bytes before the paint and
/// bytes of the whole first load (until the network is quiet).
async function coldLoad(suite, app, profile, point) {
  const context = await suite.context();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Mozilla's page asks an analytics host; the closed network would only make it wait.
  await cdp.send('Network.setBlockedURLs', { urls: ['https://*'] });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  await page.addInitScript(observer(app.output, point.unclicked));
  const times = {};
  const events = new Promise((resolve) => {
    page.on('console', (message) => {
      const [tag, what, at] = message.text().split(':');
      if (tag !== 'bench') return;
      times[what] = Number(at);
      if (times.painted !== undefined && times.changed !== undefined && (!app.starts || times.started !== undefined)) resolve();
    });
  });
  const logStart = app.server.log.length;
  const navigation = page.goto(app.url, { waitUntil: 'load', timeout: 60_000 });
  // Real mouse clicks at the control's place, every 40 ms, until the output has changed. The
  // next click waits until the page has handled this one (the protocol answers then) and has
  // drawn a frame since: otherwise clicks sent while the page is busy (parsing, laying out,
  // starting the app) reach it back to back, and two clicks on this page's switch in one
  // frame undo each other before anything is painted, which Mozilla's radio button does not
  // suffer. A person, too, sees what a click did before clicking again.
  // Before the page's first paint there is no frame to wait for (the animation frame callbacks
  // of a page not yet rendered wait until it is).
  const drawn = `performance.getEntriesByType('paint').length === 0 ? 0 : new Promise((resolve) => requestAnimationFrame(() => resolve()))`;
  let clicking = true;
  const clicks = (async () => {
    // Once the output has changed, no more: a person reads what the click did (and this page
    // starts its app in a pause of the clicks, static/loader.js).
    while (clicking && times.changed === undefined) {
      const sent = Date.now();
      const press = { x: point.x, y: point.y, button: 'left', clickCount: 1 };
      await Promise.all([
        cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...press }).catch(() => {}),
        cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...press }).catch(() => {}),
      ]);
      // A page being replaced by the navigation has no frame to wait for: then 40 ms.
      await Promise.race([
        cdp.send('Runtime.evaluate', { expression: drawn, awaitPromise: true }).catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, CLICK_EVERY_MS - (Date.now() - sent))));
    }
  })();
  const deadline = new Promise((_, fail) => setTimeout(() => fail(new Error(`${app.name}: within 60 s, the output did not change${app.starts ? ' or the app did not start' : ''}`)), 60_000));
  try {
    await Promise.race([events, deadline]);
  } finally {
    clicking = false;
    await clicks;
  }
  await navigation;
  const beforePaint = await page.evaluate(`(${BYTES_BY})(${times.painted})`);
  // Let the page (and a service worker) fetch what the first visit fetches.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const served = app.server.log.slice(logStart);
  await context.close();
  return {
    painted: times.painted,
    click: times.changed,
    started: times.started ?? null,
    beforePaint,
    bytes: served.reduce((sum, e) => sum + e.bytes, 0),
  };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function ms(value) {
  return `${Math.round(value).toLocaleString('en')} ms`;
}

/// Runs the race and prints its table. `mozillaDir`: Mozilla's built page (its `docs/`), or
/// null to print this page's figures beside the reference table only.
export async function sideBySide(suite, mozillaDir) {
  const mozillaServer = mozillaDir ? await serve(mozillaDir) : null;
  try {
    const apps = [
      {
        name: 'this page',
        server: suite.server,
        url: suite.url,
        control: `label:text-is("${TOGGLE_LABEL}")`,
        output: OURS_OUTPUT,
        starts: true,
      },
    ];
    if (mozillaServer) {
      apps.push({
        name: "Mozilla's generator",
        server: mozillaServer,
        // Its Postfix page: the output only shows once a server is chosen.
        url: mozillaServer.url + '#server=postfix',
        control: '#config-modern',
        output: MOZILLA_OUTPUT,
      });
    }
    for (const app of apps) app.point = await target(suite, app);

    console.log(`\nthis page beside Mozilla's generator: ${LOADS} cold loads each, alternating, medians;`);
    console.log(`"first working click": a real mouse click every ${CLICK_EVERY_MS} ms from navigation on, on "${TOGGLE_LABEL}" here and`);
    console.log('"Modern" on Mozilla\'s page (its Postfix page), until the output text changes; both served gzip from 127.0.0.1');
    console.log('(once the page has painted, a click waits until it has handled the last one and drawn a frame)');
    if (!mozillaServer) {
      console.log("(Mozilla's build not given: set MOZILLA_GENERATOR=DIR or pass --mozilla DIR to measure it; its figures from");
      console.log(' issue 14 are shown as the reference)');
    }
    const head = `  ${''.padEnd(34)} ${'this page'.padStart(10)}   ${'target'.padEnd(26)} ${'Mozilla now'.padStart(11)} ${'Mozilla (issue)'.padStart(16)}`;
    for (const profile of PROFILES) {
      const results = new Map(apps.map((app) => [app.name, []]));
      for (let i = 0; i < LOADS; i++) {
        for (const app of apps) results.get(app.name).push(await coldLoad(suite, app, profile, app.point));
      }
      const figure = (name, key) => (results.has(name) ? median(results.get(name).map((r) => r[key])) : null);
      const ours = (key) => figure('this page', key);
      const theirs = (key) => figure("Mozilla's generator", key);
      const reference = MOZILLA_REFERENCE[profile.key];
      console.log(`\n${profile.name}:`);
      console.log(head);
      const line = (what, value, format, target, met, now, issue) => {
        const verdict = met === null ? '' : met ? 'ok' : 'MISSED';
        const left = `${target} ${verdict}`.trim();
        console.log(`  ${what.padEnd(34)} ${format(value).padStart(10)}   ${left.padEnd(26)} ${(now === null ? '-' : format(now)).padStart(11)} ${(issue === null ? '-' : format(issue)).padStart(16)}`);
      };
      // Ahead of Mozilla: its figure from this run, else the reference.
      const mozillaPainted = theirs('painted') ?? reference.painted;
      const mozillaClick = theirs('click') ?? reference.click;
      line('output painted', ours('painted'), ms, 'before Mozilla', ours('painted') < mozillaPainted, theirs('painted'), reference.painted);
      if (profile.key === 'mobile') {
        line('first working click', ours('click'), ms, 'before Mozilla', ours('click') < mozillaClick, theirs('click'), reference.click);
      } else {
        line('first working click', ours('click'), ms, '< 200 ms', ours('click') < 200, theirs('click'), reference.click);
      }
      // Until then only the copy's answered switch changes the output; other controls dim it
      // until the app shows the change. Mozilla's page answers every control from its start.
      line('every control answers (app started)', ours('started'), ms, '', null, theirs('click'), null);
      line('bytes before the output painted', ours('beforePaint'), kb, '< 25 KB', ours('beforePaint') < 25 * 1024, theirs('beforePaint'), null);
      line('bytes of the first load (gzip)', ours('bytes'), kb, '< 150 KB', ours('bytes') < 150 * 1024, theirs('bytes'), reference.kb * 1024);
    }
  } finally {
    await mozillaServer?.close();
  }
}
