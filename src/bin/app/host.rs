//! Host role and the Postfix and OpenSSL versions, with distribution presets.

use crate::chrome;
use crate::controls::{Group, PanelProps, Select, SelectEntry};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::lang::Lang;
use postfix_tls::options::Field;
use postfix_tls::version::{OpensslVersion, PostfixVersion, Preset};
use yew::prelude::*;

#[component]
pub fn Host(props: &PanelProps) -> Html {
    let lang = props.lang;
    let o = &props.options;
    let postfix = o.postfix;
    // The lists change with the language (and "by hand" with the version), not with every
    // other choice; kept, they leave the drop-downs' props equal and Yew skips them.
    let presets = use_memo((lang, postfix), |&(lang, postfix)| presets(lang, postfix));
    let versions = use_memo((), |_| versions());
    let openssls = use_memo((), |_| openssls());
    let current_preset = o
        .preset
        .and_then(|p| Preset::ALL.iter().position(|q| *q == p))
        .map(|i| AttrValue::from(i.to_string()))
        .unwrap_or_default();
    html! {
        <Group topic={Topic::Host} found={props.findings(Topic::Host)} lang={lang}>
            { props.controls(Topic::Host) }
            <div class="field-row">
                <Select field={Field::Preset} entries={presets} current={current_preset}
                        lang={lang} dispatch={props.dispatch.clone()} />
                <Select field={Field::Postfix} entries={versions} current={AttrValue::from(postfix.to_string())}
                        lang={lang} dispatch={props.dispatch.clone()} />
                <Select field={Field::Openssl} entries={openssls} current={AttrValue::from(o.openssl.as_str())}
                        error={props.setup.rejection(Field::Openssl).cloned()} lang={lang} dispatch={props.dispatch.clone()} />
            </div>
        </Group>
    }
}

/// The distribution presets. A preset is named by its place in the list; "by hand" re-picks
/// the current Postfix version, which is how a version chosen by hand clears the preset.
fn presets(lang: Lang, postfix: PostfixVersion) -> Vec<SelectEntry> {
    std::iter::once(SelectEntry {
        value: AttrValue::from(""),
        label: AttrValue::from(chrome::PRESET_NONE.get(lang).to_string()),
        edit: Edit::Postfix(postfix),
    })
    .chain(Preset::ALL.iter().enumerate().map(|(i, p)| SelectEntry {
        value: AttrValue::from(i.to_string()),
        label: AttrValue::from(p.name()),
        edit: Edit::Preset(*p),
    }))
    .collect()
}

/// The Postfix series, newest first.
fn versions() -> Vec<SelectEntry> {
    newest_first(PostfixVersion::ALL, |v| v.to_string(), Edit::Postfix)
}

/// The OpenSSL versions, newest first.
fn openssls() -> Vec<SelectEntry> {
    newest_first(
        OpensslVersion::ALL,
        |v| v.as_str().to_string(),
        Edit::Openssl,
    )
}

/// Drop-down entries for versions listed oldest first, each named as users write it.
fn newest_first<V: Copy>(
    all: &[V],
    name: impl Fn(V) -> String,
    edit: fn(V) -> Edit,
) -> Vec<SelectEntry> {
    all.iter()
        .rev()
        .map(|&v| {
            let name = AttrValue::from(name(v));
            SelectEntry {
                value: name.clone(),
                label: name,
                edit: edit(v),
            }
        })
        .collect()
}
