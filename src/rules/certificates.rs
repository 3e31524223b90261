//! Server certificates: `chain_files_unsupported` and `chain_files_overrides_legacy` (L17),
//! `chain_files_key_not_first`, `certificate_key_swapped`, `chain_files_separate_key` (L18),
//! `untrusted_certificate_on_submission` (L24),
//! `self_signed_certificate_on_mx` (L25), `fingerprint_digest_md5` and
//! `fingerprint_digest_by_compatibility` (L48).

use super::scope::{At, Lint, Port};
use super::RuleId;
use crate::config::Param;
use crate::diagnostic::FileKind;
use crate::params;
use crate::text;

pub fn check(lint: &mut Lint) {
    chain_files(lint);
    swapped_files(lint);
    self_signed(lint);
    fingerprint_digests(lint);
}

/// What a file name says it holds: `privkey.pem` a key, `fullchain.pem` or `mx.crt`
/// certificates. A name with both (`key+cert.pem`) or neither says nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    Key,
    Certificate,
    Unknown,
}

fn holds(path: &str) -> Holds {
    let file = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    if file.contains('$') {
        return Holds::Unknown;
    }
    let key = file.contains("key");
    let certificate = file.contains("cert")
        || file.contains("chain")
        || file.ends_with(".crt")
        || file.ends_with(".cer");
    match (key, certificate) {
        (true, false) => Holds::Key,
        (false, true) => Holds::Certificate,
        _ => Holds::Unknown,
    }
}

/// The certificate and key parameters, in pairs.
const CERT_KEY_PAIRS: &[(&str, &str)] = &[
    ("smtpd_tls_cert_file", "smtpd_tls_key_file"),
    ("smtpd_tls_eccert_file", "smtpd_tls_eckey_file"),
    ("smtp_tls_cert_file", "smtp_tls_key_file"),
    ("smtp_tls_eccert_file", "smtp_tls_eckey_file"),
];

/// A key where the certificate goes, or a certificate where the key goes: Postfix turns TLS
/// off ("cannot get RSA certificate from file privkey.pem", Postfix 3.7.11).
fn swapped_files(lint: &mut Lint) {
    // (name, value, its pair's certificate and key parameters, where)
    let set: Vec<(&str, &str, &str, &str, At)> = lint
        .all_params()
        .filter_map(|(p, at)| {
            let &(cert, key) = CERT_KEY_PAIRS
                .iter()
                .find(|(c, k)| p.name == *c || p.name == *k)?;
            Some((p.name.as_str(), p.value.trim(), cert, key, at))
        })
        .collect();
    let mut found = Vec::new();
    for &(name, value, cert, key, at) in &set {
        // The same file as certificate and key holds both, whatever its name.
        let partner = if name == cert { key } else { cert };
        if set.iter().any(|(n, v, ..)| *n == partner && *v == value) {
            continue;
        }
        let wrong = if name == cert {
            holds(value) == Holds::Key
        } else {
            holds(value) == Holds::Certificate
        };
        if wrong {
            found.push((name.to_string(), value.to_string(), cert, key, at));
        }
    }
    for (name, value, cert, key, at) in found {
        let message = if name == cert {
            text!(
                "`{}` names `{}`, a private key: Postfix finds no certificate there and turns TLS off";
                name, value
            )
        } else {
            text!(
                "`{}` names `{}`, a certificate: Postfix finds no private key there and turns TLS off";
                name, value
            )
        };
        lint.emit(
            RuleId::CertificateKeySwapped,
            Some(at),
            message,
            text!(
                "`{}` takes the certificate chain (`fullchain.pem`), `{}` the private key (`privkey.pem`)";
                cert, key
            ),
        );
    }
}

/// Where certbot keeps the current key and chain of each certificate.
const CERTBOT_LIVE: &str = "/etc/letsencrypt/live/";

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
                RuleId::ChainFilesUnsupported,
                Some(*at),
                text!(
                    "`{}` needs Postfix 3.4; Postfix {} ignores it and has no certificate";
                    name, version
                ),
                text!("use `smtpd_tls_cert_file` and `smtpd_tls_key_file` instead"),
            );
            continue;
        }
        let files: Vec<&str> = params::list_items(value).collect();
        // Postfix reads each key, then its certificate chain: a certificate first disables
        // TLS ("error loading chain from fullchain.pem: key not first", Postfix 3.7.11).
        // Only with a key listed after it: a lone `fullchain.pem` may hold the key as well.
        let is_listed_key = |f: &&str| holds(f) == Holds::Key;
        let first = files.first().filter(|f| holds(f) == Holds::Certificate);
        if let Some(first) = first.filter(|_| files.iter().any(is_listed_key)) {
            let (keys, rest): (Vec<&str>, Vec<&str>) = files.iter().partition(|f| is_listed_key(f));
            let ordered = [keys, rest].concat().join(", ");
            let help = text!(
                "list the key first: `{} = {}`";
                name, ordered
            );
            lint.emit(
                RuleId::ChainFilesKeyNotFirst,
                Some(*at),
                text!(
                    "`{}` lists the certificate `{}` before its private key: Postfix turns TLS off (\"key not first\")";
                    name, first
                ),
                help,
            );
        }
        // certbot's layout is separate by design: it swaps the `live/` links of key and
        // chain together on renewal, and Postfix takes them with the key first.
        let own: Vec<&str> = files
            .iter()
            .copied()
            .filter(|f| !f.starts_with(CERTBOT_LIVE))
            .collect();
        if own.len() >= 2 && own.iter().any(is_listed_key) && own.iter().any(|f| !is_listed_key(f))
        {
            lint.emit(
                RuleId::ChainFilesSeparateKey,
                Some(*at),
                text!(
                    "`{}` lists the key and the certificate chain as separate files";
                    name
                ),
                text!(
                    "combine them in one file (key first, then certificate and chain) and list that file"
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
            RuleId::ChainFilesOverridesLegacy,
            Some(name_at),
            text!(
                "`{}` is ignored because `smtpd_tls_chain_files` is set";
                name
            ),
            text!("remove `{}`"; name),
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
        match scope.port {
            // Only a public MX meets MTA-STS senders; a relay or null client does not.
            Port::Smtp if lint.public_mx() => lint.emit(
                RuleId::SelfSignedCertificateOnMx,
                cert.at,
                text!(
                    "`{}` is a self-signed certificate: fine for opportunistic TLS, but MTA-STS senders will not deliver";
                    cert.value
                ),
                text!(
                    "use a public CA certificate (for example Let's Encrypt) or publish a TLSA `3 1 1` record"
                ),
            ),
            Port::Submission | Port::Submissions => {
                // Report at the service when the certificate comes from main.cf; each
                // submission service is named in its finding.
                let at = if cert.at.is_some_and(|a| a.file == FileKind::MainCf) {
                    lint.scope_at(&scope).or(cert.at)
                } else {
                    cert.at
                };
                let service = scope.service.map_or("submission", |s| s.name.as_str());
                lint.emit(
                    RuleId::UntrustedCertificateOnSubmission,
                    at,
                    text!(
                        "the `{}` service uses the self-signed certificate `{}`: mail clients cannot validate it";
                        service, cert.value
                    ),
                    text!(
                        "use a certificate from a public CA, for example Let's Encrypt (RFC 8314 §5)"
                    ),
                );
            }
            _ => {}
        }
    }
}

/// One side that can compare certificate fingerprints: its digest parameters, and whether a
/// setting makes it compare fingerprints.
struct FingerprintSide {
    digests: &'static [&'static str],
    compares: fn(&Param) -> bool,
}

const FINGERPRINT_SIDES: [FingerprintSide; 2] = [
    // The SMTP/LMTP client: servers pinned by fingerprint.
    FingerprintSide {
        digests: &["smtp_tls_fingerprint_digest", "lmtp_tls_fingerprint_digest"],
        compares: client_compares_fingerprints,
    },
    // The SMTP server: client certificates allowed by fingerprint.
    FingerprintSide {
        digests: &["smtpd_tls_fingerprint_digest"],
        compares: server_compares_fingerprints,
    },
];

fn client_compares_fingerprints(p: &Param) -> bool {
    match p.name.as_str() {
        "smtp_tls_security_level" | "lmtp_tls_security_level" => {
            p.value.trim().eq_ignore_ascii_case("fingerprint")
        }
        "smtp_tls_fingerprint_cert_match" | "lmtp_tls_fingerprint_cert_match" => {
            !p.value.trim().is_empty()
        }
        _ => false,
    }
}

fn server_compares_fingerprints(p: &Param) -> bool {
    if p.name == "relay_clientcerts" {
        return !p.value.trim().is_empty();
    }
    params::value_kind(&p.name) == Some(params::ValueKind::Restrictions)
        && params::list_items(&p.value).any(|word| {
            word.eq_ignore_ascii_case("permit_tls_clientcerts")
                || word.eq_ignore_ascii_case("check_ccert_access")
        })
}

/// Fingerprints compared with MD5: set so, or the default (before 3.6 always; from 3.6
/// below `compatibility_level = 3.6`).
fn fingerprint_digests(lint: &mut Lint) {
    let version = lint.ctx.postfix;
    let compatibility = lint.compatibility_level();
    for side in &FINGERPRINT_SIDES {
        let Some(first_use) = lint
            .all_params()
            .find(|(p, _)| (side.compares)(p))
            .map(|(_, at)| at)
        else {
            continue;
        };
        let digests: Vec<(String, bool, At)> = lint
            .all_params()
            .filter(|(p, _)| side.digests.contains(&p.name.as_str()))
            .map(|(p, at)| {
                (
                    p.name.clone(),
                    p.value.trim().eq_ignore_ascii_case("md5"),
                    at,
                )
            })
            .collect();
        let help = text!(
            "set `{} = sha256` and list SHA-256 fingerprints in the same change";
            side.digests[0]
        );
        if !digests.is_empty() {
            for (name, _, at) in digests.into_iter().filter(|(_, md5, _)| *md5) {
                lint.emit(
                    RuleId::FingerprintDigestMd5,
                    Some(at),
                    text!(
                        "`{} = md5` compares certificate fingerprints with MD5";
                        name
                    ),
                    help.clone(),
                );
            }
            continue;
        }
        if !version.sha256_fingerprints_by_compatibility() {
            lint.emit(
                RuleId::FingerprintDigestMd5,
                Some(first_use),
                text!(
                    "Postfix {} compares certificate fingerprints with MD5 unless `{}` says otherwise";
                    version, side.digests[0]
                ),
                help,
            );
            continue;
        }
        match compatibility {
            Some(level) if level >= (3, 6) => {}
            Some(_) => {
                let level = lint.main_value("compatibility_level");
                let (at, written) = level.map_or((None, ""), |s| (s.at, s.value.trim()));
                let message = text!(
                    "`compatibility_level = {}` keeps MD5 as `{}` for certificate fingerprints (SHA-256 from level 3.6)";
                    written, side.digests[0]
                );
                lint.emit(RuleId::FingerprintDigestMd5, at, message, help);
            }
            // The level may be set in the part of main.cf that was not given.
            None => lint.emit(
                RuleId::FingerprintDigestByCompatibility,
                Some(first_use),
                text!(
                    "certificate fingerprints are compared with MD5 unless `compatibility_level` is 3.6 or higher"
                ),
                help,
            ),
        }
    }
}
