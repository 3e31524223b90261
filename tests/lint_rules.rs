//! Every rule has a fixture that fires it and one that does not; the table must cover every
//! entry of `RULES`, so a new rule without fixtures fails here.

use postfix_tls::config::{parse_main, parse_master};
use postfix_tls::diagnostic::{Diagnostic, FileKind, Severity};
use postfix_tls::lang::Lang;
use postfix_tls::options::Role;
use postfix_tls::rules::RuleId;
use postfix_tls::rules::{lint, rule, LintContext, RULES};
use postfix_tls::version::{OpensslVersion, PostfixVersion};

mod untouched;

/// One fixture: the rule, whether it must fire, the files, the version and the role.
struct Case {
    id: RuleId,
    fires: bool,
    main: Option<&'static str>,
    master: Option<&'static str>,
    postfix: &'static str,
    openssl: OpensslVersion,
    role: Role,
}

const fn fires(id: RuleId, main: Option<&'static str>, master: Option<&'static str>) -> Case {
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

const fn quiet(id: RuleId, main: Option<&'static str>, master: Option<&'static str>) -> Case {
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
const GENERATOR_ONLY: &[RuleId] = &[
    RuleId::OptionValueRejected,
    RuleId::OptionUnavailable,
    RuleId::ScannerCleanTradeoff,
    RuleId::EncryptChosenOnMx,
];

/// Rules about something not written on one line: an unset parameter, or the versions.
const LINELESS: &[RuleId] = &[
    // Findings about a setting that is missing (no compatibility_level, no level at all).
    RuleId::NoRelayProtection,
    RuleId::OutboundTlsDisabled,
    RuleId::SeriesEndOfLife,
    RuleId::SeriesPatchedByDistribution,
    RuleId::UnlikelyVersionPair,
];

/// A whole master.cf (it runs the queue manager) with port 25 and no policy service.
const WHOLE_MASTER: &str = "smtp inet n - y - - smtpd\nqmgr unix n - n 300 1 qmgr\n";
const CERT: &str = "smtpd_tls_chain_files = /etc/letsencrypt/live/mx.example.org/combined.pem\n";
/// A whole master.cf (the queue manager and the services Postfix needs) without port 25.
const WHOLE_WITHOUT_25: &str = "1025 inet n - y - - smtpd
pickup unix n - y 60 1 pickup
cleanup unix n - y - 0 cleanup
qmgr unix n - n 300 1 qmgr
smtp unix - - y - - smtp
";
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
        fires(RuleId::MalformedLine, Some("/etc/postfix/main.cf\na = b\n"), None),
        fires(RuleId::MalformedLine, None, Some("smtps inet n - n - - smtpd\n-o smtpd_tls_wrappermode=yes\n")),
        fires(RuleId::MalformedLine, None, Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit_sasl_authenticated, reject\n")),
        quiet(RuleId::MalformedLine, None, Some("submission inet n - y - - smtpd\n  -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }\n")),
        fires(RuleId::MalformedLine, None, Some("smtp inet n - yes - - smtpd\n")),
        quiet(RuleId::MalformedLine, None, Some("smtp inet n - y - - smtpd\npickup unix n - y 60? 1 pickup\n")),
        // The command left out (bertvv/ansible-role-mailserver): Postfix 3.5.25 starts, then
        // "master_spawn: exec /usr/lib/postfix/sbin/-o: No such file or directory".
        fires(RuleId::MalformedLine, None, Some("smtp inet n - n - - -o content_filter=spamassassin\n")),
        quiet(RuleId::MalformedLine, Some("# /etc/postfix/main.cf\nmyhostname = mx\n"), None),
        quiet(RuleId::MalformedLine, None, Some("spamassassin unix - n n - - pipe\n  user=debian-spamd argv=/usr/bin/spamc -f -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}\n")),
        // smtp(8) and lmtp(8) never read a word after their options: harmless, but not applied.
        quiet(RuleId::MalformedLine, None, Some("lmtp unix - - n - - lmtp flags=O\n")),
        fires(RuleId::IgnoredServiceArgument, None, Some("lmtp unix - - n - - lmtp flags=O\n")),
        quiet(RuleId::IgnoredServiceArgument, None, Some("lmtp unix - - n - - lmtp\nsmtpd pass - - y - - smtpd -v\n")),
        quiet(RuleId::IgnoredServiceArgument, None, Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit_sasl_authenticated, reject\n")),
        fires(RuleId::ValueHasComment, Some("smtpd_tls_security_level = may # optional\n"), None),
        quiet(RuleId::ValueHasComment, Some("# optional\nsmtpd_tls_security_level = may\n"), None),
        fires(RuleId::DuplicateParameter, Some("smtpd_tls_loglevel = 1\nsmtpd_tls_loglevel = 2\n"), None),
        fires(RuleId::DuplicateService, None, Some("smtp inet n - y - - smtpd\npickup unix n - y 60 1 pickup\nsmtp inet n - y - 1 postscreen\n")),
        fires(RuleId::DuplicateService, None, Some("smtps inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\nsubmissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")),
        fires(RuleId::DuplicateService, None, Some("127.0.0.1:smtp inet n - y - - smtpd\n[127.0.0.1]:25 inet n - y - - smtpd\n")),
        quiet(RuleId::DuplicateService, None, Some("smtp inet n - y - - smtpd\nsmtp unix - - y - - smtp\n")),
        quiet(RuleId::DuplicateService, None, Some("127.0.0.1:smtp inet n - y - - smtpd\n127.0.0.2:smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\nsubmissions inet n - y - - smtpd\n")),
        quiet(RuleId::DuplicateParameter, Some("smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 1\n"), None),
        fires(RuleId::UnknownParameter, Some("smtpd_tls_securty_level = may\n"), None),
        // A main.cf without its master.cf: any service's per-transport names may be meant
        // (Proxmox Mail Gateway's main.cf; the Dovecot LDA's recipient limit).
        quiet(RuleId::UnknownParameter, Some("smtp_destination_concurrency_limit = 20\ndovecot_destination_recipient_limit = 1\n"), None),
        fires(RuleId::UnknownParameter, Some("dovecot_destination_recipient_limit = 1\n"), Some("smtp unix - - n - - smtp\n")),
        fires(RuleId::UnknownParameter, Some("relay_transprot = smtp\n"), None),
        quiet(
            RuleId::UnknownParameter,
            Some("mua_client_restrictions = permit_sasl_authenticated, reject\nrelay_destination_concurrency_limit = 1\n"),
            Some("relay unix - - n - - smtp\nsubmission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n"),
        ),
        fires(RuleId::UndefinedReference, Some("compatibility_level = 3.7\n"), Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n")),
        fires(RuleId::UndefinedReference, Some("smtpd_banner = $myhostname ESMTP $mail_nam\n"), None),
        quiet(RuleId::UndefinedReference, Some("mua_client_restrictions = permit_sasl_authenticated, reject\nsmtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"), Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n  -o syslog_name=postfix/$service_name\n")),
        quiet(RuleId::UndefinedReference, None, Some("submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n")),
        // Discourse's mail-receiver (tests/realworld): its `policy` service removed, main.cf still
        // asking it. Postfix 3.7.11 answered RCPT TO with 451 4.3.5 (tests/postfix/FINDINGS.md).
        fires(RuleId::PolicyServiceMissing, Some("smtpd_recipient_restrictions = check_policy_service unix:private/policy\n"), Some(WHOLE_MASTER)),
        fires(RuleId::PolicyServiceMissing, Some("smtpd_recipient_restrictions = reject_unauth_destination, check_policy_service { unix:private/policyd-spf, timeout=10s }\n"), Some(WHOLE_MASTER)),
        fires(RuleId::PolicyServiceMissing, None, Some("submission inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=check_policy_service,unix:private/quota,reject\nqmgr unix n - n 300 1 qmgr\n")),
        quiet(RuleId::PolicyServiceMissing, Some("smtpd_recipient_restrictions = reject_unauth_destination, check_policy_service unix:private/policyd-spf\n"), Some("smtp inet n - y - - smtpd\nqmgr unix n - n 300 1 qmgr\npolicyd-spf unix - n n - 0 spawn user=nobody argv=/usr/bin/policyd-spf\n")),
        quiet(RuleId::PolicyServiceMissing, Some("smtpd_recipient_restrictions = check_policy_service unix:private/policy\n"), Some("submission inet n - y - - smtpd\n")),
        quiet(RuleId::PolicyServiceMissing, Some("smtpd_recipient_restrictions = check_policy_service inet:127.0.0.1:10023\n"), Some(WHOLE_MASTER)),
        fires(RuleId::ParameterNotInVersion, Some("tls_ffdhe_auto_groups = ffdhe3072\n"), None).on("3.7"),
        quiet(RuleId::ParameterNotInVersion, Some("tls_ffdhe_auto_groups = ffdhe3072\n"), None).on("3.8"),
        // RHEL 9's 3.5.25 knows it (3.5.20 and later): not "too new", only a patch-release hint.
        quiet(RuleId::ParameterNotInVersion, Some("tls_config_file = none\n"), None).on("3.5"),
        fires(RuleId::ParameterNotInVersion, Some("tls_config_file = none\n"), None).on("3.4"),
        fires(RuleId::ParameterRenamed, Some("postscreen_dnsbl_ttl = 1h\n"), None).on("3.7"),
        quiet(RuleId::ParameterRenamed, Some("postscreen_dnsbl_max_ttl = 1h\n"), None).on("3.7"),
        quiet(RuleId::ParameterRenamed, Some("postscreen_blacklist_action = drop\n"), None).on("3.5"),
        fires(RuleId::ParameterNeedsPatchRelease, Some("tls_config_file = none\n"), None).on("3.5"),
        fires(RuleId::ParameterNeedsPatchRelease, Some("tls_config_name = postfix\n"), None).on("3.8"),
        quiet(RuleId::ParameterNeedsPatchRelease, Some("tls_config_file = none\n"), None).on("3.9"),
        fires(RuleId::InvalidValue, Some("smtpd_tls_auth_only = ja\n"), None),
        fires(RuleId::InvalidValue, Some("smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destinaton\n"), None),
        fires(RuleId::InvalidValue, Some("smtpd_tls_protocols = >=TLSv1.4\n"), None),
        // Checked with Postfix 3.7.11: the SASL implementation name only exactly (`Dovecot`
        // stops the SASL services), the security options in any case, protocol numbers
        // only as a bound (`!0x0301` disables TLS).
        fires(RuleId::InvalidValue, Some("smtpd_sasl_type = Dovecot\n"), None),
        quiet(RuleId::InvalidValue, Some("smtpd_sasl_type = dovecot\nsmtpd_sasl_security_options = NoAnonymous, noplaintext\n"), None),
        fires(RuleId::InvalidValue, Some("smtpd_tls_protocols = !0x0301\n"), None),
        quiet(RuleId::InvalidValue, Some("smtpd_tls_protocols = >=0303, <=0305\nsmtp_tls_protocols = >=301\n"), None),
        quiet(
            RuleId::InvalidValue,
            Some("smtpd_tls_auth_only = YES\nsmtpd_relay_restrictions = permit_mynetworks, check_policy_service unix:private/policy, reject_unauth_destination\nsmtpd_tls_protocols = >=TLSv1.2\nmilter_macro_daemon_name = ORIGINATING\n"),
            None,
        ),
        fires(RuleId::UnknownService, None, Some("Übermittlung inet n - n - - smtpd\n")),
        fires(RuleId::UnknownService, None, Some("submission inte n - n - - smtpd\n")),
        quiet(RuleId::UnknownService, None, Some("127.0.0.1:10025 inet n - n - - smtpd\nsubmission inet n - n - - smtpd\n")),
        // A name /etc/services may list is a warning of its own, not the error.
        quiet(RuleId::UnknownService, None, Some("imaps2 inet n - n - - smtpd\n")),
        fires(RuleId::UnlistedServiceName, None, Some("imaps2 inet n - n - - smtpd\n")),
        quiet(RuleId::UnlistedServiceName, None, Some("Übermittlung inet n - n - - smtpd\n127.0.0.1:10025 inet n - n - - smtpd\n")),
        fires(RuleId::MxRequiresTls, Some("smtpd_tls_security_level = encrypt\n"), None),
        fires(RuleId::MxRequiresTls, Some(CERT), Some("smtp inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n")),
        fires(RuleId::MxRequiresTls, Some("smtpd_tls_security_level = encrypt\n"), Some(SUBMISSION)),
        quiet(RuleId::MxRequiresTls, Some("smtpd_tls_security_level = encrypt\n"), None).role(Relay),
        quiet(RuleId::MxRequiresTls, Some("smtpd_tls_security_level = may\n"), Some(SUBMISSION)),
        // A whole master.cf (with its queue manager) that lists no port 25 serves none: DanWin's
        // mail-hosting clearnet proxy (`encrypt` in main.cf, only `1025 inet`; `postconf -M`
        // lists no other). A snippet without port 25 still leaves the stock `smtp inet`.
        quiet(RuleId::MxRequiresTls, Some("smtpd_tls_security_level = encrypt\n"), Some(WHOLE_WITHOUT_25)),
        fires(RuleId::MxRequiresTls, Some("smtpd_tls_security_level = encrypt\n"), Some("1025 inet n - y - - smtpd\n")),
        fires(RuleId::InvalidServerTlsLevel, Some("smtpd_tls_security_level = dane\n"), None),
        quiet(RuleId::InvalidServerTlsLevel, Some("smtpd_tls_security_level = verify\n"), None).role(Relay),
        fires(RuleId::ServerTlsLevelReadAsEncrypt, Some("smtpd_tls_security_level = verify\n"), None).role(Relay),
        fires(RuleId::ServerTlsLevelReadAsEncrypt, None, Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=secure\n")),
        quiet(RuleId::ServerTlsLevelReadAsEncrypt, Some("smtpd_tls_security_level = dane\n"), None),
        quiet(RuleId::InvalidServerTlsLevel, Some("smtpd_tls_security_level = may\nsmtp_tls_security_level = dane\nsmtp_dns_support_level = dnssec\n"), None),
        fires(RuleId::TlsWithoutCertificate, Some("smtpd_tls_security_level = may\n"), None),
        quiet(RuleId::TlsWithoutCertificate, Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n"), None),
        quiet(RuleId::TlsWithoutCertificate, None, Some(SUBMISSION)),
        fires(RuleId::ClientCertRequiredWithoutEncrypt, Some("smtpd_tls_security_level = may\nsmtpd_tls_req_ccert = yes\n"), None),
        quiet(RuleId::ClientCertRequiredWithoutEncrypt, None, Some("relay inet n - y - - smtpd\n  -o smtpd_tls_req_ccert=yes\n")),
        quiet(RuleId::ClientCertRequiredWithoutEncrypt, Some("smtpd_tls_security_level = may\n"), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_tls_req_ccert=yes\n")),
        fires(RuleId::Port25TlsFloorTooStrict, Some("smtpd_tls_protocols = >=TLSv1.2\n"), None),
        fires(RuleId::Port25TlsFloorTooStrict, Some("smtpd_tls_ciphers = high\n"), None),
        quiet(RuleId::Port25TlsFloorTooStrict, Some("smtpd_tls_protocols = !SSLv2, !SSLv3\n"), Some("smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_tls_protocols=>=TLSv1.2\n")),
        fires(RuleId::ClientCertRelayWithPublicCa, Some("smtpd_relay_restrictions = permit_mynetworks, permit_tls_all_clientcerts, reject_unauth_destination\nsmtpd_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n"), None),
        quiet(RuleId::ClientCertRelayWithPublicCa, Some("smtpd_relay_restrictions = permit_mynetworks, permit_tls_all_clientcerts, reject_unauth_destination\nsmtpd_tls_CAfile = /etc/postfix/clients-ca.pem\n"), None),
        fires(RuleId::ChainFilesUnsupported, Some(CERT), None).on("3.3"),
        quiet(RuleId::ChainFilesUnsupported, Some(CERT), None).on("3.4"),
        fires(RuleId::ChainFilesOverridesLegacy, Some("smtpd_tls_chain_files = /etc/postfix/combined.pem\nsmtpd_tls_cert_file = /etc/postfix/cert.pem\n"), None),
        quiet(RuleId::ChainFilesOverridesLegacy, Some(CERT), None),
        fires(RuleId::CertificateKeySwapped, Some("smtpd_tls_cert_file = /etc/letsencrypt/live/mx/privkey.pem\nsmtpd_tls_key_file = /etc/letsencrypt/live/mx/fullchain.pem\n"), None),
        fires(RuleId::CertificateKeySwapped, Some("smtpd_tls_cert_file = /etc/ssl/mx.pem\nsmtpd_tls_key_file = /etc/ssl/mx.crt\n"), None),
        quiet(RuleId::CertificateKeySwapped, Some("smtpd_tls_cert_file = /etc/letsencrypt/live/mx/fullchain.pem\nsmtpd_tls_key_file = /etc/letsencrypt/live/mx/privkey.pem\n"), None),
        quiet(RuleId::CertificateKeySwapped, Some("smtpd_tls_cert_file = /etc/ssl/mx-key+cert.pem\nsmtpd_tls_key_file = $smtpd_tls_cert_file\n"), None),
        // One file as both: it holds key and chain, whatever its name.
        quiet(RuleId::CertificateKeySwapped, Some("smtpd_tls_cert_file = /etc/postfix/tls/rsa-fullchain.pem\nsmtpd_tls_key_file = /etc/postfix/tls/rsa-fullchain.pem\n"), None),
        fires(RuleId::ChainFilesKeyNotFirst, Some("smtpd_tls_chain_files = /etc/letsencrypt/live/mx/fullchain.pem, /etc/letsencrypt/live/mx/privkey.pem\n"), None),
        fires(RuleId::ChainFilesKeyNotFirst, Some("smtpd_tls_chain_files = /etc/ssl/mx.crt, /etc/ssl/mx.key\n"), None),
        // A lone certificate-named file may hold the key too (key first): no finding.
        quiet(RuleId::ChainFilesKeyNotFirst, Some("smtpd_tls_chain_files = /etc/postfix/tls/rsa-fullchain.pem\n"), None),
        quiet(RuleId::ChainFilesKeyNotFirst, Some("smtpd_tls_chain_files = /etc/letsencrypt/live/mx/privkey.pem, /etc/letsencrypt/live/mx/fullchain.pem\n"), None),
        quiet(RuleId::ChainFilesKeyNotFirst, Some(CERT), None),
        quiet(RuleId::ChainFilesSeparateKey, Some(CERT), None),
        fires(RuleId::UntrustedCertificateOnSubmission, Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = may\n"), Some(SUBMISSION)),
        quiet(RuleId::UntrustedCertificateOnSubmission, Some(CERT), Some(SUBMISSION)),
        fires(RuleId::SelfSignedCertificateOnMx, Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = may\n"), None),
        quiet(RuleId::SelfSignedCertificateOnMx, Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = none\n"), None),
        // A null client meets no MTA-STS sender (tests/postfix FINDINGS L-b).
        quiet(RuleId::SelfSignedCertificateOnMx, Some("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level = may\n"), None).role(Role::NullClient),
        // Fingerprints with an MD5 digest: written, the old default, a low compatibility level,
        // or (unknown level) a hint; SHA-256 or a level of 3.6 is quiet.
        fires(RuleId::FingerprintDigestMd5, Some("smtp_tls_security_level = fingerprint\nsmtp_tls_fingerprint_digest = md5\n"), None),
        fires(RuleId::FingerprintDigestMd5, Some("smtpd_relay_restrictions = permit_tls_clientcerts, reject_unauth_destination\n"), None).on("3.5"),
        fires(RuleId::FingerprintDigestMd5, Some("compatibility_level = 2\nrelay_clientcerts = hash:/etc/postfix/relay_clientcerts\n"), None),
        fires(RuleId::FingerprintDigestMd5, Some("smtp_tls_fingerprint_cert_match = 3D:95:34:51\n"), None).on("3.5"),
        fires(RuleId::FingerprintDigestMd5, None, Some("relay unix - - n - - smtp\n  -o smtp_tls_security_level=fingerprint\n")).on("3.5"),
        quiet(RuleId::FingerprintDigestMd5, Some("smtp_tls_fingerprint_cert_match = 3D:95:34:51\n"), None),
        // From 3.6 the digest follows `compatibility_level`; not given, it is a hint.
        fires(RuleId::FingerprintDigestByCompatibility, Some("smtp_tls_fingerprint_cert_match = 3D:95:34:51\n"), None),
        fires(RuleId::FingerprintDigestByCompatibility, None, Some("relay unix - - n - - smtp\n  -o smtp_tls_security_level=fingerprint\n")),
        quiet(RuleId::FingerprintDigestByCompatibility, Some("smtp_tls_fingerprint_cert_match = 3D:95:34:51\n"), None).on("3.5"),
        quiet(RuleId::FingerprintDigestByCompatibility, Some("compatibility_level = 2\nrelay_clientcerts = hash:/etc/postfix/relay_clientcerts\n"), None),
        quiet(RuleId::FingerprintDigestByCompatibility, Some("compatibility_level = 3.6\nsmtp_tls_fingerprint_cert_match = 3D:95:34:51\n"), None),
        quiet(RuleId::FingerprintDigestMd5, Some("smtp_tls_security_level = fingerprint\nsmtp_tls_fingerprint_digest = sha256\n"), None).on("3.5"),
        quiet(RuleId::FingerprintDigestMd5, Some("compatibility_level = 3.6\nsmtpd_client_restrictions = check_ccert_access hash:/etc/postfix/ccerts\n"), None),
        quiet(RuleId::FingerprintDigestMd5, Some("smtp_tls_fingerprint_digest = md5\nsmtp_tls_security_level = may\n"), None),
        fires(RuleId::SubmissionsNameUnresolvable, None, Some("submissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")).on("3.5"),
        quiet(RuleId::SubmissionsNameUnresolvable, None, Some("submissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")).on("3.6"),
        fires(RuleId::WrappermodeInMainCf, Some("smtpd_tls_wrappermode = yes\n"), None),
        quiet(RuleId::WrappermodeInMainCf, Some("smtpd_tls_wrappermode = no\n"), None),
        fires(RuleId::LevelIgnoredWithWrappermode, None, Some("smtps inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_tls_security_level=encrypt\n")),
        fires(RuleId::WrappermodeOnSubmission, None, Some("submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n#submissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n")),
        quiet(RuleId::WrappermodeOnSubmission, None, Some("submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n#submissions inet n - y - - smtpd\n#  -o smtpd_tls_wrappermode=yes\n")),
        quiet(RuleId::LevelIgnoredWithWrappermode, None, Some(SUBMISSION)),
        // bertvv/ansible-role-mailserver: a Postfix 3.5.25 instance greeted in plain text on 465.
        fires(RuleId::SubmissionsWithoutWrappermode, Some(CERT), Some("smtps inet n - n - - smtpd\n  -o syslog_name=postfix/smtps\n  -o smtpd_sasl_auth_enable=yes\n")),
        fires(RuleId::SubmissionsWithoutWrappermode, None, Some("465 inet n - y - - smtpd\n")),
        quiet(RuleId::SubmissionsWithoutWrappermode, Some(CERT), Some(SUBMISSION)),
        quiet(RuleId::SubmissionsWithoutWrappermode, None, Some("465 inet n - y - - smtpd -o smtpd_tls_wrappermode=yes\n")),
        // The seed's classic master.cf: the option is there, unindented (malformed_line fixes it).
        quiet(RuleId::SubmissionsWithoutWrappermode, None, Some("smtps inet n - n - - smtpd\n-o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes\n")),
        fires(RuleId::SaslOverCleartext, Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=may\n  -o smtpd_sasl_auth_enable=yes\n")),
        quiet(RuleId::SaslOverCleartext, Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=may\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_tls_auth_only=yes\n")),
        quiet(RuleId::SaslOverCleartext, Some(CERT), Some(SUBMISSION)),
        quiet(RuleId::SaslOverCleartext, None, Some("submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n")),
        fires(RuleId::SaslOnPort25, Some("smtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\n"), None),
        quiet(RuleId::SaslOnPort25, Some("smtpd_sasl_type = dovecot\n"), Some(SUBMISSION)),
        fires(RuleId::NoRelayProtection, Some("smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated\n"), None),
        quiet(RuleId::NoRelayProtection, Some("smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated\nsmtpd_recipient_restrictions = reject_unauth_destination\n"), None),
        // A whole main.cf without compatibility_level is at level 0: the relay restrictions
        // are empty and smtpd stops (Postfix 3.7.11, Oefenweb's ansible-postfix main.cf).
        fires(RuleId::NoRelayProtection, Some("myhostname = mail.example.org\nmydestination = $myhostname, localhost\n"), None),
        quiet(RuleId::NoRelayProtection, Some("compatibility_level = 2\nmyhostname = mail.example.org\nmydestination = $myhostname, localhost\n"), None),
        quiet(RuleId::NoRelayProtection, Some("myhostname = mail.example.org\nsmtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n"), None),
        // Before 3.0 there is no level: 2.11's default ends with defer_unauth_destination.
        quiet(RuleId::NoRelayProtection, Some("myhostname = mail.example.org\nmydestination = $myhostname, localhost\n"), None).on("2.11"),
        // A TLS snippet leaves the level to the file it goes into.
        quiet(RuleId::NoRelayProtection, Some("smtpd_tls_security_level = may\n"), None),
        fires(RuleId::SubmissionNotRestricted, Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination\n")),
        quiet(RuleId::SubmissionNotRestricted, Some(CERT), Some(SUBMISSION)),
        // iRedMail's submission: only clients that logged in pass the client restrictions.
        quiet(RuleId::SubmissionNotRestricted, Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_client_restrictions=permit_sasl_authenticated,reject\n")),
        // Debian's stock suggestion, through a main.cf list of its own.
        quiet(RuleId::SubmissionNotRestricted, Some("smtpd_tls_chain_files = /etc/letsencrypt/live/mx.example.org/combined.pem\nmua_sender_restrictions = permit_sasl_authenticated, reject\n"), Some("submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_sender_restrictions=$mua_sender_restrictions\n")),
        // A client list that permits without a final reject restricts nothing.
        fires(RuleId::SubmissionNotRestricted, Some(CERT), Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_client_restrictions=permit_sasl_authenticated\n  -o smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination\n")),
        fires(RuleId::NoImplicitTlsSubmission, None, Some("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n")),
        quiet(RuleId::NoImplicitTlsSubmission, None, Some(SUBMISSION)),
        fires(RuleId::OutboundTlsMandatoryForInternet, Some("smtp_tls_security_level = encrypt\n"), None),
        quiet(RuleId::OutboundTlsMandatoryForInternet, Some("smtp_tls_security_level = encrypt\nrelayhost = [smtp.example.net]:587\n"), None),
        fires(RuleId::DaneWithoutDnssec, Some("smtp_tls_security_level = dane\n"), None),
        quiet(RuleId::DaneWithoutDnssec, Some("smtp_tls_security_level = dane\nsmtp_dns_support_level = dnssec\n"), None),
        fires(RuleId::VerifyWithoutCa, Some("smtp_tls_security_level = secure\nrelayhost = [smtp.example.net]\n"), None),
        quiet(RuleId::VerifyWithoutCa, Some("smtp_tls_security_level = secure\nrelayhost = [smtp.example.net]\nsmtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n"), None),
        fires(RuleId::CaFileIsOwnCertificate, Some("smtp_tls_CAfile = /etc/letsencrypt/live/mx.example.org/chain.pem\n"), None),
        quiet(RuleId::CaFileIsOwnCertificate, Some("smtpd_tls_cert_file =\nsmtp_tls_CAfile =\n"), None),
        quiet(RuleId::CaFileIsOwnCertificate, Some("smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n"), None),
        fires(RuleId::SmtpWrappermodeBelowEncrypt, Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = may\n"), None),
        fires(RuleId::RelayhostImplicitTlsWithoutWrappermode, Some("relayhost = [smtp.example.net]:465\nsmtp_tls_security_level = encrypt\n"), None),
        fires(RuleId::RelayhostImplicitTlsWithoutWrappermode, Some("relayhost = [smtp.example.net]:smtps\n"), Some("smtp unix - - y - - smtp\nrelay unix - - y - - smtp\n  -o smtp_tls_wrappermode=yes\n")),
        quiet(RuleId::RelayhostImplicitTlsWithoutWrappermode, Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = encrypt\n"), None),
        quiet(RuleId::RelayhostImplicitTlsWithoutWrappermode, Some("relayhost = [smtp.example.net]:587\nsmtp_tls_security_level = encrypt\n"), None),
        quiet(RuleId::SmtpWrappermodeBelowEncrypt, Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = encrypt\n"), None),
        // Real Postfix 3.7 refuses wrapper mode at `dane` (tests/postfix FINDINGS F5, L-a).
        fires(RuleId::SmtpWrappermodeBelowEncrypt, Some("relayhost = [smtp.example.net]:465\nsmtp_tls_wrappermode = yes\nsmtp_tls_security_level = dane\nsmtp_dns_support_level = dnssec\n"), None),
        fires(RuleId::OutboundTlsDisabled, Some("myhostname = mx.example.org\n"), None).on("3.10"),
        fires(RuleId::OutboundTlsDisabled, Some("smtp_tls_security_level = none\ncompatibility_level = 3.11\n"), None),
        quiet(RuleId::OutboundTlsDisabled, Some("compatibility_level = 3.11\n"), None),
        quiet(RuleId::OutboundTlsDisabled, Some("smtp_tls_security_level = may\n"), None).on("3.7"),
        fires(RuleId::DeprecatedTlsSwitch, Some("smtpd_use_tls = yes\n"), None),
        quiet(RuleId::DeprecatedTlsSwitch, Some("smtpd_use_tls = yes\n"), None).on("2.2"),
        fires(RuleId::DeprecatedTlsSwitch, Some("disable_dns_lookups = yes\n"), None).on("2.11"),
        quiet(RuleId::DeprecatedTlsSwitch, Some("disable_dns_lookups = yes\n"), None).on("2.10"),
        fires(RuleId::DhParamFileDeprecated, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.9"),
        quiet(RuleId::DhParamFileDeprecated, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.6"),
        quiet(RuleId::DhParamFileDeprecated, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.7"),
        fires(RuleId::DhParamFileUnneeded, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.7"),
        quiet(RuleId::DhParamFileUnneeded, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.9"),
        quiet(RuleId::DhParamFileUnneeded, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.7").openssl(OpensslVersion::V1_1_1),
        fires(RuleId::Dh512ParamFileIgnored, Some("smtpd_tls_dh512_param_file = /etc/postfix/dh512.pem\n"), None),
        quiet(RuleId::Dh512ParamFileIgnored, Some("smtpd_tls_dh512_param_file =\n"), None),
        fires(RuleId::EecdhGradeIgnored, Some("smtpd_tls_eecdh_grade = strong\n"), None).on("3.6"),
        quiet(RuleId::EecdhGradeIgnored, Some("smtpd_tls_eecdh_grade = strong\n"), None).on("3.5"),
        fires(RuleId::WeakCipherGrade, Some("smtp_tls_ciphers = export\n"), None),
        fires(RuleId::WeakCipherGrade, Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n"), None).on("3.0"),
        quiet(RuleId::WeakCipherGrade, Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n"), None).on("3.1"),
        quiet(RuleId::WeakCipherGrade, Some("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\nsmtpd_tls_exclude_ciphers = aNULL, EXPORT\n"), None).on("3.0"),
        fires(RuleId::ProtocolRangeUnsupported, Some("smtp_tls_protocols = >=TLSv1.2\n"), None).on("3.5"),
        quiet(RuleId::ProtocolRangeUnsupported, Some("smtp_tls_protocols = >=TLSv1.2\n"), None).on("3.6"),
        fires(RuleId::ProtocolExclusionsNotContiguous, Some("smtp_tls_protocols = !SSLv2, !SSLv3, !TLSv1.1\n"), None),
        quiet(RuleId::ProtocolExclusionsNotContiguous, Some("smtp_tls_protocols = !SSLv2, !SSLv3, !TLSv1, !TLSv1.1\n"), None),
        fires(RuleId::Tlsv13NameUnsupported, Some("smtp_tls_protocols = !SSLv2, !TLSv1.3\n"), None).on("3.3"),
        quiet(RuleId::Tlsv13NameUnsupported, Some("smtp_tls_protocols = !SSLv2, !TLSv1.3\n"), None).on("3.4"),
        fires(RuleId::MandatoryOnlyWhileOpportunistic, Some("smtp_tls_security_level = may\nsmtp_tls_mandatory_protocols = >=TLSv1.2\n"), None),
        quiet(RuleId::MandatoryOnlyWhileOpportunistic, Some("smtp_tls_security_level = may\nsmtp_tls_mandatory_protocols = >=TLSv1.2\nsmtp_tls_protocols = >=TLSv1.2\n"), None),
        fires(RuleId::CipherlistOverridden, Some("tls_high_cipherlist = ECDHE+AESGCM\n"), None),
        quiet(RuleId::CipherlistOverridden, Some("smtpd_tls_exclude_ciphers = aNULL, RC4\n"), None),
        fires(RuleId::CipherlistEmpty, Some("tls_high_cipherlist =\n"), None),
        quiet(RuleId::CipherlistEmpty, Some("tls_high_cipherlist = ECDHE+AESGCM\n"), None),
        // Postfix 3.10 ships these two empty itself.
        quiet(RuleId::CipherlistEmpty, Some("tls_low_cipherlist =\n"), None).on("3.10"),
        fires(RuleId::CipherlistEmpty, Some("tls_low_cipherlist =\n"), None).on("3.7"),
        fires(RuleId::PreemptCipherlist, Some("tls_preempt_cipherlist = yes\n"), None),
        quiet(RuleId::PreemptCipherlist, Some("tls_preempt_cipherlist = no\n"), None),
        fires(RuleId::DhParametersTooSmall, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh1024.pem\n"), None).on("3.5"),
        quiet(RuleId::DhParametersTooSmall, Some("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n"), None).on("3.5"),
        fires(RuleId::PostscreenWithoutTlsproxy, Some("smtpd_tls_security_level = may\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n")),
        fires(RuleId::PostscreenWithoutTlsproxy, Some("smtpd_tls_security_level = may\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\ntlsproxy unix - - y - - tlsproxy\n")),
        quiet(RuleId::PostscreenWithoutTlsproxy, Some("smtpd_tls_security_level = may\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\ntlsproxy unix - - y - 0 tlsproxy\n")),
        quiet(RuleId::PostscreenWithoutTlsproxy, Some("smtpd_tls_security_level = none\n"), Some("smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n")),
        fires(RuleId::ClientSessionHiddenOnPort25, Some("smtpd_hide_client_session = yes\n"), None),
        quiet(RuleId::ClientSessionHiddenOnPort25, None, Some("submission inet n - y - - smtpd\n  -o smtpd_hide_client_session=yes\n")),
        fires(RuleId::PqKeyShareFirst, Some("tls_eecdh_auto_curves = X25519MLKEM768 X25519 prime256v1\n"), None),
        quiet(RuleId::PqKeyShareFirst, Some("tls_eecdh_auto_curves = X25519 ?X25519MLKEM768 prime256v1\n"), None),
        fires(RuleId::BerkeleyDbTable, Some("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n"), None),
        fires(RuleId::BerkeleyDbTable, Some("smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"), None),
        fires(RuleId::BerkeleyDbTable, None, Some("relay unix - - n - - smtp\n  -o smtp_sasl_password_maps=hash:/etc/postfix/relay_passwd\n")),
        quiet(RuleId::BerkeleyDbTable, Some("smtp_sasl_password_maps = lmdb:/etc/postfix/sasl_passwd\n"), None),
        quiet(RuleId::BerkeleyDbTable, Some("smtp_tls_session_cache_database = ${default_cache_db_type}:${data_directory}/smtp_scache\n"), None),
        quiet(RuleId::BerkeleyDbTable, Some("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n"), None).on("3.10"),
        fires(RuleId::ServerSessionCacheUnneeded, Some("smtpd_tls_session_cache_database = btree:${data_directory}/smtpd_scache\n"), None),
        quiet(RuleId::ServerSessionCacheUnneeded, Some("smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"), None),
        quiet(RuleId::ServerSessionCacheUnneeded, Some("smtpd_tls_session_cache_database = btree:${data_directory}/smtpd_scache\n"), None).on("2.10"),
        fires(RuleId::MxWithoutTls, Some("smtpd_tls_security_level = none\n"), None),
        fires(RuleId::MxWithoutTls, Some("smtpd_use_tls = no\n"), None).on("2.2"),
        fires(RuleId::MxWithoutTls, Some(CERT), Some("smtp inet n - y - - smtpd\n  -o smtpd_tls_security_level=none\n")),
        quiet(RuleId::MxWithoutTls, Some("smtpd_tls_security_level = none\n"), None).role(Relay),
        quiet(RuleId::MxWithoutTls, Some("smtpd_tls_security_level = may\n"), None),
        quiet(RuleId::MxWithoutTls, Some("myhostname = mx.example.org\n"), None),
        // openSUSE's main.cf (alpham8/opensuse-webstack): `smtpd_use_tls = no` on a host that
        // listens on loopback only, which no other server can reach.
        quiet(RuleId::MxWithoutTls, Some("inet_interfaces = loopback-only\nsmtpd_use_tls = no\n"), None).on("3.10"),
        fires(RuleId::MxWithoutTls, Some("inet_interfaces = all\nsmtpd_use_tls = no\n"), None).on("3.10"),
        fires(RuleId::RelayPasswordOverOptionalTls, Some("relayhost = [smtp.example.net]:587\nsmtp_sasl_auth_enable = yes\nsmtp_tls_security_level = may\n"), None),
        fires(RuleId::RelayPasswordOverOptionalTls, Some("relayhost = [smtp.example.net]:587\nsmtp_sasl_auth_enable = yes\n"), None),
        quiet(RuleId::RelayPasswordOverOptionalTls, Some("relayhost = [smtp.example.net]:587\nsmtp_sasl_auth_enable = yes\nsmtp_tls_security_level = encrypt\n"), None),
        quiet(RuleId::RelayPasswordOverOptionalTls, Some("smtp_sasl_auth_enable = yes\nsmtp_tls_security_level = may\n"), None),
        fires(RuleId::SeriesEndOfLife, Some("myhostname = mx\n"), None).on("3.4").openssl(OpensslVersion::V1_1_1),
        fires(RuleId::SeriesEndOfLife, None, None).on("2.10").openssl(OpensslVersion::V1_0_2),
        quiet(RuleId::SeriesEndOfLife, None, None).on("3.7").openssl(OpensslVersion::V3_0),
        quiet(RuleId::SeriesEndOfLife, None, None).on("3.8"),
        fires(RuleId::SeriesPatchedByDistribution, None, None).on("3.7").openssl(OpensslVersion::V3_0),
        fires(RuleId::SeriesPatchedByDistribution, None, None).on("3.5").openssl(OpensslVersion::V3_0),
        quiet(RuleId::SeriesPatchedByDistribution, None, None).on("3.4").openssl(OpensslVersion::V1_1_1),
        quiet(RuleId::SeriesPatchedByDistribution, None, None),
        fires(RuleId::UnlikelyVersionPair, None, None).on("2.10").openssl(OpensslVersion::V3_0),
        fires(RuleId::UnlikelyVersionPair, None, None).on("3.7").openssl(OpensslVersion::V3_5),
        quiet(RuleId::UnlikelyVersionPair, None, None).on("2.10").openssl(OpensslVersion::V1_0_2),
        quiet(RuleId::UnlikelyVersionPair, None, None).on("3.5").openssl(OpensslVersion::V3_0),
        quiet(RuleId::UnlikelyVersionPair, None, None).on("3.10"),
        // Debian sid's real pair (its root in the Postfix suite).
        quiet(RuleId::UnlikelyVersionPair, None, None).on("3.11").openssl(OpensslVersion::V3_6),
        fires(RuleId::ChainFilesSeparateKey, Some("smtpd_tls_chain_files = /etc/ssl/private/mx.key, /etc/ssl/certs/mx-fullchain.pem\n"), None),
        quiet(RuleId::ChainFilesSeparateKey, Some("smtpd_tls_chain_files = /etc/letsencrypt/live/mx.example.org/privkey.pem, /etc/letsencrypt/live/mx.example.org/fullchain.pem\n"), None),
        fires(RuleId::TlsDebugLoglevel, Some("smtpd_tls_loglevel = 3\n"), None),
        quiet(RuleId::TlsDebugLoglevel, Some("smtpd_tls_loglevel = 1\n"), None),
    ]
}

fn context(case: &Case) -> LintContext {
    LintContext {
        postfix: PostfixVersion::parse(case.postfix).expect("fixture version"),
        openssl: case.openssl,
        role: case.role,
    }
}

fn run(case: &Case) -> Vec<Diagnostic> {
    let ctx = context(case);
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
fn findings_carry_the_rule_severity_and_topic() {
    // One id, one severity: where a finding is graver or milder, it is another rule.
    for case in cases() {
        for d in run(&case) {
            assert_eq!(d.severity, rule(d.id).severity, "{}", d.id);
            assert_eq!(d.topic, rule(d.id).topic, "{}", d.id);
        }
    }
}

#[test]
fn graver_and_milder_cases_are_rules_of_their_own() {
    let at = |main: &str, role: Role, postfix: &str| {
        let parsed = parse_main(main);
        let ctx = LintContext {
            postfix: PostfixVersion::parse(postfix).expect("version"),
            openssl: OpensslVersion::V3_0,
            role,
        };
        lint(Some(&parsed), None, &ctx)
    };
    // Of a graver and a milder rule about one thing, which fired, with what severity.
    let graded = [
        RuleId::InvalidServerTlsLevel,
        RuleId::ServerTlsLevelReadAsEncrypt,
        RuleId::DhParamFileDeprecated,
        RuleId::DhParamFileUnneeded,
        RuleId::FingerprintDigestMd5,
        RuleId::FingerprintDigestByCompatibility,
    ];
    let ids = |found: Vec<Diagnostic>| -> Vec<(RuleId, Severity)> {
        found
            .into_iter()
            .filter(|d| graded.contains(&d.id))
            .map(|d| (d.id, d.severity))
            .collect()
    };
    assert_eq!(
        ids(at("smtpd_tls_security_level = dane\n", Role::Relay, "3.11")),
        [(RuleId::InvalidServerTlsLevel, Severity::Error)]
    );
    assert_eq!(
        ids(at(
            "smtpd_tls_security_level = secure\n",
            Role::Relay,
            "3.11"
        )),
        [(RuleId::ServerTlsLevelReadAsEncrypt, Severity::Warning)]
    );
    let dh = "smtpd_tls_dh1024_param_file = /x/dh2048.pem\n";
    assert_eq!(
        ids(at(dh, Role::Relay, "3.9")),
        [(RuleId::DhParamFileDeprecated, Severity::Warning)]
    );
    assert_eq!(
        ids(at(dh, Role::Relay, "3.7")),
        [(RuleId::DhParamFileUnneeded, Severity::Info)]
    );
    let fingerprints = "smtp_tls_fingerprint_cert_match = 3D:95:34:51\n";
    assert_eq!(
        ids(at(fingerprints, Role::Relay, "3.11")),
        [(RuleId::FingerprintDigestByCompatibility, Severity::Info)]
    );
    assert_eq!(
        ids(at(fingerprints, Role::Relay, "3.5")),
        [(RuleId::FingerprintDigestMd5, Severity::Warning)]
    );
}

#[test]
fn backported_parameters_name_the_patch_release() {
    let config = "tls_config_file = none\n";
    let too_new = run(&fires(RuleId::ParameterNotInVersion, Some(config), None).on("3.4"));
    let d = too_new
        .iter()
        .find(|d| d.id == RuleId::ParameterNotInVersion)
        .expect("3.4 does not know tls_config_file");
    assert!(
        d.message.get(Lang::En).contains("Postfix 3.5.20"),
        "{}",
        d.message.get(Lang::En)
    );
    let hint = run(&fires(RuleId::ParameterNeedsPatchRelease, Some(config), None).on("3.6"));
    let d = hint
        .iter()
        .find(|d| d.id == RuleId::ParameterNeedsPatchRelease)
        .expect("3.6 knows it from 3.6.10");
    assert!(
        d.message.get(Lang::En).contains("Postfix 3.6.10"),
        "{}",
        d.message.get(Lang::En)
    );
    assert!(
        d.message.get(Lang::De).contains("Postfix 3.6.10"),
        "{}",
        d.message.get(Lang::De)
    );
}

#[test]
fn translated_encrypt_outbound_suggests_may_first_and_says_what_encrypt_does() {
    let found = run(&fires(
        RuleId::InvalidValue,
        Some("smtp_tls_security_level = verschlüsseln\n"),
        None,
    ));
    let d = found
        .iter()
        .find(|d| d.id == RuleId::InvalidValue)
        .expect("verschlüsseln is no level");
    assert!(
        d.help.get(Lang::En).starts_with("use `may`"),
        "{}",
        d.help.get(Lang::En)
    );
    assert!(d
        .help
        .get(Lang::En)
        .contains("`encrypt` defers mail to every server without TLS"));
    assert!(
        d.help.get(Lang::De).starts_with("`may` verwenden"),
        "{}",
        d.help.get(Lang::De)
    );
    // On the server side `encrypt` is what the word says, and another rule judges port 25.
    let found = run(&fires(
        RuleId::InvalidValue,
        Some("smtpd_tls_security_level = verschlüsseln\n"),
        None,
    ));
    let d = found
        .iter()
        .find(|d| d.id == RuleId::InvalidValue)
        .expect("invalid");
    assert_eq!(d.help.get(Lang::En), "use `encrypt`");
}

#[test]
fn every_fixture_is_fixed_without_touching_lines_without_a_finding() {
    for case in cases() {
        let name = format!(
            "{} ({})",
            case.id,
            if case.fires { "fires" } else { "quiet" }
        );
        untouched::fix_and_check(&name, case.main, case.master, &context(&case));
    }
}

/// Bun's mail server (github.com/Bun/mail): `submission` restricts with
/// `-o smtpd_client_restrictions=permit_mynetworks,permit_sasl_authenticated,reject`, `smtps`
/// keeps main.cf's restrictions. The finding was at main.cf's `smtpd_relay_restrictions` line,
/// "this submission service", naming neither; it belongs to `smtps`, where the fix goes.
#[test]
fn unrestricted_submission_is_named_at_its_service() {
    let main = "smtpd_tls_chain_files = /etc/ssl/mx.pem\nsmtpd_relay_restrictions = permit_mynetworks,\n    permit_sasl_authenticated,\n    reject_unauth_destination\n";
    let master = "smtp inet n - n - - smtpd\nsmtps inet n - n - - smtpd\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_sasl_auth_enable=yes\nsubmission inet n - n - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_client_restrictions=permit_mynetworks,permit_sasl_authenticated,reject\n  -o smtpd_tls_security_level=encrypt\n";
    let found = run(&fires(
        RuleId::SubmissionNotRestricted,
        Some(main),
        Some(master),
    ));
    let found: Vec<_> = found
        .iter()
        .filter(|d| d.id == RuleId::SubmissionNotRestricted)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let d = found[0];
    assert_eq!(d.file, Some(FileKind::MasterCf), "{d:?}");
    assert_eq!(d.line, Some(2), "{d:?}");
    assert!(
        d.message.get(Lang::En).contains("`smtps` service"),
        "{}",
        d.message.get(Lang::En)
    );
    assert!(
        d.message.get(Lang::De).contains("`smtps`"),
        "{}",
        d.message.get(Lang::De)
    );
}

/// Froxlor-Mail's main.cf (github.com/bloodhunterd/Froxlor-Mail) turns SASL on and TLS not
/// at all: the finding said "while TLS is optional" and its help, `smtpd_tls_auth_only =
/// yes` alone, would hide AUTH from every client (smtpd offers AUTH under it only inside TLS).
#[test]
fn login_without_any_tls_says_so_and_asks_for_tls_first() {
    let main = "compatibility_level = 2\nsmtpd_sasl_auth_enable = yes\nsmtpd_sasl_type = dovecot\nsmtpd_sasl_path = private/auth\n";
    let found = run(&fires(RuleId::SaslOverCleartext, Some(main), None).on("3.7"));
    let d = found
        .iter()
        .find(|d| d.id == RuleId::SaslOverCleartext)
        .expect("login without TLS");
    assert!(
        d.message.get(Lang::En).contains("without TLS"),
        "{}",
        d.message.get(Lang::En)
    );
    assert!(
        !d.message.get(Lang::En).contains("optional"),
        "{}",
        d.message.get(Lang::En)
    );
    assert!(
        d.help.get(Lang::En).starts_with("turn TLS on"),
        "{}",
        d.help.get(Lang::En)
    );
    let optional = run(&fires(
        RuleId::SaslOverCleartext,
        Some("smtpd_tls_security_level = may\nsmtpd_tls_chain_files = /etc/ssl/mx.pem\nsmtpd_sasl_auth_enable = yes\n"),
        None,
    ));
    let d = optional
        .iter()
        .find(|d| d.id == RuleId::SaslOverCleartext)
        .expect("login while TLS is optional");
    assert!(
        d.message.get(Lang::En).contains("while TLS is optional"),
        "{}",
        d.message.get(Lang::En)
    );
    assert!(
        d.help
            .get(Lang::En)
            .starts_with("set `smtpd_tls_auth_only = yes`"),
        "{}",
        d.help.get(Lang::En)
    );
}

/// Karmak23/servconf and Keno/anubis.juliacomputing.io (Ubuntu 14.04, Debian 8: Postfix
/// 2.11): the export default is only that of releases before mid-2015 (2.11.6 and 2.10.8
/// changed it to medium, HISTORY 20150718), which the series alone does not tell.
#[test]
fn old_export_default_names_the_releases_it_holds_for() {
    let main = "smtpd_use_tls = yes\nsmtpd_tls_cert_file = /etc/ssl/mx.pem\n";
    let found = run(&fires(RuleId::WeakCipherGrade, Some(main), None).on("2.11"));
    let d = found
        .iter()
        .find(|d| d.id == RuleId::WeakCipherGrade)
        .expect("2.11's old default");
    assert!(
        d.message
            .get(Lang::En)
            .contains("Postfix 2.11 releases before mid-2015"),
        "{}",
        d.message.get(Lang::En)
    );
    assert!(
        d.message.get(Lang::De).contains("vor Mitte 2015"),
        "{}",
        d.message.get(Lang::De)
    );
}

/// JoeKun/freebsd-configuration (FreeBSD, `compatibility_level = 3.11`): its `hash:` and
/// `btree:` tables were "deprecated in Postfix 3.11". The deprecation and its log line are
/// Debian's (3.11.0-3, debian-warn-db-deprecated.patch); upstream 3.11 reads them as before.
#[test]
fn berkeley_db_deprecation_is_named_as_debians() {
    let found = run(&fires(
        RuleId::BerkeleyDbTable,
        Some("alias_maps = hash:/etc/mail/aliases\n"),
        None,
    ));
    let d = found
        .iter()
        .find(|d| d.id == RuleId::BerkeleyDbTable)
        .expect("a hash: table on 3.11");
    let message = d.message.get(Lang::En);
    assert!(
        message.contains("Debian's Postfix 3.11 deprecates"),
        "{message}"
    );
    assert!(!message.contains("deprecated in Postfix 3.11"), "{message}");
}

/// The cipher grade is named as the file writes it: Postfix reads `HIGH` as `high` (a
/// 3.7.11 and a 3.10.13 instance with `smtpd_tls_ciphers = HIGH` on port 25, from
/// tests/realworld/canonical-postfix-relay, completed TLS with it).
#[test]
fn a_strict_port_25_cipher_grade_is_quoted_as_written() {
    let found = run(&fires(
        RuleId::Port25TlsFloorTooStrict,
        Some("smtpd_tls_ciphers = HIGH\n"),
        None,
    ));
    let d = found
        .iter()
        .find(|d| d.id == RuleId::Port25TlsFloorTooStrict)
        .expect("HIGH on port 25 of a public MX");
    for lang in [Lang::En, Lang::De] {
        let message = d.message.get(lang);
        assert!(message.contains("`smtpd_tls_ciphers = HIGH`"), "{message}");
    }
}
