// Runs before the page is drawn. The page's static copy (src/bin/app/prerender.rs) shows the
// default choices in English; the German copy is a file of its own. This picks the copy the
// app will start with, so that nothing flashes up before the app replaces it, hides the copy
// when the app will not start from the defaults, and makes the copy usable until the app
// has started. The same order as `Page::load` in
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
    return;
  }
  // The files the copy needs, asked for now (their links come before this script), with high
  // priority: on a slow line they come before the rest of the WebAssembly, which they would
  // otherwise wait behind. The German copy; and the copy's answers (see below), which for
  // English are in the page instead (a template before the copy).
  const fetched = (id) => {
    const link = document.getElementById(id);
    return link instanceof HTMLLinkElement
      ? fetch(link.href, { priority: 'high' })
          .then((response) => (response.ok ? response.text() : ''))
          .catch(() => '')
      : Promise.resolve('');
  };
  const tongue = german ? 'de' : 'en';
  const translated = german ? fetched('prerender-copy-de') : Promise.resolve('');
  const answered = fetched(`prerender-answers-${tongue}`);
  if (german) {
    // Hidden until the German copy has replaced the English one.
    root.classList.add('prerender-stale');
  } else {
    // The copy's controls work as soon as the copy's element is there, not once the page is
    // parsed: on a slow phone the rest of the page takes a second to parse and lay out, and
    // what a click changes is read from events that reach the copy, parsed yet or not.
    const found = () => document.getElementById('prerender');
    if (found()) {
      useBeforeStart(found(), answered);
    } else {
      new MutationObserver((_, observer) => {
        if (!found()) return;
        observer.disconnect();
        useBeforeStart(found(), answered);
      }).observe(root, { childList: true, subtree: true });
    }
    return;
  }
  // The German copy replaces the English one once both are there: the page is parsed
  // ('interactive' comes before DOMContentLoaded, which waits for the app's loader to arrive)
  // and the German copy has arrived.
  const parsed = new Promise((resolve) => {
    document.addEventListener('readystatechange', function done() {
      if (document.readyState === 'loading') return;
      document.removeEventListener('readystatechange', done);
      resolve();
    });
  });
  Promise.all([parsed, translated]).then(([, html]) => {
    const copy = document.getElementById('prerender');
    // The app may have been quicker (it removes the copy).
    if (!copy) return;
    if (html !== '') {
      const template = document.createElement('template');
      template.innerHTML = html;
      copy.replaceChildren(template.content);
      root.lang = 'de';
      document.title = document.getElementById('prerender-copy-de').dataset.title;
    }
    // Without the German copy (offline before it was ever cached) the English one shows.
    root.classList.remove('prerender-stale');
    useBeforeStart(copy, answered);
  });

  /// The copy's controls work before the app has started (src/bin/app/prerender.rs): what is
  /// changed is kept and replayed on the app's own controls once the app has replaced the
  /// copy, so no click is lost. A switch the build rendered an answer for shows that answer at
  /// once; any other change dims the output until the app shows it.
  function useBeforeStart(copy, answered) {
    copy.inert = false;
    // Control id -> { kind, initial, now }; in the order last changed.
    const changed = new Map();
    // Button clicks (tabs, language), by their place among the copy's buttons.
    const pressed = [];
    const answers = new Map();
    let unread = '';
    const learn = (root) => {
      for (const t of root.querySelectorAll('template[data-control][data-checked][data-element]')) {
        answers.set(`${t.dataset.control}|${t.dataset.checked}`, { element: t.dataset.element, content: t.content });
      }
    };
    const read = () => {
      if (answers.size === 0) {
        const inline = document.getElementById(`prerender-answers-${tongue}`);
        if (inline instanceof HTMLTemplateElement) learn(inline.content);
      }
      if (unread === '') return;
      learn(new DOMParser().parseFromString(unread, 'text/html'));
      unread = '';
    };
    // The element of the default page an answer stands in for, while it does.
    let original = null;

    const state = (el) => (el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value);
    const restore = () => {
      for (const [id, entry] of changed) {
        const el = document.getElementById(id);
        if (!el) continue;
        if (entry.kind === 'check') el.checked = entry.now;
        else el.value = entry.now;
      }
    };
    // What the copy shows: the default page, an answer in place of one of its elements, or the
    // default page dimmed.
    const settle = () => {
      read();
      const real = [...changed].filter(([, e]) => e.now !== e.initial);
      const [only] = real;
      const answer = real.length === 1 && pressed.length === 0 && only[1].kind === 'check'
        ? answers.get(`${only[0]}|${only[1].now}`)
        : undefined;
      const focused = document.activeElement?.id;
      const shown = (id) => copy.querySelector(`#${CSS.escape(id)}`);
      if (answer && shown(answer.element)) {
        const place = shown(answer.element);
        original ??= place;
        place.replaceWith(answer.content.cloneNode(true));
      } else if (original && (real.length === 0 || pressed.length > 0 || real.length > 1)) {
        shown(original.id)?.replaceWith(original);
        original = null;
      }
      restore();
      // Only when the swap took the focus away: focusing lays the page out at once.
      if (focused && document.activeElement !== document.getElementById(focused)) {
        document.getElementById(focused)?.focus();
      }
      root.classList.toggle('prerender-pending', !answer && (real.length > 0 || pressed.length > 0));
    };
    // At most once a frame: clicks faster than the page is drawn cost one swap, not one each.
    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        if (copy.isConnected) settle();
      });
    };

    const record = (event) => {
      const el = event.target;
      if (!el.id || !(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
      const kind = el.type === 'checkbox' || el.type === 'radio' ? 'check' : 'value';
      if (el.type === 'radio') {
        // The radio that was on before is off now.
        for (const other of copy.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)) {
          const entry = changed.get(other.id);
          if (entry && other !== el) entry.now = false;
        }
      }
      const entry = changed.get(el.id) ?? { kind, initial: kind === 'check' ? !el.checked : el.defaultValue };
      if (el instanceof HTMLSelectElement && !changed.has(el.id)) {
        entry.initial = [...el.options].find((o) => o.defaultSelected)?.value ?? el.options[0]?.value;
      }
      entry.now = state(el);
      changed.delete(el.id);
      changed.set(el.id, entry);
      schedule();
    };
    copy.addEventListener('change', record);
    copy.addEventListener('input', (event) => event.target.type === 'text' && record(event));
    copy.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      pressed.push([...copy.querySelectorAll('button')].indexOf(button));
      schedule();
    });
    // Links to places in the page (the section links) would replace the share link.
    copy.addEventListener('click', (event) => {
      if (event.target.closest('a[href^="#"]')) event.preventDefault();
    });

    // Without the answers (offline before a first visit was cached) the app answers. They
    // are read when first needed: reading them costs the page's first paint otherwise.
    answered.then((text) => {
      unread = text;
      if (changed.size > 0) schedule();
    });

    // The app takes the page over: it draws itself, hidden beside the copy, and says so
    // (src/bin/app/prerender.rs `hand_over`). Replay on its controls, in order; when anything
    // was replayed, cancel the event: the app then removes the copy once it has drawn the
    // changes, so that no frame shows the defaults in between.
    document.addEventListener('postfix-tls-started', (event) => {
      root.classList.remove('prerender-pending');
      let replayed = false;
      for (const [id, entry] of changed) {
        // The app's control, not the copy's of the same id, which comes first in the page.
        const el = document.querySelector(`#app #${CSS.escape(id)}`);
        if (!el || el.disabled || state(el) === entry.now) continue;
        if (entry.kind === 'check') {
          // A radio is turned off by turning another on.
          if (el.type === 'checkbox' || entry.now) el.click();
        } else {
          el.value = entry.now;
          el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
        }
        replayed = true;
      }
      const buttons = document.querySelectorAll('#app button');
      for (const at of pressed) {
        buttons[at]?.click();
        replayed ||= buttons[at] !== undefined;
      }
      if (!replayed) return;
      event.preventDefault();
      // A change the app does not redraw itself for (a Copy button, say): two frames on.
      requestAnimationFrame(() => requestAnimationFrame(() => copy.remove()));
    }, { once: true });
  }
})();
