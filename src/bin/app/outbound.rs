//! Outbound TLS and relaying through a smarthost.

use crate::controls::{ChoiceField, Group, PanelProps, Switch, TextField};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::options::Field;
use yew::prelude::*;

#[component]
pub fn Outbound(props: &PanelProps) -> Html {
    let (o, lang) = (&props.options, props.lang);
    let relay = &o.relayhost;
    let text = |field: Field, value: &str, to_edit: fn(String) -> Edit| {
        html! {
            <TextField field={field} value={AttrValue::from(value.to_string())} options={o.clone()}
                       lang={lang} on_input={props.edit(to_edit)} />
        }
    };
    html! {
        <Group topic={Topic::Outbound} diagnostics={props.diagnostics.clone()} lang={lang}>
            <ChoiceField ..props.choice(Field::Outbound, o.outbound, Edit::Outbound) />
            { text(Field::CaFile, &o.ca_file, Edit::CaFile) }
            <Switch field={Field::Relayhost} checked={relay.enabled} options={o.clone()} lang={lang}
                    on_toggle={props.edit(Edit::Relayhost)} />
            { text(Field::RelayHost, &relay.host, Edit::RelayHost) }
            <ChoiceField ..props.choice(Field::RelayPort, relay.port, Edit::RelayPort) />
            <Switch field={Field::RelayAuth} checked={relay.auth} options={o.clone()} lang={lang}
                    on_toggle={props.edit(Edit::RelayAuth)} />
            { text(Field::RelayPasswordMaps, &relay.password_maps, Edit::RelayPasswordMaps) }
        </Group>
    }
}
