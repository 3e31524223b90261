//! The submission services on ports 587 and 465 and the SASL server behind them.

use crate::controls::{ChoiceField, Group, PanelProps, Switch};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::options::Field;
use yew::prelude::*;

#[component]
pub fn Submission(props: &PanelProps) -> Html {
    let (o, lang) = (&props.options, props.lang);
    html! {
        <Group topic={Topic::Submission} found={props.findings(Topic::Submission)} lang={lang}>
            <Switch ..props.switch(Field::Submission, o.submission, Edit::Submission) />
            <Switch ..props.switch(Field::Submissions, o.submissions, Edit::Submissions) />
            <ChoiceField ..props.choice(Field::Sasl, o.sasl, Edit::Sasl) />
        </Group>
    }
}
