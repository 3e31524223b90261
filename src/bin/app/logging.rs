//! TLS logging and the TLS details in `Received:` headers.

use crate::controls::{Group, PanelProps, Switch};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::options::Field;
use yew::prelude::*;

#[component]
pub fn Logging(props: &PanelProps) -> Html {
    let (o, lang) = (&props.options, props.lang);
    html! {
        <Group topic={Topic::Logging} found={props.findings(Topic::Logging)} lang={lang}>
            <Switch ..props.switch(Field::TlsLogging, o.tls_logging, Edit::TlsLogging) />
            <Switch ..props.switch(Field::ReceivedHeader, o.received_header, Edit::ReceivedHeader) />
        </Group>
    }
}
