//! The proof every `--fix` must pass, shared by the tests that fix fixtures, stock files and
//! real-world configurations: no finding with a certain fix is left, and a line without a
//! finding keeps every byte.

use postfix_tls::diagnostic::{Diagnostic, FileKind};
use postfix_tls::fix::{fix_files, removed_lines, Fix, Fixed};
use postfix_tls::rules::LintContext;

/// The lines a finding at `line` owns: the line and the indented lines continuing it
/// (comment and blank lines between are not its).
fn owned(text: &str, line: usize) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = vec![line];
    let starts_entry = lines
        .get(line.wrapping_sub(1))
        .is_some_and(|l| !l.starts_with(char::is_whitespace));
    if !starts_entry {
        return out;
    }
    for (i, l) in lines.iter().enumerate().skip(line) {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if !l.starts_with(char::is_whitespace) {
            break;
        }
        out.push(i + 1);
    }
    out
}

/// The lines of one file that findings own. Without a master.cf, findings about services
/// are on `postconf -P` lines of the main input.
fn lines_with_findings(found: &[Diagnostic], text: &str, master: bool, alone: bool) -> Vec<usize> {
    found
        .iter()
        .filter(|d| {
            d.file
                .is_some_and(|f| alone || (f == FileKind::MasterCf) == master)
        })
        .filter_map(|d| d.line)
        .flat_map(|l| owned(text, l))
        .collect()
}

/// Fixes the pair and checks the proof; returns the result for further checks.
pub fn fix_and_check(
    name: &str,
    main: Option<&str>,
    master: Option<&str>,
    ctx: &LintContext,
) -> Fixed {
    let main_kind = main.map_or(FileKind::MainCf, postfix_tls::config::detect_kind);
    let main_kind = if main_kind == FileKind::MasterCf {
        FileKind::MainCf
    } else {
        main_kind
    };
    let fixed = fix_files(main, main_kind, master, ctx);
    let left: Vec<&Diagnostic> = fixed
        .remaining
        .iter()
        .filter(|d| matches!(d.fix, Some(Fix::Certain(_))))
        .collect();
    assert!(left.is_empty(), "{name}: certain fixes left: {left:#?}");
    // The findings of the files as given: only their lines may change.
    let found = &postfix_tls::rules::lint(
        main.map(postfix_tls::config::parse_main).as_ref(),
        master.map(postfix_tls::config::parse_master).as_ref(),
        ctx,
    );
    for (old, new, is_master) in [
        (main, fixed.main.as_deref(), false),
        (master, fixed.master.as_deref(), true),
    ] {
        let (Some(old), Some(new)) = (old, new) else {
            continue;
        };
        let alone = main.is_none() || master.is_none();
        let allowed = lines_with_findings(found, old, is_master, alone);
        let touched: Vec<usize> = removed_lines(old, new)
            .into_iter()
            .filter(|l| !allowed.contains(l))
            .collect();
        assert!(
            touched.is_empty(),
            "{name}: lines without a finding changed: {touched:?}\n{}",
            postfix_tls::fix::unified_diff(old, new, "before", "after")
        );
    }
    // The fixes told as edits of the files given (SARIF's replacements): each changed line
    // put in place of its line gives the fixed file, and a fixed finding owns each.
    for (given, after, is_master) in [
        (main, fixed.main.as_deref(), false),
        (master, fixed.master.as_deref(), true),
    ] {
        let Some(given) = given else { continue };
        let mut put = String::new();
        for (i, line) in given.split_inclusive('\n').enumerate() {
            let edit = fixed
                .lines
                .iter()
                .find(|l| (l.file == FileKind::MasterCf) == is_master && l.line == i + 1);
            match edit {
                Some(edit) => {
                    assert_eq!(edit.was, line, "{name}: line {}", i + 1);
                    put.push_str(&edit.now);
                }
                None => put.push_str(line),
            }
        }
        assert_eq!(Some(put.as_str()), after, "{name}: the line edits");
    }
    for l in &fixed.lines {
        assert!(
            !l.by.is_empty() && l.by.iter().all(|&b| b < fixed.fixed.len()),
            "{name}: line {} of {:?} is changed by no fixed finding",
            l.line,
            l.file
        );
    }
    // Fixing the fixed files changes nothing more.
    let again = fix_files(
        fixed.main.as_deref(),
        main_kind,
        fixed.master.as_deref(),
        ctx,
    );
    assert_eq!(
        (again.main.as_deref(), again.master.as_deref()),
        (fixed.main.as_deref(), fixed.master.as_deref()),
        "{name}: a second --fix changes more"
    );
    fixed
}
