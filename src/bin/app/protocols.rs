//! Protocol and cipher profiles per direction, and Logjam hardening.

use crate::controls::{ChoiceField, Group, PanelProps, Switch};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::options::{Field, Profile};
use yew::prelude::*;

#[component]
pub fn Protocols(props: &PanelProps) -> Html {
    let (o, lang) = (&props.options, props.lang);
    let profile = |field: Field, value: Profile, to_edit: fn(Profile) -> Edit| {
        html! {
            <ChoiceField compact=true ..props.choice(field, value, to_edit) />
        }
    };
    html! {
        <Group topic={Topic::Protocols} found={props.findings(Topic::Protocols)} lang={lang}>
            { profile(Field::InboundProfile, o.inbound_profile, Edit::InboundProfile) }
            { profile(Field::SubmissionProfile, o.submission_profile, Edit::SubmissionProfile) }
            { profile(Field::OutboundProfile, o.outbound_profile, Edit::OutboundProfile) }
            <Switch ..props.switch(Field::HardenLogjam, o.harden_logjam, Edit::HardenLogjam) />
        </Group>
    }
}
