//! Golden files: the generated output for each version gate and the main variants, compared
//! as plain text. `BLESS=1 cargo test --test render_golden` rewrites them after an intended
//! change; review the diff, the files are the product.

use postfix_tls::lang::Lang;
use postfix_tls::options::{
    CertLayout, CertSource, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role, Sasl,
};
use postfix_tls::render::render;
use postfix_tls::version::{OpensslVersion, PostfixVersion};
use std::path::PathBuf;

/// The options of one golden file.
fn case(postfix: (u8, u8), openssl: OpensslVersion) -> Options {
    Options {
        postfix: PostfixVersion::new(postfix.0, postfix.1),
        openssl,
        ..Options::default()
    }
}

fn cases() -> Vec<(&'static str, Options)> {
    use OpensslVersion::{V1_0_2, V1_1_1, V3_0, V3_5};
    let mut cases = vec![
        ("version-2.2", case((2, 2), V1_0_2)),
        ("version-2.3", case((2, 3), V1_0_2)),
        ("version-2.6", case((2, 6), V1_0_2)),
        ("version-2.11", case((2, 11), V1_0_2)),
        ("version-3.0", case((3, 0), V1_0_2)),
        ("version-3.1", case((3, 1), V1_0_2)),
        ("version-3.4", case((3, 4), V1_1_1)),
        ("version-3.6", case((3, 6), V1_1_1)),
        ("version-3.7", case((3, 7), V3_0)),
        ("version-3.8", case((3, 8), V3_0)),
        ("version-3.9", case((3, 9), V3_0)),
        ("version-3.10", case((3, 10), V3_5)),
        ("version-3.11", case((3, 11), V3_5)),
    ];

    let mut o = case((3, 11), V3_5);
    o.inbound = InboundLevel::Encrypt;
    cases.push(("public-mx-encrypt-3.11", o));

    let mut o = case((3, 7), V3_0);
    o.role = Role::Relay;
    o.inbound = InboundLevel::Encrypt;
    o.inbound_profile = Profile::Modern;
    o.submission_profile = Profile::PostfixDefault;
    cases.push(("relay-encrypt-modern-3.7", o));

    let mut o = case((3, 11), V3_5);
    o.role = Role::NullClient;
    o.relayhost.enabled = true;
    cases.push(("null-client-relay-587-3.11", o));

    let mut o = case((3, 11), V3_5);
    o.relayhost.enabled = true;
    o.relayhost.port = RelayPort::Submissions;
    o.relayhost.host = "smtp.provider.example".into();
    cases.push(("relay-465-3.11", o));

    let mut o = case((2, 11), V1_0_2);
    o.relayhost.enabled = true;
    o.relayhost.port = RelayPort::Submissions;
    o.relayhost.password_maps = "texthash:/etc/postfix/relay_passwd".into();
    cases.push(("relay-465-unavailable-2.11", o));

    let mut o = case((3, 9), V3_0);
    o.outbound = OutboundLevel::Dane;
    o.outbound_profile = Profile::Intermediate;
    cases.push(("outbound-dane-3.9", o));

    let mut o = case((3, 11), V3_5);
    o.outbound = OutboundLevel::Secure;
    cases.push(("outbound-secure-3.11", o));

    let mut o = case((3, 11), V3_5);
    o.outbound = OutboundLevel::None;
    cases.push(("outbound-none-3.11", o));

    let mut o = case((3, 10), V3_5);
    o.outbound = OutboundLevel::None;
    cases.push(("outbound-none-3.10", o));

    let mut o = case((3, 9), V3_0);
    o.certificate.source = CertSource::LetsEncrypt;
    o.certificate.domain = "mail.example.org".into();
    o.certificate.ecdsa = true;
    o.sasl = Sasl::Cyrus;
    cases.push(("letsencrypt-ecdsa-cyrus-3.9", o));

    let mut o = case((3, 3), V1_1_1);
    o.certificate.source = CertSource::Custom;
    o.certificate.cert_file = "/etc/postfix/tls/combined.pem".into();
    o.certificate.key_file = "/etc/postfix/tls/combined.pem".into();
    o.certificate.layout = CertLayout::CertAndKey;
    o.certificate.ecdsa = true;
    cases.push(("custom-combined-ecdsa-3.3", o));

    let mut o = case((3, 5), V1_1_1);
    o.inbound_profile = Profile::ScannerClean;
    o.submission_profile = Profile::ScannerClean;
    o.outbound_profile = Profile::ScannerClean;
    cases.push(("scanner-clean-3.5", o));

    let mut o = case((3, 11), V3_5);
    o.submission_profile = Profile::Modern;
    o.comments = true;
    cases.push(("comments-modern-3.11", o));

    let mut o = case((3, 11), V3_5);
    o.certificate.source = CertSource::Custom;
    o.certificate.key_file = "/etc/ssl/private/key.pem\nsmtpd_tls_security_level = none".into();
    o.relayhost.enabled = true;
    o.relayhost.host = "smtp.example.net # evil".into();
    cases.push(("rejected-values-3.11", o));

    let mut o = case((2, 5), V1_0_2);
    o.role = Role::Relay;
    o.inbound = InboundLevel::Encrypt;
    o.outbound = OutboundLevel::Encrypt;
    cases.push(("relay-encrypt-2.5", o));

    cases
}

fn json(options: &Options) -> serde_json::Value {
    serde_json::from_str(&options.to_json()).unwrap_or_default()
}

/// The members of `value` that differ from `default`, objects compared member by member.
fn changes(value: &serde_json::Value, default: &serde_json::Value) -> serde_json::Value {
    match (value, default) {
        (serde_json::Value::Object(v), serde_json::Value::Object(d)) => v
            .iter()
            .filter(|(k, x)| d.get(*k) != Some(*x))
            .map(|(k, x)| {
                let changed = d.get(k).map_or_else(|| x.clone(), |dx| changes(x, dx));
                (k.clone(), changed)
            })
            .collect::<serde_json::Map<_, _>>()
            .into(),
        _ => value.clone(),
    }
}

fn golden_text(options: &Options) -> String {
    let r = render(options);
    let mut out = String::new();
    // Only what differs from the defaults, so that a new option that is off by default
    // leaves every golden file as it was.
    out.push_str("# options (JSON, what differs from the defaults):\n");
    let changed = changes(&json(options), &json(&Options::default()));
    let text = serde_json::to_string_pretty(&changed).unwrap_or_default();
    for line in text.lines() {
        out.push_str(&format!("#   {line}\n"));
    }
    out.push_str("=== main.cf\n");
    out.push_str(&r.main_cf);
    out.push_str("=== master.cf\n");
    out.push_str(&r.master_cf);
    out.push_str("=== postconf\n");
    out.push_str(&r.postconf);
    for other in &r.others {
        out.push_str(&format!(
            "=== {}: {}\n",
            other.id,
            other.title.get(Lang::En)
        ));
        out.push_str(&other.text);
    }
    out.push_str("=== diagnostics\n");
    for d in &r.problems {
        out.push_str(&format!(
            "{}[{}]: {}\n  help: {}\n",
            d.severity,
            d.id,
            d.message.get(Lang::En),
            d.help.get(Lang::En)
        ));
    }
    out
}

#[test]
fn generated_output_matches_the_golden_files() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    let mut mismatches = Vec::new();
    for (name, options) in cases() {
        let path = dir.join(format!("{name}.txt"));
        let actual = golden_text(&options);
        if bless {
            std::fs::write(&path, &actual).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            mismatches.push(format!(
                "{}: differs (run with BLESS=1 to rewrite)\n--- expected\n{expected}\n--- actual\n{actual}",
                path.display()
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_golden_file_belongs_to_a_case() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let names: Vec<String> = cases().iter().map(|(n, _)| format!("{n}.txt")).collect();
    for entry in std::fs::read_dir(dir).expect("golden dir") {
        let file = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(names.contains(&file), "stale golden file {file}");
    }
}
