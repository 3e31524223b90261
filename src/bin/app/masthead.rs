//! The page header: title, what the tool does, and the language switch.

use crate::chrome;
use crate::page::{self, Action};
use postfix_tls::lang::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// Each language's own name, so a reader finds theirs whatever is shown.
fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::De => "Deutsch",
    }
}

#[component]
pub fn Masthead(props: &Props) -> Html {
    let lang = props.lang;
    html! {
        <header class="masthead">
            <div class="brand">
                <img src="icon.svg" alt="" width="40" height="40" />
                <div>
                    <h1>{ chrome::TITLE.get(lang) }</h1>
                    <p class="tagline">{ chrome::TAGLINE.get(lang) }</p>
                </div>
            </div>
            <div class="language" role="group" aria-label={chrome::LANGUAGE.get(lang)}>
                { for Lang::ALL.iter().map(|&choice| {
                    let on_click = props.dispatch.reform(move |_: MouseEvent| {
                        page::remember_lang(choice);
                        Action::Lang(choice)
                    });
                    html! {
                        <button type="button" lang={choice.tag()}
                                class={classes!("segment", (choice == lang).then_some("selected"))}
                                aria-pressed={(choice == lang).to_string()} onclick={on_click}>
                            { endonym(choice) }
                        </button>
                    }
                }) }
            </div>
        </header>
    }
}
