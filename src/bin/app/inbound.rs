//! TLS on the port-25 `smtp` service, where the RFC 3207 warning belongs.

use crate::controls::{ChoiceField, Group, PanelProps};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::options::Field;
use yew::prelude::*;

#[component]
pub fn Inbound(props: &PanelProps) -> Html {
    let (o, lang) = (&props.options, props.lang);
    html! {
        <Group topic={Topic::Inbound} found={props.findings(Topic::Inbound)} lang={lang}>
            <ChoiceField ..props.choice(Field::Inbound, o.inbound, Edit::Inbound) />
        </Group>
    }
}
