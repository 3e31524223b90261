//! Every rule has a fixture that fires it and one that does not; the table must cover every
//! entry of `RULES`, so a new rule without fixtures fails here.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::diagnostic::{Diagnostic, Severity};
use postfix_tls::options::Role;
use postfix_tls::rules::{lint, LintContext, RULES};
use postfix_tls::version::{OpensslVersion, PostfixVersion};

/// One fixture: the rule, whether it must fire, the files, the version and the role.
struct Case {
    id: &'static str,
    fires: bool,
    main: Option<&'static str>,
    master: Option<&'static str>,
    postfix: &'static str,
    openssl: OpensslVersion,
    role: Role,
}

const fn fires(id: &'static str, main: Option<&'static str>, master: Option<&'static str>) -> Case {
    Case {
        id,
        fires: true,
        main,
        master,
        postfix: "3.11",
        openssl: OpensslVersion::V3_5,
        role: Role::PublicMx,
    }
}

const fn quiet(id: &'static str, main: Option<&'static str>, master: Option<&'static str>) -> Case {
    Case {
        id,
        fires: false,
        main,
        master,
        postfix: "3.11",
        openssl: OpensslVersion::V3_5,
        role: Role::PublicMx,
    }
}

impl Case {
    const fn on(mut self, postfix: &'static str) -> Case {
        self.postfix = postfix;
        self
    }
    const fn openssl(mut self, openssl: OpensslVersion) -> Case {
        self.openssl = openssl;
        self
    }
    const fn role(mut self, role: Role) -> Case {
        self.role = role;
        self
    }
}

/// Rules only the generator emits (about options, not files): no file can fire them.
const GENERATOR_ONLY: &[&str] = &[
    "option_value_rejected",
    "option_unavailable",
    "scanner_clean_tradeoff",
];

/// Rules about something not written on one line: an unset parameter, or the versions.
const LINELESS: &[&str] = &[
    // Findings about a setting that is missing (no compatibility_level, no level at all).
    "no_relay_protection",
    "outbound_tls_disabled",
    "series_end_of_life",
    "series_patched_by_distribution",
    "unlikely_version_pair",
];

const CERT: &str = "smtpd_tls_chain_files = /etc/letsencrypt/live/mx.example.org/combined.pem\n";
const SUBMISSION: &str = "submission inet n - y - - smtpd
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
submissions inet n - y - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
";

fn cases() -> Vec<Case> {
    use Role::*;
    vec![
        fires("malformed_line", Some("/etc/postfix/main.cf\na = b\n"), None),
        fires("malformed_line", None, Some("smtps inet n - n - - smtpd\n-o smtpd_tls_wrappermode=yes\n")),
        fires("malformed_line", None, Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit_sasl_authenticated, reject\n")),
        quiet("malformed_line", None, Some("submission inet n - y - - smtpd\n  -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }\n")),
        fires("malformed_line", None, Some("smtp inet n - yes - - smtpd\n")),
        quiet("malformed_line", None, Some("smtp inet n - y - - smtpd\npickup unix n - y 60? 1 pickup\n")),
        quiet("malformed_line", Some("# /etc/postfix/main.cf\nmyhostname = mx\n"), None),
        quiet("malformed_line", None, Some("spamassassin unix - n n - - pipe\n  user=debian-spamd argv=/usr/bin/spamc -f -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}\n")),
        fires("value_has_comment", Some("smtpd_tls_security_level = may # optional\n"), None),
        quiet("value_has_comment", Some("# optional\nsmtpd_tls_security_level = may\n"), None),
        fires("duplicate_parameter", Some("smtpd_tls_loglevel = 1\nsmtpd_tls_loglevel = 2\n"), None),
        fires("duplicate_service", None, Some("smtp inet n - y - - smtpd\npickup unix n - y 60 1 pickup\nsmtp inet n - y - 1 postscreen\n")),
        fires("duplicate_service", None, Some("smtps inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\nsubmissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")),
        fires("duplicate_service", None, Some("127.0.0.1:smtp inet n - y - - smtpd\n[127.0.0.1]:25 inet n - y - - smtpd\n")),
        quiet("duplicate_service", None, Some("smtp inet n - y - - smtpd\nsmtp unix - - y - - smtp\n")),
        quiet("duplicate_service", None, Some("127.0.0.1:smtp inet n - y - - smtpd\n127.0.0.2:smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\nsubmissions inet n - y - - smtpd\n")),
        quiet("duplicate_parameter", Some("smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n"), None),
        fires("unknown_parameter", Some("smtpd_tls_securty_level = may\n"), None),
        quiet(
            "unknown_parameter",
            Some("mua_client_restrictions = permit_sasl_authenticated, reject\nrelay_destination_concurrency_limit = 1\n"),
            Some("relay unix - - n - - smtp\nsubmission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n"),
        ),
        fires("undefined_reference", Some("compatibility_level = 3.7\n"), Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n")),
        fires("undefined_reference", Some("smtpd_banner = $myhostname ESMTP $mail_nam\n"), None),
        quiet("undefined_reference", Some("mua_client_restrictions = permit_sasl_authenticated, reject\nsmtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"), Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n  -o syslog_name=postfix/$service_name\n")),
        quiet("undefined_reference", None, Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n")),
        fires("parameter_not_in_version", Some("tls_ffdhe_auto_groups = ffdhe3072\n"), None).on("3.7"),
        quiet("parameter_not_in_version", Some("tls_ffdhe_auto_groups = ffdhe3072\n"), None).on("3.8"),
        // RHEL 9's 3.5.25 knows it (3.5.20 and later): not "too new", only a patch-release hint.
        quiet("parameter_not_in_version", Some("tls_config_file = none\n"), None).on("3.5"),
        fires("parameter_not_in_version", Some("tls_config_file = none\n"), None).on("3.4"),
        fires("parameter_renamed", Some("postscreen_dnsbl_ttl = 1h\n"), None).on("3.7"),
        quiet("parameter_renamed", Some("postscreen_dnsbl_max_ttl = 1h\n"), None).on("3.7"),
        quiet("parameter_renamed", Some("postscreen_blacklist_action = drop\n"), None).on("3.5"),
        fires("parameter_needs_patch_release", Some("tls_config_file = none\n"), None).on("3.5"),
        fires("parameter_needs_patch_release", Some("tls_config_name = postfix\n"), None).on("3.8"),
        quiet("parameter_needs_patch_release", Some("tls_config_file = none\n"), None).on("3.9"),
        fires("invalid_value", Some("smtpd_tls_auth_only = ja\n"), None),
        fires("invalid_value", Some("smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destinaton\n"), None),
        fires("invalid_value", Some("smtpd_tls_protocols = >=TLSv1.4\n"), None),
        // Checked with Postfix 3.7.11: the SASL implementation name only exactly (`Dovecot`
        // stops the SASL services), the security options in any case, protocol numbers
        // only as a bound (`!0x0301` disables TLS).
        fires("invalid_value", Some("smtpd_sasl_type = Dovecot\n"), None),
        quiet("invalid_value", Some("smtpd_sasl_type = dovecot\nsmtpd_sasl_security_options = NoAnonymous, noplaintext\n"), None),
        fires("invalid_value", Some("smtpd_tls_protocols = !0x0301\n"), None),
        quiet("invalid_value", Some("smtpd_tls_protocols = >=0303, <=0305\nsmtp_tls_protocols = >=301\n"), None),
        quiet(
            "invalid_value",
            Some("smtpd_tls_auth_only = YES\nsmtpd_relay_restrictions = permit_mynetworks, check_policy_service unix:private/policy, reject_unauth_destination\nsmtpd_tls_protocols = >=TLSv1.2\nmilter_macro_daemon_name = ORIGINATING\n"),
            None,
        ),
        fires("unknown_service", None, Some("Übermittlung inet n - n - - smtpd\n")),
        fires("unknown_service", None, Some("submission inte n - n - - smtpd\n")),
        quiet("unknown_service", None, Some("127.0.0.1:10025 inet n - n - - smtpd\nsubmission inet n - n - - smtpd\n")),
        fires("mx_requires_tls", Some("smtpd_tls_security_level = encrypt\n"), None),
        fires("mx_requires_tls", Some(CERT), Some("smtp inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n")),
        fires("mx_requires_tls", Some("smtpd_tls_security_level = encrypt\n"), Some(SUBMISSION)),
        quiet("mx_requires_tls", Some("smtpd_tls_security_level = encrypt\n"), None).role(Relay),
        quiet("mx_requires_tls", Some("smtpd_tls_security_level = may\n"), Some(SUBMISSION)),
        fires("invalid_server_tls_level", Some("smtpd_tls_security_level = dane\n"), None),
        fires("invalid_server_tls_level", Some("smtpd_tls_security_level = verify\n"), None).role(Relay),
        quiet("invalid_server_tls_level", Some("smtpd_tls_security_level = may\nsmtp_tls_security_level = dane\nsmtp_dns_support_level = dnssec\n"), None),
        fires("tls_without_certificate", Some("smtpd_tls_security_level = may\n"), None),
        quiet("tls_without_certificate", Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n"), None),
        quiet("tls_without_certificate", None, Some(SUBMISSION)),
        fires("client_cert_required_without_encrypt", Some("smtpd_tls_security_level = may\nsmtpd_tls_req_ccert = yes\n"), None),
        quiet("client_cert_required_without_encrypt", None, Some("relay inet n - y - - smtpd\n  -o smtpd_tls_req_ccert=yes\n")),
        quiet("client_cert_required_without_encrypt", Some("smtpd_tls_security_level = may\n"), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_tls_req_ccert=yes\n")),
        fires("port25_tls_floor_too_strict", Some("smtpd_tls_protocols = >=TLSv1.2\n"), None),
        fires("port25_tls_floor_too_strict", Some("smtpd_tls_ciphers = high\n"), None),
        quiet("port25_tls_floor_too_strict", Some("smtpd_tls_protocols = !SSLv2, !SSLv3\n"), Some("smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_tls_protocols=>=TLSv1.2\n")),
        fires("client_cert_relay_with_public_ca", Some("smtpd_relay_restrictions = permit_mynetworks, permit_tls_all_clientcerts, reject_unauth_destination\nsmtpd_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n"), None),
        quiet("client_cert_relay_with_public_ca", Some("smtpd_relay_restrictions = permit_mynetworks, permit_tls_all_clientcerts, reject_unauth_destination\nsmtpd_tls_CAfile = /etc/postfix/clients-ca.pem\n"), None),
        fires("chain_files_unsupported", Some(CERT), None).on("3.3"),
        quiet("chain_files_unsupported", Some(CERT), None).on("3.4"),
        fires("chain_files_overrides_legacy", Some("smtpd_tls_chain_files = /etc/postfix/combined.pem\nsmtpd_tls_cert_file = /etc/postfix/cert.pem\n"), None),
        quiet("chain_files_overrides_legacy", Some(CERT), None),
        fires("certificate_key_swapped", Some("smtpd_tls_cert_file = /etc/letsencrypt/live/mx/privkey.pem\nsmtpd_tls_key_file = /etc/letsencrypt/live/mx/fullchain.pem\n"), None),
        fires("certificate_key_swapped", Some("smtpd_tls_cert_file = /etc/ssl/mx.pem\nsmtpd_tls_key_file = /etc/ssl/mx.crt\n"), None),
        quiet("certificate_key_swapped", Some("smtpd_tls_cert_file = /etc/letsencrypt/live/mx/fullchain.pem\nsmtpd_tls_key_file = /etc/letsencrypt/live/mx/privkey.pem\n"), None),
        quiet("certificate_key_swapped", Some("smtpd_tls_cert_file = /etc/ssl/mx-key+cert.pem\nsmtpd_tls_key_file = $smtpd_tls_cert_file\n"), None),
        // One file as both: it holds key and chain, whatever its name.
        quiet("certificate_key_swapped", Some("smtpd_tls_cert_file = /etc/postfix/tls/rsa-fullchain.pem\nsmtpd_tls_key_file = /etc/postfix/tls/rsa-fullchain.pem\n"), None),
        fires("chain_files_key_not_first", Some("smtpd_tls_chain_files = /etc/letsencrypt/live/mx/fullchain.pem, /etc/letsencrypt/live/mx/privkey.pem\n"), None),
        fires("chain_files_key_not_first", Some("smtpd_tls_chain_files = /etc/ssl/mx.crt, /etc/ssl/mx.key\n"), None),
        // A lone certificate-named file may hold the key too (key first): no finding.
        quiet("chain_files_key_not_first", Some("smtpd_tls_chain_files = /etc/postfix/tls/rsa-fullchain.pem\n"), None),
        quiet("chain_files_key_not_first", Some("smtpd_tls_chain_files = /etc/letsencrypt/live/mx/privkey.pem, /etc/letsencrypt/live/mx/fullchain.pem\n"), None),
        quiet("chain_files_key_not_first", Some(CERT), None),
        quiet("chain_files_separate_key", Some(CERT), None),
        fires("untrusted_certificate_on_submission", Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = may\n"), Some(SUBMISSION)),
        quiet("untrusted_certificate_on_submission", Some(CERT), Some(SUBMISSION)),
        fires("self_signed_certificate_on_mx", Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = may\n"), None),
        quiet("self_signed_certificate_on_mx", Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = none\n"), None),
        // A null client meets no MTA-STS sender (tests/postfix FINDINGS L-b).
        quiet("self_signed_certificate_on_mx", Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = may\n"), None).role(Role::NullClient),
        // Fingerprints with an MD5 digest: written, the old default, a low compatibility level,
        // or (unknown level) a hint; SHA-256 or a level of 3.6 is quiet.
        fires("fingerprint_digest_md5", Some("smtp_tls_security_level = fingerprint\nsmtp_tls_fingerprint_digest = md5\n"), None),
        fires("fingerprint_digest_md5", Some("smtpd_relay_restrictions = permit_tls_clientcerts, reject_unauth_destination\n"), None).on("3.5"),
        fires("fingerprint_digest_md5", Some("compatibility_level = 2\nrelay_clientcerts = hash:/etc/postfix/relay_clientcerts\n"), None),
        fires("fingerprint_digest_md5", Some("smtp_tls_fingerprint_cert_match = 3D:95:34:51\n"), None),
        fires("fingerprint_digest_md5", None, Some("relay unix - - n - - smtp\n  -o smtp_tls_security_level=fingerprint\n")),
        quiet("fingerprint_digest_md5", Some("smtp_tls_security_level = fingerprint\nsmtp_tls_fingerprint_digest = sha256\n"), None).on("3.5"),
        quiet("fingerprint_digest_md5", Some("compatibility_level = 3.6\nsmtpd_client_restrictions = check_ccert_access hash:/etc/postfix/ccerts\n"), None),
        quiet("fingerprint_digest_md5", Some("smtp_tls_fingerprint_digest = md5\nsmtp_tls_security_level = may\n"), None),
        fires("submissions_name_unresolvable", None, Some("submissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")).on("3.5"),
        quiet("submissions_name_unresolvable", None, Some("submissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")).on("3.6"),
        fires("wrappermode_in_main_cf", Some("smtpd_tls_wrappermode = yes\n"), None),
        quiet("wrappermode_in_main_cf", Some("smtpd_tls_wrappermode = no\n"), None),
        fires("level_ignored_with_wrappermode", None, Some("smtps inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_tls_security_level=encrypt\n")),
        fires("wrappermode_on_submission", None, Some("submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n#submissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")),
        quiet("wrappermode_on_submission", None, Some("submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n#submissions inet n - y - - smtpd\n#  -o smtpd_tls_wrappermode=yes\n")),
        quiet("level_ignored_with_wrappermode", None, Some(SUBMISSION)),
        fires("sasl_over_cleartext", Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=may\n  -o smtpd_sasl_auth_enable=yes\n")),
        quiet("sasl_over_cleartext", Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=may\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_tls_auth_only=yes\n")),
        quiet("sasl_over_cleartext", Some(CERT), Some(SUBMISSION)),
        quiet("sasl_over_cleartext", None, Some("submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n")),
        fires("sasl_on_port_25", Some("smtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\n"), None),
        quiet("sasl_on_port_25", Some("smtpd_sasl_type = dovecot\n"), Some(SUBMISSION)),
        fires("no_relay_protection", Some("smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated\n"), None),
        quiet("no_relay_protection", Some("smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated\nsmtpd_recipient_restrictions = reject_unauth_destination\n"), None),
        // A whole main.cf without compatibility_level is at level 0: the relay restrictions
        // are empty and smtpd stops (Postfix 3.7.11, Oefenweb's ansible-postfix main.cf).
        fires("no_relay_protection", Some("myhostname = mail.example.org\nmydestination = $myhostname, localhost\n"), None),
        quiet("no_relay_protection", Some("compatibility_level = 2\nmyhostname = mail.example.org\nmydestination = $myhostname, localhost\n"), None),
        quiet("no_relay_protection", Some("myhostname = mail.example.org\nsmtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n"), None),
        // Before 3.0 there is no level: 2.11's default ends with defer_unauth_destination.
        quiet("no_relay_protection", Some("myhostname = mail.example.org\nmydestination = $myhostname, localhost\n"), None).on("2.11"),
        // A TLS snippet leaves the level to the file it goes into.
        quiet("no_relay_protection", Some("smtpd_tls_security_level = may\n"), None),
        fires("submission_not_restricted", Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination\n")),
        quiet("submission_not_restricted", Some(CERT), Some(SUBMISSION)),
        fires("no_implicit_tls_submission", None, Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n")),
        quiet("no_implicit_tls_submission", None, Some(SUBMISSION)),
        fires("outbound_tls_mandatory_for_internet", Some("smtp_tls_security_level = encrypt\n"), None),
        quiet("outbound_tls_mandatory_for_internet", Some("smtp_tls_security_level = encrypt\nrelayhost = [smtp.example.net]:587\n"), None),
        fires("dane_without_dnssec", Some("smtp_tls_security_level = dane\n"), None),
        quiet("dane_without_dnssec", Some("smtp_tls_security_level = dane\nsmtp_dns_support_level = dnssec\n"), None),
        fires("verify_without_ca", Some("smtp_tls_security_level = secure\nrelayhost = [smtp.example.net]\n"), None),
        quiet("verify_without_ca", Some("smtp_tls_security_level = secure\nrelayhost = [smtp.example.net]\nsmtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n"), None),
        fires("ca_file_is_own_certificate", Some("smtp_tls_CAfile = /etc/letsencrypt/live/mx.example.org/chain.pem\n"), None),
        quiet("ca_file_is_own_certificate", Some("smtpd_tls_cert_file =\nsmtp_tls_CAfile =\n"), None),
        quiet("ca_file_is_own_certificate", Some("smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n"), None),
        fires("smtp_wrappermode_below_encrypt", Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = may\n"), None),
        fires("relayhost_implicit_tls_without_wrappermode", Some("relayhost = [smtp.example.net]:465\nsmtp_tls_security_level = encrypt\n"), None),
        fires("relayhost_implicit_tls_without_wrappermode", Some("relayhost = [smtp.example.net]:smtps\n"), Some("smtp unix - - y - - smtp\nrelay unix - - y - - smtp\n  -o smtp_tls_wrappermode=yes\n")),
        quiet("relayhost_implicit_tls_without_wrappermode", Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = encrypt\n"), None),
        quiet("relayhost_implicit_tls_without_wrappermode", Some("relayhost = [smtp.example.net]:587\nsmtp_tls_security_level = encrypt\n"), None),
        quiet("smtp_wrappermode_below_encrypt", Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = encrypt\n"), None),
        // Real Postfix 3.7 refuses wrapper mode at `dane` (tests/postfix FINDINGS F5, L-a).
        fires("smtp_wrappermode_below_encrypt", Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = dane\nsmtp_dns_support_level = dnssec\n"), None),
        fires("outbound_tls_disabled", Some("myhostname = mx.example.org\n"), None).on("3.10"),
        fires("outbound_tls_disabled", Some("smtp_tls_security_level = none\ncompatibility_level = 3.11\n"), None),
        quiet("outbound_tls_disabled", Some("compatibility_level = 3.11\n"), None),
        quiet("outbound_tls_disabled", Some("smtp_tls_security_level = may\n"), None).on("3.7"),
        fires("deprecated_tls_switch", Some("smtpd_use_tls = yes\n"), None),
        quiet("deprecated_tls_switch", Some("smtpd_use_tls = yes\n"), None).on("2.2"),
        fires("deprecated_tls_switch", Some("disable_dns_lookups = yes\n"), None).on("2.11"),
        quiet("deprecated_tls_switch", Some("disable_dns_lookups = yes\n"), None).on("2.10"),
        fires("dh_param_file_deprecated", Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.9"),
        quiet("dh_param_file_deprecated", Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.6"),
        fires("dh512_param_file_ignored", Some("smtpd_tls_dh512_param_file = /etc/postfix/dh512.pem\n"), None),
        quiet("dh512_param_file_ignored", Some("smtpd_tls_dh512_param_file =\n"), None),
        fires("eecdh_grade_ignored", Some("smtpd_tls_eecdh_grade = strong\n"), None).on("3.6"),
        quiet("eecdh_grade_ignored", Some("smtpd_tls_eecdh_grade = strong\n"), None).on("3.5"),
        fires("weak_cipher_grade", Some("smtp_tls_ciphers = export\n"), None),
        fires("weak_cipher_grade", Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n"), None).on("3.0"),
        quiet("weak_cipher_grade", Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n"), None).on("3.1"),
        quiet("weak_cipher_grade", Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\nsmtpd_tls_exclude_ciphers = aNULL, EXPORT\n"), None).on("3.0"),
        fires("protocol_range_unsupported", Some("smtp_tls_protocols = >=TLSv1.2\n"), None).on("3.5"),
        quiet("protocol_range_unsupported", Some("smtp_tls_protocols = >=TLSv1.2\n"), None).on("3.6"),
        fires("protocol_exclusions_not_contiguous", Some("smtp_tls_protocols = !SSLv2, !SSLv3, !TLSv1.1\n"), None),
        quiet("protocol_exclusions_not_contiguous", Some("smtp_tls_protocols = !SSLv2, !SSLv3, !TLSv1, !TLSv1.1\n"), None),
        fires("tlsv13_name_unsupported", Some("smtp_tls_protocols = !SSLv2, !TLSv1.3\n"), None).on("3.3"),
        quiet("tlsv13_name_unsupported", Some("smtp_tls_protocols = !SSLv2, !TLSv1.3\n"), None).on("3.4"),
        fires("mandatory_only_while_opportunistic", Some("smtp_tls_security_level = may\nsmtp_tls_mandatory_protocols = >=TLSv1.2\n"), None),
        quiet("mandatory_only_while_opportunistic", Some("smtp_tls_security_level = may\nsmtp_tls_mandatory_protocols = >=TLSv1.2\nsmtp_tls_protocols = >=TLSv1.2\n"), None),
        fires("cipherlist_overridden", Some("tls_high_cipherlist = ECDHE+AESGCM\n"), None),
        quiet("cipherlist_overridden", Some("smtpd_tls_exclude_ciphers = aNULL, RC4\n"), None),
        fires("cipherlist_empty", Some("tls_high_cipherlist =\n"), None),
        quiet("cipherlist_empty", Some("tls_high_cipherlist = ECDHE+AESGCM\n"), None),
        // Postfix 3.10 ships these two empty itself.
        quiet("cipherlist_empty", Some("tls_low_cipherlist =\n"), None).on("3.10"),
        fires("cipherlist_empty", Some("tls_low_cipherlist =\n"), None).on("3.7"),
        fires("preempt_cipherlist", Some("tls_preempt_cipherlist = yes\n"), None),
        quiet("preempt_cipherlist", Some("tls_preempt_cipherlist = no\n"), None),
        fires("dh_parameters_too_small", Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh1024.pem\n"), None).on("3.5"),
        quiet("dh_parameters_too_small", Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.5"),
        fires("postscreen_without_tlsproxy", Some("smtpd_tls_security_level = may\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n")),
        fires("postscreen_without_tlsproxy", Some("smtpd_tls_security_level = may\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\ntlsproxy unix - - y - - tlsproxy\n")),
        quiet("postscreen_without_tlsproxy", Some("smtpd_tls_security_level = may\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\ntlsproxy unix - - y - 0 tlsproxy\n")),
        quiet("postscreen_without_tlsproxy", Some("smtpd_tls_security_level = none\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n")),
        fires("client_session_hidden_on_port_25", Some("smtpd_hide_client_session = yes\n"), None),
        quiet("client_session_hidden_on_port_25", None, Some("submission inet n - y - - smtpd\n  -o smtpd_hide_client_session=yes\n")),
        fires("pq_key_share_first", Some("tls_eecdh_auto_curves = X25519MLKEM768 X25519 prime256v1\n"), None),
        quiet("pq_key_share_first", Some("tls_eecdh_auto_curves = X25519 ?X25519MLKEM768 prime256v1\n"), None),
        fires("berkeley_db_table", Some("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n"), None),
        fires("berkeley_db_table", Some("smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"), None),
        fires("berkeley_db_table", None, Some("relay unix - - n - - smtp\n  -o smtp_sasl_password_maps=hash:/etc/postfix/relay_passwd\n")),
        quiet("berkeley_db_table", Some("smtp_sasl_password_maps = lmdb:/etc/postfix/sasl_passwd\n"), None),
        quiet("berkeley_db_table", Some("smtp_tls_session_cache_database = ${default_cache_db_type}:${data_directory}/smtp_scache\n"), None),
        quiet("berkeley_db_table", Some("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n"), None).on("3.10"),
        fires("server_session_cache_unneeded", Some("smtpd_tls_session_cache_database = btree:${data_directory}/smtpd_scache\n"), None),
        quiet("server_session_cache_unneeded", Some("smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"), None),
        quiet("server_session_cache_unneeded", Some("smtpd_tls_session_cache_database = btree:${data_directory}/smtpd_scache\n"), None).on("2.10"),
        fires("mx_without_tls", Some("smtpd_tls_security_level = none\n"), None),
        fires("mx_without_tls", Some("smtpd_use_tls = no\n"), None).on("2.2"),
        fires("mx_without_tls", Some(CERT), Some("smtp inet n - y - - smtpd\n  -o smtpd_tls_security_level=none\n")),
        quiet("mx_without_tls", Some("smtpd_tls_security_level = none\n"), None).role(Relay),
        quiet("mx_without_tls", Some("smtpd_tls_security_level = may\n"), None),
        quiet("mx_without_tls", Some("myhostname = mx.example.org\n"), None),
        fires("relay_password_over_optional_tls", Some("relayhost = [smtp.example.net]:587\nsmtp_sasl_auth_enable = yes\nsmtp_tls_security_level = may\n"), None),
        fires("relay_password_over_optional_tls", Some("relayhost = [smtp.example.net]:587\nsmtp_sasl_auth_enable = yes\n"), None),
        quiet("relay_password_over_optional_tls", Some("relayhost = [smtp.example.net]:587\nsmtp_sasl_auth_enable = yes\nsmtp_tls_security_level = encrypt\n"), None),
        quiet("relay_password_over_optional_tls", Some("smtp_sasl_auth_enable = yes\nsmtp_tls_security_level = may\n"), None),
        fires("series_end_of_life", Some("myhostname = mx\n"), None).on("3.4").openssl(OpensslVersion::V1_1_1),
        fires("series_end_of_life", None, None).on("2.10").openssl(OpensslVersion::V1_0_2),
        quiet("series_end_of_life", None, None).on("3.7").openssl(OpensslVersion::V3_0),
        quiet("series_end_of_life", None, None).on("3.8"),
        fires("series_patched_by_distribution", None, None).on("3.7").openssl(OpensslVersion::V3_0),
        fires("series_patched_by_distribution", None, None).on("3.5").openssl(OpensslVersion::V3_0),
        quiet("series_patched_by_distribution", None, None).on("3.4").openssl(OpensslVersion::V1_1_1),
        quiet("series_patched_by_distribution", None, None),
        fires("unlikely_version_pair", None, None).on("2.10").openssl(OpensslVersion::V3_0),
        fires("unlikely_version_pair", None, None).on("3.7").openssl(OpensslVersion::V3_5),
        quiet("unlikely_version_pair", None, None).on("2.10").openssl(OpensslVersion::V1_0_2),
        quiet("unlikely_version_pair", None, None).on("3.5").openssl(OpensslVersion::V3_0),
        quiet("unlikely_version_pair", None, None).on("3.10"),
        // Debian sid's real pair (its root in the Postfix suite).
        quiet("unlikely_version_pair", None, None).on("3.11").openssl(OpensslVersion::V3_6),
        fires("chain_files_separate_key", Some("smtpd_tls_chain_files = /etc/ssl/private/mx.key, /etc/ssl/certs/mx-fullchain.pem\n"), None),
        quiet("chain_files_separate_key", Some("smtpd_tls_chain_files = /etc/letsencrypt/live/mx.example.org/privkey.pem, /etc/letsencrypt/live/mx.example.org/fullchain.pem\n"), None),
        fires("tls_debug_loglevel", Some("smtpd_tls_loglevel = 3\n"), None),
        quiet("tls_debug_loglevel", Some("smtpd_tls_loglevel = 1\n"), None),
    ]
}

fn run(case: &Case) -> Vec<Diagnostic> {
    let ctx = LintContext {
        postfix: PostfixVersion::parse(case.postfix).expect("fixture version"),
        openssl: case.openssl,
        role: case.role,
    };
    let main = case.main.map(parse_main);
    let master = case.master.map(parse_master);
    lint(main.as_ref(), master.as_ref(), &ctx)
}

#[test]
fn every_fixture_fires_or_stays_quiet() {
    let mut failures = Vec::new();
    for case in cases() {
        let found = run(&case);
        let fired = found.iter().any(|d| d.id == case.id);
        if fired != case.fires {
            failures.push(format!(
                "{} should {}fire on {:?} / {:?} ({}): got {:?}",
                case.id,
                if case.fires { "" } else { "not " },
                case.main,
                case.master,
                case.postfix,
                found.iter().map(|d| d.id).collect::<Vec<_>>()
            ));
        }
        for d in &found {
            assert!(
                d.line.is_some() || LINELESS.contains(&d.id),
                "{} without a line",
                d.id
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_fixtures_both_ways() {
    let cases = cases();
    for rule in RULES {
        if GENERATOR_ONLY.contains(&rule.id) {
            continue;
        }
        assert!(
            cases.iter().any(|c| c.id == rule.id && c.fires),
            "no firing fixture for {}",
            rule.id
        );
        assert!(
            cases.iter().any(|c| c.id == rule.id && !c.fires),
            "no quiet fixture for {}",
            rule.id
        );
    }
    for case in &cases {
        assert!(
            RULES.iter().any(|r| r.id == case.id),
            "fixture for unknown rule {}",
            case.id
        );
    }
}

#[test]
fn generator_only_rules_never_come_from_files() {
    for case in cases() {
        for d in run(&case) {
            assert!(!GENERATOR_ONLY.contains(&d.id), "{} came from a file", d.id);
        }
    }
}

#[test]
fn findings_carry_the_rule_severity_unless_the_rule_says_otherwise() {
    // Rules whose severity depends on the finding (documented in their `what`).
    let graded = [
        "invalid_server_tls_level",
        "unknown_service",
        "dh_param_file_deprecated",
        "fingerprint_digest_md5",
    ];
    for case in cases() {
        for d in run(&case) {
            let rule = RULES
                .iter()
                .find(|r| r.id == d.id)
                .expect("emitted id is in RULES");
            if !graded.contains(&d.id) {
                assert_eq!(d.severity, rule.severity, "{}", d.id);
            }
            assert_eq!(d.topic, rule.topic, "{}", d.id);
        }
    }
}

#[test]
fn severities_grade_as_documented() {
    let at = |main: &str, role: Role, postfix: &str| {
        let parsed = parse_main(main);
        let ctx = LintContext {
            postfix: PostfixVersion::parse(postfix).expect("version"),
            openssl: OpensslVersion::V3_0,
            role,
        };
        lint(Some(&parsed), None, &ctx)
    };
    let level = |found: Vec<Diagnostic>, id: &str| {
        found.into_iter().find(|d| d.id == id).map(|d| d.severity)
    };
    assert_eq!(
        level(
            at("smtpd_tls_security_level = dane\n", Role::Relay, "3.11"),
            "invalid_server_tls_level"
        ),
        Some(Severity::Error)
    );
    assert_eq!(
        level(
            at("smtpd_tls_security_level = secure\n", Role::Relay, "3.11"),
            "invalid_server_tls_level"
        ),
        Some(Severity::Warning)
    );
    assert_eq!(
        level(
            at(
                "smtpd_tls_dh1024_param_file = /x/dh2048.pem\n",
                Role::Relay,
                "3.9"
            ),
            "dh_param_file_deprecated"
        ),
        Some(Severity::Warning)
    );
    assert_eq!(
        level(
            at(
                "smtpd_tls_dh1024_param_file = /x/dh2048.pem\n",
                Role::Relay,
                "3.7"
            ),
            "dh_param_file_deprecated"
        ),
        Some(Severity::Info)
    );
}

#[test]
fn backported_parameters_name_the_patch_release() {
    let config = "tls_config_file = none\n";
    let too_new = run(&fires("parameter_not_in_version", Some(config), None).on("3.4"));
    let d = too_new
        .iter()
        .find(|d| d.id == "parameter_not_in_version")
        .expect("3.4 does not know tls_config_file");
    assert!(d.message.en.contains("Postfix 3.5.20"), "{}", d.message.en);
    let hint = run(&fires("parameter_needs_patch_release", Some(config), None).on("3.6"));
    let d = hint
        .iter()
        .find(|d| d.id == "parameter_needs_patch_release")
        .expect("3.6 knows it from 3.6.10");
    assert!(d.message.en.contains("Postfix 3.6.10"), "{}", d.message.en);
    assert!(d.message.de.contains("Postfix 3.6.10"), "{}", d.message.de);
}

#[test]
fn translated_encrypt_outbound_suggests_may_first_and_says_what_encrypt_does() {
    let found = run(&fires(
        "invalid_value",
        Some("smtp_tls_security_level = verschlüsseln\n"),
        None,
    ));
    let d = found
        .iter()
        .find(|d| d.id == "invalid_value")
        .expect("verschlüsseln is no level");
    assert!(d.help.en.starts_with("use `may`"), "{}", d.help.en);
    assert!(d
        .help
        .en
        .contains("`encrypt` defers mail to every server without TLS"));
    assert!(d.help.de.starts_with("`may` verwenden"), "{}", d.help.de);
    // On the server side `encrypt` is what the word says, and another rule judges port 25.
    let found = run(&fires(
        "invalid_value",
        Some("smtpd_tls_security_level = verschlüsseln\n"),
        None,
    ));
    let d = found
        .iter()
        .find(|d| d.id == "invalid_value")
        .expect("invalid");
    assert_eq!(d.help.en, "use `encrypt`");
}
