//! The page's state, the actions that change it, and where it is kept between visits.
//!
//! The state is the user's choices and pasted text; everything shown is derived from it on
//! each render. The reducer only routes an [`Action`] to a plain method of [`Page`].

use crate::chrome;
use postfix_tls::diagnostic::FileKind;
use postfix_tls::edit::Edit;
use postfix_tls::import::{self, Imported};
use postfix_tls::lang::{Lang, Text};
use postfix_tls::options::Options;
use postfix_tls::paste::Paste;
use postfix_tls::share::{self, ShareError};
use postfix_tls::version::PostfixVersion;
use std::rc::Rc;
use yew::Reducible;

const STORED_OPTIONS: &str = "postfix-tls.options";
const STORED_LANG: &str = "postfix-tls.lang";

/// The three views of the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// Choices and generated configuration.
    #[default]
    Generate,
    /// Lint a pasted configuration.
    Check,
    /// Commands that show the setup works.
    Verify,
    /// The parameter reference (reference.rs).
    Reference,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Generate, Tab::Check, Tab::Verify, Tab::Reference];

    pub fn label(self) -> &'static Text {
        match self {
            Tab::Generate => &chrome::TAB_GENERATE,
            Tab::Check => &chrome::TAB_CHECK,
            Tab::Verify => &chrome::TAB_VERIFY,
            Tab::Reference => &chrome::TAB_REFERENCE,
        }
    }

    /// The element id stem of the tab and its panel.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Generate => "generate",
            Tab::Check => "check",
            Tab::Verify => "verify",
            Tab::Reference => "reference",
        }
    }
}

/// A message shown once at the top of the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The link's fragment was refused; defaults are shown.
    SharedIgnored(ShareError),
    /// The stored settings were refused; defaults are shown.
    StoredIgnored(ShareError),
    /// An imported file was refused; nothing changed.
    ImportFailed(ShareError),
    /// An imported file was applied.
    Imported,
    /// The defaults were restored.
    Reset,
}

impl Notice {
    /// The notice's sentence and, for a refusal, the reason.
    pub fn texts(&self) -> (Text, Option<Text>) {
        match self {
            Notice::SharedIgnored(e) => (chrome::SHARED_IGNORED.clone(), Some(e.message())),
            Notice::StoredIgnored(e) => (chrome::STORED_IGNORED.clone(), Some(e.message())),
            Notice::ImportFailed(e) => (chrome::IMPORT_FAILED.clone(), Some(e.message())),
            Notice::Imported => (chrome::IMPORTED.clone(), None),
            Notice::Reset => (chrome::RESET_DONE.clone(), None),
        }
    }

    /// Refusals are announced assertively, confirmations politely.
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            Notice::SharedIgnored(_) | Notice::StoredIgnored(_) | Notice::ImportFailed(_)
        )
    }
}

/// A configuration pasted into the "Check my config" tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    pub text: String,
    /// `None`: the version chosen on the Generate tab.
    pub postfix: Option<PostfixVersion>,
    /// `None`: detect from the text.
    pub kind: Option<FileKind>,
}

impl Pasted {
    /// The Postfix series the text is checked against, given the one chosen on the Generate
    /// tab.
    pub fn postfix(&self, generate: PostfixVersion) -> PostfixVersion {
        self.postfix.unwrap_or(generate)
    }
}

/// A pasted configuration opened in the generator: its files, which the generator's output
/// is applied to, and what the reading could not carry over (said once, when it was opened;
/// the choices are the user's from then on).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub main_cf: Option<String>,
    pub master_cf: Option<String>,
    pub imported: Imported,
}

/// Everything the page shows is derived from this. The default is the page's static copy:
/// default choices, in English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub options: Options,
    pub lang: Lang,
    pub tab: Tab,
    pub pasted: Pasted,
    pub notice: Option<Notice>,
    pub opened: Option<Opened>,
}

/// Every change a user can make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Edit(Edit),
    Lang(Lang),
    Tab(Tab),
    Paste(String),
    CheckVersion(Option<PostfixVersion>),
    CheckKind(Option<FileKind>),
    Import(String),
    Reset,
    Dismiss,
    /// Sets the choices to what the pasted configuration does.
    OpenInGenerator,
    /// Sets the choices to what this text does: the pasted configuration with its fixes
    /// applied, as the Fixed view shows it.
    OpenFixedInGenerator(String),
    /// Forgets the opened configuration.
    CloseOpened,
}

impl Reducible for Page {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut page = (*self).clone();
        match action {
            Action::Edit(edit) => page.options.edit(edit),
            Action::Lang(lang) => page.lang = lang,
            Action::Tab(tab) => page.tab = tab,
            Action::Paste(text) => page.pasted.text = text,
            Action::CheckVersion(v) => page.pasted.postfix = v,
            Action::CheckKind(kind) => page.pasted.kind = kind,
            Action::Import(json) => page.import(&json),
            Action::Reset => page.reset(),
            Action::Dismiss => page.notice = None,
            Action::OpenInGenerator => page.open_in_generator(None),
            Action::OpenFixedInGenerator(text) => page.open_in_generator(Some(text)),
            Action::CloseOpened => page.opened = None,
        }
        Rc::new(page)
    }
}

impl Page {
    /// The first state: the link's settings, else the stored ones, else the defaults. A
    /// refused link or stored value leaves the defaults and a notice. (The build that writes
    /// the static copy starts from the defaults instead.)
    #[cfg_attr(feature = "prerender", allow(dead_code))]
    pub fn load() -> Page {
        let fragment = gloo::utils::window().location().hash().unwrap_or_default();
        let fragment = fragment.trim_start_matches('#');
        // `#ref/NAME` opens the reference; the choices then come from storage.
        let reference_link = crate::reference::linked_name(fragment).is_some();
        let (options, notice) = if !fragment.is_empty() && !reference_link {
            match share::decode(fragment) {
                Ok(options) => (options, None),
                Err(e) => (Options::default(), Some(Notice::SharedIgnored(e))),
            }
        } else {
            match storage().and_then(|s| s.get_item(STORED_OPTIONS).ok().flatten()) {
                Some(json) => match share::import_json(&json) {
                    Ok(options) => (options, None),
                    Err(e) => (Options::default(), Some(Notice::StoredIgnored(e))),
                },
                None => (Options::default(), None),
            }
        };
        let lang = storage()
            .and_then(|s| s.get_item(STORED_LANG).ok().flatten())
            .or_else(|| gloo::utils::window().navigator().language())
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default();
        Page {
            options,
            lang,
            tab: if reference_link {
                Tab::Reference
            } else {
                Tab::default()
            },
            pasted: Pasted::default(),
            notice,
            opened: None,
        }
    }

    /// Reads the pasted text for the Postfix version it is checked against, takes the
    /// choices it comes down to, and shows the generator.
    /// Opens the pasted text, or `fixed`, the pasted text with its fixes applied, read as
    /// the paste is read (the same file kind and Postfix version).
    fn open_in_generator(&mut self, fixed: Option<String>) {
        let text = fixed.as_deref().unwrap_or(&self.pasted.text);
        if text.trim().is_empty() {
            return;
        }
        let paste = Paste::read(text, self.pasted.kind);
        let postfix = self.pasted.postfix(self.options.postfix);
        let imported = import::read(&paste, postfix, &self.options);
        self.options = imported.options.clone();
        self.opened = Some(Opened {
            main_cf: paste.main_text().map(str::to_string),
            master_cf: paste.master_text().map(str::to_string),
            imported,
        });
        self.tab = Tab::Generate;
    }

    fn import(&mut self, json: &str) {
        match share::import_json(json) {
            Ok(options) => {
                self.options = options;
                self.notice = Some(Notice::Imported);
            }
            Err(e) => self.notice = Some(Notice::ImportFailed(e)),
        }
    }

    fn reset(&mut self) {
        self.options = Options::default();
        self.notice = Some(Notice::Reset);
    }
}

/// How long the choices must stay unchanged before they are written to the address bar and
/// to local storage.
const REMEMBER_AFTER_MS: u32 = 400;

/// Keeps the choices in the address bar and in local storage ([`remember`]) once they have
/// stayed unchanged for a moment, and at once when the page is left or hidden.
///
/// Not on every change: each `history.replaceState` costs milliseconds, and Chromium then
/// fetches and decodes the page's icon again, in the browser and in the page. For every
/// click of a burst that work competes with drawing the page. Nor is a timer set and
/// cleared on every change: one timer is pending while there is something to keep, and
/// when it fires early (the choices changed meanwhile) it waits for the rest of the moment.
#[yew::hook]
pub fn use_remember(options: &Options) {
    let state = yew::use_mut_ref(Remembering::default);
    // Noted while rendering, not in the effect below: after 16 ms of work yew yields to the
    // browser between a render and its effects, and a page left in that gap (a loaded phone,
    // a click and at once another address) must still keep the change.
    if state.borrow().noted.as_ref() != Some(options) {
        let mut state = state.borrow_mut();
        state.noted = Some(options.clone());
        state.unsaved = Some(options.clone());
        state.changed = true;
    }
    {
        let state = state.clone();
        // Every render; it calls the browser only after a change.
        yew::use_effect(move || {
            let mut now = state.borrow_mut();
            if std::mem::take(&mut now.changed) {
                now.changed_at = js_sys::Date::now();
                if now.timer.is_none() {
                    now.timer = Some(wait(Rc::downgrade(&state), REMEMBER_AFTER_MS));
                }
            }
        });
    }
    yew::use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let document = gloo::utils::document();
        let on_leave = {
            let state = state.clone();
            move |_: &web_sys::Event| remember_unsaved(&state)
        };
        let on_hide = move |_: &web_sys::Event| {
            if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                remember_unsaved(&state);
            }
        };
        let listeners = [
            gloo::events::EventListener::new(&window, "pagehide", on_leave),
            gloo::events::EventListener::new(&document, "visibilitychange", on_hide),
        ];
        move || drop(listeners)
    });
}

/// What [`use_remember`] knows between renders.
#[derive(Default)]
struct Remembering {
    /// The choices of the last render.
    noted: Option<Options>,
    /// Choices not yet kept.
    unsaved: Option<Options>,
    /// The choices changed in the last render; the effect takes the time.
    changed: bool,
    /// When they last changed (ms since the epoch).
    changed_at: f64,
    /// The pending timer, while there is one.
    timer: Option<gloo::timers::callback::Timeout>,
}

/// A timer that keeps the choices once they have been unchanged for [`REMEMBER_AFTER_MS`],
/// or waits again for the rest of that time.
fn wait(
    state: std::rc::Weak<std::cell::RefCell<Remembering>>,
    after_ms: u32,
) -> gloo::timers::callback::Timeout {
    gloo::timers::callback::Timeout::new(after_ms, move || {
        let Some(state) = state.upgrade() else {
            return;
        };
        let quiet_for = js_sys::Date::now() - state.borrow().changed_at;
        let rest = f64::from(REMEMBER_AFTER_MS) - quiet_for;
        if rest >= 1.0 {
            // Bounded also when the clock was set back meanwhile.
            let rest = rest.min(f64::from(REMEMBER_AFTER_MS)).ceil() as u32;
            let again = wait(Rc::downgrade(&state), rest);
            state.borrow_mut().timer = Some(again);
        } else {
            state.borrow_mut().timer = None;
            remember_unsaved(&state);
        }
    })
}

fn remember_unsaved(state: &std::cell::RefCell<Remembering>) {
    // Taken in a statement of its own: no borrow is held while the browser is called.
    let options = state.borrow_mut().unsaved.take();
    if let Some(options) = options {
        remember(&options);
    }
}

/// Keeps the choices in the URL (so the address bar is a share link) and in local storage.
/// Defaults are not stored, so "Reset to defaults" leaves nothing behind.
pub fn remember(options: &Options) {
    // Storage can be full or disabled (private windows); the page works without it.
    if let Some(storage) = storage() {
        let _ = if *options == Options::default() {
            storage.remove_item(STORED_OPTIONS)
        } else {
            storage.set_item(STORED_OPTIONS, &options.to_json())
        };
    }
    // A reference link stays in the address bar while the reference shows it.
    let fragment = gloo::utils::window().location().hash().unwrap_or_default();
    if crate::reference::linked_name(&fragment).is_none() {
        write_share_link(options);
    }
}

/// Puts the share link of the choices in the address bar.
pub fn write_share_link(options: &Options) {
    let url = format!("#{}", share::encode(options));
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Remembers the language chosen on the page over the browser's.
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORED_LANG, lang.tag());
    }
}

/// Local storage, if the browser allows it (gloo's accessor throws when it does not).
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use postfix_tls::options::{Field, InboundLevel, Role};

    fn page() -> Rc<Page> {
        Rc::new(Page {
            options: Options::default(),
            lang: Lang::En,
            tab: Tab::Generate,
            pasted: Pasted::default(),
            notice: None,
            opened: None,
        })
    }

    #[test]
    fn edits_change_only_the_options() {
        let after = page().reduce(Action::Edit(Edit::Choice(Field::Inbound, "encrypt")));
        assert_eq!(after.options.inbound, InboundLevel::Encrypt);
        assert_eq!(after.notice, None);
        assert_eq!(after.tab, Tab::Generate);
    }

    #[test]
    fn the_check_follows_the_generate_version_until_one_is_picked() {
        let v37 = PostfixVersion::new(3, 7);
        let after = page().reduce(Action::Edit(Edit::Postfix(v37)));
        assert_eq!(after.pasted.postfix(after.options.postfix), v37);
        let v35 = PostfixVersion::new(3, 5);
        let picked = after.reduce(Action::CheckVersion(Some(v35)));
        assert_eq!(picked.pasted.postfix(picked.options.postfix), v35);
        let back = picked.reduce(Action::CheckVersion(None));
        assert_eq!(back.pasted.postfix(back.options.postfix), v37);
    }

    #[test]
    fn a_refused_import_keeps_the_choices_and_says_why() {
        let edited = page().reduce(Action::Edit(Edit::Choice(Field::Role, "relay")));
        let after = edited.reduce(Action::Import(String::from(r#"{"role":"<script>"}"#)));
        assert_eq!(after.options.role, Role::Relay);
        assert!(matches!(after.notice, Some(Notice::ImportFailed(_))));
        assert!(after.notice.as_ref().is_some_and(Notice::is_problem));
    }

    #[test]
    fn an_import_replaces_the_choices() {
        let after = page().reduce(Action::Import(String::from(r#"{"role":"null-client"}"#)));
        assert_eq!(after.options.role, Role::NullClient);
        assert_eq!(after.notice, Some(Notice::Imported));
        let dismissed = after.reduce(Action::Dismiss);
        assert_eq!(dismissed.notice, None);
        assert_eq!(dismissed.options.role, Role::NullClient);
    }

    #[test]
    fn reset_restores_the_defaults_but_not_the_view() {
        let edited = page()
            .reduce(Action::Edit(Edit::Choice(Field::Role, "relay")))
            .reduce(Action::Lang(Lang::De))
            .reduce(Action::Tab(Tab::Check));
        let after = edited.reduce(Action::Reset);
        assert_eq!(after.options, Options::default());
        assert_eq!(after.lang, Lang::De);
        assert_eq!(after.tab, Tab::Check);
        assert_eq!(after.notice, Some(Notice::Reset));
    }

    #[test]
    fn opening_a_pasted_config_sets_the_choices_and_keeps_its_files() {
        use postfix_tls::options::{CertSource, InboundLevel};
        let main = "smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\n\
                    smtpd_tls_key_file = /etc/ssl/private/ssl-cert-snakeoil.key\n\
                    smtpd_use_tls = yes\n\nsmtpd_enforce_tls = yes\n";
        let text = format!("{main}submission inet n - n - - smtpd\n");
        let pasted = page()
            .reduce(Action::Tab(Tab::Check))
            .reduce(Action::CheckVersion(Some(PostfixVersion::new(3, 5))))
            .reduce(Action::Paste(text));
        let after = pasted.reduce(Action::OpenInGenerator);
        assert_eq!(after.tab, Tab::Generate);
        assert_eq!(after.options.postfix, PostfixVersion::new(3, 5));
        assert_eq!(after.options.inbound, InboundLevel::Encrypt);
        assert_eq!(after.options.role, Role::Relay);
        assert_eq!(after.options.certificate.source, CertSource::Snakeoil);
        assert!(after.options.submission && !after.options.submissions);
        let opened = after.opened.clone().expect("opened");
        assert_eq!(opened.main_cf.as_deref(), Some(main));
        assert_eq!(
            opened.master_cf.as_deref(),
            Some("submission inet n - n - - smtpd\n")
        );
        assert_eq!(opened.imported.left_out.len(), 2);
        let closed = after.clone().reduce(Action::CloseOpened);
        assert_eq!(closed.opened, None);
        assert_eq!(closed.options, after.options);
    }

    #[test]
    fn the_fixed_file_opens_in_place_of_the_paste() {
        use postfix_tls::options::InboundLevel;
        let pasted = page().reduce(Action::Paste(String::from(
            "smtpd_tls_security_level = verschlüsseln\n",
        )));
        // `encrypt` picked in the Fixed view: the paste alone says no level.
        let fixed = "smtpd_tls_security_level = encrypt\n";
        let after = pasted
            .clone()
            .reduce(Action::OpenFixedInGenerator(String::from(fixed)));
        assert_eq!(after.tab, Tab::Generate);
        assert_eq!(after.options.inbound, InboundLevel::Encrypt);
        let opened = after.opened.clone().expect("opened");
        assert_eq!(opened.main_cf.as_deref(), Some(fixed));
        // The paste stays as it was on the Check tab.
        assert_eq!(after.pasted, pasted.pasted);
        let nothing = page().reduce(Action::OpenFixedInGenerator(String::from(" \n")));
        assert_eq!(nothing.opened, None);
    }

    #[test]
    fn nothing_pasted_opens_nothing() {
        let after = page().reduce(Action::OpenInGenerator);
        assert_eq!(after.opened, None);
        assert_eq!(after.options, Options::default());
    }

    #[test]
    fn every_tab_and_notice_speaks_both_languages() {
        for tab in Tab::ALL {
            let label = tab.label();
            assert!(
                !label.get(Lang::En).is_empty() && label.get(Lang::En) != label.get(Lang::De),
                "{tab:?}"
            );
        }
        let refusal = share::decode("junk").expect_err("junk is refused");
        for notice in [
            Notice::SharedIgnored(refusal.clone()),
            Notice::StoredIgnored(refusal.clone()),
            Notice::ImportFailed(refusal),
            Notice::Imported,
            Notice::Reset,
        ] {
            let (sentence, reason) = notice.texts();
            assert!(
                sentence.get(Lang::En) != sentence.get(Lang::De),
                "{notice:?}"
            );
            assert!(
                reason.is_none_or(|r| r.get(Lang::En) != r.get(Lang::De)),
                "{notice:?}"
            );
        }
    }
}
