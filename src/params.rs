//! The Postfix parameter catalogue: which names a version knows, which values a parameter
//! accepts, and the defaults the rules need.
//!
//! The name list is the output of `postconf -d` of Postfix 3.7.11 (Debian 12), stored as data.
//! Parameters that came or went around it are in [`SINCE`]; names not in that table are
//! assumed to exist in every version, so an old or new version never gets a false "unknown
//! parameter".

use crate::version::PostfixVersion;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Every parameter name `postconf -d` of Postfix 3.7.11 lists, one per line, sorted.
const POSTFIX_3_7: &str = include_str!("params/postfix-3.7.txt");

/// The parameters of Postfix 3.7.11 whose default is `yes` or `no`.
const BOOLEANS_3_7: &str = include_str!("params/postfix-3.7-booleans.txt");

/// The series whose `postconf -d` the name list is.
const LIST_VERSION: PostfixVersion = PostfixVersion::new(3, 7);

/// A TLS/SASL-relevant parameter and the series it came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Since {
    /// The parameter name.
    pub name: &'static str,
    /// The first series that knows it.
    pub version: PostfixVersion,
}

const fn since(name: &'static str, major: u8, minor: u8) -> Since {
    Since {
        name,
        version: PostfixVersion::new(major, minor),
    }
}

/// Parameters (mostly TLS and SASL) that did not exist in every series, with the series they
/// came in.
/// Source: postconf(5) "This feature is available in Postfix X.Y and later", RELEASE_NOTES.
pub const SINCE: &[Since] = &[
    since("smtpd_tls_security_level", 2, 3),
    since("smtp_tls_security_level", 2, 3),
    since("lmtp_tls_security_level", 2, 3),
    since("smtpd_tls_mandatory_protocols", 2, 3),
    since("smtp_tls_mandatory_protocols", 2, 3),
    since("smtpd_tls_mandatory_ciphers", 2, 3),
    since("smtp_tls_mandatory_ciphers", 2, 3),
    since("smtpd_tls_exclude_ciphers", 2, 3),
    since("smtp_tls_exclude_ciphers", 2, 3),
    since("smtpd_tls_mandatory_exclude_ciphers", 2, 3),
    since("smtp_tls_mandatory_exclude_ciphers", 2, 3),
    since("smtp_tls_policy_maps", 2, 3),
    since("smtpd_sasl_type", 2, 3),
    since("smtpd_sasl_path", 2, 3),
    since("smtp_sasl_type", 2, 3),
    since("smtp_sasl_path", 2, 3),
    since("smtpd_tls_fingerprint_digest", 2, 5),
    since("smtp_tls_fingerprint_digest", 2, 5),
    since("smtp_tls_fingerprint_cert_match", 2, 5),
    since("smtpd_tls_protocols", 2, 6),
    since("smtp_tls_protocols", 2, 6),
    since("smtpd_tls_ciphers", 2, 6),
    since("smtp_tls_ciphers", 2, 6),
    since("smtpd_tls_eecdh_grade", 2, 6),
    since("smtpd_tls_eccert_file", 2, 6),
    since("smtpd_tls_eckey_file", 2, 6),
    since("smtp_tls_eccert_file", 2, 6),
    since("smtp_tls_eckey_file", 2, 6),
    since("tls_eecdh_strong_curve", 2, 6),
    since("tls_eecdh_ultra_curve", 2, 6),
    since("tls_preempt_cipherlist", 2, 8),
    since("postscreen_tls_security_level", 2, 8),
    since("tlsproxy_tls_security_level", 2, 8),
    since("smtpd_relay_restrictions", 2, 10),
    since("smtp_dns_support_level", 2, 11),
    since("tls_ssl_options", 2, 11),
    since("tls_dane_digests", 2, 11),
    since("smtp_tls_trust_anchor_file", 2, 11),
    since("smtp_tls_force_insecure_host_tlsa_lookup", 2, 11),
    since("compatibility_level", 3, 0),
    since("smtp_tls_wrappermode", 3, 0),
    since("smtp_tls_dane_insecure_mx_policy", 3, 1),
    since("tls_eecdh_auto_curves", 3, 2),
    since("smtpd_tls_chain_files", 3, 4),
    since("smtp_tls_chain_files", 3, 4),
    since("tls_server_sni_maps", 3, 4),
    since("smtp_tls_connection_reuse", 3, 4),
    since("smtp_tls_servername", 3, 4),
    since("known_tcp_ports", 3, 6),
    // Came in 3.5 and in patch releases of 3.1 to 3.4 ([`BACKPORTS`]).
    since("tls_fast_shutdown_enable", 3, 1),
    since("tls_ffdhe_auto_groups", 3, 8),
    // Came in 3.9 and in patch releases of 3.5 to 3.8 ([`BACKPORTS`]): the first series
    // that has them at all is 3.5.
    since("tls_config_file", 3, 5),
    since("tls_config_name", 3, 5),
    since("smtpd_tls_enable_rpk", 3, 9),
    since("smtp_tls_enable_rpk", 3, 9),
    since("lmtp_tls_enable_rpk", 3, 9),
    since("smtpd_hide_client_session", 3, 10),
    since("smtp_tlsrpt_enable", 3, 10),
    since("smtp_tlsrpt_socket_name", 3, 10),
    since("smtp_tlsrpt_skip_reused_handshakes", 3, 10),
    since("tls_required_enable", 3, 10),
    since("requiretls_enable", 3, 11),
    since("smtp_requiretls_policy", 3, 11),
    since("smtp_log_tls_feature_status", 3, 11),
    since("smtp_tls_enforce_sts_mx_patterns", 3, 11),
    // Not TLS, but common in configs of these versions; listed so they are not "unknown".
    since("force_mime_input_conversion", 3, 9),
];

/// A parameter that older series received in a patch release, after their first release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backport {
    /// The parameter name.
    pub name: &'static str,
    /// Each series that received it in a patch release, with that release:
    /// `(major, minor, patch)`. Later series have it from their start.
    pub releases: &'static [(u8, u8, u8)],
}

/// Parameters that also came in patch releases of older series: RHEL 9's 3.5.25 knows
/// `tls_config_file` while 3.5.19 does not.
/// Source: postconf(5) `tls_config_file`, `tls_config_name`: "This feature is available in
/// Postfix >= 3.9, 3.8.1, 3.7.6, 3.6.10, and 3.5.20"; smtpd(8), smtp(8): "Available in Postfix
/// 3.5, 3.4.6, 3.3.5, 3.2.10, 3.1.13 and later: tls_fast_shutdown_enable".
pub const BACKPORTS: &[Backport] = &[
    Backport {
        name: "tls_fast_shutdown_enable",
        releases: &[(3, 1, 13), (3, 2, 10), (3, 3, 5), (3, 4, 6)],
    },
    Backport {
        name: "tls_config_file",
        releases: &[(3, 5, 20), (3, 6, 10), (3, 7, 6), (3, 8, 1)],
    },
    Backport {
        name: "tls_config_name",
        releases: &[(3, 5, 20), (3, 6, 10), (3, 7, 6), (3, 8, 1)],
    },
];

/// The patch release of this series from which it knows the parameter, when the series
/// received it after its first release: `3.5.20` for `tls_config_file` in 3.5.
pub fn patch_release(name: &str, version: PostfixVersion) -> Option<String> {
    let backport = BACKPORTS.iter().find(|b| b.name == name)?;
    backport
        .releases
        .iter()
        .find(|&&(major, minor, _)| PostfixVersion::new(major, minor) == version)
        .map(release_name)
}

/// A release as Postfix names it: `3.5.20`.
fn release_name(&(major, minor, patch): &(u8, u8, u8)) -> String {
    format!("{major}.{minor}.{patch}")
}

/// The first release that knows the parameter, when not every release does: a patch
/// release for a backport (`3.5.20`), else the series (`3.8`).
pub fn first_release(name: &str) -> Option<String> {
    match BACKPORTS.iter().find(|b| b.name == name) {
        Some(backport) => backport.releases.first().map(release_name),
        None => since_version(name).map(|v| v.to_string()),
    }
}

/// Boolean parameters added after the 3.7 list.
const LATER_BOOLEANS: &[&str] = &[
    "smtpd_tls_enable_rpk",
    "smtp_tls_enable_rpk",
    "lmtp_tls_enable_rpk",
    "smtpd_hide_client_session",
    "smtp_tlsrpt_enable",
    "smtp_tlsrpt_skip_reused_handshakes",
    "tls_required_enable",
    "requiretls_enable",
    "smtp_tls_enforce_sts_mx_patterns",
];

/// What the catalogue records about one parameter name.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// `postconf -d` of 3.7 lists it.
    in_3_7: bool,
    /// The series it came in, when it did not exist in every series ([`SINCE`]).
    since: Option<PostfixVersion>,
    /// Its vocabulary, if it has one.
    kind: Option<ValueKind>,
}

/// The hash of the catalogue's lookups: a word at a time, multiplied as rustc's FxHasher
/// does. The keys are a fixed list of short names, so the flooding resistance of the
/// standard hasher buys nothing here, and it cost more than the rest of a lookup.
#[derive(Clone, Copy, Debug, Default)]
struct NameHasher(u64);

impl NameHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    /// The table picks buckets by the low bits, which a multiplication mixes least: fold
    /// the high half into them.
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

type Catalogue = HashMap<&'static str, Entry, BuildHasherDefault<NameHasher>>;

/// The catalogue entry of a name: every name of the 3.7 list, of [`SINCE`] and of
/// [`LATER_BOOLEANS`]. The rules ask whether a name is known, since when, and which values
/// it takes for every setting they see; one lookup in a table built once answers all three
/// (the lists used to be searched once per question).
fn entry(name: &str) -> Option<&'static Entry> {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(build_catalogue).get(name)
}

fn build_catalogue() -> Catalogue {
    let unlisted = Entry {
        in_3_7: false,
        since: None,
        kind: None,
    };
    let mut catalogue = Catalogue::default();
    for name in POSTFIX_3_7.lines() {
        catalogue.insert(
            name,
            Entry {
                in_3_7: true,
                ..unlisted
            },
        );
    }
    for s in SINCE {
        catalogue.entry(s.name).or_insert(unlisted).since = Some(s.version);
    }
    for name in LATER_BOOLEANS {
        catalogue.entry(name).or_insert(unlisted);
    }
    for (name, entry) in catalogue.iter_mut() {
        // The vocabulary by name comes first: `smtpd_use_tls` is a boolean, but a level
        // parameter with a boolean-looking default would still be a level.
        entry.kind = kind_by_name(name).or_else(|| {
            (is_boolean_3_7(name) || LATER_BOOLEANS.contains(name)).then_some(ValueKind::Boolean)
        });
    }
    catalogue
}

/// The series a parameter came in, when it did not exist in every series.
pub fn since_version(name: &str) -> Option<PostfixVersion> {
    entry(name).and_then(|e| e.since)
}

/// True when `postconf -d` of 3.7 lists the name.
fn in_3_7(name: &str) -> bool {
    entry(name).is_some_and(|e| e.in_3_7)
}

/// True when 3.7 gives the name a `yes`/`no` default (the list is sorted, tested). Only
/// asked while the catalogue is built.
fn is_boolean_3_7(name: &str) -> bool {
    static BOOLEANS: OnceLock<Vec<&'static str>> = OnceLock::new();
    BOOLEANS
        .get_or_init(|| BOOLEANS_3_7.lines().collect())
        .binary_search(&name)
        .is_ok()
}

/// True when Postfix of this series knows the parameter by its own name.
pub fn is_known(name: &str, version: PostfixVersion) -> bool {
    let Some(entry) = entry(name) else {
        return false;
    };
    if version >= LIST_VERSION && entry.in_3_7 {
        return true;
    }
    match entry.since {
        Some(first) => version >= first,
        None => entry.in_3_7,
    }
}

/// True when the parameter exists in some series, but not yet in this one.
pub fn is_too_new(name: &str, version: PostfixVersion) -> bool {
    !is_known(name, version) && since_version(name).is_some()
}

/// Per-transport parameter suffixes without a `default_` form. Source: postconf(5)
/// `transport_time_limit`, `transport_recipient_limit`, ...
const PER_SERVICE_SUFFIXES: &[&str] = &[
    "time_limit",
    "recipient_limit",
    "recipient_refill_limit",
    "recipient_refill_delay",
    "extra_recipient_limit",
    "initial_destination_concurrency",
    "minimum_delivery_slots",
    "delivery_slot_cost",
    "delivery_slot_loan",
    "delivery_slot_discount",
    "transport_rate_delay",
];

/// True for a per-service parameter such as `relay_destination_concurrency_limit`: a
/// master.cf service name followed by a parameter that has a `default_` form or is a
/// per-transport suffix.
pub fn is_per_service(name: &str, services: &[&str], version: PostfixVersion) -> bool {
    services.iter().any(|service| {
        name.strip_prefix(service)
            .and_then(|rest| rest.strip_prefix('_'))
            .is_some_and(|rest| {
                PER_SERVICE_SUFFIXES.contains(&rest)
                    || is_known(&format!("default_{rest}"), version)
            })
    })
}

/// Every name this series knows, for suggestions.
fn known_names(version: PostfixVersion) -> impl Iterator<Item = &'static str> {
    POSTFIX_3_7
        .lines()
        .filter(move |name| {
            version >= LIST_VERSION || since_version(name).is_none_or(|first| version >= first)
        })
        .chain(
            SINCE
                .iter()
                .filter(move |s| version >= s.version && !in_3_7(s.name))
                .map(|s| s.name),
        )
}

/// The known parameter closest to a misspelt name, if one is close enough to be meant.
pub fn suggest(name: &str, version: PostfixVersion) -> Option<&'static str> {
    closest(name, known_names(version))
}

/// The candidate closest to `word` by edit distance, if it is within a third of its length
/// (at most 3 edits). Ties go to the earlier candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let length = word.chars().count();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        // The distance is at least the difference in length: skip hopeless candidates.
        if candidate.chars().count().abs_diff(length) > limit {
            continue;
        }
        let distance = edit_distance(&word, &candidate.to_lowercase());
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The values a parameter accepts, for those with a fixed vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// `yes` or `no`.
    Boolean,
    /// `smtpd_tls_security_level`: `none`, `may`, `encrypt` (others are rule L02's).
    ServerLevel,
    /// `smtp_tls_security_level`: `none` ... `secure`.
    ClientLevel,
    /// `export`, `low`, `medium`, `high`, `null`.
    CipherGrade,
    /// `SSLv2` ... `TLSv1.3`, with `!`, `>=` and `<=`.
    Protocols,
    /// An SMTP access restriction list.
    Restrictions,
    /// `cyrus` or `dovecot`.
    SaslType,
    /// `noanonymous`, `noplaintext`, ...
    SaslSecurityOptions,
    /// `disabled`, `enabled`, `dnssec`.
    DnsSupportLevel,
    /// A non-negative number.
    Integer,
    /// Free text whose conventional values are Postfix keywords (`ORIGINATING`).
    DaemonName,
}

/// The vocabulary of a parameter, if it has one.
pub fn value_kind(name: &str) -> Option<ValueKind> {
    match entry(name) {
        Some(entry) => entry.kind,
        // Booleans are all in the catalogue; other names go by their name.
        None => kind_by_name(name),
    }
}

/// The vocabulary a parameter has by its name alone (booleans aside, which are known by
/// their default).
fn kind_by_name(name: &str) -> Option<ValueKind> {
    let kind = match name {
        "smtpd_tls_security_level"
        | "postscreen_tls_security_level"
        | "tlsproxy_tls_security_level" => ValueKind::ServerLevel,
        "smtp_tls_security_level"
        | "lmtp_tls_security_level"
        | "tlsproxy_client_security_level" => ValueKind::ClientLevel,
        "smtpd_client_restrictions"
        | "smtpd_helo_restrictions"
        | "smtpd_sender_restrictions"
        | "smtpd_relay_restrictions"
        | "smtpd_recipient_restrictions"
        | "smtpd_data_restrictions"
        | "smtpd_end_of_data_restrictions"
        | "smtpd_etrn_restrictions" => ValueKind::Restrictions,
        "smtpd_sasl_type" | "smtp_sasl_type" | "lmtp_sasl_type" => ValueKind::SaslType,
        "smtpd_sasl_security_options"
        | "smtpd_sasl_tls_security_options"
        | "smtp_sasl_security_options"
        | "smtp_sasl_tls_security_options"
        | "smtp_sasl_tls_verified_security_options"
        | "lmtp_sasl_security_options"
        | "lmtp_sasl_tls_security_options"
        | "lmtp_sasl_tls_verified_security_options" => ValueKind::SaslSecurityOptions,
        "smtp_dns_support_level" | "lmtp_dns_support_level" => ValueKind::DnsSupportLevel,
        "milter_macro_daemon_name" => ValueKind::DaemonName,
        _ if name.ends_with("_tls_loglevel") => ValueKind::Integer,
        _ if name.ends_with("_tls_ciphers") || name.ends_with("_tls_mandatory_ciphers") => {
            ValueKind::CipherGrade
        }
        _ if name.ends_with("_tls_protocols") || name.ends_with("_tls_mandatory_protocols") => {
            ValueKind::Protocols
        }
        _ => return None,
    };
    Some(kind)
}

/// Server TLS levels smtpd accepts without a warning.
pub const SERVER_LEVELS: &[&str] = &["none", "may", "encrypt"];

/// Server levels smtpd accepts with a warning and treats as `encrypt` (smtpd.c).
pub const SERVER_LEVELS_AS_ENCRYPT: &[&str] = &["fingerprint", "verify", "secure"];

/// Client TLS levels.
pub const CLIENT_LEVELS: &[&str] = &[
    "none",
    "may",
    "encrypt",
    "dane",
    "dane-only",
    "fingerprint",
    "verify",
    "secure",
];

/// Client levels that require TLS for every destination.
pub const MANDATORY_CLIENT_LEVELS: &[&str] =
    &["encrypt", "dane-only", "fingerprint", "verify", "secure"];

/// Cipher grades.
pub const CIPHER_GRADES: &[&str] = &["export", "low", "medium", "high", "null"];

/// Protocol names in protocol lists, oldest first.
pub const PROTOCOLS: &[&str] = &["SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

/// The protocol number of a range bound written as a number (Postfix 3.6+): hexadecimal,
/// with or without a leading `0` or `0x`, so `301`, `0301`, `0x301` and `0x0301` are all
/// TLS 1.0. Numbers OpenSSL does not know (`0305`) are valid too: Postfix logs a warning
/// and leaves that bound unset. Only `>=` and `<=` take numbers; `!0x0301` makes Postfix
/// disable TLS ("Invalid TLS protocol list"). Source: postconf(5) `smtpd_tls_protocols`,
/// checked with Postfix 3.7.11.
pub fn protocol_number(bound: &str) -> Option<u16> {
    let digits = bound
        .strip_prefix("0x")
        .or_else(|| bound.strip_prefix("0X"))
        .unwrap_or(bound);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(digits, 16).ok()
}

/// The protocol numbers of [`PROTOCOLS`], in the same order.
pub const PROTOCOL_NUMBERS: &[u16] = &[0x0002, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304];

/// SASL implementations. Postfix compares the name exactly: `Dovecot` stops the SASL
/// services ("unsupported SASL server implementation"; checked with Postfix 3.7.11).
pub const SASL_TYPES: &[&str] = &["cyrus", "dovecot"];

/// SASL security options, in any case (`NoAnonymous` works; checked with Postfix 3.7.11).
pub const SASL_SECURITY_OPTIONS: &[&str] = &[
    "noanonymous",
    "noplaintext",
    "noactive",
    "nodictionary",
    "mutual_auth",
    "forward_secrecy",
];

/// `smtp_dns_support_level` values.
pub const DNS_SUPPORT_LEVELS: &[&str] = &["disabled", "enabled", "dnssec"];

/// Booleans.
pub const BOOLEANS: &[&str] = &["yes", "no"];

/// SMTP access restrictions without an argument. Source: postconf(5), smtpd_check.c.
pub const RESTRICTIONS: &[&str] = &[
    "permit",
    "reject",
    "defer",
    "dunno",
    "warn_if_reject",
    "defer_if_permit",
    "defer_if_reject",
    "permit_mynetworks",
    "permit_sasl_authenticated",
    "permit_tls_clientcerts",
    "permit_tls_all_clientcerts",
    "permit_inet_interfaces",
    "permit_auth_destination",
    "permit_mx_backup",
    "permit_naked_ip_address",
    "reject_unauth_destination",
    "defer_unauth_destination",
    "reject_unauth_pipelining",
    "reject_unknown_client_hostname",
    "reject_unknown_reverse_client_hostname",
    "reject_unknown_forward_client_hostname",
    "reject_unknown_client",
    "reject_unknown_helo_hostname",
    "reject_unknown_hostname",
    "reject_invalid_helo_hostname",
    "reject_invalid_hostname",
    "reject_non_fqdn_helo_hostname",
    "reject_non_fqdn_hostname",
    "reject_non_fqdn_sender",
    "reject_non_fqdn_recipient",
    "reject_unknown_sender_domain",
    "reject_unknown_recipient_domain",
    "reject_unlisted_sender",
    "reject_unlisted_recipient",
    "reject_unverified_sender",
    "reject_unverified_recipient",
    "reject_sender_login_mismatch",
    "reject_authenticated_sender_login_mismatch",
    "reject_known_sender_login_mismatch",
    "reject_unauthenticated_sender_login_mismatch",
    "reject_multi_recipient_bounce",
    "reject_plaintext_session",
    "reject_maps_rbl",
    "check_relay_domains",
];

/// Restrictions followed by one argument (a table, a DNS list or a number).
pub const RESTRICTIONS_WITH_ARGUMENT: &[&str] = &[
    "check_client_access",
    "check_client_a_access",
    "check_client_mx_access",
    "check_client_ns_access",
    "check_reverse_client_hostname_access",
    "check_reverse_client_hostname_a_access",
    "check_reverse_client_hostname_mx_access",
    "check_reverse_client_hostname_ns_access",
    "check_helo_access",
    "check_helo_a_access",
    "check_helo_mx_access",
    "check_helo_ns_access",
    "check_sender_access",
    "check_sender_a_access",
    "check_sender_mx_access",
    "check_sender_ns_access",
    "check_recipient_access",
    "check_recipient_a_access",
    "check_recipient_mx_access",
    "check_recipient_ns_access",
    "check_ccert_access",
    "check_sasl_access",
    "check_policy_service",
    "check_etrn_access",
    "reject_rbl_client",
    "reject_rhsbl_client",
    "reject_rhsbl_reverse_client",
    "reject_rhsbl_helo",
    "reject_rhsbl_sender",
    "reject_rhsbl_recipient",
    "reject_rbl",
    "permit_dnswl_client",
    "permit_rhswl_client",
    "sleep",
];

/// Restrictions that stop mail to foreign destinations; one of them must be in
/// `smtpd_relay_restrictions` or `smtpd_recipient_restrictions` (postconf(5)).
pub const RELAY_STOPPERS: &[&str] = &[
    "reject",
    "defer",
    "defer_if_permit",
    "reject_unauth_destination",
    "defer_unauth_destination",
];

/// Words a translation put in place of a Postfix keyword, with the keyword meant. The
/// German wiki page this project started from broke its examples exactly this way.
pub const TRANSLATED_KEYWORDS: &[(&str, &str)] = &[
    ("kann", "may"),
    ("vielleicht", "may"),
    ("ja", "yes"),
    ("nein", "no"),
    ("wahr", "yes"),
    ("falsch", "no"),
    ("keine", "none"),
    ("kein", "none"),
    ("ablehnen", "reject"),
    ("zurückweisen", "reject"),
    ("erlauben", "permit"),
    ("zulassen", "permit"),
    ("zurückstellen", "defer"),
    ("verschlüsseln", "encrypt"),
    ("verschlüsselt", "encrypt"),
    ("verschlüsselung", "encrypt"),
    ("überprüfen", "verify"),
    ("prüfen", "verify"),
    ("sicher", "secure"),
    ("hoch", "high"),
    ("mittel", "medium"),
    ("niedrig", "low"),
    ("ursprung", "ORIGINATING"),
    ("übermittlung", "submission"),
    ("einreichung", "submission"),
];

/// The Postfix keyword a translated word stands for.
pub fn untranslate(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    TRANSLATED_KEYWORDS
        .iter()
        .find(|(german, _)| *german == lower)
        .map(|(_, keyword)| *keyword)
}

/// The default value of a parameter that the rules need, for a series. `None` when the
/// rules do not need it (the caller then treats the parameter as unset).
pub fn default_value(name: &str, version: PostfixVersion) -> Option<&'static str> {
    let value = match name {
        "smtpd_tls_protocols" | "smtp_tls_protocols" | "lmtp_tls_protocols" => {
            version.default_protocols(false)
        }
        "smtpd_tls_mandatory_protocols"
        | "smtp_tls_mandatory_protocols"
        | "lmtp_tls_mandatory_protocols" => version.default_protocols(true),
        "smtpd_tls_ciphers" | "smtp_tls_ciphers" | "lmtp_tls_ciphers" => {
            if version.has_logjam_safe_defaults() {
                "medium"
            } else {
                "export"
            }
        }
        "smtpd_tls_mandatory_ciphers" | "smtp_tls_mandatory_ciphers" => "medium",
        // With compatibility_level >= 1 (every install since 3.0 sets it); see postconf(5).
        "smtpd_relay_restrictions" if version.supports_relay_restrictions() => {
            "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination"
        }
        "smtpd_recipient_restrictions" if !version.supports_relay_restrictions() => {
            "permit_mynetworks, reject_unauth_destination"
        }
        "smtpd_sasl_security_options" => "noanonymous",
        "smtpd_sasl_tls_security_options" => "$smtpd_sasl_security_options",
        "smtpd_tls_key_file" => "$smtpd_tls_cert_file",
        "postscreen_tls_security_level" => "$smtpd_tls_security_level",
        "smtpd_sasl_type" | "smtp_sasl_type" => "cyrus",
        "smtpd_tls_loglevel" | "smtp_tls_loglevel" => "0",
        _ => return None,
    };
    Some(value)
}

/// Splits a list value at commas and whitespace.
pub fn list_items(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|item| !item.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_unique() {
        let names: Vec<&str> = POSTFIX_3_7.lines().collect();
        assert!(names.len() > 800);
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        let booleans: Vec<&str> = BOOLEANS_3_7.lines().collect();
        assert!(
            booleans.iter().all(|b| names.contains(b)),
            "booleans are names"
        );
        assert!(booleans.windows(2).all(|w| w[0] < w[1]));
        assert!(is_boolean_3_7("smtpd_use_tls") && !is_boolean_3_7("myhostname"));
        assert!(in_3_7("myhostname") && !in_3_7("smtpd_use_tl"));
    }

    #[test]
    fn since_table_is_consistent() {
        for (i, entry) in SINCE.iter().enumerate() {
            assert!(
                SINCE[..i].iter().all(|other| other.name != entry.name),
                "{} twice",
                entry.name
            );
            // A name the 3.7 list lacks must be newer than 3.7, or it was removed (none are).
            assert!(
                in_3_7(entry.name) || entry.version > LIST_VERSION,
                "{} is not in 3.7 but claims {}",
                entry.name,
                entry.version
            );
        }
    }

    #[test]
    fn names_follow_their_versions() {
        let v = PostfixVersion::new;
        assert!(is_known("smtpd_tls_security_level", v(3, 7)));
        assert!(!is_known("smtpd_tls_security_level", v(2, 2)));
        assert!(is_known("smtpd_use_tls", v(2, 2)));
        assert!(!is_known("tls_ffdhe_auto_groups", v(3, 7)));
        assert!(is_known("tls_ffdhe_auto_groups", v(3, 8)));
        assert!(is_too_new("tls_ffdhe_auto_groups", v(3, 7)));
        assert!(is_known("requiretls_enable", v(3, 11)));
        assert!(!is_known("requiretls_enable", v(3, 10)));
        assert!(!is_known("smtpd_tls_chain_files", v(3, 3)));
        assert!(is_known("smtpd_tls_chain_files", v(3, 4)));
        assert!(!is_known("smtpd_tls_securty_level", v(3, 7)));
        assert!(!is_too_new("smtpd_tls_securty_level", v(3, 7)));
        assert!(is_known("tls_config_file", v(3, 7)));
        assert!(is_known("tls_config_file", v(3, 5)));
        assert!(is_too_new("tls_config_file", v(3, 4)));
    }

    #[test]
    fn backports_name_their_patch_release() {
        let v = PostfixVersion::new;
        assert_eq!(
            patch_release("tls_config_file", v(3, 5)).as_deref(),
            Some("3.5.20")
        );
        assert_eq!(
            patch_release("tls_config_name", v(3, 8)).as_deref(),
            Some("3.8.1")
        );
        assert_eq!(patch_release("tls_config_file", v(3, 9)), None);
        assert_eq!(patch_release("tls_config_file", v(3, 4)), None);
        assert_eq!(patch_release("smtpd_tls_chain_files", v(3, 5)), None);
        assert_eq!(first_release("tls_config_file").as_deref(), Some("3.5.20"));
        assert_eq!(
            first_release("tls_ffdhe_auto_groups").as_deref(),
            Some("3.8")
        );
        assert_eq!(first_release("smtpd_tls_cert_file"), None);
        assert_eq!(
            patch_release("tls_fast_shutdown_enable", v(3, 4)).as_deref(),
            Some("3.4.6")
        );
        assert!(is_known("tls_fast_shutdown_enable", v(3, 5)));
        assert_eq!(patch_release("tls_fast_shutdown_enable", v(3, 5)), None);
        for backport in BACKPORTS {
            // The first series with the name in SINCE is the first with a patch release.
            let (major, minor, _) = backport.releases[0];
            assert_eq!(
                since_version(backport.name),
                Some(v(major, minor)),
                "{}",
                backport.name
            );
            assert!(
                backport.releases.windows(2).all(|w| w[0] < w[1]),
                "{}",
                backport.name
            );
        }
    }

    #[test]
    fn misspellings_get_suggestions() {
        let v = PostfixVersion::new(3, 7);
        assert_eq!(
            suggest("smtpd_tls_securty_level", v),
            Some("smtpd_tls_security_level")
        );
        assert_eq!(suggest("smtpd_tls_cert", v), None);
        assert_eq!(suggest("zzzzzzzzzz", v), None);
        assert_eq!(
            closest("encrpyt", ["none", "may", "encrypt"]),
            Some("encrypt")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn per_service_names_are_known() {
        let v = PostfixVersion::new(3, 7);
        assert!(is_per_service(
            "relay_destination_concurrency_limit",
            &["relay"],
            v
        ));
        assert!(is_per_service(
            "dovecot_destination_recipient_limit",
            &["dovecot"],
            v
        ));
        assert!(is_per_service(
            "policyd-spf_time_limit",
            &["policyd-spf"],
            v
        ));
        assert!(!is_per_service("relay_foo", &["relay"], v));
        assert!(!is_per_service(
            "relay_destination_concurrency_limit",
            &["smtp"],
            v
        ));
    }

    #[test]
    fn vocabularies_are_assigned() {
        assert_eq!(value_kind("smtpd_use_tls"), Some(ValueKind::Boolean));
        assert_eq!(value_kind("smtpd_tls_auth_only"), Some(ValueKind::Boolean));
        assert_eq!(value_kind("requiretls_enable"), Some(ValueKind::Boolean));
        assert_eq!(
            value_kind("smtp_tls_security_level"),
            Some(ValueKind::ClientLevel)
        );
        assert_eq!(
            value_kind("smtpd_tls_mandatory_ciphers"),
            Some(ValueKind::CipherGrade)
        );
        assert_eq!(value_kind("smtp_tls_protocols"), Some(ValueKind::Protocols));
        assert_eq!(value_kind("smtpd_tls_loglevel"), Some(ValueKind::Integer));
        assert_eq!(value_kind("myhostname"), None);
        assert_eq!(untranslate("Kann"), Some("may"));
        assert_eq!(untranslate("URSPRUNG"), Some("ORIGINATING"));
        assert_eq!(untranslate("Übermittlung"), Some("submission"));
        assert_eq!(untranslate("may"), None);
    }
}
