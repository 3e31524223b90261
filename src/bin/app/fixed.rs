//! The Check tab's "Fixed" view: the pasted file with every certain fix applied (the changed
//! lines marked), the unified diff, and the `postconf` commands that make the same change on
//! the server, each with Copy and Download. A finding with several plausible fixes shows its
//! choices; picking one updates all three. Everything is derived from the pasted text and the
//! picks by the core (`postfix_tls::fix`), as `postfix-tls lint --fix` derives it. The fixed
//! file opens in the generator as a pasted one does.

use crate::diagnostics::inline_code;
use crate::output::OutputPanel;
use postfix_tls::diagnostic::{Diagnostic, FileKind};
use postfix_tls::fix::{self, Fix, Pick};
use postfix_tls::lang::{Lang, Text};
use postfix_tls::paste::Paste;
use postfix_tls::rules::LintContext;
use postfix_tls::text;
use postfix_tls::version::PostfixVersion;
use yew::prelude::*;

static FIXED: Text = text!("Fixed");
static FIXED_HINT: Text = text!(
    "Every fix that is certain is applied; nothing else in the file changes. Check the diff before you use it.",
);
static NOTHING_TO_FIX: Text = text!("Nothing here has a fix the tool can apply for you.",);
static CHOOSE: Text = text!("Your choice");
static WORKING: Text = text!("Working out the fixes…");
static FIXED_FILE_HINT: Text = text!("The corrected file; changed lines are marked.",);
static DIFF: Text = text!("Diff");
static DIFF_HINT: Text = text!("What changed, as `diff -u` shows it.",);
static COMMANDS: Text = text!("postconf commands for the fix",);
static OPEN_FIXED: Text = text!("Open the fixed file in the generator");
static COMMANDS_HINT: Text =
    text!("The same change on the server, the safe way; then `postfix check && postfix reload`.",);

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The pasted text: main.cf, master.cf, or both in one text.
    pub text: AttrValue,
    /// The file kind picked beside the text, if one was.
    pub kind: Option<FileKind>,
    /// The series it is checked against.
    pub postfix: PostfixVersion,
    pub lang: Lang,
    /// Opens a text in the generator: here the fixed file, as shown.
    pub on_open: Callback<String>,
}

/// What the view shows, derived from the text and the picks.
#[derive(PartialEq)]
struct Shown {
    /// What the text was read as, for the headings (`main.cf`, `main.cf + master.cf`).
    name: String,
    fixed: String,
    changed: Vec<usize>,
    diff: String,
    commands: String,
    /// Findings left with choices, each with the line it is on in the whole text.
    choices: Vec<(Diagnostic, Option<usize>)>,
}

type Key = (AttrValue, Option<FileKind>, PostfixVersion, Vec<Pick>);

/// Each part of the text (main.cf, master.cf) is fixed as `lint --fix` fixes that file; the
/// fixed text is the parts joined again.
fn derive((text, kind, postfix, picks): &Key) -> Shown {
    let ctx = LintContext::for_postfix(*postfix);
    let paste = Paste::read(text, *kind);
    let (main_in, master_in) = (paste.main_text(), paste.master_text());
    let main_kind = paste.main_kind().unwrap_or(FileKind::MainCf);
    let result = fix::fix_with_picks(main_in, main_kind, master_in, &ctx, picks);
    let (main_out, master_out) = (result.main.as_deref(), result.master.as_deref());
    let fixed = format!(
        "{}{}",
        main_out.unwrap_or_default(),
        master_out.unwrap_or_default()
    );
    // Lines of the master.cf part follow the main.cf part in the whole text.
    let offset = main_out.map_or(0, |m| m.lines().count());
    let name = paste.describe();
    Shown {
        changed: fix::changed_lines(text, &fixed),
        diff: fix::unified_diff(text, &fixed, &name, &format!("{name} (fixed)")),
        commands: fix::postconf_commands((main_in, master_in), (main_out, master_out)),
        choices: result
            .remaining
            .into_iter()
            .filter(|d| matches!(d.fix, Some(Fix::Choices(_))))
            .map(|d| {
                let on_master = d.file == Some(FileKind::MasterCf) && master_in.is_some();
                let line = d.line.map(|l| if on_master { l + offset } else { l });
                (d, line)
            })
            .collect(),
        fixed,
        name,
    }
}

#[component]
pub fn FixedView(props: &Props) -> Html {
    let lang = props.lang;
    let picks = use_state(Vec::<Pick>::new);
    {
        // A pick belongs to the text it was made for.
        let picks = picks.clone();
        use_effect_with((props.text.clone(), props.kind, props.postfix), move |_| {
            picks.set(Vec::new());
        });
    }
    // The fixes are worked out once the findings are on screen: for a paste of thousands of
    // lines, fixing, diffing and laying out three files of that size cost more than the
    // findings themselves. After the next frame is drawn, then in a task of its own.
    let key: Key = (
        props.text.clone(),
        props.kind,
        props.postfix,
        (*picks).clone(),
    );
    let ready = use_state(|| None::<Key>);
    {
        let ready = ready.clone();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            let timer = std::rc::Rc::new(std::cell::RefCell::new(None));
            let later = timer.clone();
            let frame = gloo::render::request_animation_frame(move |_| {
                *later.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, move || {
                    ready.set(Some(key));
                }));
            });
            move || {
                drop(frame);
                drop(timer.borrow_mut().take());
            }
        });
    }
    let shown = use_memo((*ready).clone(), |key| key.as_ref().map(derive));
    let Some(shown) = shown
        .as_ref()
        .as_ref()
        // After a pick the view of the same text stays until the new one is worked out, rather
        // than the placeholder standing in for a frame.
        .filter(|_| {
            ready.as_ref().is_some_and(|(text, kind, postfix, _)| {
                (text, kind, postfix) == (&key.0, &key.1, &key.2)
            })
        })
    else {
        return html! {
            <section class="fixed-view" aria-labelledby="fixed-heading" aria-busy="true">
                <h3 id="fixed-heading">{ FIXED.get(lang) }</h3>
                <p class="muted">{ WORKING.get(lang) }</p>
            </section>
        };
    };
    if shown.diff.is_empty() && shown.choices.is_empty() {
        return html! {
            <section class="fixed-view" aria-labelledby="fixed-heading">
                <h3 id="fixed-heading">{ FIXED.get(lang) }</h3>
                <p class="muted">{ NOTHING_TO_FIX.get(lang) }</p>
            </section>
        };
    }
    let on_open = {
        let fixed = shown.fixed.clone();
        props.on_open.reform(move |_: MouseEvent| fixed.clone())
    };
    let name = shown.name.as_str();
    let file_name = |suffix: &str| {
        AttrValue::from(format!(
            "{}{suffix}",
            name.replace([' ', '+'], "-").replace("---", "-")
        ))
    };
    html! {
        <section class="fixed-view" aria-labelledby="fixed-heading">
            <h3 id="fixed-heading">{ FIXED.get(lang) }</h3>
            <p class="lead">{ FIXED_HINT.get(lang) }</p>
            { for shown.choices.iter().map(|(d, shown_line)| {
                let Some(Fix::Choices(choices)) = &d.fix else { return html! {} };
                let place = shown_line.map(|l| format!("{l}: ")).unwrap_or_default();
                html! {
                    <fieldset class="fix-choices">
                        <legend>{ format!("{} · {place}", CHOOSE.get(lang)) }{ inline_code(d.message.get(lang)) }</legend>
                        { for choices.iter().enumerate().map(|(n, c)| {
                            let onclick = {
                                let picks = picks.clone();
                                let pick = Pick { id: d.id, line: d.line, choice: n };
                                Callback::from(move |_: MouseEvent| {
                                    let mut next = (*picks).clone();
                                    next.push(pick.clone());
                                    picks.set(next);
                                })
                            };
                            html! {
                                <button type="button" class="button fix-choice" {onclick}>{ inline_code(c.what.get(lang)) }</button>
                            }
                        }) }
                    </fieldset>
                }
            }) }
            <OutputPanel title={AttrValue::from(format!("{} {name}", FIXED.get(lang)))} id="fixed-file"
                         file_name={file_name(".fixed")} hint={FIXED_FILE_HINT.clone()}
                         text={AttrValue::from(shown.fixed.clone())} marked={shown.changed.clone()} {lang} />
            <div class="toolbar">
                <button type="button" class="button" onclick={on_open}>{ OPEN_FIXED.get(lang) }</button>
            </div>
            <OutputPanel title={AttrValue::from(DIFF.get(lang))} id="fixed-diff"
                         file_name={file_name(".diff")} hint={DIFF_HINT.clone()}
                         text={AttrValue::from(shown.diff.clone())} {lang} />
            <OutputPanel title={AttrValue::from(COMMANDS.get(lang))} id="fixed-postconf"
                         file_name={AttrValue::from("postconf-fix.sh")} hint={COMMANDS_HINT.clone()}
                         text={AttrValue::from(shown.commands.clone())} {lang} />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_main_cf_is_fixed_as_the_cli_fixes_it() {
        let text = AttrValue::from("/etc/postfix/main.cf\nsmtpd_tls_security_level = kann\n");
        let shown = derive(&(text, None, PostfixVersion::LATEST, Vec::new()));
        assert_eq!(shown.fixed, "smtpd_tls_security_level = may\n");
        assert_eq!(shown.changed, [1]);
        assert!(shown
            .diff
            .contains("-smtpd_tls_security_level = kann\n+smtpd_tls_security_level = may\n"));
        assert!(shown
            .commands
            .contains("postconf -e 'smtpd_tls_security_level = may'"));
    }

    #[test]
    fn main_and_master_in_one_text_are_fixed_each_as_its_file() {
        let text = AttrValue::from(
            "smtpd_use_tls = ja\n/etc/postfix/master.cf\nsubmission inet n - n - - smtpd\n  -o smtpd_tls_security_level=verschlüsseln\n",
        );
        let shown = derive(&(text, None, PostfixVersion::LATEST, Vec::new()));
        assert_eq!(
            shown.fixed,
            "smtpd_use_tls = yes\nsubmission inet n - n - - smtpd\n  -o smtpd_tls_security_level=encrypt\n"
        );
        assert_eq!(shown.name, "main.cf + master.cf");
    }

    #[test]
    fn a_pick_updates_the_fixed_file() {
        let text = AttrValue::from("smtp_tls_security_level = verschlüsseln\n");
        let key = |picks| (text.clone(), None, PostfixVersion::LATEST, picks);
        let before = derive(&key(Vec::new()));
        assert_eq!(before.choices.len(), 1);
        let pick = Pick {
            id: before.choices[0].0.id,
            line: Some(1),
            choice: 1,
        };
        let after = derive(&key(vec![pick]));
        assert_eq!(after.fixed, "smtp_tls_security_level = encrypt\n");
        assert!(after.choices.is_empty());
    }
}
