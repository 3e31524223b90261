// Starts the WebAssembly app. It lives in a file rather than inline so that the page's
// Content-Security-Policy can forbid inline scripts; Trunk passes the hashed file names
// as data attributes (see Trunk.toml `pattern_script`).
const tag = document.querySelector('script[data-js][data-wasm]');

// When the page was last clicked, tapped or typed in.
let touched = -Infinity;
for (const type of ['pointerdown', 'keydown']) {
  addEventListener(type, () => { touched = performance.now(); }, { capture: true, passive: true });
}

// While the static copy is shown (static/boot.js), the app is fetched once the copy has been
// painted: on a slow link the 350 KB of WebAssembly would otherwise share the bandwidth with
// the style sheet and scripts the first paint waits for. Without the copy, at once; and in
// a background tab, which draws no frames until it is shown.
const copied = !document.documentElement.classList.contains('prerender-stale');
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
if (copied && !document.hidden) await painted();

// Compiled off the main thread while it arrives.
const compiled = fetch(tag.dataset.wasm).then(async (response) => {
  if (!response.ok) throw new Error(`${tag.dataset.wasm}: ${response.status}`);
  // A host that serves .wasm with another type: compiled once it is all there.
  return response.headers.get('Content-Type') === 'application/wasm'
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
});
// Reported where it is awaited, below.
compiled.catch(() => {});
const { default: init } = await import(tag.dataset.js);

// While the static copy is shown and works (static/boot.js), the app starts once the copy has
// been drawn, in a pause: starting holds the main thread for a while (about 120 ms on this
// machine, four times that with the CPU slowed down like a phone's), and a click on the copy
// in that time would wait for it. A pause: nothing clicked or typed for QUIET_MS, and the
// browser idle.
const QUIET_MS = 200;
if (copied) {
  await compiled.catch(() => {});
  await painted();
  for (;;) {
    const since = performance.now() - touched;
    if (since >= QUIET_MS) {
      if (!('requestIdleCallback' in window)) break;
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: QUIET_MS }));
      if (performance.now() - touched >= QUIET_MS) break;
    } else {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS - since));
    }
  }
}
await init({ module_or_path: await compiled });

// After one visit the page works offline: sw.js keeps a copy of every file of the page.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
