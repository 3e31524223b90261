//! `postfix-tls lint`: lints main.cf, master.cf or `postconf -n` output.
//!
//! Several files are linted as one configuration (for example main.cf and master.cf
//! together); with several files of the same kind, each is linted on its own. One file
//! holding both (`postconf -n; postconf -M`) is read in two parts as the page reads a paste
//! (`Paste::read`), with the line numbers of the whole file.
//!
//! `--fix` writes the certain fixes in place (keeping `FILE.bak` unless `--no-backup`),
//! `--diff` prints them as a unified diff and `--format postconf` as the commands that make
//! the same change on a server; `--format sarif` reports for CI systems.

use postfix_tls::config::{self, MainCf, MasterCf};
use postfix_tls::diagnostic::{has_errors, Diagnostic, FileKind, Severity};
use postfix_tls::fix::{self, Fix};
use postfix_tls::lang::Lang;
use postfix_tls::options::Role;
use postfix_tls::paste::Paste;
use postfix_tls::rules::{self, LintContext};
use postfix_tls::version::PostfixVersion;
use serde::Serialize;
use std::io::Read;

/// How findings are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Sarif,
    /// The `postconf` commands of the certain fixes.
    Postconf,
}

/// What is done with the certain fixes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Reported only.
    Report,
    /// Written in place.
    Fix,
    /// Printed as a unified diff.
    Diff,
}

/// The parsed command line.
struct Request {
    ctx: LintContext,
    kind: Option<FileKind>,
    format: Format,
    mode: Mode,
    backup: bool,
    files: Vec<String>,
}

/// A usage problem, printed before exiting with 2.
type UsageError = String;

fn parse_args(args: &[String]) -> Result<Request, UsageError> {
    let mut request = Request {
        ctx: LintContext::default(),
        kind: None,
        format: Format::Text,
        mode: Mode::Report,
        backup: true,
        files: Vec::new(),
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("`{flag}` needs a value"))
        };
        match arg.as_str() {
            "--postfix-version" => {
                let text = value(arg)?;
                let postfix = PostfixVersion::parse(&text).map_err(|e| e.to_string())?;
                request.ctx = LintContext {
                    role: request.ctx.role,
                    ..LintContext::for_postfix(postfix)
                };
            }
            "--role" => {
                request.ctx.role = match value(arg)?.as_str() {
                    "public-mx" => Role::PublicMx,
                    "relay" => Role::Relay,
                    "null-client" => Role::NullClient,
                    other => {
                        return Err(format!(
                            "unknown role `{other}`: expected `public-mx`, `relay` or `null-client`"
                        ))
                    }
                }
            }
            "--kind" => {
                request.kind = Some(match value(arg)?.as_str() {
                    "main" => FileKind::MainCf,
                    "master" => FileKind::MasterCf,
                    "postconf" => FileKind::PostconfN,
                    other => {
                        return Err(format!(
                            "unknown kind `{other}`: expected `main`, `master` or `postconf`"
                        ))
                    }
                })
            }
            "--format" => {
                request.format = match value(arg)?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    "postconf" => Format::Postconf,
                    other => {
                        return Err(format!(
                        "unknown format `{other}`: expected `text`, `json`, `sarif` or `postconf`"
                    ))
                    }
                }
            }
            "--fix" | "--diff" => {
                let mode = if arg == "--fix" {
                    Mode::Fix
                } else {
                    Mode::Diff
                };
                if request.mode != Mode::Report && request.mode != mode {
                    return Err(String::from("`--fix` and `--diff` exclude each other"));
                }
                request.mode = mode;
            }
            "--no-backup" => request.backup = false,
            "-" => request.files.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            _ => request.files.push(arg.clone()),
        }
    }
    if request.files.is_empty() {
        return Err(String::from("no file given (use `-` for standard input)"));
    }
    if request.mode != Mode::Report && request.format != Format::Text {
        return Err(String::from(
            "`--fix` and `--diff` print text: leave out `--format`",
        ));
    }
    if request.mode == Mode::Fix && request.files.iter().any(|f| f == "-") {
        return Err(String::from(
            "`--fix` writes files in place: for standard input use `--diff` or `--format postconf`",
        ));
    }
    Ok(request)
}

/// Reads a file; with `exact`, a file that is not UTF-8 is an input error, since writing
/// it back would change its stray bytes.
fn read(file: &str, exact: bool) -> Result<String, String> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read `{file}`: {e}"))?
    };
    if exact {
        return String::from_utf8(bytes)
            .map_err(|_| format!("`{file}` is not UTF-8: fixing it would change its bytes"));
    }
    // A file with stray bytes is still linted; the bytes show up as U+FFFD in values.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// One finding with the file name it belongs to.
struct Located {
    file: String,
    diagnostic: Diagnostic,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    line: Option<usize>,
    id: &'a str,
    severity: &'a str,
    message: &'a str,
    help: &'a str,
}

/// A file read and parsed, with the name to report it under: a whole file, or one part of
/// a file holding main.cf (or `postconf -n`) followed by master.cf.
struct Input {
    /// What findings name: the file, and for a part of a combined file, that part.
    name: String,
    /// The file the text comes from (and is written back to).
    file: String,
    kind: FileKind,
    text: String,
    /// Lines before the part in its file: line numbers are those of the whole file.
    offset: usize,
}

/// One file as it was read: a single input, or, when main.cf and master.cf follow each
/// other in it (`postconf -n; postconf -M`, `cat main.cf master.cf`), its two parts, read
/// as the page reads a paste.
fn split(file: &str, text: String, kind: Option<FileKind>) -> Vec<Input> {
    let name = if file == "-" { "<stdin>" } else { file };
    let paste = Paste::read(&text, kind);
    if let (Some(main_kind), Some(main), Some(master)) =
        (paste.main_kind(), paste.main_text(), paste.master_text())
    {
        let offset = main.lines().count();
        return vec![
            Input {
                name: format!("{name} ({})", main_kind.as_str()),
                file: name.to_string(),
                kind: main_kind,
                text: main.to_string(),
                offset: 0,
            },
            Input {
                name: format!("{name} ({})", FileKind::MasterCf.as_str()),
                file: name.to_string(),
                kind: FileKind::MasterCf,
                text: master.to_string(),
                offset,
            },
        ];
    }
    vec![Input {
        name: name.to_string(),
        file: name.to_string(),
        kind: kind.unwrap_or_else(|| config::detect_kind(&text)),
        text,
        offset: 0,
    }]
}

/// A finding at its line in the whole file of `input`.
fn placed(mut d: Diagnostic, input: Option<&Input>) -> Diagnostic {
    if let Some(input) = input {
        d.line = d.line.map(|l| l + input.offset);
    }
    d
}

/// The inputs as configurations: one main.cf/master.cf pair, or each file on its own when
/// there are several of a kind.
fn groups(inputs: &[Input]) -> Vec<(Option<&Input>, Option<&Input>)> {
    let mains: Vec<&Input> = inputs
        .iter()
        .filter(|i| i.kind != FileKind::MasterCf)
        .collect();
    let masters: Vec<&Input> = inputs
        .iter()
        .filter(|i| i.kind == FileKind::MasterCf)
        .collect();
    if mains.len() <= 1 && masters.len() <= 1 {
        vec![(mains.first().copied(), masters.first().copied())]
    } else {
        inputs
            .iter()
            .map(|i| {
                if i.kind == FileKind::MasterCf {
                    (None, Some(i))
                } else {
                    (Some(i), None)
                }
            })
            .collect()
    }
}

/// The input of this group a finding is in.
fn input_of<'a>(
    d: &Diagnostic,
    main: Option<&'a Input>,
    master: Option<&'a Input>,
) -> Option<&'a Input> {
    match d.file {
        Some(FileKind::MasterCf) => master.or(main),
        _ => main.or(master),
    }
}

fn lint_inputs(inputs: &[Input], ctx: &LintContext) -> Vec<Located> {
    let mut found = Vec::new();
    // One configuration is linted as a pair, so that overrides meet their main.cf.
    for (main_input, master_input) in groups(inputs) {
        let main: Option<MainCf> = main_input.map(|i| config::parse_main(&i.text));
        let master: Option<MasterCf> = master_input.map(|i| config::parse_master(&i.text));
        for mut diagnostic in rules::lint(main.as_ref(), master.as_ref(), ctx) {
            // Without a master.cf, findings about services are on `postconf -P` lines of the
            // main input.
            let input = input_of(&diagnostic, main_input, master_input);
            if let Some(input) = input.filter(|_| diagnostic.file.is_some()) {
                diagnostic.file = Some(input.kind);
            }
            found.push(Located {
                file: input.map_or_else(String::new, |i| i.name.clone()),
                diagnostic: placed(diagnostic, input),
            });
        }
    }
    found
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &[String]) -> u8 {
    let request = match parse_args(args) {
        Ok(r) => r,
        Err(message) => {
            eprintln!("postfix-tls lint: {message}");
            return 2;
        }
    };
    let mut inputs = Vec::new();
    for file in &request.files {
        match read(
            file,
            request.mode != Mode::Report || request.format == Format::Postconf,
        ) {
            Ok(text) => inputs.extend(split(file, text, request.kind)),
            Err(message) => {
                eprintln!("postfix-tls lint: {message}");
                return 2;
            }
        }
    }
    if request.mode != Mode::Report || request.format == Format::Postconf {
        return fix_inputs(&inputs, &request);
    }
    let found = lint_inputs(&inputs, &request.ctx);
    match request.format {
        Format::Text => {
            for f in &found {
                print_finding(&f.file, &f.diagnostic);
            }
        }
        Format::Sarif => outln!("{}", sarif(&found)),
        Format::Postconf => {}
        Format::Json => {
            let list: Vec<JsonFinding> = found
                .iter()
                .map(|f| JsonFinding {
                    file: &f.file,
                    line: f.diagnostic.line,
                    id: f.diagnostic.id.as_str(),
                    severity: f.diagnostic.severity.as_str(),
                    message: f.diagnostic.message.get(Lang::En),
                    help: f.diagnostic.help.get(Lang::En),
                })
                .collect();
            match serde_json::to_string_pretty(&list) {
                Ok(json) => outln!("{json}"),
                Err(e) => {
                    eprintln!("postfix-tls lint: cannot write JSON: {e}");
                    return 2;
                }
            }
        }
    }
    let all: Vec<Diagnostic> = found.into_iter().map(|f| f.diagnostic).collect();
    u8::from(has_errors(&all))
}

/// `FILE:LINE: error[id]: message`, the help, and the choices a person has.
fn print_finding(file: &str, d: &Diagnostic) {
    let place = match d.line {
        Some(line) => format!("{file}:{line}"),
        None => file.to_string(),
    };
    outln!(
        "{place}: {}[{}]: {}",
        d.severity,
        d.id,
        d.message.get(Lang::En)
    );
    outln!("  help: {}", d.help.get(Lang::En));
    if let Some(Fix::Choices(choices)) = &d.fix {
        for (n, choice) in choices.iter().enumerate() {
            outln!("  choice {}: {}", n + 1, choice.what.get(Lang::En));
        }
    }
}

/// `--fix`, `--diff` and `--format postconf`: the certain fixes written, shown or given as
/// commands, then what is left for a person.
fn fix_inputs(inputs: &[Input], request: &Request) -> u8 {
    let mut remaining_errors = false;
    for (main, master) in groups(inputs) {
        let main_kind = main.map_or(FileKind::MainCf, |i| i.kind);
        let fixed = fix::fix_files(
            main.map(|i| i.text.as_str()),
            main_kind,
            master.map(|i| i.text.as_str()),
            &request.ctx,
        );
        let pairs = [
            (main, fixed.main.as_deref()),
            (master, fixed.master.as_deref()),
        ];
        match request.format {
            Format::Postconf => {
                out!(
                    "{}",
                    fix::postconf_commands(
                        (
                            main.map(|i| i.text.as_str()),
                            master.map(|i| i.text.as_str())
                        ),
                        (fixed.main.as_deref(), fixed.master.as_deref()),
                    )
                );
            }
            _ if request.mode == Mode::Diff => {
                for (file, before, after) in whole_files(pairs) {
                    out!(
                        "{}",
                        fix::unified_diff(&before, &after, &file, &format!("{file} (fixed)"))
                    );
                }
            }
            _ => {
                for d in &fixed.fixed {
                    let input = input_of(d, main, master);
                    let file = input.map_or_else(String::new, |i| i.name.clone());
                    let place = match placed(d.clone(), input).line {
                        Some(line) => format!("{file}:{line}"),
                        None => file,
                    };
                    outln!("{place}: fixed[{}]: {}", d.id, d.message.get(Lang::En));
                }
                for (file, before, after) in whole_files(pairs) {
                    if after == before {
                        continue;
                    }
                    if let Err(message) = write(&file, &before, &after, request.backup) {
                        eprintln!("postfix-tls lint: {message}");
                        return 2;
                    }
                }
                // Left for a person: at their lines in the fixed files, so a master.cf part
                // follows the fixed main.cf part.
                let fixed_main_lines = fixed.main.as_deref().map_or(0, |m| m.lines().count());
                for d in &fixed.remaining {
                    let input = input_of(d, main, master);
                    let mut d = d.clone();
                    if input.is_some_and(|i| i.offset > 0) {
                        d.line = d.line.map(|l| l + fixed_main_lines);
                    }
                    print_finding(&input.map_or_else(String::new, |i| i.name.clone()), &d);
                }
            }
        }
        remaining_errors |= has_errors(&fixed.remaining);
    }
    // Without --fix nothing is written: the files keep the errors they have.
    let errors = if request.mode == Mode::Fix {
        remaining_errors
    } else {
        lint_inputs(inputs, &request.ctx)
            .iter()
            .any(|f| f.diagnostic.severity == Severity::Error)
    };
    u8::from(errors)
}

/// Each file of a group before and after the fixes: the two parts of a combined file are
/// joined again, as they were read.
fn whole_files(pairs: [(Option<&Input>, Option<&str>); 2]) -> Vec<(String, String, String)> {
    let mut files: Vec<(String, String, String)> = Vec::new();
    for (input, after) in pairs {
        let (Some(input), Some(after)) = (input, after) else {
            continue;
        };
        match files.iter_mut().find(|(file, _, _)| *file == input.file) {
            Some((_, before, fixed)) => {
                before.push_str(&input.text);
                fixed.push_str(after);
            }
            None => files.push((input.file.clone(), input.text.clone(), after.to_string())),
        }
    }
    files
}

/// Writes the fixed text over `file`, keeping the old text in `FILE.bak` first.
fn write(file: &str, old: &str, new: &str, backup: bool) -> Result<(), String> {
    if backup {
        let bak = format!("{file}.bak");
        std::fs::write(&bak, old).map_err(|e| format!("cannot write `{bak}`: {e}"))?;
    }
    std::fs::write(file, new).map_err(|e| format!("cannot write `{file}`: {e}"))?;
    outln!(
        "wrote {file}{}",
        if backup {
            format!(" (the old one is {file}.bak)")
        } else {
            String::new()
        }
    );
    Ok(())
}

/// SARIF 2.1.0 (OASIS), the format CI systems annotate files from: every rule as the tool's
/// rule metadata, every finding as a result at its file and line (a finding about the whole
/// file at its first line, since annotations need one).
fn sarif(found: &[Located]) -> String {
    let rules: Vec<serde_json::Value> = rules::RULES
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id.as_str(),
                "shortDescription": { "text": r.summary.get(Lang::En) },
                "fullDescription": { "text": r.what.get(Lang::En) },
                "help": { "text": format!("{}\n\n{}", r.why.get(Lang::En), r.fix.get(Lang::En)) },
                "helpUri": r.source.url,
                "defaultConfiguration": { "level": sarif_level(r.severity) },
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = found
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            serde_json::json!({
                "ruleId": d.id.as_str(),
                "ruleIndex": d.id as usize,
                "level": sarif_level(d.severity),
                "message": {
                    "text": format!("{}\nhelp: {}", d.message.get(Lang::En), d.help.get(Lang::En)),
                },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.file },
                        "region": { "startLine": d.line.unwrap_or(1) },
                    }
                }],
            })
        })
        .collect();
    let log = serde_json::json!({
        "version": "2.1.0",
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "postfix-tls",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// SARIF's levels: `error`, `warning`, `note`.
fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
