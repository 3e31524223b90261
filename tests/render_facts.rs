//! The Postfix facts the generator must get right, one test per fact, through the public
//! API. The golden files show whole outputs; these name what must never change.

use postfix_tls::diagnostic::{has_errors, Severity};
use postfix_tls::generate;
use postfix_tls::options::{
    CertLayout, CertSource, Field, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role,
    Sasl,
};
use postfix_tls::render::{render, Rendered};
use postfix_tls::rules::RuleId;
use postfix_tls::version::{OpensslVersion, PostfixVersion};

fn at(major: u8, minor: u8) -> Options {
    let postfix = PostfixVersion::new(major, minor);
    Options {
        postfix,
        openssl: if postfix >= PostfixVersion::new(3, 7) {
            OpensslVersion::V3_0
        } else {
            OpensslVersion::minimum_for(postfix)
        },
        ..Options::default()
    }
}

fn main_value(r: &Rendered, name: &str) -> Option<String> {
    r.main_cf
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name} = ")).map(str::to_string))
}

fn ids(r: &Rendered) -> Vec<RuleId> {
    r.problems.iter().map(|d| d.id).collect()
}

#[test]
fn legacy_switches_only_on_2_2() {
    let r = render(&at(2, 2));
    assert_eq!(main_value(&r, "smtpd_use_tls").as_deref(), Some("yes"));
    assert_eq!(main_value(&r, "smtp_use_tls").as_deref(), Some("yes"));
    assert!(!r.main_cf.contains("security_level"));
    assert!(r.master_cf.contains("-o smtpd_enforce_tls=yes"));
    for &v in &PostfixVersion::ALL[1..] {
        let r = render(&at(v.major, v.minor));
        assert!(
            !r.main_cf.contains("_use_tls") && !r.main_cf.contains("_enforce_tls"),
            "{v}"
        );
        assert!(!r.master_cf.contains("_enforce_tls"), "{v}");
        assert_eq!(
            main_value(&r, "smtpd_tls_security_level").as_deref(),
            Some("may")
        );
    }
}

#[test]
fn encrypt_on_port_25_is_honoured_and_warned_about_on_a_public_mx_only() {
    let mut o = at(3, 11);
    o.inbound = InboundLevel::Encrypt;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_security_level").as_deref(),
        Some("encrypt")
    );
    assert_eq!(ids(&r), [RuleId::EncryptChosenOnMx]);
    // Said once, as the warning of the choice: the lint's error about the same setting in a
    // file (`mx_requires_tls`) is not repeated.
    let out = generate(&o);
    let mx: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| matches!(d.id, RuleId::EncryptChosenOnMx | RuleId::MxRequiresTls))
        .collect();
    assert_eq!(mx.len(), 1);
    assert_eq!(mx[0].id, RuleId::EncryptChosenOnMx);
    assert_eq!(mx[0].severity, Severity::Warning);
    assert!(!has_errors(&out.diagnostics));
    o.role = Role::Relay;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_security_level").as_deref(),
        Some("encrypt")
    );
    assert!(ids(&r).is_empty());
}

#[test]
fn a_refused_value_is_the_only_error_not_its_consequences() {
    // A URL where a host name belongs: the certificate files are not written, which the lint
    // would call empty certificate parameters, TLS without a certificate, and so on.
    let mut o = at(3, 11);
    o.certificate.domain = "https://mail.example.org/".into();
    let out = generate(&o);
    let errors: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.id)
        .collect();
    assert_eq!(errors, [RuleId::OptionValueRejected]);
    assert!(!out.main_cf.contains("https"));
    // The same consequences without the refusal are errors of their own.
    let mut written = at(3, 11);
    written.certificate.source = CertSource::Custom;
    written.certificate.cert_file = "/etc/postfix/key.pem".into();
    written.certificate.key_file = "/etc/postfix/fullchain.pem".into();
    written.certificate.layout = CertLayout::CertAndKey;
    assert!(has_errors(&generate(&written).diagnostics));
}

#[test]
fn null_client_has_no_server_side_at_all() {
    let mut o = at(3, 11);
    o.role = Role::NullClient;
    o.inbound = InboundLevel::Encrypt;
    o.certificate.ecdsa = true;
    let r = render(&o);
    assert!(!r.main_cf.contains("smtpd_"), "{}", r.main_cf);
    assert!(r.master_cf.is_empty());
    assert_eq!(
        main_value(&r, "inet_interfaces").as_deref(),
        Some("loopback-only")
    );
    assert!(r
        .postconf
        .ends_with("postfix check && postfix stop && postfix start\n"));
    assert!(ids(&r).is_empty());
}

#[test]
fn certificates_per_source_and_layout() {
    let mut o = at(3, 11);
    o.certificate.source = CertSource::Snakeoil;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_chain_files").as_deref(),
        Some("/etc/ssl/private/ssl-cert-snakeoil.key, /etc/ssl/certs/ssl-cert-snakeoil.pem")
    );
    // Debian's stock legacy pair is cleared, or every smtpd warns (tests/postfix F1).
    assert!(r
        .main_cf
        .contains("\nsmtpd_tls_cert_file =\nsmtpd_tls_key_file =\n"));
    assert!(r
        .postconf
        .contains("\npostconf -e 'smtpd_tls_cert_file ='\n"));
    o.certificate.source = CertSource::LetsEncrypt;
    o.certificate.domain = "mx.example.org".into();
    o.certificate.ecdsa = true;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_chain_files").as_deref(),
        Some(
            "/etc/letsencrypt/live/mx.example.org/privkey.pem, \
             /etc/letsencrypt/live/mx.example.org/fullchain.pem, \
             /etc/postfix/tls/ecdsa-key.pem, /etc/postfix/tls/ecdsa-fullchain.pem"
        )
    );
    // One combined key+chain file is listed once.
    o.certificate.source = CertSource::Custom;
    o.certificate.ecdsa = false;
    o.certificate.cert_file = "/etc/postfix/all.pem".into();
    o.certificate.key_file = "/etc/postfix/all.pem".into();
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_chain_files").as_deref(),
        Some("/etc/postfix/all.pem")
    );
    o.certificate.layout = CertLayout::CertAndKey;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_cert_file").as_deref(),
        Some("/etc/postfix/all.pem")
    );
    // Named although it is the default, or a stock key would stay and mismatch (F3).
    assert_eq!(
        main_value(&r, "smtpd_tls_key_file").as_deref(),
        Some("/etc/postfix/all.pem")
    );
    // Before 3.4 chain files do not exist; before 2.6 there is no ECDSA certificate.
    let mut o = at(3, 3);
    o.certificate.ecdsa = true;
    let r = render(&o);
    assert!(!r.main_cf.contains("chain_files"));
    assert!(r
        .main_cf
        .contains("smtpd_tls_eccert_file = /etc/postfix/tls/ecdsa-fullchain.pem"));
    let mut o = at(2, 5);
    o.certificate.ecdsa = true;
    assert!(!render(&o).main_cf.contains("eccert"));
}

#[test]
fn no_certificate_without_server_tls() {
    let mut o = at(3, 11);
    o.inbound = InboundLevel::None;
    o.submission = false;
    o.submissions = false;
    let r = render(&o);
    assert!(!r.main_cf.contains("_file"), "{}", r.main_cf);
    assert!(r.master_cf.is_empty());
    // Stated, because distributions ship `may` (tests/postfix F2).
    assert_eq!(
        main_value(&r, "smtpd_tls_security_level").as_deref(),
        Some("none")
    );
}

#[test]
fn submission_services_follow_the_stock_master_cf() {
    for (version, name_465, restriction) in [
        (
            (2, 9),
            "smtps",
            "-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject",
        ),
        (
            (2, 10),
            "smtps",
            "-o smtpd_relay_restrictions=permit_sasl_authenticated,reject",
        ),
        (
            (3, 6),
            "smtps",
            "-o smtpd_relay_restrictions=permit_sasl_authenticated,reject",
        ),
        (
            (3, 7),
            "submissions",
            "-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject",
        ),
    ] {
        let r = render(&at(version.0, version.1));
        assert!(r.master_cf.contains(
            "address\n\nsubmission inet  n       -       n       -       -       smtpd\n"
        ));
        assert!(
            r.master_cf.contains(&format!("\n{name_465} ")),
            "{version:?}"
        );
        assert!(r.master_cf.contains(restriction), "{version:?}");
        assert!(
            !r.master_cf.contains("$mua_"),
            "never reference undefined mua_*"
        );
        assert!(r.master_cf.contains("-o smtpd_sasl_auth_enable=yes"));
        assert!(r
            .master_cf
            .contains("-o milter_macro_daemon_name=ORIGINATING"));
        assert!(
            !r.main_cf.contains("smtpd_sasl_auth_enable"),
            "never global (L29)"
        );
    }
    let r = render(&at(3, 7));
    assert!(r.master_cf.contains("  -o smtpd_relay_restrictions=\n"));
    assert!(!render(&at(3, 7))
        .master_cf
        .contains("local_header_rewrite_clients"));
    assert!(render(&at(3, 8))
        .master_cf
        .contains("-o local_header_rewrite_clients=static:all"));
    assert!(!render(&at(3, 9))
        .master_cf
        .contains("smtpd_hide_client_session"));
    assert!(render(&at(3, 10))
        .master_cf
        .contains("-o smtpd_hide_client_session=yes"));
}

#[test]
fn sasl_type_lives_in_main_cf() {
    let r = render(&at(3, 11));
    assert_eq!(
        main_value(&r, "smtpd_sasl_type").as_deref(),
        Some("dovecot")
    );
    assert_eq!(
        main_value(&r, "smtpd_sasl_path").as_deref(),
        Some("private/auth")
    );
    let mut o = at(3, 11);
    o.sasl = Sasl::Cyrus;
    assert!(
        !render(&o).main_cf.contains("smtpd_sasl"),
        "Cyrus defaults are not repeated"
    );
    let r = render(&at(2, 2));
    assert!(!r.main_cf.contains("smtpd_sasl_type"));
    assert_eq!(ids(&r), [RuleId::OptionUnavailable]);
}

#[test]
fn outbound_levels() {
    let mut o = at(3, 9);
    o.outbound = OutboundLevel::Dane;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtp_tls_security_level").as_deref(),
        Some("dane")
    );
    assert_eq!(
        main_value(&r, "smtp_dns_support_level").as_deref(),
        Some("dnssec")
    );
    o.outbound = OutboundLevel::Verify;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtp_tls_CAfile").as_deref(),
        Some("/etc/ssl/certs/ca-certificates.crt")
    );
    let mut o = at(2, 10);
    o.outbound = OutboundLevel::Dane;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtp_tls_security_level").as_deref(),
        Some("may")
    );
    assert!(!r.main_cf.contains("dnssec"));
    assert_eq!(ids(&r), [RuleId::OptionUnavailable]);
    // `none` is stated: distributions ship `may`, and 3.11 made it the default.
    let mut o = at(3, 10);
    o.outbound = OutboundLevel::None;
    assert_eq!(
        main_value(&render(&o), "smtp_tls_security_level").as_deref(),
        Some("none")
    );
    let mut o = at(3, 11);
    o.outbound = OutboundLevel::None;
    assert_eq!(
        main_value(&render(&o), "smtp_tls_security_level").as_deref(),
        Some("none")
    );
}

#[test]
fn smarthost_on_465_needs_wrappermode_and_encrypt() {
    let mut o = at(3, 11);
    o.relayhost.enabled = true;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "relayhost").as_deref(),
        Some("[smtp.example.net]:587")
    );
    assert_eq!(
        main_value(&r, "smtp_tls_security_level").as_deref(),
        Some("may")
    );
    assert_eq!(main_value(&r, "smtp_tls_wrappermode"), None);
    assert_eq!(
        main_value(&r, "smtp_sasl_auth_enable").as_deref(),
        Some("yes")
    );
    assert_eq!(
        main_value(&r, "smtp_sasl_tls_security_options").as_deref(),
        Some("noanonymous")
    );
    assert!(r
        .postconf
        .contains("\npostmap cdb:/etc/postfix/sasl_passwd\n"));
    o.relayhost.port = RelayPort::Submissions;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "relayhost").as_deref(),
        Some("[smtp.example.net]:465")
    );
    assert_eq!(
        main_value(&r, "smtp_tls_wrappermode").as_deref(),
        Some("yes")
    );
    assert_eq!(
        main_value(&r, "smtp_tls_security_level").as_deref(),
        Some("encrypt")
    );
    o.relayhost.auth = false;
    assert!(!render(&o).postconf.contains("postmap"));
    o.relayhost.auth = true;
    o.relayhost.password_maps = "texthash:/etc/postfix/sasl_passwd".into();
    assert!(
        !render(&o).postconf.contains("postmap"),
        "texthash needs no postmap"
    );
}

#[test]
fn protocol_syntax_per_version() {
    let mut o = at(3, 6);
    o.inbound_profile = Profile::Intermediate;
    o.outbound_profile = Profile::Modern;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_protocols").as_deref(),
        Some(">=TLSv1.2")
    );
    assert_eq!(
        main_value(&r, "smtp_tls_protocols").as_deref(),
        Some(">=TLSv1.3")
    );
    assert!(r
        .master_cf
        .contains("-o smtpd_tls_mandatory_protocols=>=TLSv1.2\n"));
    o.postfix = PostfixVersion::new(3, 5);
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_protocols").as_deref(),
        Some("!SSLv2, !SSLv3, !TLSv1, !TLSv1.1")
    );
    assert_eq!(
        main_value(&r, "smtp_tls_protocols").as_deref(),
        Some("!SSLv2, !SSLv3, !TLSv1, !TLSv1.1, !TLSv1.2")
    );
    assert!(r
        .master_cf
        .contains("-o smtpd_tls_mandatory_protocols=!SSLv2,!SSLv3,!TLSv1,!TLSv1.1\n"));
    // TLS 1.3 only needs OpenSSL 1.1.1.
    let mut o = at(3, 5);
    o.openssl = OpensslVersion::V1_0_2;
    o.submission_profile = Profile::Modern;
    let r = render(&o);
    assert!(!r.master_cf.contains("mandatory_protocols"));
    assert_eq!(ids(&r), [RuleId::OptionUnavailable]);
}

#[test]
fn mandatory_lists_where_tls_is_required() {
    let mut o = at(3, 11);
    o.role = Role::Relay;
    o.inbound = InboundLevel::Encrypt;
    o.inbound_profile = Profile::Modern;
    o.submission_profile = Profile::PostfixDefault;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtpd_tls_mandatory_protocols").as_deref(),
        Some(">=TLSv1.3")
    );
    assert_eq!(
        main_value(&r, "smtpd_tls_protocols"),
        None,
        "unused at encrypt"
    );
    // The submission services keep the version's default, not port 25's profile.
    assert!(r
        .master_cf
        .contains("-o smtpd_tls_mandatory_protocols=>=TLSv1\n"));
    let mut o = at(3, 11);
    o.outbound = OutboundLevel::Encrypt;
    o.outbound_profile = Profile::Intermediate;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtp_tls_mandatory_protocols").as_deref(),
        Some(">=TLSv1.2")
    );
    assert_eq!(main_value(&r, "smtp_tls_protocols"), None);
}

#[test]
fn scanner_clean_excludes_and_explains() {
    let mut o = at(3, 11);
    o.inbound_profile = Profile::ScannerClean;
    let r = render(&o);
    let excluded = main_value(&r, "smtpd_tls_exclude_ciphers").unwrap_or_default();
    for cipher in ["kRSA", "3DES", "SHA1", "SHA256", "SHA384"] {
        assert!(excluded.split(", ").any(|c| c == cipher), "{cipher}");
    }
    let tradeoff = r
        .problems
        .iter()
        .find(|d| d.id == RuleId::ScannerCleanTradeoff);
    assert!(tradeoff.is_some_and(|d| d.message.en.contains("port 25")));
}

/// The exclusion list is a plain Postfix list that OpenSSL accepts and that leaves only
/// ECDHE with AEAD ciphers in TLS 1.2; checked with the machine's `openssl`.
#[test]
fn scanner_clean_exclusions_leave_ecdhe_aead_in_openssl() {
    let mut o = at(3, 11);
    o.outbound_profile = Profile::ScannerClean;
    let excluded = main_value(&render(&o), "smtp_tls_exclude_ciphers").unwrap_or_default();
    let mut list = String::from("aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH");
    for cipher in excluded.split(", ") {
        assert!(
            cipher.chars().all(|c| c.is_ascii_alphanumeric()),
            "{cipher}"
        );
        list.push_str(&format!(":!{cipher}"));
    }
    let output = match std::process::Command::new("openssl")
        .args(["ciphers", "-v", &list])
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!("openssl is not installed: run scripts/setup.sh ({e})"),
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let tls12: Vec<&str> = text.lines().filter(|l| l.contains(" TLSv1.2 ")).collect();
    assert!(!tls12.is_empty(), "no TLS 1.2 cipher left:\n{text}");
    for line in tls12 {
        assert!(
            line.contains("Kx=ECDH ") && line.contains("Mac=AEAD"),
            "{line}"
        );
    }
}

#[test]
fn logjam_hardening_only_where_needed() {
    let r = render(&at(3, 0));
    assert_eq!(
        main_value(&r, "smtpd_tls_dh1024_param_file").as_deref(),
        Some("/etc/postfix/dh2048.pem")
    );
    assert!(r
        .postconf
        .contains("\nopenssl dhparam -out /etc/postfix/dh2048.pem 2048\n"));
    assert_eq!(
        main_value(&r, "smtpd_tls_ciphers").as_deref(),
        Some("medium")
    );
    let r = render(&at(2, 5));
    assert_eq!(
        main_value(&r, "smtpd_tls_exclude_ciphers").as_deref(),
        Some("EXPORT, LOW")
    );
    for &v in PostfixVersion::ALL
        .iter()
        .filter(|v| **v >= PostfixVersion::new(3, 1))
    {
        let r = render(&at(v.major, v.minor));
        assert!(
            !r.main_cf.contains("dh1024") && !r.postconf.contains("dhparam"),
            "{v}"
        );
        assert!(!r.main_cf.contains("_ciphers"), "{v}");
    }
    let mut o = at(3, 0);
    o.harden_logjam = false;
    assert!(!render(&o).main_cf.contains("dh1024"));
}

#[test]
fn logging_and_received_header() {
    let r = render(&at(3, 11));
    assert_eq!(main_value(&r, "smtpd_tls_loglevel").as_deref(), Some("1"));
    assert_eq!(main_value(&r, "smtp_tls_loglevel").as_deref(), Some("1"));
    assert_eq!(
        main_value(&r, "smtpd_tls_received_header").as_deref(),
        Some("yes")
    );
    let mut o = at(3, 11);
    o.tls_logging = false;
    o.received_header = false;
    let r = render(&o);
    assert!(!r.main_cf.contains("loglevel") && !r.main_cf.contains("received_header"));
}

#[test]
fn postconf_for_master_cf_from_2_11() {
    let r = render(&at(2, 11));
    assert!(r
        .postconf
        .contains("\npostconf -M 'submission/inet=submission inet n - n - - smtpd'\n"));
    assert!(r
        .postconf
        .contains("\npostconf -P 'smtps/inet/smtpd_tls_wrappermode=yes'\n"));
    let r = render(&at(2, 10));
    assert!(!r.postconf.contains("postconf -M") && !r.postconf.contains("postconf -P"));
    assert!(r
        .postconf
        .contains("# add the master.cf snippet to /etc/postfix/master.cf by hand."));
}

#[test]
fn comments_explain_without_user_text() {
    let mut o = at(3, 11);
    o.comments = true;
    o.certificate.source = CertSource::LetsEncrypt;
    o.certificate.domain = "unusual-name.example".into();
    o.relayhost.enabled = true;
    o.relayhost.host = "relay-name.example".into();
    let r = render(&o);
    let comments: Vec<&str> = r
        .main_cf
        .lines()
        .chain(r.master_cf.lines())
        .filter(|l| l.starts_with('#'))
        .collect();
    assert!(comments.len() > 10);
    // The one exception: the password table's key must be the relayhost, spelt the same.
    let table_line =
        "# /etc/postfix/sasl_passwd holds one line: [relay-name.example]:587 username:password";
    for line in comments {
        assert!(
            line == table_line || !line.contains("unusual-name") && !line.contains("relay-name"),
            "{line}"
        );
    }
    let plain_options = Options {
        comments: false,
        ..o
    };
    let plain = render(&plain_options);
    // Without comments only the section titles and the steps a file needs remain.
    let steps = [
        table_line,
        "# then run: chmod 600 /etc/postfix/sasl_passwd && postmap cdb:/etc/postfix/sasl_passwd",
    ];
    let header = postfix_tls::render::header(&plain_options);
    let body = plain
        .main_cf
        .strip_prefix(&header)
        .expect("the header first");
    for line in body.lines().filter(|l| l.starts_with("# ")) {
        assert!(
            line.starts_with("# --- ") || steps.contains(&line),
            "{line}"
        );
    }
}

#[test]
fn each_block_opens_with_the_tool_the_versions_and_the_choices() {
    let mut o = at(3, 7);
    o.apply_preset(postfix_tls::version::Preset::Debian12);
    let r = render(&o);
    let header = postfix_tls::render::header(&o);
    assert!(header.starts_with(&format!(
        "# postfix-tls {}: Postfix 3.7, OpenSSL 3.0 (Debian 12 (bookworm))\n# these choices: the postfix-tls page with #v1.",
        env!("CARGO_PKG_VERSION")
    )), "{header}");
    // The fragment brings the same choices back.
    let fragment = header
        .split_once("page with #")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .expect("a fragment");
    assert_eq!(postfix_tls::share::decode(fragment).expect("decodes"), o);
    for block in [&r.main_cf, &r.master_cf, &r.postconf] {
        assert!(block.starts_with(&header), "{block}");
    }
    // An empty block stays empty (the page says there is nothing to add).
    let null = Options {
        role: Role::NullClient,
        ..at(3, 11)
    };
    assert_eq!(render(&null).master_cf, "");
}

#[test]
fn files_postfix_reads_come_with_the_step_that_makes_them() {
    let mut o = at(3, 0);
    o.harden_logjam = true;
    let r = render(&o);
    assert!(
        r.main_cf.contains(
            "# create the file first: openssl dhparam -out /etc/postfix/dh2048.pem 2048\n\
             smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"
        ),
        "{}",
        r.main_cf
    );
    let mut o = at(3, 11);
    o.relayhost.enabled = true;
    o.relayhost.auth = true;
    let r = render(&o);
    assert!(
        r.main_cf.contains(
            "# /etc/postfix/sasl_passwd holds one line: [smtp.example.net]:587 username:password\n\
             # then run: chmod 600 /etc/postfix/sasl_passwd && postmap cdb:/etc/postfix/sasl_passwd\n\
             smtp_sasl_password_maps = cdb:/etc/postfix/sasl_passwd\n"
        ),
        "{}",
        r.main_cf
    );
}

#[test]
fn the_default_password_table_takes_the_type_the_version_recommends() {
    let mut o = at(3, 10);
    o.relayhost.enabled = true;
    let r = render(&o);
    assert!(r
        .main_cf
        .contains("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n"));
    assert!(r
        .postconf
        .contains("\npostmap hash:/etc/postfix/sasl_passwd\n"));
    // Debian's 3.11 warns "hash/btree support is deprecated. Please switch to cdb or lmdb."
    o.postfix = PostfixVersion::new(3, 11);
    let r = render(&o);
    assert!(r
        .main_cf
        .contains("smtp_sasl_password_maps = cdb:/etc/postfix/sasl_passwd\n"));
    assert!(r
        .postconf
        .contains("\npostmap cdb:/etc/postfix/sasl_passwd\n"));
    assert!(!r.postconf.contains("hash:"));
    // A table the user typed stays as typed.
    o.relayhost.password_maps = "hash:/etc/postfix/relay_passwd".into();
    assert!(render(&o)
        .main_cf
        .contains("smtp_sasl_password_maps = hash:/etc/postfix/relay_passwd\n"));
}

#[test]
fn same_options_same_bytes() {
    let o = at(3, 8);
    assert_eq!(render(&o), render(&o.clone()));
    let json = o.to_json();
    let back = Options::from_json(&json).expect("round trip");
    assert_eq!(render(&back), render(&o));
}

#[test]
fn a_refused_smarthost_leaves_direct_delivery_alone() {
    let mut o = at(3, 11);
    o.relayhost.enabled = true;
    o.relayhost.port = RelayPort::Submissions;
    o.relayhost.host = "smtp.example.net\nrelayhost = evil".into();
    let r = render(&o);
    assert_eq!(ids(&r), [RuleId::OptionValueRejected]);
    assert!(!r.main_cf.contains("relayhost") && !r.main_cf.contains("smtp_sasl"));
    assert!(!r.main_cf.contains("wrappermode"));
    assert_eq!(
        main_value(&r, "smtp_tls_security_level").as_deref(),
        Some("may")
    );
}

#[test]
fn port_25_scanner_clean_exclusions_do_not_bind_submission() {
    let mut o = at(3, 11);
    o.inbound_profile = Profile::ScannerClean;
    o.submission_profile = Profile::PostfixDefault;
    let r = render(&o);
    assert!(main_value(&r, "smtpd_tls_exclude_ciphers").is_some());
    assert_eq!(
        r.master_cf
            .matches("  -o smtpd_tls_exclude_ciphers=\n")
            .count(),
        2
    );
    o.submission_profile = Profile::ScannerClean;
    assert!(!render(&o)
        .master_cf
        .contains("-o smtpd_tls_exclude_ciphers="));
}

#[test]
fn smarthost_on_465_turns_dane_into_encrypt_and_says_so() {
    let mut o = at(3, 11);
    o.outbound = OutboundLevel::Dane;
    o.relayhost.enabled = true;
    o.relayhost.port = RelayPort::Submissions;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "smtp_tls_security_level").as_deref(),
        Some("encrypt")
    );
    assert!(!r.main_cf.contains("dnssec"));
    let warning = r
        .problems
        .iter()
        .find(|d| d.id == RuleId::OptionUnavailable);
    assert!(warning.is_some_and(|d| d.help.en.contains("`encrypt`")));
    o.outbound = OutboundLevel::Secure;
    assert_eq!(
        main_value(&render(&o), "smtp_tls_security_level").as_deref(),
        Some("secure")
    );
}

#[test]
fn the_default_page_opens_without_a_note_about_its_own_output() {
    let found = postfix_tls::generate(&Options::default()).diagnostics;
    assert!(found.is_empty(), "{found:?}");
    // certbot's separate key and chain, in every layout and with a second ECDSA pair of
    // one's own: no advice to combine the certbot files.
    for layout in [CertLayout::ChainFiles, CertLayout::CertAndKey] {
        for ecdsa in [false, true] {
            let mut o = Options::default();
            o.certificate.source = CertSource::LetsEncrypt;
            o.certificate.layout = layout;
            o.certificate.ecdsa = ecdsa;
            let found = postfix_tls::generate(&o).diagnostics;
            let notes: Vec<_> = found
                .iter()
                .filter(|d| d.id == RuleId::ChainFilesSeparateKey)
                .map(|d| d.message.en.to_string())
                .collect();
            let own_ecdsa_pair = ecdsa && layout == CertLayout::ChainFiles;
            assert_eq!(
                notes.len(),
                usize::from(own_ecdsa_pair),
                "{layout:?} {ecdsa}: {notes:?}"
            );
        }
    }
}

#[test]
fn the_other_side_of_dovecot_and_lets_encrypt_comes_with_the_output() {
    let mut o = at(3, 7);
    o.sasl = Sasl::Dovecot;
    o.certificate.source = CertSource::LetsEncrypt;
    o.certificate.domain = "mx.example.org".into();
    let r = render(&o);
    let header = postfix_tls::render::header(&o);
    let other = |id: &str| {
        r.others
            .iter()
            .find(|f| f.id == id)
            .and_then(|f| f.text.strip_prefix(&header).map(str::to_string))
    };
    assert_eq!(
        other("dovecot-auth").as_deref(),
        Some(
            "service auth {\n  unix_listener /var/spool/postfix/private/auth {\n    mode = 0660\n    user = postfix\n    group = postfix\n  }\n}\n"
        )
    );
    let certbot = other("certbot-deploy-hook").expect("a certbot hook");
    assert!(certbot.contains(
        "certbot certonly --standalone -d mx.example.org --deploy-hook 'systemctl reload postfix'\n"
    ));
    assert!(certbot.contains("/etc/letsencrypt/renewal-hooks/deploy/reload-postfix"));
    // Cyrus needs no Dovecot; a rejected domain gives no hook; other certificates none.
    o.sasl = Sasl::Cyrus;
    o.certificate.domain = "x; rm -rf /".into();
    let r = render(&o);
    assert!(r.others.is_empty(), "{:?}", r.others);
    o.certificate.source = CertSource::Snakeoil;
    assert!(render(&o).others.is_empty());
}

#[test]
fn no_renegotiation_from_3_4_where_a_service_offers_tls() {
    let mut o = at(3, 11);
    assert!(
        !render(&o).main_cf.contains("tls_ssl_options"),
        "off by default"
    );
    o.no_renegotiation = true;
    let r = render(&o);
    assert_eq!(
        main_value(&r, "tls_ssl_options").as_deref(),
        Some("NO_RENEGOTIATION")
    );
    assert!(r
        .postconf
        .contains("\npostconf -e 'tls_ssl_options = NO_RENEGOTIATION'\n"));
    // Not before 3.4, which does not know the name, and not where no client can ask.
    let mut old = at(3, 3);
    old.no_renegotiation = true;
    assert!(!render(&old).main_cf.contains("tls_ssl_options"));
    assert!(old
        .resolve()
        .not_applicable(Field::NoRenegotiation)
        .is_some());
    o.role = Role::NullClient;
    assert!(!render(&o).main_cf.contains("tls_ssl_options"));
}
