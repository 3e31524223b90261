//! `postfix-tls rules`: lists every lint rule.

use postfix_tls::lang::Lang;
use postfix_tls::rules::RULES;

/// Runs the subcommand; returns the exit code.
pub fn run(args: &[String]) -> u8 {
    if let Some(extra) = args.first() {
        eprintln!("postfix-tls rules: unexpected argument `{extra}`");
        return 2;
    }
    let width = RULES.iter().map(|r| r.id.as_str().len()).max().unwrap_or(0);
    for rule in RULES {
        outln!(
            "{:<width$}  {:<3}  {:<7}  {}  ({}: {})",
            rule.id,
            rule.catalogue.unwrap_or("-"),
            rule.severity.as_str(),
            rule.summary.get(Lang::En),
            rule.source.name,
            rule.source.url,
        );
    }
    0
}
