//! The property test over the whole option space: every enum value, every Postfix series,
//! every OpenSSL version the series can use, smarthost on and off, every switch.
//!
//! For each combination `generate()` must report no error, be deterministic, write only
//! parameters the selected version knows (checked against the table below, which is kept
//! apart from the version facts the generator uses, so that the two check each other),
//! never a parameter the version warns about, never a whitespace in a master.cf `-o`
//! value, and `postconf` commands that apply exactly the snippets. Hostile free text must be
//! refused and never appear in any output.

use postfix_tls::diagnostic::Severity;
use postfix_tls::edit::Edit;
use postfix_tls::fields::Control;
use postfix_tls::import;
use postfix_tls::options::{
    CertLayout, CertSource, Choice, Field, InboundLevel, Options, OutboundLevel, Profile,
    RelayPort, Role, Sasl,
};
use postfix_tls::paste::Paste;
use postfix_tls::render::render;
use postfix_tls::rules::RuleId;
use postfix_tls::version::{OpensslVersion, PostfixVersion};
use postfix_tls::{generate, Output};
use proptest::prelude::*;
use proptest::sample::select;

const fn v(major: u8, minor: u8) -> PostfixVersion {
    PostfixVersion::new(major, minor)
}

/// A parameter the generator may write: the series it came in, and the first series that
/// must not get it (superseded by a newer parameter, or warned about by `postconf`).
struct Known {
    name: &'static str,
    since: PostfixVersion,
    not_from: Option<PostfixVersion>,
}

const fn known(name: &'static str, since: PostfixVersion) -> Known {
    Known {
        name,
        since,
        not_from: None,
    }
}

const fn until(name: &'static str, since: PostfixVersion, not_from: PostfixVersion) -> Known {
    Known {
        name,
        since,
        not_from: Some(not_from),
    }
}

/// From postconf(5) ("This feature is available in Postfix X and later"), DEPRECATION_README
/// and the reference, section 1.
const KNOWN: &[Known] = &[
    known("inet_interfaces", v(2, 2)),
    known("smtpd_tls_cert_file", v(2, 2)),
    known("smtpd_tls_key_file", v(2, 2)),
    known("smtpd_tls_eccert_file", v(2, 6)),
    known("smtpd_tls_eckey_file", v(2, 6)),
    known("smtpd_tls_chain_files", v(3, 4)),
    // Superseded by the security levels in 2.3; warned about from 3.9.
    until("smtpd_use_tls", v(2, 2), v(2, 3)),
    until("smtpd_enforce_tls", v(2, 2), v(2, 3)),
    until("smtp_use_tls", v(2, 2), v(2, 3)),
    until("smtp_enforce_tls", v(2, 2), v(2, 3)),
    known("smtpd_tls_security_level", v(2, 3)),
    known("smtp_tls_security_level", v(2, 3)),
    known("smtpd_tls_protocols", v(2, 6)),
    known("smtp_tls_protocols", v(2, 6)),
    known("smtpd_tls_mandatory_protocols", v(2, 3)),
    known("smtp_tls_mandatory_protocols", v(2, 3)),
    known("smtpd_tls_ciphers", v(2, 6)),
    known("smtp_tls_ciphers", v(2, 6)),
    known("smtpd_tls_exclude_ciphers", v(2, 3)),
    known("smtp_tls_exclude_ciphers", v(2, 3)),
    known("smtp_tls_session_cache_database", v(2, 2)),
    known("smtpd_tls_mandatory_exclude_ciphers", v(2, 3)),
    known("smtpd_sasl_type", v(2, 3)),
    known("smtpd_sasl_path", v(2, 3)),
    known("smtp_dns_support_level", v(2, 11)),
    known("smtp_tls_CAfile", v(2, 2)),
    known("relayhost", v(2, 2)),
    known("smtp_tls_wrappermode", v(3, 0)),
    known("smtp_sasl_auth_enable", v(2, 2)),
    known("smtp_sasl_password_maps", v(2, 2)),
    known("smtp_sasl_tls_security_options", v(2, 2)),
    // postconf warns "do not specify" from 3.9.
    until("smtpd_tls_dh1024_param_file", v(2, 2), v(3, 9)),
    known("smtpd_tls_loglevel", v(2, 2)),
    known("smtp_tls_loglevel", v(2, 2)),
    known("smtpd_tls_received_header", v(2, 2)),
    known("tls_ssl_options", v(3, 4)),
    // master.cf overrides.
    known("syslog_name", v(2, 2)),
    known("smtpd_tls_wrappermode", v(2, 2)),
    known("smtpd_sasl_auth_enable", v(2, 2)),
    known("smtpd_tls_auth_only", v(2, 2)),
    known("local_header_rewrite_clients", v(2, 2)),
    known("smtpd_forbid_unauth_pipelining", v(3, 9)),
    known("smtpd_hide_client_session", v(3, 10)),
    known("smtpd_client_restrictions", v(2, 2)),
    known("smtpd_helo_restrictions", v(2, 2)),
    known("smtpd_sender_restrictions", v(2, 2)),
    known("smtpd_recipient_restrictions", v(2, 2)),
    known("smtpd_relay_restrictions", v(2, 10)),
    known("milter_macro_daemon_name", v(2, 3)),
];

fn check_known(name: &str, version: PostfixVersion) -> Result<(), String> {
    let entry = KNOWN
        .iter()
        .find(|k| k.name == name)
        .ok_or_else(|| format!("`{name}` is not in the test's table of known parameters"))?;
    if version < entry.since {
        return Err(format!("`{name}` does not exist in Postfix {version}"));
    }
    if entry.not_from.is_some_and(|limit| version >= limit) {
        return Err(format!(
            "`{name}` is superseded or warned about in {version}"
        ));
    }
    Ok(())
}

/// The main.cf settings, in order, from the snippet.
fn main_settings(main_cf: &str) -> Result<Vec<(String, String)>, String> {
    let mut settings = Vec::new();
    for line in main_cf.lines() {
        if line.is_empty() || line.starts_with("# ") {
            continue;
        }
        let (name, value) = split_setting(line)?;
        settings.push((name.to_string(), value.to_string()));
    }
    Ok(settings)
}

/// `name = value`, or `name =` for a parameter cleared on purpose.
fn split_setting(line: &str) -> Result<(&str, &str), String> {
    line.split_once(" = ")
        .or_else(|| line.strip_suffix(" =").map(|name| (name, "")))
        .ok_or_else(|| format!("not a `name = value` line: {line:?}"))
}

/// The master.cf services with their overrides, from the snippet.
type Services = Vec<(String, Vec<(String, String)>)>;

fn master_services(master_cf: &str) -> Result<Services, String> {
    let mut services: Services = Vec::new();
    for line in master_cf.lines() {
        if line.is_empty() || line.starts_with("# ") {
            continue;
        }
        if let Some(option) = line.strip_prefix("  -o ") {
            let (name, value) = option
                .split_once('=')
                .ok_or_else(|| format!("`-o` without `=`: {line:?}"))?;
            let service = services
                .last_mut()
                .ok_or_else(|| format!("`-o` before any service: {line:?}"))?;
            service.1.push((name.to_string(), value.to_string()));
        } else {
            let columns: Vec<&str> = line.split_whitespace().collect();
            if columns.len() != 8 || columns[1..] != ["inet", "n", "-", "n", "-", "-", "smtpd"] {
                return Err(format!("unexpected service line {line:?}"));
            }
            services.push((columns[0].to_string(), Vec::new()));
        }
    }
    Ok(services)
}

/// Undoes the single quoting of one `postconf` argument.
fn unquote(word: &str) -> Result<String, String> {
    word.strip_prefix('\'')
        .and_then(|w| w.strip_suffix('\''))
        .filter(|w| !w.contains('\''))
        .map(str::to_string)
        .ok_or_else(|| format!("not a single-quoted word: {word:?}"))
}

/// What the `postconf` commands apply, read back from their text.
fn postconf_effect(postconf: &str) -> Result<(Vec<(String, String)>, Services), String> {
    let mut settings = Vec::new();
    let mut services: Services = Vec::new();
    for line in postconf.lines() {
        if let Some(arg) = line.strip_prefix("postconf -e ") {
            let arg = unquote(arg)?;
            let (name, value) = split_setting(&arg)?;
            settings.push((name.to_string(), value.to_string()));
        } else if let Some(arg) = line.strip_prefix("postconf -M ") {
            let arg = unquote(arg)?;
            let (key, entry) = arg
                .split_once('=')
                .ok_or_else(|| format!("bad -M argument {arg:?}"))?;
            let name = key
                .strip_suffix("/inet")
                .ok_or_else(|| format!("bad -M key {key:?}"))?;
            if entry != format!("{name} inet n - n - - smtpd") {
                return Err(format!("bad -M entry {entry:?}"));
            }
            services.push((name.to_string(), Vec::new()));
        } else if let Some(arg) = line.strip_prefix("postconf -P ") {
            let arg = unquote(arg)?;
            let (key, value) = arg
                .split_once('=')
                .ok_or_else(|| format!("bad -P argument {arg:?}"))?;
            let mut parts = key.splitn(3, '/');
            let (service, kind, name) = (parts.next(), parts.next(), parts.next());
            let last = services
                .last_mut()
                .ok_or_else(|| format!("-P before -M: {line:?}"))?;
            if service != Some(last.0.as_str()) || kind != Some("inet") {
                return Err(format!("-P for another service: {line:?}"));
            }
            let name = name.ok_or_else(|| format!("-P without a parameter: {line:?}"))?;
            last.1.push((name.to_string(), value.to_string()));
        } else if line.starts_with("postconf") {
            return Err(format!("unexpected postconf command {line:?}"));
        }
    }
    Ok((settings, services))
}

/// A protocol list must be a `>=` range (3.6+) or contiguous exclusions from SSLv2 up.
fn check_protocols(value: &str, version: PostfixVersion) -> Result<(), String> {
    const ORDER: &[&str] = &["SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
    let items: Vec<&str> = value.split([',', ' ']).filter(|i| !i.is_empty()).collect();
    if value.contains("TLSv1.3") && version < v(3, 4) {
        return Err(format!("TLSv1.3 named on {version}: {value}"));
    }
    if let [range] = items.as_slice() {
        if let Some(floor) = range.strip_prefix(">=") {
            return if version >= v(3, 6) && ORDER.contains(&floor) {
                Ok(())
            } else {
                Err(format!("range `{range}` on {version}"))
            };
        }
    }
    for (i, item) in items.iter().enumerate() {
        if item.strip_prefix('!') != Some(ORDER[i]) {
            return Err(format!("exclusions not contiguous from SSLv2: {value}"));
        }
    }
    Ok(())
}

/// Findings that would mean the generator wrote a bad text, whatever the choices.
const ABOUT_THE_TEXT: &[RuleId] = &[
    RuleId::MalformedLine,
    RuleId::IgnoredServiceArgument,
    RuleId::ValueHasComment,
    RuleId::DuplicateParameter,
    RuleId::UnknownParameter,
    RuleId::UndefinedReference,
    RuleId::ParameterNotInVersion,
    RuleId::InvalidValue,
    RuleId::UnknownService,
    RuleId::UnlistedServiceName,
];

fn check_output(o: &Options, out: &Output) -> Result<(), String> {
    let version = o.postfix;
    if let Some(d) = out
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(format!("error diagnostic {}: {}", d.id, d.message.en));
    }
    // Every finding has the severity of its rule in the table the UI and CLI show: one id,
    // one severity and one meaning, for the generator's findings and the lint's alike.
    if let Some(d) = out
        .diagnostics
        .iter()
        .find(|d| d.severity != postfix_tls::rules::rule(d.id).severity)
    {
        return Err(format!(
            "diagnostic `{}` is {} but its rule is {}",
            d.id,
            d.severity,
            postfix_tls::rules::rule(d.id).severity
        ));
    }
    // Nothing about the text itself: what the linter says is about the choices.
    if let Some(d) = out
        .diagnostics
        .iter()
        .find(|d| ABOUT_THE_TEXT.contains(&d.id))
    {
        return Err(format!(
            "finding about the output itself {}: {}",
            d.id, d.message.en
        ));
    }
    let settings = main_settings(&out.main_cf)?;
    for (i, (name, value)) in settings.iter().enumerate() {
        check_known(name, version)?;
        if settings[..i].iter().any(|(n, _)| n == name) {
            return Err(format!("`{name}` written twice"));
        }
        if name.ends_with("_protocols") {
            check_protocols(value, version)?;
        }
        // Only the legacy pair is cleared, and only beside smtpd_tls_chain_files.
        let clears_legacy = matches!(name.as_str(), "smtpd_tls_cert_file" | "smtpd_tls_key_file")
            && settings.iter().any(|(n, _)| n == "smtpd_tls_chain_files");
        if value.is_empty() != clears_legacy {
            return Err(format!("`{name}` written with value {value:?}"));
        }
    }
    let services = master_services(&out.master_cf)?;
    for (service, overrides) in &services {
        let expected_465 = if version >= v(3, 7) {
            "submissions"
        } else {
            "smtps"
        };
        if service != "submission" && service != expected_465 {
            return Err(format!("service `{service}` on {version}"));
        }
        for (name, value) in overrides {
            check_known(name, version)?;
            if value.chars().any(char::is_whitespace) {
                return Err(format!("white space in `-o {name}={value}`"));
            }
            if name.ends_with("_protocols") {
                check_protocols(value, version)?;
            }
        }
        let sasl = overrides
            .iter()
            .any(|(n, v)| n == "smtpd_sasl_auth_enable" && v == "yes");
        let restricted = overrides
            .iter()
            .any(|(n, v)| n.ends_with("_restrictions") && v == "permit_sasl_authenticated,reject");
        if !sasl || !restricted {
            return Err(format!("`{service}` lacks SASL or its restriction"));
        }
    }
    let (applied, edited) = postconf_effect(&out.postconf)?;
    if applied != settings {
        return Err("postconf -e differs from main.cf".into());
    }
    if version >= v(2, 11) {
        if edited != services {
            return Err("postconf -M/-P differ from master.cf".into());
        }
    } else if !edited.is_empty()
        || (!services.is_empty() && !out.postconf.contains("master.cf by hand"))
    {
        return Err("master.cf edits on a version without postconf -M/-P".into());
    }
    if !out
        .postconf
        .trim_end()
        .ends_with("postfix check && postfix reload")
        && !out
            .postconf
            .trim_end()
            .ends_with("postfix stop && postfix start")
    {
        return Err("postconf output does not end with check and reload".into());
    }
    if o.comments {
        for line in out.main_cf.lines().filter(|l| l.starts_with("# ")) {
            if line.contains("set by postfix-tls") {
                return Err(format!("parameter without its own comment: {line}"));
            }
        }
    }
    Ok(())
}

fn versions() -> impl Strategy<Value = (PostfixVersion, OpensslVersion)> {
    (
        select(PostfixVersion::ALL.to_vec()),
        select(OpensslVersion::ALL.to_vec()),
    )
        .prop_filter("OpenSSL older than the series needs", |(p, o)| {
            *o >= OpensslVersion::minimum_for(*p)
        })
}

fn profiles() -> impl Strategy<Value = (Profile, Profile, Profile)> {
    let p = || select(Profile::ALL.to_vec());
    (p(), p(), p())
}

fn certificate() -> impl Strategy<Value = (CertSource, CertLayout, bool, bool)> {
    (
        select(CertSource::ALL.to_vec()),
        select(CertLayout::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
    )
}

fn relay() -> impl Strategy<Value = (bool, RelayPort, bool, bool)> {
    (
        any::<bool>(),
        select(RelayPort::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
    )
}

fn options() -> impl Strategy<Value = Options> {
    (
        versions(),
        select(Role::ALL.to_vec()),
        select(InboundLevel::ALL.to_vec()),
        select(OutboundLevel::ALL.to_vec()),
        select(Sasl::ALL.to_vec()),
        (any::<bool>(), any::<bool>()),
        certificate(),
        relay(),
        profiles(),
        proptest::collection::vec(any::<bool>(), plain_switches().len()),
    )
        .prop_map(
            |(
                (postfix, openssl),
                role,
                inbound,
                outbound,
                sasl,
                (submission, submissions),
                (source, layout, ecdsa, combined),
                (relay, port, auth, texthash),
                (inbound_profile, submission_profile, outbound_profile),
                switches,
            )| {
                let mut o = Options {
                    postfix,
                    openssl,
                    role,
                    inbound,
                    outbound,
                    sasl,
                    submission,
                    submissions,
                    inbound_profile,
                    submission_profile,
                    outbound_profile,
                    ..Options::default()
                };
                for (field, on) in plain_switches().into_iter().zip(switches) {
                    o.edit(Edit::Switch(field, on));
                }
                o.certificate.source = source;
                o.certificate.layout = layout;
                o.certificate.ecdsa = ecdsa;
                if combined {
                    o.certificate.key_file = o.certificate.cert_file.clone();
                    o.certificate.ecdsa_key_file = o.certificate.ecdsa_cert_file.clone();
                }
                o.relayhost.enabled = relay;
                o.relayhost.port = port;
                o.relayhost.auth = auth;
                if texthash {
                    o.relayhost.password_maps = "texthash:/etc/postfix/sasl_passwd".into();
                }
                o
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_choice_gives_valid_deterministic_output(o in options()) {
        let out = generate(&o);
        prop_assert_eq!(&out, &generate(&o), "not deterministic");
        if let Err(problem) = check_output(&o, &out) {
            return Err(TestCaseError::fail(format!(
                "{problem}\noptions: {}\n{}\n{}\n{}",
                o.to_json(), out.main_cf, out.master_cf, out.postconf
            )));
        }
    }

    #[test]
    fn hostile_free_text_is_refused_and_never_written(
        o in options(),
        field in select(text_fields()),
        hostile in select(vec![
            "/etc/EVIL\nsmtpd_tls_security_level = none",
            "/etc/EVIL # comment",
            "/etc/$(EVIL)",
            "/etc/EVIL=yes",
            "/etc/EVIL,/etc/other",
            "EVIL.example\r\nrelayhost = x",
            "hash:/etc/EVIL passwd",
            "EVIL'; rm -rf /; '",
            "relative/EVIL.pem",
        ]),
    ) {
        let mut o = o;
        o.relayhost.enabled = true;
        o.outbound = OutboundLevel::Secure;
        o.certificate.ecdsa = true;
        o.edit(Edit::Text(field, hostile.to_string()));
        let r = render(&o);
        let others = r.others.iter().map(|other| &other.text);
        for text in [&r.main_cf, &r.master_cf, &r.postconf].into_iter().chain(others) {
            prop_assert!(!text.contains("EVIL"), "hostile value written:\n{}", text);
        }
        // A field in use must be refused with an error that names it.
        let refused = r.problems.iter().any(|d| {
            d.id == RuleId::OptionValueRejected
                && d.severity == Severity::Error
                && d.message.en.starts_with(&*field.label_in_sentence().en)
        });
        prop_assert_eq!(refused, o.resolve().applies(field), "{:?}", field);
    }
}

/// The yes/no options of the table that no strategy above sets with the choices they go
/// with: a new one is covered without a change here.
fn plain_switches() -> Vec<Field> {
    let paired = [
        Field::Ecdsa,
        Field::Submission,
        Field::Submissions,
        Field::Smarthost,
        Field::SmarthostLogin,
    ];
    Field::ALL
        .iter()
        .copied()
        .filter(|f| matches!(f.row().control, Control::Switch { .. }) && !paired.contains(f))
        .collect()
}

/// Every free-text field of the option table.
fn text_fields() -> Vec<Field> {
    let texts: Vec<Field> = Field::ALL
        .iter()
        .copied()
        .filter(|f| matches!(f.row().control, Control::Text { .. }))
        .collect();
    assert_eq!(texts.len(), 8);
    texts
}

/// A snippet without the header, whose share link differs for options that render alike.
fn without_header(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("# postfix-tls ") && !l.starts_with("# these choices: "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Generates, reads the output back as a pasted main.cf and master.cf (one text, as `cat`
/// gives them, with the port-25 service every master.cf has unless the host is send-only)
/// and generates again: the same configuration, nothing left out.
///
/// The options read are not always the options chosen, for reasons that are not in the
/// output: a choice that does not apply is not written (a profile for a direction without
/// TLS, Dovecot before 2.3, the smarthost's port 465 before 3.0, Logjam hardening where the
/// defaults are safe), the effective level is written (`encrypt` for a smarthost login
/// without TLS), and an internal relay that does not require TLS on port 25 looks like a
/// public MX (the role is a guess, and said to be). So the test compares what they render to,
/// and the role where the output says it.
fn round_trip(o: &Options) -> Result<(), String> {
    let out = render(o);
    let mut text = out.main_cf.clone();
    text.push_str("\n# master.cf\n");
    if o.role != Role::NullClient {
        text.push_str("smtp      inet  n       -       y       -       -       smtpd\n");
    }
    text.push_str(&out.master_cf);
    let base = Options {
        postfix: o.postfix,
        openssl: o.openssl,
        comments: o.comments,
        ..Options::default()
    };
    let read = import::read(&Paste::read(&text, None), o.postfix, &base);
    if let Some(l) = read.left_out.first() {
        return Err(format!(
            "left out: {} = {} ({:?}): {}\n{text}",
            l.name, l.value, l.kind, l.reason.en
        ));
    }
    let again = render(&read.options);
    if without_header(&again.main_cf) != without_header(&out.main_cf)
        || without_header(&again.master_cf) != without_header(&out.master_cf)
    {
        return Err(format!(
            "read back as {}\nrenders\n{}\n{}\ninstead of\n{}\n{}",
            read.options.to_json(),
            again.main_cf,
            again.master_cf,
            out.main_cf,
            out.master_cf
        ));
    }
    let role_said = o.role == Role::NullClient
        || (o.role == Role::Relay && o.resolve().inbound == InboundLevel::Encrypt);
    if role_said && read.options.role != o.role {
        return Err(format!("role {:?} read as {:?}", o.role, read.options.role));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_choice_reads_back_as_the_same_configuration(o in options()) {
        if let Err(problem) = round_trip(&o) {
            return Err(TestCaseError::fail(format!("{problem}\noptions: {}", o.to_json())));
        }
    }
}

#[test]
fn the_round_trip_catches_a_lost_choice() {
    // A smarthost on 587 edited by hand to port 25: read back, the line is listed.
    let mut o = Options::default();
    o.relayhost.enabled = true;
    let out = render(&o);
    let edited = out.main_cf.replace("]:587", "]:25");
    let read = import::read(&Paste::read(&edited, None), o.postfix, &o);
    assert!(read.left_out.iter().any(|l| l.name == "relayhost"));
    assert!(round_trip(&o).is_ok());
}

#[test]
fn the_known_table_has_no_duplicates() {
    for (i, k) in KNOWN.iter().enumerate() {
        assert!(
            KNOWN[..i].iter().all(|other| other.name != k.name),
            "{}",
            k.name
        );
        assert!(PostfixVersion::ALL.contains(&k.since), "{}", k.name);
    }
}

#[test]
fn the_checks_catch_bad_output() {
    // The checks themselves must be able to fail.
    assert!(check_known("smtpd_tls_chain_files", v(3, 3)).is_err());
    assert!(check_known("smtpd_use_tls", v(3, 9)).is_err());
    assert!(check_known("no_such_parameter", v(3, 9)).is_err());
    assert!(check_protocols(">=TLSv1.2", v(3, 5)).is_err());
    assert!(check_protocols("!SSLv2, !TLSv1", v(3, 5)).is_err());
    assert!(check_protocols(">=TLSv1.3", v(3, 3)).is_err());
    assert!(check_protocols("!SSLv2, !SSLv3, !TLSv1.1", v(3, 5)).is_err());
    assert!(check_protocols("!SSLv2, !SSLv3, !TLSv1, !TLSv1.1", v(3, 5)).is_ok());
    assert!(postconf_effect("postconf -e 'a = b' extra").is_err());
    assert!(master_services("submission inet n - y - - smtpd\n").is_err());
}

#[test]
fn every_public_mx_gets_the_port_25_level_chosen_and_a_warning_for_encrypt() {
    // Exhaustive over versions and levels: RFC 3207 is never broken without a warning.
    for &postfix in PostfixVersion::ALL {
        for &inbound in InboundLevel::ALL {
            let o = Options {
                postfix,
                openssl: OpensslVersion::minimum_for(postfix),
                inbound,
                ..Options::default()
            };
            let out = generate(&o);
            let required = out.main_cf.contains("smtpd_tls_security_level = encrypt")
                || out.main_cf.contains("smtpd_enforce_tls = yes");
            assert_eq!(required, inbound == InboundLevel::Encrypt, "{postfix}");
            let warned = out
                .diagnostics
                .iter()
                .any(|d| d.id == RuleId::EncryptChosenOnMx);
            assert_eq!(warned, inbound == InboundLevel::Encrypt, "{postfix}");
        }
    }
}
