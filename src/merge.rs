//! Applying generated snippets to a whole main.cf or master.cf, the way a careful admin
//! edits by hand: a parameter already set is replaced where it stands (with its
//! continuation lines), a parameter the snippet only clears is removed, a parameter set
//! twice keeps one line (Postfix warns "overriding earlier entry" otherwise), a line that
//! already says the same stays as written, new lines go at the end of the TLS block, and
//! every other byte stays as it was. In master.cf a service replaces the active service of
//! the same name and type (or an active inet service on the same port under another name,
//! `smtps` for `submissions`), or else follows the stock file's commented-out example of it,
//! or else is appended.
//!
//! ```
//! let stock = "# TLS parameters\nsmtpd_tls_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\n\
//!              smtpd_tls_security_level=may\n\nmyhostname = mx\n";
//! let snippet = "# --- server certificate ---\nsmtpd_tls_cert_file =\n\
//!                smtpd_tls_chain_files = /k.pem, /c.pem\n";
//! assert_eq!(
//!     postfix_tls::merge::main_cf(stock, snippet),
//!     "# TLS parameters\nsmtpd_tls_security_level=may\nsmtpd_tls_chain_files = /k.pem, /c.pem\n\nmyhostname = mx\n"
//! );
//! ```

use crate::config::inet_endpoint;

/// One setting of a generated main.cf snippet, with the comment lines written above it
/// (explanations and steps; not the section titles).
struct SnippetSetting<'a> {
    name: &'a str,
    value: &'a str,
    comments: Vec<&'a str>,
}

/// The settings of a generated main.cf snippet, in order.
fn snippet_settings(snippet: &str) -> Vec<SnippetSetting<'_>> {
    let mut settings = Vec::new();
    let mut comments = Vec::new();
    for line in snippet.lines() {
        if line.starts_with("# --- ") || line.trim().is_empty() {
            comments.clear();
        } else if line.starts_with('#') {
            comments.push(line);
        } else if let Some((name, value)) = line.split_once('=') {
            settings.push(SnippetSetting {
                name: name.trim(),
                value: value.trim(),
                comments: std::mem::take(&mut comments),
            });
        }
    }
    settings
}

/// A line that starts a logical line: not blank, not a comment, not indented.
fn starts_entry(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with(['#', ' ', '\t'])
}

/// A line that continues the logical line before it: indented and not blank.
fn continues(line: &str) -> bool {
    line.starts_with([' ', '\t']) && !line.trim().is_empty()
}

/// The parameter a main.cf entry sets, if it reads as `name = value`.
fn entry_name(line: &str) -> Option<&str> {
    let (name, _) = line.split_once('=')?;
    let name = name.trim();
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'))
    .then_some(name)
}

/// A logical line and the physical lines (with their line ends) it spans.
struct Entry<'a> {
    first: &'a str,
    text: String,
}

/// The file as entries and other lines (comments, blanks), every byte kept.
fn entries(text: &str) -> Vec<Entry<'_>> {
    let mut out: Vec<Entry<'_>> = Vec::new();
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match out.last_mut() {
            Some(last) if continues(bare) && starts_entry(last.first) => last.text.push_str(line),
            _ => out.push(Entry {
                first: bare,
                text: line.to_string(),
            }),
        }
    }
    out
}

/// The value of an entry, its continuation lines joined as Postfix joins them.
fn entry_value(text: &str) -> String {
    let joined: Vec<&str> = text.split_whitespace().collect();
    let joined = joined.join(" ");
    joined
        .split_once('=')
        .map(|(_, value)| value.trim().to_string())
        .unwrap_or_default()
}

fn push_setting(out: &mut String, setting: &SnippetSetting<'_>) {
    for comment in &setting.comments {
        out.push_str(comment);
        out.push('\n');
    }
    out.push_str(setting.name);
    out.push_str(" = ");
    out.push_str(setting.value);
    out.push('\n');
}

/// Whether a parameter belongs to the TLS block (where new TLS settings are added).
fn is_tls(name: &str) -> bool {
    name.contains("_tls_") || name.starts_with("tls_")
}

/// The main.cf `original` with the generated `snippet` applied (see the module doc).
pub fn main_cf(original: &str, snippet: &str) -> String {
    let settings = snippet_settings(snippet);
    let mut out = String::with_capacity(original.len() + snippet.len());
    let mut done: Vec<&str> = Vec::new();
    // Where the new settings go: after the last TLS entry, else at the end.
    let mut insert_at: Option<usize> = None;
    for entry in entries(original) {
        let name = starts_entry(entry.first)
            .then(|| entry_name(entry.first))
            .flatten();
        let setting = name.and_then(|n| settings.iter().find(|s| s.name == n));
        match (name, setting) {
            (Some(name), Some(setting)) => {
                if !done.contains(&name) {
                    done.push(name);
                    if entry_value(&entry.text) == setting.value {
                        // Already so: the line stays as written.
                        out.push_str(&entry.text);
                    } else if !setting.value.is_empty() {
                        push_setting(&mut out, setting);
                    }
                }
                // A later line for the same name would override the new value: dropped.
            }
            _ => out.push_str(&entry.text),
        }
        if name.is_some_and(is_tls) {
            insert_at = Some(out.len());
        }
    }
    let mut added = String::new();
    for setting in settings
        .iter()
        .filter(|s| !s.value.is_empty() && !done.contains(&s.name))
    {
        push_setting(&mut added, setting);
    }
    if !added.is_empty() {
        match insert_at {
            Some(at) => out.insert_str(at, &added),
            None => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&added);
            }
        }
    }
    out
}

/// A master.cf service block of the snippet: its key (name and type) and its text (comment
/// lines above it, the service line, the `-o` lines).
struct Block<'a> {
    name: &'a str,
    kind: &'a str,
    text: String,
}

fn snippet_services(snippet: &str) -> Vec<Block<'_>> {
    let mut blocks: Vec<Block<'_>> = Vec::new();
    let mut pending = String::new();
    for line in snippet.lines() {
        if line.trim().is_empty() {
            pending.clear();
        } else if line.starts_with('#') {
            pending.push_str(line);
            pending.push('\n');
        } else if continues(line) {
            if let Some(block) = blocks.last_mut() {
                block.text.push_str(line);
                block.text.push('\n');
            }
        } else {
            let mut words = line.split_whitespace();
            let (Some(name), Some(kind)) = (words.next(), words.next()) else {
                continue;
            };
            let mut text = std::mem::take(&mut pending);
            text.push_str(line);
            text.push('\n');
            blocks.push(Block { name, kind, text });
        }
    }
    blocks
}

/// The name and type of a service line, active or (with `commented`) commented out as the
/// stock file does (`#submission inet n - y - - smtpd`).
fn service_key(line: &str, commented: bool) -> Option<(&str, &str)> {
    let line = if commented {
        line.strip_prefix('#')?
    } else {
        line
    };
    if line.starts_with([' ', '\t', '#']) {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    (words.len() >= 8).then(|| (words[0], words[1]))
}

/// True when two master.cf entries (name, type) are one service for Postfix's master: the
/// same type and name, or inet services on the same address and port.
fn same_service(a: (&str, &str), b: (&str, &str)) -> bool {
    a == b || (a.1 == "inet" && b.1 == "inet" && inet_endpoint(a.0) == inet_endpoint(b.0))
}

/// The master.cf `original` with the generated `snippet` applied (see the module doc).
pub fn master_cf(original: &str, snippet: &str) -> String {
    let blocks = snippet_services(snippet);
    let lines: Vec<&str> = original.split_inclusive('\n').collect();
    let bare = |i: usize| lines[i].trim_end_matches(['\n', '\r']);
    let active = |name: &str, kind: &str| {
        (0..lines.len()).any(|i| {
            service_key(bare(i), false).is_some_and(|(n, k)| same_service((n, k), (name, kind)))
        })
    };
    let mut done: Vec<(&str, &str)> = Vec::new();
    let mut out = String::with_capacity(original.len() + snippet.len());
    let mut i = 0;
    while i < lines.len() {
        let line = bare(i);
        let found = service_key(line, false)
            .map(|key| (key, false))
            .or_else(|| service_key(line, true).map(|key| (key, true)));
        let block = found.and_then(|((name, kind), commented)| {
            // An active service is replaced by the block on its port, whatever its name (an
            // active `smtps` by a generated `submissions`: of two entries on one port
            // Postfix's master runs only the last, "duplicate master.cf entry"); a
            // commented-out example is followed by the block of its name.
            blocks
                .iter()
                .find(|b| {
                    if commented {
                        b.name == name && b.kind == kind
                    } else {
                        same_service((b.name, b.kind), (name, kind))
                    }
                })
                .filter(|b| !commented || !active(b.name, b.kind))
                .map(|b| (b, commented))
        });
        let Some((block, commented)) = block else {
            out.push_str(lines[i]);
            i += 1;
            continue;
        };
        // The block's own lines: `-o` lines, indented (or, commented out, `#  -o` and the
        // example's notes): an active service is replaced, the commented-out example is
        // kept and the service follows it.
        let start = i;
        i += 1;
        while i < lines.len() {
            let next = bare(i);
            // Commented out, an `-o` line or a note is indented by two or more spaces (or a
            // tab); a one-space `# Choose one: ...` already introduces the next example.
            let belongs = if commented {
                next.strip_prefix('#')
                    .is_some_and(|rest| rest.starts_with(['\t']) || rest.starts_with("  "))
            } else {
                continues(next)
            };
            if !belongs {
                break;
            }
            i += 1;
        }
        if commented {
            for line in &lines[start..i] {
                out.push_str(line);
            }
        }
        let key = (block.name, block.kind);
        if !done.contains(&key) {
            done.push(key);
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&block.text);
        }
    }
    let rest: Vec<&Block<'_>> = blocks
        .iter()
        .filter(|b| !done.contains(&(b.name, b.kind)))
        .collect();
    if !rest.is_empty() && !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for block in rest {
        out.push_str(&block.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_parameter_is_replaced_where_it_stands_with_its_continuation_lines() {
        let original = "a = 1\nsmtpd_tls_protocols = !SSLv2,\n    !SSLv3\n# note\nb = 2\n";
        let snippet = "# --- inbound ---\nsmtpd_tls_protocols = >=TLSv1.2\n";
        assert_eq!(
            main_cf(original, snippet),
            "a = 1\nsmtpd_tls_protocols = >=TLSv1.2\n# note\nb = 2\n"
        );
    }

    #[test]
    fn a_second_definition_is_dropped_and_a_cleared_one_removed() {
        let original = "smtpd_tls_key_file = /k\nx = 1\nsmtpd_tls_security_level = none\nsmtpd_tls_security_level=may\n";
        let snippet =
            "smtpd_tls_key_file =\nsmtpd_tls_security_level = may\nsmtpd_tls_loglevel = 1\n";
        assert_eq!(
            main_cf(original, snippet),
            "x = 1\nsmtpd_tls_security_level = may\nsmtpd_tls_loglevel = 1\n"
        );
    }

    #[test]
    fn a_line_that_already_says_the_same_stays_as_written() {
        let original =
            "smtpd_tls_security_level=may\nsmtpd_tls_protocols = >=TLSv1,\n  <=TLSv1.3\n";
        let snippet = "smtpd_tls_security_level = may\nsmtpd_tls_protocols = >=TLSv1, <=TLSv1.3\n";
        assert_eq!(main_cf(original, snippet), original);
    }

    #[test]
    fn new_lines_go_after_the_tls_block_with_their_comments_or_at_the_end() {
        let snippet = "# --- logjam ---\n# create the file first: openssl dhparam\nsmtpd_tls_dh1024_param_file = /d.pem\n";
        assert_eq!(
            main_cf("smtp_tls_CApath=/etc/ssl/certs\n\nmyhostname = m", snippet),
            "smtp_tls_CApath=/etc/ssl/certs\n# create the file first: openssl dhparam\nsmtpd_tls_dh1024_param_file = /d.pem\n\nmyhostname = m"
        );
        assert_eq!(
            main_cf("myhostname = m", snippet),
            "myhostname = m\n# create the file first: openssl dhparam\nsmtpd_tls_dh1024_param_file = /d.pem\n"
        );
        // A cleared parameter the file does not set is not written at all.
        assert_eq!(main_cf("x = 1\n", "smtpd_tls_cert_file =\n"), "x = 1\n");
    }

    #[test]
    fn an_active_service_on_the_same_port_is_replaced_whatever_its_name() {
        let original = "smtp inet n - y - - smtpd\nsmtps inet n - - - - smtpd\n  -o smtpd_tls_wrappermode=yes\n#submissions inet n - y - - smtpd\npickup unix n - y 60 1 pickup\n";
        let snippet = "submissions inet n - n - - smtpd\n  -o smtpd_tls_wrappermode=yes\n";
        assert_eq!(
            master_cf(original, snippet),
            "smtp inet n - y - - smtpd\nsubmissions inet n - n - - smtpd\n  -o smtpd_tls_wrappermode=yes\n#submissions inet n - y - - smtpd\npickup unix n - y 60 1 pickup\n"
        );
        // Another address is another service.
        let other = "127.0.0.1:smtps inet n - - - - smtpd\n";
        assert_eq!(master_cf(other, snippet), format!("{other}{snippet}"));
    }

    #[test]
    fn a_service_follows_its_commented_stock_example_unless_an_active_one_exists() {
        let stock = "smtp      inet  n       -       y       -       -       smtpd\n\
                     #submission inet n       -       y       -       -       smtpd\n\
                     #  -o syslog_name=postfix/submission\n\
                     #  -o smtpd_tls_security_level=encrypt\n\
                     # Choose one: ...\n\
                     #628       inet  n       -       y       -       -       qmqpd\n";
        let snippet = "submission inet  n       -       n       -       -       smtpd\n  -o smtpd_tls_security_level=encrypt\n";
        assert_eq!(
            master_cf(stock, snippet),
            "smtp      inet  n       -       y       -       -       smtpd\n\
             #submission inet n       -       y       -       -       smtpd\n\
             #  -o syslog_name=postfix/submission\n\
             #  -o smtpd_tls_security_level=encrypt\n\
             submission inet  n       -       n       -       -       smtpd\n  -o smtpd_tls_security_level=encrypt\n\
             # Choose one: ...\n\
             #628       inet  n       -       y       -       -       qmqpd\n"
        );
        let active = "#submission inet n - y - - smtpd\n#  -o a=b\nsubmission inet n - y - - smtpd\n  -o x=y\npickup unix n - y 60 1 pickup\n";
        assert_eq!(
            master_cf(active, snippet),
            "#submission inet n - y - - smtpd\n#  -o a=b\n".to_string()
                + snippet
                + "pickup unix n - y 60 1 pickup\n"
        );
        assert_eq!(
            master_cf("pickup unix n - y 60 1 pickup", snippet),
            "pickup unix n - y 60 1 pickup\n".to_string() + snippet
        );
    }
}
