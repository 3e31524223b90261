//! The resolve step: the user's choices turned, once, into what the configuration holds.
//!
//! [`Options`] is what a user picked; [`Setup`] is what Postfix gets: the levels actually
//! used on port 25 and outbound, the profile of each direction, the SASL server, the
//! smarthost, the certificate files, and for every option that does not apply to the other
//! choices a typed reason ([`NotApplicable`]). Rendering, the verify commands and the web
//! app read the setup and never work these out again, so the data goes one way: resolve,
//! render, parse, lint.
//!
//! ```
//! use postfix_tls::options::{Field, Options, Role, InboundLevel};
//!
//! let mut options = Options::default();
//! options.role = Role::NullClient;
//! let setup = options.resolve();
//! assert_eq!(setup.inbound, InboundLevel::None);
//! assert!(setup.not_applicable(Field::Inbound).is_some());
//! ```

use crate::diagnostic::Diagnostic;
use crate::fields::Control;
use crate::lang::Text;
use crate::options::{
    CertLayout, CertSource, Choice, Field, InboundLevel, Options, OutboundLevel, Profile,
    RelayPort, Role, Sasl,
};
use crate::text;
use crate::version::{OpensslVersion, PostfixVersion};

/// What the configuration holds for the user's choices ([`Options::resolve`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Setup {
    /// The Postfix series.
    pub postfix: PostfixVersion,
    /// The OpenSSL version.
    pub openssl: OpensslVersion,
    /// What the host does.
    pub role: Role,
    /// Some service on this host offers TLS to clients, so a certificate is needed.
    pub server_tls: bool,
    /// The level put on port 25: the one chosen (also `encrypt` on a public MX, which gets
    /// the RFC 3207 warning: what you choose is what you get), `none` on a send-only host.
    pub inbound: InboundLevel,
    /// The outbound level used: the one chosen when it applies; `encrypt` for a smarthost on
    /// port 465 (`smtp_tls_wrappermode`; real Postfix refuses even `dane`, tests/postfix F5)
    /// or a smarthost login with `none` chosen; `may` for anything else unavailable.
    pub outbound: OutboundLevel,
    /// The RSA (or only) certificate, when its files were accepted.
    pub rsa: Option<KeyPair>,
    /// The second (ECDSA) certificate, when chosen, possible and accepted.
    pub ecdsa: Option<KeyPair>,
    /// The accepted domain of a Let's Encrypt certificate (certbot's hook, verify commands).
    pub lets_encrypt_domain: Option<String>,
    /// Key and chains go into `smtpd_tls_chain_files` (3.4+) rather than the legacy pair.
    pub chain_files: bool,
    /// The SASL server behind the submission services, when there is one.
    pub sasl: Option<Sasl>,
    /// The CA bundle for `verify`/`secure`, when used and accepted.
    pub ca_file: Option<String>,
    /// The smarthost, when one is used and its name was accepted.
    pub smarthost: Option<Smarthost>,
    /// The profile on port 25; `None` where it does not apply.
    pub inbound_profile: Option<Profile>,
    /// The profile on 587/465; `None` where it does not apply.
    pub submission_profile: Option<Profile>,
    /// The profile outbound; `None` where it does not apply.
    pub outbound_profile: Option<Profile>,
    /// Chosen values that do not apply, and the value used instead.
    pub fallbacks: Vec<Fallback>,
    /// The `option_value_rejected` errors, each with its field: refused free text (never
    /// rendered) and an OpenSSL version this Postfix cannot be built with.
    rejected: Vec<(Field, Diagnostic)>,
    /// Why each field (in [`Field::ALL`] order) does not apply, if it does not.
    reasons: Vec<Option<NotApplicable>>,
    /// The yes/no options that are on and apply ([`Setup::is_on`]).
    on: Vec<Field>,
}

/// A private key and its certificate chain file (the same file for a combined one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPair {
    /// The certificate (chain) file.
    pub cert: String,
    /// The private key file.
    pub key: String,
}

/// A smarthost that outbound mail goes through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Smarthost {
    /// Its host name, accepted by validation.
    pub host: String,
    /// Implicit TLS on port 465 (`smtp_tls_wrappermode`, 3.0+); otherwise STARTTLS on 587.
    pub wrappermode: bool,
    /// A login was chosen: it needs TLS, so the outbound level is at least `encrypt`.
    pub login: bool,
    /// The password table as written, when a login is chosen and the table was accepted.
    pub password_table: Option<String>,
}

impl Smarthost {
    /// The port: 465 with implicit TLS, else 587.
    pub fn port(&self) -> u16 {
        if self.wrappermode {
            465
        } else {
            587
        }
    }
}

/// A chosen value that does not apply, and what is used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    /// The option.
    pub field: Field,
    /// The id of the value chosen.
    pub chosen: &'static str,
    /// Why it cannot be used.
    pub reason: Text,
    /// The id of the value used.
    pub used: &'static str,
}

/// Why an option does not apply to the other choices (it is then ignored, and the web app
/// shows it greyed out with this reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotApplicable {
    /// A send-only host receives no mail.
    SendOnly,
    /// No service on the host offers TLS.
    NoServerTls,
    /// Neither port 587 nor 465 is on.
    NoSubmissionPort,
    /// No smarthost is used.
    NoSmarthost,
    /// The smarthost is used without a login.
    NoSmarthostLogin,
    /// The certificate is not a Let's Encrypt one.
    NotLetsEncrypt,
    /// The certificate is not from custom files.
    NotCustomFiles,
    /// No second (ECDSA) certificate is chosen.
    NoEcdsa,
    /// The outbound level does not verify certificates.
    NotVerifying,
    /// TLS is off in this direction.
    DirectionOff,
    /// The version has only `smtpd_tls_cert_file` and `smtpd_tls_key_file` (before 3.4).
    LegacyCertificateParameters(PostfixVersion),
    /// The version has no second certificate (before 2.6).
    NoEcdsaSupport(PostfixVersion),
    /// The version has no protocol or cipher settings for opportunistic TLS (before 2.6).
    NoOpportunisticProfiles(PostfixVersion),
    /// The version has no protocol or cipher settings for mandatory TLS (before 2.3).
    NoMandatoryProfiles(PostfixVersion),
    /// The version's defaults already resist Logjam and FREAK (3.1+).
    LogjamSafeDefaults(PostfixVersion),
    /// What the option writes came in a later Postfix series.
    NeedsPostfix {
        /// The series it came in.
        since: PostfixVersion,
        /// The series chosen.
        chosen: PostfixVersion,
    },
}

impl NotApplicable {
    /// The reason as the web app shows it.
    pub fn text(self) -> Text {
        match self {
            NotApplicable::SendOnly => text!(
                "a send-only host receives no mail",
                "ein reiner Versandhost empfängt keine Mail"
            ),
            NotApplicable::NoServerTls => text!(
                "no service on this host offers TLS",
                "kein Dienst auf diesem Host bietet TLS an"
            ),
            NotApplicable::NoSubmissionPort => text!(
                "neither port 587 nor port 465 is enabled",
                "weder Port 587 noch Port 465 ist eingeschaltet"
            ),
            NotApplicable::NoSmarthost => {
                text!("no smarthost is used", "es wird kein Smarthost verwendet")
            }
            NotApplicable::NoSmarthostLogin => text!(
                "only used when logging in to the smarthost",
                "nur bei Anmeldung am Smarthost verwendet"
            ),
            NotApplicable::NotLetsEncrypt => text!(
                "only used for a Let's Encrypt certificate",
                "nur für ein Let's-Encrypt-Zertifikat verwendet"
            ),
            NotApplicable::NotCustomFiles => text!(
                "only used for custom certificate files",
                "nur für eigene Zertifikatsdateien verwendet"
            ),
            NotApplicable::NoEcdsa => text!(
                "no second (ECDSA) certificate is used",
                "es wird kein zweites (ECDSA-)Zertifikat verwendet"
            ),
            NotApplicable::NotVerifying => text!(
                "only used with the outbound levels verify and secure",
                "nur mit den ausgehenden Stufen verify und secure verwendet"
            ),
            NotApplicable::DirectionOff => text!(
                "TLS is off in this direction",
                "TLS ist in dieser Richtung aus"
            ),
            NotApplicable::LegacyCertificateParameters(v) => text!(
                "Postfix {} only knows smtpd_tls_cert_file and smtpd_tls_key_file",
                "Postfix {} kennt nur smtpd_tls_cert_file und smtpd_tls_key_file";
                v
            ),
            NotApplicable::NoEcdsaSupport(v) => text!(
                "a second (ECDSA) certificate needs Postfix 2.6 or later (this is {})",
                "ein zweites (ECDSA-)Zertifikat braucht Postfix 2.6 oder neuer (gewählt ist {})";
                v
            ),
            NotApplicable::NoOpportunisticProfiles(v) => text!(
                "Postfix {} has no protocol or cipher settings for opportunistic TLS (2.6+)",
                "Postfix {} hat keine Protokoll- oder Cipher-Einstellungen für opportunistisches TLS (2.6+)";
                v
            ),
            NotApplicable::NoMandatoryProfiles(v) => text!(
                "Postfix {} has no protocol or cipher settings for mandatory TLS (2.3+)",
                "Postfix {} hat keine Protokoll- oder Cipher-Einstellungen für erzwungenes TLS (2.3+)";
                v
            ),
            NotApplicable::LogjamSafeDefaults(v) => text!(
                "Postfix {} already uses a 2048-bit DH prime and no export ciphers by default",
                "Postfix {} nutzt bereits standardmäßig eine 2048-Bit-DH-Primzahl und keine Export-Cipher";
                v
            ),
            NotApplicable::NeedsPostfix { since, chosen } => text!(
                "needs Postfix {} or later (this is {})",
                "braucht Postfix {} oder neuer (gewählt ist {})";
                since, chosen
            ),
        }
    }
}

impl Setup {
    /// Why the field does not apply to the other choices, if it does not.
    pub fn not_applicable(&self, field: Field) -> Option<NotApplicable> {
        Field::ALL
            .iter()
            .position(|&f| f == field)
            .and_then(|i| self.reasons.get(i).copied().flatten())
    }

    /// True when the field applies to the other choices.
    pub fn applies(&self, field: Field) -> bool {
        self.not_applicable(field).is_none()
    }

    /// The `option_value_rejected` errors, in table order.
    pub fn rejections(&self) -> impl Iterator<Item = &Diagnostic> {
        self.rejected.iter().map(|(_, d)| d)
    }

    /// The error about one field's value, if it is refused: what the page shows at the field.
    pub fn rejection(&self, field: Field) -> Option<&Diagnostic> {
        self.rejected
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, d)| d)
    }

    /// True when a yes/no option is on and applies: what the output holds of a switch.
    pub fn is_on(&self, field: Field) -> bool {
        self.on.contains(&field)
    }
}

impl Options {
    /// Resolves the choices into what the configuration holds.
    pub fn resolve(&self) -> Setup {
        let v = self.postfix;
        let accepted = |field: Field| !self.rejects(field);
        let relay = &self.relayhost;
        let mut setup = Setup {
            postfix: v,
            openssl: self.openssl,
            role: self.role,
            server_tls: self.role != Role::NullClient
                && (self.inbound != InboundLevel::None || self.submission || self.submissions),
            inbound: match self.role {
                Role::NullClient => InboundLevel::None,
                _ => self.inbound,
            },
            // Without an accepted name there is no smarthost: `encrypt` must not become
            // global for a relay that is not written.
            smarthost: (relay.enabled && accepted(Field::SmarthostName)).then(|| Smarthost {
                host: relay.host.clone(),
                wrappermode: relay.port == RelayPort::Submissions && v.supports_smtp_wrappermode(),
                login: relay.auth,
                password_table: (relay.auth && accepted(Field::SmarthostPasswordMaps))
                    .then(|| relay.password_table(v)),
            }),
            ..Setup::default()
        };
        setup.outbound = match self.outbound.unavailable(&setup) {
            None => self.outbound,
            Some(_) if setup.smarthost.as_ref().is_some_and(|s| s.wrappermode) => {
                OutboundLevel::Encrypt
            }
            Some(_)
                if self.outbound == OutboundLevel::None
                    && setup.smarthost.as_ref().is_some_and(|s| s.login) =>
            {
                OutboundLevel::Encrypt
            }
            Some(_) => OutboundLevel::May,
        };
        setup.reasons = Field::ALL
            .iter()
            .map(|&field| (field.row().applies)(self, &setup))
            .collect();
        setup.rejected = self.validate_with(&setup);
        setup.on = Field::ALL
            .iter()
            .copied()
            .filter(|&field| match field.row().control {
                Control::Switch { get, .. } => get(self) && setup.applies(field),
                _ => false,
            })
            .collect();

        let c = &self.certificate;
        let applies = |field: Field| setup.applies(field);
        let rsa = match c.source {
            _ if !setup.server_tls => None,
            CertSource::Snakeoil => Some(KeyPair {
                cert: SNAKEOIL_CERT.into(),
                key: SNAKEOIL_KEY.into(),
            }),
            CertSource::LetsEncrypt if accepted(Field::CertDomain) => Some(KeyPair {
                cert: format!("/etc/letsencrypt/live/{}/fullchain.pem", c.domain),
                key: format!("/etc/letsencrypt/live/{}/privkey.pem", c.domain),
            }),
            CertSource::Custom if accepted(Field::CertFile) && accepted(Field::KeyFile) => {
                Some(KeyPair {
                    cert: c.cert_file.clone(),
                    key: c.key_file.clone(),
                })
            }
            CertSource::LetsEncrypt | CertSource::Custom => None,
        };
        let ecdsa = (applies(Field::Ecdsa)
            && c.ecdsa
            && accepted(Field::EcdsaCertFile)
            && accepted(Field::EcdsaKeyFile))
        .then(|| KeyPair {
            cert: c.ecdsa_cert_file.clone(),
            key: c.ecdsa_key_file.clone(),
        });
        let chain_files =
            setup.server_tls && c.layout == CertLayout::ChainFiles && v.supports_chain_files();
        let lets_encrypt_domain = (c.source == CertSource::LetsEncrypt
            && accepted(Field::CertDomain))
        .then(|| c.domain.clone());
        let sasl = if self.sasl.unavailable(&setup).is_some() {
            Sasl::Cyrus
        } else {
            self.sasl
        };
        let ca_file = (matches!(
            setup.outbound,
            OutboundLevel::Verify | OutboundLevel::Secure
        ) && accepted(Field::CaFile))
        .then(|| self.ca_file.clone());
        let profile = |field: Field, chosen: Profile| {
            applies(field).then(|| match chosen.unavailable(&setup) {
                Some(_) => Profile::PostfixDefault,
                None => chosen,
            })
        };
        let inbound_profile = profile(Field::InboundProfile, self.inbound_profile);
        let submission_profile = profile(Field::SubmissionProfile, self.submission_profile);
        let outbound_profile = profile(Field::OutboundProfile, self.outbound_profile);
        let sasl_used = applies(Field::Sasl).then_some(sasl);

        let fallbacks = [
            fallback(&setup, Field::Outbound, self.outbound, setup.outbound),
            fallback(&setup, Field::Sasl, self.sasl, sasl),
            fallback(
                &setup,
                Field::SmarthostPort,
                relay.port,
                RelayPort::Submission,
            ),
        ]
        .into_iter()
        .chain(
            [
                (Field::InboundProfile, self.inbound_profile),
                (Field::SubmissionProfile, self.submission_profile),
                (Field::OutboundProfile, self.outbound_profile),
            ]
            .map(|(field, chosen)| fallback(&setup, field, chosen, Profile::PostfixDefault)),
        )
        .flatten()
        .collect();
        Setup {
            rsa,
            ecdsa,
            lets_encrypt_domain,
            chain_files,
            sasl: sasl_used,
            ca_file,
            inbound_profile,
            submission_profile,
            outbound_profile,
            fallbacks,
            ..setup
        }
    }
}

/// The Debian `ssl-cert` self-signed certificate.
pub const SNAKEOIL_CERT: &str = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
/// The Debian `ssl-cert` private key.
pub const SNAKEOIL_KEY: &str = "/etc/ssl/private/ssl-cert-snakeoil.key";

/// The fallback of a field that applies, when the value chosen for it does not.
fn fallback<C: Choice>(setup: &Setup, field: Field, chosen: C, used: C) -> Option<Fallback> {
    if !setup.applies(field) {
        return None;
    }
    chosen.unavailable(setup).map(|reason| Fallback {
        field,
        chosen: chosen.id(),
        reason,
        used: used.id(),
    })
}
