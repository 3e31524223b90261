//! `--fix` as a library: the seed's broken snippets become what real Postfix accepts (the
//! Postfix suite's `fixes` row starts them), and on the stock files and the real-world
//! configurations no certain fix is left undone and no line without a finding changes.

mod untouched;

use postfix_tls::diagnostic::{FileKind, Severity};
use postfix_tls::fix::{fix_files, fix_with_picks, Fix, Pick};
use postfix_tls::lang::Lang;
use postfix_tls::rules::{LintContext, RuleId};
use postfix_tls::version::PostfixVersion;
use std::path::Path;
use untouched::fix_and_check;

/// A seed snippet, what `--fix` makes of it, and the errors left for a person.
struct Seed {
    file: &'static str,
    fixed: &'static str,
    left: &'static [RuleId],
}

const SEEDS: &[Seed] = &[
    Seed {
        file: "seed-receive-main.cf",
        fixed: "smtpd_tls_security_level = may\nsmtpd_use_tls = yes\nsmtpd_tls_cert_file = /Pfad/zu/cert.pem\nsmtpd_tls_key_file = /path/to/key.pem\n",
        left: &[],
    },
    Seed {
        file: "seed-send-main.cf",
        // `kann` is `may`, a translation: certain, unlike `verschlüsseln`.
        fixed: "smtp_tls_security_level = may\n",
        left: &[],
    },
    Seed {
        file: "seed-classic-main.cf",
        // Port 25 requiring TLS is wrong for a public MX only, and the role is assumed:
        // the fix is the person's choice.
        fixed: include_str!("fixtures/seed-classic-main.cf"),
        left: &[RuleId::MxRequiresTls],
    },
    Seed {
        file: "seed-classic-master.cf",
        fixed: "smtps    inet  n       -       n       -       -       smtpd\n  -o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes\n",
        left: &[],
    },
    Seed {
        file: "seed-smtps-master.cf",
        fixed: "smtps inet n - n - - smtpd\n\n  -o syslog_name=postfix/smtps\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_reject_unlisted_recipient=no\n# -o smtpd_client_restrictions=$mua_client_restrictions\n# -o smtpd_helo_restrictions=$mua_helo_restrictions\n# -o smtpd_sender_restrictions=$mua_sender_restrictions\n  -o smtpd_recipient_restrictions=\n  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject\n  -o milter_macro_daemon_name=ORIGINATING\n",
        left: &[],
    },
    Seed {
        file: "seed-submission-master.cf",
        // Renamed to `submission`, its `verschlüsseln` is certainly `encrypt` (the second
        // round of fixes).
        fixed: "submission inet n - n - - smtpd\n  -o syslog_name=postfix/submission\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_tls_auth_only=yes\n  -o smtpd_reject_unlisted_recipient=no\n# -o smtpd_client_restrictions=$mua_client_restrictions\n# -o smtpd_helo_restrictions=$mua_helo_restrictions\n# -o smtpd_sender_restrictions=$mua_sender_restrictions\n  -o smtpd_recipient_restrictions=\n  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject\n  -o milter_macro_daemon_name=ORIGINATING\n",
        left: &[],
    },
];

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn seed_snippets_are_fixed_to_what_postfix_accepts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for seed in SEEDS {
        let text = read(&dir.join(seed.file));
        let ctx = LintContext::default();
        let is_master = seed.file.contains("master");
        let fixed = if is_master {
            fix_and_check(seed.file, None, Some(&text), &ctx)
        } else {
            fix_and_check(seed.file, Some(&text), None, &ctx)
        };
        let after = if is_master { fixed.master } else { fixed.main };
        assert_eq!(after.as_deref(), Some(seed.fixed), "{}", seed.file);
        let left: Vec<RuleId> = fixed
            .remaining
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.id)
            .collect();
        assert_eq!(left, seed.left, "{}", seed.file);
        // Every fixed finding is told at its line in the file given, also one fixed in a
        // later round (`verschlüsseln`, once the service is `submission`).
        for d in &fixed.fixed {
            let line = d.line.expect("a fixed finding has a line");
            let original = text.lines().nth(line - 1).unwrap_or_default();
            assert!(
                d.message
                    .get(Lang::En)
                    .split('`')
                    .skip(1)
                    .step_by(2)
                    .any(|quoted| original.contains(quoted)),
                "{}: line {line} `{original}` is not what `{}` is about",
                seed.file,
                d.message.get(Lang::En)
            );
        }
    }
}

#[test]
fn a_level_that_is_a_choice_is_left_with_its_choices_most_likely_first() {
    let text = "smtp_tls_security_level = verschlüsseln\n";
    let fixed = fix_files(Some(text), FileKind::MainCf, None, &LintContext::default());
    assert_eq!(fixed.main.as_deref(), Some(text));
    let finding = fixed
        .remaining
        .iter()
        .find(|d| d.id == RuleId::InvalidValue)
        .expect("invalid_value is left");
    let Some(Fix::Choices(choices)) = &finding.fix else {
        panic!("choices expected: {:?}", finding.fix);
    };
    let whats: Vec<&str> = choices.iter().map(|c| c.what.get(Lang::En)).collect();
    assert!(whats[0].starts_with("`may`") && whats[0].contains("keeps flowing"));
    assert!(whats[1].starts_with("`encrypt`") && whats[1].contains("deferred"));
    // Picking a choice applies its changes, and the finding is gone.
    let pick = |choice| Pick {
        id: RuleId::InvalidValue,
        line: Some(1),
        choice,
    };
    let ctx = LintContext::default();
    for (choice, level) in [(0, "may"), (1, "encrypt")] {
        let picked = fix_with_picks(Some(text), FileKind::MainCf, None, &ctx, &[pick(choice)]);
        let expected = format!("smtp_tls_security_level = {level}\n");
        assert_eq!(picked.main.as_deref(), Some(expected.as_str()));
        assert!(!picked
            .remaining
            .iter()
            .any(|d| d.id == RuleId::InvalidValue));
    }
    // A pick of a choice that is not there changes nothing.
    let none = fix_with_picks(Some(text), FileKind::MainCf, None, &ctx, &[pick(7)]);
    assert_eq!(none.main.as_deref(), Some(text));
}

#[test]
fn postconf_p_lines_are_fixed_where_they_stand() {
    let text = "compatibility_level = 3.6\nmyhostname = mx\nsmtp_tls_security_level = may\nsmtpd_tls_security_level = may\nsubmission/inet/smtpd_sasl_auth_enable = ja\n";
    let fixed = fix_and_check("postconf", Some(text), None, &LintContext::default());
    assert_eq!(
        fixed.main.as_deref(),
        Some(text.replace("= ja", "= yes").as_str())
    );
}

/// Every main.cf/master.cf pair under `dir` (a folder holding them), with the series it is for.
fn pairs(dir: &Path) -> Vec<(String, Option<String>, Option<String>)> {
    let mut found = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let main = folder.join("main.cf");
        let master = folder.join("master.cf");
        let main = main.exists().then(|| read(&main));
        let master = master.exists().then(|| read(&master));
        if main.is_some() || master.is_some() {
            found.push((folder.display().to_string(), main, master));
        }
        let postconf = folder.join("postconf-n-P.txt");
        if postconf.exists() {
            found.push((postconf.display().to_string(), Some(read(&postconf)), None));
        }
    }
    found
}

#[test]
fn stock_and_real_world_files_keep_every_line_without_a_finding() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = pairs(&root.join("tests/realworld"));
    all.extend(pairs(&root.join("src/stock")));
    all.extend(pairs(&root.join("tests/fixtures")));
    all.push((
        String::from("stock 3.7"),
        Some(read(&root.join("tests/fixtures/stock-3.7-main.cf"))),
        Some(read(&root.join("tests/fixtures/stock-3.7-master.cf"))),
    ));
    for file in std::fs::read_dir(root.join("tests/realworld/postconf-d")).expect("postconf -d") {
        let path = file.expect("entry").path();
        all.push((path.display().to_string(), Some(read(&path)), None));
    }
    assert!(all.len() > 15, "{}", all.len());
    for (name, main, master) in &all {
        // The series a file names (`debian-bullseye-3.5`, `postconf-d/3.7.txt`), else the
        // newest.
        let postfix = PostfixVersion::ALL
            .iter()
            .rev()
            .copied()
            .find(|v| name.contains(&format!("-{v}")) || name.contains(&format!("/{v}.")))
            .unwrap_or(PostfixVersion::LATEST);
        fix_and_check(
            name,
            main.as_deref(),
            master.as_deref(),
            &LintContext::for_postfix(postfix),
        );
    }
}

#[test]
fn wrapper_mode_in_main_cf_moves_to_the_one_port_465_service() {
    let main = "myhostname = mx\nsmtpd_tls_wrappermode = yes\n";
    let master = "smtp inet n - y - - smtpd\nsubmissions inet n - y - - smtpd\n  -o syslog_name=postfix/submissions\n";
    let fixed = fix_and_check("move", Some(main), Some(master), &LintContext::default());
    assert_eq!(fixed.main.as_deref(), Some("myhostname = mx\n"));
    assert_eq!(
        fixed.master.as_deref(),
        Some("smtp inet n - y - - smtpd\nsubmissions inet n - y - - smtpd\n  -o syslog_name=postfix/submissions\n  -o smtpd_tls_wrappermode=yes\n")
    );
    // Without a port-465 service, removing it is left to a person.
    let alone = fix_and_check("alone", Some(main), None, &LintContext::default());
    assert_eq!(alone.main.as_deref(), Some(main));
    assert!(alone
        .remaining
        .iter()
        .any(|d| d.id == RuleId::WrappermodeInMainCf && matches!(d.fix, Some(Fix::Choices(_)))));
}
