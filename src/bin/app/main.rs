//! The web app: a thin Yew shell over the core library.
//!
//! One reducer holds the page state ([`page::Page`]); every panel gets the data it shows and
//! a `Callback<Action>`. What the page shows about Postfix comes from `postfix_tls`.

mod check;
mod chrome;
mod clipboard;
mod controls;
mod diagnostics;
mod fixed;
mod generate;
mod host;
mod linked;
mod masthead;
mod messages;
mod opened;
mod output;
mod page;
mod prerender;
mod reference;
mod share;
mod verify;

use page::{Action, Notice, Page, Tab};
use postfix_tls::lang::{self, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// The page's first state: from the browser in the app, the defaults in the prerendered copy.
#[derive(Properties, PartialEq)]
struct AppProps {
    initial: Page,
}

#[component]
fn App(props: &AppProps) -> Html {
    let page = use_reducer({
        let initial = props.initial.clone();
        move || initial
    });
    // One callback for the page's lifetime: props holding it compare equal across renders,
    // so Yew skips the panels and controls a change does not touch.
    let dispatch = use_callback(page.dispatcher(), |action: Action, page| {
        page.dispatch(action)
    });
    page::use_remember(&page.options);
    reference::use_reference_links(page.tab, &page.options, dispatch.clone());
    let fetched = messages::use_messages(page.lang);
    // The language the page shows: the chosen one once its messages are there, English
    // until then. At the start the app waits for them (a German visitor keeps seeing the
    // German static copy, not English); after a switch it shows English meanwhile.
    let lang = if lang::ready(page.lang) {
        page.lang
    } else {
        Lang::En
    };
    let started = use_mut_ref(|| false);
    let waiting = !*started.borrow() && lang != page.lang && !fetched;
    *started.borrow_mut() |= !waiting;
    // The static copy of the page (see prerender.rs) has served its purpose once the app
    // has drawn itself (hidden beside it until then, style/app.css).
    let copy = use_mut_ref(|| prerender::Handover::Shown);
    use_effect(move || {
        if !waiting {
            prerender::hand_over(&mut copy.borrow_mut());
        }
    });
    // While the app waits, the static copy is what shows, and it set the language (boot.js).
    use_effect_with((lang, waiting), |&(lang, waiting)| {
        if !waiting {
            gloo::utils::document_element()
                .set_attribute("lang", lang.tag())
                .ok();
            gloo::utils::document().set_title(chrome::TITLE.get(lang));
        }
    });
    let output = use_memo(page.options.clone(), postfix_tls::generate);
    if waiting {
        return html! {};
    }
    html! {
        <>
            <a class="skip-link" href="#main">{ chrome::SKIP.get(lang) }</a>
            if page.tab == Tab::Generate {
                <a class="skip-link" href={format!("#{}", generate::RESULTS)} onclick={generate::jump(generate::RESULTS)}>
                    { chrome::SKIP_TO_RESULT.get(lang) }
                </a>
            }
            <masthead::Masthead lang={lang} dispatch={dispatch.clone()} />
            <main id="main">
            if let Some(notice) = &page.notice {
                <NoticeBar notice={notice.clone()} lang={lang} dispatch={dispatch.clone()} />
            }
            <Tabs current={page.tab} lang={lang} dispatch={dispatch.clone()} />
            <div role="tabpanel" id={format!("panel-{}", page.tab.id())}
                 aria-labelledby={format!("tab-{}", page.tab.id())}>
                { match page.tab {
                    Tab::Generate => html! {
                        <generate::Generate options={Rc::new(page.options.clone())} output={output.clone()}
                                            opened={page.opened.clone().map(Rc::new)}
                                            lang={lang} dispatch={dispatch.clone()} />
                    },
                    Tab::Check => html! {
                        <check::Check pasted={page.pasted.clone()} generate_postfix={page.options.postfix} lang={lang} dispatch={dispatch.clone()} />
                    },
                    Tab::Verify => html! {
                        <verify::Verify options={Rc::new(page.options.clone())} lang={lang} />
                    },
                    Tab::Reference => html! {
                        <reference::ReferenceView lang={lang} dispatch={dispatch.clone()} />
                    },
                } }
            </div>
            </main>
            <footer class="footer"><p>{ chrome::FOOTER.get(lang) }</p></footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct TabsProps {
    current: Tab,
    lang: Lang,
    dispatch: Callback<Action>,
}

/// The tab list: a component of its own, so that a change of the options does not rebuild it.
#[component]
fn Tabs(props: &TabsProps) -> Html {
    let (lang, dispatch) = (props.lang, &props.dispatch);
    html! {
        <div class="tabs" role="tablist" aria-label={chrome::VIEWS.get(lang)}>
            { for Tab::ALL.iter().map(|&tab| {
                let selected = props.current == tab;
                html! {
                    <button type="button" role="tab" id={format!("tab-{}", tab.id())}
                            aria-selected={selected.to_string()}
                            aria-controls={selected.then(|| format!("panel-{}", tab.id()))}
                            class={classes!("tab", selected.then_some("selected"))}
                            onclick={dispatch.reform(move |_: MouseEvent| Action::Tab(tab))}
                            onkeydown={arrow_keys(tab, dispatch.clone())}>
                        { tab.label().get(lang) }
                    </button>
                }
            }) }
        </div>
    }
}

/// Left and Right move between the tabs, as in every tab list (WAI-ARIA tabs pattern).
fn arrow_keys(tab: Tab, dispatch: Callback<Action>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let step = match e.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => Tab::ALL.len() - 1,
            _ => return,
        };
        e.prevent_default();
        let here = Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
        let next = Tab::ALL[(here + step) % Tab::ALL.len()];
        if let Some(button) =
            gloo::utils::document().get_element_by_id(&format!("tab-{}", next.id()))
        {
            if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
                let _ = button.focus();
            }
        }
        dispatch.emit(Action::Tab(next));
    })
}

#[derive(Properties, PartialEq)]
struct NoticeProps {
    notice: Notice,
    lang: Lang,
    dispatch: Callback<Action>,
}

/// A one-time message: why a link or file was refused, or what a button did.
#[component]
fn NoticeBar(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let (sentence, reason) = props.notice.texts();
    let problem = props.notice.is_problem();
    html! {
        <div class={classes!("notice", problem.then_some("problem"))}
             role={if problem { "alert" } else { "status" }}>
            <p>
                { sentence.get(lang) }
                if let Some(reason) = reason {
                    <span class="notice-reason">{ format!(" ({})", reason.get(lang)) }</span>
                }
            </p>
            <button type="button" class="button small" onclick={props.dispatch.reform(|_: MouseEvent| Action::Dismiss)}>
                { chrome::DISMISS.get(lang) }
            </button>
        </div>
    }
}

/// The element in index.html the app draws itself in.
#[cfg(not(feature = "prerender"))]
const HOST: &str = "app";

#[cfg(not(feature = "prerender"))]
fn main() {
    let props = AppProps {
        initial: Page::load(),
    };
    // Into its own element: Yew empties the element it is given, and the static copy stays
    // on screen until the app has drawn itself (a German visitor's app waits for the German
    // messages first).
    match gloo::utils::document().get_element_by_id(HOST) {
        Some(host) => yew::Renderer::<App>::with_root_and_props(host, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}

/// Built natively with the `prerender` feature, the app writes its static copy into a
/// built index.html (Trunk's post-build hook, scripts/prerender).
#[cfg(feature = "prerender")]
fn main() -> std::process::ExitCode {
    prerender::main()
}
