//! Diagnostics: one card per finding, with the rule's explanation and source, and the list
//! of all findings by severity.

use crate::chrome;
use postfix_tls::diagnostic::{Diagnostic, Severity};
use postfix_tls::lang::{Lang, Text};
use postfix_tls::rules;
use std::rc::Rc;
use yew::prelude::*;

/// Shows `rustc`-style text with the names in backticks as code.
pub fn inline_code(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part }</code> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub diagnostic: Diagnostic,
    pub lang: Lang,
    /// Show where in the file it is (for pasted configs and the full list).
    #[prop_or_default]
    pub located: bool,
}

#[component]
pub fn DiagnosticCard(props: &CardProps) -> Html {
    let lang = props.lang;
    let d = &props.diagnostic;
    let rule = rules::rule(d.id);
    let location = match (props.located, d.file, d.line) {
        (true, Some(file), Some(line)) => {
            format!("{} {} {line}", file.as_str(), chrome::LINE.get(lang))
        }
        (true, Some(file), None) => file.as_str().to_string(),
        _ => String::new(),
    };
    let role = if d.severity == Severity::Error {
        "alert"
    } else {
        "note"
    };
    html! {
        <div class={classes!("diagnostic", d.severity.as_str())} role={role}>
            <p class="diagnostic-message">
                <span class="severity">{ d.severity.label().get(lang) }</span>
                { inline_code(d.message.get(lang)) }
                if !location.is_empty() {
                    <span class="location">{ location }</span>
                }
            </p>
            if !d.help.get(lang).is_empty() {
                <p class="diagnostic-help">{ inline_code(d.help.get(lang)) }</p>
            }
            <details class="explanation">
                <summary>{ chrome::EXPLANATION.get(lang) }<span class="rule-id">{ rule.id.as_str() }</span></summary>
                <dl>
                    <dt>{ chrome::WHAT.get(lang) }</dt>
                    <dd>{ inline_code(rule.what.get(lang)) }</dd>
                    <dt>{ chrome::WHY.get(lang) }</dt>
                    <dd>{ inline_code(rule.why.get(lang)) }</dd>
                    <dt>{ chrome::FIX.get(lang) }</dt>
                    <dd>{ inline_code(rule.fix.get(lang)) }</dd>
                </dl>
                <p class="source">
                    { chrome::SOURCE.get(lang) }{ " " }
                    <a href={rule.source.url} target="_blank" rel="noopener noreferrer">{ rule.source.name }</a>
                </p>
                { crate::reference::links_for(d.message.get(Lang::En), lang) }
            </details>
        </div>
    }
}

/// "2 errors, 1 warning" for a list of diagnostics.
pub fn tally(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let parts: [(usize, &Text, &Text); 3] = [
        (
            count(Severity::Error),
            &chrome::ERROR_ONE,
            &chrome::ERROR_MANY,
        ),
        (
            count(Severity::Warning),
            &chrome::WARNING_ONE,
            &chrome::WARNING_MANY,
        ),
        (count(Severity::Info), &chrome::INFO_ONE, &chrome::INFO_MANY),
    ];
    parts
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| chrome::count(n, one, many).get(lang).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The diagnostics, errors first, keeping their order within a severity.
pub fn by_severity(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut sorted = diagnostics.to_vec();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    sorted
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub lang: Lang,
}

/// Every finding for the current choices, by severity.
#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let sorted = by_severity(&props.diagnostics);
    html! {
        <section class="findings" aria-labelledby="findings-heading">
            <h3 id="findings-heading">
                { chrome::FINDINGS.get(lang) }
                if !sorted.is_empty() {
                    <span class="tally">{ tally(&sorted, lang) }</span>
                }
            </h3>
            if sorted.is_empty() {
                <p class="all-clear">{ chrome::NO_FINDINGS.get(lang) }</p>
            } else {
                { for sorted.into_iter().map(|d| html! { <DiagnosticCard diagnostic={d} lang={lang} located=true /> }) }
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postfix_tls::rules::RuleId;

    fn finding(id: RuleId) -> Diagnostic {
        Diagnostic::new(id, Text::same("m"), Text::same("h"))
    }

    #[test]
    fn errors_come_first_and_ties_keep_their_order() {
        let found = [
            finding(RuleId::TlsDebugLoglevel),
            finding(RuleId::InvalidValue),
            finding(RuleId::DuplicateParameter),
            finding(RuleId::MalformedLine),
        ];
        let ids: Vec<_> = by_severity(&found).iter().map(|d| d.id).collect();
        assert_eq!(
            ids,
            [
                RuleId::InvalidValue,
                RuleId::MalformedLine,
                RuleId::DuplicateParameter,
                RuleId::TlsDebugLoglevel
            ]
        );
    }

    #[test]
    fn the_tally_counts_in_both_languages() {
        let found = [
            finding(RuleId::InvalidValue),
            finding(RuleId::DuplicateParameter),
            finding(RuleId::UnknownParameter),
        ];
        assert_eq!(tally(&found, Lang::En), "1 error, 2 warnings");
        assert_eq!(tally(&found, Lang::De), "1 Fehler, 2 Warnungen");
        assert_eq!(tally(&[], Lang::En), "");
    }
}
