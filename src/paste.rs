//! A pasted configuration: main.cf (or `postconf -n`, with `postconf -P` lines or not),
//! master.cf, or both in one text.
//!
//! A mail admin who wants a server checked as a whole pastes what one command prints:
//! `cat /etc/postfix/main.cf /etc/postfix/master.cf`, or `postconf -n; postconf -M`. So one
//! text may hold both files: the main.cf part ends where the first master.cf service line
//! starts (with the comments and the file name right above it, `==> master.cf <==` as
//! `tail` prints it or `/etc/postfix/master.cf`). Line numbers stay those of the whole text.
//!
//! ```
//! use postfix_tls::diagnostic::FileKind;
//! use postfix_tls::paste::Paste;
//!
//! let text = "smtpd_tls_security_level = may\n\nsubmission inet n - n - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n";
//! let paste = Paste::read(text, None);
//! assert_eq!(paste.main_kind(), Some(FileKind::MainCf));
//! assert_eq!(paste.main_text(), Some("smtpd_tls_security_level = may\n"));
//! assert!(paste.master_text().is_some_and(|m| m.starts_with("\nsubmission inet")));
//! // The service is on line 3 of the pasted text.
//! assert_eq!(paste.master().map(|m| m.services[0].line), Some(3));
//! ```

use crate::config::{self, MainCf, MasterCf, SERVICE_TYPES};
use crate::diagnostic::{Diagnostic, FileKind};
use crate::rules::{self, LintContext};

/// A pasted text read as main.cf, master.cf or both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paste {
    main: Option<(FileKind, MainCf)>,
    master: Option<MasterCf>,
    main_text: String,
    master_text: String,
}

impl Paste {
    /// Reads pasted text. `kind` forces one file kind; `None` detects it, and finds a
    /// master.cf after a main.cf in the same text.
    pub fn read(text: &str, kind: Option<FileKind>) -> Paste {
        let master_at = match kind {
            Some(FileKind::MasterCf) => Some(0),
            Some(FileKind::MainCf | FileKind::PostconfN) => None,
            None => boundary(text).map(|at| if text[..at].trim().is_empty() { 0 } else { at }),
        };
        let (main_text, master_text) = text.split_at(master_at.unwrap_or(text.len()));
        let main = (master_at != Some(0)).then(|| read_main(main_text, kind));
        let master = master_at.map(|_| {
            let mut master = config::parse_master(master_text);
            shift_lines(&mut master, main_text.lines().count());
            master
        });
        Paste {
            main,
            master,
            main_text: main_text.to_string(),
            master_text: master_text.to_string(),
        }
    }

    /// Reads two files, each with its own line numbers: a main.cf (or `postconf -n`) and a
    /// master.cf, either of them absent.
    pub fn files(main: Option<&str>, master: Option<&str>) -> Paste {
        Paste {
            main: main.map(|text| read_main(text, None)),
            master: master.map(config::parse_master),
            main_text: main.unwrap_or_default().to_string(),
            master_text: master.unwrap_or_default().to_string(),
        }
    }

    /// The parsed main.cf part, if any.
    pub fn main(&self) -> Option<&MainCf> {
        self.main.as_ref().map(|(_, main)| main)
    }

    /// How the main.cf part reads: `main.cf` or `postconf -n`.
    pub fn main_kind(&self) -> Option<FileKind> {
        self.main.as_ref().map(|(kind, _)| *kind)
    }

    /// The parsed master.cf part, if any.
    pub fn master(&self) -> Option<&MasterCf> {
        self.master.as_ref()
    }

    /// The main.cf part's text, if any.
    pub fn main_text(&self) -> Option<&str> {
        self.main.as_ref().map(|_| self.main_text.as_str())
    }

    /// The master.cf part's text, if any.
    pub fn master_text(&self) -> Option<&str> {
        self.master.as_ref().map(|_| self.master_text.as_str())
    }

    /// What the text was read as, for people: `main.cf`, `postconf -n`, `master.cf`, or
    /// `main.cf + master.cf`.
    pub fn describe(&self) -> String {
        match (self.main_kind(), self.master.is_some()) {
            (Some(kind), true) => format!("{} + master.cf", kind.as_str()),
            (Some(kind), false) => kind.as_str().to_string(),
            (None, _) => FileKind::MasterCf.as_str().to_string(),
        }
    }

    /// Lints both parts together, as one server's configuration.
    pub fn lint(&self, ctx: &LintContext) -> Vec<Diagnostic> {
        let mut found = rules::lint(self.main(), self.master(), ctx);
        if let Some(kind) = self.main_kind() {
            // Findings about `postconf -P` lines are on the main.cf part's text.
            let described = self.master.is_none();
            for d in &mut found {
                if d.file == Some(FileKind::MainCf) || (described && d.file.is_some()) {
                    d.file = Some(kind);
                }
            }
        }
        found
    }
}

/// A main.cf part: `postconf -n` or main.cf as detected (no service line is in it), or as
/// chosen.
fn read_main(text: &str, kind: Option<FileKind>) -> (FileKind, MainCf) {
    let kind = match kind.unwrap_or_else(|| config::detect_kind(text)) {
        FileKind::PostconfN => FileKind::PostconfN,
        FileKind::MainCf | FileKind::MasterCf => FileKind::MainCf,
    };
    (kind, config::parse_main(text))
}

/// Where a master.cf starts in a text that does not start with it: the first service
/// line, moved up over the comments, blank lines and a line naming master.cf right above
/// it. `None` when there is no service line.
fn boundary(text: &str) -> Option<usize> {
    let mut offset = 0;
    // The start of the run of comments and blank lines just before the current line.
    let mut run_start: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if is_service_line(trimmed) && !line.starts_with(char::is_whitespace) {
            return Some(run_start.unwrap_or(offset));
        }
        let quiet = trimmed.is_empty() || trimmed.starts_with('#') || names_master_cf(trimmed);
        if quiet {
            run_start.get_or_insert(offset);
        } else {
            run_start = None;
        }
        offset += line.len();
    }
    None
}

/// A master.cf service line: 8 or more words with a service type in the second.
fn is_service_line(trimmed: &str) -> bool {
    let words: Vec<&str> = trimmed.split_whitespace().take(8).collect();
    words.len() == 8
        && SERVICE_TYPES.contains(&words[1])
        && !words[0].contains('=')
        && !trimmed.contains(" = ")
}

/// A line that only names the file that follows: `/etc/postfix/master.cf`,
/// `==> /etc/postfix/master.cf <==` (`tail`, `head`), `--- master.cf ---`.
fn names_master_cf(trimmed: &str) -> bool {
    let inner = trimmed
        .trim_start_matches("==>")
        .trim_end_matches("<==")
        .trim_matches(['-', '#', ' ']);
    inner.ends_with("master.cf") && !inner.contains(['=', ' '])
}

/// Moves every line number of a master.cf part to the line of the whole text.
fn shift_lines(master: &mut MasterCf, by: usize) {
    for service in &mut master.services {
        service.line += by;
        for param in &mut service.overrides {
            param.line += by;
        }
    }
    for malformed in &mut master.malformed {
        malformed.line += by;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cat_of_both_files_splits_at_the_master_cf_header() {
        let text = "myhostname = mx\nsmtpd_tls_security_level = may\n\n# Postfix master process configuration file\n#\nsmtp inet n - y - - smtpd\n";
        let paste = Paste::read(text, None);
        assert_eq!(
            paste.main_text(),
            Some("myhostname = mx\nsmtpd_tls_security_level = may\n")
        );
        assert!(paste
            .master_text()
            .is_some_and(|m| m.starts_with("\n# Postfix master")));
        assert_eq!(paste.master().map(|m| m.services[0].line), Some(6));
        assert_eq!(paste.describe(), "main.cf + master.cf");
    }

    #[test]
    fn a_tail_header_or_a_file_name_line_goes_with_master_cf() {
        let text = "==> /etc/postfix/main.cf <==\nrelayhost = [x]:587\n\n==> /etc/postfix/master.cf <==\nsmtp inet n - y - - smtpd\n";
        let paste = Paste::read(text, None);
        assert_eq!(paste.master().map(|m| m.services[0].line), Some(5));
        assert!(paste
            .master_text()
            .is_some_and(|m| m.starts_with("\n==> /etc/postfix/master.cf")));
        assert_eq!(
            paste
                .main()
                .and_then(|m| m.get("relayhost"))
                .map(|p| p.line),
            Some(2)
        );
    }

    #[test]
    fn postconf_n_then_postconf_m_is_both() {
        let text = "alias_maps = hash:/etc/aliases\nmydestination = mx\nmyhostname = mx\nsmtpd_tls_security_level = may\nsmtp       inet  n       -       y       -       -       smtpd\nsubmission inet n - y - - smtpd -o smtpd_tls_security_level=encrypt\n";
        let paste = Paste::read(text, None);
        assert_eq!(paste.main_kind(), Some(FileKind::PostconfN));
        assert_eq!(paste.master().map(|m| m.services.len()), Some(2));
        assert_eq!(paste.describe(), "postconf -n + master.cf");
    }

    #[test]
    fn a_lone_file_is_that_file_and_a_chosen_kind_is_kept() {
        let master = "# comment\nsmtp inet n - y - - smtpd\n";
        let paste = Paste::read(master, None);
        assert!(paste.main().is_none());
        assert_eq!(paste.master_text(), Some(master));
        let main = "smtpd_tls_security_level = may\n";
        assert!(Paste::read(main, None).master().is_none());
        // Forced to main.cf, a service line is a malformed main.cf line, as before.
        let forced = Paste::read("a = b\nsmtp inet n - y - - smtpd\n", Some(FileKind::MainCf));
        assert!(forced.master().is_none());
        assert_eq!(forced.main().map(|m| m.malformed.len()), Some(1));
    }

    #[test]
    fn findings_in_both_parts_keep_the_lines_of_the_whole_text() {
        let text = "smtpd_tls_security_level = kann\nsubmission inet n - n - - smtpd\n  -o smtpd_tls_security_level=verschlüsseln\n";
        let paste = Paste::read(text, None);
        let found = paste.lint(&LintContext::default());
        let invalid: Vec<(Option<FileKind>, Option<usize>)> = found
            .iter()
            .filter(|d| d.id == crate::rules::RuleId::InvalidValue)
            .map(|d| (d.file, d.line))
            .collect();
        assert_eq!(
            invalid,
            [
                (Some(FileKind::MainCf), Some(1)),
                (Some(FileKind::MasterCf), Some(3))
            ]
        );
    }
}
