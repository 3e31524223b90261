//! The "Check my config" tab: paste a configuration, see its problems beside its lines.

use crate::chrome;
use crate::diagnostics::{by_severity, tally, DiagnosticCard};
use crate::page::{Action, Pasted};
use postfix_tls::diagnostic::{Diagnostic, FileKind};
use postfix_tls::lang::Lang;
use postfix_tls::rules::{self, LintContext};
use postfix_tls::version::PostfixVersion;
use yew::prelude::*;

const KINDS: [FileKind; 3] = [FileKind::MainCf, FileKind::MasterCf, FileKind::PostconfN];

/// The file kind and the findings for a pasted text, judged as a public MX's (where the
/// strictest rules apply) on the given Postfix series.
fn lint((pasted, postfix): &(Pasted, PostfixVersion)) -> (FileKind, Vec<Diagnostic>) {
    let ctx = LintContext {
        postfix: *postfix,
        ..LintContext::default()
    };
    rules::lint_text(&pasted.text, pasted.kind, &ctx)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub pasted: Pasted,
    /// The series chosen on the Generate tab, which the check follows unless another is
    /// picked here.
    pub generate_postfix: PostfixVersion,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Check(props: &Props) -> Html {
    let lang = props.lang;
    let pasted = &props.pasted;
    let postfix = pasted.postfix(props.generate_postfix);
    let (kind, diagnostics) = use_memo((pasted.clone(), postfix), lint).as_ref().clone();
    let on_input = props.dispatch.reform(|e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        Action::Paste(area.value())
    });
    let on_version = props.dispatch.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        // The first entry, "as on the Generate tab", has no version.
        Action::CheckVersion(PostfixVersion::parse(&select.value()).ok())
    });
    let on_kind = props.dispatch.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        Action::CheckKind(KINDS.into_iter().find(|k| k.as_str() == value))
    });
    let on_clear = props
        .dispatch
        .reform(|_: MouseEvent| Action::Paste(String::new()));
    let has_text = !pasted.text.trim().is_empty();
    html! {
        <div class="check">
            <h2>{ chrome::CHECK_TITLE.get(lang) }</h2>
            <p class="lead">{ chrome::CHECK_HINT.get(lang) }</p>
            <div class="check-settings">
                <div class="field">
                    <label for="check-version">{ chrome::POSTFIX_VERSION.get(lang) }</label>
                    <select id="check-version" onchange={on_version}>
                        <option value="" selected={pasted.postfix.is_none()}>
                            { format!("{} ({})", props.generate_postfix, chrome::SAME_AS_GENERATE.get(lang)) }
                        </option>
                        { for PostfixVersion::ALL.iter().rev().map(|v| html! {
                            <option value={v.to_string()} selected={Some(*v) == pasted.postfix}>{ v.to_string() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="check-kind">{ chrome::FILE_KIND.get(lang) }</label>
                    <select id="check-kind" onchange={on_kind}>
                        <option value="" selected={pasted.kind.is_none()}>{ chrome::DETECT.get(lang) }</option>
                        { for KINDS.iter().map(|k| html! {
                            <option value={k.as_str()} selected={pasted.kind == Some(*k)}>{ k.as_str() }</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="check-text">{ chrome::PASTE_LABEL.get(lang) }</label>
                <textarea id="check-text" class="paste" rows="12" spellcheck="false"
                          autocomplete="off" value={pasted.text.clone()} oninput={on_input} />
            </div>
            if has_text {
                <div class="toolbar">
                    <button type="button" class="button" onclick={on_clear}>{ chrome::CLEAR.get(lang) }</button>
                </div>
            }
            <section class="check-result" aria-labelledby="check-result-heading">
                <h3 id="check-result-heading">
                    { chrome::CHECK_RESULT.get(lang) }
                    if has_text {
                        <span class="tally">
                            { format!("{}: {} · {} Postfix {postfix}", chrome::DETECTED_AS.get(lang), kind.as_str(), chrome::CHECK_AGAINST.get(lang)) }
                            if !diagnostics.is_empty() { { format!(" · {}", tally(&diagnostics, lang)) } }
                        </span>
                    }
                </h3>
                if !has_text {
                    <p class="muted">{ chrome::CHECK_EMPTY.get(lang) }</p>
                } else if diagnostics.is_empty() {
                    <p class="all-clear">{ chrome::CHECK_CLEAN.get(lang) }</p>
                } else {
                    <Annotated text={pasted.text.clone()} diagnostics={diagnostics} lang={lang} />
                }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AnnotatedProps {
    text: String,
    diagnostics: Vec<Diagnostic>,
    lang: Lang,
}

/// The pasted text with line numbers, each finding right below its line; findings about the
/// whole file first.
#[component]
fn Annotated(props: &AnnotatedProps) -> Html {
    let lang = props.lang;
    let sorted = by_severity(&props.diagnostics);
    let at = |line: usize| -> Vec<Diagnostic> {
        sorted
            .iter()
            .filter(|d| d.line == Some(line))
            .cloned()
            .collect()
    };
    let unplaced: Vec<Diagnostic> = sorted
        .iter()
        .filter(|d| {
            d.line
                .is_none_or(|l| l == 0 || l > props.text.lines().count())
        })
        .cloned()
        .collect();
    html! {
        <>
            if !unplaced.is_empty() {
                <div class="whole-file">
                    <h4>{ chrome::WHOLE_FILE.get(lang) }</h4>
                    { for unplaced.into_iter().map(|d| html! { <DiagnosticCard diagnostic={d} lang={lang} /> }) }
                </div>
            }
            <ol class="listing">
                { for props.text.lines().enumerate().map(|(i, line)| {
                    let number = i + 1;
                    let found = at(number);
                    let marked = found.iter().map(|d| d.severity).max();
                    html! {
                        <li class={classes!("listing-line", marked.map(|s| s.as_str()))} value={number.to_string()}>
                            <div class="listing-row">
                                <span class="line-number">{ number }</span>
                                <code class="line-text">{ line }</code>
                            </div>
                            { for found.into_iter().map(|d| html! { <DiagnosticCard diagnostic={d} lang={lang} located=true /> }) }
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
