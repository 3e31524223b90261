//! How to check that the generated setup works: the commands for the chosen options, with
//! what to look for in their output.

use crate::lang::Text;
use crate::options::{CertSource, Field, InboundLevel, Options, OutboundLevel};
use crate::text;

/// One check: a title, the command(s) to run and how to read the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyStep {
    /// What is checked.
    pub title: Text,
    /// Shell commands, run in order.
    pub commands: Vec<String>,
    /// What a good result looks like.
    pub expect: Text,
}

/// The host name used in the commands when no certificate domain is known.
pub const EXAMPLE_HOST: &str = "mail.example.com";

/// The host the commands connect to: the Let's Encrypt domain, else [`EXAMPLE_HOST`].
pub fn host(options: &Options) -> &str {
    let c = &options.certificate;
    if c.source == CertSource::LetsEncrypt && !options.rejects(Field::CertDomain) {
        &c.domain
    } else {
        EXAMPLE_HOST
    }
}

/// The checks for the chosen setup, in the order to run them.
pub fn commands(options: &Options) -> Vec<VerifyStep> {
    let host = host(options);
    let v = options.postfix;
    let mut steps = vec![VerifyStep {
        title: text!("Postfix accepts the configuration", "Postfix akzeptiert die Konfiguration"),
        commands: vec![
            "postfix check".to_string(),
            "postconf -n | grep -E 'tls|sasl|relayhost'".to_string(),
        ],
        expect: text!(
            "no output from postfix check and no `warning:` lines; the list shows the generated settings",
            "keine Ausgabe von postfix check und keine `warning:`-Zeilen; die Liste zeigt die erzeugten Einstellungen"
        ),
    }];
    let trusted = options.certificate.source != CertSource::Snakeoil;
    let verify_note = if trusted {
        text!(
            "`Verify return code: 0 (ok)` and the expected protocol (TLSv1.2 or TLSv1.3) and cipher",
            "`Verify return code: 0 (ok)` und das erwartete Protokoll (TLSv1.2 oder TLSv1.3) und Cipher"
        )
    } else {
        text!(
            "a completed handshake with protocol and cipher; a self-signed certificate shows `Verify return code: 18`",
            "ein vollständiger Handshake mit Protokoll und Cipher; ein selbstsigniertes Zertifikat zeigt `Verify return code: 18`"
        )
    };
    if options.effective_inbound() != InboundLevel::None {
        steps.push(VerifyStep {
            title: text!("STARTTLS on port 25", "STARTTLS auf Port 25"),
            commands: vec![format!(
                "openssl s_client -starttls smtp -connect {host}:25 -servername {host}"
            )],
            expect: verify_note.clone(),
        });
        if v.has_posttls_finger() {
            let level = if trusted { "secure" } else { "encrypt" };
            steps.push(VerifyStep {
                title: text!(
                    "Port 25 as another mail server sees it",
                    "Port 25 aus Sicht eines anderen Mailservers"
                ),
                commands: vec![format!("posttls-finger -c -l {level} '[{host}]:25'")],
                expect: text!(
                    "a line `Trusted TLS connection established` (or `Anonymous`/`Untrusted` for a self-signed certificate) with protocol and cipher",
                    "eine Zeile `Trusted TLS connection established` (oder `Anonymous`/`Untrusted` bei selbstsigniertem Zertifikat) mit Protokoll und Cipher"
                ),
            });
        }
    }
    if Field::Submission.unavailable(options).is_none() {
        if options.submission {
            steps.push(VerifyStep {
                title: text!("STARTTLS on port 587", "STARTTLS auf Port 587"),
                commands: vec![format!(
                    "openssl s_client -starttls smtp -connect {host}:587 -servername {host}"
                )],
                expect: verify_note.clone(),
            });
        }
        if options.submissions {
            steps.push(VerifyStep {
                title: text!("Implicit TLS on port 465", "Implizites TLS auf Port 465"),
                commands: vec![format!(
                    "openssl s_client -connect {host}:465 -servername {host}"
                )],
                expect: verify_note.clone(),
            });
        }
        if options.submission {
            steps.push(VerifyStep {
                title: text!(
                    "No password login without TLS",
                    "Keine Passwort-Anmeldung ohne TLS"
                ),
                commands: vec![format!(
                    "printf 'EHLO test\\r\\nQUIT\\r\\n' | nc {host} 587"
                )],
                expect: text!(
                    "the EHLO answer lists `STARTTLS` but no `AUTH` line: login is offered only after STARTTLS",
                    "die EHLO-Antwort nennt `STARTTLS`, aber keine `AUTH`-Zeile: Anmeldung gibt es erst nach STARTTLS"
                ),
            });
        }
    }
    if options.relayhost.enabled && !options.rejects(Field::RelayHost) {
        let relay = &options.relayhost.host;
        let command = if options.relay_wrappermode() {
            format!("openssl s_client -connect {relay}:465 -servername {relay}")
        } else {
            format!("openssl s_client -starttls smtp -connect {relay}:587 -servername {relay}")
        };
        steps.push(VerifyStep {
            title: text!("TLS to the smarthost", "TLS zum Smarthost"),
            commands: vec![command],
            expect: text!(
                "`Verify return code: 0 (ok)`; then send a test mail and look for `status=sent` with the smarthost in the mail log",
                "`Verify return code: 0 (ok)`; dann eine Testmail senden und im Mail-Log `status=sent` mit dem Smarthost suchen"
            ),
        });
    }
    if options.tls_logging {
        steps.push(VerifyStep {
            title: text!("TLS sessions in the mail log", "TLS-Sitzungen im Mail-Log"),
            commands: vec![
                "grep -E 'TLS connection established (from|to)' /var/log/mail.log | tail"
                    .to_string(),
            ],
            expect: text!(
                "one line per session with protocol and cipher, for example `TLSv1.3 with cipher TLS_AES_256_GCM_SHA384`",
                "eine Zeile pro Sitzung mit Protokoll und Cipher, zum Beispiel `TLSv1.3 with cipher TLS_AES_256_GCM_SHA384`"
            ),
        });
    }
    if options.effective_outbound() == OutboundLevel::Dane {
        steps.push(VerifyStep {
            title: text!(
                "A validating resolver for DANE",
                "Ein validierender Resolver für DANE"
            ),
            commands: vec!["dig +dnssec MX ietf.org | grep -E 'flags:.* ad'".to_string()],
            expect: text!(
                "the `ad` flag: the local resolver validates DNSSEC, without it DANE is silently inactive",
                "das `ad`-Flag: der lokale Resolver validiert DNSSEC, ohne es ist DANE still inaktiv"
            ),
        });
    }
    if options.effective_inbound() != InboundLevel::None {
        steps.push(VerifyStep {
            title: text!(
                "ESMTPS in the Received: header",
                "ESMTPS in der Received:-Kopfzeile"
            ),
            commands: Vec::new(),
            expect: text!(
                "send yourself a mail from an outside account and open its source: the top `Received:` line of this host says `with ESMTPS` (TLS was used), plain `with ESMTP` means cleartext",
                "senden Sie sich eine Mail von einem externen Konto und öffnen Sie den Quelltext: die oberste `Received:`-Zeile dieses Hosts sagt `with ESMTPS` (TLS wurde genutzt), nur `with ESMTP` heißt Klartext"
            ),
        });
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::options::{RelayPort, Role};
    use crate::version::PostfixVersion;

    fn all_commands(steps: &[VerifyStep]) -> String {
        steps
            .iter()
            .flat_map(|s| s.commands.iter().cloned())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn default_setup_checks_all_three_ports() {
        let steps = commands(&Options::default());
        let text = all_commands(&steps);
        assert!(text.contains(
            "openssl s_client -starttls smtp -connect mail.example.com:25 -servername mail.example.com"
        ));
        assert!(text.contains("-connect mail.example.com:587"));
        assert!(text.contains("openssl s_client -connect mail.example.com:465"));
        assert!(text.contains("posttls-finger -c -l secure '[mail.example.com]:25'"));
        assert!(steps
            .iter()
            .any(|s| s.expect.get(Lang::En).contains("with ESMTPS")));
        for s in &steps {
            assert!(!s.title.get(Lang::De).is_empty() && !s.expect.get(Lang::De).is_empty());
        }
    }

    #[test]
    fn lets_encrypt_domain_is_the_host_unless_rejected() {
        let mut o = Options::default();
        o.certificate.source = CertSource::LetsEncrypt;
        o.certificate.domain = "mx.example.org".into();
        let text = all_commands(&commands(&o));
        assert!(text.contains("-connect mx.example.org:25 -servername mx.example.org"));
        assert!(text.contains("posttls-finger -c -l secure '[mx.example.org]:25'"));
        o.certificate.domain = "x; rm -rf /".into();
        let text = all_commands(&commands(&o));
        assert!(!text.contains("rm -rf"));
        assert!(text.contains("mail.example.com:25"));
    }

    #[test]
    fn null_client_checks_only_outbound() {
        let mut o = Options {
            role: Role::NullClient,
            ..Options::default()
        };
        o.relayhost.enabled = true;
        o.relayhost.port = RelayPort::Submissions;
        let text = all_commands(&commands(&o));
        assert!(!text.contains(":25"));
        assert!(!text.contains(":587"));
        assert!(text.contains("openssl s_client -connect smtp.example.net:465"));
    }

    #[test]
    fn old_versions_have_no_posttls_finger_and_dane_checks_the_resolver() {
        let o = Options {
            postfix: PostfixVersion::new(2, 10),
            openssl: crate::version::OpensslVersion::V1_0_2,
            ..Options::default()
        };
        assert!(!all_commands(&commands(&o)).contains("posttls-finger"));
        let o = Options {
            outbound: OutboundLevel::Dane,
            ..Options::default()
        };
        assert!(all_commands(&commands(&o)).contains("dig +dnssec"));
    }
}
