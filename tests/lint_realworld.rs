//! Real-world configurations from public mail projects (`tests/realworld/`, sources and
//! licences in `tests/realworld/SOURCES.md`): the linter must report exactly the errors
//! listed here, each one real Postfix of that version agrees with (what Postfix shows is
//! beside each error, and in SOURCES.md). A new false error, or a lost true one, fails.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::diagnostic::{FileKind, Severity};
use postfix_tls::lang::Lang;
use postfix_tls::rules::RuleId;
use postfix_tls::rules::{lint, LintContext};
use postfix_tls::version::PostfixVersion;
use std::path::Path;

/// One configuration: its folder, the Postfix series it targets, and the errors expected
/// as (file, line, rule id).
struct Config {
    dir: &'static str,
    postfix: &'static str,
    errors: &'static [(FileKind, usize, RuleId)],
}

const MAIN: FileKind = FileKind::MainCf;
const MASTER: FileKind = FileKind::MasterCf;

const CONFIGS: &[Config] = &[
    // Was: 4 × invalid_value for `-o smtpd_tls_mandatory_protocols=$smtps_...` (defined in
    // main.cf as `>=TLSv1.2`) and an error for `lmtp ... lmtp flags=O` (smtp.c ignores it).
    Config {
        dir: "mailcow",
        postfix: "3.10",
        errors: &[
            // Postfix 3.10.13 `postconf -P`: 588/, 590/ and 591/inet/smtpd_tls_auth_only = no,
            // with smtpd_sasl_auth_enable = yes and smtpd_tls_security_level = may in
            // main.cf. A 3.7.11 instance built the same way listed `AUTH PLAIN LOGIN` before
            // STARTTLS on such a service, and not on one without the override.
            (MASTER, 50, RuleId::SaslOverCleartext),
            (MASTER, 59, RuleId::SaslOverCleartext),
            (MASTER, 68, RuleId::SaslOverCleartext),
        ],
    },
    Config {
        dir: "docker-mailserver",
        postfix: "3.10",
        errors: &[],
    },
    Config {
        dir: "modoboa",
        postfix: "3.7",
        errors: &[
            // Postfix 3.7.11 `postconf -x`: smtpd_sasl_auth_enable = yes,
            // smtpd_tls_security_level = may, smtpd_tls_auth_only = no: AUTH in clear on 25.
            (MAIN, 94, RuleId::SaslOverCleartext),
        ],
    },
    Config {
        dir: "mailu",
        postfix: "3.10",
        errors: &[
            // Postfix 3.10.13 `postconf -P`: 10025/inet/smtpd_sasl_auth_enable = yes, and
            // smtpd_tls_security_level is empty: AUTH without any TLS (Mailu's front proxy
            // terminates TLS; the hop to Postfix is clear text).
            (MASTER, 9, RuleId::SaslOverCleartext),
        ],
    },
    Config {
        dir: "hardware-mailserver",
        postfix: "3.5",
        errors: &[],
    },
    Config {
        dir: "bokysan-postfix",
        postfix: "3.10",
        errors: &[],
    },
    Config {
        dir: "jeboehm-mailserver",
        postfix: "3.10",
        errors: &[],
    },
    Config {
        dir: "sovereign",
        postfix: "3.5",
        // Was: invalid_value for `reject_unknown_address`, a restriction of smtpd_check.c
        // (3.5.25 and 3.7.11) that postconf(5) does not list.
        errors: &[],
    },
    // Was: invalid_value for `smtpd_forbid_bare_newline = normalize` (3.6.4-1ubuntu1.3
    // and 3.7.10+ take it).
    Config {
        dir: "mail-in-a-box",
        postfix: "3.6",
        errors: &[],
    },
    Config {
        dir: "postfix-upstream-3.10",
        postfix: "3.10",
        errors: &[],
    },
    // Was: malformed_line for `-oi` in `pipe ... argv=/usr/sbin/sendmail -oi -f ...`: after
    // the first argument `-o` is the program's (3.7.11 `postconf -P` shows no override).
    Config {
        dir: "emailwiz",
        postfix: "3.7",
        errors: &[],
    },
    Config {
        dir: "oefenweb-ansible-postfix",
        postfix: "3.7",
        errors: &[
            // No compatibility_level and no restrictions: level 0 leaves smtpd_relay_restrictions
            // empty. Started in Postfix 3.7.11 (tests/postfix, rw-oefenweb-ansible-postfix),
            // smtpd stops at every connection: "fatal: in parameter smtpd_relay_restrictions
            // or smtpd_recipient_restrictions, specify at least one working instance of:
            // reject_unauth_destination, ...".
            (MAIN, 0, RuleId::NoRelayProtection),
        ],
    },
    // Was (a warning): port25_tls_floor_too_strict for `smtpd_tls_protocols = >=TLSv1.2`,
    // while the whole master.cf serves only 587 and 465 (3.11.7 `postconf -M`).
    Config {
        dir: "filegarden-mail",
        postfix: "3.11",
        errors: &[],
    },
    // Was (a warning): mx_without_tls for `smtpd_use_tls = no` with `inet_interfaces =
    // loopback-only` and no `smtp inet` in its whole master.cf.
    Config {
        dir: "opensuse-webstack",
        postfix: "3.10",
        errors: &[],
    },
    Config {
        dir: "iredmail",
        postfix: "3.7",
        errors: &[],
    },
    Config {
        dir: "juanluisbaptiste-postfix",
        postfix: "3.10",
        errors: &[],
    },
    Config {
        dir: "bertvv-mailserver",
        postfix: "3.5",
        errors: &[
            // `smtp inet n - n - - -o content_filter=spamassassin`: no command. Postfix 3.5.25
            // starts (`postfix check` and `postconf -M` silent), then at the first connection
            // to port 25: "fatal: master_spawn: exec /usr/lib/postfix/sbin/-o: No such file
            // or directory", "warning: /usr/lib/postfix/sbin/-o: bad command startup --
            // throttling", and no greeting.
            (MASTER, 11, RuleId::MalformedLine),
            // Postfix 3.5.25: submission (no TLS level of its own, main.cf `may`) offered
            // `AUTH PLAIN LOGIN` before STARTTLS.
            (MASTER, 14, RuleId::SaslOverCleartext),
            // `smtps inet ... smtpd` without `-o smtpd_tls_wrappermode=yes`: Postfix 3.5.25
            // greeted in plain text on that port ("220 mail.bertvv.local ESMTP Postfix") and
            // offered STARTTLS, where a port-465 client starts with a TLS handshake.
            (MASTER, 17, RuleId::SubmissionsWithoutWrappermode),
            // ... and offered `AUTH PLAIN LOGIN` there before TLS.
            (MASTER, 19, RuleId::SaslOverCleartext),
        ],
    },
    Config {
        dir: "billionmail",
        postfix: "3.7",
        errors: &[
            // main.cf: smtpd_sasl_auth_enable = yes, smtpd_tls_security_level = may, no
            // smtpd_tls_auth_only, and the port-25 `smtp inet` overrides none of them.
            // Postfix 3.7.11 (rw-billionmail) offered AUTH before STARTTLS on port 25.
            (MAIN, 57, RuleId::SaslOverCleartext),
        ],
    },
    // Ubuntu 24.04's 3.8, started in 3.7.11 and 3.10.13 (rw-canonical-postfix-relay-*).
    Config {
        dir: "canonical-postfix-relay",
        postfix: "3.8",
        errors: &[],
    },
    // Alpine 3.4's 3.1, judged with 3.5.
    Config {
        dir: "instrumentisto-mailserver",
        postfix: "3.5",
        errors: &[
            // main.cf: smtpd_sasl_auth_enable = yes with TLS `may` and no smtpd_tls_auth_only.
            // Postfix 3.5.25 (rw-instrumentisto-mailserver) offered AUTH before STARTTLS on
            // port 25 (postscreen, then smtpd) and on the reinjection port 10025.
            (MAIN, 51, RuleId::SaslOverCleartext),
        ],
    },
    // Proxmox Mail Gateway 9 (Debian 13's 3.10), its templates rendered with TLS on.
    Config {
        dir: "proxmox-mail-gateway",
        postfix: "3.10",
        errors: &[],
    },
    // Alpine 3.12's 3.5.
    Config {
        dir: "simple-mail-forwarder",
        postfix: "3.5",
        errors: &[
            // main.cf: smtpd_sasl_auth_enable = yes, smtpd_tls_security_level = may and
            // smtpd_tls_auth_only = no, kept by the port-25 `smtp inet`. Postfix 3.5.25
            // (rw-simple-mail-forwarder) offered AUTH before STARTTLS on port 25.
            (MAIN, 688, RuleId::SaslOverCleartext),
        ],
    },
    // Debian buster's 3.4, judged with 3.5.
    Config {
        dir: "stouts-postfix",
        postfix: "3.5",
        errors: &[
            // No compatibility_level and no restrictions, smtpd on loopback. Postfix 3.5.25
            // (rw-stouts-postfix): smtpd stops at every connection, "fatal: in parameter
            // smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one
            // working instance of: reject_unauth_destination, ...".
            (MASTER, 11, RuleId::NoRelayProtection),
        ],
    },
    // Its `check_policy_service unix:private/policy` with no `policy` service is the warning
    // policy_service_missing: Postfix 3.7.11 answered RCPT TO with 451 4.3.5 (SOURCES.md).
    Config {
        dir: "discourse-mail-receiver",
        postfix: "3.7",
        errors: &[],
    },
    Config {
        dir: "yunohost",
        postfix: "3.7",
        errors: &[],
    },
    Config {
        dir: "debian-bullseye-3.5",
        postfix: "3.5",
        errors: &[],
    },
    Config {
        dir: "debian-sid-3.11",
        postfix: "3.11",
        errors: &[],
    },
];

fn read(dir: &Path, file: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(file)).ok()
}

#[test]
fn real_world_configurations_get_exactly_the_errors_postfix_agrees_with() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realworld");
    let mut failures = Vec::new();
    for config in CONFIGS {
        let dir = root.join(config.dir);
        let main = read(&dir, "main.cf").map(|t| parse_main(&t));
        let master = read(&dir, "master.cf").map(|t| parse_master(&t));
        assert!(
            main.is_some() || master.is_some(),
            "{}: no main.cf or master.cf",
            config.dir
        );
        let ctx = LintContext {
            postfix: PostfixVersion::parse(config.postfix).unwrap_or(PostfixVersion::LATEST),
            ..LintContext::default()
        };
        let found: Vec<(FileKind, usize, RuleId)> = lint(main.as_ref(), master.as_ref(), &ctx)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.file.unwrap_or(MAIN), d.line.unwrap_or(0), d.id))
            .collect();
        if found != config.errors {
            failures.push(format!("{}: found {found:?}", config.dir));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kept_configuration_is_tested() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realworld");
    let mut dirs: Vec<String> = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("main.cf").exists() || e.path().join("master.cf").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut tested: Vec<String> = CONFIGS.iter().map(|c| c.dir.to_string()).collect();
    tested.sort();
    assert_eq!(dirs, tested);
    assert!(tested.len() >= 10);
    let sources = std::fs::read_to_string(root.join("SOURCES.md")).unwrap_or_default();
    for dir in &tested {
        assert!(
            sources.contains(&format!("`{dir}/`")),
            "{dir} not in SOURCES.md"
        );
    }
}

/// `postconf -n` then `postconf -P` of docker-mailserver, printed by Postfix 3.10.13: read
/// as settings and the services the `service/type/name = value` lines describe, with the
/// same errors as the files (none), and never as lines without a parameter name.
#[test]
fn postconf_n_and_p_output_is_read_as_what_it_is() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/realworld/docker-mailserver/postconf-n-P.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    assert!(text.contains("submission/inet/smtpd_tls_security_level = encrypt"));
    let ctx = LintContext {
        postfix: PostfixVersion::new(3, 10),
        ..LintContext::default()
    };
    let (kind, found) = postfix_tls::rules::lint_text(&text, None, &ctx);
    assert_eq!(kind, FileKind::PostconfN);
    let bad: Vec<String> = found
        .iter()
        .filter(|d| {
            d.severity == Severity::Error
                || matches!(d.id, RuleId::MalformedLine | RuleId::IgnoredServiceArgument)
        })
        .map(|d| format!("{:?} {}", d.line, d.message.get(Lang::En)))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    // The submission services' overrides are checked: a wrong value there is found.
    let broken = text.replace(
        "submission/inet/smtpd_tls_security_level = encrypt",
        "submission/inet/smtpd_tls_security_level = kann",
    );
    let (_, found) = postfix_tls::rules::lint_text(&broken, None, &ctx);
    assert!(found
        .iter()
        .any(|d| d.id == RuleId::InvalidValue && d.file == Some(FileKind::PostconfN)));
}

/// Every default of real Postfix (`postconf -d` of 3.5.25, 3.7.11, 3.10.13 and 3.11.7, in
/// `postconf-d/`) written out as a configuration: Postfix runs with each of these values, so
/// none may be an error, and an empty default (`smtp_tls_CAfile =`) is no finding about a
/// file.
#[test]
fn real_postfix_defaults_are_no_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realworld/postconf-d");
    for (file, version) in [
        ("3.5.txt", PostfixVersion::new(3, 5)),
        ("3.7.txt", PostfixVersion::new(3, 7)),
        ("3.10.txt", PostfixVersion::new(3, 10)),
        ("3.11.txt", PostfixVersion::new(3, 11)),
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(
            text.lines().count() > 900,
            "{file}: not a postconf -d output"
        );
        let ctx = LintContext {
            postfix: version,
            ..LintContext::default()
        };
        let (_, found) = postfix_tls::rules::lint_text(&text, Some(FileKind::PostconfN), &ctx);
        let bad: Vec<String> = found
            .iter()
            .filter(|d| d.severity == Severity::Error || d.id == RuleId::CaFileIsOwnCertificate)
            .map(|d| format!("{:?} {}: {}", d.line, d.id, d.message.get(Lang::En)))
            .collect();
        assert!(bad.is_empty(), "{file}: {bad:#?}");
    }
}
