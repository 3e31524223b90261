//! The linter on Debian's own default configuration: a stock main.cf and master.cf that
//! Postfix runs must not get an error, and what the linter says about them is kept as a golden
//! fixture (`tests/fixtures/debian-stock/lint.json`, rewrite with `BLESS=1 cargo test --test
//! lint_stock` and review the diff).
//!
//! The fixture files are what Debian 12's postinst writes for "Internet Site" with the host name
//! `mail.example.test` (tests/fixtures/debian-stock/README.md); the real-Postfix suite
//! (tests/postfix) starts every test instance from the same two files.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::diagnostic::Severity;
use postfix_tls::options::Role;
use postfix_tls::rules::{lint, LintContext};
use postfix_tls::version::{OpensslVersion, PostfixVersion};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/debian-stock")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name))
        .unwrap_or_else(|e| panic!("cannot read fixture {name}: {e}"))
}

/// Debian 12 ships Postfix 3.7 with OpenSSL 3.0; the stock files are for a public MX.
fn debian12() -> LintContext {
    LintContext {
        postfix: PostfixVersion::new(3, 7),
        openssl: OpensslVersion::V3_0,
        role: Role::PublicMx,
    }
}

fn stock_diagnostics() -> Vec<postfix_tls::diagnostic::Diagnostic> {
    let main = parse_main(&read("main.cf"));
    let master = parse_master(&read("master.cf"));
    lint(Some(&main), Some(&master), &debian12())
}

#[test]
fn stock_debian_config_has_no_errors() {
    let errors: Vec<_> = stock_diagnostics()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "the linter reports errors on Debian's stock config, which Postfix runs: {errors:#?}"
    );
}

#[test]
fn stock_debian_files_parse_completely() {
    let main = parse_main(&read("main.cf"));
    let master = parse_master(&read("master.cf"));
    assert!(main.malformed.is_empty(), "{:#?}", main.malformed);
    assert!(master.malformed.is_empty(), "{:#?}", master.malformed);
}

#[test]
fn stock_debian_lint_matches_fixture() {
    let mut json = serde_json::to_string_pretty(&stock_diagnostics())
        .unwrap_or_else(|e| panic!("diagnostics do not serialize: {e}"));
    json.push('\n');
    let path = fixture("lint.json");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &json).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
        return;
    }
    let expected = read("lint.json");
    assert!(
        expected == json,
        "the linter's findings on Debian's stock config changed; if intended, run \
         `BLESS=1 cargo test --test lint_stock` and review the diff of {path:?}\n\
         --- expected\n{expected}\n--- actual\n{json}"
    );
}
