// Runs before the page is drawn. The page's static copy (src/bin/app/prerender.rs) shows the
// default choices in English; when the app will start from something else, this hides the
// copy so that it does not flash up before the app replaces it. The same order as
// `Page::load` in src/bin/app/page.rs: a share link, else saved choices; saved language,
// else the browser's.
(() => {
  let stale = true;
  try {
    const lang = localStorage.getItem('postfix-tls.lang') ?? navigator.language ?? '';
    stale = location.hash.length > 1
      || localStorage.getItem('postfix-tls.options') !== null
      || /^de(?:[-_]|$)/i.test(lang);
  } catch {
    // Storage refused (some private windows): the app decides; do not guess.
  }
  if (stale) document.documentElement.classList.add('prerender-stale');
})();
