//! The pasted configuration opened in the generator: the role read from it, what could not
//! be carried over, and the pasted files with the generated output applied, with their diff.

use crate::chrome;
use crate::diagnostics::inline_code;
use crate::output::OutputPanel;
use crate::page::{Action, Opened};
use postfix_tls::diagnostic::FileKind;
use postfix_tls::lang::Lang;
use postfix_tls::options::{Choice, Role};
use postfix_tls::stock::{self, Applied};
use postfix_tls::Output;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub opened: Rc<Opened>,
    pub role: Role,
    pub output: Rc<Output>,
    /// No configuration is handed out while a choice is refused.
    pub withheld: bool,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The pasted main.cf and master.cf with the output applied.
fn apply((opened, output): &(Rc<Opened>, Rc<Output>)) -> (Option<Applied>, Option<Applied>) {
    let main = opened
        .main_cf
        .as_deref()
        .map(|text| stock::applied_to(text, &output.main_cf, FileKind::MainCf, "pasted"));
    let master = opened
        .master_cf
        .as_deref()
        .map(|text| stock::applied_to(text, &output.master_cf, FileKind::MasterCf, "pasted"));
    (main, master)
}

#[component]
pub fn OpenedPanel(props: &Props) -> Html {
    let lang = props.lang;
    let imported = &props.opened.imported;
    let applied = use_memo((props.opened.clone(), props.output.clone()), apply);
    let (main, master) = applied.as_ref();
    let on_close = props.dispatch.reform(|_: MouseEvent| Action::CloseOpened);
    let guess = if imported.role_guessed {
        chrome::ROLE_GUESSED.get(lang)
    } else {
        chrome::ROLE_READ.get(lang)
    };
    let panel = |title: &str, id: &'static str, file: &'static str, hint, text: &str| {
        html! {
            <OutputPanel title={AttrValue::from(title.to_string())} id={id} file_name={AttrValue::from(file)}
                         hint={hint} text={AttrValue::from(text.to_string())} lang={lang} />
        }
    };
    html! {
        <section class="opened" aria-labelledby="opened-heading">
            <h3 id="opened-heading">{ chrome::OPENED_TITLE.get(lang) }</h3>
            <p class="opened-role">
                { format!("{}: {} ({guess}: ", chrome::OPENED_ROLE.get(lang), props.role.label().get(lang)) }
                { inline_code(imported.role_reason.get(lang)) }
                { ")" }
            </p>
            <h4>{ format!("{} ({})", chrome::NOT_CARRIED.get(lang), imported.left_out.len()) }</h4>
            if imported.left_out.is_empty() {
                <p class="muted">{ chrome::ALL_CARRIED.get(lang) }</p>
            } else {
                <ul class="not-carried">
                    { for imported.left_out.iter().map(|left| {
                        let place = left.line.map(|line| format!("{} {line} ", chrome::LINE.get(lang)));
                        let setting = if left.value.is_empty() {
                            left.name.clone()
                        } else {
                            format!("{} = {}", left.name, left.value)
                        };
                        html! {
                            <li>
                                if let Some(place) = place {
                                    <span class="location">{ place }</span>
                                }
                                <code class="setting">{ setting }</code>
                                { ": " }{ inline_code(left.reason.get(lang)) }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !props.withheld {
                if let Some(main) = main {
                    { panel(chrome::PASTED_MAIN_TITLE.get(lang), "opened-main-cf", chrome::STOCK_MAIN_DOWNLOAD, chrome::PASTED_FILE_HINT.clone(), &main.text) }
                    { panel(chrome::PASTED_MAIN_DIFF_TITLE.get(lang), "opened-main-diff", chrome::STOCK_MAIN_DIFF_DOWNLOAD, chrome::PASTED_DIFF_HINT.clone(), &main.diff) }
                }
                if let Some(master) = master {
                    { panel(chrome::PASTED_MASTER_TITLE.get(lang), "opened-master-cf", chrome::STOCK_MASTER_DOWNLOAD, chrome::PASTED_FILE_HINT.clone(), &master.text) }
                    { panel(chrome::PASTED_MASTER_DIFF_TITLE.get(lang), "opened-master-diff", chrome::STOCK_MASTER_DIFF_DOWNLOAD, chrome::PASTED_DIFF_HINT.clone(), &master.diff) }
                }
            }
            <div class="toolbar">
                <button type="button" class="button" onclick={on_close}>{ chrome::CLOSE_OPENED.get(lang) }</button>
            </div>
        </section>
    }
}
