//! Reading an existing configuration back into the generator's choices: "Open in the
//! generator".
//!
//! A parsed main.cf (or `postconf -n`, with `postconf -P` lines or not) and master.cf set
//! the [`Options`] to what the configuration does, as far as the options can say, for the
//! Postfix series chosen beside the paste. What cannot be carried over is listed, each with
//! its line and why: a value the options cannot express, a parameter no choice handles, a
//! name the series does not know. The list is found by rendering the options read and
//! comparing, setting by setting, with the paste: so it names exactly what the generator
//! would write differently, and nothing it writes the same.
//!
//! ```
//! use postfix_tls::import;
//! use postfix_tls::options::{InboundLevel, Options, Role};
//! use postfix_tls::paste::Paste;
//! use postfix_tls::version::PostfixVersion;
//!
//! // The seed document's classic main.cf: the legacy switches of Postfix 2.2.
//! let paste = Paste::read(
//!     "smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\n\
//!      smtpd_tls_key_file = /etc/ssl/private/ssl-cert-snakeoil.key\n\
//!      smtpd_use_tls = yes\nsmtpd_enforce_tls = yes\n",
//!     None,
//! );
//! let read = import::read(&paste, PostfixVersion::new(3, 7), &Options::default());
//! assert_eq!(read.options.inbound, InboundLevel::Encrypt);
//! // Requiring TLS on port 25 is not what a public MX may do: taken for a relay, and said so.
//! assert_eq!(read.options.role, Role::Relay);
//! assert!(read.role_guessed);
//! // The generator writes `smtpd_tls_security_level` instead of the legacy switches.
//! assert!(read.left_out.iter().any(|l| l.name == "smtpd_enforce_tls" && l.line == Some(4)));
//! ```

use crate::config::{self, MainCf, MasterCf, Param, Service};
use crate::diagnostic::FileKind;
use crate::lang::Text;
use crate::options::{
    CertLayout, CertSource, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role, Sasl,
    DEFAULT_PASSWORD_MAPS,
};
use crate::params;
use crate::paste::Paste;
use crate::render::{self, SCANNER_CLEAN_EXCLUSIONS};
use crate::rules::crypto::enabled_protocols;
use crate::setup;
use crate::text;
use crate::version::PostfixVersion;

/// The options a configuration comes down to, and what could not be carried over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The choices: the ones read from the configuration, the others as they were.
    pub options: Options,
    /// True when the role is a guess (only a send-only host says what it is, with
    /// `inet_interfaces = loopback-only`).
    pub role_guessed: bool,
    /// Why this role.
    pub role_reason: Text,
    /// What the options cannot say, in the order of the paste.
    pub left_out: Vec<LeftOut>,
}

/// Why a line was not carried over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOutKind {
    /// The options cannot express the value: the generator writes another one.
    Value,
    /// No choice of the generator handles the parameter; a merged file keeps it as it is.
    Unhandled,
    /// The Postfix series chosen does not know the name.
    Version,
    /// Something the configuration does not say (no master.cf pasted).
    Missing,
}

/// One setting that could not be carried over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The file it is in.
    pub file: FileKind,
    /// Its line in the paste, if it has one.
    pub line: Option<usize>,
    /// The parameter, as `service/name` for a master.cf override.
    pub name: String,
    /// Its value in the paste.
    pub value: String,
    /// What kind of loss it is.
    pub kind: LeftOutKind,
    /// Why, for the person reading the list.
    pub reason: Text,
}

/// Reads a paste into options for the Postfix series `postfix`; choices the configuration
/// says nothing about (OpenSSL, comments, and what no line decides) stay as in `base`.
pub fn read(paste: &Paste, postfix: PostfixVersion, base: &Options) -> Imported {
    let empty = MainCf::default();
    let main = paste.main().unwrap_or(&empty);
    let main_kind = paste.main_kind().unwrap_or(FileKind::MainCf);
    let described = match paste.master() {
        None => config::services_of(main),
        Some(_) => None,
    };
    let (master, master_kind) = match (paste.master(), described.as_ref()) {
        (Some(master), _) => (Some(master), FileKind::MasterCf),
        (None, Some(described)) => (Some(described), main_kind),
        (None, None) => (None, FileKind::MasterCf),
    };
    let mut reader = Reader {
        main,
        main_kind,
        master,
        master_kind,
        described: described.is_some(),
        v: postfix,
        o: base.clone(),
        left_out: Vec::new(),
    };
    reader.versions(base);
    let (role, role_guessed, role_reason) = reader.role();
    reader.o.role = role;
    reader.inbound();
    reader.submission();
    reader.sasl();
    reader.outbound();
    reader.relayhost();
    reader.certificates();
    reader.profiles();
    reader.logjam_and_logging();
    reader.compare();
    let mut left_out = reader.left_out;
    left_out.sort_by_key(|l| (l.file == FileKind::MasterCf, l.line));
    Imported {
        options: reader.o,
        role_guessed,
        role_reason,
        left_out,
    }
}

/// Reads the paste and lists what it left out.
struct Reader<'a> {
    main: &'a MainCf,
    main_kind: FileKind,
    master: Option<&'a MasterCf>,
    /// Where the master.cf lines are: master.cf, or the `postconf -P` lines of the main part.
    master_kind: FileKind,
    /// True when the services come from `postconf -P` lines, which name only services with
    /// overrides.
    described: bool,
    v: PostfixVersion,
    o: Options,
    left_out: Vec<LeftOut>,
}

/// Parameters the generator writes or reads for a choice, beside every name with `tls` or
/// `sasl` in it: a pasted line of these that the output does not say the same is listed.
const HANDLED: &[&str] = &["inet_interfaces", "relayhost"];

/// The legacy switches of Postfix 2.2, read as a level and superseded from 2.3.
const LEGACY: &[&str] = &[
    "smtpd_use_tls",
    "smtpd_enforce_tls",
    "smtp_use_tls",
    "smtp_enforce_tls",
];

fn is_yes(value: &str) -> bool {
    value.eq_ignore_ascii_case("yes")
}

/// The port of a live inet service: `25` for `smtp`, `127.0.0.1:smtp` and `25`.
fn port_of(service: &Service) -> String {
    let (_, endpoint) = service.endpoint();
    endpoint
        .rsplit_once(':')
        .map_or(endpoint.clone(), |(_, port)| port.to_string())
}

/// Items of a list value, for comparing values written with other separators.
fn items(value: &str) -> Vec<&str> {
    params::list_items(value).collect()
}

impl<'a> Reader<'a> {
    fn leave(
        &mut self,
        file: FileKind,
        line: Option<usize>,
        name: &str,
        value: &str,
        kind: LeftOutKind,
        reason: Text,
    ) {
        if self
            .left_out
            .iter()
            .any(|l| l.file == file && l.line == line && l.name == name && line.is_some())
        {
            return;
        }
        self.left_out.push(LeftOut {
            file,
            line,
            name: name.to_string(),
            value: value.to_string(),
            kind,
            reason,
        });
    }

    fn leave_main(&mut self, param: &Param, kind: LeftOutKind, reason: Text) {
        let (file, line, name, value) = (self.main_kind, param.line, &param.name, &param.value);
        self.leave(file, Some(line), name, value, kind, reason);
    }

    fn param(&self, name: &str) -> Option<&'a Param> {
        self.main.get(name)
    }

    /// A main.cf value with `$name` expanded (from the paste, else the series' default).
    fn expanded(&self, value: &str) -> Option<String> {
        let lookup = |name: &str| {
            self.main
                .get(name)
                .map(|p| p.value.clone())
                .or_else(|| params::nearest_default(name, self.v).map(str::to_string))
        };
        config::expand(value, &lookup)
    }

    /// The value a parameter has: written, else the series' default; expanded.
    fn value(&self, name: &str) -> String {
        let raw = self
            .param(name)
            .map(|p| p.value.clone())
            .or_else(|| params::nearest_default(name, self.v).map(str::to_string))
            .unwrap_or_default();
        self.expanded(&raw).unwrap_or(raw)
    }

    /// The live inet services on a port.
    fn listening(&self, port: &str) -> Option<&'a Service> {
        let master = self.master?;
        master
            .services
            .iter()
            .rev()
            .find(|s| s.kind == "inet" && master.is_live(s) && port_of(s) == port)
    }

    /// The smtpd that serves port 25: the `smtp` service, or behind postscreen the `smtpd`
    /// pass service.
    fn port_25_smtpd(&self) -> Option<&'a Service> {
        let listener = self.listening("25")?;
        if listener.command == "postscreen" {
            self.master?.service("smtpd", "pass")
        } else {
            Some(listener)
        }
    }

    fn submission_service(&self, port: &str) -> Option<&'a Service> {
        self.listening(port).filter(|s| s.command == "smtpd")
    }

    /// A value on a service: its `-o` override, else main.cf's.
    fn service_value(&self, service: Option<&Service>, name: &str) -> String {
        service
            .and_then(|s| s.get(name))
            .map(|p| self.expanded(&p.value).unwrap_or_else(|| p.value.clone()))
            .unwrap_or_else(|| self.value(name))
    }

    /// The `compatibility_level` written (`3.11`, `2`), `(0, 0)` when unset or unreadable.
    fn compatibility_level(&self) -> (u32, u32) {
        let value = self.value("compatibility_level");
        let mut parts = value.trim().split('.');
        let major = parts.next().and_then(|p| p.parse().ok());
        let minor = parts.next().map_or(Some(0), |p| p.parse().ok());
        major.zip(minor).unwrap_or((0, 0))
    }

    fn versions(&mut self, base: &Options) {
        let v = self.v;
        self.o.postfix = v;
        if self.o.openssl < crate::version::OpensslVersion::minimum_for(v) {
            self.o.openssl = v.newest_shipped_openssl();
        }
        // A distribution preset stays only when it ships this series.
        if base.preset.is_some_and(|p| p.versions().0 != v) {
            self.o.preset = None;
        }
    }

    /// The role: a send-only host says so; the rest is a guess from what the server
    /// receives.
    fn role(&self) -> (Role, bool, Text) {
        let interfaces = self.value("inet_interfaces");
        if params::is_loopback_only(&interfaces) {
            return (
                Role::NullClient,
                false,
                text!(
                    "`inet_interfaces = {}`: the host receives no mail from the network";
                    interfaces
                ),
            );
        }
        // Only a whole master.cf (with the queue manager) tells by a missing port 25 that
        // the host receives nothing; a pasted snippet leaves the rest out.
        let whole = self.master.is_some_and(|m| !self.described && m.is_whole());
        if whole && self.listening("25").is_none() {
            return (
                Role::NullClient,
                true,
                text!("no service listens on port 25, so the host looks send-only"),
            );
        }
        if self.inbound_level().0 == Some(InboundLevel::Encrypt) {
            return (
                Role::Relay,
                true,
                text!(
                    "port 25 requires TLS, which a public MX must not do (RFC 3207): taken for an internal relay"
                ),
            );
        }
        let no_domains = self
            .param("mydestination")
            .is_some_and(|p| p.value.is_empty())
            && [
                "virtual_mailbox_domains",
                "virtual_alias_domains",
                "relay_domains",
            ]
            .iter()
            .all(|name| self.value(name).trim().is_empty());
        if no_domains {
            return (
                Role::Relay,
                true,
                text!(
                    "the host receives mail for no domain of its own (`mydestination` is empty, no virtual or relay domains): taken for an internal relay"
                ),
            );
        }
        (
            Role::PublicMx,
            true,
            text!(
                "port 25 is open and nothing says only known clients connect: taken for a public MX, where the strictest rules apply"
            ),
        )
    }

    /// The port-25 level (`None` when the value is not a level) and the line that set it.
    fn inbound_level(&self) -> (Option<InboundLevel>, Option<&'a Param>) {
        let smtpd = self.port_25_smtpd();
        let set = smtpd
            .and_then(|s| s.get("smtpd_tls_security_level"))
            .or_else(|| self.param("smtpd_tls_security_level"))
            .filter(|p| !p.value.is_empty());
        if let Some(param) = set.filter(|_| self.v.supports_security_level()) {
            let level = match self.expanded(&param.value).as_deref() {
                Some("none") => Some(InboundLevel::None),
                Some("may") => Some(InboundLevel::May),
                Some("encrypt") => Some(InboundLevel::Encrypt),
                _ => None,
            };
            return (level, Some(param));
        }
        // The legacy switches (2.2), which 2.3 and later still read when no level is set.
        let legacy = |name: &str| {
            smtpd
                .and_then(|s| s.get(name))
                .or_else(|| self.param(name))
                .filter(|p| is_yes(&p.value))
        };
        match (legacy("smtpd_enforce_tls"), legacy("smtpd_use_tls")) {
            (Some(p), _) => (Some(InboundLevel::Encrypt), Some(p)),
            (None, Some(p)) => (Some(InboundLevel::May), Some(p)),
            (None, None) => (Some(InboundLevel::None), None),
        }
    }

    fn inbound(&mut self) {
        match self.inbound_level() {
            (Some(level), _) => {
                // A send-only host keeps the level chosen: it does not apply there.
                if self.o.role != Role::NullClient {
                    self.o.inbound = level;
                }
            }
            (None, Some(param)) => {
                let kept = json_name(self.o.inbound);
                self.leave_level(param, &kept);
            }
            (None, None) => {}
        }
    }

    /// A level value that is none of Postfix's: the choice stays as it was.
    fn leave_level(&mut self, param: &Param, kept: &str) {
        let file = if self.param(&param.name).is_some_and(|p| p == param) {
            self.main_kind
        } else {
            self.master_kind
        };
        let reason = text!(
            "not a level Postfix knows; the choice stays `{}`";
            kept
        );
        self.leave(
            file,
            Some(param.line),
            &param.name,
            &param.value,
            LeftOutKind::Value,
            reason,
        );
    }

    fn submission(&mut self) {
        // A send-only host has no submission services to say anything about.
        if self.master.is_none() && self.o.role != Role::NullClient {
            self.leave(
                FileKind::MasterCf,
                None,
                "master.cf",
                "",
                LeftOutKind::Missing,
                text!(
                    "no master.cf and no `postconf -P` lines: the submission services on 587 and 465 stay as chosen"
                ),
            );
            return;
        }
        if self.master.is_none() {
            return;
        }
        self.o.submission = self.submission_service("587").is_some();
        self.o.submissions = self.submission_service("465").is_some();
    }

    fn sasl(&mut self) {
        let service = self
            .submission_service("587")
            .or_else(|| self.submission_service("465"));
        let kind = self.service_value(service, "smtpd_sasl_type");
        match kind.as_str() {
            "dovecot" => self.o.sasl = Sasl::Dovecot,
            "cyrus" | "" => self.o.sasl = Sasl::Cyrus,
            // Any other type is listed by the comparison: the generator writes its own.
            _ => {}
        }
    }

    fn outbound(&mut self) {
        let v = self.v;
        let set = self
            .param("smtp_tls_security_level")
            .filter(|p| !p.value.is_empty() && v.supports_security_level());
        let level = match set {
            Some(param) => match self.expanded(&param.value).as_deref() {
                Some("none") => Some(OutboundLevel::None),
                Some("may") => Some(OutboundLevel::May),
                Some("encrypt") => Some(OutboundLevel::Encrypt),
                Some("dane") => Some(OutboundLevel::Dane),
                Some("verify") => Some(OutboundLevel::Verify),
                Some("secure") => Some(OutboundLevel::Secure),
                _ => None,
            },
            None => {
                let legacy = |name: &str| self.param(name).is_some_and(|p| is_yes(&p.value));
                if legacy("smtp_enforce_tls") {
                    Some(OutboundLevel::Encrypt)
                } else if legacy("smtp_use_tls") {
                    Some(OutboundLevel::May)
                } else if self.param("smtp_tls_security_level").is_none() {
                    // Unset: the series' default, which 3.11 makes `may` from
                    // compatibility_level 3.11 on (its postconf -d prints
                    // `${{$compatibility_level} <level {3.11} ? {} : {may}}`).
                    let default = self.value("smtp_tls_security_level");
                    let may = default == "may"
                        || (default.contains("<level {3.11}")
                            && self.compatibility_level() >= (3, 11));
                    Some(if may {
                        OutboundLevel::May
                    } else {
                        OutboundLevel::None
                    })
                } else {
                    Some(OutboundLevel::None)
                }
            }
        };
        match (level, set) {
            (Some(level), _) => self.o.outbound = level,
            (None, Some(param)) => {
                let kept = json_name(self.o.outbound);
                self.leave_level(param, &kept);
            }
            (None, None) => {}
        }
        if matches!(
            self.o.outbound,
            OutboundLevel::Verify | OutboundLevel::Secure
        ) {
            if let Some(param) = self.param("smtp_tls_CAfile") {
                let value = self.expanded(&param.value).unwrap_or_default();
                self.set_text(param, value, |o| &mut o.ca_file);
            }
        }
    }

    /// Sets a free-text choice when the options accept the value; else it is listed and the
    /// choice stays.
    fn set_text(
        &mut self,
        param: &Param,
        value: String,
        field: impl Fn(&mut Options) -> &mut String,
    ) {
        let before = self.o.validate().len();
        let old = std::mem::replace(field(&mut self.o), value);
        if self.o.validate().len() > before {
            let refused = std::mem::replace(field(&mut self.o), old);
            let reason = text!(
                "the generator does not accept `{}` here; the choice stays as it was";
                refused
            );
            self.leave_main(param, LeftOutKind::Value, reason);
        }
    }

    fn relayhost(&mut self) {
        let Some(param) = self.param("relayhost").filter(|p| !p.value.is_empty()) else {
            self.o.relayhost.enabled = false;
            return;
        };
        let value = self.expanded(&param.value).unwrap_or_default();
        let mut words = items(&value);
        if words.len() != 1 {
            self.leave_main(
                param,
                LeftOutKind::Value,
                text!("the generator relays to one smarthost; no smarthost is chosen"),
            );
            self.o.relayhost.enabled = false;
            return;
        }
        let word = words.remove(0);
        let (host, port, bracketed) = match word.strip_prefix('[') {
            Some(rest) => match rest.split_once(']') {
                Some((host, tail)) => (host, tail.strip_prefix(':'), true),
                None => (rest, None, false),
            },
            None => match word.rsplit_once(':') {
                Some((host, port)) => (host, Some(port), false),
                None => (word, None, false),
            },
        };
        self.o.relayhost.enabled = true;
        let wrapper = is_yes(&self.value("smtp_tls_wrappermode"));
        self.o.relayhost.port = match port {
            Some("465" | "submissions" | "smtps") => RelayPort::Submissions,
            Some("587" | "submission") => RelayPort::Submission,
            _ if wrapper => RelayPort::Submissions,
            _ => RelayPort::Submission,
        };
        let port_said = matches!(
            port,
            Some("465" | "587" | "submission" | "submissions" | "smtps")
        );
        self.set_text(param, host.to_string(), |o| &mut o.relayhost.host);
        if !port_said || !bracketed {
            let port = match self.o.relayhost.port {
                RelayPort::Submission => 587,
                RelayPort::Submissions => 465,
            };
            self.leave_main(
                param,
                LeftOutKind::Value,
                text!(
                    "the generator relays to a smarthost's port 587 or 465, with the name in brackets (no MX lookup); it writes `[{}]:{}`";
                    self.o.relayhost.host, port
                ),
            );
        }
        self.o.relayhost.auth = is_yes(&self.value("smtp_sasl_auth_enable"));
        if self.o.relayhost.auth {
            if let Some(maps) = self.param("smtp_sasl_password_maps") {
                let table = self.expanded(&maps.value).unwrap_or_default();
                // The default table is written as `cdb:` from 3.11: read back, it is the
                // default again.
                let default_cdb = DEFAULT_PASSWORD_MAPS.replacen("hash:", "cdb:", 1);
                let table = if self.v.prefers_cdb() && table == default_cdb {
                    DEFAULT_PASSWORD_MAPS.to_string()
                } else {
                    table
                };
                self.set_text(maps, table, |o| &mut o.relayhost.password_maps);
            }
        }
    }

    fn certificates(&mut self) {
        let chain = self
            .param("smtpd_tls_chain_files")
            .filter(|p| !p.value.is_empty() && self.v.supports_chain_files());
        let (pairs, layout, at) = match chain {
            Some(param) => {
                let value = self.expanded(&param.value).unwrap_or_default();
                (chain_pairs(&items(&value)), CertLayout::ChainFiles, param)
            }
            None => {
                let Some(cert) = self
                    .param("smtpd_tls_cert_file")
                    .filter(|p| !p.value.is_empty())
                else {
                    return;
                };
                let mut pairs = vec![(
                    self.value("smtpd_tls_cert_file"),
                    self.value("smtpd_tls_key_file"),
                )];
                let eccert = self.value("smtpd_tls_eccert_file");
                if !eccert.is_empty() && self.v.supports_eccert() {
                    pairs.push((eccert, self.value("smtpd_tls_eckey_file")));
                }
                (pairs, CertLayout::CertAndKey, cert)
            }
        };
        if pairs.len() > 2 {
            self.leave_main(
                at,
                LeftOutKind::Value,
                text!("more than two certificates: the generator writes an RSA and an ECDSA one"),
            );
        }
        self.o.certificate.layout = layout;
        let mut pairs = pairs.into_iter();
        if let Some((cert, key)) = pairs.next() {
            let le = cert
                .strip_prefix("/etc/letsencrypt/live/")
                .and_then(|rest| rest.strip_suffix("/fullchain.pem"))
                .filter(|domain| {
                    key == format!("/etc/letsencrypt/live/{domain}/privkey.pem")
                        && !domain.contains('/')
                });
            if cert == setup::SNAKEOIL_CERT && key == setup::SNAKEOIL_KEY {
                self.o.certificate.source = CertSource::Snakeoil;
            } else if let Some(domain) = le {
                self.o.certificate.source = CertSource::LetsEncrypt;
                self.set_text(at, domain.to_string(), |o| &mut o.certificate.domain);
            } else {
                self.o.certificate.source = CertSource::Custom;
                self.set_text(at, cert, |o| &mut o.certificate.cert_file);
                self.set_text(at, key, |o| &mut o.certificate.key_file);
            }
        }
        self.o.certificate.ecdsa = false;
        if let Some((cert, key)) = pairs.next() {
            self.o.certificate.ecdsa = true;
            self.set_text(at, cert, |o| &mut o.certificate.ecdsa_cert_file);
            self.set_text(at, key, |o| &mut o.certificate.ecdsa_key_file);
        }
    }

    fn profiles(&mut self) {
        let inbound_list = match self.o.inbound {
            InboundLevel::Encrypt => "smtpd_tls_mandatory_protocols",
            _ => "smtpd_tls_protocols",
        };
        let smtpd = self.port_25_smtpd();
        self.o.inbound_profile = profile_of(
            &self.service_value(smtpd, inbound_list),
            &self.service_value(smtpd, "smtpd_tls_exclude_ciphers"),
        );
        let outbound_list = match self.o.outbound {
            OutboundLevel::May | OutboundLevel::Dane => "smtp_tls_protocols",
            _ => "smtp_tls_mandatory_protocols",
        };
        self.o.outbound_profile = profile_of(
            &self.value(outbound_list),
            &self.value("smtp_tls_exclude_ciphers"),
        );
        let service = self
            .submission_service("587")
            .or_else(|| self.submission_service("465"));
        if service.is_some() {
            self.o.submission_profile = profile_of(
                &self.service_value(service, "smtpd_tls_mandatory_protocols"),
                &self.service_value(service, "smtpd_tls_mandatory_exclude_ciphers"),
            );
        }
        // TLS 1.3 needs an OpenSSL that has it.
        let modern = [
            self.o.inbound_profile,
            self.o.submission_profile,
            self.o.outbound_profile,
        ]
        .contains(&Profile::Modern);
        if modern && !self.o.openssl.supports_tls13() {
            self.o.openssl = self.v.newest_shipped_openssl();
        }
    }

    fn logjam_and_logging(&mut self) {
        // What the lines say, not the defaults: the measured defaults are those of 3.5 and
        // later, and the series where hardening applies had weaker ones.
        let written = |name: &str| self.param(name).map_or("", |p| p.value.as_str());
        let dh = written("smtpd_tls_dh1024_param_file");
        let grade = |name: &str| matches!(written(name), "medium" | "high");
        let excluded = |name: &str| items(written(name)).contains(&"EXPORT");
        self.o.harden_logjam = if self.v.has_logjam_safe_defaults() {
            !dh.is_empty()
        } else if self.v.supports_opportunistic_protocols() {
            !dh.is_empty() || grade("smtpd_tls_ciphers") || grade("smtp_tls_ciphers")
        } else {
            !dh.is_empty()
                || excluded("smtpd_tls_exclude_ciphers")
                || excluded("smtp_tls_exclude_ciphers")
        };
        let logs = |name: &str| self.value(name).parse::<u8>().is_ok_and(|level| level >= 1);
        self.o.tls_logging = logs("smtpd_tls_loglevel") || logs("smtp_tls_loglevel");
        self.o.received_header = is_yes(&self.value("smtpd_tls_received_header"));
        // Option names are not case-sensitive (postconf(5) tls_ssl_options); other options
        // beside it are not the generator's, and the comparison lists the line.
        self.o.no_renegotiation = items(&self.value("tls_ssl_options"))
            .iter()
            .any(|name| name.eq_ignore_ascii_case("NO_RENEGOTIATION"));
    }

    /// Renders the options read and lists every pasted line the output does not say the
    /// same.
    fn compare(&mut self) {
        let rendered = render::render(&self.o);
        let out_main = config::parse_main(&rendered.main_cf);
        let out_master = config::parse_master(&rendered.master_cf);
        let v = self.v;
        let main = self.main;
        for (i, param) in main.params.iter().enumerate() {
            // Postfix uses the last of several lines.
            if main.params[i + 1..].iter().any(|p| p.name == param.name) {
                continue;
            }
            let name = param.name.as_str();
            let relevant = name.contains("tls") || name.contains("sasl") || HANDLED.contains(&name);
            if !relevant {
                continue;
            }
            if !params::is_known(name, v) {
                self.leave_main(
                    param,
                    LeftOutKind::Version,
                    text!(
                        "Postfix {} does not know this parameter";
                        v
                    ),
                );
                continue;
            }
            match out_main.get(name) {
                Some(written) if items(&written.value) == items(&param.value) => {}
                Some(written) => self.leave_main(
                    param,
                    LeftOutKind::Value,
                    text!(
                        "the generator writes `{} = {}`";
                        name, written.value
                    ),
                ),
                None if LEGACY.contains(&name) && v.supports_security_level() => {
                    let level = if name.starts_with("smtpd_") {
                        "smtpd_tls_security_level"
                    } else {
                        "smtp_tls_security_level"
                    };
                    let reason = if self.param(level).is_some_and(|p| !p.value.is_empty()) {
                        text!(
                            "a switch of Postfix 2.2 that Postfix ignores beside `{}`";
                            level
                        )
                    } else if matches!(param.value.as_str(), "yes" | "no") {
                        text!(
                            "a switch of Postfix 2.2, read as the TLS level: the generator writes `{}` instead";
                            level
                        )
                    } else {
                        text!(
                            "neither `yes` nor `no`; the generator writes `{}` instead of this switch of Postfix 2.2";
                            level
                        )
                    };
                    self.leave_main(param, LeftOutKind::Value, reason);
                }
                None if name == "smtp_tls_CAfile"
                    && !matches!(
                        self.o.outbound,
                        OutboundLevel::Verify | OutboundLevel::Secure
                    ) =>
                {
                    self.leave_main(
                        param,
                        LeftOutKind::Unhandled,
                        text!(
                            "the generator writes the CA file only for the outbound levels verify and secure; a merged main.cf keeps the line as it is"
                        ),
                    );
                }
                None => {
                    let default = params::nearest_default(name, v).unwrap_or_default();
                    let same = items(&param.value) == items(default)
                        || self.expanded(&param.value) == self.expanded(default);
                    if !same {
                        self.leave_main(
                            param,
                            LeftOutKind::Unhandled,
                            text!(
                                "no choice of the generator sets it; a merged main.cf keeps the line as it is"
                            ),
                        );
                    }
                }
            }
        }
        self.compare_services(&out_master);
    }

    fn compare_services(&mut self, out: &MasterCf) {
        let Some(master) = self.master else { return };
        let file = self.master_kind;
        for service in master.services.iter().filter(|s| master.is_live(s)) {
            let port = port_of(service);
            let generated = (service.kind == "inet" && service.command == "smtpd")
                .then(|| {
                    out.services
                        .iter()
                        .find(|g| port_of(g) == port && (port == "587" || port == "465"))
                })
                .flatten();
            let handled = service.kind == "inet"
                && service.command == "smtpd"
                && (port == "587" || port == "465");
            if let Some(generated) = generated {
                if generated.name != service.name {
                    self.leave(
                        file,
                        Some(service.line),
                        &service.name,
                        "",
                        LeftOutKind::Value,
                        text!(
                            "the generator names this service `{}` for Postfix {}; a merged master.cf puts it in place of this entry";
                            generated.name, self.v
                        ),
                    );
                }
                for param in &service.overrides {
                    let name = format!("{}/{}", service.name, param.name);
                    let orphan = self.orphaned(&param.value);
                    match generated.get(&param.name) {
                        Some(g) if items(&g.value) == items(&param.value) => {}
                        Some(g) => self.leave(
                            file,
                            Some(param.line),
                            &name,
                            &param.value,
                            LeftOutKind::Value,
                            text!("the generator writes `-o {}={}`{}"; param.name, g.value, orphan),
                        ),
                        None => self.leave(
                            file,
                            Some(param.line),
                            &name,
                            &param.value,
                            LeftOutKind::Unhandled,
                            text!(
                                "the generator writes this service without it; a merged master.cf replaces the service{}";
                                orphan
                            ),
                        ),
                    }
                }
            } else if handled {
                self.leave(
                    file,
                    Some(service.line),
                    &service.name,
                    "",
                    LeftOutKind::Value,
                    text!(
                        "the generator writes no service on port {} with these choices";
                        port
                    ),
                );
            } else {
                // Other services: their TLS and SASL overrides are beyond the choices, and
                // on port 25 they win over what the generator sets in main.cf.
                for param in &service.overrides {
                    let tls = param.name.contains("tls") || param.name.contains("sasl");
                    if !tls {
                        continue;
                    }
                    let reason = if port == "25" && service.kind == "inet" || service.kind == "pass"
                    {
                        text!(
                            "port 25 is set in main.cf by the generator; this override stays in master.cf and wins over it"
                        )
                    } else {
                        text!(
                            "no choice of the generator covers this service; a merged master.cf keeps it as it is"
                        )
                    };
                    let name = format!("{}/{}", service.name, param.name);
                    self.leave(
                        file,
                        Some(param.line),
                        &name,
                        &param.value,
                        LeftOutKind::Unhandled,
                        reason,
                    );
                }
            }
        }
    }
}

/// A choice's name in the options JSON (`may`, `dane`), as the user knows it from there.
impl Reader<'_> {
    /// True for a service the generator writes anew (an smtpd on 587 or 465).
    fn replaced(&self, service: &Service) -> bool {
        let port = port_of(service);
        service.kind == "inet" && service.command == "smtpd" && (port == "587" || port == "465")
    }

    /// What a replaced override leaves behind: the main.cf names of its own that only it used
    /// (`$mua_sender_restrictions`), which `postconf -n` then calls "unused parameter" (seen
    /// with docker-mailserver's configuration on 3.5, 3.7, 3.10 and 3.11).
    fn orphaned(&self, value: &str) -> Text {
        let refers = |v: &str, name: &str| config::references(v).contains(&name);
        // Other main.cf lines and the services the generator leaves alone keep a name in use.
        let used_elsewhere = |name: &str| {
            self.main.params.iter().any(|p| refers(&p.value, name))
                || self.master.is_some_and(|m| {
                    m.services
                        .iter()
                        .filter(|s| !self.replaced(s))
                        .any(|s| s.overrides.iter().any(|p| refers(&p.value, name)))
                })
        };
        let names: Vec<&str> = config::references(value)
            .into_iter()
            .filter(|name| {
                !params::is_known(name, self.v)
                    && self.main.get(name).is_some()
                    && !used_elsewhere(name)
            })
            .collect();
        if names.is_empty() {
            return Text::same("");
        }
        let list = names.join("`, `");
        text!(
            "; then `{}` in main.cf is used nowhere, and postconf -n warns \"unused parameter\"";
            list
        )
    }
}

fn json_name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The (certificate, key) pairs of a `smtpd_tls_chain_files` list: each key is followed by
/// its chain, and a file that is not named as a key holds both (the way the generator
/// writes a combined file: once).
fn chain_pairs(files: &[&str]) -> Vec<(String, String)> {
    let is_key = |file: &str| {
        let name = file.rsplit('/').next().unwrap_or(file).to_ascii_lowercase();
        name.contains("key")
    };
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < files.len() {
        let file = files[i];
        match files.get(i + 1) {
            Some(next) if is_key(file) && !is_key(next) => {
                pairs.push((next.to_string(), file.to_string()));
                i += 2;
            }
            _ => {
                pairs.push((file.to_string(), file.to_string()));
                i += 1;
            }
        }
    }
    pairs
}

/// The profile a protocol list and a cipher exclusion list come down to: a floor of TLS 1.2
/// (with the scanner-clean exclusions or not) or 1.3, else Postfix's own defaults. A list
/// the profiles cannot say (TLS 1.1 as the floor, a gap) reads as the defaults, and the
/// comparison lists the line.
fn profile_of(protocols: &str, excluded: &str) -> Profile {
    let enabled = enabled_protocols(protocols);
    let Some(floor) = enabled.iter().position(|&on| on) else {
        return Profile::PostfixDefault;
    };
    if !enabled[floor..].iter().all(|&on| on) {
        return Profile::PostfixDefault;
    }
    let scanner = {
        let listed = items(excluded);
        SCANNER_CLEAN_EXCLUSIONS.iter().all(|c| listed.contains(c))
    };
    match params::PROTOCOLS.get(floor).copied() {
        Some("TLSv1.2") if scanner => Profile::ScannerClean,
        Some("TLSv1.2") => Profile::Intermediate,
        Some("TLSv1.3") => Profile::Modern,
        _ => Profile::PostfixDefault,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_files_pair_each_key_with_its_chain() {
        assert_eq!(
            chain_pairs(&["/k/rsa-key.pem", "/k/rsa.pem", "/k/ecdsa.pem"]),
            [
                ("/k/rsa.pem".to_string(), "/k/rsa-key.pem".to_string()),
                ("/k/ecdsa.pem".to_string(), "/k/ecdsa.pem".to_string()),
            ]
        );
    }

    #[test]
    fn protocol_floors_become_profiles() {
        assert_eq!(profile_of(">=TLSv1.2", ""), Profile::Intermediate);
        assert_eq!(
            profile_of("!SSLv2, !SSLv3, !TLSv1, !TLSv1.1, !TLSv1.2", ""),
            Profile::Modern
        );
        assert_eq!(profile_of("!SSLv2, !SSLv3", ""), Profile::PostfixDefault);
        // A gap is nothing a profile says.
        assert_eq!(
            profile_of("!SSLv2, !SSLv3, !TLSv1.1", ""),
            Profile::PostfixDefault
        );
        let scanner = SCANNER_CLEAN_EXCLUSIONS.join(", ");
        assert_eq!(profile_of(">=TLSv1.2", &scanner), Profile::ScannerClean);
    }
}
