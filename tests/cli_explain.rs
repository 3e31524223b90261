//! `postfix-tls explain`, run as a user would.

use std::process::{Command, Output};

fn explain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_postfix-tls"))
        .arg("explain")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn json_has_the_issue_keys_and_the_measured_default_of_the_version() {
    let out = explain(&[
        "smtp_tls_mandatory_protocols",
        "--postfix-version",
        "3.5",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    for key in [
        "name",
        "since",
        "default",
        "values",
        "summary",
        "generator_options",
        "rules",
    ] {
        assert!(json.get(key).is_some(), "no `{key}` in {json}");
    }
    assert_eq!(json["name"], "smtp_tls_mandatory_protocols");
    // Postfix 3.5.25's postconf -d, not the newer `>=TLSv1`.
    assert_eq!(json["default"]["value"], "!SSLv2, !SSLv3");
    assert_eq!(json["default"]["basis"], "measured");
    assert_eq!(json["default"]["measured"][0]["version"], "3.11");
    assert_eq!(json["default"]["measured"][0]["value"], ">=TLSv1");
    assert!(json["summary"]["de"]
        .as_str()
        .is_some_and(|de| de.contains("TLS-Versionen")));
    let values: Vec<&str> = json["values"]
        .as_array()
        .expect("values")
        .iter()
        .filter_map(|v| v["value"].as_str())
        .collect();
    assert!(
        values.contains(&"TLSv1.3") && values.contains(&">="),
        "{values:?}"
    );
    assert_eq!(
        json["generator_options"][0]["en"],
        "Protocols and ciphers outbound"
    );
    let rules: Vec<&str> = json["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(rules.contains(&"invalid_value"), "{rules:?}");
}

#[test]
fn a_series_without_a_binary_is_marked_with_its_source() {
    let out = explain(&[
        "tls_config_file",
        "--postfix-version",
        "3.6",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["default"]["basis"], "nearest");
    assert_eq!(json["default"]["from"], "3.5");
    assert_eq!(json["since"]["release"], "3.5.20");
    assert_eq!(json["since"]["backports"][0], "3.6.10");
    assert!(json["default"]["source"]["en"].as_str().is_some_and(|s| s
        .contains("postconf(5) states no default for this release")
        && s.contains("Postfix 3.5.25")));
    let text = stdout(&explain(&["tls_config_file", "--postfix-version", "3.6"]));
    assert!(text.contains("Postfix 3.6 has it from 3.6.10 on"), "{text}");
    assert!(text.contains("not measured"), "{text}");
    // A default postconf(5) states for the series, with the page and section to look it up.
    let documented = explain(&[
        "smtpd_tls_protocols",
        "--postfix-version",
        "3.8",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&documented)).expect("valid JSON");
    assert_eq!(json["default"]["value"], ">=TLSv1");
    assert_eq!(json["default"]["basis"], "documented");
    assert_eq!(json["default"]["from"], "3.11");
    assert_eq!(
        json["default"]["source"]["en"],
        "not measured: from postconf(5) of Postfix 3.11.7 (section smtpd_tls_protocols), which states it for Postfix 3.6 and later"
    );
    let text = stdout(&explain(&[
        "smtpd_tls_protocols",
        "--postfix-version",
        "3.8",
        "--lang",
        "de",
    ]));
    assert!(
        text.contains("default:   >=TLSv1  [Postfix 3.8, nicht gemessen: aus postconf(5) von Postfix 3.11.7 (Abschnitt smtpd_tls_protocols)"),
        "{text}"
    );
    let absent = explain(&[
        "requiretls_enable",
        "--postfix-version",
        "3.10",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&absent)).expect("valid JSON");
    assert_eq!(json["default"]["basis"], "absent");
    assert!(json["default"]["value"].is_null());
}

#[test]
fn text_speaks_german_on_request() {
    let out = explain(&["smtpd_tls_security_level", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("smtpd_tls_security_level\n"), "{text}");
    assert!(text.contains("öffentlicher MX"), "{text}");
    assert!(text.contains("mx_requires_tls"), "{text}");
    assert!(text.contains("https://www.postfix.org/postconf.5.html#smtpd_tls_security_level"));
}

#[test]
fn an_unknown_name_exits_2_and_names_close_ones() {
    let out = explain(&["smtp_tls_protocol"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("unknown parameter `smtp_tls_protocol`"),
        "{err}"
    );
    assert!(err.contains("`smtp_tls_protocols`"), "{err}");
    let part = stderr(&explain(&["mandatory_protocols"]));
    assert!(part.contains("`smtpd_tls_mandatory_protocols`"), "{part}");
    let outside = explain(&["myhostname"]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(stderr(&outside).contains("postconf.5.html#myhostname"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(explain(&[]).status.code(), Some(2));
    assert_eq!(
        explain(&["relayhost", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        explain(&["relayhost", "--postfix-version", "9.9"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn list_prints_every_entry_once() {
    let out = explain(&["--list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let names: Vec<&str> = text.lines().collect();
    assert_eq!(names.len(), postfix_tls::reference::entries().len());
    assert!(names.windows(2).all(|w| w[0] < w[1]));
    assert!(names.contains(&"smtpd_tls_security_level"));
}

#[test]
fn list_as_json_gives_each_default_for_the_version() {
    let out = explain(&["--list", "--postfix-version", "3.10", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let rows = json.as_array().expect("an array");
    assert_eq!(rows.len(), postfix_tls::reference::entries().len());
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).cloned();
    let tlsrpt = row("smtp_tlsrpt_enable").expect("listed");
    assert_eq!(tlsrpt["default"], "no");
    assert_eq!(tlsrpt["basis"], "measured");
    let requiretls = row("requiretls_enable").expect("listed");
    assert!(requiretls["default"].is_null());
    assert_eq!(requiretls["basis"], "absent");
}
