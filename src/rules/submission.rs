//! Submission and SASL: `submissions_name_unresolvable` (L20), `wrappermode_in_main_cf`
//! (L21), `level_ignored_with_wrappermode` (L22), `wrappermode_on_submission`,
//! `submissions_without_wrappermode`, `sasl_over_cleartext` (L28),
//! `sasl_on_port_25` (L29), `no_relay_protection` and `submission_not_restricted` (L30),
//! `no_implicit_tls_submission` (L46).

use super::scope::{port_of, At, Lint, Port, Scope, Setting};
use super::syntax::has_bad_restrictions;
use super::RuleId;
use crate::config::MalformedKind;
use crate::diagnostic::FileKind;
use crate::fix::{Change, Choice, Fix};
use crate::params;
use crate::text;

pub fn check(lint: &mut Lint) {
    submissions_name(lint);
    wrappermode_in_main(lint);
    level_with_wrappermode(lint);
    wrappermode_on_submission(lint);
    submissions_without_wrappermode(lint);
    sasl_over_cleartext(lint);
    sasl_on_port_25(lint);
    relay_protection(lint);
    implicit_tls(lint);
}

fn service_at(line: usize) -> Option<At> {
    Some(At {
        file: FileKind::MasterCf,
        line,
    })
}

fn submissions_name(lint: &mut Lint) {
    if lint.ctx.postfix.knows_submissions_port() {
        return;
    }
    let found: Vec<(usize, String)> = lint
        .services()
        .filter(|s| s.kind == "inet" && s.name.rsplit(':').next() == Some("submissions"))
        .map(|s| (s.line, s.name.clone()))
        .collect();
    for (line, name) in found {
        lint.emit(
            RuleId::SubmissionsNameUnresolvable,
            service_at(line),
            text!(
                "service name `{}` needs /etc/services before Postfix 3.6";
                name
            ),
            text!("name the service `465` or `smtps`"),
        );
    }
}

fn wrappermode_in_main(lint: &mut Lint) {
    let found: Vec<At> = lint
        .main_params()
        .filter(|(p, _)| {
            p.name == "smtpd_tls_wrappermode" && p.value.trim().eq_ignore_ascii_case("yes")
        })
        .map(|(_, at)| at)
        .collect();
    // The port-465 services of a master.cf given as a file (not described by `postconf -P`
    // lines, which have no service line to add an override to).
    let described = lint.main.is_some_and(|m| !m.service_params.is_empty());
    let implicit: Vec<(String, bool)> = lint
        .services()
        .filter(|s| !described && s.kind == "inet" && port_of(&s.name) == Port::Submissions)
        .filter(|s| lint.master.is_some_and(|m| m.is_live(s)))
        .map(|s| (s.name.clone(), s.get("smtpd_tls_wrappermode").is_some()))
        .collect();
    for at in found {
        let remove = Change::RemoveLine {
            file: at.file,
            line: at.line,
        };
        // With one port-465 service the fix is certain: the setting moves there, or just
        // goes when the service sets its own.
        let fix = match implicit.as_slice() {
            [(_, true)] => Fix::certain(remove),
            [(service, false)] => Fix::certain(Change::MoveToService {
                line: at.line,
                service: service.clone(),
                kind: String::from("inet"),
                name: String::from("smtpd_tls_wrappermode"),
                value: String::from("yes"),
            }),
            _ => Fix::Choices(vec![Choice {
                changes: vec![remove],
                what: text!(
                    "remove it: port 25 offers STARTTLS again; implicit TLS belongs to a port-465 service with `-o smtpd_tls_wrappermode=yes`"
                ),
            }]),
        };
        lint.emit_fix(
            RuleId::WrappermodeInMainCf,
            Some(at),
            text!(
                "`smtpd_tls_wrappermode = yes` in main.cf turns every smtpd, port 25 included, into implicit TLS"
            ),
            text!(
                "remove it from main.cf and use `-o smtpd_tls_wrappermode=yes` on the port-465 service"
            ),
            Some(fix),
        );
    }
}

/// Port 587 in wrapper mode: `postconf -P` of Postfix 3.7.11 shows
/// `submission/inet/smtpd_tls_wrappermode = yes` for an `-o` line under a commented-out
/// `#submissions` line, since comment lines do not end a service.
fn wrappermode_on_submission(lint: &mut Lint) {
    let found: Vec<(usize, String)> = lint
        .smtpd_scopes()
        .into_iter()
        .filter(|scope| scope.port == Port::Submission)
        .filter_map(|scope| scope.service)
        .filter_map(|s| {
            let p = s.get("smtpd_tls_wrappermode")?;
            lint.is_yes("smtpd_tls_wrappermode", Some(s))
                .then(|| (p.line, s.name.clone()))
        })
        .collect();
    for (line, name) in found {
        lint.emit(
            RuleId::WrappermodeOnSubmission,
            service_at(line),
            text!(
                "`smtpd_tls_wrappermode=yes` belongs to the `{}` service (port 587): clients that send STARTTLS there cannot connect";
                name
            ),
            text!(
                "an indented `-o` line continues the service above it even after comment lines: remove it here, or comment it out with its `#submissions` line"
            ),
        );
    }
}

/// Port 465 without wrapper mode: a Postfix 3.5.25 instance of bertvv/ansible-role-mailserver
/// (`smtps inet ... smtpd` with `-o` lines, none of them `smtpd_tls_wrappermode`) greeted in
/// plain text on that port, offering STARTTLS and AUTH before it.
fn submissions_without_wrappermode(lint: &mut Lint) {
    // An unindented `-o smtpd_tls_wrappermode=yes` below the service (the seed's classic
    // master.cf) is that service's, once `malformed_line`'s certain fix indents it.
    let written_below = |line: usize| {
        lint.master.is_some_and(|m| {
            let next = m
                .services
                .iter()
                .map(|s| s.line)
                .filter(|&l| l > line)
                .min()
                .unwrap_or(usize::MAX);
            m.malformed.iter().any(|x| {
                x.kind == MalformedKind::UnindentedOption
                    && (line..next).contains(&x.line)
                    && x.text.contains("smtpd_tls_wrappermode")
            })
        })
    };
    let found: Vec<(Option<At>, String)> = lint
        .smtpd_scopes()
        .into_iter()
        .filter(|scope| scope.port == Port::Submissions)
        .filter(|scope| !lint.is_yes("smtpd_tls_wrappermode", scope.service))
        .filter_map(|scope| {
            let service = scope.service?;
            (!written_below(service.line)).then(|| (lint.scope_at(&scope), service.name.clone()))
        })
        .collect();
    for (at, name) in found {
        lint.emit(
            RuleId::SubmissionsWithoutWrappermode,
            at,
            text!(
                "`{}` (port 465) has no `smtpd_tls_wrappermode=yes`: clients that start with TLS there, as RFC 8314 has them, cannot connect";
                name
            ),
            text!(
                "add `-o smtpd_tls_wrappermode=yes` to this service"
            ),
        );
    }
}

fn level_with_wrappermode(lint: &mut Lint) {
    let found: Vec<(usize, String)> = lint
        .services()
        .filter(|s| {
            s.get("smtpd_tls_wrappermode")
                .is_some_and(|p| p.value.eq_ignore_ascii_case("yes"))
        })
        .filter_map(|s| s.get("smtpd_tls_security_level"))
        .map(|p| (p.line, p.value.clone()))
        .collect();
    for (line, value) in found {
        lint.emit(
            RuleId::LevelIgnoredWithWrappermode,
            service_at(line),
            text!(
                "`smtpd_tls_security_level={}` is ignored on a wrapper-mode service";
                value
            ),
            text!(
                "wrapper mode always encrypts and uses `smtpd_tls_mandatory_protocols` and `smtpd_tls_mandatory_ciphers`"
            ),
        );
    }
}

fn sasl_over_cleartext(lint: &mut Lint) {
    for scope in lint.smtpd_scopes() {
        let Some(sasl) = lint
            .value("smtpd_sasl_auth_enable", scope.service)
            .filter(|s| s.is("yes"))
        else {
            continue;
        };
        let protected = lint.requires_tls(scope.service).is_some()
            || lint.is_yes("smtpd_tls_wrappermode", scope.service)
            || lint.is_yes("smtpd_tls_auth_only", scope.service)
            || lint
                .value("smtpd_sasl_security_options", scope.service)
                .is_some_and(|s| {
                    params::list_items(s.value).any(|w| w.eq_ignore_ascii_case("noplaintext"))
                });
        // main.cf may set `smtpd_tls_auth_only = yes` for every service: judge only with it.
        if protected || lint.main.is_none() {
            continue;
        }
        // A service that turns `smtpd_tls_auth_only` off itself is where to look (mailcow's
        // `588` with `-o smtpd_tls_auth_only=no` under a main.cf that has it on).
        let own = scope.service.and_then(|s| {
            let p = s.get("smtpd_tls_auth_only")?;
            Some((
                At {
                    file: FileKind::MasterCf,
                    line: p.line,
                },
                s.name.clone(),
            ))
        });
        let (at, service) = match own {
            Some((at, name)) => (Some(at), Some(name)),
            None => (sasl.at.or(lint.scope_at(&scope)), None),
        };
        // With TLS off the password can only cross in clear text, and
        // `smtpd_tls_auth_only = yes` alone would hide AUTH from every client (Froxlor-Mail's
        // main.cf: SASL on, no TLS setting at all).
        let tls_on = lint.tls_enabled(scope.service).is_some();
        let message = match (service, tls_on) {
            (Some(name), true) => text!(
                "login (SASL) is offered on `{}` while TLS is optional: passwords can cross the network in clear text";
                name
            ),
            (None, true) => text!(
                "login (SASL) is offered while TLS is optional: passwords can cross the network in clear text"
            ),
            (Some(name), false) => text!(
                "login (SASL) is offered on `{}` without TLS: passwords cross the network in clear text";
                name
            ),
            (None, false) => text!(
                "login (SASL) is offered without TLS: passwords cross the network in clear text"
            ),
        };
        let help = if tls_on {
            text!(
                "set `smtpd_tls_auth_only = yes` (or `-o smtpd_tls_auth_only=yes` on this service)"
            )
        } else {
            text!(
                "turn TLS on (`smtpd_tls_security_level = may` with a certificate) and set `smtpd_tls_auth_only = yes`, or offer login only on submission with `-o smtpd_tls_security_level=encrypt`"
            )
        };
        lint.emit(RuleId::SaslOverCleartext, at, message, help);
    }
}

fn sasl_on_port_25(lint: &mut Lint) {
    for scope in lint.smtpd_scopes() {
        if scope.port != Port::Smtp {
            continue;
        }
        let Some(sasl) = lint
            .value("smtpd_sasl_auth_enable", scope.service)
            .filter(|s| s.is("yes") && s.is_explicit())
        else {
            continue;
        };
        lint.emit(
            RuleId::SaslOnPort25,
            sasl.at,
            text!("`smtpd_sasl_auth_enable = yes` offers login on port 25"),
            text!("enable SASL only on submission with `-o smtpd_sasl_auth_enable=yes`"),
        );
    }
}

/// The words of the relay and recipient restrictions of a scope, where the last of them was
/// written, and whether the relay restrictions are the empty default of compatibility level
/// 0; `None` when they cannot be judged (a `$name`, an invalid word, or nothing written in
/// what may be a snippet).
fn restriction_words<'a>(
    lint: &Lint<'a>,
    scope: &Scope<'a>,
) -> Option<(Vec<&'a str>, Option<At>, bool)> {
    let (relay, level_zero) = match lint.value("smtpd_relay_restrictions", scope.service) {
        Some(written) if written.is_explicit() => (written, false),
        _ => {
            let (value, level_zero) = default_relay_restrictions(lint)?;
            (Setting { value, at: None }, level_zero)
        }
    };
    let recipient = lint.value("smtpd_recipient_restrictions", scope.service);
    let settings: Vec<_> = std::iter::once(relay).chain(recipient).collect();
    // Nothing written: judge only at level 0 (a whole main.cf without the level), not in a
    // TLS snippet that leaves the restrictions to the file it goes into.
    if !settings.iter().any(|s| s.is_explicit()) && !level_zero {
        return None;
    }
    if settings
        .iter()
        .any(|s| s.value.contains('$') || has_bad_restrictions(s.value))
    {
        return None;
    }
    let at = settings
        .iter()
        .filter_map(|s| s.at)
        .max_by_key(|a| (a.file == FileKind::MasterCf, a.line));
    let words = settings
        .iter()
        .flat_map(|s| params::list_items(s.value))
        .collect();
    Some((words, at, level_zero))
}

/// `smtpd_relay_restrictions` when it is not written, and whether that is the empty list of
/// `compatibility_level` 0. From 3.0 (measured in 3.5, 3.7, 3.10, 3.11: `postconf -d` gives
/// `${{$compatibility_level} <level {1} ? {} : {permit_mynetworks, ...}}`) it is empty below
/// level 1: a whole main.cf that does not set the level is at 0, while a snippet goes into a
/// file that sets it (every install since 3.0 does). Before 3.0 the version's default holds.
/// `None` when the level cannot be read.
fn default_relay_restrictions(lint: &Lint) -> Option<(&'static str, bool)> {
    let postfix = lint.ctx.postfix;
    if !postfix.supports_compatibility_level() {
        let value = params::default_value("smtpd_relay_restrictions", postfix).unwrap_or("");
        return Some((value, false));
    }
    let written = lint
        .main
        .is_some_and(|m| m.get("compatibility_level").is_some());
    let level = if written {
        lint.compatibility_level()?
    } else if names_its_host(lint) {
        (0, 0)
    } else {
        (1, 0)
    };
    Some(if level >= (1, 0) {
        (
            "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination",
            false,
        )
    } else {
        ("", true)
    })
}

/// A main.cf that says which host it is for (`myhostname` or `mydestination`): a whole
/// file, not a snippet of TLS settings (the generator writes neither).
fn names_its_host(lint: &Lint) -> bool {
    lint.main
        .is_some_and(|m| m.get("myhostname").is_some() || m.get("mydestination").is_some())
}

fn relay_protection(lint: &mut Lint) {
    for scope in lint.smtpd_scopes() {
        // With only master.cf, main.cf's restrictions are unknown unless both are overridden.
        if lint.main.is_none()
            && !scope.service.is_some_and(|s| {
                s.get("smtpd_relay_restrictions").is_some()
                    && s.get("smtpd_recipient_restrictions").is_some()
            })
        {
            continue;
        }
        let Some((words, at, level_zero)) = restriction_words(lint, &scope) else {
            continue;
        };
        let at = at.or(lint.scope_at(&scope));
        if !words.iter().any(|w| params::RELAY_STOPPERS.contains(w)) {
            // Postfix 3.7.11 on such a main.cf (Oefenweb's ansible-postfix, no compatibility_level):
            // "fatal: in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions,
            // specify at least one working instance of: reject_unauth_destination, ...".
            let (message, help) = if level_zero {
                (
                    text!(
                        "`compatibility_level` is not set, so `smtpd_relay_restrictions` is empty, and `smtpd_recipient_restrictions` has no `reject_unauth_destination` or other final reject: smtpd stops at the first connection"
                    ),
                    text!(
                        "set `compatibility_level` (its `smtpd_relay_restrictions` default ends with `defer_unauth_destination`), or set `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination`"
                    ),
                )
            } else {
                (
                    text!(
                        "neither `smtpd_relay_restrictions` nor `smtpd_recipient_restrictions` contains `reject_unauth_destination` or another final reject: smtpd stops at the first connection"
                    ),
                    text!(
                        "end the relay restrictions with `reject_unauth_destination` (port 25) or `reject` (submission)"
                    ),
                )
            };
            lint.emit(RuleId::NoRelayProtection, at, message, help);
        } else if let Some(service) = scope
            .service
            .filter(|_| matches!(scope.port, Port::Submission | Port::Submissions))
        {
            let restricted = logged_in_only(&words)
                || LOGIN_LISTS.iter().any(|name| {
                    lint.value(name, scope.service).is_some_and(|s| {
                        logged_in_only(&params::list_items(s.value).collect::<Vec<_>>())
                    })
                });
            if restricted {
                continue;
            }
            // At the service, named: the fix is an `-o` there, and two services sharing
            // main.cf's restrictions (Bun's mail server: `submission` restricted, `smtps`
            // not) would otherwise be one finding at a main.cf line naming neither.
            lint.emit(
                RuleId::SubmissionNotRestricted,
                lint.scope_at(&scope),
                text!(
                    "the `{}` service accepts mail from clients that did not log in";
                    service.name
                ),
                text!("add `-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject`"),
            );
        }
    }
    // Without master.cf there is no submission service to check.
}

/// The restriction lists other than relay and recipient that can also turn away every client
/// that did not log in: with `smtpd_delay_reject = yes` (the default) each is applied at
/// RCPT TO, and a `reject` in any one list refuses the mail. iRedMail's submission services
/// use `-o smtpd_client_restrictions=permit_sasl_authenticated,reject`; Debian's stock
/// master.cf suggests `$mua_client_restrictions` and its kin.
const LOGIN_LISTS: [&str; 3] = [
    "smtpd_client_restrictions",
    "smtpd_helo_restrictions",
    "smtpd_sender_restrictions",
];

/// A list that lets logged-in clients pass and rejects the rest.
fn logged_in_only(words: &[&str]) -> bool {
    words.contains(&"permit_sasl_authenticated") && words.contains(&"reject")
}

fn implicit_tls(lint: &mut Lint) {
    let smtpd: Vec<(Port, usize)> = lint
        .services()
        .filter(|s| s.kind == "inet" && s.command == "smtpd")
        .map(|s| (port_of(&s.name), s.line))
        .collect();
    let has_465 = smtpd.iter().any(|(p, _)| *p == Port::Submissions);
    if has_465 {
        return;
    }
    if let Some((_, line)) = smtpd.iter().find(|(p, _)| *p == Port::Submission) {
        lint.emit(
            RuleId::NoImplicitTlsSubmission,
            service_at(*line),
            text!(
                "submission is offered only with STARTTLS on port 587"
            ),
            text!(
                "add a `submissions` service on port 465 with `-o smtpd_tls_wrappermode=yes` (RFC 8314)"
            ),
        );
    }
}
