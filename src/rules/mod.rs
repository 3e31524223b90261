//! The lint rules as data, and the linter that applies them.
//!
//! Each rule has an id that names the problem, a severity, a one-line summary, an explanation
//! (what it checks, why it matters, how to fix it) in English and German, and a source. The
//! table is [`RULES`]; the checks live in one module per family of rules and report findings
//! by rule id.
//!
//! ```
//! use postfix_tls::rules::{lint_text, LintContext};
//!
//! let (kind, found) = lint_text("smtp_tls_security_level = kann\n", None, &LintContext::default());
//! assert_eq!(kind, postfix_tls::diagnostic::FileKind::MainCf);
//! assert_eq!(found[0].id, postfix_tls::rules::RuleId::InvalidValue);
//! assert_eq!(found[0].id.as_str(), "invalid_value");
//! assert!(found[0].help.get(postfix_tls::lang::Lang::En).contains("`may`"));
//! ```

mod certificates;
pub(crate) mod crypto;
mod id;
mod inbound;
mod lifecycle;
mod outbound;
mod scope;
mod submission;
mod syntax;
mod table;

pub use table::RuleId;
pub use table::RULES;

use crate::config::{self, MainCf, MasterCf};
use crate::diagnostic::{Diagnostic, FileKind, Severity, Topic};
use crate::lang::{Lang, Text};
use crate::options::{Options, Role};
use crate::version::{OpensslVersion, PostfixVersion};
use scope::Lint;

/// A lint rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The id that names the problem, for example `mx_requires_tls`.
    pub id: RuleId,
    /// The entry in the reference catalogue this rule implements (for example `L01`), if any.
    pub catalogue: Option<&'static str>,
    /// The severity of every finding of the rule.
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

impl LintContext {
    /// Pasted configuration of a public MX on this Postfix series, with the newest OpenSSL
    /// a distribution shipped it with: a pair, never a guess that
    /// `unlikely_version_pair` would call a mistake.
    pub fn for_postfix(postfix: PostfixVersion) -> LintContext {
        LintContext {
            postfix,
            openssl: postfix.newest_shipped_openssl(),
            role: Role::PublicMx,
        }
    }
}

impl Default for LintContext {
    /// Pasted configuration: the newest series, and a public MX, since that is where the
    /// strictest rules (RFC 3207) apply.
    fn default() -> Self {
        LintContext {
            postfix: PostfixVersion::LATEST,
            openssl: OpensslVersion::default(),
            role: Role::PublicMx,
        }
    }
}

/// The rule with this id. [`RULES`] holds one row per id in the order of [`RuleId::ALL`]
/// (one list declares both), so the lookup is an index.
pub fn rule(id: RuleId) -> &'static Rule {
    &RULES[id as usize]
}

/// Lints a main.cf and/or master.cf with every rule. Diagnostics are sorted by file, line,
/// then severity (errors first) and id, so the output is deterministic.
pub fn lint(
    main: Option<&MainCf>,
    master: Option<&MasterCf>,
    ctx: &LintContext,
) -> Vec<Diagnostic> {
    // `postconf -n` with `postconf -P` lines and no master.cf: the services those lines
    // describe stand in for it.
    let described = match (main, master) {
        (Some(main), None) => config::services_of(main),
        _ => None,
    };
    let master = master.or(described.as_ref());
    let mut lint = Lint::new(main, master, ctx);
    syntax::check(&mut lint);
    inbound::check(&mut lint);
    submission::check(&mut lint);
    outbound::check(&mut lint);
    crypto::check(&mut lint);
    certificates::check(&mut lint);
    lifecycle::check(&mut lint);
    let mut found = lint.finish();
    sort(&mut found);
    found
}

/// Lints pasted text: detects its kind (unless given), parses and lints it. Returns the kind
/// it was read as.
pub fn lint_text(
    text: &str,
    kind: Option<FileKind>,
    ctx: &LintContext,
) -> (FileKind, Vec<Diagnostic>) {
    let kind = kind.unwrap_or_else(|| config::detect_kind(text));
    let mut found = match kind {
        FileKind::MasterCf => lint(None, Some(&config::parse_master(text)), ctx),
        FileKind::MainCf | FileKind::PostconfN => lint(Some(&config::parse_main(text)), None, ctx),
    };
    if kind != FileKind::MasterCf {
        // Findings about `postconf -P` lines are on the same text.
        for d in &mut found {
            if d.file.is_some() {
                d.file = Some(kind);
                if let Some(fix) = d.fix.as_mut() {
                    fix.retarget(kind);
                }
            }
        }
    }
    (kind, found)
}

/// Sorts by file, line, severity (errors first), then id and message.
fn sort(found: &mut [Diagnostic]) {
    let file_order = |f: Option<FileKind>| match f {
        Some(FileKind::MainCf) | Some(FileKind::PostconfN) => 0,
        Some(FileKind::MasterCf) => 1,
        None => 2,
    };
    // The message last and only on a tie: comparing it writes it out, which thousands of
    // findings should not pay for.
    found.sort_by(|a, b| {
        (
            file_order(a.file),
            a.line,
            std::cmp::Reverse(a.severity),
            a.id.as_str(),
        )
            .cmp(&(
                file_order(b.file),
                b.line,
                std::cmp::Reverse(b.severity),
                b.id.as_str(),
            ))
            .then_with(|| a.message.get(Lang::En).cmp(b.message.get(Lang::En)))
    });
}
