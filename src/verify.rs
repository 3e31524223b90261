//! How to check that the generated setup works: the commands for the chosen options, with
//! what to look for in their output.

use crate::lang::{Lang, Text};
use crate::options::{CertSource, Field, InboundLevel, Options, OutboundLevel};
use crate::setup::Setup;
use crate::text;
use crate::version::Preset;

/// One check: a title, the command(s) to run and how to read the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyStep {
    /// What is checked.
    pub title: Text,
    /// Shell commands, run in order (or, with [`VerifyStep::alternatives`], the one that
    /// fits the host).
    pub commands: Vec<String>,
    /// The commands are alternatives (where a distribution keeps its log), not a sequence.
    pub alternatives: bool,
    /// What a good result looks like.
    pub expect: Text,
    /// How [`script`] decides that the step passed.
    pub check: Check,
}

/// How a step's output is judged in the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Exit status 0 and no output at all.
    Silent,
    /// The output matches `found` (an extended regular expression, as `grep -E` reads it)
    /// and, if given, does not match `absent`.
    Output {
        /// Must match.
        found: &'static str,
        /// Must not match.
        absent: Option<&'static str>,
    },
    /// Only a person can judge it (a mail's source); the script names it and goes on.
    ByHand,
}

/// The host name used in the commands when no certificate domain is known.
pub const EXAMPLE_HOST: &str = "mail.example.com";

/// Where the CA certificates of `ca-certificates` live on Debian and Ubuntu: posttls-finger
/// trusts no CA unless told (`-P`), and reports a CA-signed certificate as "Untrusted"
/// without it.
const CA_PATH: &str = "/etc/ssl/certs";

/// The host the commands connect to: the Let's Encrypt domain, else [`EXAMPLE_HOST`].
pub fn host(setup: &Setup) -> &str {
    setup.lets_encrypt_domain.as_deref().unwrap_or(EXAMPLE_HOST)
}

/// An SMTP session without TLS that waits for the greeting and for the EHLO answer before
/// it says the next thing: Postfix 3.9+ drops a client that talks first ("554 5.5.0 Error:
/// SMTP protocol synchronization"). bash's `/dev/tcp`, since `nc` is not installed on a
/// stock Debian.
fn plain_ehlo(host: &str, port: u16) -> String {
    format!(
        "bash -c 'exec 3<>/dev/tcp/{host}/{port}; read -r line <&3; echo \"$line\"; \
         printf \"EHLO test\\r\\n\" >&3; while read -r line <&3; do echo \"$line\"; \
         case $line in \"250 \"*) break;; esac; done; printf \"QUIT\\r\\n\" >&3; cat <&3'"
    )
}

/// Where the mail log is, by distribution: Debian 12 and later log to the journal only
/// (rsyslog is no longer installed by default), older Debian and Ubuntu also to
/// /var/log/mail.log through rsyslog, Red Hat to the journal and /var/log/maillog.
fn log_commands(options: &Options, pattern: &str) -> (Vec<String>, Text) {
    let red_hat = matches!(
        options.preset,
        Some(Preset::Rhel8 | Preset::Rhel9 | Preset::Rhel10)
    );
    if red_hat {
        return (
            vec![
                format!("journalctl -u postfix --no-pager | grep -E '{pattern}' | tail"),
                format!("grep -E '{pattern}' /var/log/maillog | tail"),
            ],
            text!(
                "the first command reads the journal; the second /var/log/maillog, which rsyslog writes where it is installed",
                "der erste Befehl liest das Journal, der zweite /var/log/maillog, das rsyslog schreibt, wo es installiert ist"
            ),
        );
    }
    let journal = format!("journalctl -u postfix@- --no-pager | grep -E '{pattern}' | tail");
    let file = format!("grep -E '{pattern}' /var/log/mail.log | tail");
    let journal_first = matches!(options.preset, Some(Preset::Debian12 | Preset::Debian13));
    if journal_first {
        (
            vec![journal, file],
            text!(
                "Debian 12 and later log to the journal only (`journalctl -u postfix@-`), unless rsyslog was installed (or kept from an upgrade): then /var/log/mail.log has the same lines",
                "Debian 12 und neuer schreiben nur ins Journal (`journalctl -u postfix@-`), außer rsyslog wurde installiert (oder vom Upgrade behalten): dann stehen dieselben Zeilen in /var/log/mail.log"
            ),
        )
    } else {
        (
            vec![file, journal],
            text!(
                "/var/log/mail.log where rsyslog runs (Debian 11 and older, Ubuntu); on Debian 12 and later without rsyslog only the journal has them (`journalctl -u postfix@-`)",
                "/var/log/mail.log, wo rsyslog läuft (Debian 11 und älter, Ubuntu); auf Debian 12 und neuer ohne rsyslog stehen sie nur im Journal (`journalctl -u postfix@-`)"
            ),
        )
    }
}

/// The checks for the chosen setup, in the order to run them.
pub fn commands(options: &Options) -> Vec<VerifyStep> {
    let setup = options.resolve();
    let host = host(&setup);
    let v = options.postfix;
    let mut steps = vec![VerifyStep {
        title: text!("Postfix accepts the configuration", "Postfix akzeptiert die Konfiguration"),
        commands: vec!["postfix check".to_string(), "postconf -n >/dev/null".to_string()],
        alternatives: false,
        expect: text!(
            "no output at all: no error and no `warning:` line (`overriding earlier entry` means a parameter is set twice in main.cf: keep the later line)",
            "gar keine Ausgabe: kein Fehler und keine `warning:`-Zeile (`overriding earlier entry` heißt, ein Parameter steht zweimal in der main.cf: die spätere Zeile behalten)"
        ),
        check: Check::Silent,
    }];
    let trusted = options.certificate.source != CertSource::Snakeoil;
    let (verify_note, handshake) = if trusted {
        (
            text!(
                "`Verify return code: 0 (ok)` and the expected protocol (TLSv1.2 or TLSv1.3) and cipher",
                "`Verify return code: 0 (ok)` und das erwartete Protokoll (TLSv1.2 oder TLSv1.3) und Cipher"
            ),
            Check::Output {
                found: r"Verify return code: 0 \(ok\)",
                absent: None,
            },
        )
    } else {
        (
            text!(
                "a completed handshake with protocol and cipher (`New, TLSv1.3, Cipher is …`); a self-signed certificate shows `Verify return code: 18`",
                "ein vollständiger Handshake mit Protokoll und Cipher (`New, TLSv1.3, Cipher is …`); ein selbstsigniertes Zertifikat zeigt `Verify return code: 18`"
            ),
            Check::Output {
                found: "^New, TLSv1",
                absent: None,
            },
        )
    };
    let s_client = |port: u16, starttls: bool| {
        let starttls = if starttls { "-starttls smtp " } else { "" };
        format!("openssl s_client {starttls}-connect {host}:{port} -servername {host} </dev/null")
    };
    if setup.inbound != InboundLevel::None {
        steps.push(VerifyStep {
            title: text!("STARTTLS on port 25", "STARTTLS auf Port 25"),
            commands: vec![s_client(25, true)],
            alternatives: false,
            expect: verify_note.clone(),
            check: handshake,
        });
        if v.has_posttls_finger() {
            let (command, expect, found) = if trusted {
                (
                    format!("posttls-finger -c -l secure -P {CA_PATH} '[{host}]:25'"),
                    text!(
                        "a line `Verified TLS connection established` with protocol and cipher (without `-P` posttls-finger trusts no CA and says `Untrusted`)",
                        "eine Zeile `Verified TLS connection established` mit Protokoll und Cipher (ohne `-P` vertraut posttls-finger keiner CA und meldet `Untrusted`)"
                    ),
                    "Verified TLS connection established",
                )
            } else {
                (
                    format!("posttls-finger -c -l encrypt '[{host}]:25'"),
                    text!(
                        "a line `Untrusted TLS connection established` with protocol and cipher: encrypted, with a certificate nobody vouches for",
                        "eine Zeile `Untrusted TLS connection established` mit Protokoll und Cipher: verschlüsselt, mit einem Zertifikat, für das niemand bürgt"
                    ),
                    "TLS connection established",
                )
            };
            steps.push(VerifyStep {
                title: text!(
                    "Port 25 as another mail server sees it",
                    "Port 25 aus Sicht eines anderen Mailservers"
                ),
                commands: vec![command],
                alternatives: false,
                expect,
                check: Check::Output {
                    found,
                    absent: None,
                },
            });
        }
    }
    if setup.is_on(Field::Submission) || setup.is_on(Field::Submissions) {
        if setup.is_on(Field::Submission) {
            steps.push(VerifyStep {
                title: text!("STARTTLS on port 587", "STARTTLS auf Port 587"),
                commands: vec![s_client(587, true)],
                alternatives: false,
                expect: verify_note.clone(),
                check: handshake,
            });
        }
        if setup.is_on(Field::Submissions) {
            steps.push(VerifyStep {
                title: text!("Implicit TLS on port 465", "Implizites TLS auf Port 465"),
                commands: vec![s_client(465, false)],
                alternatives: false,
                expect: verify_note.clone(),
                check: handshake,
            });
        }
        if setup.is_on(Field::Submission) {
            steps.push(VerifyStep {
                title: text!(
                    "No password login without TLS",
                    "Keine Passwort-Anmeldung ohne TLS"
                ),
                commands: vec![plain_ehlo(host, 587)],
                alternatives: false,
                expect: text!(
                    "the EHLO answer lists `250-STARTTLS` but no `AUTH` line: login is offered only after STARTTLS",
                    "die EHLO-Antwort nennt `250-STARTTLS`, aber keine `AUTH`-Zeile: Anmeldung gibt es erst nach STARTTLS"
                ),
                check: Check::Output {
                    found: "^250.STARTTLS",
                    absent: Some("^250.AUTH"),
                },
            });
        }
    }
    if let Some(smarthost) = &setup.smarthost {
        let relay = &smarthost.host;
        let command = if smarthost.wrappermode {
            format!("openssl s_client -connect {relay}:465 -servername {relay} </dev/null")
        } else {
            format!(
                "openssl s_client -starttls smtp -connect {relay}:587 -servername {relay} </dev/null"
            )
        };
        steps.push(VerifyStep {
            title: text!("TLS to the smarthost", "TLS zum Smarthost"),
            commands: vec![command],
            alternatives: false,
            expect: text!(
                "`Verify return code: 0 (ok)`; then send a test mail and look for `status=sent` with the smarthost in the mail log",
                "`Verify return code: 0 (ok)`; dann eine Testmail senden und im Mail-Log `status=sent` mit dem Smarthost suchen"
            ),
            check: Check::Output {
                found: r"Verify return code: 0 \(ok\)",
                absent: None,
            },
        });
    }
    if options.tls_logging {
        let (commands, where_) = log_commands(options, "TLS connection established (from|to)");
        steps.push(VerifyStep {
            title: text!("TLS sessions in the mail log", "TLS-Sitzungen im Mail-Log"),
            commands,
            alternatives: true,
            expect: Text::owned(
                format!(
                    "once a mail has come in or gone out over TLS: one line per session with protocol and cipher, for example `TLSv1.3 with cipher TLS_AES_256_GCM_SHA384`. {}",
                    where_.en
                ),
                format!(
                    "sobald eine Mail über TLS angekommen oder hinausgegangen ist: eine Zeile pro Sitzung mit Protokoll und Cipher, zum Beispiel `TLSv1.3 with cipher TLS_AES_256_GCM_SHA384`. {}",
                    where_.de
                ),
            ),
            check: Check::Output {
                found: "TLS connection established (from|to)",
                absent: None,
            },
        });
    }
    if setup.outbound == OutboundLevel::Dane {
        steps.push(VerifyStep {
            title: text!(
                "A validating resolver for DANE",
                "Ein validierender Resolver für DANE"
            ),
            commands: vec!["dig +dnssec MX ietf.org | grep -E 'flags:.* ad'".to_string()],
            alternatives: false,
            expect: text!(
                "the `ad` flag: the local resolver validates DNSSEC, without it DANE is silently inactive",
                "das `ad`-Flag: der lokale Resolver validiert DNSSEC, ohne es ist DANE still inaktiv"
            ),
            check: Check::Output {
                found: "flags:.* ad",
                absent: None,
            },
        });
    }
    if setup.inbound != InboundLevel::None {
        steps.push(VerifyStep {
            title: text!(
                "ESMTPS in the Received: header",
                "ESMTPS in der Received:-Kopfzeile"
            ),
            commands: Vec::new(),
            alternatives: false,
            expect: text!(
                "send yourself a mail from an outside account and open its source: the top `Received:` line of this host says `with ESMTPS` (TLS was used), plain `with ESMTP` means cleartext",
                "senden Sie sich eine Mail von einem externen Konto und öffnen Sie den Quelltext: die oberste `Received:`-Zeile dieses Hosts sagt `with ESMTPS` (TLS wurde genutzt), nur `with ESMTP` heißt Klartext"
            ),
            check: Check::ByHand,
        });
    }
    steps
}

/// Appends `text` as one word quoted for a POSIX shell.
fn push_quoted(out: &mut String, text: &str) {
    out.push('\'');
    out.push_str(&text.replace('\'', r"'\''"));
    out.push('\'');
}

/// The checks as one POSIX shell script: each step's commands run in order, their output
/// is shown and judged as the page says, and the script stops at the first failure with
/// what was expected. Steps only a person can judge are named at the end.
pub fn script(options: &Options, lang: Lang) -> String {
    let mut out = String::from("#!/bin/sh\n");
    out.push_str(&crate::render::header(options));
    out.push_str(
        "# The checks of postfix-tls \"How to verify\", in order; stops at the first failure.\n\
         # Run on the mail server as root, once the configuration is live.\n\
         fail() { printf '\\nFAILED: %s\\nexpected: %s\\n' \"$1\" \"$2\" >&2; exit 1; }\n",
    );
    let mut by_hand = Vec::new();
    for (i, step) in commands(options).iter().enumerate() {
        let title = format!("{}. {}", i + 1, step.title.get(lang));
        if step.check == Check::ByHand || step.commands.is_empty() {
            by_hand.push((title, step.expect.get(lang).to_string()));
            continue;
        }
        out.push_str("\necho ");
        push_quoted(&mut out, &format!("== {title}"));
        out.push_str("\nout=$( {\n");
        for command in &step.commands {
            out.push_str("  ");
            out.push_str(command);
            // Alternatives: the one that does not apply on this host may fail.
            out.push_str(if step.alternatives {
                " || true\n"
            } else {
                "\n"
            });
        }
        out.push_str("} 2>&1 )");
        let mut fail = String::from("fail ");
        push_quoted(&mut fail, &title);
        fail.push(' ');
        push_quoted(&mut fail, step.expect.get(lang));
        match step.check {
            Check::Silent => {
                out.push_str(" || { printf '%s\\n' \"$out\"; ");
                out.push_str(&fail);
                out.push_str("; }\n[ -z \"$out\" ] || { printf '%s\\n' \"$out\"; ");
                out.push_str(&fail);
                out.push_str("; }\n");
            }
            Check::Output { found, absent } => {
                out.push_str("\nprintf '%s\\n' \"$out\"\nprintf '%s\\n' \"$out\" | grep -Eq ");
                push_quoted(&mut out, found);
                out.push_str(" || ");
                out.push_str(&fail);
                out.push('\n');
                if let Some(absent) = absent {
                    out.push_str("printf '%s\\n' \"$out\" | grep -Eq ");
                    push_quoted(&mut out, absent);
                    out.push_str(" && ");
                    out.push_str(&fail);
                    out.push('\n');
                }
            }
            Check::ByHand => {}
        }
    }
    out.push_str("\necho\necho 'All checks passed.'\n");
    for (title, expect) in by_hand {
        out.push_str("echo ");
        push_quoted(&mut out, &format!("By hand: {title}: {expect}"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert!(
            text.contains("posttls-finger -c -l secure -P /etc/ssl/certs '[mail.example.com]:25'")
        );
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
        assert!(
            text.contains("posttls-finger -c -l secure -P /etc/ssl/certs '[mx.example.org]:25'")
        );
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

    #[test]
    fn posttls_finger_trusts_the_system_cas_and_expects_verified() {
        let steps = commands(&Options::default());
        let finger = steps
            .iter()
            .find(|s| s.commands.iter().any(|c| c.starts_with("posttls-finger")))
            .expect("a posttls-finger step");
        assert!(finger
            .expect
            .en
            .contains("`Verified TLS connection established`"));
        assert!(!finger.expect.en.starts_with("a line `Trusted"));
        let mut o = Options::default();
        o.certificate.source = CertSource::Snakeoil;
        let text = all_commands(&commands(&o));
        assert!(text.contains("posttls-finger -c -l encrypt '[mail.example.com]:25'"));
    }

    #[test]
    fn the_plain_session_waits_for_the_server_and_needs_no_netcat() {
        let text = all_commands(&commands(&Options::default()));
        assert!(!text.contains("| nc "), "{text}");
        let ehlo = plain_ehlo("mail.example.com", 587);
        // The greeting is read before EHLO, the EHLO answer before QUIT.
        let greeting = ehlo.find("read -r line").expect("reads the greeting");
        let hello = ehlo.find("EHLO test").expect("says EHLO");
        let quit = ehlo.find("QUIT").expect("says QUIT");
        let answer = ehlo
            .find("\"250 \"*) break")
            .expect("waits for the last 250 line");
        assert!(
            greeting < hello && hello < answer && answer < quit,
            "{ehlo}"
        );
    }

    #[test]
    fn the_log_step_fits_the_distribution() {
        let log = |preset: Option<Preset>| {
            let o = Options {
                preset,
                ..Options::default()
            };
            commands(&o)
                .into_iter()
                .find(|s| s.alternatives)
                .expect("a log step")
        };
        let debian12 = log(Some(Preset::Debian12));
        assert!(debian12.commands[0].starts_with("journalctl -u postfix@- "));
        assert!(debian12.commands[1].ends_with("/var/log/mail.log | tail"));
        assert!(debian12
            .expect
            .en
            .contains("Debian 12 and later log to the journal only"));
        let ubuntu = log(Some(Preset::Ubuntu2404));
        assert!(ubuntu.commands[0].contains("/var/log/mail.log"));
        assert!(log(Some(Preset::Rhel9)).commands[1].contains("/var/log/maillog"));
    }

    /// Runs the script for the default options with stand-ins for the real tools on `PATH`;
    /// returns its exit code, its output and the tools it called.
    fn run_script(postfix_output: &str) -> (Option<i32>, String, String) {
        let dir = std::env::temp_dir().join(format!(
            "postfix-tls-verify-{}-{}",
            std::process::id(),
            postfix_output.len()
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let calls = dir.join("calls");
        let tools = [
            ("postfix", postfix_output.to_string()),
            ("postconf", String::new()),
            (
                "openssl",
                "New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384\\nVerify return code: 0 (ok)"
                    .into(),
            ),
            (
                "posttls-finger",
                "posttls-finger: Verified TLS connection established".into(),
            ),
            (
                "bash",
                "220 mail ESMTP\\n250-mail\\n250-STARTTLS\\n250 CHUNKING".into(),
            ),
            (
                "journalctl",
                "postfix/smtpd[1]: Anonymous TLS connection established from x".into(),
            ),
        ];
        for (name, output) in tools {
            let path = dir.join(name);
            let body = if output.is_empty() {
                format!("#!/bin/sh\necho {name} >> '{}'\n", calls.display())
            } else {
                format!(
                    "#!/bin/sh\necho {name} >> '{}'\nprintf '{output}\\n'\n",
                    calls.display()
                )
            };
            std::fs::write(&path, body).expect("stand-in");
            std::process::Command::new("chmod")
                .arg("+x")
                .arg(&path)
                .status()
                .expect("chmod");
        }
        let path = format!("{}:/usr/bin:/bin", dir.display());
        let out = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(script(&Options::default(), Lang::En))
            .env("PATH", path)
            .output()
            .expect("run sh");
        let called = std::fs::read_to_string(&calls).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.code(), text, called)
    }

    #[test]
    fn the_script_runs_every_check_in_order_when_all_pass() {
        let (code, text, called) = run_script("");
        assert_eq!(code, Some(0), "{text}");
        assert!(text.contains("All checks passed."), "{text}");
        assert!(text.contains("By hand: "), "{text}");
        let order: Vec<&str> = called.lines().collect();
        assert_eq!(
            order,
            [
                "postfix",
                "postconf",
                "openssl",
                "posttls-finger",
                "openssl",
                "openssl",
                "bash",
                "journalctl"
            ],
            "{text}"
        );
    }

    #[test]
    fn the_script_names_the_tool_the_versions_and_the_choices() {
        let o = Options::default();
        let text = script(&o, Lang::En);
        let rest = text.strip_prefix("#!/bin/sh\n").expect("a shebang first");
        assert!(rest.starts_with(&crate::render::header(&o)), "{text}");
    }

    #[test]
    fn the_script_stops_at_the_first_failure() {
        let (code, text, called) = run_script("postfix/postfix-script: warning: not owned");
        assert_eq!(code, Some(1), "{text}");
        assert!(
            text.contains("FAILED: 1. Postfix accepts the configuration"),
            "{text}"
        );
        assert!(!called.contains("openssl"), "{called}");
    }
}
