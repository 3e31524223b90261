//! The seed document's snippets (copied to tests/fixtures/seed-*) with the exact diagnostics
//! they must give, the stock Postfix 3.7 files that must give no error, and the invariants of
//! the rule table.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::diagnostic::{FileKind, Severity};
use postfix_tls::lang::Lang;
use postfix_tls::rules::RuleId;
use postfix_tls::rules::{lint, lint_text, rule, LintContext, RULES};
use postfix_tls::version::PostfixVersion;

/// (line, rule id, severity, text the help must contain)
type Expected = &'static [(usize, RuleId, Severity, &'static str)];

fn check(text: &str, kind: FileKind, expected: Expected) {
    let (detected, found) = lint_text(text, None, &LintContext::default());
    assert_eq!(detected, kind);
    let got: Vec<(usize, RuleId, Severity)> = found
        .iter()
        .map(|d| (d.line.unwrap_or(0), d.id, d.severity))
        .collect();
    let want: Vec<(usize, RuleId, Severity)> =
        expected.iter().map(|(l, id, s, _)| (*l, *id, *s)).collect();
    assert_eq!(got, want, "{text}");
    for (d, (_, _, _, help)) in found.iter().zip(expected) {
        assert!(
            d.help.get(Lang::En).contains(help),
            "{:?} lacks {help}",
            d.help
        );
        assert!(!d.help.get(Lang::De).is_empty() && !d.message.get(Lang::De).is_empty());
    }
}

use Severity::{Error, Info, Warning};

#[test]
fn seed_receive_main_cf() {
    check(
        include_str!("fixtures/seed-receive-main.cf"),
        FileKind::MainCf,
        &[
            (1, RuleId::MalformedLine, Error, "name = value"),
            (2, RuleId::InvalidValue, Error, "`may`"),
            (3, RuleId::InvalidValue, Error, "`yes`"),
            (
                3,
                RuleId::DeprecatedTlsSwitch,
                Warning,
                "smtpd_tls_security_level = may",
            ),
            (
                0,
                RuleId::OutboundTlsDisabled,
                Info,
                "smtp_tls_security_level = may",
            ),
        ],
    );
}

#[test]
fn seed_send_main_cf() {
    check(
        include_str!("fixtures/seed-send-main.cf"),
        FileKind::MainCf,
        &[
            (1, RuleId::MalformedLine, Error, "name = value"),
            (2, RuleId::InvalidValue, Error, "`may`"),
        ],
    );
}

#[test]
fn seed_classic_main_cf() {
    check(
        include_str!("fixtures/seed-classic-main.cf"),
        FileKind::MainCf,
        &[
            (1, RuleId::SelfSignedCertificateOnMx, Info, "TLSA"),
            (
                3,
                RuleId::DeprecatedTlsSwitch,
                Warning,
                "smtpd_tls_security_level = may",
            ),
            (
                5,
                RuleId::MxRequiresTls,
                Error,
                "smtpd_tls_security_level = may",
            ),
            (
                5,
                RuleId::DeprecatedTlsSwitch,
                Warning,
                "smtpd_tls_security_level = encrypt",
            ),
            (
                0,
                RuleId::OutboundTlsDisabled,
                Info,
                "smtp_tls_security_level = may",
            ),
        ],
    );
}

#[test]
fn seed_classic_master_cf() {
    check(
        include_str!("fixtures/seed-classic-master.cf"),
        FileKind::MasterCf,
        &[(2, RuleId::MalformedLine, Error, "indent")],
    );
}

#[test]
fn seed_submission_master_cf() {
    check(
        include_str!("fixtures/seed-submission-master.cf"),
        FileKind::MasterCf,
        &[
            (1, RuleId::MalformedLine, Error, "name type private"),
            (2, RuleId::UnknownService, Error, "`submission`"),
            (4, RuleId::InvalidValue, Error, "`encrypt`"),
            (5, RuleId::InvalidValue, Error, "`yes`"),
            (6, RuleId::InvalidValue, Error, "`yes`"),
            (7, RuleId::InvalidValue, Error, "`no`"),
            (12, RuleId::InvalidValue, Error, "`reject`"),
            (13, RuleId::InvalidValue, Error, "`ORIGINATING`"),
        ],
    );
}

#[test]
fn seed_smtps_master_cf() {
    check(
        include_str!("fixtures/seed-smtps-master.cf"),
        FileKind::MasterCf,
        &[
            (
                1,
                RuleId::UnknownService,
                Error,
                "remove `/etc/postfix/master.cf`",
            ),
            (4, RuleId::InvalidValue, Error, "`yes`"),
            (5, RuleId::InvalidValue, Error, "`yes`"),
            (6, RuleId::InvalidValue, Error, "`no`"),
            (11, RuleId::InvalidValue, Error, "`reject`"),
            (12, RuleId::InvalidValue, Error, "`ORIGINATING`"),
        ],
    );
}

#[test]
fn stock_files_give_no_error_in_any_version_or_role() {
    let main = parse_main(include_str!("fixtures/stock-3.7-main.cf"));
    let master = parse_master(include_str!("fixtures/stock-3.7-master.cf"));
    for &postfix in PostfixVersion::ALL {
        for role in [
            postfix_tls::options::Role::PublicMx,
            postfix_tls::options::Role::Relay,
            postfix_tls::options::Role::NullClient,
        ] {
            let ctx = LintContext {
                role,
                ..LintContext::for_postfix(postfix)
            };
            let found = lint(Some(&main), Some(&master), &ctx);
            let errors: Vec<_> = found
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{postfix}: {errors:?}");
            if postfix == PostfixVersion::new(3, 7) {
                let ids: Vec<RuleId> = found.iter().map(|d| d.id).collect();
                assert_eq!(
                    ids,
                    [
                        RuleId::OutboundTlsDisabled,
                        RuleId::SeriesPatchedByDistribution
                    ],
                    "stock 3.7 only lacks outbound TLS, and Debian 12 patches the series"
                );
            }
        }
    }
}

#[test]
fn rule_table_invariants() {
    for (i, r) in RULES.iter().enumerate() {
        assert!(
            RULES[..i].iter().all(|o| o.id != r.id),
            "duplicate id {}",
            r.id
        );
        assert!(
            r.id.as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()),
            "{}",
            r.id
        );
        for text in [&r.summary, &r.what, &r.why, &r.fix] {
            for lang in Lang::ALL {
                assert!(
                    !text.get(*lang).trim().is_empty(),
                    "{} has an empty text",
                    r.id
                );
            }
            assert_ne!(
                text.get(Lang::En),
                text.get(Lang::De),
                "{} is not translated",
                r.id
            );
        }
        // Summaries are rustc-style: lowercase start, no trailing period.
        let first = r.summary.get(Lang::En).chars().next().unwrap_or('A');
        assert!(
            !first.is_uppercase() && !r.summary.get(Lang::En).ends_with('.'),
            "{}",
            r.id
        );
        assert!(r.source.url.starts_with("https://"), "{}", r.id);
        assert!(!r.source.name.is_empty(), "{}", r.id);
        if let Some(entry) = r.catalogue {
            assert!(
                entry.len() == 3 && entry.starts_with('L'),
                "{}: {entry}",
                r.id
            );
        }
        assert!(std::ptr::eq(rule(r.id), r), "{}", r.id);
    }
    // The catalogue entries the task requires.
    let required = (1..=31).chain(33..=36).chain([38, 41, 46, 32]);
    for n in required {
        let entry = format!("L{n:02}");
        assert!(
            RULES.iter().any(|r| r.catalogue == Some(entry.as_str())),
            "{entry} missing"
        );
    }
}

#[test]
fn messages_are_rustc_style() {
    let text = "smtpd_tls_security_level = kann\nsmtpd_tls_loglevel = 2\nsmtpd_tls_loglevel = 3\n";
    let (_, found) = lint_text(text, None, &LintContext::default());
    assert!(!found.is_empty());
    for d in &found {
        for lang in Lang::ALL {
            let m = d.message.get(*lang);
            assert!(!m.ends_with('.'), "{m}");
        }
        let first = d.message.get(Lang::En).chars().next().unwrap_or('a');
        assert!(
            !first.is_uppercase() || first == '`',
            "{}",
            d.message.get(Lang::En)
        );
    }
    // Deterministic: same input, same output, sorted by line.
    let (_, again) = lint_text(text, None, &LintContext::default());
    assert_eq!(found, again);
    let lines: Vec<usize> = found.iter().filter_map(|d| d.line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn postconf_n_output_is_reported_as_such() {
    let text = "compatibility_level = 3.11\nmyhostname = mx.example.org\nsmtp_tls_security_level = may\nsmtpd_tls_security_level = encrypt\n";
    let (kind, found) = lint_text(text, None, &LintContext::default());
    assert_eq!(kind, FileKind::PostconfN);
    let l01 = found
        .iter()
        .find(|d| d.id == RuleId::MxRequiresTls)
        .expect("L01 fires");
    assert_eq!((l01.file, l01.line), (Some(FileKind::PostconfN), Some(4)));
}

#[test]
fn arbitrary_text_never_panics_the_linter() {
    // Words that steer the rules into their deeper paths, glued at random.
    let words = [
        "smtpd_tls_security_level",
        "smtp_tls_security_level",
        "=",
        " = ",
        "may",
        "encrypt",
        "dane",
        "\n",
        "\n  ",
        "-o",
        "inet",
        "unix",
        "pass",
        "smtpd",
        "postscreen",
        "tlsproxy",
        "smtp",
        "submission",
        "465",
        "smtpd_tls_protocols=",
        ">=TLSv1.2",
        "!TLSv1.1",
        "TLSv1",
        "0x",
        "smtpd_relay_restrictions",
        "{",
        "}",
        "$",
        "${",
        "#",
        ",",
        "reject",
        "kann",
        "Ü",
        "smtpd_tls_chain_files",
        "smtpd_tls_wrappermode=yes",
        "smtpd_sasl_auth_enable=yes",
        "tls_high_cipherlist",
        "smtpd_tls_loglevel",
        "99999999999999999999",
        "\u{0}",
        "\r\n",
        " - ",
        "n",
        "y",
        "0",
        "compatibility_level",
        "3.11",
        "relayhost",
        "smtp_tls_wrappermode",
    ];
    let mut seed: u64 = 42;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    for round in 0..300 {
        let len = next() % 60;
        let text: String = (0..len).map(|_| words[next() % words.len()]).collect();
        let postfix = PostfixVersion::ALL[round % PostfixVersion::ALL.len()];
        let ctx = LintContext {
            postfix,
            ..LintContext::default()
        };
        for kind in [
            None,
            Some(FileKind::MainCf),
            Some(FileKind::MasterCf),
            Some(FileKind::PostconfN),
        ] {
            let (_, found) = lint_text(&text, kind, &ctx);
            for d in &found {
                assert_eq!(d.severity, rule(d.id).severity, "{}", d.id);
            }
        }
        let (main, master) = (parse_main(&text), parse_master(&text));
        let _ = lint(Some(&main), Some(&master), &ctx);
    }
}
