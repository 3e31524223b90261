//! Machine-applicable fixes: what a finding's fix changes, and an edit engine that applies
//! fixes to the text of a file without touching a byte it does not own.
//!
//! A finding whose fix is certain (Postfix accepts exactly one reading of what was meant, such
//! as `kann` for `may`) carries [`Fix::Certain`]; one with several plausible fixes carries
//! [`Fix::Choices`], the most likely first, each saying what it does. The checks in
//! [`crate::rules`] declare a fix beside the finding it belongs to.
//!
//! Applying a fix edits physical lines: the line a change names, and for a removed entry its
//! continuation lines. Comments, blank lines, order, continuation lines of other entries and
//! the whitespace of every untouched line stay byte for byte.
//!
//! ```
//! use postfix_tls::diagnostic::FileKind;
//! use postfix_tls::fix::{apply, Change};
//!
//! let text = "# inbound\nsmtpd_tls_security_level = kann   \n\nmyhostname = mx\n";
//! let change = Change::ReplaceWord {
//!     file: FileKind::MainCf,
//!     line: 2,
//!     from: String::from("kann"),
//!     to: String::from("may"),
//! };
//! let edited = apply(text, FileKind::MainCf, &[&change]);
//! assert_eq!(edited.text(), "# inbound\nsmtpd_tls_security_level = may   \n\nmyhostname = mx\n");
//! assert_eq!(edited.changed_lines(), [2]);
//! ```

use crate::config::{self, MainCf, MasterCf, Service};
use crate::diagnostic::{Diagnostic, FileKind};
use crate::lang::Text;
use crate::rules::{self, LintContext, RuleId};

/// One edit of a configuration file. Lines are the 1-based physical lines of the file as
/// given, which is where findings point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Set the parameter written at `line` (a main.cf entry, a `postconf -P` line or an
    /// `-o name=value` override) to `value`. A main.cf entry keeps its name and `=` as
    /// written; its continuation lines, part of the old value, go.
    SetValue {
        /// The file.
        file: FileKind,
        /// The line the setting starts on.
        line: usize,
        /// The parameter.
        name: String,
        /// The new value.
        value: String,
    },
    /// Remove the entry starting at `line`: a main.cf setting or a master.cf service with its
    /// continuation lines; an indented line alone.
    RemoveLine {
        /// The file.
        file: FileKind,
        /// The line.
        line: usize,
    },
    /// Replace the first whole word `from` on `line` (in a main.cf setting: in its value)
    /// with `to`. An empty `to` removes the word and the blanks after it.
    ReplaceWord {
        /// The file.
        file: FileKind,
        /// The line.
        line: usize,
        /// The word as written.
        from: String,
        /// What replaces it.
        to: String,
    },
    /// Move the main.cf setting at `line` to an `-o name=value` override of the master.cf
    /// service `service` of type `kind`: the main.cf line goes, the override is added after
    /// the service's last line.
    MoveToService {
        /// The main.cf line.
        line: usize,
        /// The service name, as in master.cf.
        service: String,
        /// The service type.
        kind: String,
        /// The parameter.
        name: String,
        /// Its value.
        value: String,
    },
}

impl Change {
    /// True when the change edits this file: main.cf and `postconf -n` text are one kind
    /// here (a `postconf -P` line is in the main input).
    fn edits(&self, kind: FileKind) -> bool {
        let master = kind == FileKind::MasterCf;
        match self {
            Change::SetValue { file, .. }
            | Change::RemoveLine { file, .. }
            | Change::ReplaceWord { file, .. } => (*file == FileKind::MasterCf) == master,
            Change::MoveToService { .. } => true,
        }
    }
}

/// One of several plausible fixes, and what choosing it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The edits it makes.
    pub changes: Vec<Change>,
    /// What it does, for the person choosing.
    pub what: Text,
}

/// How a finding is fixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// Exactly one reading is possible: `--fix` applies these edits.
    Certain(Vec<Change>),
    /// A person chooses; the most likely first.
    Choices(Vec<Choice>),
}

impl Fix {
    /// A certain fix of one edit.
    pub fn certain(change: Change) -> Fix {
        Fix::Certain(vec![change])
    }

    /// Points every edit at `file`: findings about `postconf -P` lines are on the main
    /// input, not on a master.cf.
    pub fn retarget(&mut self, file: FileKind) {
        let changes: Vec<&mut Change> = match self {
            Fix::Certain(changes) => changes.iter_mut().collect(),
            Fix::Choices(choices) => choices
                .iter_mut()
                .flat_map(|c| c.changes.iter_mut())
                .collect(),
        };
        for change in changes {
            match change {
                Change::SetValue { file: f, .. }
                | Change::RemoveLine { file: f, .. }
                | Change::ReplaceWord { file: f, .. } => *f = file,
                Change::MoveToService { .. } => {}
            }
        }
    }
}

/// The edits `--fix` makes for these findings: every certain fix, in order.
pub fn certain_changes(found: &[Diagnostic]) -> Vec<&Change> {
    found
        .iter()
        .filter_map(|d| match &d.fix {
            Some(Fix::Certain(changes)) => Some(changes.iter()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The files after `--fix`: every certain fix applied, round after round while fixing one
/// finding reveals another (a service renamed from `Übermittlung` to `submission` makes
/// `encrypt` the certain level of its `verschlüsseln`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// main.cf (or `postconf -n` output) after the fixes, if one was given.
    pub main: Option<String>,
    /// master.cf after the fixes, if one was given.
    pub master: Option<String>,
    /// The findings whose certain fix was applied, at their lines in the files given (a
    /// finding of a later round at the line its line came from).
    pub fixed: Vec<Diagnostic>,
    /// What the linter finds in the fixed files: findings left for a person (with their
    /// choices, if any) and those no fix is known for.
    pub remaining: Vec<Diagnostic>,
    /// Each line of the files given that the fixes changed, with what took its place: `main`
    /// and `master` are these put in place of their lines, so they are the fixes told as
    /// edits of the files given (SARIF's replacements), not a second reckoning of them.
    pub lines: Vec<LineFix>,
}

/// One line of a file as given and what the fixes made of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFix {
    /// The file: the main input's kind, or master.cf.
    pub file: FileKind,
    /// The 1-based line in the file as given.
    pub line: usize,
    /// The line as given, with its line end.
    pub was: String,
    /// What takes its place, line ends included: the line as fixed and the lines added after
    /// it; empty when it was removed.
    pub now: String,
    /// The findings of [`Fixed::fixed`] (their indices) whose fixes changed it, in order; none
    /// for a line only a person's choice changed.
    pub by: Vec<usize>,
}

/// A file as given, line by line, and what each line has become so far.
#[derive(Clone, Debug)]
struct Lines<'a> {
    given: Vec<&'a str>,
    now: Vec<String>,
    by: Vec<Vec<usize>>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let given: Vec<&str> = text.split_inclusive('\n').collect();
        Lines {
            now: given.iter().map(|l| l.to_string()).collect(),
            by: vec![Vec::new(); given.len()],
            given,
        }
    }

    fn text(&self) -> String {
        self.now.concat()
    }

    /// For each line of [`Lines::text`], the line as given it came from (0-based).
    fn origins(&self) -> Vec<usize> {
        self.now
            .iter()
            .enumerate()
            .flat_map(|(i, now)| now.split_inclusive('\n').map(move |_| i))
            .collect()
    }

    /// Takes in a round of edits of [`Lines::text`]: each line of the edited text goes back
    /// to the line as given it came from, with the owners of the changes that touched it.
    fn take(&mut self, edited: &Edited, owners: &[Option<usize>]) {
        let origins = self.origins();
        // The edited text is this text: one slot for each of its lines.
        debug_assert_eq!(edited.slots.len(), origins.len());
        let mut now: Vec<String> = vec![String::new(); self.given.len()];
        for (slot, &origin) in edited.slots.iter().zip(&origins) {
            let into = &mut now[origin];
            if let Some(line) = &slot.now {
                into.push_str(line);
            }
            for line in &slot.added {
                into.push_str(line);
            }
            for owner in slot
                .by
                .iter()
                .filter_map(|&c| owners.get(c).copied().flatten())
            {
                if !self.by[origin].contains(&owner) {
                    self.by[origin].push(owner);
                }
            }
        }
        self.now = now;
    }

    fn changed(&self, file: FileKind) -> impl Iterator<Item = LineFix> + '_ {
        (0..self.given.len())
            .filter(|&i| self.now[i] != self.given[i])
            .map(move |i| LineFix {
                file,
                line: i + 1,
                was: self.given[i].to_string(),
                now: self.now[i].clone(),
                by: self.by[i].clone(),
            })
    }
}

/// The fixing of one pair of files, round after round.
struct Fixing<'a> {
    main: Option<Lines<'a>>,
    main_kind: FileKind,
    master: Option<Lines<'a>>,
    fixed: Vec<Diagnostic>,
}

impl<'a> Fixing<'a> {
    fn new(main: Option<&'a str>, main_kind: FileKind, master: Option<&'a str>) -> Fixing<'a> {
        Fixing {
            main: main.map(Lines::new),
            main_kind,
            master: master.map(Lines::new),
            fixed: Vec::new(),
        }
    }

    fn texts(&self) -> (Option<String>, Option<String>) {
        (
            self.main.as_ref().map(Lines::text),
            self.master.as_ref().map(Lines::text),
        )
    }

    fn lint(&self, ctx: &LintContext) -> Vec<Diagnostic> {
        let (main, master) = self.texts();
        lint_pair(main.as_deref(), self.main_kind, master.as_deref(), ctx)
    }

    /// Applies `changes` to both files, each change owned by a finding of `fixed` or by
    /// none; false when nothing changed.
    fn apply(&mut self, changes: &[&Change], owners: &[Option<usize>]) -> bool {
        let mut changed = false;
        for (lines, kind) in [
            (self.main.as_mut(), self.main_kind),
            (self.master.as_mut(), FileKind::MasterCf),
        ] {
            let Some(lines) = lines else { continue };
            let text = lines.text();
            let edited = apply(&text, kind, changes);
            if edited.text() != text {
                changed = true;
                lines.take(&edited, owners);
            }
        }
        changed
    }

    /// Every certain fix, round after round.
    fn certain(&mut self, ctx: &LintContext) {
        // Each round fixes what the last one revealed; a handful is plenty, and the bound
        // keeps two fixes that undo each other from looping.
        for _ in 0..4 {
            let found = self.lint(ctx);
            let certain: Vec<&Diagnostic> = found
                .iter()
                .filter(|d| matches!(d.fix, Some(Fix::Certain(_))))
                .collect();
            let mut changes = Vec::new();
            let mut owners = Vec::new();
            for (n, d) in certain.iter().enumerate() {
                let owned = certain_changes(std::slice::from_ref(*d));
                owners.extend(owned.iter().map(|_| Some(self.fixed.len() + n)));
                changes.extend(owned);
            }
            if changes.is_empty() {
                break;
            }
            // Findings are told at the line as given their line came from.
            let origins = |d: &Diagnostic| {
                match d.file {
                    Some(FileKind::MasterCf) if self.master.is_some() => self.master.as_ref(),
                    _ => self.main.as_ref(),
                }
                .map(Lines::origins)
            };
            let told: Vec<Diagnostic> = certain
                .iter()
                .map(|d| {
                    let mut d = (*d).clone();
                    if let (Some(line), Some(origins)) = (d.line, origins(&d)) {
                        d.line = Some(
                            line.checked_sub(1)
                                .and_then(|l| origins.get(l))
                                .map_or(line, |o| o + 1),
                        );
                    }
                    d
                })
                .collect();
            if !self.apply(&changes, &owners) {
                break;
            }
            self.fixed.extend(told);
        }
    }

    fn finish(self, ctx: &LintContext) -> Fixed {
        let remaining = self.lint(ctx);
        let (main, master) = self.texts();
        let mut lines: Vec<LineFix> = Vec::new();
        if let Some(l) = &self.main {
            lines.extend(l.changed(self.main_kind));
        }
        if let Some(l) = &self.master {
            lines.extend(l.changed(FileKind::MasterCf));
        }
        Fixed {
            main,
            master,
            fixed: self.fixed,
            remaining,
            lines,
        }
    }
}

/// Lints the pair; findings about `postconf -P` lines of a main input without master.cf are
/// on the main input, fixes included.
fn lint_pair(
    main: Option<&str>,
    main_kind: FileKind,
    master: Option<&str>,
    ctx: &LintContext,
) -> Vec<Diagnostic> {
    let main_cf = main.map(config::parse_main);
    let master_cf = master.map(config::parse_master);
    let mut found = rules::lint(main_cf.as_ref(), master_cf.as_ref(), ctx);
    for d in &mut found {
        let on_main = match d.file {
            Some(FileKind::MasterCf) => master.is_none(),
            Some(_) => true,
            None => false,
        };
        if on_main {
            d.file = Some(main_kind);
            if let Some(fix) = d.fix.as_mut() {
                fix.retarget(main_kind);
            }
        }
    }
    found
}

/// Applies every certain fix to the given files (`main_kind` says whether the main input is
/// main.cf or `postconf -n` output) and lints the result.
pub fn fix_files(
    main: Option<&str>,
    main_kind: FileKind,
    master: Option<&str>,
    ctx: &LintContext,
) -> Fixed {
    let mut fixing = Fixing::new(main, main_kind, master);
    fixing.certain(ctx);
    fixing.finish(ctx)
}

/// A choice a person made for a finding left after the certain fixes: the finding (its rule
/// and line in the file as it was when chosen) and the choice's place in its list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pick {
    /// The rule of the finding.
    pub id: RuleId,
    /// Its line, in the file fixed so far.
    pub line: Option<usize>,
    /// Which choice, counted from 0.
    pub choice: usize,
}

/// [`fix_files`], then each pick in order: its choice applied to the files fixed so far,
/// and the certain fixes again (a choice can make the next fix certain). A pick whose
/// finding is gone (an earlier pick fixed it) is skipped.
pub fn fix_with_picks(
    main: Option<&str>,
    main_kind: FileKind,
    master: Option<&str>,
    ctx: &LintContext,
    picks: &[Pick],
) -> Fixed {
    let mut fixing = Fixing::new(main, main_kind, master);
    fixing.certain(ctx);
    for pick in picks {
        let remaining = fixing.lint(ctx);
        let chosen = remaining
            .iter()
            .filter(|d| d.id == pick.id && d.line == pick.line)
            .find_map(|d| match &d.fix {
                Some(Fix::Choices(choices)) => choices.get(pick.choice),
                _ => None,
            });
        let Some(chosen) = chosen else { continue };
        let changes: Vec<&Change> = chosen.changes.iter().collect();
        let owners = vec![None; changes.len()];
        fixing.apply(&changes, &owners);
        fixing.certain(ctx);
    }
    fixing.finish(ctx)
}

/// One physical line of the file being edited.
#[derive(Clone, Debug)]
struct Slot<'a> {
    /// The line as given, with its line end.
    original: &'a str,
    /// The line now; `None` once removed.
    now: Option<String>,
    /// Lines added after it.
    added: Vec<String>,
    /// The changes (their places in the list applied) that edited it or added after it.
    by: Vec<usize>,
}

/// A file with changes applied.
#[derive(Clone, Debug)]
pub struct Edited<'a> {
    original: &'a str,
    slots: Vec<Slot<'a>>,
    /// For each change given, whether it could be applied (its line and word were there).
    pub applied: Vec<bool>,
    /// The place of the change being applied, noted on each line it edits.
    current: usize,
}

/// The line end of a physical line: `\r\n`, `\n` or none (the last line).
fn line_end(line: &str) -> &str {
    if line.ends_with("\r\n") {
        "\r\n"
    } else if line.ends_with('\n') {
        "\n"
    } else {
        ""
    }
}

fn bare(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

fn is_indented(line: &str) -> bool {
    line.starts_with(char::is_whitespace)
}

/// Bytes that end a word in a value or a master.cf line.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '=' | '{' | '}' | ':' | '!' | '<' | '>' | '(' | ')')
}

/// Where the first whole word `word` starts in `text` at or after `from`.
fn find_word(text: &str, word: &str, from: usize) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut start = from;
    while let Some(pos) = text.get(start..)?.find(word) {
        let at = start + pos;
        let end = at + word.len();
        let before = text[..at].chars().next_back().is_none_or(is_delimiter);
        let after = text[end..].chars().next().is_none_or(is_delimiter);
        if before && after {
            return Some(at);
        }
        start = at + word.chars().next().map_or(1, char::len_utf8);
    }
    None
}

impl<'a> Edited<'a> {
    fn new(text: &'a str) -> Edited<'a> {
        Edited {
            original: text,
            slots: text
                .split_inclusive('\n')
                .map(|line| Slot {
                    original: line,
                    now: Some(line.to_string()),
                    added: Vec::new(),
                    by: Vec::new(),
                })
                .collect(),
            applied: Vec::new(),
            current: 0,
        }
    }

    /// The file after the changes.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for slot in &self.slots {
            if let Some(now) = &slot.now {
                out.push_str(now);
            }
            for line in &slot.added {
                out.push_str(line);
            }
        }
        out
    }

    /// The 1-based lines of the new file that were changed or added.
    pub fn changed_lines(&self) -> Vec<usize> {
        changed_lines(self.original, &self.text())
    }

    /// The current text of line `line` (1-based), if it is still there.
    fn line(&self, line: usize) -> Option<&str> {
        self.slots.get(line.checked_sub(1)?)?.now.as_deref()
    }

    /// The lines of the entry starting at `line`: the line, and when it starts an entry the
    /// indented lines that continue it (comment and blank lines between are kept).
    fn entry(&self, line: usize) -> Vec<usize> {
        let mut lines = vec![line];
        let Some(first) = self.line(line) else {
            return Vec::new();
        };
        if is_indented(first) {
            return lines;
        }
        for next in line + 1..=self.slots.len() {
            let Some(text) = self.line(next) else {
                continue;
            };
            if is_blank_or_comment(text) {
                continue;
            }
            if !is_indented(text) {
                break;
            }
            lines.push(next);
        }
        lines
    }

    fn set_line(&mut self, line: usize, text: Option<String>) {
        let current = self.current;
        if let Some(slot) = line.checked_sub(1).and_then(|i| self.slots.get_mut(i)) {
            slot.now = text;
            if !slot.by.contains(&current) {
                slot.by.push(current);
            }
        }
    }

    fn remove(&mut self, line: usize) -> bool {
        let lines = self.entry(line);
        for &l in &lines {
            self.set_line(l, None);
        }
        !lines.is_empty()
    }

    fn replace_word(&mut self, kind: FileKind, line: usize, from: &str, to: &str) -> bool {
        for (i, l) in self.entry(line).into_iter().enumerate() {
            let Some(text) = self.line(l) else { continue };
            // In a main.cf setting the word is in the value, never the name.
            let start = match (i, kind) {
                (0, FileKind::MainCf | FileKind::PostconfN) => text.find('=').map_or(0, |p| p + 1),
                _ => 0,
            };
            let Some(at) = find_word(text, from, start) else {
                continue;
            };
            let mut end = at + from.len();
            let mut at = at;
            if to.is_empty() {
                // The blanks after the word go with it; at the end of a line, those before.
                let blanks = text[end..]
                    .bytes()
                    .take_while(|b| matches!(b, b' ' | b'\t'))
                    .count();
                if blanks > 0 && end + blanks < bare(text).len() {
                    end += blanks;
                } else {
                    at = text[..at].trim_end_matches([' ', '\t']).len();
                }
            }
            let new = format!("{}{to}{}", &text[..at], &text[end..]);
            self.set_line(l, Some(new));
            return true;
        }
        false
    }

    fn set_value(&mut self, kind: FileKind, line: usize, name: &str, value: &str) -> bool {
        let entry = self.entry(line);
        let Some(text) = self.line(line) else {
            return false;
        };
        let end = line_end(text);
        let new = if kind == FileKind::MasterCf {
            // `-o name=value` or `-oname=value`; the braced form keeps its braces.
            let Some(at) = override_value(text, name) else {
                return false;
            };
            let rest = &text[at..];
            let len = if text[..at].trim_end().ends_with('=') && text[..at].contains('{') {
                rest.find('}')
                    .map_or(bare(rest).len(), |p| rest[..p].trim_end().len())
            } else {
                rest.find(char::is_whitespace).unwrap_or(rest.len())
            };
            format!("{}{value}{}", &text[..at], &text[at + len..])
        } else {
            let Some(eq) = text.find('=') else {
                return false;
            };
            let after = &text[eq + 1..];
            let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
            let blanks = if value.is_empty() { 0 } else { blanks };
            format!("{}{value}{end}", &text[..eq + 1 + blanks])
        };
        self.set_line(line, Some(new));
        if kind != FileKind::MasterCf {
            for &l in &entry[1..] {
                self.set_line(l, None);
            }
        }
        true
    }

    /// Adds `-o name=value` after the last line of the live `service kind` entry.
    fn add_override(&mut self, service: &str, kind: &str, name: &str, value: &str) -> bool {
        let start = (1..=self.slots.len()).rev().find(|&l| {
            self.line(l).is_some_and(|t| {
                let mut words = t.split_whitespace();
                !is_indented(t) && words.next() == Some(service) && words.next() == Some(kind)
            })
        });
        let Some(start) = start else {
            return false;
        };
        let entry = self.entry(start);
        let last = entry.last().copied().unwrap_or(start);
        let indent = entry
            .get(1)
            .and_then(|&l| self.line(l))
            .map(|t| t[..t.len() - t.trim_start().len()].to_string())
            .unwrap_or_else(|| String::from("  "));
        let Some(slot) = self.slots.get_mut(last - 1) else {
            return false;
        };
        let mut end = line_end(slot.original).to_string();
        if end.is_empty() {
            end = String::from("\n");
            if let Some(now) = slot.now.as_mut() {
                now.push('\n');
            }
        }
        let option = if value.contains(char::is_whitespace) {
            format!("{indent}-o {{ {name} = {value} }}{end}")
        } else {
            format!("{indent}-o {name}={value}{end}")
        };
        slot.added.push(option);
        if !slot.by.contains(&self.current) {
            slot.by.push(self.current);
        }
        true
    }

    fn apply_one(&mut self, kind: FileKind, change: &Change) -> bool {
        if !change.edits(kind) {
            return false;
        }
        match change {
            Change::RemoveLine { line, .. } => self.remove(*line),
            Change::ReplaceWord { line, from, to, .. } => self.replace_word(kind, *line, from, to),
            Change::SetValue {
                line, name, value, ..
            } => self.set_value(kind, *line, name, value),
            Change::MoveToService {
                line,
                service,
                kind: service_kind,
                name,
                value,
            } => {
                if kind == FileKind::MasterCf {
                    self.add_override(service, service_kind, name, value)
                } else {
                    self.remove(*line)
                }
            }
        }
    }

    /// A unified diff from the file as given to the edited file (see [`unified_diff`]).
    pub fn diff(&self, old_name: &str, new_name: &str) -> String {
        unified_diff(self.original, &self.text(), old_name, new_name)
    }
}

/// Where the value of the override `name` starts on a master.cf line.
fn override_value(text: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = find_word(text, name, from) {
        let rest = &text[at + name.len()..];
        let value = rest.trim_start_matches([' ', '\t']);
        if let Some(value) = value.strip_prefix('=') {
            let value_at = text.len() - value.len();
            let braced = text[..at].trim_end().ends_with('{');
            let blanks = if braced {
                value.len() - value.trim_start_matches([' ', '\t']).len()
            } else {
                0
            };
            return Some(value_at + blanks);
        }
        from = at + name.len();
    }
    None
}

/// Applies `changes` to `text`, a file of kind `kind`, in order. A change whose line or word
/// is gone (an earlier change removed it) is skipped and marked so in
/// [`Edited::applied`].
pub fn apply<'a>(text: &'a str, kind: FileKind, changes: &[&Change]) -> Edited<'a> {
    let mut edited = Edited::new(text);
    for (n, change) in changes.iter().enumerate() {
        edited.current = n;
        let done = edited.apply_one(kind, change);
        edited.applied.push(done);
    }
    edited
}

/// Quotes a word for a POSIX shell.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// The master.cf entry of a service as one line, as `postconf -M` takes it: columns,
/// command, `-o` overrides (braced when the value has blanks), then the arguments.
fn entry_line(s: &Service) -> String {
    let mut words = vec![
        s.name.clone(),
        s.kind.clone(),
        s.private.clone(),
        s.unpriv.clone(),
        s.chroot.clone(),
        s.wakeup.clone(),
        s.maxproc.clone(),
        s.command.clone(),
    ];
    for p in &s.overrides {
        if p.value.contains(char::is_whitespace) {
            words.push(format!("-o {{ {} = {} }}", p.name, p.value));
        } else {
            words.push(format!("-o {}={}", p.name, p.value));
        }
    }
    words.extend(s.args.iter().cloned());
    words.join(" ")
}

/// The `postconf` commands that make on a server the change from `before` to `after` (the
/// main.cf and master.cf texts, either may be absent): `postconf -e` and `-X` for main.cf,
/// `postconf -P` and `-PX` for a changed override, `postconf -M` and `-MX` for a service
/// otherwise changed, added or removed. A line postconf cannot remove (one that is not a
/// setting: postconf stops on it) is named in a comment first, to be deleted by hand.
pub fn postconf_commands(
    before: (Option<&str>, Option<&str>),
    after: (Option<&str>, Option<&str>),
) -> String {
    let mut out = String::new();
    let parse_main = |t: Option<&str>| t.map(config::parse_main).unwrap_or_default();
    let parse_master = |t: Option<&str>| t.map(config::parse_master).unwrap_or_default();
    let (old_main, new_main) = (parse_main(before.0), parse_main(after.0));
    let (old_master, new_master) = (parse_master(before.1), parse_master(after.1));
    for (file, old, new) in [
        ("main.cf", &old_main.malformed, &new_main.malformed),
        ("master.cf", &old_master.malformed, &new_master.malformed),
    ] {
        for m in old.iter().filter(|m| !new.iter().any(|n| n.text == m.text)) {
            out.push_str(&format!(
                "# by hand first (postconf stops on it): delete line {} of {file}: {}\n",
                m.line,
                m.text.trim()
            ));
        }
    }
    // A service line of an unknown type stops postconf as well (a pasted file name before
    // it shifts the columns); the fixed entry is then given whole to `postconf -M`.
    for s in old_master
        .services
        .iter()
        .filter(|s| !config::SERVICE_TYPES.contains(&s.kind.as_str()))
    {
        out.push_str(&format!(
            "# by hand first (postconf stops on it): delete the entry at line {} of master.cf: {} {} ...\n",
            s.line, s.name, s.kind
        ));
    }
    main_commands(&old_main, &new_main, &mut out);
    master_commands(&old_master, &new_master, &mut out);
    master_commands(
        &config::services_of(&old_main).unwrap_or_default(),
        &config::services_of(&new_main).unwrap_or_default(),
        &mut out,
    );
    out
}

fn main_commands(old: &MainCf, new: &MainCf, out: &mut String) {
    let mut seen: Vec<&str> = Vec::new();
    for p in &new.params {
        if seen.contains(&p.name.as_str()) {
            continue;
        }
        seen.push(&p.name);
        let value = new.get(&p.name).map_or("", |p| p.value.as_str());
        if old.get(&p.name).map(|o| o.value.as_str()) != Some(value) {
            // postconf -e edits only the first of several entries ("multiple entries"),
            // while Postfix reads the last: remove them all first.
            if old.params.iter().filter(|o| o.name == p.name).count() > 1 {
                out.push_str(&format!("postconf -X {}\n", quote(&p.name)));
            }
            out.push_str(&format!(
                "postconf -e {}\n",
                quote(&format!("{} = {value}", p.name))
            ));
        }
    }
    let mut gone: Vec<&str> = Vec::new();
    for p in &old.params {
        if new.get(&p.name).is_none() && !gone.contains(&p.name.as_str()) {
            gone.push(&p.name);
            out.push_str(&format!("postconf -X {}\n", quote(&p.name)));
        }
    }
}

fn master_commands(old: &MasterCf, new: &MasterCf, out: &mut String) {
    let key = |s: &Service| format!("{}/{}", s.name, s.kind);
    let has_duplicates = |s: &Service| {
        s.overrides
            .iter()
            .enumerate()
            .any(|(i, p)| s.overrides[..i].iter().any(|e| e.name == p.name))
    };
    let known = |s: &&Service| config::SERVICE_TYPES.contains(&s.kind.as_str());
    for s in old.services.iter().filter(known) {
        if new.service(&s.name, &s.kind).is_none() && old.is_live(s) {
            out.push_str(&format!("postconf -MX {}\n", quote(&key(s))));
        }
    }
    for s in new.services.iter().filter(|s| new.is_live(s)) {
        let Some(was) = old.service(&s.name, &s.kind).filter(known) else {
            out.push_str(&format!(
                "postconf -M {}\n",
                quote(&format!("{}={}", key(s), entry_line(s)))
            ));
            continue;
        };
        if entry_line(was) == entry_line(s) {
            continue;
        }
        let same_columns = entry_line(&Service {
            overrides: Vec::new(),
            ..was.clone()
        }) == entry_line(&Service {
            overrides: Vec::new(),
            ..s.clone()
        });
        // postconf -P takes no blanks in a value, nor tells repeated names apart.
        let by_override = same_columns
            && !has_duplicates(was)
            && !has_duplicates(s)
            && s.overrides
                .iter()
                .all(|p| !p.value.contains(char::is_whitespace));
        if !by_override {
            out.push_str(&format!(
                "postconf -M {}\n",
                quote(&format!("{}={}", key(s), entry_line(s)))
            ));
            continue;
        }
        for p in &s.overrides {
            if was.get(&p.name).map(|o| o.value.as_str()) != Some(p.value.as_str()) {
                out.push_str(&format!(
                    "postconf -P {}\n",
                    quote(&format!("{}/{}={}", key(s), p.name, p.value))
                ));
            }
        }
        for p in &was.overrides {
            if s.get(&p.name).is_none() {
                out.push_str(&format!(
                    "postconf -PX {}\n",
                    quote(&format!("{}/{}", key(s), p.name))
                ));
            }
        }
    }
}

/// One step from the old lines to the new: a line both have, one only the old has, one only
/// the new has (indices into each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Same(usize, usize),
    Old(usize),
    New(usize),
}

/// The shortest edit script between two lists of lines (Myers' O(ND) algorithm: fixes
/// change few lines, so D is small). Past `LIMIT` differences it gives up on pairing lines
/// and replaces the middle whole, which is still a correct diff.
fn steps(a: &[&str], b: &[&str]) -> Vec<Step> {
    const LIMIT: usize = 1000;
    // The common head and tail need no search.
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out: Vec<Step> = (0..head).map(|i| Step::Same(i, i)).collect();
    let middle = myers(ma, mb, LIMIT).unwrap_or_else(|| {
        (0..ma.len())
            .map(Step::Old)
            .chain((0..mb.len()).map(Step::New))
            .collect()
    });
    out.extend(middle.into_iter().map(|step| match step {
        Step::Same(i, j) => Step::Same(i + head, j + head),
        Step::Old(i) => Step::Old(i + head),
        Step::New(j) => Step::New(j + head),
    }));
    let (ta, tb) = (a.len() - tail, b.len() - tail);
    out.extend((0..tail).map(|i| Step::Same(ta + i, tb + i)));
    out
}

fn myers(a: &[&str], b: &[&str], limit: usize) -> Option<Vec<Step>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let at = |k: isize| (k + offset) as usize;
    let mut done = false;
    for d in 0..=(max as isize).min(limit as isize) {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
                v[at(k + 1)]
            } else {
                v[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                done = true;
                break;
            }
            k += 2;
        }
        if done {
            break;
        }
    }
    if !done {
        return None;
    }
    let mut out = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..trace.len() as isize).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = v[at(prev_k)];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            out.push(Step::Same((x - 1) as usize, (y - 1) as usize));
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            if x == prev_x {
                out.push(Step::New((y - 1) as usize));
            } else {
                out.push(Step::Old((x - 1) as usize));
            }
        }
        x = prev_x;
        y = prev_y;
    }
    out.reverse();
    Some(out)
}

/// The 1-based lines of `new` that `old` does not have at that place.
pub fn changed_lines(old: &str, new: &str) -> Vec<usize> {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    steps(&a, &b)
        .into_iter()
        .filter_map(|s| match s {
            Step::New(j) => Some(j + 1),
            _ => None,
        })
        .collect()
}

/// The 1-based lines of `old` that `new` does not keep (changed or removed).
pub fn removed_lines(old: &str, new: &str) -> Vec<usize> {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    steps(&a, &b)
        .into_iter()
        .filter_map(|s| match s {
            Step::Old(i) => Some(i + 1),
            _ => None,
        })
        .collect()
}

/// A unified diff (`diff -u`: three lines of context, `\ No newline at end of file` where a
/// last line has no line end) from `old` to `new`, or an empty string when they are equal.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let steps = steps(&a, &b);
    let changed: Vec<usize> = (0..steps.len())
        .filter(|&i| !matches!(steps[i], Step::Same(..)))
        .collect();
    if changed.is_empty() {
        return String::new();
    }
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    // Hunks: changed steps with three steps of context, merged when they touch.
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        let (start, end) = (i.saturating_sub(3), (i + 4).min(steps.len()));
        match hunks.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => hunks.push((start, end)),
        }
    }
    for (start, end) in hunks {
        let span = &steps[start..end];
        // Where the hunk starts in each file: the first line of that file in it, or the
        // line before when it has none.
        let first_old = span.iter().find_map(|s| match s {
            Step::Same(i, _) | Step::Old(i) => Some(*i),
            Step::New(_) => None,
        });
        let first_new = span.iter().find_map(|s| match s {
            Step::Same(_, j) | Step::New(j) => Some(*j),
            Step::Old(_) => None,
        });
        let olds = span.iter().filter(|s| !matches!(s, Step::New(_))).count();
        let news = span.iter().filter(|s| !matches!(s, Step::Old(_))).count();
        let lines_before = |side_old: bool| {
            steps[..start]
                .iter()
                .filter(|s| match s {
                    Step::Same(..) => true,
                    Step::Old(_) => side_old,
                    Step::New(_) => !side_old,
                })
                .count()
        };
        let range = |first: Option<usize>, count: usize, side_old: bool| match (first, count) {
            (_, 0) => format!("{},0", lines_before(side_old)),
            (Some(f), 1) => format!("{}", f + 1),
            (Some(f), n) => format!("{},{n}", f + 1),
            (None, n) => format!("{},{n}", lines_before(side_old)),
        };
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(first_old, olds, true),
            range(first_new, news, false)
        ));
        for step in span {
            let (mark, text) = match *step {
                Step::Same(i, _) => (' ', a[i]),
                Step::Old(i) => ('-', a[i]),
                Step::New(j) => ('+', b[j]),
            };
            out.push(mark);
            out.push_str(bare(text));
            out.push('\n');
            if line_end(text).is_empty() {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(file: FileKind, line: usize, from: &str, to: &str) -> Change {
        Change::ReplaceWord {
            file,
            line,
            from: from.to_string(),
            to: to.to_string(),
        }
    }

    #[test]
    fn words_are_replaced_whole_and_only_in_the_value() {
        let text = "ja = ja\nx = maybe, may\n";
        let a = word(FileKind::MainCf, 1, "ja", "yes");
        let b = word(FileKind::MainCf, 2, "may", "encrypt");
        let edited = apply(text, FileKind::MainCf, &[&a, &b]);
        assert_eq!(edited.text(), "ja = yes\nx = maybe, encrypt\n");
        assert_eq!(edited.applied, [true, true]);
    }

    #[test]
    fn removals_take_continuations_and_keep_comments_between() {
        let text = "a = 1\n  2\n# note\n  3\n\nb = 4\r\nc = 5";
        let gone = Change::RemoveLine {
            file: FileKind::MainCf,
            line: 1,
        };
        let set = Change::SetValue {
            file: FileKind::MainCf,
            line: 6,
            name: String::from("b"),
            value: String::from("x"),
        };
        let edited = apply(text, FileKind::MainCf, &[&gone, &set]);
        assert_eq!(edited.text(), "# note\n\nb = x\r\nc = 5");
        assert_eq!(edited.changed_lines(), [3]);
        let again = apply(text, FileKind::MainCf, &[&gone, &gone]);
        assert_eq!(again.applied, [true, false]);
        assert_eq!(again.text(), "# note\n\nb = 4\r\nc = 5");
    }

    #[test]
    fn a_removed_first_word_takes_its_blanks() {
        let text = "/etc/postfix/master.cf smtps inet n - n - - smtpd\n-o a=ja -o b=ja\n";
        let path = word(FileKind::MasterCf, 1, "/etc/postfix/master.cf", "");
        let indent = word(FileKind::MasterCf, 2, "-o", "  -o");
        let b = Change::SetValue {
            file: FileKind::MasterCf,
            line: 2,
            name: String::from("b"),
            value: String::from("yes"),
        };
        let a = word(FileKind::MasterCf, 2, "ja", "yes");
        let edited = apply(text, FileKind::MasterCf, &[&path, &indent, &b, &a]);
        assert_eq!(
            edited.text(),
            "smtps inet n - n - - smtpd\n  -o a=yes -o b=yes\n"
        );
        // A main.cf change does not touch master.cf.
        let main = word(FileKind::MainCf, 1, "smtps", "x");
        assert_eq!(apply(text, FileKind::MasterCf, &[&main]).applied, [false]);
    }

    #[test]
    fn a_setting_moves_to_its_service() {
        let main = "smtpd_tls_wrappermode = yes\nmyhostname = mx\n";
        let master =
            "smtp inet n - y - - smtpd\nsmtps inet n - y - - smtpd\n  -o syslog_name=x\n# end";
        let change = Change::MoveToService {
            line: 1,
            service: String::from("smtps"),
            kind: String::from("inet"),
            name: String::from("smtpd_tls_wrappermode"),
            value: String::from("yes"),
        };
        let main_after = apply(main, FileKind::MainCf, &[&change]);
        let master_after = apply(master, FileKind::MasterCf, &[&change]);
        assert_eq!(main_after.text(), "myhostname = mx\n");
        assert_eq!(
            master_after.text(),
            "smtp inet n - y - - smtpd\nsmtps inet n - y - - smtpd\n  -o syslog_name=x\n  -o smtpd_tls_wrappermode=yes\n# end"
        );
        assert_eq!(master_after.changed_lines(), [4]);
        let commands = postconf_commands(
            (Some(main), Some(master)),
            (Some(&main_after.text()), Some(&master_after.text())),
        );
        assert_eq!(
            commands,
            "postconf -X 'smtpd_tls_wrappermode'\npostconf -P 'smtps/inet/smtpd_tls_wrappermode=yes'\n"
        );
    }

    #[test]
    fn the_diff_is_unified_with_context() {
        let text = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\nx = a\n";
        let edited = apply(
            text,
            FileKind::MainCf,
            &[
                &Change::RemoveLine {
                    file: FileKind::MainCf,
                    line: 2,
                },
                &word(FileKind::MainCf, 12, "a", "b"),
            ],
        );
        assert_eq!(
            edited.diff("a/main.cf", "b/main.cf"),
            "--- a/main.cf\n+++ b/main.cf\n@@ -1,5 +1,4 @@\n 1\n-2\n 3\n 4\n 5\n@@ -9,4 +8,4 @@\n 9\n 10\n 11\n-x = a\n+x = b\n"
        );
        assert_eq!(apply(text, FileKind::MainCf, &[]).diff("a", "b"), "");
    }

    #[test]
    fn services_change_by_override_or_whole_entry() {
        let before = "Übermittlung inet n - n - - smtpd\n  -o a=ja\nsmtps inet n - n - - smtpd\n  -o a=ja\n  -o b=c\n";
        let after =
            "submission inet n - n - - smtpd\n  -o a=yes\nsmtps inet n - n - - smtpd\n  -o a=yes\n";
        assert_eq!(
            postconf_commands((None, Some(before)), (None, Some(after))),
            "postconf -MX 'Übermittlung/inet'\npostconf -M 'submission/inet=submission inet n - n - - smtpd -o a=yes'\npostconf -P 'smtps/inet/a=yes'\npostconf -PX 'smtps/inet/b'\n"
        );
        let main = "/etc/postfix/main.cf\nx = it's\n";
        assert_eq!(
            postconf_commands((Some(main), None), (Some("x = it's\n"), None)),
            "# by hand first (postconf stops on it): delete line 1 of main.cf: /etc/postfix/main.cf\n"
        );
        assert_eq!(
            postconf_commands((Some(main), None), (Some("x = its\n"), None)),
            "# by hand first (postconf stops on it): delete line 1 of main.cf: /etc/postfix/main.cf\npostconf -e 'x = its'\n"
        );
        assert_eq!(quote("it's"), "'it'\\''s'");
        // Several entries: postconf -e would edit the first, Postfix reads the last.
        assert_eq!(
            postconf_commands(
                (Some("a = kann\na=may\n"), None),
                (Some("a = may\na=may\n"), None)
            ),
            ""
        );
        assert_eq!(
            postconf_commands(
                (Some("a = kann\na=kann\n"), None),
                (Some("a = may\na=may\n"), None)
            ),
            "postconf -X 'a'\npostconf -e 'a = may'\n"
        );
    }
}
