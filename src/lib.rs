//! # postfix-tls
//!
//! Generate, parse and lint Postfix TLS configuration.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod config;
pub mod diagnostic;
pub mod lang;
pub mod options;
pub mod params;
pub mod render;
pub mod rules;
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
}

/// Renders the options, parses the result back and lints it with the same rules as pasted
/// input.
pub fn generate(options: &Options) -> Output {
    let rendered = render::render(options);
    let main = config::parse_main(&rendered.main_cf);
    let master = config::parse_master(&rendered.master_cf);
    let mut diagnostics = rendered.problems;
    diagnostics.extend(rules::lint(
        Some(&main),
        Some(&master),
        &rules::LintContext::for_options(options),
    ));
    Output {
        main_cf: rendered.main_cf,
        master_cf: rendered.master_cf,
        postconf: rendered.postconf,
        diagnostics,
    }
}
