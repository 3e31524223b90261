//! Protocols, ciphers, key exchange, logging and obsolete switches:
//! `deprecated_tls_switch` (L09), `dh_param_file_deprecated` and `dh_param_file_unneeded` (L10),
//! `dh512_param_file_ignored` (L11), `eecdh_grade_ignored` (L12), `weak_cipher_grade` (L13),
//! `protocol_range_unsupported` (L14), `protocol_exclusions_not_contiguous` (L15),
//! `tlsv13_name_unsupported` (L16), `mandatory_only_while_opportunistic` (L23),
//! `cipherlist_overridden` (L33), `cipherlist_empty` (L34), `preempt_cipherlist` (L35),
//! `dh_parameters_too_small` (L36), `pq_key_share_first` (L37),
//! `server_session_cache_unneeded` (L39), `tls_debug_loglevel` (L38), `berkeley_db_table`.

use super::scope::{At, Lint};
use super::RuleId;
use crate::config::Param;
use crate::lang::Text;
use crate::params;
use crate::text;
use crate::version::PostfixVersion;

pub fn check(lint: &mut Lint) {
    deprecated_switches(lint);
    dh_files(lint);
    eecdh_grade(lint);
    weak_grades(lint);
    protocol_lists(lint);
    mandatory_only(lint);
    cipherlists(lint);
    loglevels(lint);
    key_shares(lint);
    session_cache(lint);
    berkeley_db_tables(lint);
}

/// Reports `id` for every setting (main.cf and `-o`) that `pick` selects, with the message
/// and help `describe` writes for it.
fn each_setting(
    lint: &mut Lint,
    id: RuleId,
    pick: impl Fn(&Param) -> bool,
    describe: impl Fn(&Param) -> Option<(Text, Text)>,
) {
    let found: Vec<(At, Text, Text)> = lint
        .all_params()
        .filter(|(p, _)| pick(p))
        .filter_map(|(p, at)| describe(p).map(|(m, h)| (at, m, h)))
        .collect();
    for (at, message, help) in found {
        lint.emit(id, Some(at), message, help);
    }
}

/// An obsolete switch, what replaces it, and when.
struct Deprecated {
    name: &'static str,
    replacement: &'static str,
    /// The release that brought the replacement, as shown to users.
    replaced_in: &'static str,
    /// The replacement exists in this series (so the switch is obsolete there).
    replaced: fn(PostfixVersion) -> bool,
    /// `postconf` warns that the switch will be removed.
    warned: fn(PostfixVersion) -> bool,
}

const fn level_switch(name: &'static str, replacement: &'static str) -> Deprecated {
    Deprecated {
        name,
        replacement,
        replaced_in: "2.3",
        replaced: PostfixVersion::supports_security_level,
        warned: PostfixVersion::warns_deprecated_tls_switches,
    }
}

/// Obsolete switches. Source: DEPRECATION_README, postconf(5).
const DEPRECATED: &[Deprecated] = &[
    level_switch("smtpd_use_tls", "smtpd_tls_security_level = may"),
    level_switch("smtpd_enforce_tls", "smtpd_tls_security_level = encrypt"),
    level_switch("smtp_use_tls", "smtp_tls_security_level = may"),
    level_switch("smtp_enforce_tls", "smtp_tls_security_level = encrypt"),
    level_switch("lmtp_use_tls", "lmtp_tls_security_level = may"),
    level_switch("lmtp_enforce_tls", "lmtp_tls_security_level = encrypt"),
    level_switch("postscreen_use_tls", "postscreen_tls_security_level = may"),
    level_switch(
        "postscreen_enforce_tls",
        "postscreen_tls_security_level = encrypt",
    ),
    level_switch("tlsproxy_use_tls", "tlsproxy_tls_security_level = may"),
    level_switch(
        "tlsproxy_enforce_tls",
        "tlsproxy_tls_security_level = encrypt",
    ),
    level_switch(
        "tlsproxy_client_use_tls",
        "tlsproxy_client_security_level = may",
    ),
    level_switch(
        "tlsproxy_client_enforce_tls",
        "tlsproxy_client_security_level = encrypt",
    ),
    level_switch("smtp_tls_per_site", "smtp_tls_policy_maps"),
    level_switch("lmtp_tls_per_site", "lmtp_tls_policy_maps"),
    level_switch("tlsproxy_client_per_site", "tlsproxy_client_policy_maps"),
    Deprecated {
        name: "smtp_tls_enforce_peername",
        replacement: "smtp_tls_security_level = verify (or may/encrypt)",
        replaced_in: "2.3",
        replaced: PostfixVersion::supports_security_level,
        warned: PostfixVersion::warns_enforce_peername,
    },
    Deprecated {
        name: "lmtp_tls_enforce_peername",
        replacement: "lmtp_tls_security_level = verify (or may/encrypt)",
        replaced_in: "2.3",
        replaced: PostfixVersion::supports_security_level,
        warned: PostfixVersion::warns_enforce_peername,
    },
    Deprecated {
        name: "disable_dns_lookups",
        replacement: "smtp_dns_support_level = disabled",
        replaced_in: "2.11",
        replaced: PostfixVersion::supports_dane,
        warned: PostfixVersion::warns_deprecated_tls_switches,
    },
];

fn deprecated_switches(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    each_setting(
        lint,
        RuleId::DeprecatedTlsSwitch,
        |p| {
            DEPRECATED
                .iter()
                .any(|d| d.name == p.name && (d.replaced)(version))
        },
        |p| {
            let d = DEPRECATED.iter().find(|d| d.name == p.name)?;
            let message = if (d.warned)(version) {
                text!(
                    "`{}` is obsolete and `postconf` warns it will be removed";
                    p.name
                )
            } else {
                text!(
                    "`{}` is obsolete since Postfix {}";
                    p.name, d.replaced_in
                )
            };
            Some((message, text!("use `{}` instead"; d.replacement)))
        },
    );
}

/// True for a value that sets a file (not empty, not `auto`).
fn names_a_file(value: &str) -> bool {
    let v = value.trim();
    !v.is_empty() && !v.eq_ignore_ascii_case("auto")
}

/// True when a DH file name says it holds 512- or 1024-bit parameters.
fn looks_small(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let digits: Vec<String> = file
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect();
    digits.iter().any(|d| d == "512" || d == "1024")
}

fn dh_files(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    let auto = version.has_auto_dh(lint.ctx.openssl);
    let warns = version.warns_deprecated_tls_switches();
    // From 3.9 `postconf` warns; before, with OpenSSL 3, the file is only unneeded.
    let id = if warns {
        Some(RuleId::DhParamFileDeprecated)
    } else if auto {
        Some(RuleId::DhParamFileUnneeded)
    } else {
        None
    };
    if let Some(id) = id {
        each_setting(
            lint,
            id,
            |p| p.name == "smtpd_tls_dh1024_param_file" && names_a_file(&p.value),
            |p| {
                Some((
                    text!(
                        "`smtpd_tls_dh1024_param_file = {}`: Postfix {} lets OpenSSL choose DH groups";
                        p.value, version
                    ),
                    text!("remove the line and leave the parameter at its default"),
                ))
            },
        );
    }
    each_setting(
        lint,
        RuleId::DhParametersTooSmall,
        |p| {
            p.name == "smtpd_tls_dh1024_param_file"
                && names_a_file(&p.value)
                && looks_small(&p.value)
        },
        |p| {
            Some((
text!(
                    "`{}` looks like DH parameters of 1024 bits or less (Logjam)";
                    p.value
                ),
                text!(
                    "generate 2048-bit parameters: `openssl dhparam -out /etc/postfix/dh2048.pem 2048`"
                ),
            ))
        },
    );
    let ignored = version.ignores_legacy_dh_and_eecdh();
    each_setting(
        lint,
        RuleId::Dh512ParamFileIgnored,
        |p| p.name == "smtpd_tls_dh512_param_file" && names_a_file(&p.value),
        |_| {
            let message = if ignored {
                text!("`smtpd_tls_dh512_param_file` is ignored since Postfix 3.6")
            } else {
                text!("`smtpd_tls_dh512_param_file` serves only export ciphers (FREAK/Logjam)")
            };
            Some((message, text!("remove the line")))
        },
    );
}

fn eecdh_grade(lint: &mut Lint) {
    if !lint.ctx.postfix.ignores_legacy_dh_and_eecdh() {
        return;
    }
    each_setting(
        lint,
        RuleId::EecdhGradeIgnored,
        |p| p.name == "smtpd_tls_eecdh_grade",
        |_| {
            Some((
                text!("`smtpd_tls_eecdh_grade` is ignored since Postfix 3.6"),
                text!("remove the line; curves come from `tls_eecdh_auto_curves`"),
            ))
        },
    );
}

fn weak_grades(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    let medium_anyway = version.weak_grades_are_medium();
    each_setting(
        lint,
        RuleId::WeakCipherGrade,
        |p| {
            // The value first: it rules out nearly every setting without a catalogue lookup.
            ["export", "low"]
                .iter()
                .any(|g| p.value.trim().eq_ignore_ascii_case(g))
                && params::value_kind(&p.name) == Some(params::ValueKind::CipherGrade)
        },
        |p| {
            let message = if medium_anyway {
                text!(
                    "`{} = {}` asks for weak ciphers (Postfix {} uses `medium` instead)";
                    p.name, p.value.trim(), version
                )
            } else {
                text!(
                    "`{} = {}` enables weak export ciphers (FREAK/Logjam)";
                    p.name, p.value.trim()
                )
            };
            Some((message, text!("use `{} = medium`"; p.name)))
        },
    );
    // Before 3.1 the opportunistic grade defaulted to `export`.
    if lint.main.is_none()
        || version.has_logjam_safe_defaults()
        || !version.supports_opportunistic_protocols()
    {
        return;
    }
    let grade = lint.main_value("smtpd_tls_ciphers");
    let export_excluded = lint
        .main_value("smtpd_tls_exclude_ciphers")
        .is_some_and(|e| params::list_items(e.value).any(|c| c.eq_ignore_ascii_case("EXPORT")));
    if grade.is_some_and(|g| g.is_explicit()) || export_excluded {
        return;
    }
    if let Some(enabled) = lint.tls_enabled(None) {
        lint.emit(
            RuleId::WeakCipherGrade,
            enabled.at,
            // postconf(5): "medium" for releases after the middle of 2015 (2.10.8, 2.11.6,
            // ...: HISTORY 20150718), "export" before; the series alone does not tell which.
            text!(
                "the default cipher grade of Postfix {} releases before mid-2015 offers export ciphers (`smtpd_tls_ciphers = export`)";
                version
            ),
            text!(
                "set `smtpd_tls_ciphers = medium` and `smtp_tls_ciphers = medium`"
            ),
        );
    }
}

/// Which of [`params::PROTOCOLS`] a protocol list leaves enabled, in that order.
pub fn enabled_protocols(value: &str) -> Vec<bool> {
    let index = |name: &str| -> Option<usize> {
        params::PROTOCOLS
            .iter()
            .position(|p| p.eq_ignore_ascii_case(name))
    };
    // A bound may also be a number (`>=0x0303`); an unknown one (`<=0305`) sets nothing.
    let bound = |bound: &str| -> Option<usize> {
        index(bound).or_else(|| {
            let number = params::protocol_number(bound)?;
            params::PROTOCOL_NUMBERS.iter().position(|n| *n == number)
        })
    };
    let items: Vec<&str> = params::list_items(value).collect();
    // Plain names (the pre-2.6 inclusion syntax) enable only themselves.
    let inclusive = items
        .iter()
        .any(|i| !i.starts_with(['!', '>', '<']) && index(i).is_some());
    let mut enabled = vec![!inclusive; params::PROTOCOLS.len()];
    for item in items {
        if let Some(name) = item.strip_prefix(">=") {
            if let Some(i) = bound(name) {
                enabled.iter_mut().take(i).for_each(|e| *e = false);
            }
        } else if let Some(name) = item.strip_prefix("<=") {
            if let Some(i) = bound(name) {
                enabled.iter_mut().skip(i + 1).for_each(|e| *e = false);
            }
        } else if let Some(name) = item.strip_prefix('!') {
            if let Some(i) = index(name) {
                enabled[i] = false;
            }
        } else if let Some(i) = index(item) {
            enabled[i] = true;
        }
    }
    enabled
}

/// The first disabled protocol between two enabled ones (SSLv2 is left out: no OpenSSL
/// that Postfix supports still has it).
fn gap(enabled: &[bool]) -> Option<usize> {
    let first = enabled.iter().skip(1).position(|e| *e)? + 1;
    let last = enabled.iter().rposition(|e| *e)?;
    (first..last).find(|i| !enabled[*i])
}

fn protocol_lists(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    let is_protocols =
        |p: &Param| params::value_kind(&p.name) == Some(params::ValueKind::Protocols);
    if !version.supports_protocol_range_syntax() {
        each_setting(
            lint,
            RuleId::ProtocolRangeUnsupported,
            |p| is_protocols(p) && (p.value.contains(">=") || p.value.contains("<=")),
            |p| {
                Some((
                    text!(
                        "`{} = {}`: Postfix {} does not understand `>=`/`<=`";
                        p.name, p.value, version
                    ),
                    text!(
                        "list exclusions instead, for example `{} = !SSLv2, !SSLv3, !TLSv1, !TLSv1.1`";
                        p.name
                    ),
                ))
            },
        );
    }
    if !version.supports_tlsv13_name() {
        each_setting(
            lint,
            RuleId::Tlsv13NameUnsupported,
            |p| is_protocols(p) && p.value.to_ascii_lowercase().contains("tlsv1.3"),
            |p| {
                Some((
                    text!(
                        "`{}`: Postfix {} does not know `TLSv1.3`";
                        p.name, version
                    ),
                    text!("remove `TLSv1.3` from the list"),
                ))
            },
        );
    }
    each_setting(
        lint,
        RuleId::ProtocolExclusionsNotContiguous,
        |p| is_protocols(p) && gap(&enabled_protocols(&p.value)).is_some(),
        |p| {
            let enabled = enabled_protocols(&p.value);
            let hole = params::PROTOCOLS[gap(&enabled)?];
            let below: Vec<String> = params::PROTOCOLS
                .iter()
                .take_while(|name| **name != hole)
                .map(|name| format!("!{name}"))
                .chain(std::iter::once(format!("!{hole}")))
                .collect();
            Some((
                text!(
                    "`{} = {}` disables `{}` but keeps an older version: everything above it is disabled too";
                    p.name, p.value, hole
                ),
                text!(
                    "exclude the older versions too: `{} = {}`";
                    p.name, below.join(", ")
                ),
            ))
        },
    );
}

fn mandatory_only(lint: &mut Lint) {
    if lint.main.is_none() {
        return;
    }
    // Server side: mandatory settings matter on any service that requires TLS.
    let server_requires = lint.master.is_none()
        || lint.smtpd_scopes().iter().any(|s| {
            lint.requires_tls(s.service).is_some()
                || lint.is_yes("smtpd_tls_wrappermode", s.service)
        });
    let server_may = lint
        .main_value("smtpd_tls_security_level")
        .is_some_and(|l| l.is("may"));
    let client_may = lint
        .main_value("smtp_tls_security_level")
        .is_some_and(|l| l.is("may"))
        && !lint.is_set("smtp_tls_policy_maps", None)
        && !lint.services().any(|s| {
            s.get("smtp_tls_security_level").is_some() || s.get("smtp_tls_wrappermode").is_some()
        });
    let pairs = [
        (
            "smtpd_tls_mandatory_protocols",
            "smtpd_tls_protocols",
            server_may && !server_requires,
        ),
        (
            "smtpd_tls_mandatory_ciphers",
            "smtpd_tls_ciphers",
            server_may && !server_requires,
        ),
        (
            "smtp_tls_mandatory_protocols",
            "smtp_tls_protocols",
            client_may,
        ),
        ("smtp_tls_mandatory_ciphers", "smtp_tls_ciphers", client_may),
    ];
    for (mandatory, opportunistic, applies) in pairs {
        if !applies {
            continue;
        }
        let Some(set) = lint.main_value(mandatory).filter(|s| s.is_explicit()) else {
            continue;
        };
        if lint
            .main_value(opportunistic)
            .is_some_and(|s| s.is_explicit())
        {
            continue;
        }
        lint.emit(
            RuleId::MandatoryOnlyWhileOpportunistic,
            set.at,
            text!(
                "`{}` has no effect while TLS is optional (`may`)";
                mandatory
            ),
            text!(
                "set `{}` if you meant opportunistic TLS sessions";
                opportunistic
            ),
        );
    }
}

/// The built-in cipher lists behind the grades.
const CIPHERLISTS: &[&str] = &[
    "tls_high_cipherlist",
    "tls_medium_cipherlist",
    "tls_low_cipherlist",
    "tls_export_cipherlist",
    "tls_null_cipherlist",
];

fn cipherlists(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    // From 3.8 the low and export grades are medium, and their lists are empty by default
    // (`postconf -d` of 3.10.13): writing them empty is the default, not a broken list. Where
    // the catalogue holds the measured default, it decides.
    let weak_grades_are_medium = lint.ctx.postfix.weak_grades_are_medium();
    each_setting(
        lint,
        RuleId::CipherlistEmpty,
        |p| {
            CIPHERLISTS.contains(&p.name.as_str())
                && p.value.trim().is_empty()
                && !(weak_grades_are_medium
                    && matches!(
                        p.name.as_str(),
                        "tls_low_cipherlist" | "tls_export_cipherlist"
                    ))
        },
        |p| {
            if params::nearest_default(&p.name, version).is_some_and(str::is_empty) {
                return None;
            }
            Some((
                text!("`{}` is empty"; p.name),
                text!("remove the line to get the built-in list back"),
            ))
        },
    );
    each_setting(
        lint,
        RuleId::CipherlistOverridden,
        |p| CIPHERLISTS.contains(&p.name.as_str()) && !p.value.trim().is_empty(),
        |p| {
            Some((
text!(
                    "`{}` replaces a built-in cipher list for every service using that grade";
                    p.name
                ),
                text!(
                    "remove it and use a cipher grade with `*_tls_exclude_ciphers`, or `-o` overrides per service"
                ),
            ))
        },
    );
    each_setting(
        lint,
        RuleId::PreemptCipherlist,
        |p| p.name == "tls_preempt_cipherlist" && p.value.trim().eq_ignore_ascii_case("yes"),
        |_| {
            Some((
                text!("`tls_preempt_cipherlist = yes` enforces the server's cipher order"),
                text!("keep it only if a scanner demands it; some clients then fail to connect"),
            ))
        },
    );
}

fn loglevels(lint: &mut Lint) {
    each_setting(
        lint,
        RuleId::TlsDebugLoglevel,
        |p| {
            p.name.ends_with("_tls_loglevel")
                && p.value.trim().parse::<u32>().is_ok_and(|level| level >= 2)
        },
        |p| {
            Some((
                text!(
                    "`{} = {}` is debug logging";
                    p.name, p.value.trim()
                ),
                text!("use `{} = 1`"; p.name),
            ))
        },
    );
}

fn key_shares(lint: &mut Lint) {
    each_setting(
        lint,
        RuleId::PqKeyShareFirst,
        |p| {
            p.name == "tls_eecdh_auto_curves"
                && params::list_items(&p.value)
                    .next()
                    .is_some_and(|first| first.eq_ignore_ascii_case("X25519MLKEM768"))
        },
        |_| {
            Some((
text!(
                    "`X25519MLKEM768` first in `tls_eecdh_auto_curves` sends a large hybrid key share in every ClientHello"
                ),
                text!(
                    "leave `tls_eecdh_auto_curves` at its default, or put a classic group such as `X25519` first"
                ),
            ))
        },
    );
}

fn session_cache(lint: &mut Lint) {
    if !lint.ctx.postfix.uses_session_tickets() {
        return;
    }
    each_setting(
        lint,
        RuleId::ServerSessionCacheUnneeded,
        |p| p.name == "smtpd_tls_session_cache_database" && !p.value.trim().is_empty(),
        |_| {
            Some((
text!(
                    "`smtpd_tls_session_cache_database` is unnecessary: session tickets resume TLS sessions"
                ),
                text!(
                    "remove the line; keep `smtp_tls_session_cache_database` for the client"
                ),
            ))
        },
    );
}

fn berkeley_db_tables(lint: &mut Lint) {
    if !lint.ctx.postfix.deprecates_berkeley_db() {
        return;
    }
    each_setting(
        lint,
        RuleId::BerkeleyDbTable,
        |p| params::list_items(&p.value).any(is_berkeley_db_table),
        |p| {
            let table = params::list_items(&p.value).find(|t| is_berkeley_db_table(t))?;
            Some((
                // The deprecation is Debian's (3.11.0-3, debian-warn-db-deprecated.patch);
                // upstream 3.11 only helps to migrate (NON_BERKELEYDB_README), so a FreeBSD
                // or source build reads these tables without a word.
                text!(
                    "`{}` uses `{}`: Debian's Postfix 3.11 deprecates Berkeley DB tables and logs a warning each time one is opened, and builds without Berkeley DB cannot open them";
                    &p.name, table
                ),
                text!(
                    "use `lmdb:` (or `cdb:` for a table only `postmap` writes) and run `postmap` on it; for a cache, `${default_cache_db_type}:`"
                ),
            ))
        },
    );
}

fn is_berkeley_db_table(item: &str) -> bool {
    item.starts_with("hash:") || item.starts_with("btree:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berkeley_db_tables_by_type() {
        assert!(is_berkeley_db_table("hash:/etc/postfix/sasl_passwd"));
        assert!(is_berkeley_db_table("btree:${data_directory}/smtp_scache"));
        assert!(!is_berkeley_db_table("lmdb:/etc/postfix/sasl_passwd"));
        assert!(!is_berkeley_db_table(
            "${default_cache_db_type}:${data_directory}/x"
        ));
    }

    #[test]
    fn protocol_sets() {
        let on = |v: &str| enabled_protocols(v);
        assert_eq!(on(">=TLSv1.2"), [false, false, false, false, true, true]);
        assert_eq!(on("!SSLv2, !SSLv3"), [false, false, true, true, true, true]);
        assert_eq!(on(""), [true; 6]);
        assert_eq!(
            on("<=TLSv1.2 >=TLSv1"),
            [false, false, true, true, true, false]
        );
        assert_eq!(
            on("TLSv1 TLSv1.2"),
            [false, false, true, false, true, false]
        );
        assert_eq!(on(">=0x0303"), [false, false, false, false, true, true]);
        assert_eq!(on(">=303"), [false, false, false, false, true, true]);
        assert_eq!(
            on(">=TLSv1, <=0305"),
            [false, false, true, true, true, true]
        );
        // Not a valid item (invalid_value says so): it excludes nothing.
        assert_eq!(on("!0x0301"), [true; 6]);
        assert_eq!(gap(&on("!SSLv2, !SSLv3, !TLSv1.1")), Some(3));
        assert_eq!(gap(&on("!SSLv2, !SSLv3, !TLSv1, !TLSv1.1")), None);
        assert_eq!(gap(&on("!TLSv1.3")), None);
        assert_eq!(gap(&on("!SSLv3")), None);
        assert_eq!(gap(&on(">=TLSv1.2")), None);
    }

    #[test]
    fn small_dh_file_names() {
        assert!(looks_small("/etc/postfix/dh1024.pem"));
        assert!(looks_small("/etc/postfix/dh_512.pem"));
        assert!(!looks_small("/etc/postfix/dh2048.pem"));
        assert!(!looks_small("/etc/postfix1024/dh2048.pem"));
    }
}
