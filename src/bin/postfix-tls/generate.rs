//! `postfix-tls generate`: options JSON in, snippets out.

use postfix_tls::config;
use postfix_tls::diagnostic::{Diagnostic, FileKind, Severity};
use postfix_tls::import;
use postfix_tls::lang::Lang;
use postfix_tls::merge;
use postfix_tls::options::Options;
use postfix_tls::paste::Paste;
use postfix_tls::verify;
use postfix_tls::version::PostfixVersion;
use serde::Serialize;
use std::io::Read;

const USAGE: &str = "usage: postfix-tls generate [--options FILE.json|-] [--format main|master|postconf|verify|json] [--print-options] [--merge-with /etc/postfix/main.cf|master.cf]\n       postfix-tls generate --from FILE... [--postfix-version 3.7] [--options FILE.json|-]   (the options a main.cf/postconf -n and master.cf come down to)";

/// What to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// main.cf and master.cf, each under a comment naming the file.
    Both,
    Main,
    Master,
    Postconf,
    /// The "How to verify" checks as one shell script.
    Verify,
    Json,
}

struct Args {
    options: Option<String>,
    format: Format,
    print_options: bool,
    /// A whole main.cf or master.cf to print with the output applied.
    merge_with: Option<String>,
    /// Configuration files to read into options (`--from`).
    from: Vec<String>,
    /// The Postfix series `--from` files are read for.
    postfix: Option<PostfixVersion>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        options: None,
        format: Format::Both,
        print_options: false,
        merge_with: None,
        from: Vec::new(),
        postfix: None,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| format!("`{name}` needs a value"))
        };
        match flag {
            "--options" => parsed.options = Some(value("--options")?),
            "--format" => {
                parsed.format = match value("--format")?.as_str() {
                    "main" => Format::Main,
                    "master" => Format::Master,
                    "postconf" => Format::Postconf,
                    "verify" => Format::Verify,
                    "json" => Format::Json,
                    other => {
                        return Err(format!(
                        "unknown format `{other}`: expected main, master, postconf, verify or json"
                    ))
                    }
                }
            }
            "--print-options" => parsed.print_options = true,
            "--merge-with" => {
                if parsed.merge_with.is_some() {
                    return Err(
                        "`--merge-with` takes one file; run once for main.cf and once for master.cf"
                            .to_string(),
                    );
                }
                parsed.merge_with = Some(value("--merge-with")?);
            }
            "--from" => parsed.from.push(value("--from")?),
            "--postfix-version" => {
                let text = value("--postfix-version")?;
                parsed.postfix = Some(PostfixVersion::parse(&text).map_err(|e| e.to_string())?);
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if parsed.postfix.is_some() && parsed.from.is_empty() {
        return Err("`--postfix-version` goes with `--from`; the options JSON holds the version to generate for".into());
    }
    if !parsed.from.is_empty() && (parsed.merge_with.is_some() || parsed.format != Format::Both) {
        return Err("`--from` prints options; generate from them in a second run".into());
    }
    Ok(parsed)
}

fn read_options(source: Option<&str>) -> Result<Options, String> {
    let Some(source) = source else {
        return Ok(Options::default());
    };
    let json = if source == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read options from standard input: {e}"))?;
        text
    } else {
        std::fs::read_to_string(source).map_err(|e| format!("cannot read `{source}`: {e}"))?
    };
    Options::from_json(&json).map_err(|e| format!("invalid options in `{source}`: {e}"))
}

/// The `--format json` document, in the documented field order.
#[derive(Serialize)]
struct JsonOutput<'a> {
    main_cf: &'a str,
    master_cf: &'a str,
    postconf: &'a str,
    diagnostics: &'a [Diagnostic],
    others: Vec<JsonOther<'a>>,
}

/// What another program needs (`OtherFile`), in English.
#[derive(Serialize)]
struct JsonOther<'a> {
    id: &'a str,
    title: &'a str,
    hint: &'a str,
    text: &'a str,
}

fn print_diagnostic(d: &Diagnostic) {
    eprintln!(
        "{}[{}]: {}\n  help: {}",
        d.severity,
        d.id,
        d.message.get(Lang::En),
        d.help.get(Lang::En)
    );
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &[String]) -> u8 {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        outln!("{USAGE}");
        return 0;
    }
    let args = match parse_args(args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return 2;
        }
    };
    let options = match read_options(args.options.as_deref()) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    let rejected = options.validate();
    if !rejected.is_empty() {
        for d in &rejected {
            print_diagnostic(d);
        }
        return 2;
    }
    if !args.from.is_empty() {
        let postfix = args.postfix.unwrap_or(PostfixVersion::LATEST);
        return from_files(&args.from, postfix, &options);
    }
    if args.print_options {
        outln!("{}", options.to_json());
        return 0;
    }
    let output = postfix_tls::generate(&options);
    if let Some(path) = &args.merge_with {
        let original = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("error: cannot read `{path}`: {e}");
                return 2;
            }
        };
        // The file's kind decides which snippet applies; a postconf -n listing is a main.cf.
        let merged = match config::detect_kind(&original) {
            FileKind::MasterCf => merge::master_cf(&original, &output.master_cf),
            FileKind::MainCf | FileKind::PostconfN => merge::main_cf(&original, &output.main_cf),
        };
        out!("{merged}");
    } else {
        match args.format {
            Format::Both => out!(
                "# main.cf\n{}\n# master.cf\n{}",
                output.main_cf,
                output.master_cf
            ),
            Format::Main => out!("{}", output.main_cf),
            Format::Master => out!("{}", output.master_cf),
            Format::Postconf => out!("{}", output.postconf),
            Format::Verify => out!("{}", verify::script(&options, Lang::En)),
            Format::Json => {
                let json = JsonOutput {
                    main_cf: &output.main_cf,
                    master_cf: &output.master_cf,
                    postconf: &output.postconf,
                    diagnostics: &output.diagnostics,
                    others: output
                        .others
                        .iter()
                        .map(|o| JsonOther {
                            id: o.id,
                            title: o.title.get(Lang::En),
                            hint: o.hint.get(Lang::En),
                            text: &o.text,
                        })
                        .collect(),
                };
                match serde_json::to_string_pretty(&json) {
                    Ok(text) => outln!("{text}"),
                    Err(e) => {
                        eprintln!("error: cannot write JSON: {e}");
                        return 2;
                    }
                }
            }
        }
    }
    if args.format != Format::Json || args.merge_with.is_some() {
        for d in &output.diagnostics {
            print_diagnostic(d);
        }
    }
    if output
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        1
    } else {
        0
    }
}

/// `--from`: reads main.cf (or `postconf -n` output, with `postconf -P` lines or not) and
/// master.cf, prints the options they come down to and, on standard error, what could not be
/// carried over.
fn from_files(paths: &[String], postfix: PostfixVersion, base: &Options) -> u8 {
    let mut main: Option<(String, String)> = None;
    let mut master: Option<(String, String)> = None;
    let mut texts = Vec::new();
    for path in paths {
        let text = if path == "-" {
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("error: cannot read standard input: {e}");
                return 2;
            }
            text
        } else {
            match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("error: cannot read `{path}`: {e}");
                    return 2;
                }
            }
        };
        texts.push((path.clone(), text));
    }
    // One file may hold both (`postconf -n; postconf -M`, or both files concatenated), with
    // the line numbers of the whole file; two files are one of each kind.
    let paste = match texts.as_slice() {
        [(path, text)] => {
            let paste = Paste::read(text, None);
            if paste.main().is_some() {
                main = Some((path.clone(), String::new()));
            }
            if paste.master().is_some() {
                master = Some((path.clone(), String::new()));
            }
            paste
        }
        _ => {
            for (path, text) in texts {
                let slot = match config::detect_kind(&text) {
                    FileKind::MasterCf => &mut master,
                    FileKind::MainCf | FileKind::PostconfN => &mut main,
                };
                if let Some((first, _)) = slot {
                    eprintln!("error: `{first}` and `{path}` are both the same kind of file; give one main.cf (or postconf -n) and one master.cf");
                    return 2;
                }
                *slot = Some((path, text));
            }
            Paste::files(
                main.as_ref().map(|(_, text)| text.as_str()),
                master.as_ref().map(|(_, text)| text.as_str()),
            )
        }
    };
    let read = import::read(&paste, postfix, base);
    outln!("{}", read.options.to_json());
    let role = serde_json::to_value(read.options.role).unwrap_or_default();
    eprintln!(
        "note: role `{}`{}: {}",
        role.as_str().unwrap_or_default(),
        if read.role_guessed { " (a guess)" } else { "" },
        read.role_reason.get(Lang::En)
    );
    for left in &read.left_out {
        let file = match left.file {
            FileKind::MasterCf => master.as_ref().map(|(path, _)| path.as_str()),
            FileKind::MainCf | FileKind::PostconfN => main.as_ref().map(|(path, _)| path.as_str()),
        };
        let place = match (file, left.line) {
            (Some(file), Some(line)) => format!("{file}:{line}: "),
            (Some(file), None) => format!("{file}: "),
            (None, _) => String::new(),
        };
        let setting = if left.value.is_empty() {
            format!("`{}`", left.name)
        } else {
            format!("`{} = {}`", left.name, left.value)
        };
        eprintln!(
            "{place}not carried over: {setting}: {}",
            left.reason.get(Lang::En)
        );
    }
    0
}
