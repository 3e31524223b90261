//! Server certificates: `chain_files_unsupported` and `chain_files_overrides_legacy` (L17),
//! `chain_files_separate_key` (L18), `untrusted_certificate_on_submission` (L24),
//! `self_signed_certificate_on_mx` (L25).

use super::scope::{At, Lint, Port};
use crate::diagnostic::FileKind;
use crate::params;
use crate::text;

pub fn check(lint: &mut Lint) {
    chain_files(lint);
    self_signed(lint);
}

/// Legacy certificate and key parameters that `smtpd_tls_chain_files` replaces.
const LEGACY_FILES: &[&str] = &[
    "smtpd_tls_cert_file",
    "smtpd_tls_key_file",
    "smtpd_tls_eccert_file",
    "smtpd_tls_eckey_file",
    "smtpd_tls_dcert_file",
    "smtpd_tls_dkey_file",
];

fn chain_files(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    let chains: Vec<(String, String, At)> = lint
        .all_params()
        .filter(|(p, _)| {
            matches!(
                p.name.as_str(),
                "smtpd_tls_chain_files" | "smtp_tls_chain_files"
            ) && !p.value.trim().is_empty()
        })
        .map(|(p, at)| (p.name.clone(), p.value.clone(), at))
        .collect();
    for (name, value, at) in &chains {
        if !version.supports_chain_files() {
            lint.emit(
                "chain_files_unsupported",
                Some(*at),
                text!(
                    "`{}` needs Postfix 3.4; Postfix {} ignores it and has no certificate",
                    "`{}` braucht Postfix 3.4; Postfix {} ignoriert ihn und hat kein Zertifikat";
                    name, version
                ),
                text!(
                    "use `smtpd_tls_cert_file` and `smtpd_tls_key_file` instead",
                    "stattdessen `smtpd_tls_cert_file` und `smtpd_tls_key_file` verwenden"
                ),
            );
            continue;
        }
        let files: Vec<&str> = params::list_items(value).collect();
        let is_key = |f: &&str| {
            let file = f.rsplit('/').next().unwrap_or(f);
            file.contains("key") || file.ends_with(".key")
        };
        if files.len() >= 2 && files.iter().any(is_key) && files.iter().any(|f| !is_key(f)) {
            lint.emit(
                "chain_files_separate_key",
                Some(*at),
                text!(
                    "`{}` lists the key and the certificate chain as separate files",
                    "`{}` führt Schlüssel und Zertifikatskette als getrennte Dateien auf";
                    name
                ),
                text!(
                    "combine them in one file (key first, then certificate and chain) and list that file",
                    "beide in einer Datei zusammenfassen (erst Schlüssel, dann Zertifikat und Kette) und diese angeben"
                ),
            );
        }
    }
    if !version.supports_chain_files() || lint.main.is_none() {
        return;
    }
    // Both set where they apply: main.cf, or one service.
    let mut found: Vec<(At, &str)> = Vec::new();
    if lint
        .main
        .and_then(|m| m.get("smtpd_tls_chain_files"))
        .is_some_and(|p| !p.value.trim().is_empty())
    {
        for (p, at) in lint.main_params() {
            if LEGACY_FILES.contains(&p.name.as_str()) && !p.value.trim().is_empty() {
                found.push((
                    at,
                    LEGACY_FILES
                        .iter()
                        .find(|n| **n == p.name)
                        .copied()
                        .unwrap_or(""),
                ));
            }
        }
    }
    for (name_at, name) in found {
        lint.emit(
            "chain_files_overrides_legacy",
            Some(name_at),
            text!(
                "`{}` is ignored because `smtpd_tls_chain_files` is set",
                "`{}` wird ignoriert, weil `smtpd_tls_chain_files` gesetzt ist";
                name
            ),
            text!("remove `{}`", "`{}` entfernen"; name),
        );
    }
}

/// True for a certificate path that is a distribution's self-signed placeholder.
fn is_self_signed(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    ["snakeoil", "self-signed", "selfsigned"]
        .iter()
        .any(|hint| lower.contains(hint))
}

fn self_signed(lint: &mut Lint) {
    let mut mx: Vec<(Option<At>, String)> = Vec::new();
    // (where, certificate, service name): each submission service is named in its finding.
    let mut submission: Vec<(Option<At>, String, String)> = Vec::new();
    for scope in lint.smtpd_scopes() {
        if lint.tls_enabled(scope.service).is_none() {
            continue;
        }
        let cert = ["smtpd_tls_chain_files", "smtpd_tls_cert_file"]
            .iter()
            .find_map(|name| {
                lint.value(name, scope.service)
                    .filter(|s| !s.value.trim().is_empty())
            });
        let Some(cert) = cert.filter(|c| is_self_signed(c.value)) else {
            continue;
        };
        let entry = (cert.at, cert.value.to_string());
        match scope.port {
            Port::Smtp if !mx.contains(&entry) => mx.push(entry),
            Port::Submission | Port::Submissions => {
                // Report at the service when the certificate comes from main.cf.
                let at = if cert.at.is_some_and(|a| a.file == FileKind::MainCf) {
                    lint.scope_at(&scope).or(cert.at)
                } else {
                    cert.at
                };
                let service = scope
                    .service
                    .map_or_else(|| String::from("submission"), |s| s.name.clone());
                let entry = (at, entry.1, service);
                if !submission.contains(&entry) {
                    submission.push(entry);
                }
            }
            _ => {}
        }
    }
    for (at, path) in mx {
        lint.emit(
            "self_signed_certificate_on_mx",
            at,
            text!(
                "`{}` is a self-signed certificate: fine for opportunistic TLS, but MTA-STS senders will not deliver",
                "`{}` ist ein selbstsigniertes Zertifikat: für opportunistisches TLS in Ordnung, aber Absender mit MTA-STS liefern nicht zu";
                path
            ),
            text!(
                "use a public CA certificate (for example Let's Encrypt) or publish a TLSA `3 1 1` record",
                "ein Zertifikat einer öffentlichen CA (etwa Let's Encrypt) verwenden oder einen TLSA-Eintrag `3 1 1` veröffentlichen"
            ),
        );
    }
    for (at, path, service) in submission {
        lint.emit(
            "untrusted_certificate_on_submission",
            at,
            text!(
                "the `{}` service uses the self-signed certificate `{}`: mail clients cannot validate it",
                "der Dienst `{}` verwendet das selbstsignierte Zertifikat `{}`: Mailprogramme können es nicht prüfen";
                service, path
            ),
            text!(
                "use a certificate from a public CA, for example Let's Encrypt (RFC 8314 §5)",
                "ein Zertifikat einer öffentlichen CA verwenden, etwa von Let's Encrypt (RFC 8314 §5)"
            ),
        );
    }
}
