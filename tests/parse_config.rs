//! Parser table tests and never-panic tests for main.cf, master.cf and `postconf -n`.

use postfix_tls::config::{detect_kind, parse_main, parse_master, references};
use postfix_tls::diagnostic::FileKind;

/// (input, expected (name, value, line) settings, expected malformed line numbers)
#[allow(clippy::type_complexity)]
const MAIN_CASES: &[(&str, &[(&str, &str, usize)], &[usize])] = &[
    ("", &[], &[]),
    ("a = b", &[("a", "b", 1)], &[]),
    ("a=b\n", &[("a", "b", 1)], &[]),
    ("  # comment\n\na = b", &[("a", "b", 3)], &[]),
    // A continuation line joins the previous line with one space.
    (
        "a = b,\n    c,\n\tc2\nd = e",
        &[("a", "b, c, c2", 1), ("d", "e", 4)],
        &[],
    ),
    // Comments between a line and its continuation are skipped, as Postfix does.
    ("a = b\n# note\n  c", &[("a", "b c", 1)], &[]),
    // `#` after a value is not a comment in Postfix: it stays in the value.
    (
        "smtpd_tls_security_level = may # optional",
        &[("smtpd_tls_security_level", "may # optional", 1)],
        &[],
    ),
    ("empty =", &[("empty", "", 1)], &[]),
    ("a = b = c", &[("a", "b = c", 1)], &[]),
    ("/etc/postfix/main.cf\na = b", &[("a", "b", 2)], &[1]),
    ("  leading = continuation", &[], &[1]),
    ("bad name = x", &[], &[1]),
    ("= x", &[], &[1]),
    ("a = b\r\nc = d\r\n", &[("a", "b", 1), ("c", "d", 2)], &[]),
];

#[test]
fn main_cf_table() {
    for (input, settings, malformed) in MAIN_CASES {
        let main = parse_main(input);
        let got: Vec<(&str, &str, usize)> = main
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_str(), p.line))
            .collect();
        assert_eq!(&got, settings, "settings of {input:?}");
        let lines: Vec<usize> = main.malformed.iter().map(|m| m.line).collect();
        assert_eq!(&lines, malformed, "malformed lines of {input:?}");
    }
}

#[test]
fn last_definition_wins() {
    let main = parse_main("a = 1\nb = 2\na = 3\n");
    assert_eq!(main.get("a").map(|p| p.value.as_str()), Some("3"));
    assert_eq!(main.get("a").map(|p| p.line), Some(3));
    assert!(main.get("c").is_none());
}

#[test]
fn references_are_listed() {
    assert_eq!(
        references("$a, ${b} $(c) ${d?x} ${e:y} $$ plain"),
        ["a", "b", "c", "d", "e"]
    );
    assert_eq!(
        references("btree:${data_directory}/smtp_scache"),
        ["data_directory"]
    );
    assert!(references("no refs").is_empty());
    assert!(references("$").is_empty());
}

#[test]
fn master_cf_services_and_overrides() {
    let text = "\
# comment
smtp      inet  n       -       y       -       -       smtpd
submission inet n       -       y       -       -       smtpd
  -o syslog_name=postfix/submission
#  -o smtpd_client_restrictions=$mua_client_restrictions
  -o smtpd_tls_security_level=encrypt
  -o { smtpd_relay_restrictions = permit_sasl_authenticated, reject }
  -osmtpd_sasl_auth_enable=yes
pipe      unix  -       n       n       -       -       pipe
  flags=FR user=list argv=/usr/bin/x ${nexthop} $user
";
    let master = parse_master(text);
    assert!(master.malformed.is_empty(), "{:?}", master.malformed);
    assert_eq!(master.services.len(), 3);
    let smtp = &master.services[0];
    assert_eq!(
        (smtp.name.as_str(), smtp.kind.as_str(), smtp.line),
        ("smtp", "inet", 2)
    );
    assert_eq!(smtp.chroot, "y");
    assert_eq!(smtp.command, "smtpd");
    let sub = &master.services[1];
    let got: Vec<(&str, &str, usize)> = sub
        .overrides
        .iter()
        .map(|p| (p.name.as_str(), p.value.as_str(), p.line))
        .collect();
    assert_eq!(
        got,
        [
            ("syslog_name", "postfix/submission", 4),
            ("smtpd_tls_security_level", "encrypt", 6),
            (
                "smtpd_relay_restrictions",
                "permit_sasl_authenticated, reject",
                7
            ),
            ("smtpd_sasl_auth_enable", "yes", 8),
        ]
    );
    assert_eq!(
        master.services[2].args,
        [
            "flags=FR",
            "user=list",
            "argv=/usr/bin/x",
            "${nexthop}",
            "$user"
        ]
    );
    assert!(master.service("submission", "inet").is_some());
    assert!(master.service("submission", "unix").is_none());
}

#[test]
fn master_cf_malformed_lines() {
    // The seed's legacy smtps example: the `-o` line does not start with whitespace.
    let text = "smtps    inet  n       -       n       -       -       smtpd\n-o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes\n";
    let master = parse_master(text);
    assert_eq!(master.services.len(), 1);
    assert_eq!(master.malformed.len(), 1);
    assert_eq!(master.malformed[0].line, 2);
    assert!(master.malformed[0].reason.contains("whitespace"));

    let cases: &[(&str, &[usize])] = &[
        ("  -o a=b\n", &[1]),
        ("/etc/postfix/master.cf\nsmtp inet n - y - - smtpd\n", &[1]),
        ("smtp inet n - y - - smtpd -o\n", &[1]),
        ("smtp inet n - y - - smtpd\n  -o novalue\n", &[2]),
        ("smtp inet n - y - -\n", &[1]),
        // Postfix 3.7.11: "fatal: unexpected command-line argument: reject".
        (
            "submission inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=permit_sasl_authenticated, reject\n",
            &[2],
        ),
        // One finding for the broken override, not one more per word after it.
        ("smtp inet n - y - - smtpd\n  -o a = b\n", &[2]),
        // Columns Postfix refuses ("invalid chroot field", `postconf -M` of 3.7.11).
        ("smtp inet n - yes - - smtpd\n", &[1]),
        ("smtp inet n x Y - unlimited smtpd\n", &[1, 1, 1]),
        ("pickup unix n - y 60? 1 pickup\nsmtp inet - - - - 0 smtpd\n", &[]),
        // Options, and the arguments of the daemons that take them.
        ("smtp inet n - y - - smtpd -v\n", &[]),
        (
            "maildrop unix - n n - - pipe\n  flags=DRXhu user=vmail argv=/usr/bin/maildrop -d ${recipient}\n",
            &[],
        ),
    ];
    for (input, lines) in cases {
        let got: Vec<usize> = parse_master(input)
            .malformed
            .iter()
            .map(|m| m.line)
            .collect();
        assert_eq!(&got, lines, "{input:?}");
    }
}

#[test]
fn kinds_are_detected_from_content() {
    let cases: &[(&str, FileKind)] = &[
        ("smtp inet n - y - - smtpd\n", FileKind::MasterCf),
        (
            "  -o smtpd_tls_security_level=encrypt\n",
            FileKind::MasterCf,
        ),
        ("a = b\nc = d\ne = f\ng = h\n", FileKind::PostconfN),
        ("a = b\nc = d\n", FileKind::MainCf),
        ("c = d\na = b\n", FileKind::MainCf),
        ("# x\na = b\nc = d\n", FileKind::MainCf),
        ("a = b,\n  c\nd = e\n", FileKind::MainCf),
        ("", FileKind::MainCf),
    ];
    for (input, kind) in cases {
        assert_eq!(detect_kind(input), *kind, "{input:?}");
    }
    let stock_main = include_str!("fixtures/stock-3.7-main.cf");
    let stock_master = include_str!("fixtures/stock-3.7-master.cf");
    assert_eq!(detect_kind(stock_main), FileKind::MainCf);
    assert_eq!(detect_kind(stock_master), FileKind::MasterCf);
}

#[test]
fn stock_files_parse_cleanly() {
    let main = parse_main(include_str!("fixtures/stock-3.7-main.cf"));
    assert!(main.malformed.is_empty(), "{:?}", main.malformed);
    assert_eq!(
        main.get("compatibility_level").map(|p| p.value.as_str()),
        Some("3.7")
    );
    assert!(main
        .get("debugger_command")
        .is_some_and(|p| p.value.starts_with("PATH=/bin") && p.value.contains("sleep 5")));
    let master = parse_master(include_str!("fixtures/stock-3.7-master.cf"));
    assert!(master.malformed.is_empty(), "{:?}", master.malformed);
    assert!(master.service("smtp", "inet").is_some());
    assert!(master.service("relay", "unix").is_some());
}

/// A small deterministic generator, so failures reproduce.
fn pseudo_random(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *seed >> 33
}

#[test]
fn arbitrary_input_never_panics() {
    let alphabet: Vec<char> = "ab =-o{}#$\n\t \r,:/Üß€\u{0}\u{202e}()".chars().collect();
    let mut seed = 7;
    for _ in 0..3000 {
        let len = (pseudo_random(&mut seed) % 120) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(pseudo_random(&mut seed) as usize) % alphabet.len()])
            .collect();
        let main = parse_main(&text);
        let master = parse_master(&text);
        let _ = detect_kind(&text);
        let lines = text.lines().count().max(1);
        for m in main.malformed.iter().chain(&master.malformed) {
            assert!(m.line >= 1 && m.line <= lines, "{text:?}");
        }
        for p in &main.params {
            let _ = references(&p.value);
        }
    }
    let huge = format!("a = {}\n{}", "x".repeat(1_000_000), "{ ".repeat(10_000));
    assert_eq!(parse_main(&huge).params[0].value.len(), 1_000_000);
    let _ = parse_master(&huge);
    let bytes: Vec<u8> = (0..=255).cycle().take(5000).collect();
    let lossy = String::from_utf8_lossy(&bytes);
    let _ = parse_main(&lossy);
    let _ = parse_master(&lossy);
}
