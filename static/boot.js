// Runs before the page is drawn. The page's static copy (src/bin/app/prerender.rs) shows the
// default choices in English, with a German copy in a template. This picks the copy the app
// will start with, so that nothing flashes up before the app replaces it, and hides the copy
// when the app will not start from the defaults. The same order as `Page::load` in
// src/bin/app/page.rs: a share link, else saved choices; saved language, else the browser's.
(() => {
  const root = document.documentElement;
  let stale = true;
  let german = false;
  try {
    const lang = localStorage.getItem('postfix-tls.lang') ?? navigator.language ?? '';
    german = /^de(?:[-_]|$)/i.test(lang);
    stale = location.hash.length > 1 || localStorage.getItem('postfix-tls.options') !== null;
  } catch {
    // Storage refused (some private windows): the app decides; do not guess.
  }
  if (german) {
    // The app shows German once it has the German messages (src/bin/app/messages.rs):
    // fetch them alongside the WebAssembly, not after it has started.
    document.addEventListener('DOMContentLoaded', () => {
      const messages = document.getElementById('messages-de');
      if (messages) {
        const preload = document.createElement('link');
        Object.assign(preload, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: messages.href });
        document.head.append(preload);
      }
    });
  }
  if (stale) {
    root.classList.add('prerender-stale');
  } else if (german) {
    // Hidden until the German copy has replaced the English one, once the page is parsed.
    root.classList.add('prerender-stale');
    document.addEventListener('DOMContentLoaded', () => {
      const copy = document.getElementById('prerender');
      const template = document.getElementById('prerender-de');
      if (copy && template) {
        copy.replaceChildren(template.content);
        root.lang = 'de';
        document.title = template.dataset.title;
        root.classList.remove('prerender-stale');
      }
    });
  }
})();
