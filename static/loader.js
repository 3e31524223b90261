// Starts the WebAssembly app. It lives in a file rather than inline so that the page's
// Content-Security-Policy can forbid inline scripts; Trunk passes the hashed file names
// as data attributes (see Trunk.toml `pattern_script`).
const tag = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });

// After one visit the page works offline: sw.js keeps a copy of every file of the page.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
