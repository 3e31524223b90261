//! The lint rules as data, and the linter that applies them.
//!
//! Each rule has an id that names the problem, a severity, a one-line summary, an explanation
//! (what it checks, why it matters, how to fix it) in English and German, and a source.

use crate::diagnostic::{Severity, Topic};
use crate::lang::Text;

/// A lint rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The id that names the problem, for example `mx_requires_tls`.
    pub id: &'static str,
    /// The entry in the reference catalogue this rule implements (for example `L01`), if any.
    pub catalogue: Option<&'static str>,
    /// The default severity.
    pub severity: Severity,
    /// The group of choices its findings belong to.
    pub topic: Topic,
    /// A one-line summary.
    pub summary: Text,
    /// What it checks.
    pub what: Text,
    /// Why it matters.
    pub why: Text,
    /// How to fix it.
    pub fix: Text,
    /// Where the fact comes from: a readable name and a URL.
    pub source: Source,
}

/// A citation: a readable name and a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// For example `RFC 3207 §4` or `postconf(5) smtpd_tls_security_level`.
    pub name: &'static str,
    /// The address of the cited text.
    pub url: &'static str,
}

use crate::config::{MainCf, MasterCf};
use crate::diagnostic::Diagnostic;
use crate::options::{Options, Role};
use crate::version::{OpensslVersion, PostfixVersion};

/// What the linter needs to know beyond the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LintContext {
    /// The Postfix series the files are for.
    pub postfix: PostfixVersion,
    /// The OpenSSL version Postfix is linked with.
    pub openssl: OpensslVersion,
    /// What the host does (pasted configs are assumed to be a public MX).
    pub role: Role,
}

impl LintContext {
    /// The context for generated output.
    pub fn for_options(options: &Options) -> LintContext {
        LintContext {
            postfix: options.postfix,
            openssl: options.openssl,
            role: options.role,
        }
    }
}

/// Every rule.
pub static RULES: &[Rule] = &[];

/// Lints a main.cf and/or master.cf with every rule.
pub fn lint(
    _main: Option<&MainCf>,
    _master: Option<&MasterCf>,
    _ctx: &LintContext,
) -> Vec<Diagnostic> {
    Vec::new()
}
