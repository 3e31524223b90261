//! The output applied to each distribution's stock files (src/stock): the whole pair lints
//! with no error and no finding about the merge, for a spread of choices.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::diagnostic::Severity;
use postfix_tls::lang::Lang;
use postfix_tls::options::{CertLayout, CertSource, InboundLevel, Options, Sasl};
use postfix_tls::rules::RuleId;
use postfix_tls::rules::{lint, LintContext};
use postfix_tls::stock;
use postfix_tls::version::Preset;

/// What a merge can get wrong: a parameter twice, a name Postfix does not use, a broken line.
const MERGE_FINDINGS: &[RuleId] = &[
    RuleId::DuplicateParameter,
    RuleId::UnknownParameter,
    RuleId::MalformedLine,
    RuleId::IgnoredServiceArgument,
];

fn variants(preset: Preset) -> Vec<Options> {
    let mut all = Vec::new();
    for source in [
        CertSource::Snakeoil,
        CertSource::LetsEncrypt,
        CertSource::Custom,
    ] {
        for layout in [CertLayout::ChainFiles, CertLayout::CertAndKey] {
            for (inbound, relay, sasl) in [
                (InboundLevel::May, false, Sasl::Dovecot),
                (InboundLevel::None, true, Sasl::Cyrus),
            ] {
                let mut o = Options::default();
                o.apply_preset(preset);
                o.certificate.source = source;
                o.certificate.layout = layout;
                o.inbound = inbound;
                o.relayhost.enabled = relay;
                o.sasl = sasl;
                o.harden_logjam = relay;
                all.push(o);
            }
        }
    }
    all
}

#[test]
fn stock_files_with_the_output_applied_lint_clean() {
    for preset in [Preset::Debian11, Preset::Debian12, Preset::Debian13] {
        for o in variants(preset) {
            let out = postfix_tls::generate(&o);
            let (main, master) =
                stock::applied(&o, &out.main_cf, &out.master_cf).expect("stock files");
            let found = lint(
                Some(&parse_main(&main.text)),
                Some(&parse_master(&master.text)),
                &LintContext::for_options(&o),
            );
            let bad: Vec<String> = found
                .iter()
                .filter(|d| d.severity == Severity::Error || MERGE_FINDINGS.contains(&d.id))
                .map(|d| format!("{}:{:?}: {}", d.id, d.line, d.message.get(Lang::En)))
                .collect();
            assert!(bad.is_empty(), "{preset:?} {}: {bad:?}", o.to_json());
            // Every generated setting is in the whole file once with its value (a cleared
            // one not at all).
            let whole = parse_main(&main.text);
            for p in parse_main(&out.main_cf).params {
                let set: Vec<&str> = whole
                    .params
                    .iter()
                    .filter(|w| w.name == p.name)
                    .map(|w| w.value.as_str())
                    .collect();
                let expected: Vec<&str> = if p.value.is_empty() {
                    vec![]
                } else {
                    vec![p.value.as_str()]
                };
                assert_eq!(set, expected, "{preset:?} {}", p.name);
            }
            assert!(main
                .diff
                .starts_with("--- main.cf (stock)\n+++ main.cf\n@@ -"));
        }
    }
}

proptest::proptest! {
    /// Whatever file is given to --merge-with, merging never panics, and a snippet with
    /// nothing in it leaves the file byte for byte as it was.
    #[test]
    fn any_file_merges_without_panic(original in "(?s)[ -~\t\n\r#=äö-]{0,400}") {
        let out = postfix_tls::generate(&Options::default());
        let _ = postfix_tls::merge::main_cf(&original, &out.main_cf);
        let _ = postfix_tls::merge::master_cf(&original, &out.master_cf);
        proptest::prop_assert_eq!(postfix_tls::merge::main_cf(&original, ""), original.clone());
        proptest::prop_assert_eq!(postfix_tls::merge::master_cf(&original, ""), original);
    }
}
