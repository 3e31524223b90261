//! Every language has every message: messages/de.po holds exactly the English keys of the
//! sources' `text!` sites (none missing, none orphaned), each German text takes the English
//! one's arguments, and gettext's own `msgfmt --check` accepts the file.

use postfix_tls::lang::{self, Lang, Messages};
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_german_file_has_every_message_of_the_sources_and_no_other() {
    // The converter reads every `text!` site; `check` fails when a two-language site is
    // left, a key has no German text, or the file holds one the sources no longer use.
    let out = Command::new("python3")
        .arg(root().join("scripts/messages"))
        .arg("check")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn gettext_accepts_the_german_file() {
    let out = Command::new("msgfmt")
        .args(["--check", "--output-file=/dev/null"])
        .arg(root().join("messages/de.po"))
        .output()
        .expect("msgfmt runs (Debian's gettext; scripts/setup.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The argument positions a message's placeholders take, as `lang` fills them: `{}` in
/// order, `{N}` by position; `{{`, `}}` and other braces are text.
fn positions(template: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut next = 0;
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
            continue;
        }
        let inside = tail[1..].split('}').next().unwrap_or_default();
        if inside.is_empty() {
            found.push(next);
            next += 1;
        } else if let Ok(n) = inside.parse() {
            found.push(n);
        }
        rest = &tail[1..];
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Messages whose German leaves out an argument on purpose.
const GERMAN_LEAVES_OUT: &[(&str, &str)] = &[(
    "the settings could not be read and were ignored: {}",
    "serde's reason is English; the German page shows no English",
)];

#[test]
fn every_german_text_takes_the_arguments_of_the_english_one() {
    let german = lang::messages(Lang::De).expect("built in natively");
    let mut wrong = Vec::new();
    for key in german.keys() {
        let text = german.get(key).unwrap_or_default();
        let (en, de) = (positions(key), positions(text));
        let leaves_out = GERMAN_LEAVES_OUT.iter().any(|(k, _)| *k == key);
        let fits = if leaves_out {
            de.iter().all(|p| en.contains(p))
        } else {
            en == de
        };
        if !fits {
            wrong.push(format!("{key:?} -> {text:?}"));
        }
    }
    wrong.sort();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for (key, _) in GERMAN_LEAVES_OUT {
        assert!(german.get(key).is_some(), "{key:?} is no longer a message");
    }
}

#[test]
fn the_file_the_browser_fetches_reads_as_the_built_in_one() {
    let po = std::fs::read_to_string(root().join("messages/de.po")).expect("read");
    let fetched = Messages::parse(&po).expect("parsed");
    let built_in = lang::messages(Lang::De).expect("built in");
    assert_eq!(fetched.keys().count(), built_in.keys().count());
    assert!(fetched.keys().count() > 500, "{}", fetched.keys().count());
}
