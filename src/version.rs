//! Postfix and OpenSSL versions, distribution presets, and the version gates as named facts.
//!
//! Every behaviour that depends on the Postfix version is a method on [`PostfixVersion`] with
//! the release it came in and a source, so that templates and rules never compare numbers.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A Postfix release series (`major.minor`), for example 3.7.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PostfixVersion {
    /// Major number (2 or 3).
    pub major: u8,
    /// Minor number.
    pub minor: u8,
}

impl PostfixVersion {
    /// Builds a version from its two numbers.
    pub const fn new(major: u8, minor: u8) -> Self {
        PostfixVersion { major, minor }
    }

    /// Every release series the tool knows, oldest first (2.2 up to 3.11).
    pub const ALL: &'static [PostfixVersion] = &[
        PostfixVersion::new(2, 2),
        PostfixVersion::new(2, 3),
        PostfixVersion::new(2, 4),
        PostfixVersion::new(2, 5),
        PostfixVersion::new(2, 6),
        PostfixVersion::new(2, 7),
        PostfixVersion::new(2, 8),
        PostfixVersion::new(2, 9),
        PostfixVersion::new(2, 10),
        PostfixVersion::new(2, 11),
        PostfixVersion::new(3, 0),
        PostfixVersion::new(3, 1),
        PostfixVersion::new(3, 2),
        PostfixVersion::new(3, 3),
        PostfixVersion::new(3, 4),
        PostfixVersion::new(3, 5),
        PostfixVersion::new(3, 6),
        PostfixVersion::new(3, 7),
        PostfixVersion::new(3, 8),
        PostfixVersion::new(3, 9),
        PostfixVersion::new(3, 10),
        PostfixVersion::new(3, 11),
    ];

    /// The newest stable series the tool knows; the default for new configurations.
    pub const LATEST: PostfixVersion = PostfixVersion::new(3, 11);

    /// Parses `"3.7"`, `"3.7.11"` (the patch level is ignored) or `"2.11"`. Only known series
    /// are accepted.
    pub fn parse(text: &str) -> Result<Self, VersionError> {
        let text = text.trim();
        let mut parts = text.split('.');
        let major = parts.next().and_then(|p| p.parse::<u8>().ok());
        let minor = parts.next().and_then(|p| p.parse::<u8>().ok());
        let patch_ok = parts.next().is_none_or(|p| p.parse::<u16>().is_ok());
        match (major, minor) {
            (Some(major), Some(minor)) if patch_ok && parts.next().is_none() => {
                let v = PostfixVersion::new(major, minor);
                if PostfixVersion::ALL.contains(&v) {
                    Ok(v)
                } else {
                    Err(VersionError::Unknown(text.to_string()))
                }
            }
            _ => Err(VersionError::Malformed(text.to_string())),
        }
    }

    const fn at_least(self, major: u8, minor: u8) -> bool {
        self.major > major || (self.major == major && self.minor >= minor)
    }

    /// `smtpd_tls_security_level` / `smtp_tls_security_level` exist (2.3); before, only
    /// `smtpd_use_tls` and `smtpd_enforce_tls`. Source: postconf(5).
    pub const fn supports_security_level(self) -> bool {
        self.at_least(2, 3)
    }

    /// `smtpd_sasl_type`/`smtpd_sasl_path`, hence Dovecot SASL (2.3). Source: postconf(5).
    pub const fn supports_sasl_type(self) -> bool {
        self.at_least(2, 3)
    }

    /// The opportunistic `*_tls_protocols` and `*_tls_ciphers` parameters (2.6).
    /// Source: postconf(5) `smtpd_tls_protocols`, `smtpd_tls_ciphers`.
    pub const fn supports_opportunistic_protocols(self) -> bool {
        self.at_least(2, 6)
    }

    /// `smtpd_relay_restrictions` (2.10). Source: postconf(5).
    pub const fn supports_relay_restrictions(self) -> bool {
        self.at_least(2, 10)
    }

    /// The `dane`/`dane-only` client levels and `smtp_dns_support_level` (2.11).
    /// Source: postconf(5) `smtp_tls_security_level`, `smtp_dns_support_level`.
    pub const fn supports_dane(self) -> bool {
        self.at_least(2, 11)
    }

    /// `compatibility_level` and client-side `smtp_tls_wrappermode` (3.0).
    /// Source: postconf(5) `smtp_tls_wrappermode`, COMPATIBILITY_README.
    pub const fn supports_smtp_wrappermode(self) -> bool {
        self.at_least(3, 0)
    }

    /// `compatibility_level` exists (3.0). Source: COMPATIBILITY_README.
    pub const fn supports_compatibility_level(self) -> bool {
        self.at_least(3, 0)
    }

    /// The opportunistic cipher grade defaults to `medium` and the built-in DH prime is
    /// 2048-bit (3.1; earlier series only after the mid-2015 patch releases).
    /// Source: postconf(5) `smtpd_tls_ciphers`, `smtpd_tls_dh1024_param_file`; weakdh.org.
    pub const fn has_logjam_safe_defaults(self) -> bool {
        self.at_least(3, 1)
    }

    /// `SSLv3` is excluded by default from every protocol list (3.1).
    /// Source: postconf(5) `smtpd_tls_protocols`.
    pub const fn excludes_sslv3_by_default(self) -> bool {
        self.at_least(3, 1)
    }

    /// `tls_eecdh_auto_curves` exists (3.2). Source: postconf(5).
    pub const fn supports_eecdh_auto_curves(self) -> bool {
        self.at_least(3, 2)
    }

    /// `smtpd_tls_chain_files` (key and certificate chain in one file) exists (3.4).
    /// Source: postconf(5) `smtpd_tls_chain_files`.
    pub const fn supports_chain_files(self) -> bool {
        self.at_least(3, 4)
    }

    /// The protocol name `TLSv1.3` (and `!TLSv1.3`) is understood (3.4; also 3.0.14, 3.1.10,
    /// 3.2.7, 3.3.2). Source: postconf(5) `smtpd_tls_protocols`.
    pub const fn supports_tlsv13_name(self) -> bool {
        self.at_least(3, 4)
    }

    /// `tls_ssl_options` takes `NO_RENEGOTIATION` (3.4; the parameter itself is 2.11).
    /// Source: postconf(5) `tls_ssl_options`.
    pub const fn supports_no_renegotiation(self) -> bool {
        self.at_least(3, 4)
    }

    /// `tlsproxy` in master.cf must have a process limit of 0 (3.4). Source: RELEASE_NOTES-3.4.
    pub const fn tlsproxy_needs_zero_limit(self) -> bool {
        self.at_least(3, 4)
    }

    /// Protocol ranges `>=TLSv1.2` / `<=TLSv1.3` (3.6); before, only `!` exclusions.
    /// Source: postconf(5) `smtpd_tls_protocols`.
    pub const fn supports_protocol_range_syntax(self) -> bool {
        self.at_least(3, 6)
    }

    /// Certificate fingerprints default to SHA-256 when `compatibility_level` is 3.6 or more
    /// (3.6); before, and below that level, to MD5. Source: postconf(5)
    /// `smtp_tls_fingerprint_digest`, COMPATIBILITY_README.
    pub const fn sha256_fingerprints_by_compatibility(self) -> bool {
        self.at_least(3, 6)
    }

    /// `known_tcp_ports` maps `submissions` to 465 without services(5) (3.6).
    /// Source: RELEASE_NOTES-3.6.
    pub const fn knows_submissions_port(self) -> bool {
        self.at_least(3, 6)
    }

    /// `smtpd_tls_dh512_param_file` and `smtpd_tls_eecdh_grade` are ignored (3.6).
    /// Source: postconf(5).
    pub const fn ignores_legacy_dh_and_eecdh(self) -> bool {
        self.at_least(3, 6)
    }

    /// The stock master.cf names the port-465 service `submissions` instead of `smtps` (3.7).
    /// Source: `conf/master.cf` at v3.7.0.
    pub const fn stock_names_submissions(self) -> bool {
        self.at_least(3, 7)
    }

    /// With OpenSSL 3.0 or later, an empty or `auto` `smtpd_tls_dh1024_param_file` lets
    /// OpenSSL choose DH parameters (3.7). Source: postconf(5) `smtpd_tls_dh1024_param_file`.
    pub fn has_auto_dh(self, openssl: OpensslVersion) -> bool {
        self.at_least(3, 7) && openssl >= OpensslVersion::V3_0
    }

    /// The stock master.cf submission services restrict with
    /// `smtpd_recipient_restrictions=permit_sasl_authenticated,reject` (3.7).
    /// Source: `conf/master.cf` at v3.7.0.
    pub const fn stock_submission_uses_recipient_restrictions(self) -> bool {
        self.at_least(3, 7)
    }

    /// `tls_ffdhe_auto_groups` exists, the `low`/`export` grades are treated as `medium` and
    /// weak ciphers are excluded from the built-in lists (3.8). Source: postconf(5),
    /// RELEASE_NOTES-3.8.
    pub const fn supports_ffdhe_auto_groups(self) -> bool {
        self.at_least(3, 8)
    }

    /// `low`/`export` cipher grades are treated as `medium` (3.8). Source: postconf(5).
    pub const fn weak_grades_are_medium(self) -> bool {
        self.at_least(3, 8)
    }

    /// `postconf` warns that `*_use_tls`, `*_enforce_tls`, `*_tls_per_site`,
    /// `disable_dns_lookups`, `smtpd_tls_eecdh_grade` and `smtpd_tls_dh1024_param_file`
    /// "will be removed" (3.9). Source: DEPRECATION_README, RELEASE_NOTES-3.9.
    pub const fn warns_deprecated_tls_switches(self) -> bool {
        self.at_least(3, 9)
    }

    /// `smtpd_forbid_bare_newline` takes `normalize` and `reject` besides `yes`/`no`: from
    /// 3.5.24, 3.6.14, 3.7.10, 3.8.5 and 3.9 (the `bare_lf_mask_table` of smtpd.c at those
    /// tags; 3.5.23 and 3.7.9 had only the boolean). The series does not tell the patch
    /// release, so every series with the backport is given it (Postfix 3.5.25 and 3.7.11
    /// take `normalize`).
    pub const fn supports_bare_newline_normalize(self) -> bool {
        self.at_least(3, 5)
    }

    /// `smtpd_hide_client_session` exists (3.10). Source: RELEASE_NOTES-3.10.
    pub const fn supports_hide_client_session(self) -> bool {
        self.at_least(3, 10)
    }

    /// `smtp_tls_security_level` defaults to `may` when `compatibility_level >= 3.11` (3.11).
    /// Source: RELEASE_NOTES-3.11, postconf(5).
    pub const fn outbound_may_by_default(self) -> bool {
        self.at_least(3, 11)
    }

    /// `postconf` warns about `smtp_tls_enforce_peername` (3.11). Source: DEPRECATION_README.
    pub const fn warns_enforce_peername(self) -> bool {
        self.at_least(3, 11)
    }

    /// `smtpd_tls_eccert_file` / `smtpd_tls_eckey_file` (a second, ECDSA certificate) exist
    /// (2.6). Source: postconf(5) `smtpd_tls_eccert_file`.
    pub const fn supports_eccert(self) -> bool {
        self.at_least(2, 6)
    }

    /// New lookup tables should be `cdb:` rather than Berkeley DB `hash:` (3.11): Postfix
    /// 3.11 brings the migration away from Berkeley DB (NON_BERKELEYDB_README), and Debian's
    /// 3.11 sets `default_database_type = cdb` and has `postmap` warn "hash/btree support is
    /// deprecated. Please switch to cdb or lmdb." (checked with Debian sid's 3.11.7).
    pub const fn prefers_cdb(self) -> bool {
        self.at_least(3, 11)
    }

    /// `milter_macro_daemon_name` (milter support) exists (2.3). Source: postconf(5),
    /// MILTER_README.
    pub const fn supports_milters(self) -> bool {
        self.at_least(2, 3)
    }

    /// The protocol names `TLSv1.1` and `TLSv1.2` are understood in protocol lists. OpenSSL
    /// 1.0.1 (March 2012) brought these protocols; Postfix learned the names in patch
    /// releases of that time, so 2.10 (2013) is the first series that has them from its
    /// first release (not verified here against each 2.6-2.9 patch level).
    pub const fn knows_tls12_protocol_names(self) -> bool {
        self.at_least(2, 10)
    }

    /// `postconf -M name/type=...` and `postconf -P name/type/parameter=value` edit
    /// master.cf (2.11). Source: postconf(1) `-e`, `-P`.
    pub const fn supports_postconf_master_edit(self) -> bool {
        self.at_least(2, 11)
    }

    /// The stock master.cf submission services add
    /// `-o local_header_rewrite_clients=static:all` (3.8). Source: reference "Stock master.cf
    /// evolution" (`conf/master.cf` at v3.8.0).
    pub const fn stock_submission_rewrites_headers(self) -> bool {
        self.at_least(3, 8)
    }

    /// The stock master.cf submission services add `-o smtpd_forbid_unauth_pipelining=no`
    /// and `-o smtpd_hide_client_session=yes` (3.10). Source: reference "Stock master.cf
    /// evolution" (`conf/master.cf` at v3.10.0).
    pub const fn stock_submission_hides_client_session(self) -> bool {
        self.at_least(3, 10)
    }

    /// The `posttls-finger` test client is installed with Postfix (2.11).
    /// Source: posttls-finger(1).
    pub const fn has_posttls_finger(self) -> bool {
        self.at_least(2, 11)
    }

    /// The default of `smtpd_tls_protocols`, `smtpd_tls_mandatory_protocols` and their
    /// `smtp_` twins for this series. Source: postconf(5).
    pub const fn default_protocols(self, mandatory: bool) -> &'static str {
        if self.at_least(3, 6) {
            ">=TLSv1"
        } else if self.at_least(3, 1) {
            "!SSLv2, !SSLv3"
        } else if mandatory {
            "!SSLv2"
        } else {
            ""
        }
    }

    /// The day upstream stopped patching this series, or `None` while it is supported.
    /// Upstream supports the current stable series and the three before it (postfix.org
    /// source page, "Past stable releases (still supported)"), so a series ends the day the
    /// fourth one after it comes out. Dates from endoflife.date/postfix, read 2026-12; the
    /// series before 2.5 ended earlier than the oldest date listed there.
    pub const fn upstream_support_ended(self) -> Option<&'static str> {
        match (self.major, self.minor) {
            (3, 8..) => None,
            (3, 7) => Some("2026-03-06"),
            (3, 6) => Some("2025-02-16"),
            (3, 5) => Some("2024-03-06"),
            (3, 4) => Some("2023-04-17"),
            (3, 3) => Some("2022-02-05"),
            (3, 2) => Some("2021-04-29"),
            (3, 1) => Some("2020-03-15"),
            (3, 0) => Some("2019-02-27"),
            (2, 11) => Some("2018-02-21"),
            (2, 10) => Some("2017-02-28"),
            (2, 9) => Some("2016-02-24"),
            (2, 8) => Some("2015-02-08"),
            (2, 7) => Some("2014-01-15"),
            (2, 6) => Some("2013-02-11"),
            (2, 5) => Some("2012-02-06"),
            _ => Some("before 2012-02-06"),
        }
    }

    /// The distributions that still ship security fixes for this series after upstream
    /// ended it, or `None`: Debian 12 (3.7, LTS until 2028-06), Ubuntu 22.04 LTS (3.6, until
    /// 2027-04), RHEL 8 and 9 (3.5, until 2029 and 2032). Source: the distributions'
    /// release lifecycles; the package versions as in [`Preset::versions`].
    pub const fn patched_by(self) -> Option<&'static str> {
        match (self.major, self.minor) {
            (3, 7) => Some("Debian 12"),
            (3, 6) => Some("Ubuntu 22.04 LTS"),
            (3, 5) => Some("RHEL 8 and 9"),
            _ => None,
        }
    }

    /// The newest OpenSSL that a distribution release shipped with this series (Debian 10
    /// Postfix 3.4 with 1.1.1, RHEL 9 3.5 with 3.0, RHEL 10 3.8 with 3.5; series before 3.1
    /// predate OpenSSL 1.1 and were built with 1.0.x). A newer OpenSSL is an unlikely pair:
    /// usually a version picked by mistake. From 3.8 on every OpenSSL the tool knows is taken
    /// as shipped: Debian sid pairs 3.11 with OpenSSL 3.6 (measured in its root), and rolling
    /// distributions build the current series against the newest OpenSSL, 4.0 included, so a
    /// warning there would be a false alarm.
    pub const fn newest_shipped_openssl(self) -> OpensslVersion {
        if self.at_least(3, 8) {
            OpensslVersion::V4_0
        } else if self.at_least(3, 5) {
            OpensslVersion::V3_0
        } else if self.at_least(3, 1) {
            OpensslVersion::V1_1_1
        } else {
            OpensslVersion::V1_0_2
        }
    }

    // --- Facts the lint rules need ----------------------------------------------------

    /// Berkeley DB tables (`hash:`, `btree:`) are on their way out: `default_cache_db_type`
    /// names the build's cache type instead (lmdb without Berkeley DB), and Debian's 3.11
    /// logs "hash/btree support is deprecated. Please switch to cdb or lmdb" whenever a
    /// daemon opens one (tlsmgr's `btree:` session cache of Debian's own stock main.cf, the
    /// SMTP client's `hash:` password map; measured with 3.11.7 in the sid root) (3.11).
    /// Source: NON_BERKELEYDB_README and postconf(5) `default_cache_db_type` of 3.11,
    /// Debian NEWS for 3.11.0-3.
    pub const fn deprecates_berkeley_db(self) -> bool {
        self.at_least(3, 11)
    }

    /// smtpd resumes TLS sessions with stateless session tickets, so a server-side session
    /// cache is unnecessary (2.11). Source: postconf(5) `smtpd_tls_session_cache_database`.
    pub const fn uses_session_tickets(self) -> bool {
        self.at_least(2, 11)
    }
}

impl fmt::Display for PostfixVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl Default for PostfixVersion {
    fn default() -> Self {
        PostfixVersion::LATEST
    }
}

impl Serialize for PostfixVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PostfixVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PostfixVersion::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Why a version string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionError {
    /// Not of the form `X.Y` or `X.Y.Z`.
    Malformed(String),
    /// Well formed, but not a series this tool knows.
    Unknown(String),
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionError::Malformed(t) => {
                write!(
                    f,
                    "`{t}` is not a version: expected `X.Y`, for example `3.7`"
                )
            }
            VersionError::Unknown(t) => write!(
                f,
                "Postfix `{t}` is not a known release series: expected one of 2.2 to {}",
                PostfixVersion::LATEST
            ),
        }
    }
}

impl std::error::Error for VersionError {}

/// The OpenSSL release Postfix is linked with.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum OpensslVersion {
    /// OpenSSL 1.0.2 (TLS 1.2 at most).
    #[serde(rename = "1.0.2")]
    V1_0_2,
    /// OpenSSL 1.1.1 (TLS 1.3).
    #[serde(rename = "1.1.1")]
    V1_1_1,
    /// OpenSSL 3.0 (automatic DH parameters).
    #[serde(rename = "3.0")]
    V3_0,
    /// OpenSSL 3.5 (hybrid post-quantum key exchange `X25519MLKEM768`).
    #[serde(rename = "3.5")]
    #[default]
    V3_5,
    /// OpenSSL 3.6 (what Debian pairs with Postfix 3.11; for Postfix the same as 3.5).
    #[serde(rename = "3.6")]
    V3_6,
    /// OpenSSL 4.0 (no SSLv3 and no SSLv2-compatible ClientHello at all, by its release
    /// notes; no Postfix built with it was run here).
    #[serde(rename = "4.0")]
    V4_0,
}

impl OpensslVersion {
    /// Every OpenSSL version the tool knows, oldest first.
    pub const ALL: &'static [OpensslVersion] = &[
        OpensslVersion::V1_0_2,
        OpensslVersion::V1_1_1,
        OpensslVersion::V3_0,
        OpensslVersion::V3_5,
        OpensslVersion::V3_6,
        OpensslVersion::V4_0,
    ];

    /// The version as users write it, for example `3.0`.
    pub const fn as_str(self) -> &'static str {
        match self {
            OpensslVersion::V1_0_2 => "1.0.2",
            OpensslVersion::V1_1_1 => "1.1.1",
            OpensslVersion::V3_0 => "3.0",
            OpensslVersion::V3_5 => "3.5",
            OpensslVersion::V3_6 => "3.6",
            OpensslVersion::V4_0 => "4.0",
        }
    }

    /// TLS 1.3 is available (OpenSSL 1.1.1).
    pub const fn supports_tls13(self) -> bool {
        !matches!(self, OpensslVersion::V1_0_2)
    }

    /// Parses `1.0.2`, `1.1.1`, `3.0`, `3.5`, `3.6` or `4.0`.
    pub fn parse(text: &str) -> Option<Self> {
        OpensslVersion::ALL
            .iter()
            .copied()
            .find(|v| v.as_str() == text.trim())
    }

    /// The newest OpenSSL version that this Postfix series can be built with and that a
    /// distribution shipping it would plausibly use; also the lowest it requires.
    /// Postfix 3.4 dropped OpenSSL < 1.0.2 and 3.6 requires 1.1.1 (RELEASE_NOTES-3.6).
    pub fn minimum_for(postfix: PostfixVersion) -> OpensslVersion {
        if postfix >= PostfixVersion::new(3, 6) {
            OpensslVersion::V1_1_1
        } else {
            OpensslVersion::V1_0_2
        }
    }
}

impl fmt::Display for OpensslVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A distribution release whose packaged Postfix and OpenSSL versions set both at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Debian 11 "bullseye".
    Debian11,
    /// Debian 12 "bookworm".
    Debian12,
    /// Debian 13 "trixie".
    Debian13,
    /// Ubuntu 22.04 LTS.
    Ubuntu2204,
    /// Ubuntu 24.04 LTS.
    Ubuntu2404,
    /// Red Hat Enterprise Linux 8 and rebuilds.
    Rhel8,
    /// Red Hat Enterprise Linux 9 and rebuilds.
    Rhel9,
    /// Red Hat Enterprise Linux 10 and rebuilds.
    Rhel10,
}

impl Preset {
    /// Every preset, in the order shown to users.
    pub const ALL: &'static [Preset] = &[
        Preset::Debian11,
        Preset::Debian12,
        Preset::Debian13,
        Preset::Ubuntu2204,
        Preset::Ubuntu2404,
        Preset::Rhel8,
        Preset::Rhel9,
        Preset::Rhel10,
    ];

    /// The distribution's name, for example `Debian 12 (bookworm)`.
    pub const fn name(self) -> &'static str {
        match self {
            Preset::Debian11 => "Debian 11 (bullseye)",
            Preset::Debian12 => "Debian 12 (bookworm)",
            Preset::Debian13 => "Debian 13 (trixie)",
            Preset::Ubuntu2204 => "Ubuntu 22.04 LTS",
            Preset::Ubuntu2404 => "Ubuntu 24.04 LTS",
            Preset::Rhel8 => "RHEL 8",
            Preset::Rhel9 => "RHEL 9",
            Preset::Rhel10 => "RHEL 10",
        }
    }

    /// The Postfix series and OpenSSL version the distribution ships.
    pub const fn versions(self) -> (PostfixVersion, OpensslVersion) {
        match self {
            // Debian 11 ships Postfix 3.5.25 with OpenSSL 1.1.1w (its root in the Postfix suite).
            Preset::Debian11 => (PostfixVersion::new(3, 5), OpensslVersion::V1_1_1),
            // Debian 12 ships Postfix 3.7.x with OpenSSL 3.0 (the test machine's own Postfix).
            Preset::Debian12 => (PostfixVersion::new(3, 7), OpensslVersion::V3_0),
            // Debian 13 ships Postfix 3.10.13 with OpenSSL 3.5 (its root in the Postfix suite).
            Preset::Debian13 => (PostfixVersion::new(3, 10), OpensslVersion::V3_5),
            // Ubuntu 22.04 ships Postfix 3.6.x with OpenSSL 3.0 (not verified here).
            Preset::Ubuntu2204 => (PostfixVersion::new(3, 6), OpensslVersion::V3_0),
            // Ubuntu 24.04 ships Postfix 3.8.x with OpenSSL 3.0 (not verified here).
            Preset::Ubuntu2404 => (PostfixVersion::new(3, 8), OpensslVersion::V3_0),
            // RHEL 8 ships Postfix 3.5.x with OpenSSL 1.1.1 (not verified here).
            Preset::Rhel8 => (PostfixVersion::new(3, 5), OpensslVersion::V1_1_1),
            // RHEL 9 ships Postfix 3.5.x with OpenSSL 3.0 (reference section 1.10).
            Preset::Rhel9 => (PostfixVersion::new(3, 5), OpensslVersion::V3_0),
            // RHEL 10 ships Postfix 3.8.x with OpenSSL 3.5 (reference section 1.10; OpenSSL
            // not verified here).
            Preset::Rhel10 => (PostfixVersion::new(3, 8), OpensslVersion::V3_5),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_series_and_patch_levels() {
        assert_eq!(PostfixVersion::parse("3.7"), Ok(PostfixVersion::new(3, 7)));
        assert_eq!(
            PostfixVersion::parse(" 3.7.11 "),
            Ok(PostfixVersion::new(3, 7))
        );
        assert_eq!(
            PostfixVersion::parse("2.11"),
            Ok(PostfixVersion::new(2, 11))
        );
    }

    #[test]
    fn refuses_unknown_and_malformed_versions() {
        assert!(matches!(
            PostfixVersion::parse("3.99"),
            Err(VersionError::Unknown(_))
        ));
        for bad in ["", "3", "3.x", "3.7.1.2", "a.b", "-1.2", "3..7"] {
            assert!(
                matches!(PostfixVersion::parse(bad), Err(VersionError::Malformed(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn versions_are_sorted_and_unique() {
        assert!(PostfixVersion::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(*PostfixVersion::ALL.last().unwrap(), PostfixVersion::LATEST);
    }

    #[test]
    fn gates_switch_at_their_release() {
        let v = PostfixVersion::new;
        assert!(!v(3, 3).supports_chain_files() && v(3, 4).supports_chain_files());
        assert!(!v(3, 3).supports_no_renegotiation() && v(3, 4).supports_no_renegotiation());
        assert!(!v(3, 5).supports_protocol_range_syntax());
        assert!(v(3, 6).supports_protocol_range_syntax());
        assert!(!v(3, 6).stock_names_submissions() && v(3, 7).stock_names_submissions());
        assert!(!v(2, 2).supports_security_level() && v(2, 3).supports_security_level());
        assert!(v(3, 7).has_auto_dh(OpensslVersion::V3_0));
        assert!(!v(3, 7).has_auto_dh(OpensslVersion::V1_1_1));
        assert!(!v(3, 6).has_auto_dh(OpensslVersion::V3_5));
    }

    #[test]
    fn presets_respect_openssl_minimums() {
        for p in Preset::ALL {
            let (postfix, openssl) = p.versions();
            assert!(PostfixVersion::ALL.contains(&postfix), "{p:?}");
            assert!(openssl >= OpensslVersion::minimum_for(postfix), "{p:?}");
        }
    }

    #[test]
    fn serde_round_trip() {
        let v = PostfixVersion::new(3, 10);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, "\"3.10\"");
        assert_eq!(serde_json::from_str::<PostfixVersion>(&json).unwrap(), v);
        assert!(serde_json::from_str::<PostfixVersion>("\"9.9\"").is_err());
    }
}
