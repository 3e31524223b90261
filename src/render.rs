//! Rendering options into main.cf and master.cf snippets and `postconf` commands.
//!
//! The generator first decides what to set: a plan of main.cf settings in fixed
//! sections, master.cf services with their `-o` overrides, and shell commands. The three
//! outputs are then written from that one plan, so the snippets and the `postconf` commands
//! cannot disagree. Every version gate is a named fact from [`crate::version`]; a value the
//! selected version does not need is not written.

use crate::diagnostic::Diagnostic;
use crate::lang::Text;
use crate::options::{Choice, Field, InboundLevel, Options, OutboundLevel, Profile, Role, Sasl};
use crate::rules::RuleId;
use crate::setup::{Fallback, Setup};
use crate::text;
use crate::version::PostfixVersion;

/// The rendered snippets, before they are parsed back and linted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The main.cf snippet.
    pub main_cf: String,
    /// The master.cf snippet.
    pub master_cf: String,
    /// The `postconf -e`/`-M`/`-P` commands that apply both.
    pub postconf: String,
    /// Problems with the options themselves (rejected free text, advice about a choice).
    pub problems: Vec<Diagnostic>,
    /// What the other programs the choices involve need (Dovecot, certbot).
    pub others: Vec<OtherFile>,
    /// The share link's fragment of the options, which the header names.
    pub fragment: String,
}

/// A piece of another program's configuration that the choices need: the other side of a
/// socket Postfix talks to, or the hook that keeps a certificate fresh.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherFile {
    /// A stable id, for example `dovecot-auth`.
    pub id: &'static str,
    /// The heading, for example `Dovecot: the auth socket for Postfix`.
    pub title: Text,
    /// Where it goes and why.
    pub hint: Text,
    /// The text to put there (fixed text and accepted names only).
    pub text: String,
}

/// Renders the options.
pub fn render(options: &Options) -> Rendered {
    let fragment = crate::share::encode(options);
    let head = header_naming(options, &fragment);
    let plan = Plan::for_setup(&options.resolve(), &head);
    let with_header = |block: String| {
        if block.is_empty() {
            block
        } else {
            format!("{head}{block}")
        }
    };
    Rendered {
        main_cf: with_header(plan.main_cf(options.comments)),
        master_cf: with_header(plan.master_cf(options.comments)),
        postconf: with_header(plan.postconf(options.postfix)),
        problems: plan.problems,
        others: plan.others,
        fragment,
    }
}

/// The lines on top of each block, as Mozilla's generator writes them: the tool and its
/// version, the versions chosen, and the share link's fragment that brings the choices back
/// (the page's address is the caller's, so only the fragment; no date, so the same choices
/// give the same bytes). A blank line ends it.
pub fn header(options: &Options) -> String {
    header_naming(options, &crate::share::encode(options))
}

/// The header, given the share link's fragment of the options.
fn header_naming(options: &Options, fragment: &str) -> String {
    let distribution = options
        .preset
        .map(|p| format!(" ({})", p.name()))
        .unwrap_or_default();
    format!(
        "# postfix-tls {}: Postfix {}, OpenSSL {}{distribution}\n\
         # these choices: the postfix-tls page with #{fragment} after its address\n\n",
        env!("CARGO_PKG_VERSION"),
        options.postfix,
        options.openssl,
    )
}

/// Where the 2048-bit DH parameters for Postfix before 3.1 are written.
const DH_PARAM_FILE: &str = "/etc/postfix/dh2048.pem";

/// What internet.nl and testssl.sh count against a server, as a Postfix exclusion list:
/// no anonymous or null ciphers, no RSA or finite-field DH key exchange (internet.nl wants
/// RFC 7919 groups of 3072 bits or more for DHE), no PSK suites, no 3DES, no CBC (every
/// CBC suite has a SHA1/SHA256/SHA384 MAC, every AEAD suite has none), no ARIA, no CCM8.
/// Checked with `openssl ciphers -v` (OpenSSL 3.0): what remains of the `medium` list in
/// TLS 1.2 is ECDHE with AES-GCM, ChaCha20-Poly1305 or AES-CCM, never an empty list.
pub const SCANNER_CLEAN_EXCLUSIONS: &[&str] = &[
    "aNULL", "eNULL", "kRSA", "kDHE", "PSK", "3DES", "SHA1", "SHA256", "SHA384", "ARIA", "AESCCM8",
];

/// Export and low-grade ciphers, excluded on Postfix 2.3-2.5 against FREAK and Logjam
/// (those versions have no opportunistic cipher grade to raise).
const WEAK_GRADE_EXCLUSIONS: &[&str] = &["EXPORT", "LOW"];

/// The groups of main.cf, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Host,
    Certificate,
    Inbound,
    Sasl,
    Outbound,
    Smarthost,
    Logjam,
    OpensslOptions,
    Logging,
}

impl Section {
    const fn title(self) -> &'static str {
        match self {
            Section::Host => "host role",
            Section::Certificate => "server certificate",
            Section::Inbound => "inbound TLS (port 25)",
            Section::Sasl => "SASL for submission",
            Section::Outbound => "outbound TLS",
            Section::Smarthost => "smarthost",
            Section::Logjam => "Logjam/FREAK hardening",
            Section::OpensslOptions => "OpenSSL options",
            Section::Logging => "logging",
        }
    }
}

/// One main.cf line.
#[derive(Clone, Debug)]
struct MainLine {
    section: Section,
    name: &'static str,
    /// Empty for `name =`, which clears a parameter a distribution sets.
    value: String,
    /// What must exist before Postfix reads this line (a file to create, a table to
    /// build), written as comments right above it whether or not comments are on: fixed
    /// text and accepted paths only.
    steps: Vec<String>,
}

impl MainLine {
    /// `name = value`, or `name =` to clear the parameter.
    fn assignment(&self) -> String {
        if self.value.is_empty() {
            format!("{} =", self.name)
        } else {
            format!("{} = {}", self.name, self.value)
        }
    }
}

/// One master.cf smtpd listener with its `-o` overrides.
#[derive(Clone, Debug)]
struct Listener {
    name: &'static str,
    comment: &'static str,
    overrides: Vec<(&'static str, String)>,
}

/// Everything the output will contain.
#[derive(Debug, Default)]
struct Plan {
    lines: Vec<MainLine>,
    listeners: Vec<Listener>,
    /// Shell commands to run before `postconf` (files Postfix will read).
    commands: Vec<String>,
    /// A comment printed above the commands, without user text.
    command_notes: Vec<&'static str>,
    /// Whether a change needs a full restart rather than a reload (`inet_interfaces`).
    needs_restart: bool,
    problems: Vec<Diagnostic>,
    others: Vec<OtherFile>,
}

/// A minimum protocol version a profile demands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Floor {
    Tls12,
    Tls13,
}

impl Floor {
    fn of(profile: Profile) -> Option<Floor> {
        match profile {
            Profile::PostfixDefault => None,
            Profile::Intermediate | Profile::ScannerClean => Some(Floor::Tls12),
            Profile::Modern => Some(Floor::Tls13),
        }
    }

    /// The protocol list: a range from 3.6, contiguous exclusions before (a gap would
    /// disable every version above it).
    fn protocols(self, v: PostfixVersion) -> Vec<&'static str> {
        match (self, v.supports_protocol_range_syntax()) {
            (Floor::Tls12, true) => vec![">=TLSv1.2"],
            (Floor::Tls13, true) => vec![">=TLSv1.3"],
            (Floor::Tls12, false) => vec!["!SSLv2", "!SSLv3", "!TLSv1", "!TLSv1.1"],
            (Floor::Tls13, false) => vec!["!SSLv2", "!SSLv3", "!TLSv1", "!TLSv1.1", "!TLSv1.2"],
        }
    }
}

/// A list as written in main.cf (`a, b`).
fn main_list(items: &[&str]) -> String {
    items.join(", ")
}

/// A list as written in a master.cf `-o` value, which must not contain white space.
fn override_list(items: &[&str]) -> String {
    items.join(",")
}

/// Lookup table types that `postmap` must compile before Postfix can read them.
fn needs_postmap(table: &str) -> bool {
    let kind = table.split(':').next().unwrap_or_default();
    matches!(kind, "hash" | "btree" | "lmdb" | "cdb" | "dbm" | "sdbm")
}

/// Where port 25's protocol floor goes: `smtpd_tls_protocols` for opportunistic TLS, the
/// mandatory list when TLS is required. The submission services read it too.
fn inbound_protocols(s: &Setup) -> Option<(&'static str, String)> {
    let floor = s.inbound_profile.and_then(Floor::of)?;
    let name = match s.inbound {
        InboundLevel::None => return None,
        InboundLevel::May => "smtpd_tls_protocols",
        InboundLevel::Encrypt => "smtpd_tls_mandatory_protocols",
    };
    Some((name, main_list(&floor.protocols(s.postfix))))
}

/// What main.cf's `smtpd_tls_exclude_ciphers` holds, for every smtpd at every level: port
/// 25's scanner-clean exclusions, or the export and low grades on Postfix 2.3-2.5 with
/// Logjam hardening (scanner-clean needs 2.10, so never both).
fn server_exclusions(s: &Setup) -> (Section, &'static [&'static str]) {
    if s.inbound != InboundLevel::None && s.inbound_profile == Some(Profile::ScannerClean) {
        (Section::Inbound, SCANNER_CLEAN_EXCLUSIONS)
    } else if s.is_on(Field::HardenLogjam) && s.server_tls && old_logjam_exclusions(s.postfix) {
        (Section::Logjam, WEAK_GRADE_EXCLUSIONS)
    } else {
        (Section::Logjam, &[])
    }
}

/// Postfix 2.3-2.5 raise no opportunistic cipher grade: Logjam hardening excludes the weak
/// grades instead.
fn old_logjam_exclusions(v: PostfixVersion) -> bool {
    !v.supports_opportunistic_protocols() && v.supports_security_level()
}

impl Plan {
    fn for_setup(s: &Setup, header: &str) -> Plan {
        let mut plan = Plan {
            problems: s.rejections().cloned().collect(),
            ..Plan::default()
        };
        plan.problems.extend(s.fallbacks.iter().map(fallback));
        plan.role(s);
        plan.certificates(s, header);
        plan.inbound(s);
        plan.sasl(s, header);
        plan.outbound(s);
        plan.smarthost(s);
        plan.logjam(s);
        plan.openssl_options(s);
        plan.logging(s);
        plan.submission_services(s);
        plan.advice(s);
        plan
    }

    fn set(&mut self, section: Section, name: &'static str, value: impl Into<String>) {
        self.set_with_steps(section, name, value, Vec::new());
    }

    /// A line with what must be done before Postfix reads it.
    fn set_with_steps(
        &mut self,
        section: Section,
        name: &'static str,
        value: impl Into<String>,
        steps: Vec<String>,
    ) {
        debug_assert!(
            self.lines.iter().all(|l| l.name != name),
            "{name} is set twice"
        );
        self.lines.push(MainLine {
            section,
            name,
            value: value.into(),
            steps,
        });
    }

    fn role(&mut self, s: &Setup) {
        if s.role == Role::NullClient {
            self.set(Section::Host, "inet_interfaces", "loopback-only");
            self.needs_restart = true;
        }
    }

    fn certificates(&mut self, s: &Setup, header: &str) {
        if !s.server_tls {
            return;
        }
        if let (Some(domain), Some(_)) = (&s.lets_encrypt_domain, &s.rsa) {
            self.others.push(certbot_hook(domain, header));
        }
        if s.chain_files {
            // Distributions set the legacy pair (Debian's snakeoil); with both set, every
            // smtpd warns that the legacy parameters are ignored. Seen with Postfix 3.7.11
            // (tests/postfix/FINDINGS.md, F1).
            self.set(Section::Certificate, "smtpd_tls_cert_file", "");
            self.set(Section::Certificate, "smtpd_tls_key_file", "");
            // Key first, then its chain; a combined key+chain file is listed once.
            let mut files: Vec<&str> = Vec::new();
            for pair in s.rsa.iter().chain(s.ecdsa.iter()) {
                files.push(&pair.key);
                if pair.cert != pair.key {
                    files.push(&pair.cert);
                }
            }
            if !files.is_empty() {
                self.set(
                    Section::Certificate,
                    "smtpd_tls_chain_files",
                    main_list(&files),
                );
            }
        } else {
            // The key is named even when it is the certificate file (its default): a
            // distribution's stock key would otherwise stay and mismatch (tests/postfix F3).
            if let Some(pair) = &s.rsa {
                self.set(Section::Certificate, "smtpd_tls_cert_file", &pair.cert);
                self.set(Section::Certificate, "smtpd_tls_key_file", &pair.key);
            }
            if let Some(pair) = &s.ecdsa {
                self.set(Section::Certificate, "smtpd_tls_eccert_file", &pair.cert);
                self.set(Section::Certificate, "smtpd_tls_eckey_file", &pair.key);
            }
        }
    }

    fn inbound(&mut self, s: &Setup) {
        let v = s.postfix;
        match (s.inbound, v.supports_security_level()) {
            // A null client leaves the smtpd alone; otherwise `none` is stated, because
            // distributions ship `may` (Debian's stock main.cf; tests/postfix F2).
            (InboundLevel::None, true) if s.role != Role::NullClient => {
                self.set(Section::Inbound, "smtpd_tls_security_level", "none");
                return;
            }
            (InboundLevel::None, false) if s.role != Role::NullClient => {
                self.set(Section::Inbound, "smtpd_use_tls", "no");
                return;
            }
            (InboundLevel::None, _) => return,
            (InboundLevel::May, false) => self.set(Section::Inbound, "smtpd_use_tls", "yes"),
            (InboundLevel::Encrypt, false) => {
                self.set(Section::Inbound, "smtpd_enforce_tls", "yes")
            }
            (level, true) => self.set(Section::Inbound, "smtpd_tls_security_level", level.id()),
        }
        if let Some((name, protocols)) = inbound_protocols(s) {
            self.set(Section::Inbound, name, protocols);
        }
        // Applies at every level, so the submission services inherit it too.
        if let (Section::Inbound, list) = server_exclusions(s) {
            self.set(
                Section::Inbound,
                "smtpd_tls_exclude_ciphers",
                main_list(list),
            );
        }
    }

    fn sasl(&mut self, s: &Setup, header: &str) {
        // Cyrus is the default type with the default path `smtpd`: nothing to write.
        if s.sasl != Some(Sasl::Dovecot) {
            return;
        }
        self.set(Section::Sasl, "smtpd_sasl_type", "dovecot");
        self.set(Section::Sasl, "smtpd_sasl_path", "private/auth");
        // `private/auth` is relative to the queue directory: Dovecot must create the
        // socket there, writable by Postfix (SASL_README, "Postfix to Dovecot SASL").
        self.others.push(OtherFile {
            id: "dovecot-auth",
            title: text!(
                "Dovecot: the auth socket for Postfix"
            ),
            hint: text!(
                "In /etc/dovecot/conf.d/10-master.conf, inside the existing `service auth { ... }`, then run systemctl restart dovecot. Postfix finds the socket as private/auth under its queue directory /var/spool/postfix."
            ),
            text: format!(
                "{header}service auth {{\n  unix_listener /var/spool/postfix/private/auth {{\n    mode = 0660\n    user = postfix\n    group = postfix\n  }}\n}}\n"
            ),
        });
    }

    fn outbound(&mut self, s: &Setup) {
        let v = s.postfix;
        let level = s.outbound;
        if !v.supports_security_level() {
            match level {
                OutboundLevel::None => self.set(Section::Outbound, "smtp_use_tls", "no"),
                OutboundLevel::May => self.set(Section::Outbound, "smtp_use_tls", "yes"),
                _ => self.set(Section::Outbound, "smtp_enforce_tls", "yes"),
            }
            return;
        }
        // Stated even for `none`: distributions ship `may` (Debian's stock main.cf), and 3.11
        // made `may` the default with compatibility_level 3.11.
        self.set(Section::Outbound, "smtp_tls_security_level", level.id());
        // Distributions ship a `btree:` client session cache (Debian's stock main.cf), which
        // 3.11 deprecates: Debian's tlsmgr warns at every start. The build's own cache type
        // is always right.
        if v.deprecates_berkeley_db() {
            self.set(
                Section::Outbound,
                "smtp_tls_session_cache_database",
                "${default_cache_db_type}:${data_directory}/smtp_scache",
            );
        }
        if level == OutboundLevel::Dane {
            self.set(Section::Outbound, "smtp_dns_support_level", "dnssec");
        }
        if let Some(ca_file) = &s.ca_file {
            self.set(Section::Outbound, "smtp_tls_CAfile", ca_file);
        }
        let Some(profile) = s.outbound_profile else {
            return;
        };
        if let Some(floor) = Floor::of(profile) {
            let protocols = main_list(&floor.protocols(v));
            // `dane` uses the mandatory lists with TLSA records and the opportunistic ones
            // where it falls back to `may`.
            if matches!(level, OutboundLevel::May | OutboundLevel::Dane) {
                self.set(Section::Outbound, "smtp_tls_protocols", protocols.clone());
            }
            if level != OutboundLevel::May {
                self.set(Section::Outbound, "smtp_tls_mandatory_protocols", protocols);
            }
        }
        if profile == Profile::ScannerClean {
            self.set(
                Section::Outbound,
                "smtp_tls_exclude_ciphers",
                main_list(SCANNER_CLEAN_EXCLUSIONS),
            );
        }
    }

    fn smarthost(&mut self, s: &Setup) {
        let Some(relay) = &s.smarthost else {
            return;
        };
        let port = relay.port();
        self.set(
            Section::Smarthost,
            "relayhost",
            format!("[{}]:{port}", relay.host),
        );
        if relay.wrappermode {
            self.set(Section::Smarthost, "smtp_tls_wrappermode", "yes");
        }
        let Some(table) = &relay.password_table else {
            return;
        };
        self.set(Section::Smarthost, "smtp_sasl_auth_enable", "yes");
        // The table's file: what follows `type:`.
        let file = table
            .split_once(':')
            .map_or(table.as_str(), |(_, file)| file);
        let mut steps = vec![format!(
            "{file} holds one line: [{}]:{port} username:password",
            relay.host
        )];
        if needs_postmap(table) {
            self.command_notes
                .push("fill the password table first: one line `[host]:port username:password`");
            steps.push(format!("then run: chmod 600 {file} && postmap {table}"));
            self.commands.push(format!("postmap {table}"));
        }
        self.set_with_steps(Section::Smarthost, "smtp_sasl_password_maps", table, steps);
        // Plaintext mechanisms (which most smarthosts need) only inside TLS: the default
        // `noplaintext, noanonymous` stays in force without TLS, so a stripped STARTTLS
        // defers the mail instead of sending the password in the clear.
        self.set(
            Section::Smarthost,
            "smtp_sasl_tls_security_options",
            "noanonymous",
        );
    }

    fn logjam(&mut self, s: &Setup) {
        if !s.is_on(Field::HardenLogjam) {
            return;
        }
        let v = s.postfix;
        let server = s.server_tls;
        let outbound = s.outbound != OutboundLevel::None;
        if server {
            let create = format!("openssl dhparam -out {DH_PARAM_FILE} 2048");
            self.set_with_steps(
                Section::Logjam,
                "smtpd_tls_dh1024_param_file",
                DH_PARAM_FILE,
                vec![format!("create the file first: {create}")],
            );
            self.commands.push(create);
        }
        if v.supports_opportunistic_protocols() {
            // Before the mid-2015 patch releases the opportunistic grade was `export`. Set
            // wherever TLS is on, even where only mandatory TLS is used now: per-destination
            // policies, postscreen and later edits fall back to it.
            if server {
                self.set(Section::Logjam, "smtpd_tls_ciphers", "medium");
            }
            if outbound {
                self.set(Section::Logjam, "smtp_tls_ciphers", "medium");
            }
        } else if old_logjam_exclusions(v) {
            if let (Section::Logjam, list) = server_exclusions(s) {
                if !list.is_empty() {
                    self.set(
                        Section::Logjam,
                        "smtpd_tls_exclude_ciphers",
                        main_list(list),
                    );
                }
            }
            if outbound {
                self.set(
                    Section::Logjam,
                    "smtp_tls_exclude_ciphers",
                    main_list(WEAK_GRADE_EXCLUSIONS),
                );
            }
        }
    }

    fn openssl_options(&mut self, s: &Setup) {
        if s.is_on(Field::NoRenegotiation) {
            self.set(
                Section::OpensslOptions,
                "tls_ssl_options",
                "NO_RENEGOTIATION",
            );
        }
    }

    fn logging(&mut self, s: &Setup) {
        if s.is_on(Field::TlsLogging) {
            if s.server_tls {
                self.set(Section::Logging, "smtpd_tls_loglevel", "1");
            }
            if s.outbound != OutboundLevel::None {
                self.set(Section::Logging, "smtp_tls_loglevel", "1");
            }
        }
        if s.is_on(Field::ReceivedHeader) {
            self.set(Section::Logging, "smtpd_tls_received_header", "yes");
        }
    }

    fn submission_services(&mut self, s: &Setup) {
        let v = s.postfix;
        if s.is_on(Field::Submission) {
            let mut overrides = vec![("syslog_name", "postfix/submission".to_string())];
            if v.supports_security_level() {
                overrides.push(("smtpd_tls_security_level", "encrypt".into()));
            } else {
                overrides.push(("smtpd_enforce_tls", "yes".into()));
            }
            overrides.extend(submission_overrides(s));
            self.listeners.push(Listener {
                name: "submission",
                comment: "port 587: mail clients, STARTTLS and SASL required",
                overrides,
            });
        }
        if s.is_on(Field::Submissions) {
            let name = if v.stock_names_submissions() {
                "submissions"
            } else {
                "smtps"
            };
            let mut overrides = vec![
                ("syslog_name", format!("postfix/{name}")),
                ("smtpd_tls_wrappermode", "yes".to_string()),
            ];
            overrides.extend(submission_overrides(s));
            self.listeners.push(Listener {
                name,
                comment: "port 465: mail clients, implicit TLS (RFC 8314) and SASL required",
                overrides,
            });
        }
    }
}

/// The overrides both submission services share, after the TLS level, in the order of the
/// stock master.cf of the selected version.
fn submission_overrides(s: &Setup) -> Vec<(&'static str, String)> {
    let v = s.postfix;
    let profile = s.submission_profile;
    let mut overrides = Vec::new();
    // Wrapper mode and `encrypt` both use the mandatory lists.
    match profile.and_then(Floor::of) {
        Some(floor) => overrides.push((
            "smtpd_tls_mandatory_protocols",
            override_list(&floor.protocols(v)),
        )),
        // A port-25 profile on a relay that requires TLS sets the mandatory list in main.cf;
        // the clients of these services keep the version's default.
        None if inbound_protocols(s)
            .is_some_and(|(name, _)| name == "smtpd_tls_mandatory_protocols") =>
        {
            overrides.push((
                "smtpd_tls_mandatory_protocols",
                v.default_protocols(true).replace(", ", ","),
            ))
        }
        None => {}
    }
    // Port 25's scanner-clean exclusions in main.cf bind every smtpd at every level;
    // services with another profile get the list without them (tests/postfix F4).
    if profile != Some(Profile::ScannerClean) {
        let (_, inherited) = server_exclusions(s);
        let kept: Vec<&str> = inherited
            .iter()
            .copied()
            .filter(|c| !SCANNER_CLEAN_EXCLUSIONS.contains(c))
            .collect();
        if kept.len() != inherited.len() {
            overrides.push(("smtpd_tls_exclude_ciphers", override_list(&kept)));
        }
    }
    if profile == Some(Profile::ScannerClean) {
        overrides.push((
            "smtpd_tls_mandatory_exclude_ciphers",
            override_list(SCANNER_CLEAN_EXCLUSIONS),
        ));
    }
    overrides.push(("smtpd_sasl_auth_enable", "yes".into()));
    overrides.push(("smtpd_tls_auth_only", "yes".into()));
    if v.stock_submission_rewrites_headers() {
        overrides.push(("local_header_rewrite_clients", "static:all".into()));
    }
    if v.stock_submission_hides_client_session() {
        overrides.push(("smtpd_forbid_unauth_pipelining", "no".into()));
        overrides.push(("smtpd_hide_client_session", "yes".into()));
    }
    let only_sasl = "permit_sasl_authenticated,reject".to_string();
    if v.stock_submission_uses_recipient_restrictions() {
        for name in [
            "smtpd_client_restrictions",
            "smtpd_helo_restrictions",
            "smtpd_sender_restrictions",
            "smtpd_relay_restrictions",
        ] {
            overrides.push((name, String::new()));
        }
        overrides.push(("smtpd_recipient_restrictions", only_sasl));
    } else if v.supports_relay_restrictions() {
        overrides.push(("smtpd_relay_restrictions", only_sasl));
    } else {
        overrides.push(("smtpd_recipient_restrictions", only_sasl));
    }
    if v.supports_milters() {
        overrides.push(("milter_macro_daemon_name", "ORIGINATING".into()));
    }
    overrides
}

/// The warning about a chosen value that does not apply, saying what is used instead.
fn fallback(f: &Fallback) -> Diagnostic {
    let label = f.field.label_in_sentence();
    Diagnostic {
        topic: f.field.topic(),
        ..Diagnostic::new(
            RuleId::OptionUnavailable,
            text!(
                "`{}` is not available for {}: {}";
                f.chosen,
                label,
                f.reason
            ),
            text!(
                "the output uses `{}` instead";
                f.used
            ),
        )
    }
}

impl Plan {
    fn advice(&mut self, s: &Setup) {
        if s.role == Role::PublicMx && s.inbound == InboundLevel::Encrypt {
            self.problems.push(Diagnostic::new(
                RuleId::EncryptChosenOnMx,
                text!(
                    "`encrypt` on port 25 of a public MX breaks RFC 3207 §4: servers without STARTTLS cannot deliver mail to you"
                ),
                text!(
                    "choose `may` for port 25 and require TLS where your own clients connect: submission on 587 (`encrypt`) and 465 (implicit TLS)"
                ),
            ));
        }
        let directions = [
            (Field::InboundProfile, s.inbound_profile),
            (Field::SubmissionProfile, s.submission_profile),
            (Field::OutboundProfile, s.outbound_profile),
        ];
        for (field, profile) in directions {
            if profile == Some(Profile::ScannerClean) {
                self.problems.push(scanner_clean_tradeoff(field));
            }
        }
    }

    /// The settings in section order; the sort is stable, so within a section they keep the
    /// order the plan set them in.
    fn sorted_lines(&self) -> Vec<&MainLine> {
        let mut lines: Vec<&MainLine> = self.lines.iter().collect();
        lines.sort_by_key(|l| l.section);
        lines
    }

    // The writers append to one buffer with `push_str`: a `format!` per line cost more than
    // the rest of rendering together.

    fn main_cf(&self, comments: bool) -> String {
        let mut out = String::with_capacity(OUTPUT_CAPACITY);
        let mut section = None;
        for s in self.sorted_lines() {
            if section != Some(s.section) {
                if section.is_some() {
                    out.push('\n');
                }
                push_line(&mut out, &["# --- ", s.section.title(), " ---"]);
                section = Some(s.section);
            }
            if comments {
                push_line(&mut out, &["# ", explain(s)]);
            }
            for step in &s.steps {
                push_line(&mut out, &["# ", step]);
            }
            push_line(&mut out, &[&s.assignment()]);
        }
        out
    }

    fn master_cf(&self, comments: bool) -> String {
        let mut out = String::with_capacity(OUTPUT_CAPACITY);
        for (i, service) in self.listeners.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if comments {
                push_line(&mut out, &["# ", service.comment]);
            }
            push_aligned_service_line(&mut out, service.name);
            out.push('\n');
            for (name, value) in &service.overrides {
                push_line(&mut out, &["  -o ", name, "=", value]);
            }
        }
        out
    }

    fn postconf(&self, v: PostfixVersion) -> String {
        let mut out = String::with_capacity(2 * OUTPUT_CAPACITY);
        out.push_str(
            "# Run as root after reviewing; postconf edits /etc/postfix/main.cf and master.cf.\n",
        );
        for note in &self.command_notes {
            push_line(&mut out, &["# ", note]);
        }
        for command in &self.commands {
            push_line(&mut out, &[command]);
        }
        for s in self.sorted_lines() {
            out.push_str("postconf -e ");
            push_shell_quoted(&mut out, [s.assignment().as_str()]);
            out.push('\n');
        }
        if !self.listeners.is_empty() {
            if v.supports_postconf_master_edit() {
                for service in &self.listeners {
                    // `name/inet=name inet n - n - - smtpd`: the service line, single-spaced.
                    let columns = SMTPD_COLUMNS.iter().flat_map(|column| [" ", column]);
                    out.push_str("postconf -M ");
                    push_shell_quoted(
                        &mut out,
                        [service.name, "/inet=", service.name]
                            .into_iter()
                            .chain(columns),
                    );
                    out.push('\n');
                    for (name, value) in &service.overrides {
                        out.push_str("postconf -P ");
                        push_shell_quoted(&mut out, [service.name, "/inet/", name, "=", value]);
                        out.push('\n');
                    }
                }
            } else {
                out.push_str(&format!(
                    "# Postfix {v} cannot edit master.cf with postconf (-M and -P need 2.11):\n\
                     # add the master.cf snippet to /etc/postfix/master.cf by hand.\n"
                ));
            }
        }
        if self.needs_restart {
            // inet_interfaces changes need a full restart, not a reload.
            out.push_str("postfix check && postfix stop && postfix start\n");
        } else {
            out.push_str("postfix check && postfix reload\n");
        }
        out
    }
}

/// A first guess at the size of a snippet, so most outputs are written without regrowing.
const OUTPUT_CAPACITY: usize = 2048;

/// The columns after the name of a master.cf smtpd listener, as upstream writes them
/// (chroot `n`, as in the stock master.cf; Debian's package changes that default to `y`).
const SMTPD_COLUMNS: [&str; 7] = ["inet", "n", "-", "n", "-", "-", "smtpd"];

/// The widths the stock master.cf pads the name and the columns to (the command is last and
/// not padded).
const SERVICE_COLUMN_WIDTHS: [usize; 7] = [10, 5, 7, 7, 7, 7, 7];

/// Appends the pieces and a newline.
fn push_line(out: &mut String, pieces: &[&str]) {
    for piece in pieces {
        out.push_str(piece);
    }
    out.push('\n');
}

/// Appends a master.cf service line for an smtpd listener, aligned like the stock master.cf.
fn push_aligned_service_line(out: &mut String, name: &str) {
    let fields = std::iter::once(name).chain(SMTPD_COLUMNS);
    for (i, (field, width)) in fields.zip(SERVICE_COLUMN_WIDTHS).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(field);
        let padding = width.saturating_sub(field.chars().count());
        out.extend(std::iter::repeat_n(' ', padding));
    }
    out.push(' ');
    out.push_str(SMTPD_COLUMNS[SMTPD_COLUMNS.len() - 1]);
}

/// Appends the pieces as one word quoted for a POSIX shell; values never contain `'`
/// (validation refuses it), but the quoting stays correct if one did.
fn push_shell_quoted<'a>(out: &mut String, pieces: impl IntoIterator<Item = &'a str>) {
    out.push('\'');
    let start = out.len();
    for piece in pieces {
        out.push_str(piece);
    }
    // One search over the whole word; the rare quote is escaped by rewriting it.
    if out[start..].contains('\'') {
        let word = out.split_off(start);
        out.push_str(&word.replace('\'', r"'\''"));
    }
    out.push('\'');
}

/// The certbot side of a Let's Encrypt certificate: Postfix reads the files when a process
/// starts, so a renewal only reaches it with a reload. certbot runs the executables in
/// `renewal-hooks/deploy/` after every successful renewal (certbot User Guide, "Renewing
/// certificates"); `--deploy-hook` does the same for a new certificate.
fn certbot_hook(domain: &str, header: &str) -> OtherFile {
    OtherFile {
        id: "certbot-deploy-hook",
        title: text!(
            "certbot: reload Postfix after each renewal"
        ),
        hint: text!(
            "Run as root once. Postfix reads the certificate only when it starts or reloads; without the hook it keeps serving the old certificate until it expires."
        ),
        text: format!(
            "{header}# a new certificate (port 80 must be free and reachable):\n\
             certbot certonly --standalone -d {domain} --deploy-hook 'systemctl reload postfix'\n\
             # a certificate you already have, for every renewal:\n\
             printf '#!/bin/sh\\nsystemctl reload postfix\\n' > /etc/letsencrypt/renewal-hooks/deploy/reload-postfix\n\
             chmod 755 /etc/letsencrypt/renewal-hooks/deploy/reload-postfix\n"
        ),
    }
}

fn scanner_clean_tradeoff(field: Field) -> Diagnostic {
    let (message, help) = match field {
        Field::InboundProfile => (
            text!(
                "the scanner-clean profile on port 25 turns away senders that only speak TLS 1.0/1.1 or older ciphers"
            ),
            text!(
                "some of them never retry in cleartext and their mail is delayed or lost; keep the Postfix defaults on port 25 unless a scanner grade matters more to you"
            ),
        ),
        Field::OutboundProfile => (
            text!(
                "the scanner-clean profile outbound makes deliveries to older servers fall back to cleartext or fail"
            ),
            text!(
                "scanners do not rate your outbound TLS; the Postfix defaults protect more mail"
            ),
        ),
        _ => (
            text!(
                "the scanner-clean profile on 587/465 needs TLS 1.2 and ECDHE with AEAD ciphers from every mail client"
            ),
            text!(
                "very old mail clients cannot connect; the intermediate profile is almost as strict"
            ),
        ),
    };
    Diagnostic {
        topic: field.topic(),
        ..Diagnostic::new(RuleId::ScannerCleanTradeoff, message, help)
    }
}

/// The comment written above a main.cf line when comments are on: fixed text, never user
/// input.
fn explain(setting: &MainLine) -> &'static str {
    if setting.value.is_empty() {
        return "cleared: smtpd_tls_chain_files replaces it";
    }
    match (setting.name, setting.value.as_str()) {
        ("smtpd_use_tls", "no") => return "no STARTTLS on port 25 (Postfix 2.2 syntax)",
        ("smtp_use_tls", "no") => return "no TLS for outbound mail (Postfix 2.2 syntax)",
        _ => {}
    }
    match setting.name {
        "inet_interfaces" => "send-only: accept mail from this host only",
        "smtpd_tls_chain_files" => "private key(s), each followed by its certificate chain",
        "smtpd_tls_cert_file" => "server certificate, followed by its issuers",
        "smtpd_tls_key_file" => "private key of the server certificate",
        "smtpd_tls_eccert_file" => "second (ECDSA) certificate chain",
        "smtpd_tls_eckey_file" => "private key of the ECDSA certificate",
        "smtpd_use_tls" => "offer STARTTLS on port 25 (Postfix 2.2 syntax)",
        "smtpd_enforce_tls" => "require STARTTLS on port 25 (Postfix 2.2 syntax)",
        "smtpd_tls_security_level" => "TLS on port 25: none, may (offered) or encrypt (required)",
        "smtpd_tls_protocols" => "protocols for opportunistic TLS on port 25",
        "smtpd_tls_mandatory_protocols" => "protocols when TLS is required",
        "smtpd_tls_exclude_ciphers" => "ciphers the server never uses",
        "smtpd_sasl_type" => "SASL server for the submission services",
        "smtpd_sasl_path" => "Dovecot auth socket, relative to the queue directory",
        "smtp_use_tls" => "use TLS when the receiving server offers it (Postfix 2.2 syntax)",
        "smtp_enforce_tls" => "require TLS for all outbound mail (Postfix 2.2 syntax)",
        "smtp_tls_security_level" => "TLS for outbound mail",
        "smtp_dns_support_level" => "DNSSEC lookups for DANE (needs a local validating resolver)",
        "smtp_tls_CAfile" => "trusted CAs for verifying receiving servers",
        "smtp_tls_protocols" => "protocols for opportunistic outbound TLS",
        "smtp_tls_mandatory_protocols" => "protocols when outbound TLS is required",
        "smtp_tls_exclude_ciphers" => "ciphers the client never uses",
        "smtp_tls_session_cache_database" => {
            "client TLS session cache in the build's cache type (no Berkeley DB btree:)"
        }
        "relayhost" => "send all outbound mail through this smarthost",
        "smtp_tls_wrappermode" => "implicit TLS to the smarthost on port 465",
        "smtp_sasl_auth_enable" => "log in to the smarthost",
        "smtp_sasl_password_maps" => "table with the smarthost credentials",
        "smtp_sasl_tls_security_options" => "allow plaintext login mechanisms only inside TLS",
        "smtpd_tls_dh1024_param_file" => "2048-bit DH parameters against Logjam",
        "smtpd_tls_ciphers" => "no export ciphers for opportunistic inbound TLS",
        "smtp_tls_ciphers" => "no export ciphers for opportunistic outbound TLS",
        "tls_ssl_options" => "refuse renegotiation inside TLS sessions (CPU exhaustion attacks)",
        "smtpd_tls_loglevel" => "log a summary of each inbound TLS session",
        "smtp_tls_loglevel" => "log a summary of each outbound TLS session",
        "smtpd_tls_received_header" => "record protocol and cipher in Received: (ESMTPS)",
        _ => "set by postfix-tls",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fragment_is_the_one_the_header_names() {
        let options = Options {
            inbound: InboundLevel::Encrypt,
            comments: true,
            ..Options::default()
        };
        let rendered = render(&options);
        assert_eq!(rendered.fragment, crate::share::encode(&options));
        assert_ne!(rendered.fragment, crate::share::encode(&Options::default()));
        for block in [&rendered.main_cf, &rendered.master_cf, &rendered.postconf] {
            assert!(block.starts_with(&header(&options)), "{block}");
            assert!(
                block.contains(&format!("#{} ", rendered.fragment)),
                "{block}"
            );
        }
    }

    #[test]
    fn shell_quoting_escapes_a_quote_across_pieces() {
        let mut out = String::new();
        push_shell_quoted(&mut out, ["a = it", "'s"]);
        assert_eq!(out, r"'a = it'\''s'");
    }

    #[test]
    fn service_lines_align_like_the_stock_master_cf() {
        let mut out = String::new();
        push_aligned_service_line(&mut out, "smtps");
        assert_eq!(
            out,
            "smtps      inet  n       -       n       -       -       smtpd"
        );
        out.clear();
        push_aligned_service_line(&mut out, "submissions");
        assert_eq!(
            out,
            "submissions inet  n       -       n       -       -       smtpd"
        );
    }
}
