//! Parsed Postfix configuration: `main.cf`, `master.cf` and `postconf -n` output.
//!
//! Parsing never fails: what cannot be read is kept as a [`Malformed`] line, which a rule
//! reports. Line numbers are 1-based and refer to the first physical line of an entry.

/// A `name = value` setting from main.cf, or an `-o name=value` override in master.cf.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// The parameter name, for example `smtpd_tls_security_level`.
    pub name: String,
    /// The value with continuation lines joined by a single space and outer whitespace
    /// trimmed.
    pub value: String,
    /// The 1-based line the entry starts on.
    pub line: usize,
}

/// A line the parser could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// The 1-based line number.
    pub line: usize,
    /// The line's text.
    pub text: String,
    /// Why it could not be read (English; rules turn it into a bilingual diagnostic).
    pub reason: String,
}

/// A parsed main.cf (or `postconf -n` output).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MainCf {
    /// Every setting in file order, duplicates included.
    pub params: Vec<Param>,
    /// Lines that are not settings, comments or blank.
    pub malformed: Vec<Malformed>,
}

/// One service line of master.cf with its `-o` overrides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    /// The service name, for example `smtp`, `submission`, `127.0.0.1:smtp` or `2525`.
    pub name: String,
    /// The service type: `inet`, `unix`, `unix-dgram`, `fifo` or `pass` (as written).
    pub kind: String,
    /// The private column (`y`, `n` or `-`).
    pub private: String,
    /// The unpriv column.
    pub unpriv: String,
    /// The chroot column.
    pub chroot: String,
    /// The wakeup column.
    pub wakeup: String,
    /// The maxproc column.
    pub maxproc: String,
    /// The command, for example `smtpd`.
    pub command: String,
    /// Arguments after the command other than `-o` overrides.
    pub args: Vec<String>,
    /// The `-o name=value` and `-o { name = value }` overrides in order.
    pub overrides: Vec<Param>,
    /// The 1-based line the service starts on.
    pub line: usize,
}

/// A parsed master.cf.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MasterCf {
    /// Every service in file order.
    pub services: Vec<Service>,
    /// Lines that could not be read.
    pub malformed: Vec<Malformed>,
}

use crate::diagnostic::FileKind;

/// Parses main.cf text.
pub fn parse_main(_text: &str) -> MainCf {
    MainCf::default()
}

/// Parses master.cf text.
pub fn parse_master(_text: &str) -> MasterCf {
    MasterCf::default()
}

/// Tells main.cf, master.cf and `postconf -n` output apart by their content.
pub fn detect_kind(_text: &str) -> FileKind {
    FileKind::MainCf
}
