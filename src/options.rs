//! The options model: every choice a user can make, with defaults that suit a public MX on
//! the newest Postfix.
//!
//! The same JSON is read by `postfix-tls generate --options`, printed by `--print-options`,
//! put in the web app's share link and exported/imported there. Unknown or missing fields
//! fall back to the defaults; free-text values are validated before anything is rendered.
//!
//! [`Choice`] describes the values of an enumerated option (label, help, when a value is not
//! available); everything else about an option is its row in the option table
//! ([`crate::fields`], re-exported here as [`Field`]). [`Options::resolve`]
//! ([`crate::setup`]) turns the choices into what the configuration holds, and
//! [`Options::validate`] refuses free text that could inject configuration.

use crate::version::{OpensslVersion, PostfixVersion, Preset};
use serde::{Deserialize, Serialize};

/// Everything a user chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// The Postfix release series the output is for.
    pub postfix: PostfixVersion,
    /// The OpenSSL version Postfix is linked with.
    pub openssl: OpensslVersion,
    /// The distribution preset that set both versions, if any (informational).
    pub preset: Option<Preset>,
    /// What the host does; drives the RFC 3207 warnings.
    pub role: Role,
    /// The server certificate(s).
    pub certificate: Certificate,
    /// TLS on the port-25 `smtp` service.
    pub inbound: InboundLevel,
    /// A `submission` service on port 587 (STARTTLS required).
    pub submission: bool,
    /// A `submissions` (`smtps` before 3.7) service on port 465 (implicit TLS, RFC 8314).
    pub submissions: bool,
    /// The SASL server for the submission services.
    pub sasl: Sasl,
    /// The global outbound TLS level (`smtp_tls_security_level`).
    pub outbound: OutboundLevel,
    /// The CA bundle for `verify`/`secure` outbound (`smtp_tls_CAfile`).
    pub ca_file: String,
    /// Relaying all outbound mail through a smarthost.
    pub relayhost: Relayhost,
    /// Protocols and ciphers on port 25 (inbound, opportunistic).
    pub inbound_profile: Profile,
    /// Protocols and ciphers on the submission services 587/465.
    pub submission_profile: Profile,
    /// Protocols and ciphers for outbound mail.
    pub outbound_profile: Profile,
    /// Logjam/FREAK hardening appropriate for the version (DH parameters, export grades).
    pub harden_logjam: bool,
    /// `tls_ssl_options = NO_RENEGOTIATION` (3.4+): no renegotiation inside a TLS session.
    pub no_renegotiation: bool,
    /// `smtpd_tls_loglevel = 1` and `smtp_tls_loglevel = 1`.
    pub tls_logging: bool,
    /// `smtpd_tls_received_header = yes` (ESMTPS and cipher details in `Received:`).
    pub received_header: bool,
    /// A short comment above each emitted line.
    pub comments: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            postfix: PostfixVersion::LATEST,
            openssl: OpensslVersion::V3_5,
            preset: None,
            role: Role::PublicMx,
            certificate: Certificate::default(),
            inbound: InboundLevel::May,
            submission: true,
            submissions: true,
            sasl: Sasl::Dovecot,
            outbound: OutboundLevel::May,
            ca_file: String::from("/etc/ssl/certs/ca-certificates.crt"),
            relayhost: Relayhost::default(),
            inbound_profile: Profile::PostfixDefault,
            submission_profile: Profile::Intermediate,
            outbound_profile: Profile::PostfixDefault,
            harden_logjam: true,
            no_renegotiation: false,
            tls_logging: true,
            received_header: true,
            comments: false,
        }
    }
}

/// What the host does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A public MX: port 25 is listed in the domain's MX records (RFC 3207 applies).
    #[default]
    PublicMx,
    /// An internal relay or smarthost: only known clients connect on port 25.
    Relay,
    /// A send-only host (null client): no mail is received from the network.
    NullClient,
}

/// TLS on the port-25 `smtp` service (`smtpd_tls_security_level`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InboundLevel {
    /// No TLS.
    None,
    /// Opportunistic: STARTTLS offered, not required (`may`).
    #[default]
    May,
    /// Required: plaintext mail refused (`encrypt`); never on a public MX (RFC 3207).
    Encrypt,
}

/// The global outbound TLS level (`smtp_tls_security_level`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutboundLevel {
    /// No TLS.
    None,
    /// Opportunistic (`may`).
    #[default]
    May,
    /// Mandatory, unauthenticated (`encrypt`): bounces mail to servers without TLS.
    Encrypt,
    /// DANE where TLSA records exist, opportunistic elsewhere (`dane`, 2.11+).
    Dane,
    /// Mandatory, certificate verified against a CA (`verify`).
    Verify,
    /// Mandatory, certificate and name verified (`secure`).
    Secure,
}

/// The SASL server behind `smtpd_sasl_*`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sasl {
    /// Dovecot's auth socket at `private/auth` (2.3+).
    #[default]
    Dovecot,
    /// Cyrus SASL (`smtpd.conf`, saslauthd or sasldb).
    Cyrus,
}

/// A protocol and cipher profile for one direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Postfix's own defaults: maximum interoperability, the right choice for port 25.
    #[default]
    PostfixDefault,
    /// TLS 1.2 and 1.3.
    Intermediate,
    /// TLS 1.3 only.
    Modern,
    /// What internet.nl and testssl.sh demand (TLS 1.2+, no CBC/kRSA/3DES), at an
    /// interoperability cost.
    ScannerClean,
}

/// Where the server certificate comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CertSource {
    /// Debian's self-signed `ssl-cert` snakeoil pair.
    Snakeoil,
    /// Let's Encrypt (certbot) for a domain: the default, since mail clients on 587/465
    /// must be able to validate the certificate (RFC 8314 §5).
    #[default]
    LetsEncrypt,
    /// Paths of the user's choice.
    Custom,
}

/// How the key and certificate chain are given to Postfix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CertLayout {
    /// `smtpd_tls_chain_files` (3.4+).
    #[default]
    ChainFiles,
    /// `smtpd_tls_cert_file` and `smtpd_tls_key_file`.
    CertAndKey,
}

/// The server certificate(s).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Certificate {
    /// Where it comes from.
    pub source: CertSource,
    /// The domain of a Let's Encrypt certificate (`/etc/letsencrypt/live/DOMAIN/`).
    pub domain: String,
    /// The certificate (chain) file for [`CertSource::Custom`].
    pub cert_file: String,
    /// The private key file for [`CertSource::Custom`]; may equal `cert_file` for a single
    /// key+chain file.
    pub key_file: String,
    /// How the files are given to Postfix.
    pub layout: CertLayout,
    /// A second (ECDSA) certificate beside the RSA one.
    pub ecdsa: bool,
    /// The ECDSA certificate (chain) file.
    pub ecdsa_cert_file: String,
    /// The ECDSA private key file.
    pub ecdsa_key_file: String,
}

impl Default for Certificate {
    fn default() -> Self {
        Certificate {
            source: CertSource::LetsEncrypt,
            domain: String::from("mail.example.com"),
            cert_file: String::from("/etc/postfix/tls/rsa-fullchain.pem"),
            key_file: String::from("/etc/postfix/tls/rsa-key.pem"),
            layout: CertLayout::ChainFiles,
            ecdsa: false,
            ecdsa_cert_file: String::from("/etc/postfix/tls/ecdsa-fullchain.pem"),
            ecdsa_key_file: String::from("/etc/postfix/tls/ecdsa-key.pem"),
        }
    }
}

/// The port of the smarthost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelayPort {
    /// Port 587 with STARTTLS.
    #[default]
    Submission,
    /// Port 465 with implicit TLS (`smtp_tls_wrappermode`, 3.0+).
    Submissions,
}

/// Relaying outbound mail through a smarthost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Relayhost {
    /// Whether to use a relayhost at all.
    pub enabled: bool,
    /// The smarthost's host name (without brackets or port).
    pub host: String,
    /// Its port.
    pub port: RelayPort,
    /// Authenticate with SASL client credentials.
    pub auth: bool,
    /// The `smtp_sasl_password_maps` table, for example `hash:/etc/postfix/sasl_passwd`.
    /// The default ([`DEFAULT_PASSWORD_MAPS`]) is written with the table type the selected
    /// version recommends ([`Relayhost::password_table`]).
    pub password_maps: String,
}

/// The default smarthost password table.
pub const DEFAULT_PASSWORD_MAPS: &str = "hash:/etc/postfix/sasl_passwd";

impl Relayhost {
    /// The password table as written for this Postfix series: the default table takes the
    /// series' recommended type (`cdb:` from 3.11, [`PostfixVersion::prefers_cdb`]); a table
    /// the user typed stays as typed.
    pub fn password_table(&self, postfix: PostfixVersion) -> String {
        match self.password_maps.strip_prefix("hash:") {
            Some(file) if self.password_maps == DEFAULT_PASSWORD_MAPS && postfix.prefers_cdb() => {
                format!("cdb:{file}")
            }
            _ => self.password_maps.clone(),
        }
    }
}

impl Default for Relayhost {
    fn default() -> Self {
        Relayhost {
            enabled: false,
            host: String::from("smtp.example.net"),
            port: RelayPort::Submission,
            auth: true,
            password_maps: String::from(DEFAULT_PASSWORD_MAPS),
        }
    }
}

impl Options {
    /// Applies a distribution preset: sets the Postfix and OpenSSL versions.
    pub fn apply_preset(&mut self, preset: Preset) {
        let (postfix, openssl) = preset.versions();
        self.postfix = postfix;
        self.openssl = openssl;
        self.preset = Some(preset);
    }

    /// Reads options from JSON; missing fields take their defaults.
    pub fn from_json(json: &str) -> Result<Options, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The options as pretty-printed JSON (stable field order).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

use crate::diagnostic::Diagnostic;
use crate::lang::Text;
use crate::rules::RuleId;
use crate::setup::Setup;
use crate::text;

/// An enumerated option: its values, their serde ids, labels, help texts and when a value
/// does not apply to the rest of the options.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order shown to users.
    const ALL: &'static [Self];
    /// The value's name in the options JSON (its serde name).
    fn id(self) -> &'static str;
    /// A short label.
    fn label(self) -> Text;
    /// One line of help.
    fn help(self) -> Text;
    /// `Some(reason)` when this value cannot be used with the other options, for example
    /// DANE before Postfix 2.11.
    fn unavailable(self, setup: &Setup) -> Option<Text>;
}

impl Choice for Role {
    const ALL: &'static [Self] = &[Role::PublicMx, Role::Relay, Role::NullClient];

    fn id(self) -> &'static str {
        match self {
            Role::PublicMx => "public-mx",
            Role::Relay => "relay",
            Role::NullClient => "null-client",
        }
    }

    fn label(self) -> Text {
        match self {
            Role::PublicMx => text!("Public MX", "Öffentlicher MX"),
            Role::Relay => text!("Internal relay / smarthost", "Internes Relay / Smarthost"),
            Role::NullClient => text!("Send-only (null client)", "Nur Versand (Null-Client)"),
        }
    }

    fn help(self) -> Text {
        match self {
            Role::PublicMx => text!(
                "Port 25 is listed in your domain's MX records: anyone on the Internet delivers here",
                "Port 25 steht in den MX-Einträgen Ihrer Domain: jeder im Internet stellt hier zu"
            ),
            Role::Relay => text!(
                "Only your own, known clients connect on port 25",
                "Nur Ihre eigenen, bekannten Clients verbinden sich auf Port 25"
            ),
            Role::NullClient => text!(
                "The host only sends mail and receives nothing from the network",
                "Der Host versendet nur und empfängt nichts aus dem Netz"
            ),
        }
    }

    fn unavailable(self, _setup: &Setup) -> Option<Text> {
        None
    }
}

impl Choice for InboundLevel {
    const ALL: &'static [Self] = &[InboundLevel::None, InboundLevel::May, InboundLevel::Encrypt];

    fn id(self) -> &'static str {
        match self {
            InboundLevel::None => "none",
            InboundLevel::May => "may",
            InboundLevel::Encrypt => "encrypt",
        }
    }

    fn label(self) -> Text {
        match self {
            InboundLevel::None => text!("No TLS", "Kein TLS"),
            InboundLevel::May => text!("Opportunistic (may)", "Opportunistisch (may)"),
            InboundLevel::Encrypt => text!("Required (encrypt)", "Erzwungen (encrypt)"),
        }
    }

    fn help(self) -> Text {
        match self {
            InboundLevel::None => text!(
                "STARTTLS is not offered: all mail arrives in cleartext",
                "STARTTLS wird nicht angeboten: alle Mails kommen im Klartext an"
            ),
            InboundLevel::May => text!(
                "STARTTLS is offered and used when the sender supports it (right for a public MX)",
                "STARTTLS wird angeboten und genutzt, wenn der Absender es kann (richtig für einen öffentlichen MX)"
            ),
            InboundLevel::Encrypt => text!(
                "Mail without TLS is refused; a public MX must not do this (RFC 3207)",
                "Mail ohne TLS wird abgewiesen; ein öffentlicher MX darf das nicht (RFC 3207)"
            ),
        }
    }

    fn unavailable(self, _setup: &Setup) -> Option<Text> {
        None
    }
}

impl Choice for OutboundLevel {
    const ALL: &'static [Self] = &[
        OutboundLevel::None,
        OutboundLevel::May,
        OutboundLevel::Encrypt,
        OutboundLevel::Dane,
        OutboundLevel::Verify,
        OutboundLevel::Secure,
    ];

    fn id(self) -> &'static str {
        match self {
            OutboundLevel::None => "none",
            OutboundLevel::May => "may",
            OutboundLevel::Encrypt => "encrypt",
            OutboundLevel::Dane => "dane",
            OutboundLevel::Verify => "verify",
            OutboundLevel::Secure => "secure",
        }
    }

    fn label(self) -> Text {
        match self {
            OutboundLevel::None => text!("No TLS", "Kein TLS"),
            OutboundLevel::May => text!("Opportunistic (may)", "Opportunistisch (may)"),
            OutboundLevel::Encrypt => text!("Required (encrypt)", "Erzwungen (encrypt)"),
            OutboundLevel::Dane => text!("DANE (dane)", "DANE (dane)"),
            OutboundLevel::Verify => text!("Verified CA (verify)", "CA-geprüft (verify)"),
            OutboundLevel::Secure => text!(
                "Verified CA and name (secure)",
                "CA und Name geprüft (secure)"
            ),
        }
    }

    fn help(self) -> Text {
        match self {
            OutboundLevel::None => text!(
                "Outbound mail is always sent in cleartext",
                "Ausgehende Mail wird immer im Klartext gesendet"
            ),
            OutboundLevel::May => text!(
                "TLS when the receiving server offers it; the right default for Internet mail",
                "TLS, wenn der empfangende Server es anbietet; der richtige Standard für Internet-Mail"
            ),
            OutboundLevel::Encrypt => text!(
                "Mail to servers without TLS is deferred and finally bounced",
                "Mail an Server ohne TLS wird zurückgestellt und schließlich zurückgewiesen"
            ),
            OutboundLevel::Dane => text!(
                "Authenticated TLS where the receiver publishes DNSSEC-signed TLSA records, opportunistic elsewhere; needs a local validating resolver",
                "Authentisiertes TLS, wo der Empfänger DNSSEC-signierte TLSA-Einträge veröffentlicht, sonst opportunistisch; braucht einen lokalen validierenden Resolver"
            ),
            OutboundLevel::Verify => text!(
                "TLS required and the certificate must be signed by a trusted CA",
                "TLS erforderlich und das Zertifikat muss von einer vertrauenswürdigen CA signiert sein"
            ),
            OutboundLevel::Secure => text!(
                "Like verify, and the certificate must also match the host name",
                "Wie verify, zusätzlich muss das Zertifikat zum Hostnamen passen"
            ),
        }
    }

    fn unavailable(self, options: &Setup) -> Option<Text> {
        let v = options.postfix;
        match self {
            OutboundLevel::Dane if !v.supports_dane() => Some(text!(
                "DANE needs Postfix 2.11 or later (this is {})",
                "DANE braucht Postfix 2.11 oder neuer (gewählt ist {})";
                v
            )),
            OutboundLevel::Verify | OutboundLevel::Secure if !v.supports_security_level() => {
                Some(text!(
                    "certificate verification levels need Postfix 2.3 or later (this is {})",
                    "Stufen mit Zertifikatsprüfung brauchen Postfix 2.3 oder neuer (gewählt ist {})";
                    v
                ))
            }
            OutboundLevel::None | OutboundLevel::May | OutboundLevel::Dane
                if options.smarthost.as_ref().is_some_and(|s| s.wrappermode) =>
            {
                Some(text!(
                    "a smarthost on port 465 (smtp_tls_wrappermode) needs encrypt, verify or secure",
                    "ein Smarthost auf Port 465 (smtp_tls_wrappermode) braucht encrypt, verify oder secure"
                ))
            }
            // Smarthosts offer AUTH only after STARTTLS, and Postfix sends the password only
            // inside TLS: without TLS the mail goes out unauthenticated and bounces.
            OutboundLevel::None if options.smarthost.as_ref().is_some_and(|s| s.login) => {
                Some(text!(
                "a smarthost login needs TLS: the password is only sent inside TLS",
                "eine Anmeldung am Smarthost braucht TLS: das Passwort wird nur innerhalb von TLS gesendet"
            ))
            }
            _ => None,
        }
    }
}

impl Choice for Sasl {
    const ALL: &'static [Self] = &[Sasl::Dovecot, Sasl::Cyrus];

    fn id(self) -> &'static str {
        match self {
            Sasl::Dovecot => "dovecot",
            Sasl::Cyrus => "cyrus",
        }
    }

    fn label(self) -> Text {
        match self {
            Sasl::Dovecot => text!("Dovecot", "Dovecot"),
            Sasl::Cyrus => text!("Cyrus SASL", "Cyrus SASL"),
        }
    }

    fn help(self) -> Text {
        match self {
            Sasl::Dovecot => text!(
                "Dovecot's auth socket at private/auth checks the passwords",
                "Dovecots Auth-Socket unter private/auth prüft die Passwörter"
            ),
            Sasl::Cyrus => text!(
                "Cyrus SASL (smtpd.conf with saslauthd or sasldb) checks the passwords",
                "Cyrus SASL (smtpd.conf mit saslauthd oder sasldb) prüft die Passwörter"
            ),
        }
    }

    fn unavailable(self, options: &Setup) -> Option<Text> {
        let v = options.postfix;
        match self {
            Sasl::Dovecot if !v.supports_sasl_type() => Some(text!(
                "Dovecot SASL needs Postfix 2.3 or later (this is {})",
                "Dovecot-SASL braucht Postfix 2.3 oder neuer (gewählt ist {})";
                v
            )),
            _ => None,
        }
    }
}

impl Choice for Profile {
    const ALL: &'static [Self] = &[
        Profile::PostfixDefault,
        Profile::Intermediate,
        Profile::Modern,
        Profile::ScannerClean,
    ];

    fn id(self) -> &'static str {
        match self {
            Profile::PostfixDefault => "postfix-default",
            Profile::Intermediate => "intermediate",
            Profile::Modern => "modern",
            Profile::ScannerClean => "scanner-clean",
        }
    }

    fn label(self) -> Text {
        match self {
            Profile::PostfixDefault => text!("Postfix defaults", "Postfix-Standard"),
            Profile::Intermediate => text!("Intermediate (TLS 1.2+)", "Mittel (TLS 1.2+)"),
            Profile::Modern => text!("Modern (TLS 1.3 only)", "Modern (nur TLS 1.3)"),
            Profile::ScannerClean => text!(
                "Scanner-clean (internet.nl)",
                "Scanner-sauber (internet.nl)"
            ),
        }
    }

    fn help(self) -> Text {
        match self {
            Profile::PostfixDefault => text!(
                "Postfix's own protocol and cipher defaults: maximum interoperability, the right choice for port 25",
                "Postfix' eigene Protokoll- und Cipher-Vorgaben: größte Kompatibilität, die richtige Wahl für Port 25"
            ),
            Profile::Intermediate => text!(
                "TLS 1.2 and 1.3 only: right for mail clients on 587/465",
                "Nur TLS 1.2 und 1.3: richtig für Mailprogramme auf 587/465"
            ),
            Profile::Modern => text!(
                "TLS 1.3 only: older clients and servers cannot connect",
                "Nur TLS 1.3: ältere Clients und Server können sich nicht verbinden"
            ),
            Profile::ScannerClean => text!(
                "TLS 1.2+ without kRSA, CBC or 3DES, as internet.nl demands; costs interoperability",
                "TLS 1.2+ ohne kRSA, CBC und 3DES, wie internet.nl es verlangt; kostet Kompatibilität"
            ),
        }
    }

    fn unavailable(self, options: &Setup) -> Option<Text> {
        match self {
            Profile::Modern if !options.openssl.supports_tls13() => Some(text!(
                "TLS 1.3 needs OpenSSL 1.1.1 or later (this is {})",
                "TLS 1.3 braucht OpenSSL 1.1.1 oder neuer (gewählt ist {})";
                options.openssl
            )),
            Profile::Modern if !options.postfix.supports_tlsv13_name() => Some(text!(
                "TLS 1.3 needs Postfix 3.4 or later (this is {})",
                "TLS 1.3 braucht Postfix 3.4 oder neuer (gewählt ist {})";
                options.postfix
            )),
            Profile::Intermediate | Profile::ScannerClean
                if !options.postfix.knows_tls12_protocol_names() =>
            {
                Some(text!(
                    "the protocol name TLSv1.2 needs Postfix 2.10 or later (this is {})",
                    "der Protokollname TLSv1.2 braucht Postfix 2.10 oder neuer (gewählt ist {})";
                    options.postfix
                ))
            }
            _ => None,
        }
    }
}

impl Choice for CertSource {
    const ALL: &'static [Self] = &[
        CertSource::Snakeoil,
        CertSource::LetsEncrypt,
        CertSource::Custom,
    ];

    fn id(self) -> &'static str {
        match self {
            CertSource::Snakeoil => "snakeoil",
            CertSource::LetsEncrypt => "lets-encrypt",
            CertSource::Custom => "custom",
        }
    }

    fn label(self) -> Text {
        match self {
            CertSource::Snakeoil => text!(
                "Self-signed (Debian snakeoil)",
                "Selbstsigniert (Debian-Snakeoil)"
            ),
            CertSource::LetsEncrypt => text!("Let's Encrypt", "Let's Encrypt"),
            CertSource::Custom => text!("Custom files", "Eigene Dateien"),
        }
    }

    fn help(self) -> Text {
        match self {
            CertSource::Snakeoil => text!(
                "The ssl-cert package's self-signed pair: fine for port 25, wrong for mail clients",
                "Das selbstsignierte Paar aus dem Paket ssl-cert: gut für Port 25, falsch für Mailprogramme"
            ),
            CertSource::LetsEncrypt => text!(
                "certbot's files under /etc/letsencrypt/live/DOMAIN/",
                "Die Dateien von certbot unter /etc/letsencrypt/live/DOMAIN/"
            ),
            CertSource::Custom => text!(
                "Certificate chain and key files of your choice",
                "Zertifikatskette und Schlüssel aus Dateien Ihrer Wahl"
            ),
        }
    }

    fn unavailable(self, _setup: &Setup) -> Option<Text> {
        None
    }
}

impl Choice for CertLayout {
    const ALL: &'static [Self] = &[CertLayout::ChainFiles, CertLayout::CertAndKey];

    fn id(self) -> &'static str {
        match self {
            CertLayout::ChainFiles => "chain-files",
            CertLayout::CertAndKey => "cert-and-key",
        }
    }

    fn label(self) -> Text {
        match self {
            CertLayout::ChainFiles => text!("smtpd_tls_chain_files", "smtpd_tls_chain_files"),
            CertLayout::CertAndKey => text!(
                "smtpd_tls_cert_file and smtpd_tls_key_file",
                "smtpd_tls_cert_file und smtpd_tls_key_file"
            ),
        }
    }

    fn help(self) -> Text {
        match self {
            CertLayout::ChainFiles => text!(
                "Key and chain in one list (Postfix 3.4+), the more reliable way on key rollover",
                "Schlüssel und Kette in einer Liste (Postfix 3.4+), zuverlässiger beim Schlüsselwechsel"
            ),
            CertLayout::CertAndKey => text!(
                "Separate certificate and key parameters, understood by every version",
                "Getrennte Parameter für Zertifikat und Schlüssel, versteht jede Version"
            ),
        }
    }

    fn unavailable(self, options: &Setup) -> Option<Text> {
        match self {
            CertLayout::ChainFiles if !options.postfix.supports_chain_files() => Some(text!(
                "smtpd_tls_chain_files needs Postfix 3.4 or later (this is {})",
                "smtpd_tls_chain_files braucht Postfix 3.4 oder neuer (gewählt ist {})";
                options.postfix
            )),
            _ => None,
        }
    }
}

impl Choice for RelayPort {
    const ALL: &'static [Self] = &[RelayPort::Submission, RelayPort::Submissions];

    fn id(self) -> &'static str {
        match self {
            RelayPort::Submission => "submission",
            RelayPort::Submissions => "submissions",
        }
    }

    fn label(self) -> Text {
        match self {
            RelayPort::Submission => text!("587 (STARTTLS)", "587 (STARTTLS)"),
            RelayPort::Submissions => text!("465 (implicit TLS)", "465 (implizites TLS)"),
        }
    }

    fn help(self) -> Text {
        match self {
            RelayPort::Submission => text!(
                "The smarthost's submission port with STARTTLS",
                "Der Submission-Port des Smarthosts mit STARTTLS"
            ),
            RelayPort::Submissions => text!(
                "The smarthost's submissions port with TLS from the first byte (Postfix 3.0+)",
                "Der Submissions-Port des Smarthosts mit TLS ab dem ersten Byte (Postfix 3.0+)"
            ),
        }
    }

    fn unavailable(self, options: &Setup) -> Option<Text> {
        match self {
            RelayPort::Submissions if !options.postfix.supports_smtp_wrappermode() => Some(text!(
                "client-side implicit TLS (smtp_tls_wrappermode) needs Postfix 3.0 or later (this is {})",
                "clientseitiges implizites TLS (smtp_tls_wrappermode) braucht Postfix 3.0 oder neuer (gewählt ist {})";
                options.postfix
            )),
            _ => None,
        }
    }
}

impl Choice for OpensslVersion {
    const ALL: &'static [Self] = OpensslVersion::ALL;

    fn id(self) -> &'static str {
        self.as_str()
    }

    fn label(self) -> Text {
        match self {
            OpensslVersion::V1_0_2 => text!("OpenSSL 1.0.2", "OpenSSL 1.0.2"),
            OpensslVersion::V1_1_1 => text!("OpenSSL 1.1.1", "OpenSSL 1.1.1"),
            OpensslVersion::V3_0 => text!("OpenSSL 3.0", "OpenSSL 3.0"),
            OpensslVersion::V3_5 => text!("OpenSSL 3.5", "OpenSSL 3.5"),
            OpensslVersion::V3_6 => text!("OpenSSL 3.6", "OpenSSL 3.6"),
            OpensslVersion::V4_0 => text!("OpenSSL 4.0", "OpenSSL 4.0"),
        }
    }

    fn help(self) -> Text {
        match self {
            OpensslVersion::V1_0_2 => text!("TLS 1.2 at most", "Höchstens TLS 1.2"),
            OpensslVersion::V1_1_1 => text!("Adds TLS 1.3", "Bringt TLS 1.3"),
            OpensslVersion::V3_0 => text!(
                "Adds automatic DH parameters (with Postfix 3.7+)",
                "Bringt automatische DH-Parameter (mit Postfix 3.7+)"
            ),
            OpensslVersion::V3_5 => text!(
                "Adds post-quantum hybrid key exchange (X25519MLKEM768)",
                "Bringt hybriden Post-Quanten-Schlüsseltausch (X25519MLKEM768)"
            ),
            OpensslVersion::V3_6 => text!(
                "Debian's pairing for Postfix 3.11; for Postfix the same as 3.5",
                "Debians Paarung für Postfix 3.11; für Postfix wie 3.5"
            ),
            OpensslVersion::V4_0 => text!(
                "No SSLv3 at all (OpenSSL 4.0 release notes); not run with Postfix here",
                "Kein SSLv3 mehr (Versionshinweise zu OpenSSL 4.0); hier nicht mit Postfix erprobt"
            ),
        }
    }

    fn unavailable(self, options: &Setup) -> Option<Text> {
        let minimum = OpensslVersion::minimum_for(options.postfix);
        (self < minimum).then(|| {
            text!(
                "Postfix {} needs OpenSSL {} or later",
                "Postfix {} braucht OpenSSL {} oder neuer";
                options.postfix, minimum
            )
        })
    }
}

/// The option table's id of an option (see [`crate::fields`]).
pub use crate::fields::Field;

impl Options {
    /// Checks every free-text value in use and the OpenSSL version; each problem is an
    /// `option_value_rejected` error, and a rejected value is never rendered.
    pub fn validate(&self) -> Vec<Diagnostic> {
        self.resolve().rejections().cloned().collect()
    }

    /// The refusals, given the setup that says which fields apply.
    pub(crate) fn validate_with(&self, setup: &Setup) -> Vec<(Field, Diagnostic)> {
        Field::ALL
            .iter()
            .filter_map(|&field| Some((field, self.rejection_with(field, setup)?)))
            .collect()
    }

    /// The `option_value_rejected` error about one field's value, if it is refused: what the
    /// page shows at the field itself.
    pub fn rejection(&self, field: Field) -> Option<Diagnostic> {
        self.resolve().rejection(field).cloned()
    }

    fn rejection_with(&self, field: Field, setup: &Setup) -> Option<Diagnostic> {
        if field == Field::Openssl {
            let minimum = OpensslVersion::minimum_for(self.postfix);
            return (self.openssl < minimum).then(|| {
                rejected(
                    Field::Openssl,
                    text!(
                        "Postfix {} cannot be built with OpenSSL {}",
                        "Postfix {} lässt sich nicht mit OpenSSL {} bauen";
                        self.postfix, self.openssl
                    ),
                    text!(
                        "choose OpenSSL {} or later",
                        "wählen Sie OpenSSL {} oder neuer";
                        minimum
                    ),
                )
            });
        }
        let (value, shape) = field.free_text(self)?;
        if !setup.applies(field) {
            return None;
        }
        let problem = check_value(shape, value).err()?;
        Some(rejected(
            field,
            problem.message(field, value),
            problem.help(shape),
        ))
    }

    /// True when validation refuses the field's free-text value, whether or not the field
    /// applies; such a value is never rendered.
    pub fn rejects(&self, field: Field) -> bool {
        field
            .free_text(self)
            .is_some_and(|(value, shape)| check_value(shape, value).is_err())
    }
}

fn rejected(field: Field, message: Text, help: Text) -> Diagnostic {
    Diagnostic {
        topic: field.topic(),
        ..Diagnostic::new(RuleId::OptionValueRejected, message, help)
    }
}

/// What is wrong with a free-text value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ValueProblem {
    /// Empty.
    Empty,
    /// A character that could end the value or inject configuration.
    BadChar(char),
    /// A path that does not start with `/`.
    NotAbsolute,
    /// Not a host name (labels of letters, digits and hyphens).
    NotHostName,
    /// Not `type:/absolute/path`.
    NotTable,
    /// Longer than any sane value.
    TooLong,
}

/// The longest free-text value accepted; longer values are typing accidents or attacks.
const MAX_VALUE_LEN: usize = 255;

impl ValueProblem {
    fn message(&self, field: Field, value: &str) -> Text {
        let label = field.label_in_sentence();
        match self {
            ValueProblem::Empty => Text::owned(
                format!("{} is empty", label.en),
                format!("{} ist leer", label.de),
            ),
            ValueProblem::BadChar(c) => {
                let (en, de) = char_name(*c);
                Text::owned(
                    format!("{} contains {en}, which is not allowed", label.en),
                    format!("{} enthält {de}, das ist nicht erlaubt", label.de),
                )
            }
            ValueProblem::NotAbsolute => Text::owned(
                format!("{} `{}` is not an absolute path", label.en, value),
                format!("{} `{}` ist kein absoluter Pfad", label.de, value),
            ),
            ValueProblem::NotHostName => Text::owned(
                format!("{} `{}` is not a host name", label.en, value),
                format!("{} `{}` ist kein Hostname", label.de, value),
            ),
            ValueProblem::NotTable => Text::owned(
                format!("{} `{}` is not a lookup table", label.en, value),
                format!("{} `{}` ist keine Lookup-Tabelle", label.de, value),
            ),
            ValueProblem::TooLong => Text::owned(
                format!("{} is longer than {MAX_VALUE_LEN} characters", label.en),
                format!("{} ist länger als {MAX_VALUE_LEN} Zeichen", label.de),
            ),
        }
    }

    fn help(&self, shape: TextShape) -> Text {
        match shape {
            TextShape::Path => text!(
                "use an absolute path of letters, digits and `/ . _ - + @ ~`, for example `/etc/ssl/private/mail.pem`",
                "verwenden Sie einen absoluten Pfad aus Buchstaben, Ziffern und `/ . _ - + @ ~`, zum Beispiel `/etc/ssl/private/mail.pem`"
            ),
            TextShape::HostName => text!(
                "use a host name of letters, digits, hyphens and dots, for example `mail.example.com`",
                "verwenden Sie einen Hostnamen aus Buchstaben, Ziffern, Bindestrichen und Punkten, zum Beispiel `mail.example.com`"
            ),
            TextShape::Table => text!(
                "use `type:/absolute/path`, for example `hash:/etc/postfix/sasl_passwd`",
                "verwenden Sie `Typ:/absoluter/Pfad`, zum Beispiel `hash:/etc/postfix/sasl_passwd`"
            ),
        }
    }
}

/// The shape a free-text value must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextShape {
    /// An absolute path.
    Path,
    /// A host name.
    HostName,
    /// A lookup table, `type:/absolute/path`.
    Table,
}

/// Accepts only characters that can never end a value, start a comment, expand a macro or
/// split a list in main.cf, master.cf `-o` values or single-quoted shell words.
fn allowed_char(kind: TextShape, c: char) -> bool {
    match kind {
        TextShape::HostName => c.is_ascii_alphanumeric() || c == '-' || c == '.',
        TextShape::Path => c.is_alphanumeric() || "/._-+@~".contains(c),
        TextShape::Table => c.is_alphanumeric() || "/._-+@~:".contains(c),
    }
}

fn check_value(kind: TextShape, value: &str) -> Result<(), ValueProblem> {
    if value.is_empty() {
        return Err(ValueProblem::Empty);
    }
    if let Some(c) = value.chars().find(|&c| !allowed_char(kind, c)) {
        return Err(ValueProblem::BadChar(c));
    }
    if value.chars().count() > MAX_VALUE_LEN {
        return Err(ValueProblem::TooLong);
    }
    match kind {
        TextShape::Path => is_absolute_path(value)
            .then_some(())
            .ok_or(ValueProblem::NotAbsolute),
        TextShape::HostName => is_host_name(value)
            .then_some(())
            .ok_or(ValueProblem::NotHostName),
        TextShape::Table => {
            let (kind, path) = value.split_once(':').ok_or(ValueProblem::NotTable)?;
            let kind_ok = !kind.is_empty()
                && kind
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
            (kind_ok && is_absolute_path(path))
                .then_some(())
                .ok_or(ValueProblem::NotTable)
        }
    }
}

fn is_absolute_path(path: &str) -> bool {
    path.starts_with('/') && !path.contains(':')
}

/// RFC 1123 host names: dot-separated labels of 1 to 63 letters, digits and hyphens, not
/// starting or ending with a hyphen, at most 253 characters.
fn is_host_name(name: &str) -> bool {
    name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// How a refused character is named in a message (English, German).
fn char_name(c: char) -> (String, String) {
    let named = |en: &str, de: &str| (en.to_string(), de.to_string());
    match c {
        '\n' => named("a line break", "einen Zeilenumbruch"),
        '\r' => named("a carriage return", "einen Wagenrücklauf"),
        '\t' => named("a tab", "einen Tabulator"),
        ' ' => named("a space", "ein Leerzeichen"),
        c if c.is_whitespace() => named("white space", "Leerraum"),
        c if c.is_control() => (
            format!("the control character U+{:04X}", u32::from(c)),
            format!("das Steuerzeichen U+{:04X}", u32::from(c)),
        ),
        c => (format!("`{c}`"), format!("`{c}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Topic;
    use crate::lang::Lang;

    fn serde_id<T: Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    fn check_choice<T: Choice + Serialize + std::fmt::Debug>() {
        for &value in T::ALL {
            assert_eq!(value.id(), serde_id(value), "{value:?}");
            for lang in Lang::ALL {
                assert!(!value.label().get(*lang).is_empty(), "{value:?}");
                assert!(!value.help().get(*lang).is_empty(), "{value:?}");
            }
            assert_ne!(value.label().en, value.help().en, "{value:?}");
        }
        let mut ids: Vec<_> = T::ALL.iter().map(|v| v.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), T::ALL.len());
    }

    #[test]
    fn choice_ids_are_the_serde_names() {
        check_choice::<Role>();
        check_choice::<InboundLevel>();
        check_choice::<OutboundLevel>();
        check_choice::<Sasl>();
        check_choice::<Profile>();
        check_choice::<CertSource>();
        check_choice::<CertLayout>();
        check_choice::<RelayPort>();
        check_choice::<OpensslVersion>();
    }

    #[test]
    fn choices_are_unavailable_before_their_release() {
        let mut o = Options {
            postfix: PostfixVersion::new(2, 10),
            openssl: OpensslVersion::V1_0_2,
            ..Options::default()
        };
        assert!(OutboundLevel::Dane.unavailable(&o.resolve()).is_some());
        assert!(CertLayout::ChainFiles.unavailable(&o.resolve()).is_some());
        assert!(RelayPort::Submissions.unavailable(&o.resolve()).is_some());
        assert!(Profile::Modern.unavailable(&o.resolve()).is_some());
        assert!(Sasl::Dovecot.unavailable(&o.resolve()).is_none());
        o.postfix = PostfixVersion::new(2, 2);
        assert!(Sasl::Dovecot.unavailable(&o.resolve()).is_some());
        assert!(OutboundLevel::Verify.unavailable(&o.resolve()).is_some());
        o.postfix = PostfixVersion::new(3, 4);
        assert!(OutboundLevel::Dane.unavailable(&o.resolve()).is_none());
        assert!(CertLayout::ChainFiles.unavailable(&o.resolve()).is_none());
        assert!(RelayPort::Submissions.unavailable(&o.resolve()).is_none());
        // TLS 1.3 needs both OpenSSL 1.1.1 and Postfix 3.4.
        assert!(Profile::Modern.unavailable(&o.resolve()).is_some());
        o.openssl = OpensslVersion::V1_1_1;
        assert!(Profile::Modern.unavailable(&o.resolve()).is_none());
        o.postfix = PostfixVersion::new(3, 3);
        assert!(Profile::Modern.unavailable(&o.resolve()).is_some());
        o.postfix = PostfixVersion::new(3, 6);
        assert!(OpensslVersion::V1_0_2.unavailable(&o.resolve()).is_some());
        assert!(OpensslVersion::V1_1_1.unavailable(&o.resolve()).is_none());
    }

    #[test]
    fn every_field_has_text_and_real_parameter_names() {
        for &field in Field::ALL {
            for lang in Lang::ALL {
                assert!(!field.label().get(*lang).is_empty(), "{field:?}");
                let help = field.help();
                assert!(!help.get(*lang).is_empty(), "{field:?}");
                assert!(!help.get(*lang).contains('\n'), "{field:?}");
            }
            for param in field.params() {
                assert!(
                    param.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                    "{field:?} {param}"
                );
            }
        }
    }

    #[test]
    fn labels_read_lowercase_inside_messages() {
        assert_eq!(Field::KeyFile.label_in_sentence().en, "private key file");
        assert_eq!(Field::CaFile.label_in_sentence().en, "CA bundle");
        assert_eq!(Field::Openssl.label_in_sentence().en, "OpenSSL version");
        assert_eq!(
            Field::KeyFile.label_in_sentence().de,
            Field::KeyFile.label().de
        );
    }

    #[test]
    fn fields_become_unavailable_with_the_choices_they_depend_on() {
        let mut o = Options::default();
        o.certificate.source = CertSource::Snakeoil;
        assert!(o.resolve().not_applicable(Field::Inbound).is_none());
        assert!(
            o.resolve().not_applicable(Field::CertDomain).is_some(),
            "snakeoil"
        );
        assert!(
            o.resolve().not_applicable(Field::CertFile).is_some(),
            "snakeoil"
        );
        assert!(
            o.resolve().not_applicable(Field::CaFile).is_some(),
            "outbound may"
        );
        assert!(
            o.resolve().not_applicable(Field::SmarthostName).is_some(),
            "no relayhost"
        );
        assert!(
            o.resolve().not_applicable(Field::EcdsaCertFile).is_some(),
            "no ecdsa"
        );
        assert!(
            o.resolve().not_applicable(Field::HardenLogjam).is_some(),
            "3.11"
        );
        o.certificate.source = CertSource::LetsEncrypt;
        o.outbound = OutboundLevel::Secure;
        o.relayhost.enabled = true;
        o.certificate.ecdsa = true;
        o.postfix = PostfixVersion::new(3, 0);
        for f in [
            Field::CertDomain,
            Field::CaFile,
            Field::SmarthostName,
            Field::SmarthostPasswordMaps,
            Field::EcdsaCertFile,
            Field::HardenLogjam,
        ] {
            assert!(o.resolve().not_applicable(f).is_none(), "{f:?}");
        }
        o.relayhost.auth = false;
        assert!(o
            .resolve()
            .not_applicable(Field::SmarthostPasswordMaps)
            .is_some());
        o.role = Role::NullClient;
        for f in [
            Field::Inbound,
            Field::Submission,
            Field::Sasl,
            Field::CertSource,
            Field::CertDomain,
            Field::InboundProfile,
            Field::SubmissionProfile,
            Field::ReceivedHeader,
        ] {
            assert!(o.resolve().not_applicable(f).is_some(), "{f:?}");
        }
        assert!(o.resolve().not_applicable(Field::Outbound).is_none());
        o.postfix = PostfixVersion::new(2, 5);
        o.outbound = OutboundLevel::May;
        assert!(
            o.resolve().not_applicable(Field::OutboundProfile).is_some(),
            "may on 2.5"
        );
        o.outbound = OutboundLevel::Encrypt;
        assert!(
            o.resolve().not_applicable(Field::OutboundProfile).is_none(),
            "encrypt on 2.5"
        );
    }

    #[test]
    fn port_25_gets_the_level_chosen_except_on_a_null_client() {
        let mut o = Options {
            inbound: InboundLevel::Encrypt,
            ..Options::default()
        };
        assert_eq!(o.resolve().inbound, InboundLevel::Encrypt);
        o.role = Role::Relay;
        assert_eq!(o.resolve().inbound, InboundLevel::Encrypt);
        o.role = Role::NullClient;
        assert_eq!(o.resolve().inbound, InboundLevel::None);
    }

    #[test]
    fn relaying_through_port_465_needs_encrypt() {
        let mut o = Options::default();
        o.relayhost.enabled = true;
        o.relayhost.port = RelayPort::Submissions;
        assert_eq!(o.resolve().outbound, OutboundLevel::Encrypt);
        o.outbound = OutboundLevel::Secure;
        assert_eq!(o.resolve().outbound, OutboundLevel::Secure);
        o.outbound = OutboundLevel::May;
        o.relayhost.host = "smtp.example.net # x".into();
        assert_eq!(
            o.resolve().outbound,
            OutboundLevel::May,
            "smarthost refused"
        );
        o.relayhost.host = "smtp.example.net".into();
        o.postfix = PostfixVersion::new(2, 11);
        o.outbound = OutboundLevel::May;
        assert_eq!(o.resolve().outbound, OutboundLevel::May, "465 unavailable");
        o.postfix = PostfixVersion::new(2, 10);
        o.outbound = OutboundLevel::Dane;
        assert_eq!(o.resolve().outbound, OutboundLevel::May, "dane unavailable");
        o.postfix = PostfixVersion::new(3, 11);
        o.relayhost.port = RelayPort::Submission;
        o.outbound = OutboundLevel::None;
        assert_eq!(
            o.resolve().outbound,
            OutboundLevel::Encrypt,
            "a smarthost login needs TLS (tests/postfix F6)"
        );
        o.relayhost.auth = false;
        assert_eq!(o.resolve().outbound, OutboundLevel::None, "no login");
    }

    fn rejected_fields(o: &Options) -> Vec<(Field, String)> {
        o.validate()
            .into_iter()
            .map(|d| {
                assert_eq!(d.id, RuleId::OptionValueRejected);
                assert_eq!(d.severity, crate::diagnostic::Severity::Error);
                let field = Field::ALL
                    .iter()
                    .copied()
                    .filter(|f| d.message.en.starts_with(&*f.label_in_sentence().en))
                    .max_by_key(|f| f.label().en.len())
                    .unwrap_or(Field::Comments);
                assert_eq!(d.topic, field.topic());
                (field, d.message.en.to_string())
            })
            .collect()
    }

    #[test]
    fn each_refusal_is_found_at_its_own_field() {
        let mut o = Options::default();
        o.certificate.domain = "https://mail.example.org/".into();
        o.openssl = OpensslVersion::ALL[0];
        o.postfix = PostfixVersion::LATEST;
        let at_fields: Vec<Diagnostic> =
            Field::ALL.iter().filter_map(|&f| o.rejection(f)).collect();
        assert_eq!(at_fields, o.validate());
        assert!(o.rejection(Field::CertDomain).is_some());
        assert!(o.rejection(Field::CertFile).is_none(), "not in use");
        assert!(o.rejection(Field::Openssl).is_some());
        assert!(Options::default().rejection(Field::CertDomain).is_none());
    }

    #[test]
    fn defaults_are_valid() {
        assert!(Options::default().validate().is_empty());
        let mut o = Options::default();
        o.certificate.source = CertSource::Custom;
        o.certificate.ecdsa = true;
        o.relayhost.enabled = true;
        o.outbound = OutboundLevel::Verify;
        o.certificate.layout = CertLayout::CertAndKey;
        assert!(o.validate().is_empty());
        o.certificate.source = CertSource::LetsEncrypt;
        o.certificate.domain = "mx-1.example.org".into();
        assert!(o.validate().is_empty());
    }

    #[test]
    fn hostile_paths_are_rejected_naming_field_and_character() {
        let cases = [
            ("a\nb", "a line break"),
            ("/etc/x # y", "a space"),
            ("/etc/$(rm)", "`$`"),
            ("/etc/a=b", "`=`"),
            ("/p ath", "a space"),
            ("/etc/a,b", "`,`"),
            ("/etc/'x'", "`'`"),
            ("/etc/\"x\"", "`\"`"),
            ("/etc/x\ty", "a tab"),
            ("/etc/x\u{7}", "the control character U+0007"),
            ("/etc/#x", "`#`"),
            ("/etc/x{y}", "`{`"),
            ("/etc/x\\y", "`\\`"),
            ("relative/path.pem", "not an absolute path"),
            ("", "is empty"),
        ];
        for (bad, expected) in cases {
            let mut o = Options::default();
            o.certificate.source = CertSource::Custom;
            o.certificate.key_file = bad.to_string();
            let found = rejected_fields(&o);
            assert_eq!(found.len(), 1, "{bad:?}: {found:?}");
            assert_eq!(found[0].0, Field::KeyFile, "{bad:?}");
            assert!(found[0].1.contains(expected), "{bad:?}: {}", found[0].1);
            assert!(o.rejects(Field::KeyFile));
            assert!(!o.rejects(Field::CertFile));
        }
    }

    #[test]
    fn hostile_host_names_and_tables_are_rejected() {
        for bad in [
            "a\nb",
            "x # y",
            "$(rm)",
            "a=b",
            "[mail.example.com]:587",
            "-a.example",
            "a..b",
            "smtp.example.net.",
            "exa_mple.com",
        ] {
            let mut o = Options::default();
            o.relayhost.enabled = true;
            o.relayhost.host = bad.to_string();
            let found = rejected_fields(&o);
            assert_eq!(found.len(), 1, "{bad:?}");
            assert_eq!(found[0].0, Field::SmarthostName, "{bad:?}");
            o.relayhost.host = "smtp.example.net".into();
            o.certificate.source = CertSource::LetsEncrypt;
            o.certificate.domain = bad.to_string();
            assert_eq!(rejected_fields(&o).len(), 1, "{bad:?}");
        }
        for bad in [
            "hash:/etc/x y",
            "/etc/postfix/sasl_passwd",
            "hash:etc/sasl",
            "Hash:/etc/sasl",
            "hash:/etc/$x",
            ":/etc/sasl",
            "a=b",
        ] {
            let mut o = Options::default();
            o.relayhost.enabled = true;
            o.relayhost.password_maps = bad.to_string();
            let found = rejected_fields(&o);
            assert_eq!(found.len(), 1, "{bad:?}");
            assert_eq!(found[0].0, Field::SmarthostPasswordMaps, "{bad:?}");
        }
        let long = format!("/{}", "a".repeat(300));
        let o = Options {
            ca_file: long,
            outbound: OutboundLevel::Secure,
            ..Options::default()
        };
        assert!(rejected_fields(&o)[0].1.contains("longer than"));
    }

    #[test]
    fn unused_fields_are_not_validated() {
        let mut o = Options::default();
        o.certificate.cert_file = "a\nb".into();
        o.relayhost.host = "$(rm)".into();
        o.ca_file = "x".into();
        assert!(o.validate().is_empty());
    }

    #[test]
    fn openssl_older_than_the_minimum_is_rejected() {
        let o = Options {
            postfix: PostfixVersion::new(3, 6),
            openssl: OpensslVersion::V1_0_2,
            ..Options::default()
        };
        let found = o.validate();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].topic, Topic::Host);
        assert!(found[0].message.en.contains("OpenSSL 1.0.2"));
        assert!(found[0].help.de.contains("1.1.1"));
    }
}
