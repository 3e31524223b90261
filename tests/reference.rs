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

/// With "Explain each line" on, the comment right above every main.cf setting links to a
/// reference entry (one it names, or else the setting's own), every link opens a real entry,
/// and the page's pieces put together are exactly the generated text.
#[test]
fn every_explanation_links_to_an_entry() {
    let mut linked_names = BTreeSet::new();
    for options in sweep() {
        let options = Options {
            comments: true,
            ..options
        };
        let output = postfix_tls::generate(&options);
        for text in [&output.main_cf, &output.master_cf] {
            let pieces = reference::explanation_links(text);
            let mut joined = String::new();
            let mut linked_lines = BTreeSet::new();
            for piece in &pieces {
                match piece {
                    reference::Piece::Text(t) => joined.push_str(t),
                    reference::Piece::Link { text, name } => {
                        linked_lines.insert(joined.matches('\n').count());
                        joined.push_str(text);
                        assert!(reference::entry(name).is_some(), "no entry `{name}`");
                        linked_names.insert(name.to_string());
                    }
                }
            }
            assert_eq!(&joined, text);
            if text != &output.main_cf {
                continue;
            }
            for (index, line) in text.lines().enumerate() {
                let setting = !line.is_empty() && !line.starts_with('#');
                assert!(
                    !setting || linked_lines.contains(&(index - 1)),
                    "`{line}` has no linked explanation in\n{text}"
                );
            }
        }
    }
    assert!(linked_names.len() > 20, "{linked_names:?}");
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
        assert_ne!(
            summary.get(Lang::En),
            summary.get(Lang::De),
            "`{}`",
            entry.name
        );
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
                assert!(!meaning.get(Lang::En).is_empty() && !meaning.get(Lang::De).is_empty());
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
    // postconf(5) of 3.11: `Postfix >= 3.11: may; Postfix < 3.11: empty`.
    let documented = entry.default_for(v(3, 9));
    assert_eq!(documented.value, Some(""));
    let Basis::Documented(statement) = documented.basis else {
        panic!("{documented:?}");
    };
    assert_eq!(
        (statement.relation, statement.series, statement.page),
        (params::Relation::Before, v(3, 11), v(3, 11))
    );
    assert_eq!(
        entry.default_for(v(2, 2)).basis,
        Basis::Absent(params::Availability::NotYet { former: None })
    );
}

#[test]
fn unmeasured_series_take_the_default_postconf_5_states() {
    let v = PostfixVersion::new;
    let default = |name: &str, version| reference::entry(name).expect("entry").default_for(version);
    // "Starting with Postfix 3.6, the default value is ">=TLSv1"".
    let protocols = default("smtpd_tls_protocols", v(3, 8));
    assert_eq!(protocols.value, Some(">=TLSv1"));
    assert!(matches!(protocols.basis, Basis::Documented(d) if d.series == v(3, 6)));
    assert_eq!(
        default("smtpd_tls_protocols", v(3, 6)).value,
        Some(">=TLSv1")
    );
    // Nothing stated for 3.4: plainly the nearest measured series.
    let old = default("smtpd_tls_protocols", v(3, 4));
    assert_eq!(old.basis, Basis::Nearest(v(3, 5)));
    assert_eq!(old.value, Some("!SSLv2, !SSLv3"));
    // "With Postfix <= 3.5, the default algorithm is md5": 3.4 is documented, and 3.6 lies
    // past the change, so it takes 3.7's default, not 3.5's.
    let digest = default("smtp_tls_fingerprint_digest", v(3, 4));
    assert_eq!(digest.value, Some("md5"));
    assert!(matches!(digest.basis, Basis::Documented(_)));
    let digest = default("smtp_tls_fingerprint_digest", v(3, 6));
    assert_eq!(digest.basis, Basis::Nearest(v(3, 7)));
    assert!(digest.value.is_some_and(|d| d.contains("sha256")));
    // Backported switched off, on by default from 3.9 (`Postfix >= 3.9: yes`).
    let pipelining = default("smtpd_forbid_unauth_pipelining", v(3, 9));
    assert_eq!(pipelining.value, Some("yes"));
    assert!(matches!(pipelining.basis, Basis::Documented(_)));
    let pipelining = default("smtpd_forbid_unauth_pipelining", v(3, 8));
    assert_eq!(
        (pipelining.value, pipelining.basis),
        (Some("no"), Basis::Nearest(v(3, 7)))
    );
}

/// Every documented default the reference shows is what each measured series it speaks of
/// prints (the same words, or a `compatibility_level` expression with it as one branch), and
/// no series it knows is left without a value or a reason.
#[test]
fn documented_defaults_agree_with_the_measured_series() {
    let words = |value: &str| {
        value
            .split(',')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(", ")
    };
    for entry in reference::entries() {
        for &version in PostfixVersion::ALL {
            let default = entry.default_for(version);
            assert_ne!(
                default.basis,
                Basis::Absent(params::Availability::Available),
                "{} in {version}",
                entry.name
            );
            let Basis::Documented(documented) = default.basis else {
                continue;
            };
            for measured in params::MEASURED {
                let Some(value) = params::measured_default(entry.name, measured) else {
                    continue;
                };
                if documented.covers(measured) {
                    assert!(
                        words(value) == words(documented.value)
                            || value.contains(&format!("{{{}}}", documented.value)),
                        "{}: postconf(5) of {} says {:?} for {measured}, which prints {value:?}",
                        entry.name,
                        documented.page,
                        documented.value
                    );
                }
            }
        }
    }
}

#[test]
fn every_series_has_one_default_row() {
    for card in reference::cards() {
        let first = card.series.first().expect("a row");
        let last = card.series.last().expect("a row");
        assert_eq!(first.first, PostfixVersion::ALL[0].to_string());
        assert_eq!(last.last, PostfixVersion::LATEST.to_string());
        for pair in card.series.windows(2) {
            let end = PostfixVersion::parse(&pair[0].last).expect("a series");
            let next = PostfixVersion::parse(&pair[1].first).expect("a series");
            let after = PostfixVersion::ALL
                .iter()
                .position(|&v| v == end)
                .expect("known");
            assert_eq!(PostfixVersion::ALL[after + 1], next, "{}", card.name);
            assert!(
                (&pair[0].value, &pair[0].source) != (&pair[1].value, &pair[1].source),
                "{}: two equal rows",
                card.name
            );
        }
        for &version in PostfixVersion::ALL {
            let row = card.series_default(version).expect("covered");
            let entry = reference::entry(&card.name).expect("entry");
            assert_eq!(row.value.as_deref(), entry.default_for(version).value);
        }
    }
    let card = reference::entry("smtpd_tls_protocols")
        .expect("entry")
        .card();
    let row = card
        .series_default(PostfixVersion::new(3, 9))
        .expect("covered");
    assert_eq!(
        row.source.note(&card.name).get(Lang::En),
        "not measured: from postconf(5) of Postfix 3.11.7 (section smtpd_tls_protocols), which states it for Postfix 3.6 and later"
    );
    let row = card
        .series_default(PostfixVersion::new(3, 7))
        .expect("covered");
    assert_eq!(
        row.source.note(&card.name).get(Lang::De),
        "gemessen: postconf -d von Postfix 3.7.11"
    );
    let card = reference::entry("tls_config_file").expect("entry").card();
    assert_eq!(
        card.patch_release(PostfixVersion::new(3, 6)),
        Some("3.6.10")
    );
    assert_eq!(card.patch_release(PostfixVersion::new(3, 9)), None);
    let row = card
        .series_default(PostfixVersion::new(3, 4))
        .expect("covered");
    assert_eq!(row.value, None);
    assert_eq!(
        row.source.note(&card.name).get(Lang::En),
        "not in this release yet: it came with Postfix 3.5.20"
    );
}

#[test]
fn the_data_round_trips_through_its_file() {
    let data = reference::data();
    assert_eq!(data.cards.len(), reference::entries().len());
    let json = serde_json::to_string(&reference::DataFile::from(&data)).expect("serialises");
    let back: reference::DataFile = serde_json::from_str(&json).expect("parses");
    assert_eq!(back.into_data(), data);
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
