//! The linter on what the real binaries print. For each measured series (3.5, 3.7, 3.10, 3.11),
//! its whole `postconf -d` output, per-service parameters of its stock master.cf included, beside
//! that stock master.cf, linted for that series, gives no error and no unknown parameter: every
//! line is one that Postfix itself prints. And a name that a newer series added is flagged when
//! linting for an older one.
//!
//! The data is what `scripts/update-params` stored from the binaries (`src/params/`,
//! the stock master.cf of each release); the Postfix suite's catalogue and versions rows hold it
//! to them.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::diagnostic::Severity;
use postfix_tls::lang::Lang;
use postfix_tls::options::Role;
use postfix_tls::rules::RuleId;
use postfix_tls::rules::{lint, LintContext};
use postfix_tls::version::{OpensslVersion, PostfixVersion};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The measured series, newest first, with the OpenSSL their Debian release links.
const SERIES: [(&str, OpensslVersion); 4] = [
    ("3.11", OpensslVersion::V3_5),
    ("3.10", OpensslVersion::V3_5),
    ("3.7", OpensslVersion::V3_0),
    ("3.5", OpensslVersion::V1_1_1),
];

fn read(path: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn split(line: &str) -> (String, String) {
    match line.split_once(" =") {
        Some((name, value)) => (name.to_string(), value.trim_start().to_string()),
        None => (line.to_string(), String::new()),
    }
}

/// `postconf -d` of each series with an empty master.cf, rebuilt from the stored full list of
/// the newest series and the changes of each older one.
fn measured() -> Vec<(PostfixVersion, OpensslVersion, BTreeMap<String, String>)> {
    let mut current: BTreeMap<String, String> = read("src/params/postfix-3.11.txt")
        .lines()
        .map(split)
        .collect();
    let mut all = Vec::new();
    for (i, (series, openssl)) in SERIES.iter().enumerate() {
        if i > 0 {
            for line in read(&format!("src/params/postfix-{series}.txt")).lines() {
                match line.strip_prefix('-') {
                    Some(name) => {
                        current.remove(name);
                    }
                    None => {
                        let (name, value) = split(line);
                        current.insert(name, value);
                    }
                }
            }
        }
        let version = PostfixVersion::parse(series).expect("a known series");
        all.push((version, *openssl, current.clone()));
    }
    all
}

/// The master.cf of the series' Debian release: the generator's preset data, or sid's fixture.
fn stock_master_cf(version: PostfixVersion) -> String {
    let folder = match version.to_string().as_str() {
        "3.5" => "src/stock/debian11",
        "3.7" => "src/stock/debian12",
        "3.10" => "src/stock/debian13",
        _ => "tests/fixtures/debian-stock-3.11",
    };
    format!("{folder}/master.cf")
}

fn context(postfix: PostfixVersion, openssl: OpensslVersion) -> LintContext {
    LintContext {
        postfix,
        openssl,
        role: Role::PublicMx,
    }
}

fn as_main_cf(values: &BTreeMap<String, String>) -> String {
    values
        .iter()
        .map(|(name, value)| format!("{name} = {value}\n"))
        .collect()
}

#[test]
fn each_series_own_postconf_d_beside_its_stock_master_cf_is_clean() {
    let mut wrong = Vec::new();
    for (version, openssl, defaults) in measured() {
        let mut text = as_main_cf(&defaults);
        for line in read(&format!("src/params/services-{version}.txt")).lines() {
            text.push_str(line);
            text.push('\n');
        }
        let main = parse_main(&text);
        let master = parse_master(&read(&stock_master_cf(version)));
        assert!(
            main.malformed.is_empty(),
            "{version}: {:#?}",
            main.malformed
        );
        assert!(
            master.malformed.is_empty(),
            "{version}: {:#?}",
            master.malformed
        );
        let found = lint(Some(&main), Some(&master), &context(version, openssl));
        wrong.extend(
            found
                .iter()
                .filter(|d| d.severity == Severity::Error || d.id == RuleId::UnknownParameter)
                .map(|d| format!("{version}: {}: {}", d.id, d.message.get(Lang::En))),
        );
    }
    assert!(
        wrong.is_empty(),
        "each Postfix prints these lines itself, yet the linter says:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn names_a_newer_series_added_are_flagged_for_an_older_one() {
    let all = measured();
    for pair in all.windows(2) {
        let (newer, _, newer_defaults) = &pair[0];
        let (older, openssl, older_defaults) = &pair[1];
        let added: Vec<&String> = newer_defaults
            .keys()
            .filter(|name| !older_defaults.contains_key(*name))
            .collect();
        assert!(!added.is_empty(), "{newer} added nothing over {older}?");
        for name in added {
            let main = parse_main(&format!("{name} = {}\n", newer_defaults[name]));
            let found = lint(Some(&main), None, &context(*older, *openssl));
            let flagged = found.iter().any(|d| {
                matches!(
                    d.id,
                    RuleId::ParameterNotInVersion
                        | RuleId::UnknownParameter
                        | RuleId::ParameterNeedsPatchRelease
                ) && d.message.get(Lang::En).contains(name.as_str())
            });
            assert!(
                flagged,
                "`{name}` came after {older} (it is in {newer}'s postconf -d only), but linting \
                 it for {older} says nothing about it: {found:#?}"
            );
        }
    }
}
