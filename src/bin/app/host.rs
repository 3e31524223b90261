//! Host role and the Postfix and OpenSSL versions, with distribution presets.

use crate::chrome;
use crate::controls::{ChoiceField, Group, PanelProps, Select};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::options::Field;
use postfix_tls::version::{OpensslVersion, PostfixVersion, Preset};
use yew::prelude::*;

#[component]
pub fn Host(props: &PanelProps) -> Html {
    let lang = props.lang;
    let o = &props.options;
    let postfix = o.postfix;
    // A preset is named by its place in the list; "by hand" re-picks the current Postfix
    // version, which is how a version chosen by hand clears the preset.
    let presets: Vec<(AttrValue, AttrValue)> = std::iter::once((
        AttrValue::from(""),
        AttrValue::from(chrome::PRESET_NONE.get(lang).to_string()),
    ))
    .chain(
        Preset::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| (AttrValue::from(i.to_string()), AttrValue::from(p.name()))),
    )
    .collect();
    let current_preset = o
        .preset
        .and_then(|p| Preset::ALL.iter().position(|q| *q == p))
        .map(|i| AttrValue::from(i.to_string()))
        .unwrap_or_default();
    let on_preset = props.dispatch.reform(move |value: String| {
        let edit = value
            .parse::<usize>()
            .ok()
            .and_then(|i| Preset::ALL.get(i))
            .map_or(Edit::Postfix(postfix), |p| Edit::Preset(*p));
        crate::page::Action::Edit(edit)
    });
    let versions: Vec<(AttrValue, AttrValue)> = PostfixVersion::ALL
        .iter()
        .rev()
        .map(|v| {
            (
                AttrValue::from(v.to_string()),
                AttrValue::from(v.to_string()),
            )
        })
        .collect();
    let on_postfix = props.dispatch.reform(move |value: String| {
        crate::page::Action::Edit(Edit::Postfix(
            PostfixVersion::parse(&value).unwrap_or(postfix),
        ))
    });
    let openssl = o.openssl;
    let openssls: Vec<(AttrValue, AttrValue)> = OpensslVersion::ALL
        .iter()
        .rev()
        .map(|v| (AttrValue::from(v.as_str()), AttrValue::from(v.as_str())))
        .collect();
    let on_openssl = props.dispatch.reform(move |value: String| {
        crate::page::Action::Edit(Edit::Openssl(
            OpensslVersion::parse(&value).unwrap_or(openssl),
        ))
    });
    html! {
        <Group topic={Topic::Host} diagnostics={props.diagnostics.clone()} lang={lang}>
            <ChoiceField ..props.choice(Field::Role, o.role, Edit::Role) />
            <div class="field-row">
                <Select field={Field::Preset} entries={presets} current={current_preset}
                        lang={lang} on_pick={on_preset} />
                <Select field={Field::Postfix} entries={versions} current={AttrValue::from(postfix.to_string())}
                        lang={lang} on_pick={on_postfix} />
                <Select field={Field::Openssl} entries={openssls} current={AttrValue::from(openssl.as_str())}
                        lang={lang} on_pick={on_openssl} />
            </div>
        </Group>
    }
}
