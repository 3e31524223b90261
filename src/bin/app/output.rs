//! One block of generated text (main.cf, master.cf or the postconf commands) with its Copy
//! and Download buttons.

use crate::chrome;
use crate::clipboard::{self, Copy};
use crate::diagnostics::inline_code;
use postfix_tls::lang::{Lang, Text};
use postfix_tls::reference::{explanation_links, Piece};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The heading, for example `main.cf`; also the region's name.
    pub title: AttrValue,
    /// The element id stem.
    pub id: AttrValue,
    /// The suggested file name of a download; `None` for no Download button.
    #[prop_or_default]
    pub file_name: Option<AttrValue>,
    /// Where the text goes.
    pub hint: Text,
    pub text: AttrValue,
    /// Why there is no configuration to show (a choice is invalid); Copy and Download then
    /// say so instead of handing out a configuration that would break the server.
    #[prop_or_default]
    pub withheld: Option<AttrValue>,
    /// The text holds "Explain each line" comments: they link to the reference entries they
    /// name. The text shown, copied and downloaded stays the same.
    #[prop_or_default]
    pub explained: bool,
    /// 1-based lines to mark as changed (the Check tab's fixed file).
    #[prop_or_default]
    pub marked: Vec<usize>,
    pub lang: Lang,
}

/// The text with its explanations linked to their reference entries.
fn explained(text: &str, lang: Lang) -> Html {
    html! {
        { for explanation_links(text).into_iter().map(|piece| match piece {
            Piece::Text(text) => html! { { text } },
            Piece::Link { text, name } => html! {
                <a href={crate::reference::link(name)} class="explain-link"
                   title={format!("{} {name}", crate::reference::IN_REFERENCE.get(lang))}>{ text }</a>
            },
        }) }
    }
}

#[component]
pub fn OutputPanel(props: &Props) -> Html {
    let lang = props.lang;
    let shown = use_node_ref();
    // `_eq`: the reset below re-renders only when there is a status to clear.
    let copied = use_state_eq(|| Copy::Idle);
    // A click on Copy or Download while the configuration is withheld.
    let refused = use_state_eq(|| false);
    {
        // A stale "Copied" would claim the new text is on the clipboard.
        let (copied, refused) = (copied.clone(), refused.clone());
        use_effect_with((props.text.clone(), props.withheld.clone()), move |_| {
            copied.set(Copy::Idle);
            refused.set(false);
        });
    }
    let withheld = props.withheld.is_some();
    let on_copy = {
        let (copied, shown, text) = (copied.clone(), shown.clone(), props.text.clone());
        let refused = refused.clone();
        Callback::from(move |_: MouseEvent| {
            if withheld {
                refused.set(true);
                return;
            }
            let (copied, shown, text) = (copied.clone(), shown.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(element) = shown.cast::<web_sys::Element>() {
                    let outcome = clipboard::copy(&text, &element).await;
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
    let on_download = {
        let (name, text) = (props.file_name.clone(), props.text.clone());
        let refused = refused.clone();
        Callback::from(move |_: MouseEvent| {
            if withheld {
                refused.set(true);
                return;
            }
            // A refused download leaves the text on the page, where it can still be copied.
            if let Some(name) = &name {
                let _ = clipboard::download(name, &text);
            }
        })
    };
    let status = match *copied {
        _ if *refused => chrome::NOT_COPIED.get(lang),
        Copy::Idle => "",
        Copy::Copied => chrome::COPIED.get(lang),
        Copy::Failed => chrome::COPY_FAILED.get(lang),
    };
    let failed = *refused || *copied == Copy::Failed;
    let heading = format!("{}-heading", props.id);
    let withheld_id = format!("{}-withheld", props.id);
    let empty = props.text.trim().is_empty();
    html! {
        <section class="output" aria-labelledby={heading.clone()}>
            <div class="output-head">
                <h3 id={heading}>{ &props.title }</h3>
                <div class="output-actions">
                    <span class={classes!("copy-status", failed.then_some("failed"))}
                          role="status" aria-live="polite">{ status }</span>
                    // Withheld, the buttons look dimmed but still answer a click (or a key)
                    // with why nothing happens; the withheld note is their description.
                    <button type="button" class={classes!("button", withheld.then_some("withheld-button"))}
                            onclick={on_copy} disabled={empty && !withheld}
                            aria-describedby={withheld.then(|| withheld_id.clone())}>
                        { chrome::COPY.get(lang) }
                    </button>
                    if let Some(name) = &props.file_name {
                        <button type="button" class={classes!("button", withheld.then_some("withheld-button"))}
                                onclick={on_download} disabled={empty && !withheld}
                                title={format!("{} {name}", chrome::SAVES_AS.get(lang))}
                                aria-describedby={withheld.then(|| withheld_id.clone())}>
                            { chrome::DOWNLOAD.get(lang) }
                        </button>
                    }
                </div>
            </div>
            <p class="output-hint">{ inline_code(props.hint.get(lang)) }</p>
            if let Some(reason) = &props.withheld {
                <div class="withheld" id={withheld_id}>
                    <p><strong>{ chrome::WITHHELD.get(lang) }</strong>{ " " }{ inline_code(reason) }</p>
                    <p class="withheld-hint">{ chrome::WITHHELD_HINT.get(lang) }</p>
                </div>
            } else if empty {
                <pre class="code empty"><code>{ chrome::EMPTY_OUTPUT.get(lang) }</code></pre>
            } else {
                <pre class="code" tabindex="0" aria-label={props.title.clone()}><code ref={shown}>
                    if props.explained {
                        { explained(&props.text, lang) }
                    } else if !props.marked.is_empty() {
                        { for props.text.split_inclusive('\n').enumerate().map(|(i, line)| {
                            if props.marked.contains(&(i + 1)) {
                                html! { <mark class="changed-line">{ line }</mark> }
                            } else {
                                html! { { line } }
                            }
                        }) }
                    } else {
                        { &props.text }
                    }
                </code></pre>
            }
        </section>
    }
}
