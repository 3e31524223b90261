//! The options model: every choice a user can make, with defaults that suit a public MX on
//! the newest Postfix.
//!
//! The same JSON is read by `postfix-tls generate --options`, printed by `--print-options`,
//! put in the web app's share link and exported/imported there. Unknown or missing fields
//! fall back to the defaults; free-text values are validated before anything is rendered.

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
    #[default]
    Snakeoil,
    /// Let's Encrypt (certbot) for a domain.
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
            source: CertSource::Snakeoil,
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
    pub password_maps: String,
}

impl Default for Relayhost {
    fn default() -> Self {
        Relayhost {
            enabled: false,
            host: String::from("smtp.example.net"),
            port: RelayPort::Submission,
            auth: true,
            password_maps: String::from("hash:/etc/postfix/sasl_passwd"),
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
