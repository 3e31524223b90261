//! "Open in the generator": a pasted configuration read back into the generator's options
//! (src/import.rs), the seed's snippets and real-world configurations with the choices a mail
//! admin would expect, never a panic and never a refused value in the options, whatever the
//! text. The round trip over the whole option space is in tests/property.rs.

use postfix_tls::diagnostic::FileKind;
use postfix_tls::import::{self, Imported, LeftOutKind};
use postfix_tls::options::{
    CertLayout, CertSource, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role, Sasl,
};
use postfix_tls::paste::Paste;
use postfix_tls::version::PostfixVersion;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn v(major: u8, minor: u8) -> PostfixVersion {
    PostfixVersion::new(major, minor)
}

fn read_text(text: &str, postfix: PostfixVersion) -> Imported {
    import::read(&Paste::read(text, None), postfix, &Options::default())
}

fn file(path: &str) -> String {
    let at = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&at).unwrap_or_else(|e| panic!("{}: {e}", at.display()))
}

fn left_out_names(read: &Imported) -> Vec<(Option<usize>, &str)> {
    read.left_out
        .iter()
        .map(|l| (l.line, l.name.as_str()))
        .collect()
}

/// What every reading must be: options the generator accepts, and each line it names is a
/// line of the text that holds the name.
fn check_reading(read: &Imported, main: &str, master: &str) -> Result<(), String> {
    if let Some(d) = read.options.validate().first() {
        return Err(format!("refused value in the options: {}", d.message.en));
    }
    for left in &read.left_out {
        let Some(line) = left.line else { continue };
        let text = match left.file {
            FileKind::MasterCf => master,
            FileKind::MainCf | FileKind::PostconfN => main,
        };
        let at = text.lines().nth(line.wrapping_sub(1)).unwrap_or_default();
        let name = left.name.rsplit('/').next().unwrap_or_default();
        if !at.contains(name) {
            return Err(format!("line {line} is {at:?}, not `{}`", left.name));
        }
        if left.reason.en.is_empty() || left.reason.en == left.reason.de {
            return Err(format!(
                "`{}` without a reason in both languages",
                left.name
            ));
        }
    }
    Ok(())
}

#[test]
fn the_seed_classic_main_cf_is_a_relay_requiring_tls_with_snakeoil() {
    let text = file("tests/fixtures/seed-classic-main.cf");
    let read = read_text(&text, v(3, 7));
    let o = &read.options;
    assert_eq!(o.inbound, InboundLevel::Encrypt);
    assert_eq!(o.role, Role::Relay);
    assert!(read.role_guessed);
    assert!(read.role_reason.en.contains("RFC 3207"));
    assert_eq!(o.certificate.source, CertSource::Snakeoil);
    assert_eq!(o.certificate.layout, CertLayout::CertAndKey);
    // No outbound line: Postfix 3.7 sends without TLS.
    assert_eq!(o.outbound, OutboundLevel::None);
    assert_eq!(
        left_out_names(&read),
        [
            (Some(3), "smtpd_use_tls"),
            (Some(5), "smtpd_enforce_tls"),
            (None, "master.cf")
        ]
    );
    assert_eq!(read.left_out[2].kind, LeftOutKind::Missing);
    check_reading(&read, &text, "").unwrap();
}

#[test]
fn the_seed_translations_are_listed_and_the_choices_stay() {
    let text = file("tests/fixtures/seed-receive-main.cf");
    let read = read_text(&text, v(3, 7));
    assert_eq!(read.options.inbound, InboundLevel::May);
    let kann = &read.left_out[0];
    assert_eq!(
        (kann.line, kann.name.as_str()),
        (Some(2), "smtpd_tls_security_level")
    );
    assert_eq!(kann.kind, LeftOutKind::Value);
    assert!(kann.reason.en.contains("not a level"));
    let ja = &read.left_out[1];
    assert_eq!((ja.line, ja.name.as_str()), (Some(3), "smtpd_use_tls"));
    assert!(ja.reason.en.contains("ignores"), "{}", ja.reason.en);
    assert_eq!(read.options.certificate.source, CertSource::Custom);
    assert_eq!(read.options.certificate.cert_file, "/Pfad/zu/cert.pem");
    check_reading(&read, &text, "").unwrap();
}

#[test]
fn the_seed_master_cf_with_its_german_service_name_is_no_submission() {
    // `Übermittlung` is not a port: no service on 587 or 465. A snippet without port 25 says
    // nothing about the role; `encrypt` on port 25 does.
    let main = file("tests/fixtures/seed-classic-main.cf");
    let master = file("tests/fixtures/seed-submission-master.cf");
    let read = import::read(
        &Paste::files(Some(&main), Some(&master)),
        v(3, 7),
        &Options::default(),
    );
    assert!(!read.options.submission && !read.options.submissions);
    assert_eq!(read.options.role, Role::Relay);
    assert!(read
        .left_out
        .iter()
        .any(|l| l.name == "Übermittlung/smtpd_tls_security_level"
            && l.line == Some(4)
            && l.file == FileKind::MasterCf));
    check_reading(&read, &main, &master).unwrap();
}

#[test]
fn mail_in_a_box_reads_as_its_choices() {
    let (main, master) = (
        file("tests/realworld/mail-in-a-box/main.cf"),
        file("tests/realworld/mail-in-a-box/master.cf"),
    );
    // Pasted as one text, the way `cat main.cf master.cf` prints it.
    let text = format!("{main}{master}");
    let read = read_text(&text, v(3, 7));
    let o = &read.options;
    assert_eq!(o.role, Role::PublicMx);
    assert_eq!(o.inbound, InboundLevel::May);
    assert_eq!(o.outbound, OutboundLevel::Dane);
    assert!(o.submission && o.submissions);
    assert_eq!(o.sasl, Sasl::Dovecot);
    assert_eq!(o.certificate.source, CertSource::Custom);
    assert_eq!(
        o.certificate.cert_file,
        "/home/user-data/ssl/ssl_certificate.pem"
    );
    assert_eq!(o.certificate.layout, CertLayout::CertAndKey);
    assert_eq!(o.submission_profile, Profile::Intermediate);
    assert!(o.harden_logjam && o.tls_logging && o.received_header);
    assert!(!o.relayhost.enabled);
    // Its 465 service is `smtps`, which 3.7's generator calls `submissions`.
    let main_lines = main.lines().count();
    assert!(read.left_out.iter().any(|l| l.name == "smtps"
        && l.file == FileKind::MasterCf
        && l.line == Some(main_lines + 144)));
    // `smtp_tls_loglevel = 2` is more than the generator writes.
    assert!(read
        .left_out
        .iter()
        .any(|l| l.name == "smtp_tls_loglevel" && l.kind == LeftOutKind::Value));
    check_reading(&read, &text, &text).unwrap();
}

#[test]
fn postconf_n_and_postconf_m_of_real_postfix_read_as_the_files_do() {
    // `postconf -n; postconf -M` of mail-in-a-box by Postfix 3.7.11 (tests/realworld/SOURCES.md):
    // one text, each service on one line with its `-o` options.
    let text = file("tests/fixtures/postconf-n-M-mail-in-a-box.txt");
    let paste = Paste::read(&text, None);
    assert_eq!(paste.describe(), "postconf -n + master.cf");
    let from_output = import::read(&paste, v(3, 7), &Options::default());
    let files = import::read(
        &Paste::files(
            Some(&file("tests/realworld/mail-in-a-box/main.cf")),
            Some(&file("tests/realworld/mail-in-a-box/master.cf")),
        ),
        v(3, 7),
        &Options::default(),
    );
    assert_eq!(from_output.options, files.options);
    let names = |read: &Imported| -> Vec<String> {
        let mut names: Vec<String> = read.left_out.iter().map(|l| l.name.clone()).collect();
        names.sort();
        names
    };
    assert_eq!(names(&from_output), names(&files));
    let smtps = from_output.left_out.iter().find(|l| l.name == "smtps");
    assert_eq!(
        smtps.map(|l| (l.file, l.line)),
        Some((FileKind::MasterCf, Some(99)))
    );
    check_reading(&from_output, &text, &text).unwrap();
}

#[test]
fn sovereign_has_a_lets_encrypt_certificate() {
    let main = file("tests/realworld/sovereign/main.cf");
    let master = file("tests/realworld/sovereign/master.cf");
    let read = import::read(
        &Paste::files(Some(&main), Some(&master)),
        v(3, 7),
        &Options::default(),
    );
    let c = &read.options.certificate;
    assert_eq!(c.source, CertSource::LetsEncrypt);
    assert_eq!(c.domain, "example.com");
    assert!(read.options.submission && !read.options.submissions);
    check_reading(&read, &main, &master).unwrap();
}

#[test]
fn a_replaced_override_says_which_name_of_the_configuration_it_leaves_unused() {
    // docker-mailserver's submission services use `$mua_sender_restrictions`, which nothing
    // else uses: replaced by the generator's service, real Postfix (3.5 to 3.11) then warns
    // "unused parameter: mua_sender_restrictions" (tests/postfix/realworld.py).
    let main = file("tests/realworld/docker-mailserver/main.cf");
    let master = file("tests/realworld/docker-mailserver/master.cf");
    let read = import::read(
        &Paste::files(Some(&main), Some(&master)),
        v(3, 7),
        &Options::default(),
    );
    let sender = read
        .left_out
        .iter()
        .find(|l| l.name == "submission/smtpd_sender_restrictions")
        .expect("listed");
    assert!(
        sender.reason.en.ends_with(
            "; then `mua_sender_restrictions` in main.cf is used nowhere, and postconf -n warns \"unused parameter\""
        ),
        "{}",
        sender.reason.en
    );
    // `$dms_smtpd_sender_restrictions` is still used by `mua_sender_restrictions` itself.
    assert!(!sender.reason.en.contains("dms_smtpd_sender_restrictions"));
    check_reading(&read, &main, &master).unwrap();
}

#[test]
fn postconf_p_lines_name_the_submission_services_but_not_port_25() {
    let text = file("tests/realworld/docker-mailserver/postconf-n-P.txt");
    let read = read_text(&text, v(3, 10));
    // `postconf -P` lists only services with overrides: no `smtp` line is no evidence.
    assert_eq!(read.options.role, Role::PublicMx);
    assert!(read.options.submission && read.options.submissions);
    assert_eq!(read.options.sasl, Sasl::Dovecot);
    check_reading(&read, &text, &text).unwrap();
}

#[test]
fn a_send_only_host_says_so_and_a_smarthost_is_read_with_its_port() {
    let text = "inet_interfaces = loopback-only\nrelayhost = [smtp.example.org]:465\n\
                smtp_tls_wrappermode = yes\nsmtp_tls_security_level = encrypt\n\
                smtp_sasl_auth_enable = yes\nsmtp_sasl_password_maps = cdb:/etc/postfix/sasl_passwd\n";
    let read = read_text(text, v(3, 11));
    let o = &read.options;
    assert_eq!(o.role, Role::NullClient);
    assert!(!read.role_guessed);
    assert!(o.relayhost.enabled && o.relayhost.auth);
    assert_eq!(o.relayhost.host, "smtp.example.org");
    assert_eq!(o.relayhost.port, RelayPort::Submissions);
    // 3.11 writes the default table as cdb: read back, it is the default table.
    assert_eq!(o.relayhost.password_maps, "hash:/etc/postfix/sasl_passwd");
    assert_eq!(o.outbound, OutboundLevel::Encrypt);
    assert!(read.left_out.is_empty(), "{:?}", read.left_out);
}

#[test]
fn an_unset_outbound_level_is_the_default_of_the_series_and_its_compatibility_level() {
    // Postfix 3.11 sends with `may` by default from compatibility_level 3.11 on.
    let level = |text: &str, postfix| read_text(text, postfix).options.outbound;
    assert_eq!(
        level("compatibility_level = 3.11\n", v(3, 11)),
        OutboundLevel::May
    );
    assert_eq!(
        level("compatibility_level = 3.6\n", v(3, 11)),
        OutboundLevel::None
    );
    assert_eq!(
        level("compatibility_level = 3.11\n", v(3, 10)),
        OutboundLevel::None
    );
    assert_eq!(level("myhostname = mx\n", v(3, 7)), OutboundLevel::None);
}

#[test]
fn a_smarthost_on_port_25_or_a_refused_name_is_listed_not_taken() {
    let read = read_text("relayhost = smtp.example.org\n", v(3, 7));
    assert!(read.options.relayhost.enabled);
    assert_eq!(read.left_out[0].name, "relayhost");
    assert!(read.left_out[0]
        .reason
        .en
        .contains("[smtp.example.org]:587"));
    let read = read_text("relayhost = [https://smtp.example.org/]:587\n", v(3, 7));
    assert_eq!(
        read.options.relayhost.host,
        Options::default().relayhost.host
    );
    assert!(read.options.validate().is_empty());
    assert!(read
        .left_out
        .iter()
        .any(|l| l.reason.en.contains("does not accept")));
}

#[test]
fn a_whole_master_cf_without_port_25_is_send_only_and_the_checks_can_fail() {
    let master = "pickup unix n - y 60 1 pickup\nqmgr unix n - n 300 1 qmgr\n";
    let read = import::read(
        &Paste::files(None, Some(master)),
        v(3, 7),
        &Options::default(),
    );
    assert_eq!(read.options.role, Role::NullClient);
    assert!(read.role_guessed);
    // The checks above fail on a line that does not hold the name.
    let mut wrong = read_text("relayhost = example.org\n", v(3, 7));
    assert!(check_reading(&wrong, "relayhost = example.org\n", "").is_ok());
    wrong.left_out[0].line = Some(2);
    assert!(check_reading(&wrong, "relayhost = example.org\nx = y\n", "").is_err());
}

/// Every configuration file in the repository.
fn every_file() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![
        root.join("tests/golden"),
        root.join("tests/realworld"),
        root.join("tests/fixtures"),
        root.join("src/stock"),
    ];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if !path.extension().is_some_and(|e| e == "md" || e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_stored_file_reads_without_a_refused_value() {
    let files = every_file();
    assert!(files.len() > 60, "{} files", files.len());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for &postfix in &postfix_tls::params::MEASURED {
            let read = read_text(&text, postfix);
            let paste = Paste::read(&text, None);
            let main = paste.main_text().unwrap_or_default();
            // Line numbers are those of the whole text in both parts.
            check_reading(&read, main, &text)
                .unwrap_or_else(|e| panic!("{} ({postfix}): {e}", path.display()));
        }
    }
}

#[test]
fn every_real_world_pair_reads_without_a_refused_value() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realworld");
    let mut pairs = 0;
    for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
        let main = std::fs::read_to_string(entry.path().join("main.cf")).ok();
        let master = std::fs::read_to_string(entry.path().join("master.cf")).ok();
        if main.is_none() && master.is_none() {
            continue;
        }
        pairs += 1;
        for &postfix in PostfixVersion::ALL {
            let paste = Paste::files(main.as_deref(), master.as_deref());
            let read = import::read(&paste, postfix, &Options::default());
            check_reading(
                &read,
                main.as_deref().unwrap_or_default(),
                master.as_deref().unwrap_or_default(),
            )
            .unwrap_or_else(|e| panic!("{} ({postfix}): {e}", entry.path().display()));
        }
    }
    assert!(pairs >= 12, "{pairs} configurations");
}

/// Lines built from what configurations are made of, so that the reader meets its cases
/// and their broken forms, not only random bytes.
fn config_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "smtpd_tls_security_level",
        "smtp_tls_security_level",
        "smtpd_use_tls",
        "smtpd_tls_chain_files",
        "smtpd_tls_cert_file",
        "relayhost",
        "inet_interfaces",
        "smtpd_tls_protocols",
        "smtpd_sasl_type",
        "smtp_tls_CAfile",
        "submission",
        "smtps",
        "smtp",
        "inet",
        "pass",
        "postscreen",
        "smtpd",
        "-o",
        "=",
        "may",
        "encrypt",
        "verify",
        "yes",
        "[host]:465",
        "[",
        "]:",
        "$",
        "${x}",
        "/etc/letsencrypt/live/",
        "key.pem",
        ">=TLSv1.2",
        "!TLSv1",
        "#",
        "==> master.cf <==",
        "\n",
        "\n  ",
        " ",
        "ü",
        "\r",
    ]);
    prop::collection::vec(word, 0..60).prop_map(|words| words.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_reads_without_panic_or_refused_value(
        text in prop_oneof![any::<String>(), config_text()],
        postfix in prop::sample::select(PostfixVersion::ALL.to_vec()),
    ) {
        let read = read_text(&text, postfix);
        prop_assert!(read.options.validate().is_empty(), "{:?}", read.options.validate());
        prop_assert_eq!(read.options.postfix, postfix);
    }
}
