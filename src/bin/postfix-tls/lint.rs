//! `postfix-tls lint`: lints main.cf, master.cf or `postconf -n` output.
//!
//! Several files are linted as one configuration (for example main.cf and master.cf
//! together); with several files of the same kind, each is linted on its own.

use postfix_tls::config::{self, MainCf, MasterCf};
use postfix_tls::diagnostic::{has_errors, Diagnostic, FileKind};
use postfix_tls::lang::Lang;
use postfix_tls::options::Role;
use postfix_tls::rules::{self, LintContext};
use postfix_tls::version::PostfixVersion;
use serde::Serialize;
use std::io::Read;

/// How findings are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// The parsed command line.
struct Request {
    ctx: LintContext,
    kind: Option<FileKind>,
    format: Format,
    files: Vec<String>,
}

/// A usage problem, printed before exiting with 2.
type UsageError = String;

fn parse_args(args: &[String]) -> Result<Request, UsageError> {
    let mut request = Request {
        ctx: LintContext::default(),
        kind: None,
        format: Format::Text,
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
                    other => {
                        return Err(format!(
                            "unknown format `{other}`: expected `text` or `json`"
                        ))
                    }
                }
            }
            "-" => request.files.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            _ => request.files.push(arg.clone()),
        }
    }
    if request.files.is_empty() {
        return Err(String::from("no file given (use `-` for standard input)"));
    }
    Ok(request)
}

fn read(file: &str) -> Result<String, String> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read `{file}`: {e}"))?
    };
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

/// A file read and parsed, with the name to report it under.
struct Input {
    name: String,
    kind: FileKind,
    text: String,
}

fn lint_inputs(inputs: &[Input], ctx: &LintContext) -> Vec<Located> {
    let mains: Vec<&Input> = inputs
        .iter()
        .filter(|i| i.kind != FileKind::MasterCf)
        .collect();
    let masters: Vec<&Input> = inputs
        .iter()
        .filter(|i| i.kind == FileKind::MasterCf)
        .collect();
    let mut found = Vec::new();
    if mains.len() <= 1 && masters.len() <= 1 {
        // One configuration: lint the pair together so overrides meet their main.cf.
        let main: Option<MainCf> = mains.first().map(|i| config::parse_main(&i.text));
        let master: Option<MasterCf> = masters.first().map(|i| config::parse_master(&i.text));
        for d in rules::lint(main.as_ref(), master.as_ref(), ctx) {
            let input = match d.file {
                // Without a master.cf, findings about services are on `postconf -P`
                // lines of the main input.
                Some(FileKind::MasterCf) => masters.first().or(mains.first()),
                _ => mains.first().or(masters.first()),
            };
            let mut diagnostic = d;
            if let Some(input) = input.filter(|_| diagnostic.file.is_some()) {
                diagnostic.file = Some(input.kind);
            }
            found.push(Located {
                file: input.map_or_else(String::new, |i| i.name.clone()),
                diagnostic,
            });
        }
    } else {
        for input in inputs {
            let (_, list) = rules::lint_text(&input.text, Some(input.kind), ctx);
            found.extend(list.into_iter().map(|diagnostic| Located {
                file: input.name.clone(),
                diagnostic,
            }));
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
        match read(file) {
            Ok(text) => inputs.push(Input {
                name: if file == "-" {
                    String::from("<stdin>")
                } else {
                    file.clone()
                },
                kind: request.kind.unwrap_or_else(|| config::detect_kind(&text)),
                text,
            }),
            Err(message) => {
                eprintln!("postfix-tls lint: {message}");
                return 2;
            }
        }
    }
    let found = lint_inputs(&inputs, &request.ctx);
    match request.format {
        Format::Text => {
            for f in &found {
                let d = &f.diagnostic;
                let place = match d.line {
                    Some(line) => format!("{}:{line}", f.file),
                    None => f.file.clone(),
                };
                outln!(
                    "{place}: {}[{}]: {}",
                    d.severity,
                    d.id,
                    d.message.get(Lang::En)
                );
                outln!("  help: {}", d.help.get(Lang::En));
            }
        }
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
