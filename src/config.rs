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
    /// What kind of problem it is, for the bilingual diagnostic.
    pub kind: MalformedKind,
}

/// Why a line could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MalformedKind {
    /// A main.cf line without `=`.
    NotASetting,
    /// Text before `=` that is not a parameter name.
    BadName,
    /// A line starting with whitespace with nothing to continue.
    StrayContinuation,
    /// A master.cf service line with fewer than 8 columns.
    TooFewColumns,
    /// An `-o` line that does not start with whitespace.
    UnindentedOption,
    /// `-o` without `name=value` after it.
    BadOption,
    /// A word after the command of a daemon that takes no arguments, usually the rest of an
    /// `-o` value after a space (`-o name=a, b`): the daemon stops with "unexpected
    /// command-line argument".
    StrayArgument,
    /// A word after the command of a daemon that never reads its arguments: it does nothing.
    IgnoredArgument,
    /// A master.cf column with a value Postfix refuses: `postfix check` and `postfix start`
    /// stop with "invalid chroot field". The column's name here and in Postfix's message.
    BadColumn(Column),
    /// A service line whose command column holds an option (`smtp inet n - n - - -o
    /// name=value`): the command was left out, and master runs a program named like the
    /// option, which does not exist, at every connection.
    MissingCommand,
}

/// A master.cf column Postfix checks: its name in master(5) and in Postfix's messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// As master(5) and master.cf's header call it: `chroot`, `maxproc`.
    pub name: &'static str,
    /// As Postfix's "invalid ... field" message calls it: `chroot`, `process_limit`.
    pub field: &'static str,
}

const fn column(name: &'static str, field: &'static str) -> Column {
    Column { name, field }
}

/// The columns of a service line Postfix checks, with what they accept: `y`, `n` or `-` for
/// private, unpriv and chroot (lower case only), a number (with `?` for wakeup) or `-` for
/// wakeup and maxproc. Checked with `postconf -M` of Postfix 3.7.11.
fn bad_columns(service: &Service) -> Vec<(Column, &str)> {
    let flag = |v: &str| matches!(v, "y" | "n" | "-");
    let number = |v: &str| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
    let wakeup = &service.wakeup;
    [
        (
            column("private", "private"),
            service.private.as_str(),
            flag(&service.private),
        ),
        (
            column("unpriv", "unprivileged"),
            service.unpriv.as_str(),
            flag(&service.unpriv),
        ),
        (
            column("chroot", "chroot"),
            service.chroot.as_str(),
            flag(&service.chroot),
        ),
        (
            column("wakeup", "wakeup"),
            wakeup.as_str(),
            wakeup == "-" || number(wakeup.strip_suffix('?').unwrap_or(wakeup)),
        ),
        (
            column("maxproc", "process_limit"),
            service.maxproc.as_str(),
            service.maxproc == "-" || number(&service.maxproc),
        ),
    ]
    .into_iter()
    .filter(|(_, _, ok)| !ok)
    .map(|(column, value, _)| (column, value))
    .collect()
}

/// Postfix daemons that take options but no other arguments: each stops with "unexpected
/// command-line argument" (the `argv[0]` check in its `service()` function in Postfix
/// 3.7.11; seen for `smtpd` with a running 3.7.11). `pipe`, `spawn` and programs of other
/// packages take arguments.
const NO_ARGUMENT_DAEMONS: &[&str] = &[
    "anvil",
    "bounce",
    "cleanup",
    "discard",
    "dnsblog",
    "error",
    "flush",
    "local",
    "oqmgr",
    "pickup",
    "postlogd",
    "proxymap",
    "qmgr",
    "qmqpd",
    "scache",
    "showq",
    "smtpd",
    "tlsmgr",
    "tlsproxy",
    "trivial-rewrite",
    "verify",
    "virtual",
];

/// Postfix daemons whose `service()` never looks at its arguments (smtp(8) and lmtp(8),
/// which are one program, and postscreen(8) in Postfix 3.7.11): a word after their options
/// does nothing (`lmtp unix - - n - - lmtp flags=O`, `flags=` being pipe(8)'s).
const ARGUMENT_IGNORING_DAEMONS: &[&str] = &["lmtp", "postscreen", "smtp"];

/// A parsed main.cf (or `postconf -n` output).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MainCf {
    /// Every setting in file order, duplicates included.
    pub params: Vec<Param>,
    /// Lines that are not settings, comments or blank.
    pub malformed: Vec<Malformed>,
    /// `service/type/name = value` lines, as `postconf -P` prints a master.cf `-o`
    /// override: the service, its type and the setting.
    pub service_params: Vec<(String, String, Param)>,
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
use std::borrow::Cow;

/// The service types master.cf knows.
pub const SERVICE_TYPES: &[&str] = &["inet", "unix", "unix-dgram", "fifo", "pass"];

impl MainCf {
    /// The last definition of a parameter (Postfix uses the last one), if any.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.params.iter().rev().find(|p| p.name == name)
    }
}

impl Service {
    /// What Postfix's master tells services apart by: the type, and for an inet service the
    /// address with the port name resolved (`smtps` and `submissions` are both 465, `smtp`
    /// and `25` one service: 3.7.11 logs `duplicate master.cf entry for service
    /// "127.0.0.77:smtp" ([127.0.0.77]:25)` for `127.0.0.77:smtp` beside `127.0.0.77:25`).
    pub fn endpoint(&self) -> (&str, String) {
        if self.kind != "inet" {
            return (&self.kind, self.name.clone());
        }
        (&self.kind, inet_endpoint(&self.name))
    }

    /// The last `-o` override of a parameter on this service, if any.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.overrides.iter().rev().find(|p| p.name == name)
    }
}

/// The address and port an inet service name stands for, with the port names resolved:
/// `host:25` for `host:smtp`, `:465` for `smtps`, `submissions` and `465` alike.
pub fn inet_endpoint(name: &str) -> String {
    let (host, port) = name.rsplit_once(':').unwrap_or(("", name));
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = match port {
        "smtp" => "25",
        "lmtp" => "24",
        "submission" => "587",
        "submissions" | "smtps" | "ssmtp" => "465",
        other => other,
    };
    format!("{}:{port}", host.to_ascii_lowercase())
}

impl MasterCf {
    /// True for a whole master.cf rather than a pasted snippet: it has the queue manager,
    /// without which Postfix delivers nothing. Postfix reads only this file, so a port a
    /// whole master.cf does not list is not served.
    pub fn is_whole(&self) -> bool {
        self.services.iter().any(|s| s.name == "qmgr")
    }

    /// True when no later entry is the same service (`Service::endpoint`): Postfix runs the
    /// last of several.
    pub fn is_live(&self, service: &Service) -> bool {
        let key = service.endpoint();
        let at = self.services.iter().rposition(|s| s.endpoint() == key);
        at.is_some_and(|i| std::ptr::eq(&self.services[i], service))
    }

    /// The service with this name and type, if any: the last entry, which Postfix uses.
    pub fn service(&self, name: &str, kind: &str) -> Option<&Service> {
        self.services
            .iter()
            .rev()
            .find(|s| s.name == name && s.kind == kind)
    }
}

/// Parameters whose value Postfix reads raw, without `$name` expansion at configuration
/// time: the daemon expands its own `$` macros later (`$recipient` in `mailbox_command`,
/// `$EXTENSION` for procmail). The `CONFIG_RAW_TABLE`s of local(8), smtpd(8) and
/// postscreen(8) in Postfix 3.7.11; `postconf -x` prints them unexpanded.
pub const RAW_PARAMETERS: &[&str] = &[
    "command_execution_directory",
    "default_rbl_reply",
    "forward_path",
    "luser_relay",
    "mailbox_command",
    "postscreen_expansion_filter",
    "postscreen_reject_footer",
    "smtpd_expansion_filter",
    "smtpd_reject_footer",
];

/// True when Postfix expands `$name` in this parameter's value.
pub fn is_expanded(name: &str) -> bool {
    !RAW_PARAMETERS.contains(&name)
}

/// One piece of a value as Postfix's `$` expansion (mac_expand) reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    /// Text taken as written.
    Text(&'a str),
    /// `$$`: one `$`.
    Dollar,
    /// `$name`, `${name}` or `$(name)`.
    Ref(&'a str),
    /// `${name?text}` (text when `$name` is not empty) or `${name:text}` (text when it is),
    /// also with the text in braces (`${name?{text}}`, Postfix 3.0+).
    Cond {
        name: &'a str,
        if_set: bool,
        text: &'a str,
    },
    /// Anything else in `${...}` (the 3.0 comparisons, `{a}:{b}` pairs): a value the linter
    /// does not compute. The names it mentions, for the unknown-parameter check.
    Other(&'a str),
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where the bracket opened just before `text` closes: the index of the matching `close`,
/// counting nested pairs. `None` when it never closes.
fn matching_close(text: &str, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        if b == open {
            depth += 1;
        } else if b == close {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// Splits a value into text, `$$` and references.
fn pieces(value: &str) -> Vec<Piece<'_>> {
    let mut found = Vec::new();
    let mut rest = value;
    // A byte search rather than `find`: most values have no `$`.
    while let Some(pos) = rest.bytes().position(|b| b == b'$') {
        if pos > 0 {
            found.push(Piece::Text(&rest[..pos]));
        }
        let after = &rest[pos + 1..];
        let bracket = match after.bytes().next() {
            Some(b'{') => Some((b'{', b'}')),
            Some(b'(') => Some((b'(', b')')),
            _ => None,
        };
        if let Some(tail) = after.strip_prefix('$') {
            found.push(Piece::Dollar);
            rest = tail;
        } else if let Some((open, close)) = bracket {
            let inner = &after[1..];
            let Some(end) = matching_close(inner, open, close) else {
                // Postfix: "unbalanced" or "missing" bracket; the rest is not computed.
                found.push(Piece::Other(inner));
                return found;
            };
            found.push(bracketed(&inner[..end]));
            rest = &inner[end + 1..];
        } else {
            let end = after.bytes().take_while(|&b| is_name_byte(b)).count();
            if end == 0 {
                found.push(Piece::Text("$"));
            } else {
                found.push(Piece::Ref(&after[..end]));
            }
            rest = &after[end..];
        }
    }
    if !rest.is_empty() {
        found.push(Piece::Text(rest));
    }
    found
}

/// The piece `${body}` stands for.
fn bracketed(body: &str) -> Piece<'_> {
    let end = body.bytes().take_while(|&b| is_name_byte(b)).count();
    let (name, tail) = body.split_at(end);
    if name.is_empty() {
        return Piece::Other(body);
    }
    let (if_set, text) = match tail.as_bytes().first() {
        None => return Piece::Ref(name),
        Some(b'?') => (true, &tail[1..]),
        Some(b':') => (false, &tail[1..]),
        Some(_) => return Piece::Other(body),
    };
    let text = match text.strip_prefix('{') {
        // `{text}` whole, not `{a}:{b}`.
        Some(inner) => match matching_close(inner, b'{', b'}') {
            Some(end) if end + 1 == inner.len() => &inner[..end],
            _ => return Piece::Other(body),
        },
        None => text,
    };
    Piece::Cond { name, if_set, text }
}

/// The names a value refers to as `$name`, `${name}`, `$(name)` or `${name?text}` (and in
/// that text), in order. `$$` is a literal `$`.
pub fn references(value: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for piece in pieces(value) {
        match piece {
            Piece::Ref(name) => names.push(name),
            Piece::Cond { name, text, .. } => {
                names.push(name);
                names.extend(references(text));
            }
            Piece::Other(body) => names.extend(
                body.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .filter(|w| w.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())),
            ),
            Piece::Text(_) | Piece::Dollar => {}
        }
    }
    names
}

/// The names a value needs defined: `$name`, `${name}` and `$(name)`, but not the name of a
/// `${name?text}` or `${name:text}`, which exists to test whether it is set.
pub fn required_references(value: &str) -> Vec<&str> {
    pieces(value)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Ref(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// The value after Postfix's `$` expansion, or `None` when it cannot be known here: a name
/// `lookup` does not know (it gives a name's raw value, written or default), a 3.0
/// comparison, or references nested too deep (a loop).
pub fn expand(value: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    expand_depth(value, lookup, 0)
}

fn expand_depth(value: &str, lookup: &dyn Fn(&str) -> Option<String>, depth: u8) -> Option<String> {
    if !value.contains('$') {
        return Some(value.to_string());
    }
    if depth > 8 {
        return None;
    }
    let resolve = |name: &str| expand_depth(&lookup(name)?, lookup, depth + 1);
    let mut out = String::new();
    for piece in pieces(value) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Dollar => out.push('$'),
            Piece::Ref(name) => out.push_str(&resolve(name)?),
            Piece::Cond { name, if_set, text } => {
                if resolve(name)?.trim().is_empty() != if_set {
                    out.push_str(&expand_depth(text, lookup, depth + 1)?);
                }
            }
            Piece::Other(_) => return None,
        }
    }
    Some(out)
}

/// A logical line: its first physical line number and its text with continuations joined.
/// Most lines continue nothing, so the text borrows the input until a continuation is added.
struct Logical<'a> {
    line: usize,
    text: Cow<'a, str>,
}

/// Splits text into logical lines: comments and blank lines are skipped, a line that starts
/// with whitespace continues the previous logical line. A continuation without a line to
/// continue is reported as malformed.
fn logical_lines<'a>(text: &'a str, malformed: &mut Vec<Malformed>) -> Vec<Logical<'a>> {
    let mut lines: Vec<Logical> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if raw.starts_with(char::is_whitespace) {
            match lines.last_mut() {
                Some(last) => {
                    let joined = last.text.to_mut();
                    joined.push(' ');
                    joined.push_str(trimmed);
                }
                None => malformed.push(Malformed {
                    line: number,
                    text: raw.to_string(),
                    reason: String::from("continuation line without a line to continue"),
                    kind: MalformedKind::StrayContinuation,
                }),
            }
        } else {
            lines.push(Logical {
                line: number,
                text: Cow::Borrowed(trimmed),
            });
        }
    }
    lines
}

/// Parameter names are letters, digits, `_`, and `-`/`.` inside service-name prefixes.
fn is_param_name(name: &str) -> bool {
    // By byte: every allowed character is ASCII, and no byte of a multi-byte character is.
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// Splits `name = value`; `None` when there is no `=` or the name is not a parameter name.
fn split_setting(text: &str) -> Option<(&str, &str)> {
    let (name, value) = text.split_once('=')?;
    let name = name.trim();
    is_param_name(name).then_some((name, value.trim()))
}

/// Splits `service/type/name = value` (a line of `postconf -P`) into its parts.
fn split_service_setting(text: &str) -> Option<(&str, &str, &str, &str)> {
    let (key, value) = text.split_once('=')?;
    let mut parts = key.trim().splitn(3, '/');
    let (service, kind, name) = (parts.next()?, parts.next()?, parts.next()?);
    (!service.is_empty() && SERVICE_TYPES.contains(&kind) && is_param_name(name)).then_some((
        service,
        kind,
        name,
        value.trim(),
    ))
}

/// Parses main.cf text (also `postconf -n` output, followed or not by `postconf -P`).
pub fn parse_main(text: &str) -> MainCf {
    let mut main = MainCf::default();
    for logical in logical_lines(text, &mut main.malformed) {
        if let Some((service, kind, name, value)) = split_service_setting(&logical.text) {
            main.service_params.push((
                service.to_string(),
                kind.to_string(),
                Param {
                    name: name.to_string(),
                    value: value.to_string(),
                    line: logical.line,
                },
            ));
            continue;
        }
        match split_setting(&logical.text) {
            Some((name, value)) => main.params.push(Param {
                name: name.to_string(),
                value: value.to_string(),
                line: logical.line,
            }),
            None => main.malformed.push(Malformed {
                line: logical.line,
                reason: if logical.text.contains('=') {
                    String::from("not a parameter name before `=`")
                } else {
                    String::from("expected `name = value`")
                },
                kind: if logical.text.contains('=') {
                    MalformedKind::BadName
                } else {
                    MalformedKind::NotASetting
                },
                text: logical.text.into_owned(),
            }),
        }
    }
    main
}

/// The services `postconf -P` lines describe, each with its overrides, when there are such
/// lines. `postconf -P` does not show the command: an inet service is taken to run smtpd
/// (postscreen when it has `postscreen_*` settings), a unix service the program of its name,
/// and the columns are the defaults (`-`).
pub fn services_of(main: &MainCf) -> Option<MasterCf> {
    let mut master = MasterCf::default();
    for (name, kind, param) in &main.service_params {
        let index = match master
            .services
            .iter()
            .position(|s| s.name == *name && s.kind == *kind)
        {
            Some(index) => index,
            None => {
                let dash = || String::from("-");
                master.services.push(Service {
                    name: name.clone(),
                    kind: kind.clone(),
                    private: dash(),
                    unpriv: dash(),
                    chroot: dash(),
                    wakeup: dash(),
                    maxproc: dash(),
                    command: String::new(),
                    args: Vec::new(),
                    overrides: Vec::new(),
                    line: param.line,
                });
                master.services.len() - 1
            }
        };
        master.services[index].overrides.push(param.clone());
    }
    for service in &mut master.services {
        let screens = service
            .overrides
            .iter()
            .any(|p| p.name.starts_with("postscreen_"));
        service.command = match service.kind.as_str() {
            "inet" if screens => String::from("postscreen"),
            "inet" | "pass" => String::from("smtpd"),
            _ => service.name.clone(),
        };
    }
    (!master.services.is_empty()).then_some(master)
}

/// A master.cf word with the physical line it is on; it borrows the input unless it is a
/// `{ ... }` group joined from several tokens.
struct Word<'a> {
    line: usize,
    text: Cow<'a, str>,
}

/// True when a `{ ... }` group has more `{` than `}` so far: a value in it may hold its own
/// braces (`-o { smtpd_client_restrictions = check_policy_service { inet:x, timeout=10s } }`).
fn unclosed_brace(group: &str) -> bool {
    let opened = group.bytes().filter(|&b| b == b'{').count();
    let closed = group.bytes().filter(|&b| b == b'}').count();
    opened > closed
}

/// Splits master.cf text into services: the words of all of them in one list (one
/// allocation rather than one per service) and where each service's words start.
/// `{ ... }` is one word. Comment lines inside a service's continuation are skipped, as
/// Postfix does.
fn master_entries<'a>(
    text: &'a str,
    malformed: &mut Vec<Malformed>,
) -> (Vec<Word<'a>>, Vec<usize>) {
    let mut words: Vec<Word> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut open_brace = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let continues = raw.starts_with(char::is_whitespace) || open_brace;
        if !continues {
            starts.push(words.len());
        }
        if starts.is_empty() {
            malformed.push(Malformed {
                line: number,
                text: raw.to_string(),
                reason: String::from("continuation line without a service line to continue"),
                kind: MalformedKind::StrayContinuation,
            });
            continue;
        }
        for token in trimmed.split_whitespace() {
            match words.last_mut() {
                // An open brace was opened by this service's last word: no service starts
                // while one is open.
                Some(last) if open_brace => {
                    let group = last.text.to_mut();
                    group.push(' ');
                    group.push_str(token);
                }
                _ => words.push(Word {
                    line: number,
                    text: Cow::Borrowed(token),
                }),
            }
            if let Some(last) = words.last() {
                open_brace = last.text.starts_with('{') && unclosed_brace(&last.text);
            }
        }
    }
    (words, starts)
}

/// Parses master.cf text.
pub fn parse_master(text: &str) -> MasterCf {
    let mut master = MasterCf::default();
    let (all_words, starts) = master_entries(text, &mut master.malformed);
    let ends = starts.iter().skip(1).copied().chain([all_words.len()]);
    for (start, end) in starts.iter().copied().zip(ends) {
        let words = &all_words[start..end];
        let Some(first) = words.first() else { continue };
        let line = first.line;
        if words.len() < 8 {
            let text = words
                .iter()
                .map(|w| w.text.as_ref())
                .collect::<Vec<_>>()
                .join(" ");
            let (reason, kind) = if text.starts_with("-o") {
                (
                    "an `-o` line must start with whitespace to continue the service line above",
                    MalformedKind::UnindentedOption,
                )
            } else {
                (
                    "a service line needs 8 columns",
                    MalformedKind::TooFewColumns,
                )
            };
            master.malformed.push(Malformed {
                line,
                reason: String::from(reason),
                kind,
                text,
            });
            continue;
        }
        let mut service = Service {
            name: words[0].text.to_string(),
            kind: words[1].text.to_string(),
            private: words[2].text.to_string(),
            unpriv: words[3].text.to_string(),
            chroot: words[4].text.to_string(),
            wakeup: words[5].text.to_string(),
            maxproc: words[6].text.to_string(),
            command: words[7].text.to_string(),
            args: Vec::new(),
            overrides: Vec::new(),
            line,
        };
        // A line of an unknown type is unknown_service's (often every column shifted by a
        // pasted word): its columns say nothing more.
        if SERVICE_TYPES.contains(&service.kind.as_str()) {
            for (column, value) in bad_columns(&service) {
                master.malformed.push(Malformed {
                    line,
                    text: value.to_string(),
                    reason: format!("invalid {} field", column.field),
                    kind: MalformedKind::BadColumn(column),
                });
            }
        }
        // With the command left out, the first option stands in the command column. Postfix
        // 3.5.25 starts and `postfix check` and `postconf -M` say nothing, but at the first
        // connection master logs "fatal: master_spawn: exec /usr/lib/postfix/sbin/-o: No
        // such file or directory" and "bad command startup -- throttling": the service
        // never answers.
        if SERVICE_TYPES.contains(&service.kind.as_str()) && service.command.starts_with('-') {
            master.malformed.push(Malformed {
                line,
                text: service.command.clone(),
                reason: String::from("the command column holds an option"),
                kind: MalformedKind::MissingCommand,
            });
        }
        let stray_kind = if NO_ARGUMENT_DAEMONS.contains(&service.command.as_str()) {
            Some(MalformedKind::StrayArgument)
        } else if ARGUMENT_IGNORING_DAEMONS.contains(&service.command.as_str()) {
            Some(MalformedKind::IgnoredArgument)
        } else {
            None
        };
        // Words after a broken `-o` on its line are that override's, reported with it.
        let mut bad_option_line = None;
        // Options end at the first word that is not one, or at `--`: Postfix's getopt runs
        // with "+" (sys_defs.h GETOPT), and postconf -M/-P read master.cf the same way, so a
        // later `-oi` is the program's own argument (`pipe ... argv=sendmail -oi -f ...`).
        let mut options_done = false;
        let known_type = SERVICE_TYPES.contains(&service.kind.as_str());
        let mut rest = words[8..].iter();
        while let Some(word) = rest.next() {
            if options_done || word.text == "--" {
                options_done = true;
                service.args.push(word.text.to_string());
                continue;
            }
            // `-o name=value`, `-o { name = value }` and getopt's `-oname=value`.
            let (setting, setting_line) = if word.text == "-o" {
                match rest.next() {
                    Some(next) => (next.text.as_ref(), next.line),
                    None => {
                        master.malformed.push(Malformed {
                            line: word.line,
                            text: word.text.to_string(),
                            reason: String::from("`-o` without `name=value`"),
                            kind: MalformedKind::BadOption,
                        });
                        continue;
                    }
                }
            } else if let Some(attached) = word.text.strip_prefix("-o") {
                (attached, word.line)
            } else {
                // A line of an unknown type (columns shifted by a pasted word, its command
                // among the arguments) keeps its overrides read, to be judged once fixed.
                if !word.text.starts_with('-') && known_type {
                    options_done = true;
                    // The daemon stops at this word; words on a broken `-o` line are that
                    // override's, reported with it.
                    if let Some(kind) = stray_kind.filter(|_| bad_option_line != Some(word.line)) {
                        master.malformed.push(Malformed {
                            line: word.line,
                            text: word.text.to_string(),
                            reason: format!("`{}` takes no arguments", service.command),
                            kind,
                        });
                    }
                }
                service.args.push(word.text.to_string());
                continue;
            };
            let inner = setting
                .strip_prefix('{')
                .and_then(|t| t.strip_suffix('}'))
                .unwrap_or(setting);
            match split_setting(inner) {
                Some((name, value)) => service.overrides.push(Param {
                    name: name.to_string(),
                    value: value.to_string(),
                    line: setting_line,
                }),
                None => {
                    bad_option_line = Some(setting_line);
                    master.malformed.push(Malformed {
                        line: setting_line,
                        text: format!("-o {setting}"),
                        reason: String::from("expected `-o name=value`"),
                        kind: MalformedKind::BadOption,
                    });
                }
            }
        }
        master.services.push(service);
    }
    master.malformed.sort_by_key(|m| m.line);
    master
}

/// Tells main.cf, master.cf and `postconf -n` output apart by their content: service lines
/// (8 columns with a known type) or `-o` lines mean master.cf; settings without comments,
/// blank lines or continuations, sorted by name (at least 4), mean `postconf -n`; anything
/// else main.cf.
pub fn detect_kind(text: &str) -> FileKind {
    let mut names: Vec<&str> = Vec::new();
    let mut plain = true;
    for raw in text.trim_end().lines() {
        let trimmed = raw.trim();
        let words: Vec<&str> = trimmed.split_whitespace().collect();
        let service_line = words.len() >= 8
            && SERVICE_TYPES.contains(&words[1])
            && !trimmed.contains(" = ")
            && !words[0].contains('=');
        if service_line || trimmed.starts_with("-o ") {
            return FileKind::MasterCf;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') || raw.starts_with(char::is_whitespace) {
            plain = false;
            continue;
        }
        // `postconf -P` lines after `postconf -n`: their own sorted block.
        if split_service_setting(trimmed).is_some() {
            continue;
        }
        match split_setting(trimmed) {
            Some((name, _)) => names.push(name),
            None => plain = false,
        }
    }
    // A few sorted lines are as likely a short main.cf snippet; postconf -n prints more.
    if plain && names.len() >= 4 && names.windows(2).all(|w| w[0] < w[1]) {
        FileKind::PostconfN
    } else {
        FileKind::MainCf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion_follows_postfix() {
        let lookup = |name: &str| match name {
            "a" => Some(String::from(">=TLSv1.2")),
            "empty" => Some(String::new()),
            "loop" => Some(String::from("$loop")),
            "indirect" => Some(String::from("${a}")),
            _ => None,
        };
        let cases = [
            ("$a", Some(">=TLSv1.2")),
            ("${a}", Some(">=TLSv1.2")),
            ("$(a), !SSLv3", Some(">=TLSv1.2, !SSLv3")),
            ("$indirect", Some(">=TLSv1.2")),
            ("${a?yes}", Some("yes")),
            ("${a:no}", Some("")),
            ("${empty?{yes}}${empty:{no}}", Some("no")),
            ("$$a", Some("$a")),
            ("price: 5$", Some("price: 5$")),
            ("$unknown", None),
            ("${a?{x}:{y}}", None),
            ("${a == b ?{x}}", None),
            ("$loop", None),
            ("${a", None),
        ];
        for (value, expected) in cases {
            assert_eq!(expand(value, &lookup).as_deref(), expected, "{value}");
        }
    }

    #[test]
    fn references_skip_dollar_dollar_and_tell_conditions_apart() {
        assert_eq!(references("$$a ${b?$c} $d"), vec!["b", "c", "d"]);
        assert_eq!(required_references("$$a ${b?$c} $d ${e:{f}}"), vec!["d"]);
        assert!(!is_expanded("mailbox_command"));
        assert!(is_expanded("smtpd_tls_mandatory_protocols"));
    }

    #[test]
    fn nested_braces_stay_in_one_override() {
        let master = parse_master(
            "submission inet n - y - - smtpd\n  -o { smtpd_client_restrictions = check_policy_service { inet:127.0.0.1:10023, timeout=10s }, reject }\n  -o syslog_name=postfix/submission\n",
        );
        assert!(master.malformed.is_empty(), "{:?}", master.malformed);
        let service = &master.services[0];
        assert_eq!(
            service
                .get("smtpd_client_restrictions")
                .map(|p| p.value.as_str()),
            Some("check_policy_service { inet:127.0.0.1:10023, timeout=10s }, reject")
        );
        assert!(service.get("syslog_name").is_some());
    }

    #[test]
    fn postconf_p_lines_describe_services() {
        let text = "compatibility_level = 3.6\nsmtpd_tls_security_level = may\nsmtp/inet/postscreen_upstream_proxy_protocol = haproxy\nsubmission/inet/smtpd_tls_security_level = encrypt\nsubmission/inet/syslog_name = postfix/submission\n";
        let main = parse_main(text);
        assert!(main.malformed.is_empty(), "{:?}", main.malformed);
        assert_eq!(main.params.len(), 2);
        let master = services_of(&main).unwrap_or_default();
        let names: Vec<(&str, &str, usize)> = master
            .services
            .iter()
            .map(|s| (s.name.as_str(), s.command.as_str(), s.overrides.len()))
            .collect();
        assert_eq!(
            names,
            [("smtp", "postscreen", 1), ("submission", "smtpd", 2)]
        );
        assert!(services_of(&parse_main("a = b\n")).is_none());
        assert!(!parse_main("a/b/c = d\n").malformed.is_empty());
    }

    #[test]
    fn services_are_told_apart_as_master_does() {
        let master = parse_master(
            "smtps inet n - y - - smtpd\nsubmissions inet n - y - - smtpd\n127.0.0.1:smtp inet n - y - - smtpd\n[127.0.0.1]:25 inet n - y - - smtpd\nsmtp unix - - y - - smtp\n",
        );
        let keys: Vec<(&str, String)> = master.services.iter().map(Service::endpoint).collect();
        assert_eq!(keys[0], keys[1]);
        assert_eq!(keys[0], ("inet", String::from(":465")));
        assert_eq!(keys[2], keys[3]);
        assert_eq!(keys[4], ("unix", String::from("smtp")));
        let live: Vec<bool> = master.services.iter().map(|s| master.is_live(s)).collect();
        assert_eq!(live, [false, true, false, true, true]);
    }

    #[test]
    fn options_end_at_the_first_argument() {
        let master = parse_master(
            "spamassassin unix - n n - - pipe\n  user=debian-spamd argv=/usr/bin/spamc -f -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}\nsubmission inet n - y - - smtpd\n  -o a=b, c\n  -o d=e\n",
        );
        assert!(master.services[0].overrides.is_empty());
        assert!(master.services[0].args.contains(&String::from("-oi")));
        let submission = &master.services[1];
        assert_eq!(submission.overrides.len(), 1);
        assert_eq!(submission.args, ["c", "-o", "d=e"]);
        let lines: Vec<usize> = master.malformed.iter().map(|m| m.line).collect();
        assert_eq!(lines, [4]);
    }

    #[test]
    fn words_after_a_daemon_that_ignores_them_are_harmless() {
        let master = parse_master(
            "lmtp unix - - n - - lmtp flags=O\nlocal unix - n n - - local flags=O\nmaildrop unix - n n - - pipe flags=DRhu\n",
        );
        let kinds: Vec<(usize, MalformedKind)> =
            master.malformed.iter().map(|m| (m.line, m.kind)).collect();
        assert_eq!(
            kinds,
            [
                (1, MalformedKind::IgnoredArgument),
                (2, MalformedKind::StrayArgument)
            ]
        );
    }
}
