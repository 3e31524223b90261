//! The "How to verify" view: the core's checks for the chosen setup, each with a Copy
//! button for its commands.

use crate::chrome;
use crate::diagnostics::inline_code;
use crate::output::OutputPanel;
use postfix_tls::lang::Lang;
use postfix_tls::options::Options;
use postfix_tls::verify;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub options: Rc<Options>,
    pub lang: Lang,
}

#[component]
pub fn Verify(props: &Props) -> Html {
    let lang = props.lang;
    let steps = verify::commands(&props.options);
    // A refused value (a URL as the host name) would end up in the commands: withheld, with
    // the reason, as on the Generate tab.
    let refused: Vec<String> = props
        .options
        .validate()
        .iter()
        .map(|d| d.message.get(lang).to_string())
        .collect();
    let withheld = (!refused.is_empty()).then(|| AttrValue::from(refused.join("; ")));
    html! {
        <div class="verify">
            <h2>{ chrome::VERIFY_TITLE.get(lang) }</h2>
            <p class="lead">{ chrome::VERIFY_HINT.get(lang) }</p>
            { for steps.iter().enumerate().map(|(i, step)| {
                let title = AttrValue::from(step.title.get(lang).to_string());
                html! {
                    <div class="verify-step">
                        if step.commands.is_empty() {
                            <h3>{ title }</h3>
                            <p>{ inline_code(step.expect.get(lang)) }</p>
                        } else {
                            <OutputPanel title={title} id={format!("verify-{i}")}
                                         hint={step.expect.clone()} text={step.commands.join("\n")}
                                         withheld={withheld.clone()} lang={lang} />
                        }
                    </div>
                }
            }) }
            <div class="verify-step">
                <OutputPanel title={AttrValue::from(chrome::VERIFY_SCRIPT_TITLE.get(lang).to_string())} id="verify-script"
                             file_name={AttrValue::from(chrome::VERIFY_DOWNLOAD)} hint={chrome::VERIFY_SCRIPT_HINT.clone()}
                             text={AttrValue::from(verify::script(&props.options, lang))}
                             withheld={withheld} lang={lang} />
            </div>
        </div>
    }
}
