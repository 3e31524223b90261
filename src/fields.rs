//! The option table: one row per option with everything about it in one place.
//!
//! A row holds the option's label and help in both languages, the Postfix parameters it
//! controls (for links to postconf(5)), the group it belongs to, when it does not apply
//! (a typed [`NotApplicable`] reason, read back from [`Setup`]) and how its value is read
//! and set. The web app draws its controls from the rows, [`Edit`](crate::edit::Edit) sets
//! a value through them, validation and the tests iterate them. Adding an option is a field
//! in [`Options`], an entry in the table here (`option_table!`, which also declares
//! [`Field`] and its order, so nothing can be left out) and the line that renders it.

use crate::diagnostic::Topic;
use crate::lang::Text;
use crate::options::{
    CertLayout, CertSource, Choice, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role,
    Sasl, TextShape,
};
use crate::setup::{NotApplicable, Setup};
use crate::text;
use crate::version::PostfixVersion;

#[cfg(doc)]
use crate::options::{Certificate, Relayhost};

/// Everything about one option.
#[derive(Clone, Debug)]
pub struct FieldRow {
    /// A short label.
    pub label: Text,
    /// One line of help.
    pub help: Text,
    /// The group of choices it belongs to.
    pub topic: Topic,
    /// The Postfix parameters it controls, for links to postconf(5).
    pub params: &'static [&'static str],
    /// Why it does not apply to the other choices, from the choices and the levels the
    /// setup resolved; read the result from [`Setup::not_applicable`].
    pub applies: fn(&Options, &Setup) -> Option<NotApplicable>,
    /// What kind of value it holds, and how that is read and set.
    pub control: Control,
}

/// The kind of value an option holds, with its getter and setter.
#[derive(Clone, Copy, Debug)]
pub enum Control {
    /// A version or a distribution, picked from lists the caller builds; set with
    /// [`Edit::Postfix`](crate::edit::Edit::Postfix) and its siblings, which carry what a
    /// version change implies.
    Version,
    /// Yes or no.
    Switch {
        /// The value.
        get: fn(&Options) -> bool,
        /// Sets it.
        set: fn(&mut Options, bool),
    },
    /// Free text, validated before it is rendered.
    Text {
        /// The shape the text must have.
        shape: TextShape,
        /// The value.
        get: fn(&Options) -> &str,
        /// Sets it.
        set: fn(&mut Options, String),
        /// Shown beside the next text field (a certificate and its key).
        beside_next: bool,
    },
    /// One value of a [`Choice`].
    Choice {
        /// Every value, with why it cannot be picked with the other choices.
        values: fn(&Setup) -> Vec<ChoiceValue>,
        /// The id of the value chosen.
        get: fn(&Options) -> &'static str,
        /// Picks the value with this id; an unknown id changes nothing.
        set: fn(&mut Options, &str),
        /// A drop-down rather than radio buttons (long lists repeated per direction).
        compact: bool,
    },
}

/// One value of a [`Choice`], as a control offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceValue {
    /// Its id in the options JSON.
    pub id: &'static str,
    /// A short label.
    pub label: Text,
    /// One line of help.
    pub help: Text,
    /// Why it cannot be picked with the other choices.
    pub unavailable: Option<Text>,
}

fn values<C: Choice>(setup: &Setup) -> Vec<ChoiceValue> {
    C::ALL
        .iter()
        .map(|&c| ChoiceValue {
            id: c.id(),
            label: c.label(),
            help: c.help(),
            unavailable: c.unavailable(setup),
        })
        .collect()
}

fn pick<C: Choice>(slot: &mut C, id: &str) {
    if let Some(&value) = C::ALL.iter().find(|c| c.id() == id) {
        *slot = value;
    }
}

/// Declares [`Field`], its order [`Field::ALL`] and [`Field::row`] from one table, so that an
/// option is one entry: its name, its documentation and its row.
macro_rules! option_table {
    ($($(#[$doc:meta])* $field:ident => $row:expr,)*) => {
        /// One user-editable option; its facts are in its [`FieldRow`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Field {
            $($(#[$doc])* $field,)*
        }

        impl Field {
            /// Every field, in the order an administrator thinks about them (and the web app
            /// shows them).
            pub const ALL: &'static [Field] = &[$(Field::$field,)*];

            /// The option's row.
            pub fn row(self) -> FieldRow {
                match self {
                    $(Field::$field => $row,)*
                }
            }
        }
    };
}

option_table! {
    /// [`Options::postfix`].
    Postfix => FieldRow {
        label: text!("Postfix version"),
        help: text!(
            "The Postfix release series on your server (postconf mail_version)"
        ),
        topic: Topic::Host,
        params: &[],
        applies: applies::always,
        control: Control::Version,
    },

    /// [`Options::openssl`].
    Openssl => FieldRow {
        label: text!("OpenSSL version"),
        help: text!(
            "The OpenSSL version Postfix is linked with (postconf -a, ldd or your distribution)"
        ),
        topic: Topic::Host,
        params: &[],
        applies: applies::always,
        control: Control::Version,
    },

    /// [`Options::preset`].
    Preset => FieldRow {
        label: text!("Distribution"),
        help: text!(
            "Sets both versions to what the distribution ships"
        ),
        topic: Topic::Host,
        params: &[],
        applies: applies::always,
        control: Control::Version,
    },

    /// [`Options::role`].
    Role => FieldRow {
        label: text!("Role of the host"),
        help: text!(
            "What the host does decides what port 25 may demand"
        ),
        topic: Topic::Host,
        params: &[
            "smtpd_tls_security_level",
            "inet_interfaces",
        ],
        applies: applies::always,
        control: Control::Choice {
            values: values::<Role>,
            get: |o| o.role.id(),
            set: |o, id| pick(&mut o.role, id),
            compact: false,
        },
    },

    /// [`Certificate::source`].
    CertSource => FieldRow {
        label: text!("Certificate"),
        help: text!(
            "Where the server certificate comes from"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_cert_file",
            "smtpd_tls_key_file",
        ],
        applies: applies::server_tls,
        control: Control::Choice {
            values: values::<CertSource>,
            get: |o| o.certificate.source.id(),
            set: |o, id| pick(&mut o.certificate.source, id),
            compact: false,
        },
    },

    /// [`Certificate::domain`].
    CertDomain => FieldRow {
        label: text!("Certificate domain"),
        help: text!(
            "The host name the Let's Encrypt certificate was issued for"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_cert_file",
            "smtpd_tls_key_file",
        ],
        applies: applies::cert_domain,
        control: Control::Text {
            shape: TextShape::HostName,
            get: |o| &o.certificate.domain,
            set: |o, text| o.certificate.domain = text,
            beside_next: false,
        },
    },

    /// [`Certificate::cert_file`].
    CertFile => FieldRow {
        label: text!("Certificate chain file"),
        help: text!(
            "Absolute path of the PEM file with the server certificate first, then its issuers"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_cert_file",
            "smtpd_tls_key_file",
        ],
        applies: applies::cert_files,
        control: Control::Text {
            shape: TextShape::Path,
            get: |o| &o.certificate.cert_file,
            set: |o, text| o.certificate.cert_file = text,
            beside_next: true,
        },
    },

    /// [`Certificate::key_file`].
    KeyFile => FieldRow {
        label: text!("Private key file"),
        help: text!(
            "Absolute path of the PEM private key; may be the same file as the chain"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_cert_file",
            "smtpd_tls_key_file",
        ],
        applies: applies::cert_files,
        control: Control::Text {
            shape: TextShape::Path,
            get: |o| &o.certificate.key_file,
            set: |o, text| o.certificate.key_file = text,
            beside_next: false,
        },
    },

    /// [`Certificate::layout`].
    CertLayout => FieldRow {
        label: text!("Certificate parameters"),
        help: text!(
            "How the key and the chain are given to Postfix"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_cert_file",
            "smtpd_tls_key_file",
        ],
        applies: applies::cert_layout,
        control: Control::Choice {
            values: values::<CertLayout>,
            get: |o| o.certificate.layout.id(),
            set: |o, id| pick(&mut o.certificate.layout, id),
            compact: false,
        },
    },

    /// [`Certificate::ecdsa`].
    Ecdsa => FieldRow {
        label: text!("Second (ECDSA) certificate"),
        help: text!(
            "Offer an ECDSA certificate beside the RSA one"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_eccert_file",
            "smtpd_tls_eckey_file",
        ],
        applies: applies::ecdsa,
        control: Control::Switch {
            get: |o| o.certificate.ecdsa,
            set: |o, on| o.certificate.ecdsa = on,
        },
    },

    /// [`Certificate::ecdsa_cert_file`].
    EcdsaCertFile => FieldRow {
        label: text!("ECDSA certificate chain file"),
        help: text!(
            "Absolute path of the ECDSA certificate chain (PEM)"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_eccert_file",
            "smtpd_tls_eckey_file",
        ],
        applies: applies::ecdsa_files,
        control: Control::Text {
            shape: TextShape::Path,
            get: |o| &o.certificate.ecdsa_cert_file,
            set: |o, text| o.certificate.ecdsa_cert_file = text,
            beside_next: true,
        },
    },

    /// [`Certificate::ecdsa_key_file`].
    EcdsaKeyFile => FieldRow {
        label: text!("ECDSA private key file"),
        help: text!(
            "Absolute path of the ECDSA private key (PEM)"
        ),
        topic: Topic::Certificates,
        params: &[
            "smtpd_tls_chain_files",
            "smtpd_tls_eccert_file",
            "smtpd_tls_eckey_file",
        ],
        applies: applies::ecdsa_files,
        control: Control::Text {
            shape: TextShape::Path,
            get: |o| &o.certificate.ecdsa_key_file,
            set: |o, text| o.certificate.ecdsa_key_file = text,
            beside_next: false,
        },
    },

    /// [`Options::inbound`].
    Inbound => FieldRow {
        label: text!("TLS on port 25"),
        help: text!(
            "STARTTLS for mail arriving from other servers on port 25"
        ),
        topic: Topic::Inbound,
        params: &[
            "smtpd_tls_security_level",
            "smtpd_use_tls",
            "smtpd_enforce_tls",
        ],
        applies: applies::send_only,
        control: Control::Choice {
            values: values::<InboundLevel>,
            get: |o| o.inbound.id(),
            set: |o, id| pick(&mut o.inbound, id),
            compact: false,
        },
    },

    /// [`Options::submission`].
    Submission => FieldRow {
        label: text!("Submission on port 587"),
        help: text!(
            "Mail clients submit on port 587 with STARTTLS required"
        ),
        topic: Topic::Submission,
        params: &[
            "smtpd_tls_security_level",
            "smtpd_tls_wrappermode",
            "smtpd_sasl_auth_enable",
            "smtpd_tls_auth_only",
            "smtpd_relay_restrictions",
            "smtpd_recipient_restrictions",
            "milter_macro_daemon_name",
            "syslog_name",
            "local_header_rewrite_clients",
            "smtpd_forbid_unauth_pipelining",
            "smtpd_hide_client_session",
            "smtpd_client_restrictions",
            "smtpd_helo_restrictions",
            "smtpd_sender_restrictions",
        ],
        applies: applies::send_only,
        control: Control::Switch {
            get: |o| o.submission,
            set: |o, on| o.submission = on,
        },
    },

    /// [`Options::submissions`].
    Submissions => FieldRow {
        label: text!("Submissions on port 465"),
        help: text!(
            "Mail clients submit on port 465 with TLS from the first byte (RFC 8314 prefers it)"
        ),
        topic: Topic::Submission,
        params: &[
            "smtpd_tls_security_level",
            "smtpd_tls_wrappermode",
            "smtpd_sasl_auth_enable",
            "smtpd_tls_auth_only",
            "smtpd_relay_restrictions",
            "smtpd_recipient_restrictions",
            "milter_macro_daemon_name",
            "syslog_name",
            "local_header_rewrite_clients",
            "smtpd_forbid_unauth_pipelining",
            "smtpd_hide_client_session",
            "smtpd_client_restrictions",
            "smtpd_helo_restrictions",
            "smtpd_sender_restrictions",
        ],
        applies: applies::send_only,
        control: Control::Switch {
            get: |o| o.submissions,
            set: |o, on| o.submissions = on,
        },
    },

    /// [`Options::sasl`].
    Sasl => FieldRow {
        label: text!("SASL server"),
        help: text!(
            "Who checks the passwords of mail clients"
        ),
        topic: Topic::Submission,
        params: &[
            "smtpd_sasl_type",
            "smtpd_sasl_path",
        ],
        applies: applies::no_submission,
        control: Control::Choice {
            values: values::<Sasl>,
            get: |o| o.sasl.id(),
            set: |o, id| pick(&mut o.sasl, id),
            compact: false,
        },
    },

    /// [`Options::outbound`].
    Outbound => FieldRow {
        label: text!("Outbound TLS"),
        help: text!(
            "TLS when this host delivers mail to other servers"
        ),
        topic: Topic::Outbound,
        params: &[
            "smtp_tls_security_level",
            "smtp_dns_support_level",
            // From 3.11: the build's own cache type instead of a deprecated `btree:`.
            "smtp_tls_session_cache_database",
            "smtp_use_tls",
            "smtp_enforce_tls",
        ],
        applies: applies::always,
        control: Control::Choice {
            values: values::<OutboundLevel>,
            get: |o| o.outbound.id(),
            set: |o, id| pick(&mut o.outbound, id),
            compact: false,
        },
    },

    /// [`Options::ca_file`].
    CaFile => FieldRow {
        label: text!("CA bundle"),
        help: text!(
            "Absolute path of the trusted CA bundle for verify/secure"
        ),
        topic: Topic::Outbound,
        params: &[
            "smtp_tls_CAfile",
        ],
        applies: applies::ca_file,
        control: Control::Text {
            shape: TextShape::Path,
            get: |o| &o.ca_file,
            set: |o, text| o.ca_file = text,
            beside_next: false,
        },
    },

    /// [`Relayhost::enabled`]: whether a smarthost is used.
    Smarthost => FieldRow {
        label: text!("Send through a smarthost"),
        help: text!(
            "Deliver all outbound mail through one smarthost"
        ),
        topic: Topic::Outbound,
        params: &[
            "relayhost",
        ],
        applies: applies::always,
        control: Control::Switch {
            get: |o| o.relayhost.enabled,
            set: |o, on| o.relayhost.enabled = on,
        },
    },

    /// [`Relayhost::host`]: the smarthost's name.
    SmarthostName => FieldRow {
        label: text!("Smarthost name"),
        help: text!(
            "The smarthost's host name, without brackets or port"
        ),
        topic: Topic::Outbound,
        params: &[
            "relayhost",
        ],
        applies: applies::smarthost,
        control: Control::Text {
            shape: TextShape::HostName,
            get: |o| &o.relayhost.host,
            set: |o, text| o.relayhost.host = text,
            beside_next: false,
        },
    },

    /// [`Relayhost::port`].
    SmarthostPort => FieldRow {
        label: text!("Smarthost port"),
        help: text!(
            "587 with STARTTLS or 465 with implicit TLS"
        ),
        topic: Topic::Outbound,
        params: &[
            "relayhost",
            "smtp_tls_wrappermode",
        ],
        applies: applies::smarthost,
        control: Control::Choice {
            values: values::<RelayPort>,
            get: |o| o.relayhost.port.id(),
            set: |o, id| pick(&mut o.relayhost.port, id),
            compact: false,
        },
    },

    /// [`Relayhost::auth`].
    SmarthostLogin => FieldRow {
        label: text!("Log in to the smarthost"),
        help: text!(
            "Authenticate with a user name and password from a table"
        ),
        topic: Topic::Outbound,
        params: &[
            "smtp_sasl_auth_enable",
            "smtp_sasl_tls_security_options",
        ],
        applies: applies::smarthost,
        control: Control::Switch {
            get: |o| o.relayhost.auth,
            set: |o, on| o.relayhost.auth = on,
        },
    },

    /// [`Relayhost::password_maps`].
    SmarthostPasswordMaps => FieldRow {
        label: text!("Password table"),
        help: text!(
            "A lookup table such as hash:/etc/postfix/sasl_passwd"
        ),
        topic: Topic::Outbound,
        params: &[
            "smtp_sasl_password_maps",
        ],
        applies: applies::smarthost_login,
        control: Control::Text {
            shape: TextShape::Table,
            get: |o| &o.relayhost.password_maps,
            set: |o, text| o.relayhost.password_maps = text,
            beside_next: false,
        },
    },

    /// [`Options::inbound_profile`].
    InboundProfile => FieldRow {
        label: text!("Protocols and ciphers on port 25"),
        help: text!(
            "Keep Postfix defaults on port 25: stricter settings only lose mail"
        ),
        topic: Topic::Protocols,
        params: &[
            "smtpd_tls_protocols",
            "smtpd_tls_ciphers",
            "smtpd_tls_exclude_ciphers",
            "smtpd_tls_mandatory_protocols",
            "smtpd_tls_mandatory_ciphers",
            "smtpd_tls_mandatory_exclude_ciphers",
        ],
        applies: applies::inbound_profile,
        control: Control::Choice {
            values: values::<Profile>,
            get: |o| o.inbound_profile.id(),
            set: |o, id| pick(&mut o.inbound_profile, id),
            compact: true,
        },
    },

    /// [`Options::submission_profile`].
    SubmissionProfile => FieldRow {
        label: text!("Protocols and ciphers on 587/465"),
        help: text!(
            "Your own mail clients can be held to modern TLS"
        ),
        topic: Topic::Protocols,
        params: &[
            "smtpd_tls_mandatory_protocols",
            "smtpd_tls_mandatory_ciphers",
            "smtpd_tls_mandatory_exclude_ciphers",
        ],
        applies: applies::submission_profile,
        control: Control::Choice {
            values: values::<Profile>,
            get: |o| o.submission_profile.id(),
            set: |o, id| pick(&mut o.submission_profile, id),
            compact: true,
        },
    },

    /// [`Options::outbound_profile`].
    OutboundProfile => FieldRow {
        label: text!("Protocols and ciphers outbound"),
        help: text!(
            "Stricter settings than the defaults make some deliveries fall back to cleartext"
        ),
        topic: Topic::Protocols,
        params: &[
            "smtp_tls_protocols",
            "smtp_tls_ciphers",
            "smtp_tls_exclude_ciphers",
            "smtp_tls_mandatory_protocols",
            "smtp_tls_mandatory_ciphers",
            "smtp_tls_mandatory_exclude_ciphers",
        ],
        applies: applies::outbound_profile,
        control: Control::Choice {
            values: values::<Profile>,
            get: |o| o.outbound_profile.id(),
            set: |o, id| pick(&mut o.outbound_profile, id),
            compact: true,
        },
    },

    /// [`Options::harden_logjam`].
    HardenLogjam => FieldRow {
        label: text!("Logjam/FREAK hardening"),
        help: text!(
            "2048-bit DH and no export ciphers on Postfix older than 3.1"
        ),
        topic: Topic::Protocols,
        params: &[
            "smtpd_tls_dh1024_param_file",
            "smtpd_tls_ciphers",
            "smtpd_tls_exclude_ciphers",
        ],
        applies: applies::logjam,
        control: Control::Switch {
            get: |o| o.harden_logjam,
            set: |o, on| o.harden_logjam = on,
        },
    },

    /// [`Options::no_renegotiation`].
    NoRenegotiation => FieldRow {
        label: text!("No TLS renegotiation"),
        help: text!(
            "Refuse renegotiation inside a TLS session, which can reduce opportunities for a CPU exhaustion attack (Postfix 3.4+)"
        ),
        topic: Topic::Protocols,
        params: &["tls_ssl_options"],
        applies: applies::no_renegotiation,
        control: Control::Switch {
            get: |o| o.no_renegotiation,
            set: |o, on| o.no_renegotiation = on,
        },
    },

    /// [`Options::tls_logging`].
    TlsLogging => FieldRow {
        label: text!("TLS logging"),
        help: text!(
            "Log one summary line per TLS session (loglevel 1)"
        ),
        topic: Topic::Logging,
        params: &[
            "smtpd_tls_loglevel",
            "smtp_tls_loglevel",
        ],
        applies: applies::always,
        control: Control::Switch {
            get: |o| o.tls_logging,
            set: |o, on| o.tls_logging = on,
        },
    },

    /// [`Options::received_header`].
    ReceivedHeader => FieldRow {
        label: text!("TLS details in Received: headers"),
        help: text!(
            "Record protocol and cipher in the Received: header (shows ESMTPS)"
        ),
        topic: Topic::Logging,
        params: &[
            "smtpd_tls_received_header",
        ],
        applies: applies::server_tls,
        control: Control::Switch {
            get: |o| o.received_header,
            set: |o, on| o.received_header = on,
        },
    },

    /// [`Options::comments`].
    Comments => FieldRow {
        label: text!("Explain each line"),
        help: text!(
            "A short English comment above each generated line"
        ),
        topic: Topic::General,
        params: &[],
        applies: applies::always,
        control: Control::Switch {
            get: |o| o.comments,
            set: |o, on| o.comments = on,
        },
    },
}

impl Field {
    /// A short label.
    pub fn label(self) -> Text {
        self.row().label
    }

    /// One line of help.
    pub fn help(self) -> Text {
        self.row().help
    }

    /// The Postfix parameters this field controls, for links to postconf(5).
    pub fn params(self) -> &'static [&'static str] {
        self.row().params
    }

    /// The group of choices the field belongs to.
    pub fn topic(self) -> Topic {
        self.row().topic
    }

    /// The label as it reads inside a lowercase diagnostic message: `private key file`, but
    /// `CA bundle` and `OpenSSL version` keep their capitals (German nouns always do).
    pub fn label_in_sentence(self) -> Text {
        self.label().in_sentence()
    }

    /// The field's value and shape when it is free text, for validation.
    pub fn free_text(self, o: &Options) -> Option<(&str, TextShape)> {
        match self.row().control {
            Control::Text { get, shape, .. } => Some((get(o), shape)),
            _ => None,
        }
    }
}

/// When an option applies: the functions the rows name.
mod applies {
    use super::*;
    use NotApplicable as N;

    fn when(condition: bool, reason: NotApplicable) -> Option<NotApplicable> {
        condition.then_some(reason)
    }

    pub fn always(_: &Options, _: &Setup) -> Option<NotApplicable> {
        None
    }

    pub fn send_only(o: &Options, _: &Setup) -> Option<NotApplicable> {
        when(o.role == Role::NullClient, N::SendOnly)
    }

    pub fn server_tls(_: &Options, s: &Setup) -> Option<NotApplicable> {
        when(!s.server_tls, N::NoServerTls)
    }

    pub fn cert_domain(o: &Options, s: &Setup) -> Option<NotApplicable> {
        server_tls(o, s).or(when(
            o.certificate.source != CertSource::LetsEncrypt,
            N::NotLetsEncrypt,
        ))
    }

    pub fn cert_files(o: &Options, s: &Setup) -> Option<NotApplicable> {
        server_tls(o, s).or(when(
            o.certificate.source != CertSource::Custom,
            N::NotCustomFiles,
        ))
    }

    pub fn cert_layout(o: &Options, s: &Setup) -> Option<NotApplicable> {
        server_tls(o, s).or(when(
            !o.postfix.supports_chain_files(),
            N::LegacyCertificateParameters(o.postfix),
        ))
    }

    pub fn ecdsa(o: &Options, s: &Setup) -> Option<NotApplicable> {
        server_tls(o, s).or(when(
            !o.postfix.supports_eccert(),
            N::NoEcdsaSupport(o.postfix),
        ))
    }

    pub fn ecdsa_files(o: &Options, s: &Setup) -> Option<NotApplicable> {
        ecdsa(o, s).or(when(!o.certificate.ecdsa, N::NoEcdsa))
    }

    pub fn no_submission(o: &Options, s: &Setup) -> Option<NotApplicable> {
        send_only(o, s).or(when(!o.submission && !o.submissions, N::NoSubmissionPort))
    }

    pub fn ca_file(o: &Options, _: &Setup) -> Option<NotApplicable> {
        when(
            !matches!(o.outbound, OutboundLevel::Verify | OutboundLevel::Secure),
            N::NotVerifying,
        )
    }

    pub fn smarthost(o: &Options, _: &Setup) -> Option<NotApplicable> {
        when(!o.relayhost.enabled, N::NoSmarthost)
    }

    pub fn smarthost_login(o: &Options, s: &Setup) -> Option<NotApplicable> {
        smarthost(o, s).or(when(!o.relayhost.auth, N::NoSmarthostLogin))
    }

    /// A profile for one direction: not without TLS, nor at a level whose parameters the
    /// version lacks.
    fn direction(o: &Options, opportunistic: bool, off: bool) -> Option<NotApplicable> {
        let v = o.postfix;
        when(off, N::DirectionOff)
            .or(when(
                opportunistic && !v.supports_opportunistic_protocols(),
                N::NoOpportunisticProfiles(v),
            ))
            .or(when(
                !v.supports_security_level(),
                N::NoMandatoryProfiles(v),
            ))
    }

    pub fn inbound_profile(o: &Options, s: &Setup) -> Option<NotApplicable> {
        send_only(o, s).or(direction(
            o,
            s.inbound == InboundLevel::May,
            s.inbound == InboundLevel::None,
        ))
    }

    pub fn submission_profile(o: &Options, s: &Setup) -> Option<NotApplicable> {
        no_submission(o, s).or(when(
            !o.postfix.supports_security_level(),
            N::NoMandatoryProfiles(o.postfix),
        ))
    }

    pub fn outbound_profile(o: &Options, s: &Setup) -> Option<NotApplicable> {
        direction(
            o,
            s.outbound == OutboundLevel::May,
            s.outbound == OutboundLevel::None,
        )
    }

    /// Renegotiation is what a client asks a server for: it matters where a service
    /// offers TLS.
    pub fn no_renegotiation(o: &Options, s: &Setup) -> Option<NotApplicable> {
        server_tls(o, s).or(when(
            !o.postfix.supports_no_renegotiation(),
            N::NeedsPostfix {
                since: PostfixVersion::new(3, 4),
                chosen: o.postfix,
            },
        ))
    }

    pub fn logjam(o: &Options, _: &Setup) -> Option<NotApplicable> {
        when(
            o.postfix.has_logjam_safe_defaults(),
            N::LogjamSafeDefaults(o.postfix),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::share;

    #[test]
    fn every_option_is_read_and_set_through_its_row() {
        for &field in Field::ALL {
            let mut o = Options::default();
            match field.row().control {
                Control::Version => continue,
                Control::Switch { get, .. } => {
                    let before = get(&o);
                    o.edit(Edit::Switch(field, !before));
                    assert_eq!(get(&o), !before, "{field:?}");
                }
                Control::Text { get, .. } => {
                    o.edit(Edit::Text(field, String::from("/etc/postfix/x.pem")));
                    assert_eq!(get(&o), "/etc/postfix/x.pem", "{field:?}");
                }
                Control::Choice { values, get, .. } => {
                    let all = values(&o.resolve());
                    assert!(all.len() > 1, "{field:?}");
                    for value in all {
                        o.edit(Edit::Choice(field, value.id));
                        assert_eq!(get(&o), value.id, "{field:?}");
                    }
                }
            }
            assert_ne!(o, Options::default(), "{field:?} changed nothing");
            // The share link and the JSON carry every option.
            assert_eq!(
                share::decode(&share::encode(&o)),
                Ok(o.clone()),
                "{field:?}"
            );
            assert_eq!(Options::from_json(&o.to_json()).ok(), Some(o), "{field:?}");
        }
    }

    #[test]
    fn every_option_but_the_versions_has_a_control() {
        let versions: Vec<Field> = Field::ALL
            .iter()
            .copied()
            .filter(|f| matches!(f.row().control, Control::Version))
            .collect();
        assert_eq!(versions, [Field::Postfix, Field::Openssl, Field::Preset]);
    }

    #[test]
    fn a_text_beside_the_next_is_followed_by_a_text_of_its_group() {
        for pair in Field::ALL.windows(2) {
            if let Control::Text {
                beside_next: true, ..
            } = pair[0].row().control
            {
                assert!(matches!(pair[1].row().control, Control::Text { .. }));
                assert_eq!(pair[0].topic(), pair[1].topic());
            }
        }
    }
}
