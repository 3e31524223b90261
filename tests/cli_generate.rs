//! `postfix-tls generate`, run as a user would run it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postfix-tls"))
        .arg("generate")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start postfix-tls");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("run postfix-tls")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn defaults_print_both_snippets() {
    let out = run(&[], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# main.cf\n"));
    assert!(text.contains("smtpd_tls_security_level = may\n"));
    assert!(text.contains("\n# master.cf\n# postfix-tls "));
    assert!(text.contains("\n\nsubmission inet"));
    assert!(text.contains("submissions inet"));
}

#[test]
fn each_format_prints_its_part() {
    let main = stdout(&run(&["--format", "main"], None));
    assert!(main.starts_with(&format!(
        "# postfix-tls {}: Postfix 3.11, OpenSSL 3.5\n\
         # these choices: the postfix-tls page with #v1.e30 after its address\n\n\
         # --- server certificate ---\n",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(!main.contains("submission inet"));
    let master = stdout(&run(&["--format=master"], None));
    assert!(master.contains("address\n\nsubmission inet"));
    let postconf = stdout(&run(&["--format", "postconf"], None));
    assert!(postconf.contains("postconf -e 'smtpd_tls_security_level = may'\n"));
    assert!(postconf.ends_with("postfix check && postfix reload\n"));
}

#[test]
fn json_format_has_snippets_and_diagnostics() {
    let options = r#"{"postfix": "3.9", "openssl": "3.0", "inbound": "encrypt"}"#;
    let out = run(&["--options", "-", "--format", "json"], Some(options));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    assert!(json["main_cf"]
        .as_str()
        .is_some_and(|m| m.contains("smtpd_tls_security_level = encrypt")));
    assert!(json["master_cf"]
        .as_str()
        .is_some_and(|m| m.contains("submissions")));
    assert!(json["postconf"]
        .as_str()
        .is_some_and(|p| p.contains("postconf -M")));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics array");
    let mx = diagnostics
        .iter()
        .find(|d| d["id"] == "encrypt_chosen_on_mx")
        .expect("encrypt_chosen_on_mx");
    assert_eq!(mx["severity"], "warning");
    assert!(mx["message"]
        .as_str()
        .is_some_and(|m| m.contains("RFC 3207")));
    assert!(mx["help"].as_str().is_some_and(|h| !h.is_empty()));
}

#[test]
fn options_file_is_read_and_print_options_round_trips() {
    let dir = std::env::temp_dir().join(format!("postfix-tls-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("options.json");
    std::fs::write(
        &file,
        r#"{"postfix": "3.3", "openssl": "1.1.1", "role": "relay"}"#,
    )
    .expect("write options");
    let path = file.to_string_lossy().into_owned();
    let out = run(&["--options", &path, "--print-options"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(printed.contains("\"postfix\": \"3.3\""));
    assert!(printed.contains("\"role\": \"relay\""));
    // The printed options are accepted again and give the same output.
    let again = run(&["--options", "-", "--format", "main"], Some(&printed));
    let direct = run(&["--options", &path, "--format", "main"], None);
    assert_eq!(stdout(&again), stdout(&direct));
    assert!(
        stdout(&direct).contains("smtpd_tls_cert_file"),
        "3.3 has no chain files"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn invalid_options_exit_2_with_a_clear_message() {
    let cases = [
        ("{not json", "invalid options"),
        (r#"{"postfix": "9.9"}"#, "not a known release series"),
        (r#"{"role": "mailserver"}"#, "unknown variant"),
        (
            r#"{"certificate": {"source": "custom", "key_file": "/etc/k.pem\nsmtpd_use_tls = no"}}"#,
            "option_value_rejected",
        ),
        (r#"{"postfix": "3.7", "openssl": "1.0.2"}"#, "OpenSSL"),
    ];
    for (json, expected) in cases {
        let out = run(&["--options", "-"], Some(json));
        assert_eq!(out.status.code(), Some(2), "{json}");
        assert!(stdout(&out).is_empty(), "{json}: nothing on stdout");
        assert!(stderr(&out).contains(expected), "{json}: {}", stderr(&out));
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--format", "yaml"][..],
        &["--format"][..],
        &["--bogus"][..],
        &["--options", "/nonexistent/options.json"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("error: "), "{args:?}");
    }
}

/// Lints a whole main.cf and master.cf as Debian 12 would run them.
fn lint_debian12(main: &str, master: &str) -> Vec<postfix_tls::diagnostic::Diagnostic> {
    use postfix_tls::rules::{lint, LintContext};
    let ctx = LintContext::for_postfix(postfix_tls::version::PostfixVersion::new(3, 7));
    lint(
        Some(&postfix_tls::config::parse_main(main)),
        Some(&postfix_tls::config::parse_master(master)),
        &ctx,
    )
}

#[test]
fn merge_with_applies_the_output_to_the_stock_files_in_place() {
    let stock = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/debian-stock/");
    let options = r#"{"postfix": "3.7", "openssl": "3.0", "preset": "debian12",
        "certificate": {"source": "lets-encrypt", "domain": "mail.example.test"}}"#;
    let main_path = format!("{stock}main.cf");
    let out = run(
        &["--options", "-", "--merge-with", &main_path],
        Some(options),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let main = stdout(&out);
    let original = std::fs::read_to_string(&main_path).expect("stock main.cf");
    // The snakeoil pair is removed (chain files replace it), the level that already says
    // `may` stays as written, the chain files follow the TLS block, nothing else moves.
    assert!(!main.contains("ssl-cert-snakeoil"), "{main}");
    assert!(main.contains("smtpd_tls_security_level=may\n"), "{main}");
    assert!(main.contains(
        "smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\nsmtpd_tls_chain_files = /etc/letsencrypt/live/mail.example.test/privkey.pem, /etc/letsencrypt/live/mail.example.test/fullchain.pem\n"
    ), "{main}");
    let kept: Vec<&str> = original
        .lines()
        .filter(|l| !l.contains("snakeoil"))
        .collect();
    let mut merged = main.lines();
    for line in kept {
        assert!(merged.any(|m| m == line), "`{line}` lost or moved:\n{main}");
    }
    let master_path = format!("{stock}master.cf");
    let out = run(
        &["--options", "-", "--merge-with", &master_path],
        Some(options),
    );
    let master = stdout(&out);
    let original = std::fs::read_to_string(&master_path).expect("stock master.cf");
    // Only lines are added: the services, each after its commented stock example.
    let mut merged = master.lines();
    for line in original.lines() {
        assert!(merged.any(|m| m == line), "`{line}` lost or moved");
    }
    assert!(master.contains("#  -o milter_macro_daemon_name=ORIGINATING\nsubmission inet"));
    // The whole pair: no error, and nothing about the merge (a duplicate, a second
    // definition); what remains is advice about the choices themselves.
    let found = lint_debian12(&main, &master);
    let ids: Vec<&str> = found.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["series_patched_by_distribution"], "{found:#?}");
}

#[test]
fn merge_with_takes_one_file_that_exists() {
    let out = run(&["--merge-with", "/nonexistent/main.cf"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read `/nonexistent/main.cf`"));
    let out = run(&["--merge-with", "a", "--merge-with", "b"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("takes one file"));
}

#[test]
fn verify_format_prints_the_checks_as_a_script() {
    let out = run(&["--format", "verify"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let script = stdout(&out);
    assert!(script.starts_with("#!/bin/sh\n"), "{script}");
    assert!(script
        .contains("  posttls-finger -c -l secure -P /etc/ssl/certs '[mail.example.com]:25'\n"));
    assert!(script.contains("fail() {"));
}

#[test]
fn json_names_what_other_programs_need() {
    let out = run(&["--format", "json"], None);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let ids: Vec<&str> = value["others"]
        .as_array()
        .expect("others")
        .iter()
        .filter_map(|o| o["id"].as_str())
        .collect();
    assert_eq!(ids, ["certbot-deploy-hook", "dovecot-auth"]);
}

#[test]
fn from_files_prints_the_options_they_come_down_to() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let main = format!("{dir}/tests/realworld/sovereign/main.cf");
    let master = format!("{dir}/tests/realworld/sovereign/master.cf");
    let out = run(
        &[
            "--from",
            &master,
            "--from",
            &main,
            "--postfix-version",
            "3.7",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let options = postfix_tls::options::Options::from_json(&stdout(&out)).expect("options JSON");
    assert_eq!(options.postfix.to_string(), "3.7");
    assert_eq!(options.certificate.domain, "example.com");
    let notes = stderr(&out);
    assert!(
        notes.starts_with("note: role `public-mx` (a guess): "),
        "{notes}"
    );
    // Each line left out names its file and line.
    assert!(
        notes.contains(&format!(
            "{main}:48: not carried over: `smtp_tls_loglevel = 2`"
        )),
        "{notes}"
    );
    // The JSON goes back in as --options.
    let again = run(&["--options", "-", "--format", "main"], Some(&stdout(&out)));
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(stdout(&again).contains("/etc/letsencrypt/live/example.com/fullchain.pem"));
}

#[test]
fn from_one_file_with_both_parts_reads_both() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let both = format!("{dir}/tests/fixtures/postconf-n-M-mail-in-a-box.txt");
    let out = run(&["--from", &both, "--postfix-version", "3.7"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let options = postfix_tls::options::Options::from_json(&stdout(&out)).expect("options JSON");
    assert!(options.submission && options.submissions);
    // The master.cf part's lines are lines of the same file.
    assert!(
        stderr(&out).contains(&format!("{both}:99: not carried over: `smtps`")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn from_refuses_two_files_of_one_kind_and_output_flags() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let main = format!("{dir}/tests/realworld/sovereign/main.cf");
    let out = run(&["--from", &main, "--from", &main], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("both the same kind"));
    let out = run(&["--from", &main, "--format", "main"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--postfix-version", "3.7"], None);
    assert_eq!(out.status.code(), Some(2));
}
