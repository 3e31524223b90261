//! The page's state, the actions that change it, and where it is kept between visits.
//!
//! The state is the user's choices and pasted text; everything shown is derived from it on
//! each render. The reducer only routes an [`Action`] to a plain method of [`Page`].

use crate::chrome;
use postfix_tls::diagnostic::FileKind;
use postfix_tls::edit::Edit;
use postfix_tls::lang::{Lang, Text};
use postfix_tls::options::Options;
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
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Generate, Tab::Check, Tab::Verify];

    pub fn label(self) -> &'static Text {
        match self {
            Tab::Generate => &chrome::TAB_GENERATE,
            Tab::Check => &chrome::TAB_CHECK,
            Tab::Verify => &chrome::TAB_VERIFY,
        }
    }

    /// The element id stem of the tab and its panel.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Generate => "generate",
            Tab::Check => "check",
            Tab::Verify => "verify",
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    pub text: String,
    pub postfix: PostfixVersion,
    /// `None`: detect from the text.
    pub kind: Option<FileKind>,
}

impl Default for Pasted {
    fn default() -> Self {
        Pasted {
            text: String::new(),
            postfix: PostfixVersion::LATEST,
            kind: None,
        }
    }
}

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub options: Options,
    pub lang: Lang,
    pub tab: Tab,
    pub pasted: Pasted,
    pub notice: Option<Notice>,
}

/// Every change a user can make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Edit(Edit),
    Lang(Lang),
    Tab(Tab),
    Paste(String),
    CheckVersion(PostfixVersion),
    CheckKind(Option<FileKind>),
    Import(String),
    Reset,
    Dismiss,
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
        }
        Rc::new(page)
    }
}

impl Page {
    /// The first state: the link's settings, else the stored ones, else the defaults. A
    /// refused link or stored value leaves the defaults and a notice.
    pub fn load() -> Page {
        let fragment = gloo::utils::window().location().hash().unwrap_or_default();
        let fragment = fragment.trim_start_matches('#');
        let (options, notice) = if !fragment.is_empty() {
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
            tab: Tab::default(),
            pasted: Pasted::default(),
            notice,
        }
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

/// Keeps the choices in the URL (so the address bar is always a share link) and in local
/// storage. Defaults are not stored, so "Reset to defaults" leaves nothing behind.
pub fn remember(options: &Options) {
    // Storage can be full or disabled (private windows); the page works without it.
    if let Some(storage) = storage() {
        let _ = if *options == Options::default() {
            storage.remove_item(STORED_OPTIONS)
        } else {
            storage.set_item(STORED_OPTIONS, &options.to_json())
        };
    }
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
