//! The option table: one row per option with everything about it in one place.
//!
//! A row holds the option's label and help in both languages, the Postfix parameters it
//! controls (for links to postconf(5)), the group it belongs to, when it does not apply
//! (a typed [`NotApplicable`] reason, read back from [`Setup`]) and how its value is read
//! and set. The web app draws its controls from the rows, [`Edit`](crate::edit::Edit) sets
//! a value through them, validation and the tests iterate them. Adding an option is a field
//! in [`Options`], a row here and the line that renders it.

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

/// One user-editable option; its facts are in its [`FieldRow`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// [`Options::postfix`].
    Postfix,
    /// [`Options::openssl`].
    Openssl,
    /// [`Options::preset`].
    Preset,
    /// [`Options::role`].
    Role,
    /// [`Certificate::source`].
    CertSource,
    /// [`Certificate::domain`].
    CertDomain,
    /// [`Certificate::cert_file`].
    CertFile,
    /// [`Certificate::key_file`].
    KeyFile,
    /// [`Certificate::layout`].
    CertLayout,
    /// [`Certificate::ecdsa`].
    Ecdsa,
    /// [`Certificate::ecdsa_cert_file`].
    EcdsaCertFile,
    /// [`Certificate::ecdsa_key_file`].
    EcdsaKeyFile,
    /// [`Options::inbound`].
    Inbound,
    /// [`Options::submission`].
    Submission,
    /// [`Options::submissions`].
    Submissions,
    /// [`Options::sasl`].
    Sasl,
    /// [`Options::outbound`].
    Outbound,
    /// [`Options::ca_file`].
    CaFile,
    /// [`Relayhost::enabled`]: whether a smarthost is used.
    Smarthost,
    /// [`Relayhost::host`]: the smarthost's name.
    SmarthostName,
    /// [`Relayhost::port`].
    SmarthostPort,
    /// [`Relayhost::auth`].
    SmarthostLogin,
    /// [`Relayhost::password_maps`].
    SmarthostPasswordMaps,
    /// [`Options::inbound_profile`].
    InboundProfile,
    /// [`Options::submission_profile`].
    SubmissionProfile,
    /// [`Options::outbound_profile`].
    OutboundProfile,
    /// [`Options::harden_logjam`].
    HardenLogjam,
    /// [`Options::no_renegotiation`].
    NoRenegotiation,
    /// [`Options::tls_logging`].
    TlsLogging,
    /// [`Options::received_header`].
    ReceivedHeader,
    /// [`Options::comments`].
    Comments,
}

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

impl Field {
    /// Every field, in the order an administrator thinks about them (and the web app shows
    /// them).
    pub const ALL: &'static [Field] = &[
        Field::Postfix,
        Field::Openssl,
        Field::Preset,
        Field::Role,
        Field::CertSource,
        Field::CertDomain,
        Field::CertFile,
        Field::KeyFile,
        Field::CertLayout,
        Field::Ecdsa,
        Field::EcdsaCertFile,
        Field::EcdsaKeyFile,
        Field::Inbound,
        Field::Submission,
        Field::Submissions,
        Field::Sasl,
        Field::Outbound,
        Field::CaFile,
        Field::Smarthost,
        Field::SmarthostName,
        Field::SmarthostPort,
        Field::SmarthostLogin,
        Field::SmarthostPasswordMaps,
        Field::InboundProfile,
        Field::SubmissionProfile,
        Field::OutboundProfile,
        Field::HardenLogjam,
        Field::NoRenegotiation,
        Field::TlsLogging,
        Field::ReceivedHeader,
        Field::Comments,
    ];

    /// The option's row.
    pub fn row(self) -> FieldRow {
        match self {
        Field::Postfix => FieldRow {
            label: text!("Postfix version", "Postfix-Version"),
            help: text!(
                "The Postfix release series on your server (postconf mail_version)",
                "Die Postfix-Versionsreihe auf Ihrem Server (postconf mail_version)"
            ),
            topic: Topic::Host,
            params: &[],
            applies: applies::always,
            control: Control::Version,
        },
        Field::Openssl => FieldRow {
            label: text!("OpenSSL version", "OpenSSL-Version"),
            help: text!(
                "The OpenSSL version Postfix is linked with (postconf -a, ldd or your distribution)",
                "Die OpenSSL-Version, mit der Postfix gebaut ist (postconf -a, ldd oder Ihre Distribution)"
            ),
            topic: Topic::Host,
            params: &[],
            applies: applies::always,
            control: Control::Version,
        },
        Field::Preset => FieldRow {
            label: text!("Distribution", "Distribution"),
            help: text!(
                "Sets both versions to what the distribution ships",
                "Setzt beide Versionen auf das, was die Distribution ausliefert"
            ),
            topic: Topic::Host,
            params: &[],
            applies: applies::always,
            control: Control::Version,
        },
        Field::Role => FieldRow {
            label: text!("Role of the host", "Rolle des Hosts"),
            help: text!(
                "What the host does decides what port 25 may demand",
                "Was der Host tut, entscheidet, was Port 25 verlangen darf"
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
        Field::CertSource => FieldRow {
            label: text!("Certificate", "Zertifikat"),
            help: text!(
                "Where the server certificate comes from",
                "Woher das Serverzertifikat kommt"
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
        Field::CertDomain => FieldRow {
            label: text!("Certificate domain", "Domain des Zertifikats"),
            help: text!(
                "The host name the Let's Encrypt certificate was issued for",
                "Der Hostname, für den das Let's-Encrypt-Zertifikat ausgestellt wurde"
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
        Field::CertFile => FieldRow {
            label: text!("Certificate chain file", "Datei der Zertifikatskette"),
            help: text!(
                "Absolute path of the PEM file with the server certificate first, then its issuers",
                "Absoluter Pfad der PEM-Datei mit dem Serverzertifikat zuerst, dann den Ausstellern"
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
        Field::KeyFile => FieldRow {
            label: text!("Private key file", "Datei des privaten Schlüssels"),
            help: text!(
                "Absolute path of the PEM private key; may be the same file as the chain",
                "Absoluter Pfad des privaten PEM-Schlüssels; darf dieselbe Datei wie die Kette sein"
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
        Field::CertLayout => FieldRow {
            label: text!("Certificate parameters", "Zertifikatsparameter"),
            help: text!(
                "How the key and the chain are given to Postfix",
                "Wie Schlüssel und Kette an Postfix übergeben werden"
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
        Field::Ecdsa => FieldRow {
            label: text!("Second (ECDSA) certificate", "Zweites (ECDSA-)Zertifikat"),
            help: text!(
                "Offer an ECDSA certificate beside the RSA one",
                "Ein ECDSA-Zertifikat neben dem RSA-Zertifikat anbieten"
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
        Field::EcdsaCertFile => FieldRow {
            label: text!("ECDSA certificate chain file", "Datei der ECDSA-Zertifikatskette"),
            help: text!(
                "Absolute path of the ECDSA certificate chain (PEM)",
                "Absoluter Pfad der ECDSA-Zertifikatskette (PEM)"
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
        Field::EcdsaKeyFile => FieldRow {
            label: text!("ECDSA private key file", "Datei des ECDSA-Schlüssels"),
            help: text!(
                "Absolute path of the ECDSA private key (PEM)",
                "Absoluter Pfad des ECDSA-Schlüssels (PEM)"
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
        Field::Inbound => FieldRow {
            label: text!("TLS on port 25", "TLS auf Port 25"),
            help: text!(
                "STARTTLS for mail arriving from other servers on port 25",
                "STARTTLS für Mail, die von anderen Servern auf Port 25 ankommt"
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
        Field::Submission => FieldRow {
            label: text!("Submission on port 587", "Submission auf Port 587"),
            help: text!(
                "Mail clients submit on port 587 with STARTTLS required",
                "Mailprogramme liefern auf Port 587 mit zwingendem STARTTLS ein"
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
        Field::Submissions => FieldRow {
            label: text!("Submissions on port 465", "Submissions auf Port 465"),
            help: text!(
                "Mail clients submit on port 465 with TLS from the first byte (RFC 8314 prefers it)",
                "Mailprogramme liefern auf Port 465 mit TLS ab dem ersten Byte ein (RFC 8314 bevorzugt das)"
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
        Field::Sasl => FieldRow {
            label: text!("SASL server", "SASL-Server"),
            help: text!(
                "Who checks the passwords of mail clients",
                "Wer die Passwörter der Mailprogramme prüft"
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
        Field::Outbound => FieldRow {
            label: text!("Outbound TLS", "Ausgehendes TLS"),
            help: text!(
                "TLS when this host delivers mail to other servers",
                "TLS, wenn dieser Host Mail an andere Server zustellt"
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
        Field::CaFile => FieldRow {
            label: text!("CA bundle", "CA-Bündel"),
            help: text!(
                "Absolute path of the trusted CA bundle for verify/secure",
                "Absoluter Pfad des vertrauenswürdigen CA-Bündels für verify/secure"
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
        Field::Smarthost => FieldRow {
            label: text!("Send through a smarthost", "Über einen Smarthost senden"),
            help: text!(
                "Deliver all outbound mail through one smarthost",
                "Alle ausgehende Mail über einen Smarthost zustellen"
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
        Field::SmarthostName => FieldRow {
            label: text!("Smarthost name", "Name des Smarthosts"),
            help: text!(
                "The smarthost's host name, without brackets or port",
                "Der Hostname des Smarthosts, ohne Klammern und Port"
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
        Field::SmarthostPort => FieldRow {
            label: text!("Smarthost port", "Port des Smarthosts"),
            help: text!(
                "587 with STARTTLS or 465 with implicit TLS",
                "587 mit STARTTLS oder 465 mit implizitem TLS"
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
        Field::SmarthostLogin => FieldRow {
            label: text!("Log in to the smarthost", "Am Smarthost anmelden"),
            help: text!(
                "Authenticate with a user name and password from a table",
                "Mit Benutzername und Passwort aus einer Tabelle anmelden"
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
        Field::SmarthostPasswordMaps => FieldRow {
            label: text!("Password table", "Passworttabelle"),
            help: text!(
                "A lookup table such as hash:/etc/postfix/sasl_passwd",
                "Eine Lookup-Tabelle wie hash:/etc/postfix/sasl_passwd"
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
        Field::InboundProfile => FieldRow {
            label: text!("Protocols and ciphers on port 25", "Protokolle und Cipher auf Port 25"),
            help: text!(
                "Keep Postfix defaults on port 25: stricter settings only lose mail",
                "Auf Port 25 die Postfix-Vorgaben behalten: Strengeres verliert nur Mail"
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
        Field::SubmissionProfile => FieldRow {
            label: text!("Protocols and ciphers on 587/465", "Protokolle und Cipher auf 587/465"),
            help: text!(
                "Your own mail clients can be held to modern TLS",
                "Eigene Mailprogramme können modernes TLS verlangen"
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
        Field::OutboundProfile => FieldRow {
            label: text!("Protocols and ciphers outbound", "Protokolle und Cipher ausgehend"),
            help: text!(
                "Stricter settings than the defaults make some deliveries fall back to cleartext",
                "Strengere Einstellungen als die Vorgaben lassen manche Zustellung auf Klartext zurückfallen"
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
        Field::HardenLogjam => FieldRow {
            label: text!("Logjam/FREAK hardening", "Logjam/FREAK-Härtung"),
            help: text!(
                "2048-bit DH and no export ciphers on Postfix older than 3.1",
                "2048-Bit-DH und keine Export-Cipher bei Postfix älter als 3.1"
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
        Field::NoRenegotiation => FieldRow {
            label: text!("No TLS renegotiation", "Keine TLS-Neuverhandlung"),
            help: text!(
                "Refuse renegotiation inside a TLS session, which can reduce opportunities for a CPU exhaustion attack (Postfix 3.4+)",
                "Neuverhandlung innerhalb einer TLS-Sitzung ablehnen, das verringert Gelegenheiten für einen Angriff, der die CPU erschöpft (Postfix 3.4+)"
            ),
            topic: Topic::Protocols,
            params: &["tls_ssl_options"],
            applies: applies::no_renegotiation,
            control: Control::Switch {
                get: |o| o.no_renegotiation,
                set: |o, on| o.no_renegotiation = on,
            },
        },
        Field::TlsLogging => FieldRow {
            label: text!("TLS logging", "TLS-Protokollierung"),
            help: text!(
                "Log one summary line per TLS session (loglevel 1)",
                "Eine Zusammenfassung pro TLS-Sitzung protokollieren (Loglevel 1)"
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
        Field::ReceivedHeader => FieldRow {
            label: text!("TLS details in Received: headers", "TLS-Details in Received:-Kopfzeilen"),
            help: text!(
                "Record protocol and cipher in the Received: header (shows ESMTPS)",
                "Protokoll und Cipher im Received:-Header vermerken (zeigt ESMTPS)"
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
        Field::Comments => FieldRow {
            label: text!("Explain each line", "Jede Zeile erklären"),
            help: text!(
                "A short English comment above each generated line",
                "Ein kurzer englischer Kommentar über jeder erzeugten Zeile"
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
    }

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
        let label = self.label();
        let first_word = label.en.split(' ').next().unwrap_or_default();
        let acronym = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
        let en = match label.en.chars().next() {
            Some(first) if !acronym => {
                format!("{}{}", first.to_lowercase(), &label.en[first.len_utf8()..])
            }
            _ => label.en.to_string(),
        };
        Text::owned(en, label.de.into_owned())
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
    fn every_option_but_the_versions_has_a_control_and_the_order_is_complete() {
        let versions: Vec<Field> = Field::ALL
            .iter()
            .copied()
            .filter(|f| matches!(f.row().control, Control::Version))
            .collect();
        assert_eq!(versions, [Field::Postfix, Field::Openssl, Field::Preset]);
        let mut all = Field::ALL.to_vec();
        all.sort_by_key(|f| format!("{f:?}"));
        all.dedup();
        assert_eq!(all.len(), Field::ALL.len());
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
