//! Share and save: the share link, JSON export and import, and "Reset to defaults".

use crate::chrome;
use crate::clipboard::{self, Copy};
use crate::page::Action;
use postfix_tls::lang::Lang;
use postfix_tls::options::Options;
use postfix_tls::share::MAX_JSON;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub options: Rc<Options>,
    /// The share link's fragment of the options, made once with the output.
    pub fragment: AttrValue,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The page's address without the fragment. The static copy, rendered where there is no
/// address, shows the fragment alone.
fn base() -> String {
    #[cfg(target_arch = "wasm32")]
    let href = gloo::utils::window().location().href().unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    let href = String::new();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Reads a chosen file, at most one byte more than the import accepts (so a huge file is
/// refused as too long without being read whole), and hands its text to the reducer.
async fn read_import(input: web_sys::HtmlInputElement, dispatch: Callback<Action>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    let head = file.slice_with_f64_and_f64(0.0, (MAX_JSON + 1) as f64);
    let text = match head {
        Ok(blob) => JsFuture::from(blob.text())
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    };
    // An unreadable file is imported as empty text, which the core refuses with a reason.
    dispatch.emit(Action::Import(text.unwrap_or_default()));
}

#[component]
pub fn Share(props: &Props) -> Html {
    let lang = props.lang;
    // Only the fragment changes while the page is open (`remember` replaces it).
    let base = use_memo((), |_| base());
    let url = format!("{base}#{}", props.fragment);
    let shown = use_node_ref();
    // `_eq`: the reset below re-renders only when there is a status to clear.
    let copied = use_state_eq(|| Copy::Idle);
    {
        let copied = copied.clone();
        use_effect_with(url.clone(), move |_| copied.set(Copy::Idle));
    }
    let on_copy = {
        let (copied, shown, url) = (copied.clone(), shown.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, shown, url) = (copied.clone(), shown.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(element) = shown.cast::<web_sys::Element>() {
                    let outcome = clipboard::copy(&url, &element).await;
                    copied.set(outcome);
                    // "Copied" is news for a moment; a failure stays until the next try.
                    if outcome == Copy::Copied {
                        gloo::timers::callback::Timeout::new(4_000, move || copied.set(Copy::Idle))
                            .forget();
                    }
                }
            });
        })
    };
    let on_export = {
        let options = props.options.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = clipboard::download("postfix-tls-options.json", &options.to_json());
        })
    };
    let on_import = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            wasm_bindgen_futures::spawn_local(read_import(input, dispatch.clone()));
        })
    };
    let status = match *copied {
        Copy::Idle => "",
        Copy::Copied => chrome::COPIED.get(lang),
        Copy::Failed => chrome::COPY_FAILED.get(lang),
    };
    html! {
        <section class="share" aria-labelledby="share-heading">
            <h3 id="share-heading">{ chrome::SHARE.get(lang) }</h3>
            <p class="output-hint">{ chrome::SHARE_HINT.get(lang) }</p>
            <p class="share-link"><code ref={shown}>{ url }</code></p>
            <div class="toolbar">
                <button type="button" class="button primary" onclick={on_copy}>{ chrome::COPY_LINK.get(lang) }</button>
                <span class={classes!("copy-status", (*copied == Copy::Failed).then_some("failed"))}
                      role="status" aria-live="polite">{ status }</span>
            </div>
            <div class="toolbar">
                <button type="button" class="button" onclick={on_export}>{ chrome::EXPORT.get(lang) }</button>
                <input type="file" id="import-json" class="file-input" accept=".json,application/json"
                       onchange={on_import} />
                <label for="import-json" class="button">{ chrome::IMPORT.get(lang) }</label>
                <button type="button" class="button danger" onclick={props.dispatch.reform(|_: MouseEvent| Action::Reset)}>
                    { chrome::RESET.get(lang) }
                </button>
            </div>
        </section>
    }
}
