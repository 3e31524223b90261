//! The "Check my config" tab: paste a configuration, see its problems beside its lines.

use crate::chrome;
use crate::diagnostics::{by_severity, tally, DiagnosticCard};
use crate::fixed;
use crate::page::{Action, Pasted};
use postfix_tls::diagnostic::{Diagnostic, FileKind, Severity};
use postfix_tls::lang::{Lang, Text};
use postfix_tls::paste::Paste;
use postfix_tls::rules::LintContext;
use postfix_tls::version::PostfixVersion;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

const KINDS: [FileKind; 3] = [FileKind::MainCf, FileKind::MasterCf, FileKind::PostconfN];

/// What a pasted text was read as (main.cf, master.cf or both) and its findings, judged as
/// a public MX's (where the strictest rules apply) on the given Postfix series (with an
/// OpenSSL it shipped with). Shared, not copied: a paste of thousands of lines has
/// thousands of findings.
fn lint((pasted, postfix): &(Pasted, PostfixVersion)) -> (String, Rc<Vec<Diagnostic>>) {
    let ctx = LintContext::for_postfix(*postfix);
    let paste = Paste::read(&pasted.text, pasted.kind);
    (paste.describe(), Rc::new(paste.lint(&ctx)))
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
    let text = AttrValue::from(pasted.text.clone());
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
    let on_open = props
        .dispatch
        .reform(|_: MouseEvent| Action::OpenInGenerator);
    let on_open_fixed = props.dispatch.reform(Action::OpenFixedInGenerator);
    // The text area is not bound to the state: the browser keeps what is typed, and the text
    // is only written when the state holds another (Clear, a test's fill). Writing it back on
    // every keystroke made the browser lay the whole text out again each time.
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with(text.clone(), move |text| {
            if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                if area.value() != text.as_str() {
                    area.set_value(text);
                }
            }
        });
    }
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
                          autocomplete="off" ref={area} oninput={on_input} />
            </div>
            if has_text {
                <div class="toolbar">
                    <button type="button" class="button primary" onclick={on_open}>{ chrome::OPEN_IN_GENERATOR.get(lang) }</button>
                    <button type="button" class="button" onclick={on_clear}>{ chrome::CLEAR.get(lang) }</button>
                </div>
            }
            <section class="check-result" aria-labelledby="check-result-heading">
                <h3 id="check-result-heading">
                    { chrome::CHECK_RESULT.get(lang) }
                    if has_text {
                        <span class="tally">
                            { format!("{}: {} · {} Postfix {postfix}", chrome::DETECTED_AS.get(lang), kind, chrome::CHECK_AGAINST.get(lang)) }
                            if !diagnostics.is_empty() { { format!(" · {}", tally(&diagnostics, lang)) } }
                        </span>
                    }
                </h3>
                if !has_text {
                    <p class="muted">{ chrome::CHECK_EMPTY.get(lang) }</p>
                } else if diagnostics.is_empty() {
                    <p class="all-clear">{ chrome::CHECK_CLEAN.get(lang) }</p>
                } else {
                    <Annotated text={text.clone()} diagnostics={diagnostics} lang={lang} />
                }
            </section>
            if has_text {
                <fixed::FixedView text={text.clone()} kind={pasted.kind} {postfix} {lang} on_open={on_open_fixed} />
            }
        </div>
    }
}

/// Lines of the listing shown at first, and added by each "Show more": a paste of thousands
/// of lines shows its first screens at once, not after every line is laid out. A line with
/// a finding takes about a fifth of a screen; the browser's work for a paste grows with the
/// lines shown (250 took most of the 350-550 ms of a 5,000-finding paste).
const PAGE_LINES: usize = 50;

#[derive(Properties, PartialEq)]
struct AnnotatedProps {
    text: AttrValue,
    diagnostics: Rc<Vec<Diagnostic>>,
    lang: Lang,
}

/// The findings grouped by the line they are on (most severe first), and those about the
/// whole file. Built once per lint, so that a line looks up its findings instead of every
/// line scanning every finding.
#[derive(PartialEq)]
struct Grouped {
    by_line: BTreeMap<usize, Vec<Diagnostic>>,
    unplaced: Vec<Diagnostic>,
    lines: usize,
}

fn group((text, diagnostics): &(AttrValue, Rc<Vec<Diagnostic>>)) -> Grouped {
    let lines = text.lines().count();
    let mut by_line: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for d in by_severity(diagnostics) {
        match d.line {
            Some(line) if line >= 1 && line <= lines => by_line.entry(line).or_default().push(d),
            _ => unplaced.push(d),
        }
    }
    Grouped {
        by_line,
        unplaced,
        lines,
    }
}

/// The pasted text with line numbers, each finding right below its line; findings about the
/// whole file first. A filter shows only the lines with findings of one severity; long texts
/// are shown a page of lines at a time.
#[component]
fn Annotated(props: &AnnotatedProps) -> Html {
    let lang = props.lang;
    let grouped = use_memo((props.text.clone(), props.diagnostics.clone()), group);
    let filter = use_state(|| None::<Severity>);
    let shown = use_state(|| PAGE_LINES);
    let wanted = |found: Option<&Vec<Diagnostic>>| match *filter {
        None => true,
        Some(severity) => found.is_some_and(|f| f.iter().any(|d| d.severity == severity)),
    };
    let rows: Vec<(usize, &str)> = props
        .text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(number, _)| wanted(grouped.by_line.get(number)))
        .collect();
    let total = rows.len();
    let count = |severity: Severity| {
        grouped
            .by_line
            .values()
            .filter(|found| found.iter().any(|d| d.severity == severity))
            .count()
    };
    let choice = |value: Option<Severity>, label: String| {
        let checked = *filter == value;
        let onchange = {
            let filter = filter.clone();
            let shown = shown.clone();
            Callback::from(move |_: Event| {
                filter.set(value);
                shown.set(PAGE_LINES);
            })
        };
        html! {
            <label class="filter-choice">
                <input type="radio" name="listing-filter" {checked} {onchange} />
                { label }
            </label>
        }
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE_LINES))
    };
    html! {
        <>
            if !grouped.unplaced.is_empty() {
                <div class="whole-file">
                    <h4>{ chrome::WHOLE_FILE.get(lang) }</h4>
                    { for grouped.unplaced.iter().map(|d| html! { <DiagnosticCard diagnostic={d.clone()} lang={lang} /> }) }
                </div>
            }
            if !grouped.by_line.is_empty() {
                <fieldset class="listing-filter">
                    <legend>{ chrome::SHOW_LINES.get(lang) }</legend>
                    { choice(None, format!("{} ({})", chrome::ALL_LINES.get(lang), grouped.lines)) }
                    { for [Severity::Error, Severity::Warning, Severity::Info].into_iter()
                        .map(|s| (s, count(s)))
                        .filter(|(_, n)| *n > 0)
                        .map(|(s, n)| choice(Some(s), format!("{} ({n})", severity_lines(s).get(lang)))) }
                </fieldset>
            }
            <ol class="listing">
                { for rows.iter().take(*shown).map(|&(number, line)| html! {
                    <ListingRow key={number} {number} line={line.to_string()}
                                found={grouped.by_line.get(&number).cloned().unwrap_or_default()} {lang} />
                }) }
            </ol>
            if total > *shown {
                <div class="toolbar">
                    <button type="button" class="button" onclick={more}>
                        { format!("{} ({} / {total})", chrome::SHOW_MORE_LINES.get(lang), *shown) }
                    </button>
                </div>
            }
        </>
    }
}

/// The filter's name for the lines with findings of a severity.
fn severity_lines(severity: Severity) -> &'static Text {
    match severity {
        Severity::Error => &chrome::LINES_WITH_ERRORS,
        Severity::Warning => &chrome::LINES_WITH_WARNINGS,
        Severity::Info => &chrome::LINES_WITH_NOTES,
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    number: usize,
    line: String,
    found: Vec<Diagnostic>,
    lang: Lang,
}

/// One line of the listing and its findings; unchanged lines are not laid out again while
/// the user types elsewhere.
#[component]
fn ListingRow(props: &RowProps) -> Html {
    let marked = props.found.iter().map(|d| d.severity).max();
    html! {
        <li class={classes!("listing-line", marked.map(|s| s.as_str()))} value={props.number.to_string()}>
            <div class="listing-row">
                <span class="line-number">{ props.number }</span>
                <code class="line-text">{ &props.line }</code>
            </div>
            { for props.found.iter().map(|d| html! { <DiagnosticCard diagnostic={d.clone()} lang={props.lang} located=true /> }) }
        </li>
    }
}
