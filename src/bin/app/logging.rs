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
        <Group topic={Topic::Logging} diagnostics={props.diagnostics.clone()} lang={lang}>
            <Switch field={Field::TlsLogging} checked={o.tls_logging} options={o.clone()} lang={lang}
                    on_toggle={props.edit(Edit::TlsLogging)} />
            <Switch field={Field::ReceivedHeader} checked={o.received_header} options={o.clone()} lang={lang}
                    on_toggle={props.edit(Edit::ReceivedHeader)} />
        </Group>
    }
}
