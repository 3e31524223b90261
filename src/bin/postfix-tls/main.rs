//! `postfix-tls`: the command-line shell over the library.
//!
//! Exit codes: 0 success, 1 lint errors found, 2 usage or input errors.

/// Writes to standard output like `print!`, but a closed pipe (`postfix-tls rules | head`)
/// ends the program quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if write!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

/// `println!` with the same handling of a closed pipe as [`out!`].
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

mod explain;
mod generate;
mod lint;
mod rules;

use std::process::ExitCode;

const USAGE: &str = "usage:
  postfix-tls generate [--options FILE.json] [--format main|master|postconf|json] [--print-options]
  postfix-tls lint [--postfix-version X.Y] [--role public-mx|relay|null-client] [--kind main|master|postconf] [--format text|json|sarif|postconf] [--fix [--no-backup] | --diff] FILE...
  postfix-tls rules
  postfix-tls explain PARAM [--postfix-version X.Y] [--format text|json] [--lang en|de]
  postfix-tls explain --list [--postfix-version X.Y] [--format text|json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("generate") => generate::run(&args[1..]),
        Some("lint") => lint::run(&args[1..]),
        Some("rules") => rules::run(&args[1..]),
        Some("explain") => explain::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            outln!("{USAGE}");
            0
        }
        _ => {
            eprintln!("{USAGE}");
            2
        }
    };
    ExitCode::from(code)
}
