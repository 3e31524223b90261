//! The parameter reference covers what the tool touches: every parameter the generator
//! writes for any choice, every parameter the lint rules read, and every parameter of the
//! measured catalogue that the selection (TLS, SASL, transport security) names; and
//! every entry speaks both languages.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::edit::Edit;
use postfix_tls::fields::{Control, Field};
use postfix_tls::lang::Lang;
use postfix_tls::options::{
    CertLayout, CertSource, Choice, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role,
    Sasl,
};
use postfix_tls::params;
use postfix_tls::reference::{self, Basis};
use postfix_tls::rules::RuleId;
use postfix_tls::version::{OpensslVersion, PostfixVersion};
use std::collections::BTreeSet;
use std::path::Path;

/// The options to sweep: every value of every choice, one at a time from the defaults and
/// from a smarthost null client, for every Postfix series with an OpenSSL it can use.
fn sweep() -> Vec<Options> {
    let mut bases = vec![Options::default()];
    let mut relay = Options {
        role: Role::NullClient,
        ..Options::default()
    };
    relay.relayhost.enabled = true;
    bases.push(relay);
    let mut variants: Vec<Options> = Vec::new();
    for base in &bases {
        variants.push(base.clone());
        for &role in Role::ALL {
            variants.push(Options {
                role,
                ..base.clone()
            });
        }
        for &inbound in InboundLevel::ALL {
            variants.push(Options {
                inbound,
                ..base.clone()
            });
        }
        for &outbound in OutboundLevel::ALL {
            variants.push(Options {
                outbound,
                ..base.clone()
            });
        }
        for &sasl in Sasl::ALL {
            variants.push(Options {
                sasl,
                ..base.clone()
            });
        }
        for &profile in Profile::ALL {
            variants.push(Options {
                inbound_profile: profile,
                submission_profile: profile,
                outbound_profile: profile,
                ..base.clone()
            });
        }
        for &source in CertSource::ALL {
            for &layout in CertLayout::ALL {
                for ecdsa in [false, true] {
                    let mut o = base.clone();
                    o.certificate.source = source;
                    o.certificate.layout = layout;
                    o.certificate.ecdsa = ecdsa;
                    variants.push(o);
                }
            }
        }
        for &port in RelayPort::ALL {
            for auth in [false, true] {
                let mut o = base.clone();
                o.relayhost.enabled = true;
                o.relayhost.port = port;
                o.relayhost.auth = auth;
                variants.push(o);
            }
        }
        // Every yes/no option of the table, flipped.
        for &field in Field::ALL {
            if let Control::Switch { get, .. } = field.row().control {
                let mut o = base.clone();
                o.edit(Edit::Switch(field, !get(&o)));
                variants.push(o);
            }
        }
    }
    let mut all = Vec::new();
    for &postfix in PostfixVersion::ALL {
        let openssl = OpensslVersion::minimum_for(postfix);
        for o in &variants {
            all.push(Options {
                postfix,
                openssl,
                ..o.clone()
            });
        }
    }
    all
}

#[test]
fn every_parameter_the_generator_writes_has_an_entry() {
    let mut written = BTreeSet::new();
    for options in sweep() {
        let output = postfix_tls::generate(&options);
        let main = parse_main(&output.main_cf);
        written.extend(main.params.iter().map(|p| p.name.clone()));
        let master = parse_master(&output.master_cf);
        for service in &master.services {
            written.extend(service.overrides.iter().map(|p| p.name.clone()));
        }
    }
    assert!(written.len() > 40, "the sweep writes {written:?}");
    let missing: Vec<&String> = written
        .iter()
        .filter(|n| reference::entry(n).is_none())
        .collect();
    assert!(missing.is_empty(), "written without an entry: {missing:?}");
    // And each of them names the choices that write it.
    let unattributed: Vec<&String> = written
        .iter()
        .filter(|n| reference::entry(n).is_some_and(|e| e.generator_options().is_empty()))
        .collect();
    assert!(
        unattributed.is_empty(),
        "written by no choice of the option table: {unattributed:?}"
    );
}

/// The string literals of a source file that are Postfix parameter names, outside its tests.
fn parameter_literals(source: &str) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut found = BTreeSet::new();
    for piece in code.split('"').skip(1).step_by(2) {
        let is_name = !piece.is_empty()
            && piece.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && piece.contains('_');
        if is_name
            && PostfixVersion::ALL
                .iter()
                .any(|&v| params::is_known(piece, v))
        {
            found.insert(piece.to_string());
        }
    }
    found
}

#[test]
fn every_parameter_a_rule_reads_has_an_entry() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut read = BTreeSet::new();
    for file in std::fs::read_dir(&dir).expect("src/rules") {
        let path = file.expect("a file").path();
        let source = std::fs::read_to_string(&path).expect("readable");
        read.extend(parameter_literals(&source));
    }
    assert!(
        read.contains("smtpd_tls_security_level") && read.len() > 30,
        "{read:?}"
    );
    let missing: Vec<&String> = read
        .iter()
        .filter(|n| reference::entry(n).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "read by a rule without an entry: {missing:?}"
    );
}

#[test]
fn the_literal_scan_finds_names_only() {
    let found = parameter_literals(
        "let a = \"smtpd_tls_security_level\"; let b = \"may\"; let c = \"no_such_param\";\n#[cfg(test)]\n\"relayhost\"",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["smtpd_tls_security_level"]
    );
}

/// The selection: names holding tls, sasl, ssl, cipher, dane, tlsrpt or requiretls,
/// `sts` as a word of the name, and the listed relay and restriction parameters.
fn selected(name: &str) -> bool {
    ["tls", "sasl", "ssl", "cipher", "dane", "requiretls"]
        .iter()
        .any(|w| name.contains(w))
        || name.split('_').any(|w| w == "sts")
        || (name.starts_with("smtpd_") && name.ends_with("_restrictions"))
        || [
            "relayhost",
            "mynetworks",
            "inet_interfaces",
            "compatibility_level",
        ]
        .contains(&name)
}

#[test]
fn every_selected_catalogue_parameter_has_an_entry() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/params");
    let mut names = BTreeSet::new();
    for version in ["3.11", "3.10", "3.7", "3.5"] {
        let text = std::fs::read_to_string(dir.join(format!("postfix-{version}.txt")))
            .expect("measured defaults");
        for line in text.lines() {
            let name = line
                .trim_start_matches('-')
                .split(" =")
                .next()
                .unwrap_or_default();
            if selected(name) {
                names.insert(name.to_string());
            }
        }
    }
    assert!(names.len() > 200, "{}", names.len());
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| reference::entry(n).is_none())
        .collect();
    assert!(missing.is_empty(), "selected without an entry: {missing:?}");
}

#[test]
fn every_entry_is_a_real_parameter_in_both_languages() {
    for entry in reference::entries() {
        let known = PostfixVersion::ALL
            .iter()
            .any(|&v| params::is_known(entry.name, v));
        assert!(known, "`{}` is no Postfix parameter", entry.name);
        let summary = entry.summary();
        for lang in Lang::ALL {
            let text = summary.get(*lang);
            assert!(
                text.len() > 20 && text.ends_with('.'),
                "`{}` in {lang:?}: {text:?}",
                entry.name
            );
        }
        assert_ne!(summary.en, summary.de, "`{}`", entry.name);
        assert!(
            entry
                .measured_defaults()
                .iter()
                .any(|(_, value)| value.is_some()),
            "`{}` has no measured default",
            entry.name
        );
        for value in entry.values() {
            if let Some(meaning) = value.meaning {
                assert!(!meaning.en.is_empty() && !meaning.de.is_empty());
            }
        }
    }
}

#[test]
fn every_word_of_a_closed_vocabulary_is_explained() {
    for entry in reference::entries() {
        if params::value_kind(entry.name) == Some(params::ValueKind::Restrictions) {
            // Dozens of restrictions: the common ones are explained, the rest listed.
            continue;
        }
        for value in entry.values() {
            assert!(
                value.meaning.is_some(),
                "`{}` of `{}` has no meaning",
                value.word,
                entry.name
            );
        }
    }
}

#[test]
fn defaults_are_measured_or_marked_with_their_source() {
    let v = PostfixVersion::new;
    let entry = reference::entry("smtp_tls_security_level").expect("entry");
    for &(version, value) in &entry.measured_defaults() {
        assert_eq!(value, params::measured_default(entry.name, version));
    }
    assert_eq!(entry.default_for(v(3, 11)).basis, Basis::Measured);
    assert_eq!(entry.default_for(v(3, 9)).basis, Basis::Nearest(v(3, 7)));
    assert_eq!(entry.default_for(v(3, 6)).basis, Basis::Nearest(v(3, 5)));
    assert_eq!(entry.default_for(v(2, 2)).basis, Basis::Absent);
}

#[test]
fn cards_round_trip_through_json() {
    let cards = reference::cards();
    assert_eq!(cards.len(), reference::entries().len());
    let json = serde_json::to_string(&cards).expect("serialises");
    let back: Vec<reference::Card> = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, cards);
}

#[test]
fn every_parameter_a_rule_reads_names_a_rule_that_reads_it() {
    let generic = [
        RuleId::InvalidValue,
        RuleId::ParameterNotInVersion,
        RuleId::ParameterNeedsPatchRelease,
    ];
    // Names the rule code holds without a rule of their own: the replacements a
    // deprecation finding names, a digest that only matters once a client level compares
    // fingerprints, and the restriction classes the value check accepts as restrictions.
    let exceptions = [
        "lmtp_tls_policy_maps",
        "tlsproxy_client_policy_maps",
        "lmtp_tls_fingerprint_digest",
        "smtpd_restriction_classes",
        // The value check's own backport fact (`normalize` from 3.5.24 on), no rule of its own.
        "smtpd_forbid_bare_newline",
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut unattributed = Vec::new();
    for file in std::fs::read_dir(&dir).expect("src/rules") {
        let source = std::fs::read_to_string(file.expect("a file").path()).expect("readable");
        for name in parameter_literals(&source) {
            let specific = reference::entry(&name)
                .is_some_and(|e| e.rules().iter().any(|r| !generic.contains(&r.id)));
            if !specific && !exceptions.contains(&name.as_str()) {
                unattributed.push(name);
            }
        }
    }
    assert!(
        unattributed.is_empty(),
        "read by rule code, but no rule found that reads it: {unattributed:?}"
    );
}
