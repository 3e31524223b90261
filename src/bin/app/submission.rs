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
        <Group topic={Topic::Submission} diagnostics={props.diagnostics.clone()} lang={lang}>
            <Switch field={Field::Submission} checked={o.submission} options={o.clone()} lang={lang}
                    on_toggle={props.edit(Edit::Submission)} />
            <Switch field={Field::Submissions} checked={o.submissions} options={o.clone()} lang={lang}
                    on_toggle={props.edit(Edit::Submissions)} />
            <ChoiceField ..props.choice(Field::Sasl, o.sasl, Edit::Sasl) />
        </Group>
    }
}
