//! One change to the options, as the web app's controls make them.
//!
//! Each variant sets one choice; [`Options::edit`] applies it together with what the change
//! implies (a version picked by hand is no longer a distribution preset, and Postfix 3.6+
//! cannot be built with OpenSSL older than 1.1.1).

use crate::options::{
    CertLayout, CertSource, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role, Sasl,
};
use crate::version::{OpensslVersion, PostfixVersion, Preset};

/// A single change to [`Options`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Set both versions from a distribution.
    Preset(Preset),
    /// Pick the Postfix series by hand.
    Postfix(PostfixVersion),
    /// Pick the OpenSSL version by hand.
    Openssl(OpensslVersion),
    /// What the host does.
    Role(Role),
    /// Where the certificate comes from.
    CertSource(CertSource),
    /// How key and chain are given to Postfix.
    CertLayout(CertLayout),
    /// The Let's Encrypt domain.
    CertDomain(String),
    /// The custom certificate (chain) file.
    CertFile(String),
    /// The custom key file.
    KeyFile(String),
    /// A second, ECDSA certificate.
    Ecdsa(bool),
    /// The ECDSA certificate (chain) file.
    EcdsaCertFile(String),
    /// The ECDSA key file.
    EcdsaKeyFile(String),
    /// TLS on port 25.
    Inbound(InboundLevel),
    /// The port-587 service.
    Submission(bool),
    /// The port-465 service.
    Submissions(bool),
    /// The SASL server.
    Sasl(Sasl),
    /// The outbound TLS level.
    Outbound(OutboundLevel),
    /// The outbound CA bundle.
    CaFile(String),
    /// Relay through a smarthost.
    Relayhost(bool),
    /// The smarthost's name.
    RelayHost(String),
    /// The smarthost's port.
    RelayPort(RelayPort),
    /// Authenticate to the smarthost.
    RelayAuth(bool),
    /// The smarthost password table.
    RelayPasswordMaps(String),
    /// Protocols and ciphers on port 25.
    InboundProfile(Profile),
    /// Protocols and ciphers on 587/465.
    SubmissionProfile(Profile),
    /// Protocols and ciphers outbound.
    OutboundProfile(Profile),
    /// Logjam/FREAK hardening.
    HardenLogjam(bool),
    /// TLS logging.
    TlsLogging(bool),
    /// TLS details in `Received:`.
    ReceivedHeader(bool),
    /// Comments in the output.
    Comments(bool),
}

impl Options {
    /// Applies one change.
    pub fn edit(&mut self, edit: Edit) {
        match edit {
            Edit::Preset(p) => self.apply_preset(p),
            Edit::Postfix(v) => {
                self.postfix = v;
                self.openssl = self.openssl.max(OpensslVersion::minimum_for(v));
                self.preset = None;
            }
            Edit::Openssl(v) => {
                self.openssl = v;
                self.preset = None;
            }
            Edit::Role(v) => self.role = v,
            Edit::CertSource(v) => self.certificate.source = v,
            Edit::CertLayout(v) => self.certificate.layout = v,
            Edit::CertDomain(v) => self.certificate.domain = v,
            Edit::CertFile(v) => self.certificate.cert_file = v,
            Edit::KeyFile(v) => self.certificate.key_file = v,
            Edit::Ecdsa(v) => self.certificate.ecdsa = v,
            Edit::EcdsaCertFile(v) => self.certificate.ecdsa_cert_file = v,
            Edit::EcdsaKeyFile(v) => self.certificate.ecdsa_key_file = v,
            Edit::Inbound(v) => self.inbound = v,
            Edit::Submission(v) => self.submission = v,
            Edit::Submissions(v) => self.submissions = v,
            Edit::Sasl(v) => self.sasl = v,
            Edit::Outbound(v) => self.outbound = v,
            Edit::CaFile(v) => self.ca_file = v,
            Edit::Relayhost(v) => self.relayhost.enabled = v,
            Edit::RelayHost(v) => self.relayhost.host = v,
            Edit::RelayPort(v) => self.relayhost.port = v,
            Edit::RelayAuth(v) => self.relayhost.auth = v,
            Edit::RelayPasswordMaps(v) => self.relayhost.password_maps = v,
            Edit::InboundProfile(v) => self.inbound_profile = v,
            Edit::SubmissionProfile(v) => self.submission_profile = v,
            Edit::OutboundProfile(v) => self.outbound_profile = v,
            Edit::HardenLogjam(v) => self.harden_logjam = v,
            Edit::TlsLogging(v) => self.tls_logging = v,
            Edit::ReceivedHeader(v) => self.received_header = v,
            Edit::Comments(v) => self.comments = v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_sets_both_versions_and_a_hand_pick_clears_it() {
        let mut o = Options::default();
        o.edit(Edit::Preset(Preset::Debian12));
        assert_eq!(o.postfix, PostfixVersion::new(3, 7));
        assert_eq!(o.openssl, OpensslVersion::V3_0);
        assert_eq!(o.preset, Some(Preset::Debian12));
        o.edit(Edit::Openssl(OpensslVersion::V3_5));
        assert_eq!(o.preset, None);
        o.edit(Edit::Preset(Preset::Debian12));
        o.edit(Edit::Postfix(PostfixVersion::new(3, 8)));
        assert_eq!(o.preset, None);
        assert_eq!(o.openssl, OpensslVersion::V3_0);
    }

    #[test]
    fn a_newer_postfix_raises_openssl_to_its_minimum() {
        let mut o = Options::default();
        o.edit(Edit::Postfix(PostfixVersion::new(3, 3)));
        o.edit(Edit::Openssl(OpensslVersion::V1_0_2));
        o.edit(Edit::Postfix(PostfixVersion::new(3, 6)));
        assert_eq!(o.openssl, OpensslVersion::V1_1_1);
        // Going back does not lower a version the user chose.
        o.edit(Edit::Postfix(PostfixVersion::new(3, 3)));
        assert_eq!(o.openssl, OpensslVersion::V1_1_1);
    }

    #[test]
    fn nested_choices_land_in_their_section() {
        let mut o = Options::default();
        o.edit(Edit::CertDomain(String::from("mx.example.org")));
        o.edit(Edit::RelayPort(RelayPort::Submissions));
        o.edit(Edit::Inbound(InboundLevel::Encrypt));
        assert_eq!(o.certificate.domain, "mx.example.org");
        assert_eq!(o.relayhost.port, RelayPort::Submissions);
        assert_eq!(o.inbound, InboundLevel::Encrypt);
        let mut expected = Options::default();
        expected.certificate.domain = String::from("mx.example.org");
        expected.relayhost.port = RelayPort::Submissions;
        expected.inbound = InboundLevel::Encrypt;
        assert_eq!(o, expected);
    }
}
