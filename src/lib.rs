//! # postfix-tls
//!
//! Generate, parse and lint Postfix TLS configuration.
//!
//! The options a user chose ([`options::Options`], the same JSON as the CLI's `--options`
//! and the web app's share link) become a main.cf snippet, a master.cf snippet and the
//! `postconf` commands that apply both, for the selected Postfix and OpenSSL versions.
//! [`generate`] parses the result back and lints it with the same rules as pasted input, so
//! the generator and the linter check each other.
//!
//! ```
//! use postfix_tls::diagnostic::{has_errors, Severity};
//! use postfix_tls::options::{InboundLevel, Options};
//! use postfix_tls::rules::RuleId;
//! use postfix_tls::version::{OpensslVersion, PostfixVersion};
//!
//! // A public MX on Debian 12's Postfix 3.7 whose admin asked for TLS to be required.
//! let options = Options {
//!     postfix: PostfixVersion::new(3, 7),
//!     openssl: OpensslVersion::V3_0,
//!     inbound: InboundLevel::Encrypt,
//!     ..Options::default()
//! };
//! let output = postfix_tls::generate(&options);
//!
//! // RFC 3207 forbids requiring TLS on port 25 of a public MX: the choice is honoured, with a
//! // warning, and TLS is required on the submission ports as well.
//! assert!(output.main_cf.contains("smtpd_tls_security_level = encrypt\n"));
//! assert!(output.master_cf.contains("submissions inet"));
//! assert!(output.master_cf.contains("-o smtpd_tls_wrappermode=yes"));
//! let warning = output.diagnostics.iter().find(|d| d.id == RuleId::EncryptChosenOnMx).unwrap();
//! assert_eq!(warning.severity, Severity::Warning);
//! assert!(!has_errors(&output.diagnostics));
//!
//! // The same settings as commands for a shell.
//! assert!(output.postconf.contains("postconf -e 'smtpd_tls_security_level = encrypt'"));
//! assert!(output.postconf.ends_with("postfix check && postfix reload\n"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod config;
pub mod diagnostic;
pub mod edit;
pub mod fields;
pub mod fix;
pub mod import;
pub mod lang;
pub mod merge;
pub mod options;
pub mod params;
pub mod paste;
pub mod reference;
pub mod render;
pub mod rules;
pub mod setup;
pub mod share;
pub mod stock;
pub mod verify;
pub mod version;

use diagnostic::Diagnostic;
use options::Options;

/// Generated configuration with its diagnostics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// The main.cf snippet.
    pub main_cf: String,
    /// The master.cf snippet.
    pub master_cf: String,
    /// The `postconf` commands that apply both snippets.
    pub postconf: String,
    /// Problems with the options, and what the rules find in the rendered snippets.
    pub diagnostics: Vec<Diagnostic>,
    /// What other programs need for these choices (Dovecot's auth socket, certbot's hook).
    pub others: Vec<render::OtherFile>,
    /// The share link's fragment of the options ([`share::encode`]), which the header of
    /// each block names.
    pub fragment: String,
}

/// True when the lint's finding `found` says again what the choices' finding `said` said:
/// the same rule, or the rule the linter applies to a choice the generator honoured with a
/// warning (`encrypt` on port 25 of a public MX breaks RFC 3207; the lint calls it an error
/// in a pasted file).
fn restates(said: rules::RuleId, found: rules::RuleId) -> bool {
    use rules::RuleId::{EncryptChosenOnMx, MxRequiresTls};
    said == found || (said, found) == (EncryptChosenOnMx, MxRequiresTls)
}

/// Renders the options, parses the result back and lints it with the same rules as pasted
/// input.
///
/// Each problem is said once: a rule the choices' own findings already name (the RFC 3207
/// warning for `encrypt` chosen on a public MX) is not repeated from the lint, and while a
/// free-text value is refused, the errors the lint finds in the output are left out. They
/// only follow from the refusal (the value is not written, so the output lacks it): valid
/// choices never give an error (tests/property.rs).
pub fn generate(options: &Options) -> Output {
    let rendered = render::render(options);
    let main = config::parse_main(&rendered.main_cf);
    let master = config::parse_master(&rendered.master_cf);
    let mut diagnostics = rendered.problems;
    let refused = diagnostics
        .iter()
        .any(|d| d.id == rules::RuleId::OptionValueRejected);
    let linted: Vec<Diagnostic> = rules::lint(
        Some(&main),
        Some(&master),
        &rules::LintContext::for_options(options),
    )
    .into_iter()
    .filter(|found| !diagnostics.iter().any(|said| restates(said.id, found.id)))
    .filter(|found| !(refused && found.severity == diagnostic::Severity::Error))
    .collect();
    diagnostics.extend(linted);
    Output {
        main_cf: rendered.main_cf,
        master_cf: rendered.master_cf,
        postconf: rendered.postconf,
        diagnostics,
        others: rendered.others,
        fragment: rendered.fragment,
    }
}
