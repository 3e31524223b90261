//! The stock main.cf and master.cf of the distributions whose package output was replayed
//! here, and the generated output applied to them ([`crate::merge`]) with a diff against
//! stock: the whole file an admin gets, and exactly what changes in it.
//!
//! The files are what Debian's `postfix` package writes for a fresh "Internet Site" install
//! with the host name `mail.example.test` (src/stock/README.md says how they were made, from
//! which package, and under which licence). Ubuntu's package is Debian's, but no Ubuntu
//! release was replayed here, so the Ubuntu presets have no stock files.

use crate::diagnostic::FileKind;
use crate::merge;
use crate::options::Options;
use crate::version::Preset;

/// A distribution's stock pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StockFiles {
    /// The distribution, for example `Debian 12 (bookworm)`.
    pub distribution: &'static str,
    /// `/etc/postfix/main.cf` after the install.
    pub main_cf: &'static str,
    /// `/etc/postfix/master.cf` after the install.
    pub master_cf: &'static str,
}

/// The stock files of a preset, if they were replayed here.
pub fn files(preset: Preset) -> Option<StockFiles> {
    let (main_cf, master_cf) = match preset {
        Preset::Debian11 => (
            include_str!("stock/debian11/main.cf"),
            include_str!("stock/debian11/master.cf"),
        ),
        Preset::Debian12 => (
            include_str!("stock/debian12/main.cf"),
            include_str!("stock/debian12/master.cf"),
        ),
        Preset::Debian13 => (
            include_str!("stock/debian13/main.cf"),
            include_str!("stock/debian13/master.cf"),
        ),
        Preset::Ubuntu2204
        | Preset::Ubuntu2404
        | Preset::Rhel8
        | Preset::Rhel9
        | Preset::Rhel10 => return None,
    };
    Some(StockFiles {
        distribution: preset.name(),
        main_cf,
        master_cf,
    })
}

/// A stock file with the output applied, and the diff from stock to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The whole file.
    pub text: String,
    /// `diff -u` from the stock file to it.
    pub diff: String,
}

/// The chosen preset's stock main.cf and master.cf with the generated snippets applied.
pub fn applied(
    options: &Options,
    main_snippet: &str,
    master_snippet: &str,
) -> Option<(Applied, Applied)> {
    let stock = files(options.preset?)?;
    Some((
        applied_to(stock.main_cf, main_snippet, FileKind::MainCf, "stock"),
        applied_to(stock.master_cf, master_snippet, FileKind::MasterCf, "stock"),
    ))
}

/// Any whole file (a stock file, or a server's own pasted main.cf, `postconf -n` output or
/// master.cf) with a generated snippet applied, and the diff from it; `origin` names the
/// original in the diff's first line (`--- main.cf (stock)`).
pub fn applied_to(original: &str, snippet: &str, kind: FileKind, origin: &str) -> Applied {
    let (text, name) = match kind {
        FileKind::MasterCf => (merge::master_cf(original, snippet), "master.cf"),
        FileKind::MainCf | FileKind::PostconfN => (merge::main_cf(original, snippet), "main.cf"),
    };
    Applied {
        diff: unified_diff(original, &text, name, origin),
        text,
    }
}

/// Lines of context around each change, as `diff -u` gives.
const CONTEXT: usize = 3;

/// One line of an edit script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Same,
    Removed,
    Added,
}

/// A unified diff of two texts by lines (longest common subsequence; the files are a few
/// hundred lines, so the quadratic table is small). Empty when they are equal.
fn unified_diff(old: &str, new: &str, name: &str, origin: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut script: Vec<(Step, usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            script.push((Step::Same, i, j));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // On a tie the removed line comes first, as `diff -u` writes it.
            script.push((Step::Removed, i, j));
            i += 1;
        } else {
            script.push((Step::Added, i, j));
            j += 1;
        }
    }
    let changed: Vec<usize> = (0..script.len())
        .filter(|&k| script[k].0 != Step::Same)
        .collect();
    if changed.is_empty() {
        return String::new();
    }
    let mut out = format!("--- {name} ({origin})\n+++ {name}\n");
    let mut k = 0;
    while k < changed.len() {
        // A hunk: changes closer than twice the context belong together.
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k];
        while k + 1 < changed.len() && changed[k + 1] <= end + 2 * CONTEXT + 1 {
            k += 1;
            end = changed[k];
        }
        let end = (end + CONTEXT + 1).min(script.len());
        let hunk = &script[start..end];
        let old_count = hunk.iter().filter(|s| s.0 != Step::Added).count();
        let new_count = hunk.iter().filter(|s| s.0 != Step::Removed).count();
        let (old_start, new_start) = (hunk[0].1, hunk[0].2);
        // `diff -u` numbers an empty side by the line before it.
        let from = |at: usize, count: usize| if count == 0 { at } else { at + 1 };
        out.push_str(&format!(
            "@@ -{},{old_count} +{},{new_count} @@\n",
            from(old_start, old_count),
            from(new_start, new_count)
        ));
        for &(step, i, j) in hunk {
            let (mark, line) = match step {
                Step::Same => (' ', a[i]),
                Step::Removed => ('-', a[i]),
                Step::Added => ('+', b[j]),
            };
            out.push(mark);
            out.push_str(line);
            out.push('\n');
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_reads_like_diff_u() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n";
        assert_eq!(
            unified_diff(old, new, "x", "stock"),
            "--- x (stock)\n+++ x\n@@ -2,9 +2,10 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n j\n+k\n"
        );
        assert_eq!(unified_diff(old, old, "x", "stock"), "");
        assert_eq!(
            unified_diff("", "a\n", "x", "stock"),
            "--- x (stock)\n+++ x\n@@ -0,0 +1,1 @@\n+a\n"
        );
    }

    #[test]
    fn a_pasted_file_is_merged_and_its_diff_says_so() {
        let pasted = "myhostname = mx\nsmtpd_tls_security_level = none\n";
        let applied = applied_to(
            pasted,
            "smtpd_tls_security_level = may\n",
            FileKind::PostconfN,
            "pasted",
        );
        assert_eq!(
            applied.text,
            "myhostname = mx\nsmtpd_tls_security_level = may\n"
        );
        assert!(applied
            .diff
            .starts_with("--- main.cf (pasted)\n+++ main.cf\n"));
    }

    #[test]
    fn far_apart_changes_are_separate_hunks() {
        let old: String = (1..=20).map(|n| format!("{n}\n")).collect();
        let new = old.replace("2\n", "two\n").replace("19\n", "nineteen\n");
        let diff = unified_diff(&old, &new, "x", "stock");
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert!(
            diff.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n"),
            "{diff}"
        );
    }

    #[test]
    fn debian_presets_have_their_stock_files_and_others_none() {
        for preset in Preset::ALL {
            let found = files(*preset);
            let debian = matches!(
                preset,
                Preset::Debian11 | Preset::Debian12 | Preset::Debian13
            );
            assert_eq!(found.is_some(), debian, "{preset:?}");
        }
        let twelve = files(Preset::Debian12).expect("Debian 12");
        assert!(twelve.main_cf.contains("compatibility_level = 3.6\n"));
        assert!(files(Preset::Debian13)
            .expect("Debian 13")
            .master_cf
            .contains("#submissions     inet"));
    }

    #[test]
    fn debian_12_is_the_suite_s_stock_pair() {
        let twelve = files(Preset::Debian12).expect("Debian 12");
        assert_eq!(
            twelve.main_cf,
            include_str!("../tests/fixtures/debian-stock/main.cf")
        );
        assert_eq!(
            twelve.master_cf,
            include_str!("../tests/fixtures/debian-stock/master.cf")
        );
    }
}
