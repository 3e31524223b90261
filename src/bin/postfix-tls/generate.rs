//! `postfix-tls generate`.

/// Runs the subcommand; returns the exit code.
pub fn run(_args: &[String]) -> u8 {
    2
}
