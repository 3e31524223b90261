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
    html! {
        <Group topic={Topic::Outbound} found={props.findings(Topic::Outbound)} lang={lang}>
            <ChoiceField ..props.choice(Field::Outbound, o.outbound, Edit::Outbound) />
            <TextField ..props.text(Field::CaFile, &o.ca_file, Edit::CaFile) />
            <Switch ..props.switch(Field::Relayhost, relay.enabled, Edit::Relayhost) />
            <TextField ..props.text(Field::RelayHost, &relay.host, Edit::RelayHost) />
            <ChoiceField ..props.choice(Field::RelayPort, relay.port, Edit::RelayPort) />
            <Switch ..props.switch(Field::RelayAuth, relay.auth, Edit::RelayAuth) />
            <TextField ..props.text(Field::RelayPasswordMaps, &relay.password_maps, Edit::RelayPasswordMaps) />
        </Group>
    }
}
