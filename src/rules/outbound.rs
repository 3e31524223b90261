//! Outbound TLS of the SMTP client: `outbound_tls_mandatory_for_internet` (L03),
//! `dane_without_dnssec` (L04), `verify_without_ca` (L05), `ca_file_is_own_certificate`
//! (L06), `smtp_wrappermode_below_encrypt` (L08), `outbound_tls_disabled` (L41),
//! `relayhost_implicit_tls_without_wrappermode`, `relay_password_over_optional_tls`.

use super::scope::{At, Lint};
use super::RuleId;
use crate::config::Service;
use crate::params;
use crate::text;

pub fn check(lint: &mut Lint) {
    mandatory_for_internet(lint);
    dane_without_dnssec(lint);
    verify_without_ca(lint);
    ca_file_is_own_certificate(lint);
    wrappermode_below_encrypt(lint);
    relayhost_implicit_tls(lint);
    outbound_disabled(lint);
    relay_password_over_optional_tls(lint);
}

/// main.cf (as `None`) and every service that overrides any `smtp_` setting: the places
/// where a client level is decided.
fn client_scopes<'a>(lint: &Lint<'a>) -> Vec<Option<&'a Service>> {
    let mut scopes: Vec<Option<&'a Service>> = Vec::new();
    if lint.main.is_some() {
        scopes.push(None);
    }
    scopes.extend(
        lint.services()
            .filter(|s| s.overrides.iter().any(|p| p.name.starts_with("smtp_")))
            .map(Some),
    );
    scopes
}

fn mandatory_for_internet(lint: &mut Lint) {
    if lint.main.is_none() || lint.is_set("relayhost", None) {
        return;
    }
    let Some(level) = lint
        .main_value("smtp_tls_security_level")
        .filter(|s| s.is_any(params::MANDATORY_CLIENT_LEVELS))
    else {
        return;
    };
    lint.emit(
        RuleId::OutboundTlsMandatoryForInternet,
        level.at,
        text!(
            "`smtp_tls_security_level = {}` defers mail to every server without (valid) TLS";
            level.value
        ),
        text!(
            "use `may` (or `dane`) globally and stricter levels per destination in `smtp_tls_policy_maps`"
        ),
    );
}

fn dane_without_dnssec(lint: &mut Lint) {
    for scope in client_scopes(lint) {
        let Some(level) = lint
            .value("smtp_tls_security_level", scope)
            .filter(|s| s.is_any(&["dane", "dane-only"]))
        else {
            continue;
        };
        // Only judge the DNS level when main.cf (its usual home) is known.
        let dns = lint.value("smtp_dns_support_level", scope);
        if lint.main.is_none() && dns.is_none() {
            continue;
        }
        if dns.is_some_and(|d| d.is("dnssec")) {
            continue;
        }
        lint.emit(
            RuleId::DaneWithoutDnssec,
            level.at,
            text!(
                "`smtp_tls_security_level = {}` without `smtp_dns_support_level = dnssec`: no TLSA record is ever found";
                level.value
            ),
            text!(
                "set `smtp_dns_support_level = dnssec` and use a validating resolver on loopback"
            ),
        );
    }
}

fn verify_without_ca(lint: &mut Lint) {
    if lint.main.is_none() {
        return;
    }
    for scope in client_scopes(lint) {
        let Some(level) = lint
            .value("smtp_tls_security_level", scope)
            .filter(|s| s.is_any(&["verify", "secure"]))
        else {
            continue;
        };
        if lint.is_set("smtp_tls_CAfile", scope)
            || lint.is_set("smtp_tls_CApath", scope)
            || lint.is_yes("tls_append_default_CA", scope)
        {
            continue;
        }
        lint.emit(
            RuleId::VerifyWithoutCa,
            level.at,
            text!(
                "`smtp_tls_security_level = {}` without `smtp_tls_CAfile` or `smtp_tls_CApath`: no certificate can be verified";
                level.value
            ),
            text!(
                "set `smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt` (or your system's CA bundle)"
            ),
        );
    }
}

/// True for a path that names a server certificate or its chain rather than a CA bundle.
fn is_own_certificate(path: &str, server_cert: Option<&str>) -> bool {
    let path = path.trim();
    // Empty is the default (no CA file): nothing is trusted from it, nothing is mistaken.
    if path.is_empty() {
        return false;
    }
    if server_cert.is_some_and(|c| c.trim() == path) {
        return true;
    }
    let file = path.rsplit('/').next().unwrap_or(path);
    path.contains("/letsencrypt/live/")
        || file.contains("snakeoil")
        || matches!(file, "cert.pem" | "chain.pem" | "fullchain.pem")
}

fn ca_file_is_own_certificate(lint: &mut Lint) {
    let server_cert = lint.main_value("smtpd_tls_cert_file").map(|s| s.value);
    let found: Vec<(At, String)> = lint
        .all_params()
        .filter(|(p, _)| p.name == "smtp_tls_CAfile" && is_own_certificate(&p.value, server_cert))
        .map(|(p, at)| (at, p.value.clone()))
        .collect();
    for (at, value) in found {
        lint.emit(
            RuleId::CaFileIsOwnCertificate,
            Some(at),
            text!(
                "`smtp_tls_CAfile = {}` is a server certificate, not a CA bundle: other servers cannot be verified";
                value
            ),
            text!(
                "use the system CA bundle, for example `smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt`"
            ),
        );
    }
}

/// The port of one relayhost destination (`[host]:465`, `host:smtps`), if written.
fn relay_port(destination: &str) -> Option<&str> {
    let after_host = match destination.rfind(']') {
        Some(end) => &destination[end + 1..],
        None => destination,
    };
    after_host.rsplit_once(':').map(|(_, port)| port)
}

/// A relayhost on port 465 while the SMTP client (main.cf, or the `smtp unix` service that
/// delivers to it) does not use wrapper mode: both ends wait for the other to speak.
fn relayhost_implicit_tls(lint: &mut Lint) {
    let Some(relayhost) = lint.main_value("relayhost").filter(|s| s.is_explicit()) else {
        return;
    };
    let client = lint.master.and_then(|m| m.service("smtp", "unix"));
    if lint.is_yes("smtp_tls_wrappermode", client) {
        return;
    }
    let Some(destination) = params::list_items(relayhost.value)
        .find(|d| matches!(relay_port(d), Some("465" | "smtps" | "submissions")))
    else {
        return;
    };
    lint.emit(
        RuleId::RelayhostImplicitTlsWithoutWrappermode,
        relayhost.at,
        text!(
            "`relayhost = {}` speaks TLS from the first byte, but `smtp_tls_wrappermode` is not `yes`: every delivery waits until it times out";
            destination
        ),
        text!(
            "set `smtp_tls_wrappermode = yes` and `smtp_tls_security_level = encrypt`, or use port 587"
        ),
    );
}

fn wrappermode_below_encrypt(lint: &mut Lint) {
    let mut found: Vec<(Option<At>, String)> = Vec::new();
    for scope in client_scopes(lint) {
        let Some(wrapper) = lint
            .value("smtp_tls_wrappermode", scope)
            .filter(|s| s.is("yes"))
        else {
            continue;
        };
        let level = lint.value("smtp_tls_security_level", scope);
        if lint.main.is_none() && level.is_none() {
            continue;
        }
        // Not `dane`: real Postfix 3.7 refuses wrapper mode at `dane` ("smtp_tls_wrappermode
        // requires smtp_tls_security_level = encrypt (or stronger)") and defers all mail.
        let strong = level
            .as_ref()
            .is_some_and(|l| l.is_any(params::MANDATORY_CLIENT_LEVELS));
        if strong {
            continue;
        }
        let shown = level
            .as_ref()
            .map(|l| l.value.trim())
            .filter(|v| !v.is_empty())
            .unwrap_or("none")
            .to_string();
        if !found.iter().any(|(a, _)| *a == wrapper.at) {
            found.push((wrapper.at, shown));
        }
    }
    for (at, level) in found {
        lint.emit(
            RuleId::SmtpWrappermodeBelowEncrypt,
            at,
            text!(
                "`smtp_tls_wrappermode = yes` needs `encrypt` or stronger, but the level is `{}`";
                level
            ),
            text!("set `smtp_tls_security_level = encrypt` where wrapper mode is used"),
        );
    }
}

fn outbound_disabled(lint: &mut Lint) {
    if lint.main.is_none() {
        return;
    }
    let level = lint.main_value("smtp_tls_security_level");
    let legacy_on = lint.is_yes("smtp_use_tls", None) || lint.is_yes("smtp_enforce_tls", None);
    let off = level
        .as_ref()
        .is_none_or(|l| l.value.trim().is_empty() || l.is("none"));
    if !off || legacy_on {
        return;
    }
    let explicit_none = level.as_ref().is_some_and(|l| l.is("none"));
    if !explicit_none
        && lint.ctx.postfix.outbound_may_by_default()
        && compatibility_at_least_3_11(lint)
    {
        return;
    }
    lint.emit(
        RuleId::OutboundTlsDisabled,
        level.and_then(|l| l.at),
        text!("outbound mail is sent without TLS: `smtp_tls_security_level` is empty or `none`"),
        text!("set `smtp_tls_security_level = may`"),
    );
}

/// `compatibility_level` of 3.11 or more, which turns on the 3.11 outbound default.
fn compatibility_at_least_3_11(lint: &Lint) -> bool {
    lint.compatibility_level()
        .is_some_and(|level| level >= (3, 11))
}

/// A smarthost login with outbound TLS only opportunistic: one stripped STARTTLS and the
/// client logs in without TLS (with a non-plaintext mechanism) or defers, depending on the
/// SASL options; `encrypt` makes TLS a condition of talking to the smarthost at all.
fn relay_password_over_optional_tls(lint: &mut Lint) {
    if lint.main.is_none()
        || !lint.is_set("relayhost", None)
        || !lint.is_yes("smtp_sasl_auth_enable", None)
    {
        return;
    }
    let level = lint.main_value("smtp_tls_security_level");
    let optional = match &level {
        Some(l) if !l.value.trim().is_empty() => l.is_any(&["none", "may"]),
        // No level: the legacy switches, else no TLS (or `may` on 3.11, still optional).
        _ => !lint.is_yes("smtp_enforce_tls", None),
    };
    if !optional {
        return;
    }
    let at = level
        .and_then(|l| l.at)
        .or_else(|| lint.main_value("smtp_sasl_auth_enable").and_then(|s| s.at));
    lint.emit(
        RuleId::RelayPasswordOverOptionalTls,
        at,
        text!(
            "the smarthost password is sent while outbound TLS is only optional"
        ),
        text!(
            "set `smtp_tls_security_level = encrypt`: all mail goes to the smarthost, so requiring TLS loses nothing and keeps the login inside TLS"
        ),
    );
}
