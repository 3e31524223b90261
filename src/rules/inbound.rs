//! Inbound TLS on the smtpd services: `mx_requires_tls` (L01), `invalid_server_tls_level` and
//! `server_tls_level_read_as_encrypt` (L02), `tls_without_certificate` (L26), `client_cert_required_without_encrypt` (L27),
//! `port25_tls_floor_too_strict` (L31), `client_cert_relay_with_public_ca` (L07),
//! `postscreen_without_tlsproxy` (L40), `client_session_hidden_on_port_25` (L47),
//! `mx_without_tls`.

use super::crypto::enabled_protocols;
use super::scope::{port_of, At, Lint, Port};
use super::RuleId;
use crate::diagnostic::FileKind;
use crate::fix::{Change, Choice, Fix};
use crate::params;
use crate::text;

pub fn check(lint: &mut Lint) {
    mx_requires_tls(lint);
    mx_without_tls(lint);
    invalid_server_levels(lint);
    tls_without_certificate(lint);
    client_cert_without_encrypt(lint);
    port25_floor(lint);
    client_cert_relay(lint);
    postscreen_tlsproxy(lint);
    hidden_session(lint);
}

fn mx_requires_tls(lint: &mut Lint) {
    if !lint.public_mx() {
        return;
    }
    for scope in lint.smtpd_scopes() {
        if scope.port != Port::Smtp {
            continue;
        }
        let Some(setting) = lint.requires_tls(scope.service) else {
            continue;
        };
        let name = if lint
            .value("smtpd_tls_security_level", scope.service)
            .is_some_and(|l| !l.value.trim().is_empty())
        {
            "smtpd_tls_security_level"
        } else {
            "smtpd_enforce_tls"
        };
        let at = setting.at.or(lint.scope_at(&scope));
        // Whether the host is a public MX is the linter's assumption for pasted files: the
        // fix is a choice.
        let use_tls = lint
            .value("smtpd_use_tls", scope.service)
            .is_some_and(|s| s.is("yes"));
        let fix = setting.at.and_then(|written| {
            let change = if name == "smtpd_tls_security_level" {
                Change::SetValue {
                    file: written.file,
                    line: written.line,
                    name: name.to_string(),
                    value: String::from("may"),
                }
            } else if use_tls {
                // Without `smtpd_enforce_tls`, `smtpd_use_tls = yes` is the level `may`.
                Change::RemoveLine {
                    file: written.file,
                    line: written.line,
                }
            } else {
                return None;
            };
            Some(Fix::Choices(vec![Choice {
                changes: vec![change],
                what: text!(
                    "`may`: port 25 offers STARTTLS and still accepts mail without it (RFC 3207 §4); require TLS only on submission"
                ),
            }]))
        });
        lint.emit_fix(
            RuleId::MxRequiresTls,
            at,
            text!(
                "`{} = {}` makes port 25 of a public MX refuse mail from servers without STARTTLS";
                name, setting.value
            ),
            text!(
                "use `smtpd_tls_security_level = may` for port 25 and `-o smtpd_tls_security_level=encrypt` only on submission (RFC 3207 §4)"
            ),
            fix,
        );
    }
}

/// Port 25 of a public MX with TLS switched off on purpose (`none`, or `smtpd_use_tls = no`
/// without a level): every sender delivers in cleartext. Only a setting written down
/// counts, so a pasted fragment without TLS lines is not taken for a whole server.
fn mx_without_tls(lint: &mut Lint) {
    if !lint.public_mx() {
        return;
    }
    for scope in lint.smtpd_scopes() {
        if scope.port != Port::Smtp || lint.tls_enabled(scope.service).is_some() {
            continue;
        }
        let level = lint
            .value("smtpd_tls_security_level", scope.service)
            .filter(|l| !l.value.trim().is_empty());
        let off = match level {
            Some(l) => l.is("none").then_some(l),
            None => lint
                .value("smtpd_use_tls", scope.service)
                .filter(|s| s.is("no")),
        };
        let Some(setting) = off.filter(|s| s.is_explicit()) else {
            continue;
        };
        lint.emit(
            RuleId::MxWithoutTls,
            setting.at,
            text!(
                "TLS is off on port 25 of a public MX (`{}`): every server delivers to it in cleartext";
                setting.value
            ),
            text!(
                "use `smtpd_tls_security_level = may` with a certificate: STARTTLS is offered and nobody is turned away"
            ),
        );
    }
}

fn invalid_server_levels(lint: &mut Lint) {
    let found: Vec<(At, String, String)> = lint
        .all_params()
        .filter(|(p, _)| {
            matches!(
                p.name.as_str(),
                "smtpd_tls_security_level" | "postscreen_tls_security_level"
            )
        })
        .filter(|(p, _)| {
            // Postfix reads levels case-insensitively.
            let v = p.value.trim().to_ascii_lowercase();
            params::CLIENT_LEVELS.contains(&v.as_str())
                && !params::SERVER_LEVELS.contains(&v.as_str())
        })
        .map(|(p, at)| (at, p.name.clone(), p.value.trim().to_ascii_lowercase()))
        .collect();
    for (at, name, value) in found {
        let fatal = !params::SERVER_LEVELS_AS_ENCRYPT.contains(&value.as_str());
        let (id, message) = if fatal {
            (
                RuleId::InvalidServerTlsLevel,
                text!(
                    "`{} = {}` is a client level: smtpd stops with \"Invalid TLS level\"";
                    name, value
                ),
            )
        } else {
            (
                RuleId::ServerTlsLevelReadAsEncrypt,
                text!(
                    "`{} = {}` is a client level: smtpd warns and uses `encrypt`";
                    name, value
                ),
            )
        };
        lint.emit(
            id,
            Some(at),
            message,
            text!("use `may` (or `encrypt` on submission services)"),
        );
    }
}

/// Parameters any of which gives smtpd a certificate.
const CERTIFICATE_PARAMS: &[&str] = &[
    "smtpd_tls_cert_file",
    "smtpd_tls_eccert_file",
    "smtpd_tls_dcert_file",
    "smtpd_tls_chain_files",
];

fn tls_without_certificate(lint: &mut Lint) {
    // Without main.cf the certificate may well be set there.
    if lint.main.is_none() {
        return;
    }
    for scope in lint.smtpd_scopes() {
        let Some(enabled) = lint.tls_enabled(scope.service) else {
            continue;
        };
        if CERTIFICATE_PARAMS
            .iter()
            .any(|name| lint.is_set(name, scope.service))
        {
            continue;
        }
        lint.emit(
            RuleId::TlsWithoutCertificate,
            enabled.at.or(lint.scope_at(&scope)),
            text!(
                "no server certificate is configured although TLS is enabled (`{}`): STARTTLS fails with 454";
                enabled.value
            ),
            text!(
                "set `smtpd_tls_chain_files` (3.4+) or `smtpd_tls_cert_file` and `smtpd_tls_key_file`"
            ),
        );
    }
}

fn client_cert_without_encrypt(lint: &mut Lint) {
    for scope in lint.smtpd_scopes() {
        let Some(required) = lint
            .value("smtpd_tls_req_ccert", scope.service)
            .filter(|s| s.is("yes"))
        else {
            continue;
        };
        if lint.requires_tls(scope.service).is_some()
            || lint.is_yes("smtpd_tls_wrappermode", scope.service)
        {
            continue;
        }
        // Without main.cf the level may be `encrypt` there.
        let level_known = lint.main.is_some()
            || scope
                .service
                .is_some_and(|s| s.get("smtpd_tls_security_level").is_some());
        if !level_known {
            continue;
        }
        lint.emit(
            RuleId::ClientCertRequiredWithoutEncrypt,
            required.at,
            text!(
                "`smtpd_tls_req_ccert = yes` is ignored while TLS is optional"
            ),
            text!(
                "set `smtpd_tls_security_level = encrypt` on this service, or use `smtpd_tls_ask_ccert = yes`"
            ),
        );
    }
}

fn port25_floor(lint: &mut Lint) {
    if !lint.public_mx() {
        return;
    }
    let help = text!(
        "keep the Postfix defaults on port 25 and set stricter values with `-o` on the submission services"
    );
    for scope in lint.smtpd_scopes() {
        if scope.port != Port::Smtp || lint.requires_tls(scope.service).is_some() {
            continue;
        }
        if let Some(protocols) = lint
            .value("smtpd_tls_protocols", scope.service)
            .filter(|s| s.is_explicit())
        {
            let enabled = enabled_protocols(protocols.value);
            let tls1 = params::PROTOCOLS.iter().position(|p| *p == "TLSv1");
            let lowest = enabled.iter().position(|on| *on);
            if lowest.is_some_and(|low| tls1.is_some_and(|t| low > t)) {
                lint.emit(
                    RuleId::Port25TlsFloorTooStrict,
                    protocols.at,
                    text!(
                        "`smtpd_tls_protocols = {}` on port 25 refuses senders that only speak older TLS";
                        protocols.value
                    ),
                    help.clone(),
                );
            }
        }
        if let Some(grade) = lint
            .value("smtpd_tls_ciphers", scope.service)
            .filter(|s| s.is_explicit() && s.is("high"))
        {
            lint.emit(
                RuleId::Port25TlsFloorTooStrict,
                grade.at,
                text!(
                    "`smtpd_tls_ciphers = {}` on port 25 refuses senders with older ciphers";
                    grade.value
                ),
                help.clone(),
            );
        }
    }
}

/// Paths of public CA bundles as distributions install them.
fn is_public_ca_bundle(path: &str) -> bool {
    [
        "ca-certificates",
        "ca-bundle",
        "/etc/ssl/certs",
        "tls-ca-bundle",
        "cacert.pem",
    ]
    .iter()
    .any(|hint| path.contains(hint))
}

fn client_cert_relay(lint: &mut Lint) {
    for scope in lint.smtpd_scopes() {
        let lists = [
            "smtpd_relay_restrictions",
            "smtpd_recipient_restrictions",
            "smtpd_client_restrictions",
        ];
        let Some(permit) = lists.iter().find_map(|name| {
            lint.value(name, scope.service)
                .filter(|s| params::list_items(s.value).any(|w| w == "permit_tls_all_clientcerts"))
        }) else {
            continue;
        };
        let public = ["smtpd_tls_CAfile", "smtpd_tls_CApath"].iter().any(|name| {
            lint.value(name, scope.service)
                .is_some_and(|s| is_public_ca_bundle(s.value))
        });
        if !public {
            continue;
        }
        lint.emit(
            RuleId::ClientCertRelayWithPublicCa,
            permit.at,
            text!(
                "`permit_tls_all_clientcerts` with a public CA bundle lets anyone with a bought certificate relay"
            ),
            text!(
                "use `permit_tls_clientcerts` with fingerprints in `relay_clientcerts`, and leave `smtpd_tls_CAfile` empty"
            ),
        );
    }
}

fn postscreen_tlsproxy(lint: &mut Lint) {
    let Some(postscreen) = lint
        .services()
        .find(|s| s.kind == "inet" && s.command == "postscreen" && port_of(&s.name) == Port::Smtp)
    else {
        return;
    };
    let at = Some(At {
        file: FileKind::MasterCf,
        line: postscreen.line,
    });
    // postscreen's TLS follows main.cf (postscreen_tls_security_level defaults to
    // smtpd_tls_security_level); without main.cf it is unknown.
    let tls = lint
        .main_value("postscreen_tls_security_level")
        .is_some_and(|l| l.is_any(&["may", "encrypt"]))
        || lint.is_yes("postscreen_use_tls", None);
    if lint.main.is_none() || !tls {
        return;
    }
    let tlsproxy = lint
        .services()
        .find(|s| s.kind == "unix" && s.command == "tlsproxy");
    match tlsproxy {
        None => lint.emit(
            RuleId::PostscreenWithoutTlsproxy,
            at,
            text!("postscreen on port 25 has no `tlsproxy` service: senders get no STARTTLS"),
            text!("add `tlsproxy unix - - y - 0 tlsproxy` to master.cf"),
        ),
        Some(proxy) if lint.ctx.postfix.tlsproxy_needs_zero_limit() && proxy.maxproc != "0" => {
            let at = Some(At {
                file: FileKind::MasterCf,
                line: proxy.line,
            });
            lint.emit(
                RuleId::PostscreenWithoutTlsproxy,
                at,
                text!(
                    "the `tlsproxy` service has process limit `{}`; Postfix {} needs `0`";
                    proxy.maxproc, lint.ctx.postfix
                ),
                text!("set the maxproc column of `tlsproxy` to `0`"),
            );
        }
        Some(_) => {}
    }
}

fn hidden_session(lint: &mut Lint) {
    for scope in lint.smtpd_scopes() {
        if scope.port != Port::Smtp {
            continue;
        }
        let Some(hidden) = lint
            .value("smtpd_hide_client_session", scope.service)
            .filter(|s| s.is("yes") && s.is_explicit())
        else {
            continue;
        };
        lint.emit(
            RuleId::ClientSessionHiddenOnPort25,
            hidden.at,
            text!(
                "`smtpd_hide_client_session = yes` hides the sending server from Received: headers on port 25"
            ),
            text!(
                "use `-o smtpd_hide_client_session=yes` only on the submission services"
            ),
        );
    }
}
