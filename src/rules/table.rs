//! The rule table: one entry per problem, with its explanation in both languages and a
//! source. The checks that find these problems are in the sibling modules.

use super::{Rule, Source};
use crate::diagnostic::Severity::{Error, Info, Warning};
use crate::diagnostic::Topic;
use crate::text;

const fn postconf(name: &'static str, url: &'static str) -> Source {
    Source { name, url }
}

/// Declares [`RuleId`] (one variant per rule, named by its snake_case id) and [`RULES`] (its
/// rows, in the same order) from one list, so that a rule is one entry: its id, its name and
/// its row.
macro_rules! rule_table {
    ($($variant:ident = $name:literal { $($field:ident: $value:expr),* $(,)? })*) => {
        /// The id of a rule. Its name (`as_str`) is what the CLI, the JSON, SARIF and the web
        /// page show, for example `mx_requires_tls`. Ids order as the table's rows; findings
        /// are sorted by name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl RuleId {
            /// Every id, in the order of the rule table.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The snake_case name, for example `mx_requires_tls`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $name,)*
                }
            }
        }

        /// Every rule, grouped by topic.
        pub static RULES: &[Rule] = &[$(Rule { id: RuleId::$variant, $($field: $value),* },)*];
    };
}

rule_table! {
    // --- Syntax and names -------------------------------------------------------------
    MalformedLine = "malformed_line" {
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: text!("a line Postfix cannot read"),
        what: text!(
            "Lines that are neither `name = value`, a comment, a blank line, an indented continuation, nor (in master.cf) a service line with 8 columns; in master.cf also columns Postfix refuses (`chroot` `yes`, `maxproc` `unlimited`), a service line with an option where its command belongs (`smtp inet n - n - - -o name=value`), and words after a daemon's options that it does not take, usually the rest of an `-o` value after a space.",
        ),
        why: text!(
            "Postfix stops with a fatal error or reads the line as part of another setting; text pasted from a web page (a file name, an unindented `-o` line) is the usual cause. A word after the options stops the service (\"unexpected command-line argument\"). A service without its command starts, but never answers: master fails to run it at every connection (\"bad command startup -- throttling\").",
        ),
        fix: text!(
            "Delete the stray text, write settings as `name = value`, and indent continuation lines (including `-o` lines) with whitespace.",
        ),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    }
    IgnoredServiceArgument = "ignored_service_argument" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a master.cf argument the service never reads"),
        what: text!(
            "Words after the options of an `smtp`, `lmtp` or `postscreen` service, such as `flags=O` (a `pipe` attribute) on an `lmtp` line.",
        ),
        why: text!(
            "These daemons never look at such words (Postfix 3.7.11 source): the setting the word was meant to make is not applied, though the service runs.",
        ),
        fix: text!("Remove the word; settings for the service go in `-o name=value`."),
        source: postconf("master(5) command + args", "https://www.postfix.org/master.5.html"),
    }
    DuplicateService = "duplicate_service" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a master.cf service is defined twice"),
        what: text!(
            "Two master.cf entries for one service: the same type and name, or inet services on the same address and port under two names (`smtps` and `submissions` are both 465, `smtp` is 25).",
        ),
        why: text!(
            "Postfix runs only the last one and logs \"duplicate master.cf entry for service ... -- using the last entry\": settings and `-o` overrides of the earlier entry have no effect.",
        ),
        fix: text!("Merge the two entries into one, or comment out every line of the one not meant."),
        source: postconf("master(5) syntax", "https://www.postfix.org/master.5.html"),
    }
    ValueHasComment = "value_has_comment" {
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: text!("a `#` after a value is part of the value"),
        what: text!(
            "Values that contain `#` after whitespace, such as `smtpd_tls_security_level = may # optional`.",
        ),
        why: text!(
            "Postfix treats `#` as a comment only at the start of a line; after a value it becomes part of the value, which then is invalid or names a file that does not exist.",
        ),
        fix: text!("Move the comment to its own line above the setting."),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    }
    DuplicateParameter = "duplicate_parameter" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a parameter is set more than once"),
        what: text!(
            "A parameter defined twice in main.cf, or overridden twice with `-o` on one service.",
        ),
        why: text!(
            "Postfix uses the last definition, so an edit to the first one has no effect; where the values differ its programs log \"overriding earlier entry\" each time they start (Postfix 3.5.25), where they are the same nothing at all.",
        ),
        fix: text!("Keep one definition and delete the others."),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    }
    UnknownParameter = "unknown_parameter" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a parameter Postfix does not know"),
        what: text!(
            "Parameter names that the selected Postfix version does not define, are not per-service parameters of a master.cf service, and are not referenced as `$name` anywhere.",
        ),
        why: text!(
            "Postfix ignores them with an \"unused parameter\" warning: a misspelt name means the intended setting is not applied.",
        ),
        fix: text!("Correct the spelling (the suggestion names the closest known parameter) or remove the line."),
        source: postconf("postconf(1) unused parameter", "https://www.postfix.org/postconf.1.html"),
    }
    UndefinedReference = "undefined_reference" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a `$name` that nothing defines"),
        what: text!(
            "References such as `$mua_client_restrictions` to a name that is neither a Postfix parameter nor defined in main.cf.",
        ),
        why: text!(
            "Postfix warns \"undefined parameter\" and uses an empty value, so restrictions or paths silently disappear.",
        ),
        fix: text!(
            "Define the name in main.cf (for example `mua_client_restrictions = permit_sasl_authenticated, reject`) or remove the reference.",
        ),
        source: postconf("postconf(1) undefined parameter", "https://www.postfix.org/postconf.1.html"),
    }
    PolicyServiceMissing = "policy_service_missing" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a policy service that master.cf does not run"),
        what: text!(
            "`check_policy_service unix:private/NAME` (or `unix:public/NAME`) in a restriction list, while the whole master.cf has no `NAME unix` service.",
        ),
        why: text!(
            "smtpd asks that socket in the queue directory about every recipient. When nothing listens there, it logs \"connect to private/NAME: No such file or directory\" and answers with `smtpd_policy_service_default_action`, `451 4.3.5 Server configuration problem` since Postfix 3.0: every message is deferred until the senders give up. A program outside Postfix can create the socket itself (Dovecot's quota-status, for example), which is why this is a warning.",
        ),
        fix: text!(
            "Add the service to master.cf, usually a `spawn` of the policy program (`policyd-spf unix - n n - 0 spawn user=nobody argv=/usr/bin/policyd-spf`), or remove the `check_policy_service` entry.",
        ),
        source: postconf("SMTPD_POLICY_README; postconf(5) smtpd_policy_service_default_action", "https://www.postfix.org/SMTPD_POLICY_README.html"),
    }
    ParameterNotInVersion = "parameter_not_in_version" {
        catalogue: Some("L19"),
        severity: Warning,
        topic: Topic::Host,
        summary: text!("a parameter newer than the selected Postfix version"),
        what: text!(
            "Parameters that came in a later Postfix release, such as `tls_ffdhe_auto_groups` (3.8) or `tls_eecdh_auto_curves` (3.2).",
        ),
        why: text!(
            "This version ignores them as \"unused parameter\": the setting you rely on has no effect.",
        ),
        fix: text!("Remove the line, or upgrade Postfix to the version named."),
        source: postconf("postconf(5)", "https://www.postfix.org/postconf.5.html#tls_ffdhe_auto_groups"),
    }
    ParameterRenamed = "parameter_renamed" {
        catalogue: None,
        severity: Info,
        topic: Topic::General,
        summary: text!("an old parameter name that Postfix still reads"),
        what: text!(
            "Names that Postfix replaced and still reads through the new parameter's default, such as `postscreen_dnsbl_ttl` (now `postscreen_dnsbl_max_ttl`) or `postscreen_blacklist_action` (now `postscreen_denylist_action`).",
        ),
        why: text!(
            "The setting works, but the old name may go in a later release: Postfix 3.11 already warns \"support for parameter … will be removed\".",
        ),
        fix: text!("Rename the line to the new parameter; the value stays."),
        source: postconf("DEPRECATION_README", "https://www.postfix.org/DEPRECATION_README.html"),
    }
    ParameterNeedsPatchRelease = "parameter_needs_patch_release" {
        catalogue: Some("L19"),
        severity: Info,
        topic: Topic::Host,
        summary: text!(
            "a parameter the selected series has only from a patch release on",
        ),
        what: text!(
            "Parameters that older series received in a patch release, such as `tls_config_file` and `tls_config_name` (3.5.20, 3.6.10, 3.7.6, 3.8.1; every 3.9).",
        ),
        why: text!(
            "A release of the series before that patch release ignores them as \"unused parameter\": the setting has no effect there.",
        ),
        fix: text!(
            "Check the release with `postconf mail_version`, and update Postfix if it is older than the one named.",
        ),
        source: postconf("postconf(5) tls_config_file", "https://www.postfix.org/postconf.5.html#tls_config_file"),
    }
    InvalidValue = "invalid_value" {
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: text!("a value outside the parameter's vocabulary"),
        what: text!(
            "Values of parameters with a fixed vocabulary: booleans (`yes`/`no`), TLS levels, cipher grades, protocol names, restriction names, SASL types, and keywords such as `ORIGINATING`, including translated words like `kann` or `ja`.",
        ),
        why: text!(
            "Postfix stops with a fatal error, rejects mail with a temporary \"server configuration error\", or (for `milter_macro_daemon_name`) milters no longer recognise submitted mail.",
        ),
        fix: text!("Use the Postfix keyword named in the help; Postfix keywords are never translated."),
        source: postconf("postconf(5)", "https://www.postfix.org/postconf.5.html"),
    }
    UnknownService = "unknown_service" {
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: text!("an unknown master.cf service name or type"),
        what: text!(
            "Service types other than `inet`, `unix`, `unix-dgram`, `fifo` and `pass`, and `inet` service names that are neither a port number nor a known service name such as `smtp`, `submission` or `submissions`.",
        ),
        why: text!(
            "The master daemon cannot resolve the name to a port and refuses to start the service, so the port stays closed.",
        ),
        fix: text!("Use the service name or port named in the help, and start the line with the service name."),
        source: postconf("master(5)", "https://www.postfix.org/master.5.html"),
    }
    UnlistedServiceName = "unlisted_service_name" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a master.cf service name that may not be a port"),
        what: text!(
            "`inet` service names that are neither a port number nor a well-known name such as `smtp`, `submission` or `submissions`, but could be listed in the host's /etc/services.",
        ),
        why: text!(
            "If /etc/services does not list the name, the master daemon cannot resolve it to a port and refuses to start the service, so the port stays closed.",
        ),
        fix: text!("Use a port number, the name named in the help, or check that /etc/services lists the name."),
        source: postconf("master(5)", "https://www.postfix.org/master.5.html"),
    }
    OptionValueRejected = "option_value_rejected" {
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: text!("a typed value was refused and not used"),
        what: text!(
            "Free-text choices (paths, host names, relayhost) that contain characters which could change the configuration: newlines, `#`, `=`, `$`, control characters, or commas and spaces inside a master.cf `-o` value.",
        ),
        why: text!(
            "Such a value would inject extra settings or break the file; the generator leaves it out instead.",
        ),
        fix: text!("Correct the value as the help says."),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    }
    OptionUnavailable = "option_unavailable" {
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: text!("a chosen value does not apply and another is used"),
        what: text!(
            "A choice that the selected Postfix or OpenSSL version, or another choice, does not support (for example `dane` before Postfix 2.11).",
        ),
        why: text!(
            "Writing the value anyway would give a configuration that Postfix refuses or ignores; the generator writes the nearest supported value instead.",
        ),
        fix: text!("Pick a value that the selected version supports, or a newer version."),
        source: postconf("postconf(5)", "https://www.postfix.org/postconf.5.html"),
    }
    // --- Inbound on port 25 -------------------------------------------------------------
    MxRequiresTls = "mx_requires_tls" {
        catalogue: Some("L01"),
        severity: Error,
        topic: Topic::Inbound,
        summary: text!("a public MX requires STARTTLS on port 25"),
        what: text!(
            "`smtpd_tls_security_level = encrypt` (or `smtpd_enforce_tls = yes`) on the port-25 smtpd service of a host listed in MX records.",
        ),
        why: text!(
            "RFC 3207 says a publicly-referenced SMTP server MUST NOT require STARTTLS; servers that cannot do TLS get `530 Must issue a STARTTLS command first` and their mail to you is lost or delayed.",
        ),
        fix: text!(
            "Use `smtpd_tls_security_level = may` for port 25 and require TLS only on submission (587/465) with `-o smtpd_tls_security_level=encrypt`.",
        ),
        source: postconf("RFC 3207 §4", "https://www.rfc-editor.org/rfc/rfc3207#section-4"),
    }
    EncryptChosenOnMx = "encrypt_chosen_on_mx" {
        catalogue: None,
        severity: Warning,
        topic: Topic::Inbound,
        summary: text!("required TLS on port 25 of a public MX was chosen"),
        what: text!(
            "The generator's choice `encrypt` for port 25 while the host is a public MX: the output honours it.",
        ),
        why: text!(
            "RFC 3207 says a publicly-referenced SMTP server MUST NOT require STARTTLS: servers without TLS cannot deliver to you. The choice is yours to make (a host only your own partners send to), so it is written as chosen, with this warning.",
        ),
        fix: text!(
            "Choose `may` for port 25 and require TLS where your own clients connect: submission on 587 and 465.",
        ),
        source: postconf("RFC 3207 §4", "https://www.rfc-editor.org/rfc/rfc3207#section-4"),
    }
    InvalidServerTlsLevel = "invalid_server_tls_level" {
        catalogue: Some("L02"),
        severity: Error,
        topic: Topic::Inbound,
        summary: text!("a client-only TLS level on the server side"),
        what: text!(
            "`smtpd_tls_security_level` set to a level only the SMTP client knows and smtpd refuses: `dane` or `dane-only`.",
        ),
        why: text!(
            "smtpd stops with \"Invalid TLS level\": mail is not received on that service.",
        ),
        fix: text!("Use `none`, `may` or `encrypt` for the server."),
        source: postconf("postconf(5) smtpd_tls_security_level", "https://www.postfix.org/postconf.5.html#smtpd_tls_security_level"),
    }
    ServerTlsLevelReadAsEncrypt = "server_tls_level_read_as_encrypt" {
        catalogue: Some("L02"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: text!("a client-only TLS level that smtpd reads as `encrypt`"),
        what: text!(
            "`smtpd_tls_security_level` set to `fingerprint`, `verify` or `secure`, levels of the SMTP client.",
        ),
        why: text!(
            "smtpd warns and treats them as `encrypt`: it requires TLS but verifies no client certificate, which is probably not what was meant.",
        ),
        fix: text!("Use `none`, `may` or `encrypt` for the server."),
        source: postconf("postconf(5) smtpd_tls_security_level", "https://www.postfix.org/postconf.5.html#smtpd_tls_security_level"),
    }
    TlsWithoutCertificate = "tls_without_certificate" {
        catalogue: Some("L26"),
        severity: Error,
        topic: Topic::Certificates,
        summary: text!("no server certificate although TLS is on"),
        what: text!(
            "smtpd services with TLS enabled (`may`, `encrypt`, wrapper mode or the legacy switches) while `smtpd_tls_cert_file`, `smtpd_tls_eccert_file` and `smtpd_tls_chain_files` are all empty.",
        ),
        why: text!(
            "Without a certificate smtpd answers STARTTLS with `454 TLS not available`; with `encrypt` or on port 465 no mail or login gets through at all.",
        ),
        fix: text!(
            "Set `smtpd_tls_chain_files` (3.4+) or `smtpd_tls_cert_file` and `smtpd_tls_key_file`.",
        ),
        source: postconf("postconf(5) smtpd_tls_cert_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_cert_file"),
    }
    ClientCertRequiredWithoutEncrypt = "client_cert_required_without_encrypt" {
        catalogue: Some("L27"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: text!("client certificates required while TLS is optional"),
        what: text!(
            "`smtpd_tls_req_ccert = yes` on a service whose TLS level is not `encrypt`.",
        ),
        why: text!(
            "Postfix ignores it with the warning \"Can't require client certs unless TLS is required\".",
        ),
        fix: text!("Set `smtpd_tls_security_level = encrypt` on that service, or use `smtpd_tls_ask_ccert = yes`."),
        source: postconf("postconf(5) smtpd_tls_req_ccert", "https://www.postfix.org/postconf.5.html#smtpd_tls_req_ccert"),
    }
    Port25TlsFloorTooStrict = "port25_tls_floor_too_strict" {
        catalogue: Some("L31"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: text!("port 25 refuses older TLS versions or ciphers"),
        what: text!(
            "On a public MX, opportunistic protocols on port 25 that exclude TLSv1 (for example `>=TLSv1.2`) or a `high` cipher grade.",
        ),
        why: text!(
            "Senders that only speak older TLS fail the handshake; some never retry in clear text, so mail is delayed or lost. postconf(5): demanding stronger than default TLS at `may` \"merely reduces interoperability\".",
        ),
        fix: text!(
            "Keep the Postfix defaults for port 25 (`smtpd_tls_protocols` and `smtpd_tls_ciphers` unset) and put stricter settings on the submission services with `-o`.",
        ),
        source: postconf("postconf(5) smtp_tls_security_level", "https://www.postfix.org/postconf.5.html#smtp_tls_security_level"),
    }
    ClientCertRelayWithPublicCa = "client_cert_relay_with_public_ca" {
        catalogue: Some("L07"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: text!("any public-CA client certificate may relay"),
        what: text!(
            "`permit_tls_all_clientcerts` in the restrictions while `smtpd_tls_CAfile` or `smtpd_tls_CApath` is a public CA bundle.",
        ),
        why: text!(
            "Anyone who can buy a certificate from a public CA is then allowed to relay through your server.",
        ),
        fix: text!(
            "Leave `smtpd_tls_CAfile` empty unless you use client certificates, and list allowed fingerprints with `permit_tls_clientcerts` and `relay_clientcerts`.",
        ),
        source: postconf("postconf(5) permit_tls_all_clientcerts", "https://www.postfix.org/postconf.5.html#permit_tls_all_clientcerts"),
    }
    PostscreenWithoutTlsproxy = "postscreen_without_tlsproxy" {
        catalogue: Some("L40"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: text!("postscreen cannot offer STARTTLS"),
        what: text!(
            "postscreen on port 25 with TLS enabled but no `tlsproxy unix` service in master.cf, or a `tlsproxy` service whose process limit is not 0 (Postfix 3.4+).",
        ),
        why: text!(
            "postscreen hands STARTTLS to tlsproxy(8); without it senders get no TLS on port 25, and a limited tlsproxy stalls sessions under load.",
        ),
        fix: text!(
            "Add `tlsproxy unix - - y - 0 tlsproxy` to master.cf.",
        ),
        source: postconf("POSTSCREEN_README", "https://www.postfix.org/POSTSCREEN_README.html#starttls"),
    }
    ClientSessionHiddenOnPort25 = "client_session_hidden_on_port_25" {
        catalogue: Some("L47"),
        severity: Info,
        topic: Topic::Inbound,
        summary: text!("client session details hidden on port 25"),
        what: text!(
            "`smtpd_hide_client_session = yes` in main.cf or on the port-25 service.",
        ),
        why: text!(
            "It is meant for submission (587/465) only: on the MX it removes the sending server's name, address and TLS details from the Received: header that recipients and spam filters rely on.",
        ),
        fix: text!(
            "Set it only with `-o smtpd_hide_client_session=yes` on the submission services.",
        ),
        source: postconf("postconf(5) smtpd_hide_client_session", "https://www.postfix.org/postconf.5.html#smtpd_hide_client_session"),
    }
    // --- Certificates -------------------------------------------------------------------
    ChainFilesUnsupported = "chain_files_unsupported" {
        catalogue: Some("L17"),
        severity: Error,
        topic: Topic::Certificates,
        summary: text!("`smtpd_tls_chain_files` before Postfix 3.4"),
        what: text!("`smtpd_tls_chain_files` or `smtp_tls_chain_files` with a Postfix version older than 3.4."),
        why: text!(
            "Older versions ignore the parameter, so the server has no certificate and TLS fails.",
        ),
        fix: text!("Use `smtpd_tls_cert_file` and `smtpd_tls_key_file` instead."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    }
    ChainFilesOverridesLegacy = "chain_files_overrides_legacy" {
        catalogue: Some("L17"),
        severity: Warning,
        topic: Topic::Certificates,
        summary: text!("chain files and certificate files both set"),
        what: text!(
            "`smtpd_tls_chain_files` together with `smtpd_tls_cert_file`, `smtpd_tls_key_file` or their `eccert` variants.",
        ),
        why: text!(
            "Postfix uses the chain files and ignores the others with a warning; a later edit to the ignored files has no effect.",
        ),
        fix: text!("Remove the `smtpd_tls_cert_file`/`smtpd_tls_key_file` lines."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    }
    ChainFilesKeyNotFirst = "chain_files_key_not_first" {
        catalogue: None,
        severity: Error,
        topic: Topic::Certificates,
        summary: text!("a certificate before its key in the chain files"),
        what: text!(
            "`smtpd_tls_chain_files` or `smtp_tls_chain_files` whose first file is a certificate or chain (`fullchain.pem`, `cert.pem`, `*.crt`), as in `fullchain.pem, privkey.pem`.",
        ),
        why: text!(
            "Postfix reads each private key followed by its certificate chain. A certificate first fails to load (\"key not first\"): TLS is off, port 25 answers STARTTLS with 454 and submission services that require TLS take no mail.",
        ),
        fix: text!("List the private key first: `privkey.pem, fullchain.pem`."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    }
    CertificateKeySwapped = "certificate_key_swapped" {
        catalogue: None,
        severity: Error,
        topic: Topic::Certificates,
        summary: text!("certificate and key files swapped"),
        what: text!(
            "A key file (`privkey.pem`, `*.key`) in `smtpd_tls_cert_file` or `smtpd_tls_eccert_file` (or the `smtp_` twins), or a certificate file (`fullchain.pem`, `cert.pem`, `*.crt`) in the matching `_key_file`.",
        ),
        why: text!(
            "Postfix cannot load a certificate from a key file or a key from a certificate file (\"cannot get RSA certificate from file\"): TLS is off, port 25 answers STARTTLS with 454 and submission services that require TLS take no mail.",
        ),
        fix: text!(
            "Put the certificate chain in `smtpd_tls_cert_file` and the private key in `smtpd_tls_key_file`.",
        ),
        source: postconf("postconf(5) smtpd_tls_cert_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_cert_file"),
    }
    ChainFilesSeparateKey = "chain_files_separate_key" {
        catalogue: Some("L18"),
        severity: Info,
        topic: Topic::Certificates,
        summary: text!("key and certificate in separate chain files"),
        what: text!(
            "`smtpd_tls_chain_files` listing the private key and the certificate chain as separate files.",
        ),
        why: text!(
            "Postfix documents that keeping the key in the same file as its certificate is more reliable: during a renewal the two files can briefly not match.",
        ),
        fix: text!("Concatenate key, certificate and chain into one file and list that file."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    }
    UntrustedCertificateOnSubmission = "untrusted_certificate_on_submission" {
        catalogue: Some("L24"),
        severity: Warning,
        topic: Topic::Submission,
        summary: text!("a self-signed certificate on submission"),
        what: text!(
            "A snakeoil or self-signed certificate on the submission services (587/465).",
        ),
        why: text!(
            "Mail clients cannot validate it; RFC 8314 says they must not treat such a session as confidential, and users learn to click away warnings.",
        ),
        fix: text!("Use a certificate from a public CA, for example Let's Encrypt."),
        source: postconf("RFC 8314 §5", "https://www.rfc-editor.org/rfc/rfc8314#section-5"),
    }
    SelfSignedCertificateOnMx = "self_signed_certificate_on_mx" {
        catalogue: Some("L25"),
        severity: Info,
        topic: Topic::Certificates,
        summary: text!("a self-signed certificate on port 25"),
        what: text!("A snakeoil or self-signed certificate on the port-25 service."),
        why: text!(
            "Fine for opportunistic TLS between servers, but senders using MTA-STS will not deliver; DANE (TLSA `3 1 1`) can authenticate it.",
        ),
        fix: text!("Use a public CA certificate, or publish a TLSA record for it."),
        source: postconf("TLS_README", "https://www.postfix.org/TLS_README.html#server_cert_key"),
    }
    FingerprintDigestMd5 = "fingerprint_digest_md5" {
        catalogue: Some("L48"),
        severity: Warning,
        topic: Topic::Certificates,
        summary: text!("certificate fingerprints compared with MD5"),
        what: text!(
            "Certificate fingerprints in use (`fingerprint` security level, `smtp_tls_fingerprint_cert_match`, `relay_clientcerts`, `permit_tls_clientcerts`, `check_ccert_access`) while the digest is MD5: set so, the default before Postfix 3.6, or the default from 3.6 while `compatibility_level` is below 3.6.",
        ),
        why: text!(
            "MD5 is broken for collision resistance, so a fingerprint is weak proof of a certificate; and SHA-256 fingerprints, which most tools print today, never match an MD5 comparison, so verification fails and mail is deferred or refused.",
        ),
        fix: text!(
            "Set `smtp_tls_fingerprint_digest = sha256` (client) or `smtpd_tls_fingerprint_digest = sha256` (server) and list SHA-256 fingerprints in the same change: old MD5 entries stop matching at once.",
        ),
        source: postconf("postconf(5) smtp_tls_fingerprint_digest", "https://www.postfix.org/postconf.5.html#smtp_tls_fingerprint_digest"),
    }
    FingerprintDigestByCompatibility = "fingerprint_digest_by_compatibility" {
        catalogue: Some("L48"),
        severity: Info,
        topic: Topic::Certificates,
        summary: text!("certificate fingerprints compared with MD5 unless `compatibility_level` is 3.6"),
        what: text!(
            "Certificate fingerprints in use on Postfix 3.6 or later while the given main.cf sets neither the digest nor `compatibility_level` (it may be set in the part not given).",
        ),
        why: text!(
            "From 3.6 the digest is SHA-256 only at `compatibility_level = 3.6` or higher; below it MD5, which SHA-256 fingerprints never match.",
        ),
        fix: text!(
            "Check `postconf compatibility_level`, or set the digest to `sha256` explicitly and list SHA-256 fingerprints in the same change.",
        ),
        source: postconf("postconf(5) smtp_tls_fingerprint_digest", "https://www.postfix.org/postconf.5.html#smtp_tls_fingerprint_digest"),
    }
    // --- Submission ---------------------------------------------------------------------
    SubmissionsNameUnresolvable = "submissions_name_unresolvable" {
        catalogue: Some("L20"),
        severity: Warning,
        topic: Topic::Submission,
        summary: text!("service name `submissions` before Postfix 3.6"),
        what: text!("A master.cf service named `submissions` with Postfix older than 3.6."),
        why: text!(
            "Before 3.6 Postfix resolves service names through /etc/services, which on older systems lacks `submissions`; the service then does not start.",
        ),
        fix: text!("Name the service `465` or `smtps`."),
        source: postconf("postconf(5) known_tcp_ports", "https://www.postfix.org/postconf.5.html#known_tcp_ports"),
    }
    WrappermodeInMainCf = "wrappermode_in_main_cf" {
        catalogue: Some("L21"),
        severity: Warning,
        topic: Topic::Submission,
        summary: text!("`smtpd_tls_wrappermode` in main.cf"),
        what: text!("`smtpd_tls_wrappermode = yes` in main.cf."),
        why: text!(
            "It applies to every smtpd, including port 25, where senders expect plain SMTP with STARTTLS; Postfix \"strictly discourages\" it.",
        ),
        fix: text!("Remove it from main.cf and set `-o smtpd_tls_wrappermode=yes` on the port-465 service."),
        source: postconf("postconf(5) smtpd_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtpd_tls_wrappermode"),
    }
    WrappermodeOnSubmission = "wrappermode_on_submission" {
        catalogue: None,
        severity: Error,
        topic: Topic::Submission,
        summary: text!("implicit TLS on port 587"),
        what: text!(
            "`smtpd_tls_wrappermode=yes` on the `submission` (587) service, often an `-o` line left under a commented-out `#submissions` or `#smtps` line: comment lines do not end a service, so the indented line still belongs to the service above.",
        ),
        why: text!(
            "Mail clients speak plain SMTP with STARTTLS on port 587; with wrapper mode Postfix expects a TLS handshake first, so every client fails to connect (`postconf -P` shows `submission/inet/smtpd_tls_wrappermode = yes`).",
        ),
        fix: text!(
            "Remove `-o smtpd_tls_wrappermode=yes` from the 587 service (comment out every line of a disabled service), and set it only on the 465 service.",
        ),
        source: postconf("master(5) syntax", "https://www.postfix.org/master.5.html"),
    }
    SubmissionsWithoutWrappermode = "submissions_without_wrappermode" {
        catalogue: None,
        severity: Error,
        topic: Topic::Submission,
        summary: text!("no implicit TLS on port 465"),
        what: text!(
            "An smtpd service on port 465 (`submissions`, `smtps` or `465`) without `smtpd_tls_wrappermode=yes`, neither as its own `-o` line nor in main.cf.",
        ),
        why: text!(
            "Mail clients set up for port 465 begin with a TLS handshake (RFC 8314); without wrapper mode Postfix greets them in plain text instead (`220 ... ESMTP`), the handshake fails and no such client can connect. Where the service offers login, a client that does talk plain SMTP there is offered it before TLS.",
        ),
        fix: text!(
            "Add `-o smtpd_tls_wrappermode=yes` to the port-465 service, as in the stock master.cf's commented `submissions` (`smtps` before Postfix 3.5) example.",
        ),
        source: postconf("postconf(5) smtpd_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtpd_tls_wrappermode"),
    }
    LevelIgnoredWithWrappermode = "level_ignored_with_wrappermode" {
        catalogue: Some("L22"),
        severity: Info,
        topic: Topic::Submission,
        summary: text!("a TLS level set on a wrapper-mode service"),
        what: text!("`-o smtpd_tls_security_level` on a service that also sets `smtpd_tls_wrappermode=yes`."),
        why: text!(
            "Wrapper mode always encrypts and uses the mandatory protocol and cipher settings; the level is ignored.",
        ),
        fix: text!("Remove the `smtpd_tls_security_level` override, or keep it only as documentation."),
        source: postconf("postconf(5) smtpd_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtpd_tls_wrappermode"),
    }
    SaslOverCleartext = "sasl_over_cleartext" {
        catalogue: Some("L28"),
        severity: Error,
        topic: Topic::Submission,
        summary: text!("passwords may be sent without TLS"),
        what: text!(
            "SASL authentication enabled on a service where TLS is optional, `smtpd_tls_auth_only` is not `yes` and `smtpd_sasl_security_options` lacks `noplaintext`.",
        ),
        why: text!(
            "Clients can log in before STARTTLS and send their password in clear text over the network.",
        ),
        fix: text!(
            "Set `smtpd_tls_auth_only = yes` (or `-o smtpd_tls_auth_only=yes` on the service), or require TLS there with `smtpd_tls_security_level=encrypt`.",
        ),
        source: postconf("SASL_README", "https://www.postfix.org/SASL_README.html#server_sasl_enable"),
    }
    SaslOnPort25 = "sasl_on_port_25" {
        catalogue: Some("L29"),
        severity: Warning,
        topic: Topic::Submission,
        summary: text!("login (SASL) offered on port 25"),
        what: text!(
            "`smtpd_sasl_auth_enable = yes` in main.cf or on the port-25 service.",
        ),
        why: text!(
            "Port 25 is for other mail servers; offering AUTH there invites password guessing and mixes users with server traffic.",
        ),
        fix: text!(
            "Remove it from main.cf and enable SASL only on submission with `-o smtpd_sasl_auth_enable=yes`.",
        ),
        source: postconf("SASL_README", "https://www.postfix.org/SASL_README.html#server_sasl_enable"),
    }
    NoRelayProtection = "no_relay_protection" {
        catalogue: Some("L30"),
        severity: Error,
        topic: Topic::Inbound,
        summary: text!("restrictions do not stop relaying"),
        what: text!(
            "An smtpd service whose `smtpd_relay_restrictions` and `smtpd_recipient_restrictions` together contain none of `reject`, `defer`, `defer_if_permit`, `reject_unauth_destination`, `defer_unauth_destination`. A whole main.cf without `compatibility_level` is at level 0, where `smtpd_relay_restrictions` is empty.",
        ),
        why: text!(
            "smtpd stops with a fatal configuration error (\"specify at least one working instance of: reject_unauth_destination, ...\") at the first connection, so the service takes no mail at all.",
        ),
        fix: text!(
            "End the relay restrictions with `reject_unauth_destination` (port 25) or `reject` (submission).",
        ),
        source: postconf("postconf(5) smtpd_relay_restrictions", "https://www.postfix.org/postconf.5.html#smtpd_relay_restrictions"),
    }
    SubmissionNotRestricted = "submission_not_restricted" {
        catalogue: Some("L30"),
        severity: Warning,
        topic: Topic::Submission,
        summary: text!("submission accepts mail without login"),
        what: text!(
            "A submission service (587/465) whose restrictions are not `permit_sasl_authenticated,reject`.",
        ),
        why: text!(
            "Without a final `reject`, clients that did not log in can still send mail through the submission port.",
        ),
        fix: text!(
            "Add `-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject` to the service, as the stock master.cf does.",
        ),
        source: postconf("master.cf (stock)", "https://www.postfix.org/postconf.5.html#smtpd_relay_restrictions"),
    }
    NoImplicitTlsSubmission = "no_implicit_tls_submission" {
        catalogue: Some("L46"),
        severity: Info,
        topic: Topic::Submission,
        summary: text!("only STARTTLS submission is offered"),
        what: text!("A submission service on 587 but none on 465."),
        why: text!(
            "RFC 8314 prefers implicit TLS on port 465 (`submissions`): no clear-text phase a network attacker could strip.",
        ),
        fix: text!("Add a `submissions` (465) service with `-o smtpd_tls_wrappermode=yes`."),
        source: postconf("RFC 8314 §3.3", "https://www.rfc-editor.org/rfc/rfc8314#section-3.3"),
    }
    // --- Outbound -----------------------------------------------------------------------
    OutboundTlsMandatoryForInternet = "outbound_tls_mandatory_for_internet" {
        catalogue: Some("L03"),
        severity: Warning,
        topic: Topic::Outbound,
        summary: text!("mandatory outbound TLS for every destination"),
        what: text!(
            "A global `smtp_tls_security_level` of `encrypt`, `verify`, `secure`, `dane-only` or `fingerprint` on a host that delivers directly to the Internet (no `relayhost`).",
        ),
        why: text!(
            "Mail to servers without TLS or with self-signed certificates is deferred and finally bounced; postconf(5) calls these levels not appropriate defaults for systems delivering to the Internet.",
        ),
        fix: text!(
            "Use `may` (or `dane`) globally and require more only for chosen destinations in `smtp_tls_policy_maps`.",
        ),
        source: postconf("postconf(5) smtp_tls_security_level", "https://www.postfix.org/postconf.5.html#smtp_tls_security_level"),
    }
    DaneWithoutDnssec = "dane_without_dnssec" {
        catalogue: Some("L04"),
        severity: Error,
        topic: Topic::Outbound,
        summary: text!("a DANE level without DNSSEC lookups"),
        what: text!(
            "`smtp_tls_security_level = dane` or `dane-only` while `smtp_dns_support_level` is not `dnssec`.",
        ),
        why: text!(
            "Without DNSSEC-validated lookups Postfix finds no TLSA records: `dane` silently acts like `may`, and `dane-only` defers all mail.",
        ),
        fix: text!(
            "Set `smtp_dns_support_level = dnssec` and run a validating resolver on loopback.",
        ),
        source: postconf("postconf(5) smtp_dns_support_level", "https://www.postfix.org/postconf.5.html#smtp_dns_support_level"),
    }
    VerifyWithoutCa = "verify_without_ca" {
        catalogue: Some("L05"),
        severity: Warning,
        topic: Topic::Outbound,
        summary: text!("certificate verification without trusted CAs"),
        what: text!(
            "`verify` or `secure` outbound while `smtp_tls_CAfile` and `smtp_tls_CApath` are empty and `tls_append_default_CA` is `no`.",
        ),
        why: text!(
            "No certificate can be verified, so every affected delivery is deferred as \"Unverified\".",
        ),
        fix: text!(
            "Set `smtp_tls_CAfile` to the system bundle, for example `/etc/ssl/certs/ca-certificates.crt`.",
        ),
        source: postconf("postconf(5) smtp_tls_CAfile", "https://www.postfix.org/postconf.5.html#smtp_tls_CAfile"),
    }
    CaFileIsOwnCertificate = "ca_file_is_own_certificate" {
        catalogue: Some("L06"),
        severity: Warning,
        topic: Topic::Outbound,
        summary: text!("the outbound CA file is your own certificate"),
        what: text!(
            "`smtp_tls_CAfile` naming the server's own certificate or chain (for example Let's Encrypt `cert.pem`, `chain.pem`, `fullchain.pem`).",
        ),
        why: text!(
            "Postfix then trusts only that one CA when verifying other servers, so verification fails for almost everyone else.",
        ),
        fix: text!(
            "Point `smtp_tls_CAfile` at the system CA bundle, for example `/etc/ssl/certs/ca-certificates.crt`.",
        ),
        source: postconf("postconf(5) smtp_tls_CAfile", "https://www.postfix.org/postconf.5.html#smtp_tls_CAfile"),
    }
    SmtpWrappermodeBelowEncrypt = "smtp_wrappermode_below_encrypt" {
        catalogue: Some("L08"),
        severity: Error,
        topic: Topic::Outbound,
        summary: text!("client wrapper mode without mandatory TLS"),
        what: text!(
            "`smtp_tls_wrappermode = yes` while `smtp_tls_security_level` is below `encrypt`.",
        ),
        why: text!(
            "Postfix requires `encrypt` or stronger for implicit-TLS (port 465) relaying; otherwise delivery to the relayhost fails.",
        ),
        fix: text!(
            "Set `smtp_tls_security_level = encrypt` where wrapper mode is used.",
        ),
        source: postconf("postconf(5) smtp_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtp_tls_wrappermode"),
    }
    RelayhostImplicitTlsWithoutWrappermode = "relayhost_implicit_tls_without_wrappermode" {
        catalogue: None,
        severity: Warning,
        topic: Topic::Outbound,
        summary: text!("a port-465 relayhost without client wrapper mode"),
        what: text!(
            "`relayhost` on port 465 (`[smtp.example.com]:465`, `:smtps`, `:submissions`) while `smtp_tls_wrappermode` is not `yes` for the SMTP client.",
        ),
        why: text!(
            "Port 465 speaks TLS from the first byte and waits for the client's TLS handshake; without wrapper mode Postfix waits for a plain-text greeting instead. Both sides wait until the connection times out, and every message to the relayhost stays deferred.",
        ),
        fix: text!(
            "Set `smtp_tls_wrappermode = yes` with `smtp_tls_security_level = encrypt`, or use the relayhost's port 587 with STARTTLS.",
        ),
        source: postconf("postconf(5) smtp_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtp_tls_wrappermode"),
    }
    OutboundTlsDisabled = "outbound_tls_disabled" {
        catalogue: Some("L41"),
        severity: Info,
        topic: Topic::Outbound,
        summary: text!("outbound mail is sent without TLS"),
        what: text!(
            "`smtp_tls_security_level` unset or `none` where this Postfix version then sends in clear text.",
        ),
        why: text!(
            "Before 3.11 (and on 3.11 unless `compatibility_level` is at least 3.11) the default is no TLS: your outgoing mail can be read on the way.",
        ),
        fix: text!("Set `smtp_tls_security_level = may`."),
        source: postconf("postconf(5) smtp_tls_security_level", "https://www.postfix.org/postconf.5.html#smtp_tls_security_level"),
    }
    // --- Protocols, ciphers, key exchange -------------------------------------------------
    DeprecatedTlsSwitch = "deprecated_tls_switch" {
        catalogue: Some("L09"),
        severity: Warning,
        topic: Topic::General,
        summary: text!("an obsolete TLS switch"),
        what: text!(
            "`smtpd_use_tls`, `smtpd_enforce_tls`, their `smtp_`/`lmtp_` twins, `*_tls_per_site`, `smtp_tls_enforce_peername` and `disable_dns_lookups`.",
        ),
        why: text!(
            "They were replaced in Postfix 2.3; a security level overrides them, `postconf` warns that they will be removed (3.9+), and they confuse readers about what is in effect.",
        ),
        fix: text!("Use the replacement named in the help."),
        source: postconf("DEPRECATION_README", "https://www.postfix.org/DEPRECATION_README.html"),
    }
    DhParamFileDeprecated = "dh_param_file_deprecated" {
        catalogue: Some("L10"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("a custom DH parameter file where OpenSSL chooses better"),
        what: text!(
            "`smtpd_tls_dh1024_param_file` set on Postfix 3.9 or later.",
        ),
        why: text!(
            "With OpenSSL 3 Postfix lets OpenSSL pick standard DH groups; custom parameters are no longer recommended and `postconf` 3.9+ warns about them.",
        ),
        fix: text!("Remove the line (leave the parameter at its default)."),
        source: postconf("postconf(5) smtpd_tls_dh1024_param_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_dh1024_param_file"),
    }
    DhParamFileUnneeded = "dh_param_file_unneeded" {
        catalogue: Some("L10"),
        severity: Info,
        topic: Topic::Protocols,
        summary: text!("a custom DH parameter file OpenSSL does not need"),
        what: text!(
            "`smtpd_tls_dh1024_param_file` set on Postfix 3.7 or 3.8 with OpenSSL 3.",
        ),
        why: text!(
            "With OpenSSL 3 these versions let OpenSSL pick standard DH groups when the parameter is empty; a file of your own is one more thing to keep strong.",
        ),
        fix: text!("Remove the line (leave the parameter at its default)."),
        source: postconf("postconf(5) smtpd_tls_dh1024_param_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_dh1024_param_file"),
    }
    Dh512ParamFileIgnored = "dh512_param_file_ignored" {
        catalogue: Some("L11"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("512-bit export DH parameters"),
        what: text!("`smtpd_tls_dh512_param_file` set."),
        why: text!(
            "It serves only export ciphers (FREAK/Logjam) and is ignored since Postfix 3.6.",
        ),
        fix: text!("Remove the line."),
        source: postconf("postconf(5) smtpd_tls_dh512_param_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_dh512_param_file"),
    }
    EecdhGradeIgnored = "eecdh_grade_ignored" {
        catalogue: Some("L12"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("`smtpd_tls_eecdh_grade` has no effect"),
        what: text!("`smtpd_tls_eecdh_grade` set on Postfix 3.6 or later."),
        why: text!(
            "It is ignored since 3.6 and `postconf` warns about it from 3.9; curves come from `tls_eecdh_auto_curves`.",
        ),
        fix: text!("Remove the line."),
        source: postconf("postconf(5) smtpd_tls_eecdh_grade", "https://www.postfix.org/postconf.5.html#smtpd_tls_eecdh_grade"),
    }
    WeakCipherGrade = "weak_cipher_grade" {
        catalogue: Some("L13"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("the `export` or `low` cipher grade"),
        what: text!(
            "A cipher grade of `export` or `low`, or the old `export` default of Postfix releases before mid-2015 (2.10.7, 2.11.5 and older; postconf(5) `smtpd_tls_ciphers`).",
        ),
        why: text!(
            "Export ciphers enable FREAK and Logjam downgrade attacks; from 3.8 Postfix treats these grades as `medium` anyway.",
        ),
        fix: text!(
            "Use `medium` (the default from the mid-2015 releases on: 2.10.8, 2.11.6, 3.1)."
        ),
        source: postconf("weakdh.org sysadmin guide", "https://weakdh.org/sysadmin.html"),
    }
    ProtocolRangeUnsupported = "protocol_range_unsupported" {
        catalogue: Some("L14"),
        severity: Error,
        topic: Topic::Protocols,
        summary: text!("`>=`/`<=` protocol ranges before Postfix 3.6"),
        what: text!("A protocol list using `>=TLSv…` or `<=TLSv…` with Postfix older than 3.6."),
        why: text!(
            "Older versions do not understand the range syntax and refuse the setting, so TLS fails.",
        ),
        fix: text!("List exclusions instead, for example `!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`."),
        source: postconf("postconf(5) smtpd_tls_protocols", "https://www.postfix.org/postconf.5.html#smtpd_tls_protocols"),
    }
    ProtocolExclusionsNotContiguous = "protocol_exclusions_not_contiguous" {
        catalogue: Some("L15"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("a gap in the protocol exclusions"),
        what: text!(
            "Exclusions that disable a protocol while an older one stays enabled, for example `!TLSv1.1` with TLSv1 allowed.",
        ),
        why: text!(
            "OpenSSL only supports a contiguous range: excluding a middle version disables every version above it, leaving only the old one.",
        ),
        fix: text!("Exclude every older version too, or use `>=` on Postfix 3.6+."),
        source: postconf("postconf(5) smtp_tls_protocols", "https://www.postfix.org/postconf.5.html#smtp_tls_protocols"),
    }
    Tlsv13NameUnsupported = "tlsv13_name_unsupported" {
        catalogue: Some("L16"),
        severity: Error,
        topic: Topic::Protocols,
        summary: text!("`TLSv1.3` before Postfix 3.4"),
        what: text!("The protocol name `TLSv1.3` in a protocol list with Postfix older than 3.4."),
        why: text!(
            "Versions before 3.4 (except late patch releases 3.0.14, 3.1.10, 3.2.7, 3.3.2) do not know the name and refuse the list.",
        ),
        fix: text!("Remove `TLSv1.3` from the list."),
        source: postconf("postconf(5) smtpd_tls_protocols", "https://www.postfix.org/postconf.5.html#smtpd_tls_protocols"),
    }
    MandatoryOnlyWhileOpportunistic = "mandatory_only_while_opportunistic" {
        catalogue: Some("L23"),
        severity: Info,
        topic: Topic::Protocols,
        summary: text!("only mandatory TLS settings changed while TLS is optional"),
        what: text!(
            "`*_tls_mandatory_protocols` or `*_tls_mandatory_ciphers` customised while the level is `may` and no service requires TLS.",
        ),
        why: text!(
            "Mandatory settings apply only at `encrypt` and above or in wrapper mode; with `may` they change nothing.",
        ),
        fix: text!("Set the opportunistic twin (`*_tls_protocols`, `*_tls_ciphers`) if that was the intent."),
        source: postconf("postconf(5) smtpd_tls_mandatory_protocols", "https://www.postfix.org/postconf.5.html#smtpd_tls_mandatory_protocols"),
    }
    CipherlistOverridden = "cipherlist_overridden" {
        catalogue: Some("L33"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("a built-in cipher list is overridden"),
        what: text!("`tls_high_cipherlist`, `tls_medium_cipherlist` (or the other grade lists) set."),
        why: text!(
            "Postfix strongly encourages not to change them: the change affects every service using that grade, including port 25, and misses later improvements of the defaults.",
        ),
        fix: text!(
            "Remove it; choose a grade and use `*_tls_exclude_ciphers`, or set stricter values per service with `-o`.",
        ),
        source: postconf("postconf(5) tls_high_cipherlist", "https://www.postfix.org/postconf.5.html#tls_high_cipherlist"),
    }
    CipherlistEmpty = "cipherlist_empty" {
        catalogue: Some("L34"),
        severity: Error,
        topic: Topic::Protocols,
        summary: text!("an empty cipher list"),
        what: text!("`tls_high_cipherlist` or `tls_medium_cipherlist` set to nothing."),
        why: text!(
            "An empty list is invalid: TLS with that grade fails (TLS 1.3 suites are not configured here).",
        ),
        fix: text!("Remove the line to get the built-in list back."),
        source: postconf("postconf(5) tls_high_cipherlist", "https://www.postfix.org/postconf.5.html#tls_high_cipherlist"),
    }
    PreemptCipherlist = "preempt_cipherlist" {
        catalogue: Some("L35"),
        severity: Info,
        topic: Topic::Protocols,
        summary: text!("server cipher order is enforced"),
        what: text!("`tls_preempt_cipherlist = yes` in main.cf or on a service."),
        why: text!(
            "Useful only while weak suites remain enabled; postconf(5) notes interoperability problems with some clients.",
        ),
        fix: text!("Keep it only if a scanner requires server cipher order."),
        source: postconf("postconf(5) tls_preempt_cipherlist", "https://www.postfix.org/postconf.5.html#tls_preempt_cipherlist"),
    }
    DhParametersTooSmall = "dh_parameters_too_small" {
        catalogue: Some("L36"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("a DH parameter file smaller than 2048 bits"),
        what: text!(
            "`smtpd_tls_dh1024_param_file` naming a file whose name says 512 or 1024 bits.",
        ),
        why: text!(
            "DH groups of 1024 bits or less are breakable (Logjam) and scanners flag them.",
        ),
        fix: text!(
            "Generate 2048-bit parameters with `openssl dhparam -out /etc/postfix/dh2048.pem 2048`, or leave the parameter empty on Postfix 3.7+ with OpenSSL 3.",
        ),
        source: postconf("weakdh.org sysadmin guide", "https://weakdh.org/sysadmin.html"),
    }
    ScannerCleanTradeoff = "scanner_clean_tradeoff" {
        catalogue: Some("L32"),
        severity: Info,
        topic: Topic::Protocols,
        summary: text!("scanner-clean settings cost interoperability"),
        what: text!("The \"scanner-clean\" profile was chosen."),
        why: text!(
            "internet.nl and testssl.sh flag TLS 1.0/1.1, CBC, 3DES and small DH groups; removing them makes scanners green but some legacy senders can no longer deliver over TLS.",
        ),
        fix: text!("Keep it only if a scanner grade matters more than maximum deliverability."),
        source: postconf("Internet.nl", "https://internet.nl/faqs/report/"),
    }
    PqKeyShareFirst = "pq_key_share_first" {
        catalogue: Some("L37"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("a post-quantum key share sent first"),
        what: text!(
            "`X25519MLKEM768` as the first entry of `tls_eecdh_auto_curves`.",
        ),
        why: text!(
            "The first group is sent as the client's initial TLS 1.3 key share: a hybrid share makes the ClientHello large, which some middleboxes and servers mishandle; Postfix 3.11 deliberately delays it (`?X25519MLKEM768`). OpenSSL before 3.5 does not know it.",
        ),
        fix: text!(
            "Leave `tls_eecdh_auto_curves` at its default, or write `?X25519MLKEM768` after a classic group.",
        ),
        source: postconf("postconf(5) tls_eecdh_auto_curves", "https://www.postfix.org/postconf.5.html#tls_eecdh_auto_curves"),
    }
    ServerSessionCacheUnneeded = "server_session_cache_unneeded" {
        catalogue: Some("L39"),
        severity: Info,
        topic: Topic::Protocols,
        summary: text!("a server-side TLS session cache"),
        what: text!(
            "`smtpd_tls_session_cache_database` set with Postfix 2.11 or later.",
        ),
        why: text!(
            "Since 2.11 Postfix resumes sessions with stateless session tickets; the server cache adds a database and a process without benefit.",
        ),
        fix: text!("Remove the line (the client cache `smtp_tls_session_cache_database` stays useful)."),
        source: postconf("postconf(5) smtpd_tls_session_cache_database", "https://www.postfix.org/postconf.5.html#smtpd_tls_session_cache_database"),
    }
    BerkeleyDbTable = "berkeley_db_table" {
        catalogue: None,
        severity: Warning,
        topic: Topic::Protocols,
        summary: text!("a Berkeley DB table (`hash:`, `btree:`) with Postfix 3.11"),
        what: text!(
            "`hash:` or `btree:` tables, such as `smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd` or Debian's stock `smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache`, with Postfix 3.11 or later.",
        ),
        why: text!(
            "Distributions are removing Berkeley DB. Debian's Postfix 3.11 logs \"hash/btree support is deprecated. Please switch to cdb or lmdb\" each time a daemon opens such a table (the TLS session cache at every start, the password map at every delivery); builds without Berkeley DB cannot open them at all.",
        ),
        fix: text!(
            "Use `lmdb:` (or `cdb:` for a table only `postmap` writes) and run `postmap` on it; for a cache, `${default_cache_db_type}:${data_directory}/smtp_scache`.",
        ),
        source: postconf("NON_BERKELEYDB_README", "https://www.postfix.org/NON_BERKELEYDB_README.html"),
    }
    TlsDebugLoglevel = "tls_debug_loglevel" {
        catalogue: Some("L38"),
        severity: Info,
        topic: Topic::Logging,
        summary: text!("debug-level TLS logging"),
        what: text!("`smtpd_tls_loglevel` or `smtp_tls_loglevel` of 2 or more."),
        why: text!(
            "Levels above 1 are for debugging: they fill the log quickly; 4 is strongly discouraged.",
        ),
        fix: text!("Use `1` for a one-line summary per TLS session."),
        source: postconf("postconf(5) smtpd_tls_loglevel", "https://www.postfix.org/postconf.5.html#smtpd_tls_loglevel"),
    }
    SeriesEndOfLife = "series_end_of_life" {
        catalogue: None,
        severity: Warning,
        topic: Topic::Host,
        summary: text!("a Postfix series without security fixes"),
        what: text!(
            "The selected Postfix series when upstream no longer supports it and no current distribution patches it: 2.x and 3.0 to 3.4.",
        ),
        why: text!(
            "Upstream supports the current stable series and the three before it; older series get no fixes, and a mail server faces the Internet (the 2023 SMTP smuggling fixes reached only supported series).",
        ),
        fix: text!(
            "Upgrade to a supported series, usually by upgrading the distribution; until then keep this host's exposure small.",
        ),
        source: postconf("postfix.org source page; endoflife.date/postfix", "https://endoflife.date/postfix"),
    }
    SeriesPatchedByDistribution = "series_patched_by_distribution" {
        catalogue: None,
        severity: Info,
        topic: Topic::Host,
        summary: text!("a Postfix series only a distribution still patches"),
        what: text!(
            "The selected Postfix series when upstream support has ended but a distribution still ships security fixes: 3.7 (Debian 12), 3.6 (Ubuntu 22.04), 3.5 (RHEL 8 and 9).",
        ),
        why: text!(
            "The host is safe as long as the distribution's updates are installed; upstream fixes reach it only through the distribution, and its support ends with the distribution release.",
        ),
        fix: text!(
            "Nothing to change now: install updates, and move to a supported series with the next distribution release.",
        ),
        source: postconf("postfix.org source page; endoflife.date/postfix", "https://endoflife.date/postfix"),
    }
    UnlikelyVersionPair = "unlikely_version_pair" {
        catalogue: None,
        severity: Warning,
        topic: Topic::Host,
        summary: text!("a Postfix and OpenSSL pair no distribution shipped"),
        what: text!(
            "An OpenSSL newer than any a distribution shipped with the selected Postfix series, such as Postfix 2.10 with OpenSSL 3.0 (Postfix 2.10 came with OpenSSL 1.0 on RHEL 7).",
        ),
        why: text!(
            "Such a pair usually means one version was picked by mistake; the output is then written for features the real host does not have, or leaves out what it needs.",
        ),
        fix: text!(
            "Read both versions on the host (`postconf mail_version`, `openssl version`) or pick the distribution.",
        ),
        source: postconf("RELEASE_NOTES-3.6 (OpenSSL requirements)", "https://www.postfix.org/announcements/postfix-3.6.0.html"),
    }
    MxWithoutTls = "mx_without_tls" {
        catalogue: None,
        severity: Warning,
        topic: Topic::Inbound,
        summary: text!("no TLS on port 25 of a public MX"),
        what: text!(
            "A public MX whose port-25 service has TLS switched off: `smtpd_tls_security_level = none`, or `smtpd_use_tls = no` without a level.",
        ),
        why: text!(
            "Every server then delivers to this host in cleartext: anyone on the path reads the mail, and senders with DANE or MTA-STS policies for your domain defer it. Offering STARTTLS costs nothing, since senders without TLS still deliver in the clear (RFC 7435).",
        ),
        fix: text!(
            "Set `smtpd_tls_security_level = may` and a certificate (even a self-signed one is better than none on port 25).",
        ),
        source: postconf("RFC 7435 Opportunistic Security; TLS_README", "https://www.rfc-editor.org/rfc/rfc7435"),
    }
    RelayPasswordOverOptionalTls = "relay_password_over_optional_tls" {
        catalogue: None,
        severity: Warning,
        topic: Topic::Outbound,
        summary: text!("a smarthost login over optional TLS"),
        what: text!(
            "`smtp_sasl_auth_enable = yes` with a `relayhost` while `smtp_tls_security_level` is `may`, `none` or unset.",
        ),
        why: text!(
            "With optional TLS an attacker who strips STARTTLS decides whether the login happens without TLS: a mechanism other than PLAIN/LOGIN then sends a password hash in the clear, and otherwise the mail is deferred without saying why.",
        ),
        fix: text!(
            "Set `smtp_tls_security_level = encrypt` (all mail goes to the smarthost), or `encrypt` for the smarthost in `smtp_tls_policy_maps`.",
        ),
        source: postconf("SASL_README, client-side authentication", "https://www.postfix.org/SASL_README.html#client_sasl_enable"),
    }
}
