//! The controls every panel is built from: a group of choices with its findings, a choice
//! among the values of a [`Choice`](postfix_tls::options::Choice), a switch and a text field.
//! Every control is drawn from its row in the core's option table ([`Field::row`]): label,
//! help, parameter links, value, and why it is disabled (from the resolved [`Setup`]).

use crate::chrome;
use crate::diagnostics::{inline_code, DiagnosticCard};
use crate::page::Action;
use postfix_tls::diagnostic::{Diagnostic, Topic};
use postfix_tls::edit::Edit;
use postfix_tls::fields::{ChoiceValue, Control, Field};
use postfix_tls::lang::{Lang, Text};
use postfix_tls::options::Options;
use postfix_tls::rules::RuleId;
use postfix_tls::setup::Setup;
use std::rc::Rc;
use yew::prelude::*;

/// What every panel of choices receives.
#[derive(Properties, PartialEq, Clone)]
pub struct PanelProps {
    pub options: Rc<Options>,
    /// What the options resolve to, for what applies.
    pub setup: Rc<Setup>,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The id of the core's finding about a refused free-text value.
const REJECTED: RuleId = RuleId::OptionValueRejected;

/// The element id of a field's control, in kebab case: `field-smarthost-name`.
pub fn control_id(field: Field) -> String {
    let mut id = String::from("field");
    for c in format!("{field:?}").chars() {
        if c.is_ascii_uppercase() {
            id.push('-');
        }
        id.push(c.to_ascii_lowercase());
    }
    id
}

impl PanelProps {
    /// The findings about one group, errors first, but not a refused value: that shows at
    /// its field ([`PanelProps::text`]). Without their place in the file, which a group does
    /// not show, findings that only moved (a comment line more above them) leave the group's
    /// props equal, and Yew skips it.
    pub fn findings(&self, topic: Topic) -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.topic == topic && d.id != REJECTED)
            .map(|d| Diagnostic {
                file: None,
                line: None,
                ..d.clone()
            })
            .collect();
        found.sort_by_key(|d| std::cmp::Reverse(d.severity));
        found
    }
}

#[derive(Properties, PartialEq)]
pub struct GroupProps {
    pub topic: Topic,
    /// From [`PanelProps::findings`].
    pub found: Vec<Diagnostic>,
    pub lang: Lang,
    pub children: Html,
}

/// A titled group of choices with the findings that belong to it right below them.
#[component]
pub fn Group(props: &GroupProps) -> Html {
    let lang = props.lang;
    let id = chrome::topic_id(props.topic);
    let heading = format!("{id}-heading");
    html! {
        <section class="group" id={id} aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ chrome::topic_title(props.topic).get(lang) }</h2>
            { props.children.clone() }
            // Always present, so that screen readers announce findings as they appear.
            <div class="group-findings" aria-live="polite">
                { for props.found.iter().map(|d| html! { <DiagnosticCard diagnostic={d.clone()} lang={lang} /> }) }
            </div>
        </section>
    }
}

/// What one group of choices shows: its controls' props and its findings. A click changes
/// the options, and with them every panel's [`PanelProps`]; compared as this, the groups the
/// click did not touch are equal and Yew skips them.
#[derive(Properties, PartialEq)]
pub struct ChoicesProps {
    pub topic: Topic,
    /// From [`PanelProps::findings`].
    pub found: Vec<Diagnostic>,
    /// From [`PanelProps::control_views`].
    pub controls: Vec<ControlView>,
    pub lang: Lang,
}

impl PanelProps {
    /// The props of the [`Choices`] of one group.
    pub fn group(&self, topic: Topic) -> ChoicesProps {
        ChoicesProps {
            topic,
            found: self.findings(topic),
            controls: self.control_views(topic),
            lang: self.lang,
        }
    }
}

/// One group of choices: every option of the table in that group, then its findings. Adding
/// an option to the table adds its control here.
#[component]
pub fn Choices(props: &ChoicesProps) -> Html {
    html! {
        <Group topic={props.topic} found={props.found.clone()} lang={props.lang}>
            { controls_html(&props.controls) }
        </Group>
    }
}

/// A control of a group, as the props it is drawn from.
#[derive(PartialEq)]
pub enum ControlView {
    Switch(SwitchProps),
    Text(TextProps),
    /// Two text fields side by side (a certificate and its key).
    TextPair(Box<(TextProps, TextProps)>),
    Choice(ChoiceProps),
}

/// The controls, in order.
fn controls_html(views: &[ControlView]) -> Html {
    let text = |props: &TextProps| html! { <TextField ..props.clone() /> };
    views
        .iter()
        .map(|view| match view {
            ControlView::Switch(props) => html! { <Switch ..props.clone() /> },
            ControlView::Text(props) => text(props),
            ControlView::TextPair(pair) => {
                let (first, second) = pair.as_ref();
                html! { <div class="field-row">{ text(first) }{ text(second) }</div> }
            }
            ControlView::Choice(props) => html! { <ChoiceField ..props.clone() /> },
        })
        .collect()
}

/// The parameters a field links to postconf(5), less those an earlier field of its group
/// already links: each parameter is linked once per group.
fn new_params(field: Field) -> Vec<&'static str> {
    let earlier = Field::ALL
        .iter()
        .take_while(|f| **f != field)
        .filter(|f| f.topic() == field.topic());
    let shown: Vec<&str> = earlier.flat_map(|f| f.params().iter().copied()).collect();
    field
        .params()
        .iter()
        .copied()
        .filter(|p| !shown.contains(p))
        .collect()
}

/// Why a control or one of its values cannot be picked, in a calm tone: a fact about the
/// other choices, not an error.
fn unavailable_note(reason: &Text, lang: Lang) -> Html {
    html! {
        <span class="unavailable">{ format!("{} {}", chrome::UNAVAILABLE.get(lang), reason.get(lang)) }</span>
    }
}

/// The one-line help, the postconf(5) links and, when disabled, the reason.
fn describe(field: Field, unavailable: Option<&Text>, lang: Lang, described_by: &str) -> Html {
    let params = new_params(field);
    html! {
        <div class="field-notes" id={described_by.to_string()}>
            <p class="help">{ field.help().get(lang) }</p>
            if let Some(reason) = unavailable {
                <p>{ unavailable_note(reason, lang) }</p>
            }
            if !params.is_empty() {
                <p class="params">
                    <span class="params-tag">{ chrome::DOCS.get(lang) }</span>
                    { for params.iter().map(|name| html! {
                        <>{ " " }<a href={format!("https://www.postfix.org/postconf.5.html#{name}")}
                            target="_blank" rel="noopener noreferrer"><code>{ *name }</code></a></>
                    }) }
                </p>
            }
        </div>
    }
}

/// A refused value's error, right below its control (the control's `aria-describedby`
/// names it first).
fn field_error(error: Option<&Diagnostic>, lang: Lang, id: &str) -> Html {
    match error {
        Some(d) => html! {
            <p class="field-error" id={id.to_string()}>
                <span class="severity">{ d.severity.label().get(lang) }</span>{ " " }
                { inline_code(d.message.get(lang)) }
                if !d.help.get(lang).is_empty() {
                    <span class="field-error-help">{ " → " }{ inline_code(d.help.get(lang)) }</span>
                }
            </p>
        },
        None => Html::default(),
    }
}

/// The `aria-describedby` of a control: its error, if any, then its notes.
fn described_by(error: Option<&Diagnostic>, error_id: &str, notes: &str) -> String {
    match error {
        Some(_) => format!("{error_id} {notes}"),
        None => notes.to_string(),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ChoiceProps {
    pub field: Field,
    pub entries: Vec<ChoiceValue>,
    /// The id of the chosen value.
    pub current: &'static str,
    /// Why the whole field does not apply.
    pub unavailable: Option<Text>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    /// A drop-down instead of radio buttons, for long lists repeated per direction.
    #[prop_or_default]
    pub compact: bool,
}

impl PanelProps {
    /// Why a field does not apply, as the page says it.
    fn unavailable(&self, field: Field) -> Option<Text> {
        self.setup.not_applicable(field).map(|reason| reason.text())
    }

    /// The controls of one group, in table order, drawn by the kind of each option's value.
    /// Versions are not among them: the host panel builds their lists.
    pub fn controls(&self, topic: Topic) -> Html {
        controls_html(&self.control_views(topic))
    }

    /// The props of the controls of one group, in table order, by the kind of each option's
    /// value (versions excluded).
    pub fn control_views(&self, topic: Topic) -> Vec<ControlView> {
        let mut out = Vec::new();
        let mut beside: Option<TextProps> = None;
        for &field in Field::ALL.iter().filter(|f| f.topic() == topic) {
            let control = match field.row().control {
                Control::Version => continue,
                Control::Switch { .. } => ControlView::Switch(self.switch(field)),
                Control::Text { beside_next, .. } => {
                    let text = self.text(field);
                    match beside.take() {
                        Some(first) => ControlView::TextPair(Box::new((first, text))),
                        None if beside_next => {
                            beside = Some(text);
                            continue;
                        }
                        None => ControlView::Text(text),
                    }
                }
                Control::Choice { compact, .. } => ControlView::Choice(ChoiceProps {
                    compact,
                    ..self.choice(field)
                }),
            };
            out.extend(beside.take().map(ControlView::Text));
            out.push(control);
        }
        out.extend(beside.map(ControlView::Text));
        out
    }

    /// The props of a [`ChoiceField`]. The component itself is not generic: one copy of it
    /// serves every choice, which keeps the wasm small.
    pub fn choice(&self, field: Field) -> ChoiceProps {
        let (entries, current) = match field.row().control {
            Control::Choice { values, get, .. } => (values(&self.setup), get(&self.options)),
            _ => (Vec::new(), ""),
        };
        ChoiceProps {
            field,
            entries,
            current,
            unavailable: self.unavailable(field),
            lang: self.lang,
            dispatch: self.dispatch.clone(),
            compact: false,
        }
    }
}

/// One value of a [`Choice`]: radio buttons with each value's help, or a drop-down.
#[component]
pub fn ChoiceField(props: &ChoiceProps) -> Html {
    let lang = props.lang;
    let field = props.field;
    let id = control_id(field);
    let notes = format!("{id}-notes");
    let field_off = props.unavailable.is_some();
    if props.compact {
        let on_change = on_pick(
            &props.dispatch,
            props
                .entries
                .iter()
                .map(|e| (e.id.to_string(), Edit::Choice(field, e.id))),
        );
        let chosen_help = props
            .entries
            .iter()
            .find(|e| e.id == props.current)
            .map(|e| e.help.get(lang).to_string())
            .unwrap_or_default();
        return html! {
            <div class={classes!("field", field_off.then_some("off"))}>
                <label for={id.clone()}>{ field.label().get(lang) }</label>
                <select id={id} onchange={on_change} disabled={field_off} aria-describedby={notes.clone()}>
                    { for props.entries.iter().map(|entry| {
                        let label = match &entry.unavailable {
                            Some(reason) => format!("{} ({} {})", entry.label.get(lang), chrome::UNAVAILABLE.get(lang), reason.get(lang)),
                            None => entry.label.get(lang).to_string(),
                        };
                        html! {
                            <option value={entry.id} selected={entry.id == props.current} disabled={entry.unavailable.is_some()}>{ label }</option>
                        }
                    }) }
                </select>
                <p class="choice-help">{ chosen_help }</p>
                { describe(field, props.unavailable.as_ref(), lang, &notes) }
            </div>
        };
    }
    html! {
        <fieldset class={classes!("field", "choice", field_off.then_some("off"))} aria-describedby={notes.clone()}>
            <legend>{ field.label().get(lang) }</legend>
            <div class="radios">
                { for props.entries.iter().map(|entry| {
                    let radio = format!("{id}-{}", entry.id);
                    let checked = entry.id == props.current;
                    let off = field_off || entry.unavailable.is_some();
                    let value = entry.id;
                    let on_pick = props.dispatch.reform(move |_: Event| Action::Edit(Edit::Choice(field, value)));
                    html! {
                        // A value that cannot be picked is drawn as disabled, also when it is
                        // the one kept from before: it is not what the output uses.
                        <div class={classes!("radio", (checked && !off).then_some("checked"), off.then_some("off"))}>
                            <input type="radio" id={radio.clone()} name={id.clone()} value={entry.id}
                                   checked={checked} disabled={off}
                                   onchange={on_pick} aria-describedby={format!("{radio}-help")} />
                            // The label is the value's name alone, so that it is the radio's
                            // accessible name; the help is its description.
                            <div class="radio-text">
                                <label for={radio.clone()} class="radio-label">{ entry.label.get(lang) }</label>
                                <span class="radio-help" id={format!("{radio}-help")}>
                                    { entry.help.get(lang) }
                                    if let Some(reason) = &entry.unavailable {
                                        { " " }{ unavailable_note(reason, lang) }
                                    }
                                </span>
                            </div>
                        </div>
                    }
                }) }
            </div>
            { describe(field, props.unavailable.as_ref(), lang, &notes) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct SwitchProps {
    pub field: Field,
    pub checked: bool,
    pub unavailable: Option<Text>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct TextProps {
    pub field: Field,
    pub value: AttrValue,
    pub unavailable: Option<Text>,
    /// Why the core refuses the value (it is then not rendered).
    pub error: Option<Diagnostic>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

impl PanelProps {
    /// The props of a [`Switch`].
    pub fn switch(&self, field: Field) -> SwitchProps {
        SwitchProps {
            field,
            checked: match field.row().control {
                Control::Switch { get, .. } => get(&self.options),
                _ => false,
            },
            unavailable: self.unavailable(field),
            lang: self.lang,
            dispatch: self.dispatch.clone(),
        }
    }

    /// The props of a [`TextField`].
    pub fn text(&self, field: Field) -> TextProps {
        TextProps {
            field,
            value: AttrValue::from(
                field
                    .free_text(&self.options)
                    .map(|(value, _)| value.to_string())
                    .unwrap_or_default(),
            ),
            error: self.setup.rejection(field).cloned(),
            unavailable: self.unavailable(field),
            lang: self.lang,
            dispatch: self.dispatch.clone(),
        }
    }
}

/// A yes/no choice.
#[component]
pub fn Switch(props: &SwitchProps) -> Html {
    let lang = props.lang;
    let field = props.field;
    let id = control_id(field);
    let notes = format!("{id}-notes");
    let off = props.unavailable.is_some();
    let on_change = props.dispatch.reform(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::Edit(Edit::Switch(field, input.checked()))
    });
    html! {
        <div class={classes!("field", "switch", off.then_some("off"))}>
            <div class="switch-row">
                // A switch that does not apply shows off: nothing of it is in the output.
                <input type="checkbox" id={id.clone()} checked={props.checked && !off} disabled={off}
                       onchange={on_change} aria-describedby={notes.clone()} />
                <label for={id}>{ field.label().get(lang) }</label>
            </div>
            { describe(field, props.unavailable.as_ref(), lang, &notes) }
        </div>
    }
}

/// A free-text value (a path, a host name, a table); the core refuses unsafe values, and
/// the field is then marked invalid.
#[component]
pub fn TextField(props: &TextProps) -> Html {
    let lang = props.lang;
    let field = props.field;
    let id = control_id(field);
    let notes = format!("{id}-notes");
    let off = props.unavailable.is_some();
    let error_id = format!("{id}-error");
    let error = props.error.as_ref();
    let on_input = props.dispatch.reform(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::Edit(Edit::Text(field, input.value()))
    });
    html! {
        <div class={classes!("field", "text", off.then_some("off"))}>
            <label for={id.clone()}>{ field.label().get(lang) }</label>
            <input type="text" id={id} value={props.value.clone()} disabled={off}
                   spellcheck="false" autocomplete="off" autocapitalize="none"
                   aria-invalid={error.is_some().to_string()}
                   aria-describedby={described_by(error, &error_id, &notes)}
                   oninput={on_input} />
            { field_error(error, lang, &error_id) }
            { describe(field, props.unavailable.as_ref(), lang, &notes) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub field: Field,
    /// The options in display order.
    pub entries: Rc<Vec<SelectEntry>>,
    pub current: AttrValue,
    /// Why the core refuses the current value.
    #[prop_or_default]
    pub error: Option<Diagnostic>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// One option of a [`Select`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectEntry {
    pub value: AttrValue,
    pub label: AttrValue,
    /// What picking it does.
    pub edit: Edit,
}

/// The `change` handler of a drop-down: the edit of the option picked, by its value.
fn on_pick(
    dispatch: &Callback<Action>,
    options: impl Iterator<Item = (String, Edit)>,
) -> Callback<Event> {
    let (dispatch, options): (_, Vec<(String, Edit)>) = (dispatch.clone(), options.collect());
    Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        if let Some((_, edit)) = options.iter().find(|(v, _)| *v == value) {
            dispatch.emit(Action::Edit(edit.clone()));
        }
    })
}

/// A drop-down over a list that is not a [`Choice`], such as the versions.
#[component]
pub fn Select(props: &SelectProps) -> Html {
    let lang = props.lang;
    let field = props.field;
    let id = control_id(field);
    let notes = format!("{id}-notes");
    let on_change = on_pick(
        &props.dispatch,
        props
            .entries
            .iter()
            .map(|e| (e.value.to_string(), e.edit.clone())),
    );
    let error_id = format!("{id}-error");
    let error = props.error.as_ref();
    html! {
        <div class="field">
            <label for={id.clone()}>{ field.label().get(lang) }</label>
            <select id={id} onchange={on_change} aria-invalid={error.is_some().to_string()}
                    aria-describedby={described_by(error, &error_id, &notes)}>
                { for props.entries.iter().map(|entry| html! {
                    <option value={entry.value.clone()} selected={entry.value == props.current}>{ entry.label.clone() }</option>
                }) }
            </select>
            { field_error(error, lang, &error_id) }
            { describe(field, None, lang, &notes) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postfix_tls::diagnostic::FileKind;
    use std::collections::HashSet;

    #[test]
    fn control_ids_are_unique() {
        let ids: HashSet<String> = Field::ALL.iter().map(|f| control_id(*f)).collect();
        assert_eq!(ids.len(), Field::ALL.len());
        assert_eq!(control_id(Field::SmarthostName), "field-smarthost-name");
    }

    #[test]
    fn each_parameter_is_linked_once_per_group() {
        let topics: HashSet<Topic> = Field::ALL.iter().map(|f| f.topic()).collect();
        for topic in topics {
            let fields = Field::ALL.iter().filter(|f| f.topic() == topic);
            let linked: Vec<&str> = fields.clone().flat_map(|f| new_params(*f)).collect();
            let unique: HashSet<&str> = linked.iter().copied().collect();
            assert_eq!(unique.len(), linked.len(), "{topic:?}: {linked:?}");
            let wanted: HashSet<&str> = fields.flat_map(|f| f.params().iter().copied()).collect();
            assert_eq!(unique, wanted, "{topic:?}: a parameter lost its link");
        }
        assert_eq!(new_params(Field::CertDomain), Vec::<&str>::new());
        assert_eq!(
            new_params(Field::Ecdsa),
            ["smtpd_tls_eccert_file", "smtpd_tls_eckey_file"]
        );
    }

    fn panel(diagnostics: Vec<Diagnostic>) -> PanelProps {
        PanelProps {
            options: Rc::new(Options::default()),
            setup: Rc::new(Options::default().resolve()),
            diagnostics: Rc::new(diagnostics),
            lang: Lang::En,
            dispatch: Callback::noop(),
        }
    }

    /// A finding of the rule `id` (with its severity), shown in the group `topic`.
    fn finding(id: RuleId, topic: Topic, line: usize) -> Diagnostic {
        Diagnostic {
            file: Some(FileKind::MainCf),
            line: Some(line),
            topic,
            ..Diagnostic::new(id, Text::same(""), Text::same(""))
        }
    }

    #[test]
    fn a_group_gets_its_findings_errors_first_and_not_where_they_are() {
        let found = panel(vec![
            finding(RuleId::TlsDebugLoglevel, Topic::Logging, 3),
            finding(RuleId::InvalidValue, Topic::Host, 4),
            finding(RuleId::DuplicateParameter, Topic::Logging, 5),
        ])
        .findings(Topic::Logging);
        let ids: Vec<_> = found.iter().map(|d| d.id).collect();
        assert_eq!(ids, [RuleId::DuplicateParameter, RuleId::TlsDebugLoglevel]);
        assert!(found.iter().all(|d| d.file.is_none() && d.line.is_none()));
        // A comment line more above a finding leaves the group's props equal.
        let moved = panel(vec![finding(RuleId::DuplicateParameter, Topic::Logging, 9)]);
        let before = panel(vec![finding(RuleId::DuplicateParameter, Topic::Logging, 5)]);
        assert_eq!(
            moved.findings(Topic::Logging),
            before.findings(Topic::Logging)
        );
    }
}
