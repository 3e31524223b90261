//! The server certificate(s): where they come from and how Postfix is given them.

use crate::controls::{ChoiceField, Group, PanelProps, Switch, TextField};
use postfix_tls::diagnostic::Topic;
use postfix_tls::edit::Edit;
use postfix_tls::options::Field;
use yew::prelude::*;

#[component]
pub fn Certificates(props: &PanelProps) -> Html {
    let (o, lang) = (&props.options, props.lang);
    let cert = &o.certificate;
    html! {
        <Group topic={Topic::Certificates} found={props.findings(Topic::Certificates)} lang={lang}>
            <ChoiceField ..props.choice(Field::CertSource, cert.source, Edit::CertSource) />
            <TextField ..props.text(Field::CertDomain, &cert.domain, Edit::CertDomain) />
            <div class="field-row">
                <TextField ..props.text(Field::CertFile, &cert.cert_file, Edit::CertFile) />
                <TextField ..props.text(Field::KeyFile, &cert.key_file, Edit::KeyFile) />
            </div>
            <ChoiceField ..props.choice(Field::CertLayout, cert.layout, Edit::CertLayout) />
            <Switch ..props.switch(Field::Ecdsa, cert.ecdsa, Edit::Ecdsa) />
            <div class="field-row">
                <TextField ..props.text(Field::EcdsaCertFile, &cert.ecdsa_cert_file, Edit::EcdsaCertFile) />
                <TextField ..props.text(Field::EcdsaKeyFile, &cert.ecdsa_key_file, Edit::EcdsaKeyFile) />
            </div>
        </Group>
    }
}
