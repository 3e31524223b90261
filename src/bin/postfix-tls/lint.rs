//! `postfix-tls lint`: lints main.cf, master.cf or `postconf -n` output.
//!
//! Several files are linted as one configuration (for example main.cf and master.cf
//! together); with several files of the same kind, each is linted on its own. One file
//! holding both (`postconf -n; postconf -M`) is read in two parts as the page reads a paste
//! (`Paste::read`), with the line numbers of the whole file.
//!
//! `--fix` writes the certain fixes in place (keeping `FILE.bak` unless `--no-backup`),
//! `--diff` prints them as a unified diff and `--format postconf` as the commands that make
//! the same change on a server; `--format sarif` reports for CI systems, the certain fixes
//! as SARIF fixes (the lines `--fix` changes).

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

/// Reads a file, and says whether the text is its bytes exactly (it is UTF-8); with `exact`,
/// a file that is not UTF-8 is an input error, since writing it back would change its stray
/// bytes.
fn read(file: &str, exact: bool) -> Result<(String, bool), String> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read `{file}`: {e}"))?
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, true)),
        Err(_) if exact => Err(format!(
            "`{file}` is not UTF-8: fixing it would change its bytes"
        )),
        // A file with stray bytes is still linted; the bytes show up as U+FFFD in values.
        Err(e) => Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), false)),
    }
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
    /// Whether `text` is the file's bytes exactly: only then can SARIF tell fixes of it.
    exact: bool,
}

/// One file as it was read: a single input, or, when main.cf and master.cf follow each
/// other in it (`postconf -n; postconf -M`, `cat main.cf master.cf`), its two parts, read
/// as the page reads a paste.
fn split(file: &str, (text, exact): (String, bool), kind: Option<FileKind>) -> Vec<Input> {
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
                exact,
            },
            Input {
                name: format!("{name} ({})", FileKind::MasterCf.as_str()),
                file: name.to_string(),
                kind: FileKind::MasterCf,
                text: master.to_string(),
                offset,
                exact,
            },
        ];
    }
    vec![Input {
        name: name.to_string(),
        file: name.to_string(),
        kind: kind.unwrap_or_else(|| config::detect_kind(&text)),
        text,
        offset: 0,
        exact,
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
    // One configuration is linted as a pair, so that overrides meet their main.cf.
    groups(inputs)
        .into_iter()
        .flat_map(|(main, master)| lint_group(main, master, ctx))
        .collect()
}

/// The findings of one main.cf/master.cf pair, at their lines in their files.
fn lint_group(
    main_input: Option<&Input>,
    master_input: Option<&Input>,
    ctx: &LintContext,
) -> Vec<Located> {
    let main: Option<MainCf> = main_input.map(|i| config::parse_main(&i.text));
    let master: Option<MasterCf> = master_input.map(|i| config::parse_master(&i.text));
    rules::lint(main.as_ref(), master.as_ref(), ctx)
        .into_iter()
        .map(|mut diagnostic| {
            // Without a master.cf, findings about services are on `postconf -P` lines of the
            // main input.
            let input = input_of(&diagnostic, main_input, master_input);
            if let Some(input) = input.filter(|_| diagnostic.file.is_some()) {
                diagnostic.file = Some(input.kind);
            }
            Located {
                file: input.map_or_else(String::new, |i| i.name.clone()),
                diagnostic: placed(diagnostic, input),
            }
        })
        .collect()
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
        Format::Sarif => outln!("{}", sarif(&inputs, &request.ctx)),
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
/// file at its first line, since annotations need one). A finding whose fix is certain
/// carries it as `fixes`: the lines `--fix` changes, each replaced whole by what `--fix`
/// writes there (its fixing applied once, by `fix::fix_files`, and told line by line). A
/// finding with choices names them in its message, which annotations show, and in
/// `properties.choices`.
fn sarif(inputs: &[Input], ctx: &LintContext) -> String {
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
    let mut results: Vec<serde_json::Value> = Vec::new();
    for (main, master) in groups(inputs) {
        let found = lint_group(main, master, ctx);
        let fixes = if [main, master].into_iter().flatten().all(|i| i.exact) {
            group_fixes(&found, main, master, ctx)
        } else {
            // The text read is not the file's bytes: a fix of it would change them.
            vec![Vec::new(); found.len()]
        };
        for (f, fix) in found.iter().zip(fixes) {
            let d = &f.diagnostic;
            let uri = input_of(d, main, master).map_or("", |i| i.file.as_str());
            let choices: Vec<String> = match &d.fix {
                Some(Fix::Choices(choices)) => choices
                    .iter()
                    .map(|c| c.what.get(Lang::En).to_string())
                    .collect(),
                _ => Vec::new(),
            };
            let mut text = format!(
                "{}\nhelp: {}",
                d.message.get(Lang::En),
                d.help.get(Lang::En)
            );
            for (n, choice) in choices.iter().enumerate() {
                text.push_str(&format!("\nchoice {}: {choice}", n + 1));
            }
            let mut result = serde_json::json!({
                "ruleId": d.id.as_str(),
                "ruleIndex": d.id as usize,
                "level": sarif_level(d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": file_uri(uri) },
                        "region": { "startLine": d.line.unwrap_or(1) },
                    }
                }],
            });
            if !fix.is_empty() {
                result["fixes"] = serde_json::json!([sarif_fix(d, &fix, main, master)]);
            }
            if !choices.is_empty() {
                result["properties"] = serde_json::json!({ "choices": choices });
            }
            results.push(result);
        }
    }
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
            // Fixes replace whole lines (column 1 to column 1 of the next line), so columns
            // never depend on how characters are counted; the files are read as UTF-8.
            "columnKind": "unicodeCodePoints",
            "defaultEncoding": "utf-8",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// For each finding of one pair (as `lint_group` gives them), the lines of `--fix` it owns:
/// `fix::fix_files` fixes the pair once, as `--fix` does, and each line it changed goes to
/// the first finding that changed it and is in `found` (a finding revealed by an earlier
/// fix is not; its lines go to the first finding that has lines, so that all the results'
/// fixes together are `--fix`).
fn group_fixes<'a>(
    found: &[Located],
    main: Option<&'a Input>,
    master: Option<&'a Input>,
    ctx: &LintContext,
) -> Vec<Vec<fix::LineFix>> {
    let main_kind = main.map_or(FileKind::MainCf, |i| i.kind);
    let fixed = fix::fix_files(
        main.map(|i| i.text.as_str()),
        main_kind,
        master.map(|i| i.text.as_str()),
        ctx,
    );
    // Each fixed finding is the result with its rule, file, line and message.
    let mut taken = vec![false; found.len()];
    let result_of: Vec<Option<usize>> = fixed
        .fixed
        .iter()
        .map(|d| {
            let input = input_of(d, main, master);
            let d = placed(d.clone(), input);
            let kind = input.map(|i| i.kind);
            let at = found.iter().enumerate().position(|(n, f)| {
                let r = &f.diagnostic;
                !taken[n]
                    && r.id == d.id
                    && r.line == d.line
                    && r.file.is_some() == d.file.is_some()
                    && input_of(r, main, master).map(|i| i.kind) == kind
                    && r.message.get(Lang::En) == d.message.get(Lang::En)
            });
            if let Some(n) = at {
                taken[n] = true;
            }
            at
        })
        .collect();
    let mut owned: Vec<Vec<fix::LineFix>> = vec![Vec::new(); found.len()];
    let mut orphans = Vec::new();
    for line in fixed.lines {
        match line
            .by
            .iter()
            .find_map(|&b| result_of.get(b).copied().flatten())
        {
            Some(n) => owned[n].push(line),
            None => orphans.push(line),
        }
    }
    if let Some(first) = owned.iter_mut().find(|o| !o.is_empty()) {
        first.append(&mut orphans);
    } else if let Some(n) = result_of.iter().flatten().next() {
        owned[*n].append(&mut orphans);
    }
    owned
}

/// One SARIF `fix`: the finding's lines, each replaced whole, grouped by file.
fn sarif_fix(
    d: &Diagnostic,
    lines: &[fix::LineFix],
    main: Option<&Input>,
    master: Option<&Input>,
) -> serde_json::Value {
    let mut changes: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
    let mut sorted: Vec<(usize, &fix::LineFix, &Input)> = lines
        .iter()
        .filter_map(|l| {
            let input = if l.file == FileKind::MasterCf {
                master.or(main)
            } else {
                main.or(master)
            }?;
            Some((l.line + input.offset, l, input))
        })
        .collect();
    sorted.sort_by_key(|(line, _, input)| (input.file.clone(), *line));
    let sorted_lines: Vec<(usize, &fix::LineFix)> =
        sorted.iter().map(|(n, l, _)| (*n, *l)).collect();
    for &(line, l, input) in &sorted {
        // The line with its line end; a last line without one ends at the end of the line.
        let region = if l.was.ends_with('\n') {
            serde_json::json!({ "startLine": line, "startColumn": 1, "endLine": line + 1, "endColumn": 1 })
        } else {
            serde_json::json!({ "startLine": line, "startColumn": 1, "endLine": line })
        };
        let replacement = serde_json::json!({
            "deletedRegion": region,
            "insertedContent": { "text": l.now },
        });
        match changes.iter_mut().find(|(file, _)| *file == input.file) {
            Some((_, replacements)) => replacements.push(replacement),
            None => changes.push((input.file.clone(), vec![replacement])),
        }
    }
    // What the fix does, line by line, as `--fix` does it.
    let what: Vec<String> = sorted_lines
        .iter()
        .map(|(line, l)| match l.now.trim_end() {
            "" => format!("delete line {line}"),
            now => format!("line {line} becomes `{}`", now.replace('\n', "` + `")),
        })
        .collect();
    serde_json::json!({
        "description": { "text": format!("{} ({}), as `postfix-tls lint --fix` does", what.join("; "), d.id) },
        "artifactChanges": changes
            .into_iter()
            .map(|(file, replacements)| serde_json::json!({
                "artifactLocation": { "uri": file_uri(&file) },
                "replacements": replacements,
            }))
            .collect::<Vec<_>>(),
    })
}

/// A file name as a URI reference: bytes other than letters, digits and `-._~/` are
/// percent-encoded (a space, `<stdin>`'s brackets).
fn file_uri(file: &str) -> String {
    let mut uri = String::new();
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// SARIF's levels: `error`, `warning`, `note`.
fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
