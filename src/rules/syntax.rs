//! Lines, names and values: `malformed_line`, `ignored_service_argument`, `value_has_comment`,
//! `duplicate_parameter`, `duplicate_service`,
//! `unknown_parameter`, `parameter_not_in_version`, `parameter_needs_patch_release`, `parameter_renamed`,
//! `undefined_reference`, `invalid_value`, `unknown_service`, `unlisted_service_name`.

use super::scope::{port_of, At, Lint, Port};
use super::RuleId;
use crate::config::{Malformed, MalformedKind, Param, SERVICE_TYPES};
use crate::diagnostic::FileKind;
use crate::fix::{Change, Choice, Fix};
use crate::lang::Text;
use crate::params::{self, ValueKind};
use crate::text;
use std::borrow::Cow;

pub fn check(lint: &mut Lint) {
    malformed_lines(lint);
    comments_in_values(lint);
    duplicates(lint);
    duplicate_services(lint);
    unknown_names(lint);
    patch_release_names(lint);
    undefined_references(lint);
    missing_policy_services(lint);
    invalid_values(lint);
    unknown_services(lint);
}

fn malformed_lines(lint: &mut Lint) {
    let main = lint.main.map(|m| (FileKind::MainCf, &m.malformed));
    let master = lint.master.map(|m| (FileKind::MasterCf, &m.malformed));
    let services_before = |line: usize| {
        lint.master
            .is_some_and(|m| m.services.iter().any(|s| s.line < line))
    };
    let mut found = Vec::new();
    for (file, lines) in main.into_iter().chain(master) {
        for m in lines.iter() {
            let (message, help) = describe_malformed(m);
            // A word a daemon never reads does no harm beyond misleading the reader.
            let id = match m.kind {
                MalformedKind::IgnoredArgument => RuleId::IgnoredServiceArgument,
                _ => RuleId::MalformedLine,
            };
            let fix = malformed_fix(m, file, services_before(m.line));
            found.push((id, At { file, line: m.line }, message, help, fix));
        }
    }
    for (id, at, message, help, fix) in found {
        lint.emit_fix(id, Some(at), message, help, fix);
    }
}

/// The certain fixes of a line Postfix cannot read: a file name pasted above the settings
/// (`/etc/postfix/main.cf`, a single word that is a path, never a setting or service) goes;
/// an `-o` line below a service is indented, the only reading of it Postfix has.
fn malformed_fix(m: &Malformed, file: FileKind, services_before: bool) -> Option<Fix> {
    let word = m.text.trim();
    let lone_path = word.starts_with('/') && !word.contains(char::is_whitespace);
    match m.kind {
        MalformedKind::NotASetting | MalformedKind::TooFewColumns if lone_path => {
            Some(Fix::certain(Change::RemoveLine { file, line: m.line }))
        }
        MalformedKind::UnindentedOption if services_before => {
            let first = word.split_whitespace().next()?;
            Some(Fix::certain(Change::ReplaceWord {
                file,
                line: m.line,
                from: first.to_string(),
                to: format!("  {first}"),
            }))
        }
        _ => None,
    }
}

fn describe_malformed(m: &Malformed) -> (Text, Text) {
    let shown: String = m.text.chars().take(60).collect();
    match m.kind {
        MalformedKind::NotASetting => (
            text!("`{}` is not a setting"; shown),
            text!(
                "write `name = value`, or delete the line if it was pasted by accident (a comment starts with `#`)"
            ),
        ),
        MalformedKind::BadName => (
            text!("`{}` has no valid parameter name before `=`"; shown),
            text!(
                "parameter names consist of letters, digits and `_`"
            ),
        ),
        MalformedKind::StrayContinuation => (
            text!("indented line `{}` continues nothing"; shown.trim()),
            text!(
                "remove the leading whitespace, or move the line below the setting it continues"
            ),
        ),
        MalformedKind::TooFewColumns => (
            text!("`{}` is not a service line: it needs 8 columns"; shown),
            text!(
                "write `name type private unpriv chroot wakeup maxproc command`, or delete the line if it was pasted by accident"
            ),
        ),
        MalformedKind::UnindentedOption => (
            text!("`{}` does not continue the service above"; shown),
            text!(
                "indent `-o` lines with spaces so they belong to the service line above"
            ),
        ),
        MalformedKind::BadOption => (
            text!("`{}` is not an `-o name=value` override"; shown),
            text!(
                "write `-o name=value` without spaces around `=`"
            ),
        ),
        MalformedKind::BadColumn(column) => (
            text!(
                "invalid {} column `{}`: Postfix does not start (\"invalid {} field\")";
                column.name, shown, column.field
            ),
            match column.name {
                "wakeup" => text!(
                    "write a number of seconds, with `?` to wake only when used, or `-`"
                ),
                "maxproc" => text!(
                    "write a number of processes (`0` for no limit) or `-`"
                ),
                _ => text!(
                    "write `y`, `n` or `-` (lower case)"
                ),
            },
        ),
        MalformedKind::IgnoredArgument => (
            text!(
                "`{}` is an argument the service never reads: it has no effect";
                shown
            ),
            text!(
                "remove it; settings for this service go in `-o name=value` (`flags=` belongs to `pipe`)"
            ),
        ),
        MalformedKind::MissingCommand => (
            text!(
                "the service has no command: `{}` stands where the command belongs, and every connection fails (\"master_spawn: exec .../{}: No such file or directory\")";
                shown, shown
            ),
            text!(
                "write the program before the options, for example `smtpd` for an SMTP server: `smtp inet n - y - - smtpd -o name=value`"
            ),
        ),
        MalformedKind::StrayArgument => (
            text!(
                "`{}` is an argument the service does not take: it stops with \"unexpected command-line argument\"";
                shown
            ),
            text!(
                "a space ends an `-o` value: write it without spaces (`permit_sasl_authenticated,reject`) or as `-o { name = value }` (Postfix 3.0+)"
            ),
        ),
    }
}

/// The part of a value before a `#` that follows whitespace, if there is such a `#`.
fn before_comment(value: &str) -> Option<&str> {
    // Asked of every value, and almost none has a `#`: one byte search settles most.
    if !value.contains('#') {
        return None;
    }
    if value.starts_with('#') {
        return Some("");
    }
    value
        .char_indices()
        .find(|&(i, c)| c == '#' && value[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| value[..i].trim_end())
}

fn comments_in_values(lint: &mut Lint) {
    let found: Vec<(&Param, At)> = lint
        .all_params()
        .filter(|(p, _)| before_comment(&p.value).is_some())
        .collect();
    for (p, at) in found {
        let kept = before_comment(&p.value).unwrap_or_default();
        lint.emit(
            RuleId::ValueHasComment,
            Some(at),
            text!(
                "`#` is not a comment here: `{}` gets the value `{}`";
                p.name, p.value
            ),
            text!(
                "move the comment to its own line and keep `{} = {}`";
                p.name, kept
            ),
        );
    }
}

fn duplicates(lint: &mut Lint) {
    let mut found: Vec<(String, usize, At)> = Vec::new();
    if let Some(main) = lint.main {
        collect_duplicates(&main.params, FileKind::MainCf, &mut found);
    }
    for service in lint.services() {
        collect_duplicates(&service.overrides, FileKind::MasterCf, &mut found);
    }
    for (name, first, at) in found {
        lint.emit(
            RuleId::DuplicateParameter,
            Some(at),
            text!(
                "`{}` is set again: this definition wins over line {}";
                name, first
            ),
            text!(
                "keep one definition of `{}`";
                name
            ),
        );
    }
}

/// A service given twice: Postfix 3.7.11's master logs "duplicate master.cf entry for service
/// "smtp" (...) -- using the last entry".
fn duplicate_services(lint: &mut Lint) {
    let services: Vec<_> = lint.services().collect();
    let mut found: Vec<(String, String, usize, usize)> = Vec::new();
    for (i, s) in services.iter().enumerate() {
        let key = s.endpoint();
        if let Some(earlier) = services[..i].iter().rev().find(|e| e.endpoint() == key) {
            found.push((s.name.clone(), s.kind.clone(), earlier.line, s.line));
        }
    }
    for (name, kind, first, line) in found {
        lint.emit(
            RuleId::DuplicateService,
            Some(At {
                file: FileKind::MasterCf,
                line,
            }),
            text!(
                "`{} {}` is the service of line {} again: Postfix uses this entry and ignores that one";
                name, kind, first
            ),
            text!(
                "keep one `{} {}` entry (Postfix logs \"duplicate master.cf entry\")";
                name, kind
            ),
        );
    }
}

fn collect_duplicates(list: &[Param], file: FileKind, found: &mut Vec<(String, usize, At)>) {
    for (i, p) in list.iter().enumerate() {
        if let Some(earlier) = list[..i].iter().rev().find(|e| e.name == p.name) {
            found.push((p.name.clone(), earlier.line, At { file, line: p.line }));
        }
    }
}

fn unknown_names(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    let referenced = lint.referenced_names();
    let services: Vec<&str> = lint.services().map(|s| s.name.as_str()).collect();
    let defined_in_main: Vec<&str> = lint.main_params().map(|(p, _)| p.name.as_str()).collect();
    let mut found: Vec<(&str, At, bool)> = Vec::new();
    for (p, at) in lint.all_params() {
        let name = p.name.as_str();
        if params::is_known(name, version)
            || referenced.contains(&name)
            || params::is_per_service(name, &services, version)
            // Without master.cf its services are unknown: a name such as
            // `dovecot_destination_recipient_limit` may be one's.
            || (lint.master.is_none() && params::is_per_service_of_any(name, version))
            || (at.file == FileKind::MasterCf && defined_in_main.contains(&name))
            || is_chain_files(name)
            || found
                .iter()
                .any(|(n, a, _)| *n == name && a.file == at.file)
        {
            continue;
        }
        found.push((name, at, params::is_too_new(name, version)));
    }
    for (name, at, too_new) in found {
        if let Some(new) = params::renamed_to(name, version) {
            lint.emit(
                RuleId::ParameterRenamed,
                Some(at),
                text!(
                    "`{}` was renamed to `{}`; Postfix {} still reads the old name";
                    name, new, version
                ),
                text!("rename it to `{}`"; new),
            );
            continue;
        }
        if too_new {
            let since = params::first_release(name).unwrap_or_default();
            lint.emit(
                RuleId::ParameterNotInVersion,
                Some(at),
                text!(
                    "`{}` needs Postfix {}; Postfix {} ignores it";
                    name, since, version
                ),
                text!(
                    "remove `{}` or upgrade to Postfix {}";
                    name, since
                ),
            );
            continue;
        }
        let help = match params::suggest(name, version) {
            Some(s) => text!("did you mean `{}`?"; s),
            None => text!("check the spelling; Postfix ignores unknown parameters"),
        };
        lint.emit(
            RuleId::UnknownParameter,
            Some(at),
            text!(
                "unknown parameter `{}` for Postfix {}";
                name, version
            ),
            help,
        );
    }
}

/// Names this series knows only from a patch release on (`tls_config_file` from 3.5.20):
/// the selected series says too little to know whether the server has them.
fn patch_release_names(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    let mut found: Vec<(&str, At, String)> = Vec::new();
    for (p, at) in lint.all_params() {
        let name = p.name.as_str();
        if found
            .iter()
            .any(|(n, a, _)| *n == name && a.file == at.file)
        {
            continue;
        }
        if let Some(release) = params::patch_release(name, version) {
            found.push((name, at, release));
        }
    }
    for (name, at, release) in found {
        lint.emit(
            RuleId::ParameterNeedsPatchRelease,
            Some(at),
            text!(
                "`{}` needs Postfix {} or later; an older {} release ignores it";
                name, release, version
            ),
            text!(
                "check with `postconf mail_version`; below {} the setting has no effect";
                release
            ),
        );
    }
}

fn undefined_references(lint: &mut Lint) {
    // Without main.cf, a name may well be defined there.
    let Some(main) = lint.main else { return };
    let version = lint.ctx.postfix;
    let services: Vec<&str> = lint.services().map(|s| s.name.as_str()).collect();
    let mut found: Vec<(String, At)> = Vec::new();
    let main_refs = main.params.iter().map(|p| (p, None));
    let override_refs = lint
        .services()
        .flat_map(|s| s.overrides.iter().map(move |p| (p, Some(s))));
    for (p, service) in main_refs.chain(override_refs) {
        if !crate::config::is_expanded(&p.name) {
            continue; // `$EXTENSION` in mailbox_command is procmail's, not a parameter
        }
        for name in crate::config::required_references(&p.value) {
            let defined = params::is_known(name, version)
                || params::since_version(name).is_some()
                || main.get(name).is_some()
                || service.is_some_and(|s| s.get(name).is_some())
                || params::is_per_service(name, &services, version);
            let at = At {
                file: if service.is_some() {
                    FileKind::MasterCf
                } else {
                    FileKind::MainCf
                },
                line: p.line,
            };
            if !defined && !found.iter().any(|(n, a)| n == name && *a == at) {
                found.push((name.to_string(), at));
            }
        }
    }
    for (name, at) in found {
        lint.emit(
            RuleId::UndefinedReference,
            Some(at),
            text!(
                "`${}` is not defined: Postfix uses an empty value";
                name
            ),
            text!(
                "define `{}` in main.cf, or remove the reference";
                name
            ),
        );
    }
}

/// `check_policy_service unix:private/NAME` (or `public/NAME`) where a whole master.cf runs
/// no `NAME unix` service. Found on Discourse's mail-receiver, whose `policy` service was
/// removed while main.cf still asks it: Postfix 3.7.11 then answered every RCPT TO with
/// `451 4.3.5 Server configuration problem`. A program outside Postfix can create such a
/// socket too (Dovecot's quota-status), so this is a warning.
fn missing_policy_services(lint: &mut Lint) {
    let Some(master) = lint.master.filter(|m| m.is_whole()) else {
        return;
    };
    let main = lint.main_params().map(|(p, at)| (None, p, at));
    let overrides = lint.overrides().map(|(s, p, at)| (Some(s), p, at));
    let mut found: Vec<(String, String, At, Option<String>)> = Vec::new();
    for (service, p, at) in main.chain(overrides) {
        let mut words = params::list_items(&p.value)
            .map(|w| w.trim_matches(|c| c == '{' || c == '}'))
            .filter(|w| !w.is_empty());
        while let Some(word) = words.next() {
            if !word.eq_ignore_ascii_case("check_policy_service") {
                continue;
            }
            let Some(endpoint) = words.next() else { break };
            let Some(name) = queue_socket_name(endpoint) else {
                continue;
            };
            let served = master
                .services
                .iter()
                .any(|s| s.kind == "unix" && s.name == name);
            if served || found.iter().any(|(e, _, a, _)| e == endpoint && *a == at) {
                continue;
            }
            // What smtpd answers when the server cannot be asked (from 3.0; the service's own
            // value where it overrides it).
            let name_of_action = "smtpd_policy_service_default_action";
            let action = lint
                .value(name_of_action, service)
                .map(|a| a.value.trim().to_string())
                .or_else(|| {
                    let version = lint.ctx.postfix;
                    params::is_known(name_of_action, version)
                        .then(|| params::nearest_default(name_of_action, version))
                        .flatten()
                        .map(str::to_string)
                })
                .filter(|a| !a.is_empty());
            found.push((endpoint.to_string(), name.to_string(), at, action));
        }
    }
    for (endpoint, name, at, action) in found {
        let message = match action {
            Some(action) => text!(
                "`check_policy_service {}`: master.cf runs no `{}` service; unless another program creates that socket, smtpd answers every recipient with `{}` (`smtpd_policy_service_default_action`)";
                endpoint, name, action
            ),
            None => text!(
                "`check_policy_service {}`: master.cf runs no `{}` service; unless another program creates that socket, smtpd cannot ask it about any recipient";
                endpoint, name
            ),
        };
        lint.emit(
            RuleId::PolicyServiceMissing,
            Some(at),
            message,
            text!(
                "add the `{}` service to master.cf, or remove `check_policy_service {}`";
                name, endpoint
            ),
        );
    }
}

/// The master.cf service a policy endpoint in the queue directory names: `unix:private/NAME`
/// or `unix:public/NAME` (`inet:` and absolute paths belong to servers outside Postfix).
fn queue_socket_name(endpoint: &str) -> Option<&str> {
    let path = endpoint.strip_prefix("unix:")?;
    let name = path
        .strip_prefix("private/")
        .or_else(|| path.strip_prefix("public/"))?;
    (!name.is_empty() && !name.contains('/')).then_some(name)
}

/// `smtpd_tls_chain_files` before 3.4 has its own rule (`chain_files_unsupported`).
fn is_chain_files(name: &str) -> bool {
    matches!(name, "smtpd_tls_chain_files" | "smtp_tls_chain_files")
}

/// One wrong word in a value, and the word meant if known.
struct BadWord {
    word: String,
    meant: Option<String>,
}

fn invalid_values(lint: &mut Lint) {
    let classes: Vec<String> = lint
        .main
        .and_then(|m| m.get("smtpd_restriction_classes"))
        .map(|p| params::list_items(&p.value).map(str::to_string).collect())
        .unwrap_or_default();
    // (setting, place, kind, wrong word, expanded value, port of its service)
    type Found<'a> = (&'a Param, At, ValueKind, BadWord, Option<String>, Port);
    let mut found: Vec<Found> = Vec::new();
    let main_params = lint.main_params().map(|(p, at)| (None, p, at));
    let overrides = lint.overrides().map(|(s, p, at)| (Some(s), p, at));
    for (service, p, at) in main_params.chain(overrides) {
        let Some(kind) = params::value_kind(&p.name) else {
            continue;
        };
        if before_comment(&p.value).is_some() {
            continue; // value_has_comment reports it
        }
        // Postfix judges the value after `$` expansion; one whose parts are unknown here
        // is not judged at all.
        let expanded = if p.value.contains('$') && crate::config::is_expanded(&p.name) {
            match lint.expand(&p.value, service) {
                Some(value) => Some(value),
                None => continue,
            }
        } else {
            None
        };
        let value = expanded.as_deref().unwrap_or(&p.value);
        if p.name == "smtpd_forbid_bare_newline"
            && lint.ctx.postfix.supports_bare_newline_normalize()
            && ["normalize", "reject"]
                .iter()
                .any(|w| value.trim().eq_ignore_ascii_case(w))
        {
            continue;
        }
        let port = service.map_or(Port::Smtp, |s| {
            if s.kind == "inet" {
                port_of(&s.name)
            } else {
                Port::Other
            }
        });
        for bad in bad_words(kind, value, &classes) {
            found.push((p, at, kind, bad, expanded.clone(), port));
        }
    }
    for (p, at, kind, bad, expanded, port) in found {
        // A value assembled from `$name`s is fixed where its parts are written.
        let fix = bad
            .meant
            .as_deref()
            .filter(|_| expanded.is_none())
            .map(|meant| value_fix(p, at, kind, &bad.word, meant, port));
        let help = match &bad.meant {
            // "verschlüsseln" asks for encryption where possible; the literal `encrypt`
            // would defer mail to every server without TLS.
            Some(meant) if kind == ValueKind::ClientLevel && meant == "encrypt" => text!(
                "use `may` (TLS whenever the receiving server offers it), which is almost always meant; `encrypt` defers mail to every server without TLS"
            ),
            Some(meant) => text!("use `{}`"; meant),
            None => text!(
                "expected {}";
                expected(kind)
            ),
        };
        let message = match expanded {
            Some(value) => text!(
                "invalid value `{}` for `{}` (`{}` expands to `{}`)";
                bad.word, p.name, p.value, value
            ),
            None => text!(
                "invalid value `{}` for `{}`";
                bad.word, p.name
            ),
        };
        lint.emit_fix(RuleId::InvalidValue, Some(at), message, help, fix);
    }
}

/// The fix of a wrong word whose meaning is known. A translation is certain (`kann` is
/// `may`, `ja` is `yes`, `URSPRUNG` is `ORIGINATING`), except where the literal word does
/// harm: `verschlüsseln` as a level (`encrypt` defers mail to every server without TLS, and
/// breaks RFC 3207 on port 25; on a submission port it is what is meant) and `erlauben` in a
/// restriction list (`permit` there opens the relay). A guess by spelling is a choice.
fn value_fix(p: &Param, at: At, kind: ValueKind, word: &str, meant: &str, port: Port) -> Fix {
    // `!SSLv9` in a protocol list: the name is replaced, the operator stays.
    let from = if kind == ValueKind::Protocols {
        word.trim_start_matches(['!', '>', '<', '='])
    } else {
        word
    };
    let replace = |to: &str| Change::ReplaceWord {
        file: at.file,
        line: p.line,
        from: from.to_string(),
        to: to.to_string(),
    };
    let choice = |to: &str, what: Text| Choice {
        changes: vec![replace(to)],
        what,
    };
    let translated = params::untranslate(from).is_some_and(|t| t.eq_ignore_ascii_case(meant));
    let level = matches!(kind, ValueKind::ClientLevel | ValueKind::ServerLevel);
    let submission = matches!(port, Port::Submission | Port::Submissions);
    let may = || {
        choice(
            "may",
            if kind == ValueKind::ClientLevel {
                text!(
                    "`may`: TLS whenever the receiving server offers it, and mail keeps flowing to servers without TLS"
                )
            } else {
                text!(
                    "`may`: STARTTLS is offered and mail from servers without TLS is still accepted, as RFC 3207 asks of port 25"
                )
            },
        )
    };
    let encrypt = || {
        choice(
            "encrypt",
            if kind == ValueKind::ClientLevel {
                text!("`encrypt`: TLS is required, and mail to servers without TLS is deferred")
            } else {
                text!(
                    "`encrypt`: clients must use TLS; right for submission, wrong for port 25 of a public MX"
                )
            },
        )
    };
    match meant {
        "encrypt" if level && !(kind == ValueKind::ServerLevel && submission) => {
            Fix::Choices(vec![may(), encrypt()])
        }
        "permit" if kind == ValueKind::Restrictions => Fix::Choices(vec![
            choice(
                "reject",
                text!("`reject`: what is not permitted before is refused"),
            ),
            choice(
                "permit",
                text!(
                    "`permit`: everything not refused before is accepted, which can open the relay"
                ),
            ),
        ]),
        _ if translated => Fix::certain(replace(meant)),
        _ => Fix::Choices(vec![choice(
            meant,
            text!("`{}`: the closest word Postfix knows"; meant),
        )]),
    }
}

/// What a kind of parameter accepts, for the help line.
fn expected(kind: ValueKind) -> String {
    let words = |list: &[&str]| {
        list.iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        ValueKind::Boolean => words(params::BOOLEANS),
        ValueKind::ServerLevel => words(params::SERVER_LEVELS),
        ValueKind::ClientLevel => words(params::CLIENT_LEVELS),
        ValueKind::CipherGrade => words(params::CIPHER_GRADES),
        ValueKind::Protocols => words(params::PROTOCOLS),
        ValueKind::SaslType => words(params::SASL_TYPES),
        ValueKind::SaslSecurityOptions => words(params::SASL_SECURITY_OPTIONS),
        ValueKind::DnsSupportLevel => words(params::DNS_SUPPORT_LEVELS),
        ValueKind::Restrictions => String::from("restriction names such as `permit_mynetworks`, `permit_sasl_authenticated`, `reject_unauth_destination`, `reject`, or a `type:table`"),
        ValueKind::Integer => String::from("a number such as `1`"),
        ValueKind::DaemonName => String::from("`ORIGINATING` for submission services"),
    }
}

/// The words of a value its vocabulary does not contain.
fn bad_words(kind: ValueKind, value: &str, classes: &[String]) -> Vec<BadWord> {
    let value = value.trim();
    if value.is_empty() {
        return Vec::new();
    }
    // Postfix reads most keywords in any case; SASL implementation names only exactly.
    let one_of = |vocabulary: &[&'static str], any_case: bool| -> Vec<BadWord> {
        let same = |w: &&str| {
            if any_case {
                w.eq_ignore_ascii_case(value)
            } else {
                *w == value
            }
        };
        if value.starts_with('$') || vocabulary.iter().any(same) {
            return Vec::new();
        }
        vec![BadWord {
            word: value.to_string(),
            meant: meant(value, vocabulary),
        }]
    };
    let single = |vocabulary: &[&'static str]| one_of(vocabulary, true);
    match kind {
        ValueKind::Boolean => single(params::BOOLEANS),
        // Client-only levels on the server are invalid_server_tls_level's and
        // server_tls_level_read_as_encrypt's.
        ValueKind::ServerLevel => single(params::CLIENT_LEVELS),
        ValueKind::ClientLevel => single(params::CLIENT_LEVELS),
        ValueKind::CipherGrade => single(params::CIPHER_GRADES),
        ValueKind::SaslType => one_of(params::SASL_TYPES, false),
        ValueKind::DnsSupportLevel => single(params::DNS_SUPPORT_LEVELS),
        ValueKind::Integer => {
            if value.starts_with('$') || value.chars().all(|c| c.is_ascii_digit()) {
                Vec::new()
            } else {
                vec![BadWord {
                    word: value.to_string(),
                    meant: None,
                }]
            }
        }
        ValueKind::DaemonName => params::untranslate(value)
            .map(|meant| BadWord {
                word: value.to_string(),
                meant: Some(meant.to_string()),
            })
            .into_iter()
            .collect(),
        ValueKind::SaslSecurityOptions => params::list_items(value)
            .filter(|w| {
                !w.starts_with('$')
                    && !params::SASL_SECURITY_OPTIONS
                        .iter()
                        .any(|o| o.eq_ignore_ascii_case(w))
            })
            .map(|w| BadWord {
                word: w.to_string(),
                meant: meant(w, params::SASL_SECURITY_OPTIONS),
            })
            .collect(),
        // Postfix splits protocol lists at `:` too (tls_protocol_mask in tls_misc.c of
        // 3.7.11: CHARS_COMMA_SP ":"), in main.cf as in policy tables.
        ValueKind::Protocols => params::list_items(value)
            .flat_map(|w| w.split(':'))
            .filter(|w| !w.is_empty() && !is_protocol_item(w))
            .map(|w| BadWord {
                word: w.to_string(),
                meant: meant(
                    w.trim_start_matches(['!', '>', '<', '=']),
                    params::PROTOCOLS,
                ),
            })
            .collect(),
        ValueKind::Restrictions => bad_restrictions(value, classes),
    }
}

/// `TLSv1.2`, `!SSLv3`, `>=TLSv1.2`, `<=0x0304`, `>=303`: names in any case, numbers only
/// as a bound.
fn is_protocol_item(item: &str) -> bool {
    let is_name = |name: &str| {
        params::PROTOCOLS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(name))
    };
    match item.strip_prefix(">=").or_else(|| item.strip_prefix("<=")) {
        Some(bound) => is_name(bound) || params::protocol_number(bound).is_some(),
        None => is_name(item.strip_prefix('!').unwrap_or(item)),
    }
}

/// The keyword meant by a wrong word: a translation, else the closest word by spelling.
fn meant(word: &str, vocabulary: &[&'static str]) -> Option<String> {
    params::untranslate(word)
        .filter(|k| vocabulary.iter().any(|v| v.eq_ignore_ascii_case(k)))
        .or_else(|| params::closest(word, vocabulary.iter().copied()))
        .map(str::to_string)
}

/// A restriction list with its `{ ... }` groups (3.0+ syntax for options of a
/// restriction) skipped whole: a group stands in as one `{:}` word, which passes as a
/// restriction's argument. A stray `}` is dropped.
fn without_groups(value: &str) -> Cow<'_, str> {
    if !value.contains(['{', '}']) {
        return Cow::Borrowed(value);
    }
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in value.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => {
                depth = 0;
                plain.push_str(" {:} ");
            }
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    Cow::Owned(plain)
}

fn bad_restrictions(value: &str, classes: &[String]) -> Vec<BadWord> {
    let plain = without_groups(value);
    // The restriction names are lowercase ASCII, so comparing without case is the same
    // as comparing the lowercased word, without a copy per word.
    let listed = |list: &[&str], word: &str| list.iter().any(|r| r.eq_ignore_ascii_case(word));
    let mut bad = Vec::new();
    let mut takes_argument = false;
    for word in params::list_items(&plain) {
        if std::mem::take(&mut takes_argument) {
            continue;
        }
        if listed(params::RESTRICTIONS_WITH_ARGUMENT, word) {
            takes_argument = true;
            continue;
        }
        if word.contains(':')
            || word.starts_with('$')
            || listed(params::RESTRICTIONS, word)
            || classes.iter().any(|c| c == word)
        {
            continue;
        }
        let all = params::RESTRICTIONS
            .iter()
            .chain(params::RESTRICTIONS_WITH_ARGUMENT);
        let meant = params::untranslate(word)
            .map(str::to_string)
            .or_else(|| params::closest(word, all.copied()).map(str::to_string));
        bad.push(BadWord {
            word: word.to_string(),
            meant,
        });
    }
    bad
}

/// True when a restriction list contains words Postfix would not accept.
pub fn has_bad_restrictions(value: &str) -> bool {
    !bad_restrictions(value, &[]).is_empty()
}

/// Service names Postfix resolves without /etc/services (known_tcp_ports), plus the mail
/// service names every services(5) has.
const KNOWN_SERVICE_NAMES: &[&str] = &[
    "smtp",
    "submission",
    "submissions",
    "smtps",
    "ssmtp",
    "urd",
    "lmtp",
    "qmqp",
];

fn unknown_services(lint: &mut Lint) {
    let mut found: Vec<(At, RuleId, Text, Text, Option<Fix>)> = Vec::new();
    for service in lint.services() {
        let at = At {
            file: FileKind::MasterCf,
            line: service.line,
        };
        if !SERVICE_TYPES.contains(&service.kind.as_str()) {
            // A file name pasted before the line shifts every column by one.
            let shifted = SERVICE_TYPES.contains(&service.private.as_str());
            let help = if shifted {
                text!(
                    "remove `{}` before the service name: the line must start with `{} {}`";
                    service.name, service.kind, service.private
                )
            } else {
                match params::closest(&service.kind, SERVICE_TYPES.iter().copied()) {
                    Some(t) => text!("use `{}`"; t),
                    None => {
                        text!("the type is one of `inet`, `unix`, `unix-dgram`, `fifo`, `pass`")
                    }
                }
            };
            // A pasted file name goes; another first word may be the name meant.
            let drop = Change::ReplaceWord {
                file: at.file,
                line: at.line,
                from: service.name.clone(),
                to: String::new(),
            };
            let fix = shifted.then(|| {
                if service.name.starts_with('/') {
                    Fix::certain(drop)
                } else {
                    Fix::Choices(vec![Choice {
                        changes: vec![drop],
                        what: text!(
                            "remove `{}`: the line starts with the service name `{}`";
                            service.name, service.kind
                        ),
                    }])
                }
            });
            found.push((
                at,
                RuleId::UnknownService,
                text!(
                    "unknown service type `{}` for `{}`";
                    service.kind, service.name
                ),
                help,
                fix,
            ));
            continue;
        }
        if service.kind != "inet" {
            continue;
        }
        let port = service.name.rsplit(':').next().unwrap_or(&service.name);
        if port.chars().all(|c| c.is_ascii_digit()) && !port.is_empty()
            || KNOWN_SERVICE_NAMES.contains(&port)
        {
            continue;
        }
        let translated = params::untranslate(port);
        let suggestion =
            translated.or_else(|| params::closest(port, KNOWN_SERVICE_NAMES.iter().copied()));
        // A name that cannot be in /etc/services (a translation, non-ASCII) is certainly
        // wrong; another name may be listed there.
        let certain = translated.is_some() || !port.is_ascii();
        let help = match suggestion {
            Some(s) => text!("use `{}`"; s),
            None => text!("use a port number or a name listed in /etc/services"),
        };
        // A translation is certain; a guess by spelling is a choice.
        let fix = suggestion.map(|meant| {
            let change = Change::ReplaceWord {
                file: at.file,
                line: at.line,
                from: port.to_string(),
                to: meant.to_string(),
            };
            if translated.is_some() {
                Fix::certain(change)
            } else {
                Fix::Choices(vec![Choice {
                    changes: vec![change],
                    what: text!(
                        "`{}`: the closest name Postfix knows";
                        meant
                    ),
                }])
            }
        });
        found.push((
            at,
            if certain {
                RuleId::UnknownService
            } else {
                RuleId::UnlistedServiceName
            },
            text!(
                "unknown service name `{}`";
                service.name
            ),
            help,
            fix,
        ));
    }
    for (at, id, message, help, fix) in found {
        lint.emit_fix(id, Some(at), message, help, fix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_after_values() {
        assert_eq!(before_comment("may # optional"), Some("may"));
        assert_eq!(before_comment("#x"), Some(""));
        assert_eq!(before_comment("a#b"), None);
        assert_eq!(before_comment("may"), None);
    }

    #[test]
    fn restriction_lists() {
        assert!(!has_bad_restrictions(
            "permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination"
        ));
        assert!(!has_bad_restrictions("check_policy_service { inet:127.0.0.1:10023, timeout=10s }, reject_rbl_client zen.spamhaus.org, check_client_access hash:/etc/postfix/access"));
        assert!(has_bad_restrictions("permit_sasl_authenticated,ablehnen"));
        let bad = bad_restrictions("permit_sasl_authenticated,ablehnen", &[]);
        assert_eq!(bad[0].meant.as_deref(), Some("reject"));
        let bad = bad_restrictions("permit_sasl_authenticted", &[]);
        assert_eq!(bad[0].meant.as_deref(), Some("permit_sasl_authenticated"));
        assert!(bad_restrictions("myclass", &[String::from("myclass")]).is_empty());
    }

    #[test]
    fn groups_stand_in_as_one_word() {
        assert!(matches!(
            without_groups("permit_mynetworks, reject"),
            Cow::Borrowed("permit_mynetworks, reject")
        ));
        assert_eq!(
            without_groups("check_policy_service { inet:x, timeout=10s }, reject"),
            "check_policy_service  {:} , reject"
        );
        assert_eq!(without_groups("permit } reject"), "permit  reject");
        assert!(!has_bad_restrictions("PERMIT_MYNETWORKS, Reject"));
    }

    #[test]
    fn protocol_lists_split_at_colons() {
        for ok in ["!SSLv2:!SSLv3", "TLSv1.2:TLSv1.3", "!SSLv2, !SSLv3:!TLSv1"] {
            assert!(bad_words(ValueKind::Protocols, ok, &[]).is_empty(), "{ok}");
        }
        let bad = bad_words(ValueKind::Protocols, "!SSLv2:TLSv1.4", &[]);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].word, "TLSv1.4");
    }

    #[test]
    fn protocol_items() {
        for ok in [
            "TLSv1.2",
            "!SSLv3",
            ">=TLSv1.2",
            "<=TLSv1.3",
            ">=0x0303",
            ">=0303",
            ">=303",
            "<=0305",
            "<=0X0304",
            "tlsv1",
        ] {
            assert!(is_protocol_item(ok), "{ok}");
        }
        // Postfix 3.7.11: "Invalid TLS protocol list "!0x0301": disabling TLS support".
        for bad in [
            "TLSv1.4",
            ">= TLSv1.2",
            "!",
            "0x",
            "SSL",
            "!0x0301",
            "0x0303",
            ">=0x",
            ">=12345",
        ] {
            assert!(!is_protocol_item(bad), "{bad}");
        }
    }
}
