//! The "Generate" view: the choices in the order an admin thinks on one side, the generated
//! configuration and its findings on the other.

use crate::chrome;
use crate::controls::{Choices, PanelProps, Switch};
use crate::diagnostics::Findings;
use crate::host::Host;
use crate::opened::OpenedPanel;
use crate::output::OutputPanel;
use crate::page::{Action, Opened};
use crate::share::Share;
use postfix_tls::diagnostic::{has_errors, Severity, Topic};
use postfix_tls::lang::{Lang, Text};
use postfix_tls::options::{Field, Options};
use postfix_tls::stock;
use postfix_tls::Output;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub options: Rc<Options>,
    pub output: Rc<Output>,
    /// A pasted configuration opened here, which the output is applied to.
    #[prop_or_default]
    pub opened: Option<Rc<Opened>>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

const GROUPS: [Topic; 7] = [
    Topic::Host,
    Topic::Certificates,
    Topic::Inbound,
    Topic::Submission,
    Topic::Outbound,
    Topic::Protocols,
    Topic::Logging,
];

#[component]
pub fn Generate(props: &Props) -> Html {
    let lang = props.lang;
    let o = &props.options;
    let diagnostics = use_memo(props.output.clone(), |out| out.diagnostics.clone());
    let setup = use_memo(o.clone(), |o| o.resolve());
    let panel = PanelProps {
        options: o.clone(),
        setup,
        diagnostics: diagnostics.clone(),
        lang,
        dispatch: props.dispatch.clone(),
    };
    let out = &props.output;
    // While a value is refused, the rest would apply without it (no certificate, TLS off):
    // no configuration is shown, only the reason.
    let withheld = has_errors(&out.diagnostics).then(|| {
        let reasons: Vec<&str> = out
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.get(lang))
            .collect();
        AttrValue::from(reasons.join("; "))
    });
    html! {
        <div class="generate">
            <div class="choices">
                <Sections lang={lang} />
                <Host ..panel.clone() />
                { for GROUPS[1..].iter().map(|&topic| html! { <Choices ..panel.group(topic) /> }) }
                // On a narrow screen the configuration is far below: this stays at the bottom
                // of the screen while the choices scroll by.
                <a class="button primary show-result" href={format!("#{RESULTS}")} onclick={jump(RESULTS)}>
                    { chrome::SHOW_RESULT.get(lang) }
                </a>
            </div>
            <div class="results" id={RESULTS}>
                <h2>{ chrome::RESULT.get(lang) }</h2>
                if let Some(opened) = &props.opened {
                    <OpenedPanel opened={opened.clone()} role={o.role} output={out.clone()}
                                 withheld={withheld.is_some()} lang={lang} dispatch={props.dispatch.clone()} />
                }
                <Switch ..panel.switch(Field::Comments) />
                <Findings diagnostics={diagnostics.clone()} lang={lang} />
                <OutputPanel title={AttrValue::from(chrome::POSTCONF_TITLE.get(lang).to_string())} id="postconf"
                             file_name={AttrValue::from(chrome::POSTCONF_DOWNLOAD)} hint={chrome::POSTCONF_HINT.clone()}
                             text={AttrValue::from(out.postconf.clone())} withheld={withheld.clone()} lang={lang} />
                <OutputPanel title="main.cf" id="main-cf" file_name={AttrValue::from(chrome::MAIN_CF_DOWNLOAD)} hint={chrome::MAIN_CF_HINT.clone()}
                             text={AttrValue::from(out.main_cf.clone())} withheld={withheld.clone()} explained={o.comments} lang={lang} />
                <OutputPanel title="master.cf" id="master-cf" file_name={AttrValue::from(chrome::MASTER_CF_DOWNLOAD)} hint={chrome::MASTER_CF_HINT.clone()}
                             text={AttrValue::from(out.master_cf.clone())} withheld={withheld.clone()} explained={o.comments} lang={lang} />
                if withheld.is_none() {
                    <StockFiles options={o.clone()} output={out.clone()} lang={lang} />
                }
                { for out.others.iter().map(|other| html! {
                    <OutputPanel title={AttrValue::from(other.title.get(lang).to_string())} id={other.id}
                                 hint={other.hint.clone()} text={AttrValue::from(other.text.clone())} withheld={withheld.clone()} lang={lang} />
                }) }
                <Share options={o.clone()} fragment={AttrValue::from(out.fragment.clone())} lang={lang} dispatch={props.dispatch.clone()} />
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StockProps {
    options: Rc<Options>,
    output: Rc<Output>,
    lang: Lang,
}

/// For a distribution whose stock files are known: the whole main.cf and master.cf with the
/// output applied, and the diff against stock, folded away until asked for.
#[component]
fn StockFiles(props: &StockProps) -> Html {
    let lang = props.lang;
    let applied = use_memo(props.output.clone(), {
        let options = props.options.clone();
        move |out| stock::applied(&options, &out.main_cf, &out.master_cf)
    });
    let (Some((main, master)), Some(preset)) = (applied.as_ref(), props.options.preset) else {
        return Html::default();
    };
    let name = preset.name();
    let panel = |title: String, id: &'static str, file: &'static str, hint: &Text, text: &str| {
        html! {
            <OutputPanel title={AttrValue::from(title)} id={id} file_name={AttrValue::from(file)}
                         hint={hint.clone()} text={AttrValue::from(text.to_string())} lang={lang} />
        }
    };
    html! {
        <details class="stock-files">
            <summary>{ format!("{} {name}", chrome::STOCK_SUMMARY.get(lang)) }</summary>
            { panel(format!("main.cf ({name})"), "stock-main-cf", chrome::STOCK_MAIN_DOWNLOAD, &chrome::STOCK_FILE_HINT, &main.text) }
            { panel(format!("main.cf diff ({name})"), "stock-main-diff", chrome::STOCK_MAIN_DIFF_DOWNLOAD, &chrome::STOCK_DIFF_HINT, &main.diff) }
            { panel(format!("master.cf ({name})"), "stock-master-cf", chrome::STOCK_MASTER_DOWNLOAD, &chrome::STOCK_FILE_HINT, &master.text) }
            { panel(format!("master.cf diff ({name})"), "stock-master-diff", chrome::STOCK_MASTER_DIFF_DOWNLOAD, &chrome::STOCK_DIFF_HINT, &master.diff) }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct SectionsProps {
    lang: Lang,
}

/// Links to each group of choices and to the results; a component of its own, so that a
/// change of the options does not rebuild it.
#[component]
fn Sections(props: &SectionsProps) -> Html {
    let lang = props.lang;
    html! {
        <nav class="sections" aria-label={chrome::SECTIONS.get(lang)}>
            <ul>
                { for GROUPS.iter().map(|&topic| html! {
                    <li><a href={format!("#{}", chrome::topic_id(topic))}
                           onclick={jump(chrome::topic_id(topic))}>{ chrome::topic_title(topic).get(lang) }</a></li>
                }) }
                <li><a class="to-results" href={format!("#{RESULTS}")} onclick={jump(RESULTS)}>
                    { chrome::RESULT.get(lang) }
                </a></li>
            </ul>
        </nav>
    }
}

/// The id of the column with the generated configuration.
pub const RESULTS: &str = "results";

/// Section links scroll in the page and move the focus there, instead of replacing the
/// fragment, which holds the share link.
pub fn jump(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(target) = gloo::utils::document().get_element_by_id(id) {
            if let Some(heading) = target.query_selector("h2").ok().flatten() {
                let _ = heading.set_attribute("tabindex", "-1");
                if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                {
                    let _ = heading.focus();
                }
            }
            // After the focus, which scrolls only as far as needed, put the section on top.
            target.scroll_into_view();
        }
    })
}
