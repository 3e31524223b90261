//! Rule ids as a type: a misspelt id is a compile error, and the table holds exactly one row
//! per id (a test in `rules` keeps the two in step).

use serde::{Serialize, Serializer};
use std::fmt;

/// Declares [`RuleId`] with its snake_case names, in the order of the rows of `RULES`.
macro_rules! rule_ids {
    ($($variant:ident = $name:literal,)*) => {
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
    };
}

rule_ids! {
    MalformedLine = "malformed_line",
    IgnoredServiceArgument = "ignored_service_argument",
    DuplicateService = "duplicate_service",
    ValueHasComment = "value_has_comment",
    DuplicateParameter = "duplicate_parameter",
    UnknownParameter = "unknown_parameter",
    UndefinedReference = "undefined_reference",
    ParameterNotInVersion = "parameter_not_in_version",
    ParameterRenamed = "parameter_renamed",
    ParameterNeedsPatchRelease = "parameter_needs_patch_release",
    InvalidValue = "invalid_value",
    UnknownService = "unknown_service",
    UnlistedServiceName = "unlisted_service_name",
    OptionValueRejected = "option_value_rejected",
    OptionUnavailable = "option_unavailable",
    MxRequiresTls = "mx_requires_tls",
    EncryptChosenOnMx = "encrypt_chosen_on_mx",
    InvalidServerTlsLevel = "invalid_server_tls_level",
    ServerTlsLevelReadAsEncrypt = "server_tls_level_read_as_encrypt",
    TlsWithoutCertificate = "tls_without_certificate",
    ClientCertRequiredWithoutEncrypt = "client_cert_required_without_encrypt",
    Port25TlsFloorTooStrict = "port25_tls_floor_too_strict",
    ClientCertRelayWithPublicCa = "client_cert_relay_with_public_ca",
    PostscreenWithoutTlsproxy = "postscreen_without_tlsproxy",
    ClientSessionHiddenOnPort25 = "client_session_hidden_on_port_25",
    ChainFilesUnsupported = "chain_files_unsupported",
    ChainFilesOverridesLegacy = "chain_files_overrides_legacy",
    ChainFilesKeyNotFirst = "chain_files_key_not_first",
    CertificateKeySwapped = "certificate_key_swapped",
    ChainFilesSeparateKey = "chain_files_separate_key",
    UntrustedCertificateOnSubmission = "untrusted_certificate_on_submission",
    SelfSignedCertificateOnMx = "self_signed_certificate_on_mx",
    FingerprintDigestMd5 = "fingerprint_digest_md5",
    FingerprintDigestByCompatibility = "fingerprint_digest_by_compatibility",
    SubmissionsNameUnresolvable = "submissions_name_unresolvable",
    WrappermodeInMainCf = "wrappermode_in_main_cf",
    WrappermodeOnSubmission = "wrappermode_on_submission",
    LevelIgnoredWithWrappermode = "level_ignored_with_wrappermode",
    SaslOverCleartext = "sasl_over_cleartext",
    SaslOnPort25 = "sasl_on_port_25",
    NoRelayProtection = "no_relay_protection",
    SubmissionNotRestricted = "submission_not_restricted",
    NoImplicitTlsSubmission = "no_implicit_tls_submission",
    OutboundTlsMandatoryForInternet = "outbound_tls_mandatory_for_internet",
    DaneWithoutDnssec = "dane_without_dnssec",
    VerifyWithoutCa = "verify_without_ca",
    CaFileIsOwnCertificate = "ca_file_is_own_certificate",
    SmtpWrappermodeBelowEncrypt = "smtp_wrappermode_below_encrypt",
    RelayhostImplicitTlsWithoutWrappermode = "relayhost_implicit_tls_without_wrappermode",
    OutboundTlsDisabled = "outbound_tls_disabled",
    DeprecatedTlsSwitch = "deprecated_tls_switch",
    DhParamFileDeprecated = "dh_param_file_deprecated",
    DhParamFileUnneeded = "dh_param_file_unneeded",
    Dh512ParamFileIgnored = "dh512_param_file_ignored",
    EecdhGradeIgnored = "eecdh_grade_ignored",
    WeakCipherGrade = "weak_cipher_grade",
    ProtocolRangeUnsupported = "protocol_range_unsupported",
    ProtocolExclusionsNotContiguous = "protocol_exclusions_not_contiguous",
    Tlsv13NameUnsupported = "tlsv13_name_unsupported",
    MandatoryOnlyWhileOpportunistic = "mandatory_only_while_opportunistic",
    CipherlistOverridden = "cipherlist_overridden",
    CipherlistEmpty = "cipherlist_empty",
    PreemptCipherlist = "preempt_cipherlist",
    DhParametersTooSmall = "dh_parameters_too_small",
    ScannerCleanTradeoff = "scanner_clean_tradeoff",
    PqKeyShareFirst = "pq_key_share_first",
    ServerSessionCacheUnneeded = "server_session_cache_unneeded",
    BerkeleyDbTable = "berkeley_db_table",
    TlsDebugLoglevel = "tls_debug_loglevel",
    SeriesEndOfLife = "series_end_of_life",
    SeriesPatchedByDistribution = "series_patched_by_distribution",
    UnlikelyVersionPair = "unlikely_version_pair",
    MxWithoutTls = "mx_without_tls",
    RelayPasswordOverOptionalTls = "relay_password_over_optional_tls",
}

impl RuleId {
    /// The id with this name, if there is one.
    pub fn parse(name: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|id| id.as_str() == name)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_parse_back() {
        for (i, id) in RuleId::ALL.iter().enumerate() {
            let name = id.as_str();
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{name}"
            );
            assert_eq!(RuleId::parse(name), Some(*id));
            assert!(
                !RuleId::ALL[..i].iter().any(|other| other.as_str() == name),
                "{name}"
            );
        }
        assert_eq!(RuleId::parse("no_such_rule"), None);
    }
}
