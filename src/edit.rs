//! One change to the options, as the web app's controls make them.
//!
//! A version or a distribution is set by its own variant, every other option through its
//! row in the option table ([`Field::row`]); [`Options::edit`] applies it together with what
//! the change implies (a version picked by hand is no longer a distribution preset, and Postfix 3.6+
//! cannot be built with OpenSSL older than 1.1.1).

use crate::fields::{Control, Field};
use crate::options::Options;
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
    /// Turn a yes/no option on or off.
    Switch(Field, bool),
    /// Set a free-text option.
    Text(Field, String),
    /// Pick a value of a choice by its id.
    Choice(Field, &'static str),
}

impl Options {
    /// Applies one change; an edit that does not fit its field's kind changes nothing.
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
            Edit::Switch(field, on) => {
                if let Control::Switch { set, .. } = field.row().control {
                    set(self, on);
                }
            }
            Edit::Text(field, text) => {
                if let Control::Text { set, .. } = field.row().control {
                    set(self, text);
                }
            }
            Edit::Choice(field, id) => {
                if let Control::Choice { set, .. } = field.row().control {
                    set(self, id);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{InboundLevel, RelayPort};

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
        o.edit(Edit::Text(
            Field::CertDomain,
            String::from("mx.example.org"),
        ));
        o.edit(Edit::Choice(Field::SmarthostPort, "submissions"));
        o.edit(Edit::Choice(Field::Inbound, "encrypt"));
        assert_eq!(o.certificate.domain, "mx.example.org");
        assert_eq!(o.relayhost.port, RelayPort::Submissions);
        assert_eq!(o.inbound, InboundLevel::Encrypt);
        let mut expected = Options::default();
        expected.certificate.domain = String::from("mx.example.org");
        expected.relayhost.port = RelayPort::Submissions;
        expected.inbound = InboundLevel::Encrypt;
        assert_eq!(o, expected);
    }

    #[test]
    fn an_edit_of_the_wrong_kind_or_an_unknown_value_changes_nothing() {
        let mut o = Options::default();
        o.edit(Edit::Switch(Field::CaFile, false));
        o.edit(Edit::Text(Field::TlsLogging, String::from("no")));
        o.edit(Edit::Choice(Field::Inbound, "kann"));
        o.edit(Edit::Choice(Field::Postfix, "3.5"));
        assert_eq!(o, Options::default());
    }
}
