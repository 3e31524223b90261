//! Rendering options into main.cf and master.cf snippets and `postconf` commands.

use crate::diagnostic::Diagnostic;
use crate::options::Options;

/// The rendered snippets, before they are parsed back and linted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The main.cf snippet.
    pub main_cf: String,
    /// The master.cf snippet.
    pub master_cf: String,
    /// The `postconf -e`/`-M`/`-P` commands that apply both.
    pub postconf: String,
    /// Problems with the options themselves (rejected free text, advice about a choice).
    pub problems: Vec<Diagnostic>,
}

/// Renders the options.
pub fn render(_options: &Options) -> Rendered {
    Rendered::default()
}
