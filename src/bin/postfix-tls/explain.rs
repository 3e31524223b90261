//! `postfix-tls explain PARAM`: the reference entry of one parameter.

use postfix_tls::lang::Lang;
use postfix_tls::params;
use postfix_tls::reference::{self, Basis, Entry, Words};
use postfix_tls::version::PostfixVersion;
use serde::Serialize;

const USAGE: &str =
    "usage: postfix-tls explain PARAM [--postfix-version X.Y] [--format text|json] [--lang en|de]";

/// How the entry is printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

struct Request {
    /// `None`: list every name.
    name: Option<String>,
    version: PostfixVersion,
    format: Format,
    lang: Lang,
}

fn parse_args(args: &[String]) -> Result<Request, String> {
    let mut name = None;
    let mut version = PostfixVersion::LATEST;
    let mut format = Format::Text;
    let mut lang = Lang::En;
    let mut list = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("`{flag}` needs a value"))
        };
        match arg.as_str() {
            "--postfix-version" => {
                version = PostfixVersion::parse(&value(arg)?).map_err(|e| e.to_string())?;
            }
            "--format" => {
                format = match value(arg)?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(format!(
                            "unknown format `{other}`: expected `text` or `json`"
                        ))
                    }
                }
            }
            "--lang" => {
                lang = match value(arg)?.as_str() {
                    "en" => Lang::En,
                    "de" => Lang::De,
                    other => {
                        return Err(format!("unknown language `{other}`: expected `en` or `de`"))
                    }
                }
            }
            "--list" => list = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            other if name.is_none() => name = Some(other.to_string()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    if list && name.is_none() {
        return Ok(Request {
            name: None,
            version,
            format,
            lang,
        });
    }
    let name = Some(name.ok_or("which parameter? name one, or --list")?);
    Ok(Request {
        name,
        version,
        format,
        lang,
    })
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &[String]) -> u8 {
    let request = match parse_args(args) {
        Ok(request) => request,
        Err(why) => {
            eprintln!("postfix-tls explain: {why}\n{USAGE}");
            return 2;
        }
    };
    let Some(name) = &request.name else {
        return list(request.version, request.format);
    };
    let Some(entry) = reference::entry(name) else {
        eprintln!("{}", not_found(name, request.version));
        return 2;
    };
    match request.format {
        Format::Text => print_text(entry, request.version, request.lang),
        Format::Json => match serde_json::to_string_pretty(&Explained::new(entry, request.version))
        {
            Ok(json) => outln!("{json}"),
            Err(why) => {
                eprintln!("postfix-tls explain: {why}");
                return 2;
            }
        },
    }
    0
}

/// Every entry: its name, or with `--format json` its name and default for the version.
fn list(version: PostfixVersion, format: Format) -> u8 {
    #[derive(Serialize)]
    struct Listed {
        name: &'static str,
        default: Option<&'static str>,
        basis: &'static str,
    }
    if format == Format::Text {
        for entry in reference::entries() {
            outln!("{}", entry.name);
        }
        return 0;
    }
    let listed: Vec<Listed> = reference::entries()
        .iter()
        .map(|entry| {
            let default = entry.default_for(version);
            Listed {
                name: entry.name,
                default: default.value,
                basis: basis_id(default.basis),
            }
        })
        .collect();
    match serde_json::to_string_pretty(&listed) {
        Ok(json) => {
            outln!("{json}");
            0
        }
        Err(why) => {
            eprintln!("postfix-tls explain: {why}");
            2
        }
    }
}

/// The JSON word for how a default is known.
fn basis_id(basis: Basis) -> &'static str {
    match basis {
        Basis::Measured => "measured",
        Basis::Documented(_) => "documented",
        Basis::Nearest(_) => "nearest",
        Basis::Absent(_) => "absent",
    }
}

/// What to say about a name without an entry: the entries it is close to, or where a
/// Postfix parameter outside the reference is described.
fn not_found(name: &str, version: PostfixVersion) -> String {
    let lower = name.to_lowercase();
    let mut close: Vec<&str> = reference::suggest(name, version)
        .filter(|s| reference::entry(s).is_some())
        .into_iter()
        .collect();
    for entry in reference::entries() {
        if close.len() >= 5 {
            break;
        }
        if lower.len() >= 4 && entry.name.contains(&lower) && !close.contains(&entry.name) {
            close.push(entry.name);
        }
    }
    let mut message = if PostfixVersion::ALL
        .iter()
        .any(|&v| params::is_known(name, v))
    {
        format!(
            "error: `{name}` has no entry: the reference covers TLS, SASL and mail transport security\n  help: postconf(5) describes it: {}",
            reference::postconf_url(name)
        )
    } else {
        format!("error: unknown parameter `{name}`")
    };
    if !close.is_empty() {
        let names: Vec<String> = close.iter().map(|n| format!("`{n}`")).collect();
        message.push_str(&format!("\n  help: close names: {}", names.join(", ")));
    }
    message
}

/// How a default of the entry is known, in words a user can look up.
fn source_note(entry: &Entry, version: PostfixVersion) -> Words {
    Words::from(&entry.default_source(version).note(entry.name))
}

/// `name = value` as postconf prints it, or a note that the series lacks the parameter.
fn shown(value: Option<&str>) -> String {
    match value {
        Some("") => String::from("(empty)"),
        Some(value) => value.to_string(),
        None => String::from("(not in this series)"),
    }
}

fn print_text(entry: &Entry, version: PostfixVersion, lang: Lang) {
    outln!("{}", entry.name);
    outln!("  {}", entry.summary().get(lang));
    outln!();
    match entry.since() {
        Some(since) => {
            let backports = entry.backports();
            if backports.is_empty() {
                outln!("since:     Postfix {since}");
            } else {
                outln!(
                    "since:     Postfix {since} (also in {})",
                    backports.join(", ")
                );
            }
        }
        None => outln!(
            "since:     every release this tool knows ({} and later)",
            PostfixVersion::ALL[0]
        ),
    }
    let default = entry.default_for(version);
    outln!(
        "default:   {}  [Postfix {version}, {}]",
        shown(default.value),
        source_note(entry, version).get(lang)
    );
    if let Some(release) = params::patch_release(entry.name, version) {
        outln!("           Postfix {version} has it from {release} on");
    }
    for (measured, value) in entry.measured_defaults() {
        outln!("  {:<8} {}", measured.to_string(), shown(value));
    }
    let values = entry.values();
    if !values.is_empty() {
        outln!("values:");
        let width = values.iter().map(|v| v.word.len()).max().unwrap_or(0);
        for value in values {
            match value.meaning {
                Some(meaning) => outln!("  {:<width$}  {}", value.word, meaning.get(lang)),
                None => outln!("  {}", value.word),
            }
        }
    }
    let options = entry.generator_options();
    if !options.is_empty() {
        let labels: Vec<String> = options
            .iter()
            .map(|f| f.label().get(lang).to_string())
            .collect();
        outln!("written by the generator's choices: {}", labels.join("; "));
    }
    let rules = entry.rules();
    if !rules.is_empty() {
        outln!("read by the rules:");
        for rule in rules {
            outln!("  {}  {}", rule.id, rule.summary.get(lang));
        }
    }
    outln!("postconf(5): {}", entry.url());
}

/// The JSON form: the keys the issue names, plus the postconf(5) address.
#[derive(Serialize)]
struct Explained {
    name: &'static str,
    since: Since,
    default: Default,
    values: Vec<reference::ValueCard>,
    summary: Words,
    generator_options: Vec<Words>,
    rules: Vec<reference::RuleCard>,
    url: String,
}

#[derive(Serialize)]
struct Since {
    /// The first release with the parameter; `null` when every release the tool knows has it.
    release: Option<String>,
    backports: Vec<String>,
}

#[derive(Serialize)]
struct Default {
    postfix_version: String,
    value: Option<&'static str>,
    /// `measured`, `documented` (stated by postconf(5) of the series in `from`), `nearest`
    /// (taken from the measured series in `from`) or `absent`.
    basis: &'static str,
    from: Option<String>,
    /// Where the value comes from, as a line a user can look up.
    source: Words,
    measured: Vec<reference::MeasuredDefault>,
}

impl Explained {
    fn new(entry: &Entry, version: PostfixVersion) -> Explained {
        let card = entry.card();
        let default = entry.default_for(version);
        let basis = basis_id(default.basis);
        let from = match default.basis {
            Basis::Measured => Some(version.to_string()),
            Basis::Documented(documented) => Some(documented.page.to_string()),
            Basis::Nearest(from) => Some(from.to_string()),
            Basis::Absent(_) => None,
        };
        Explained {
            name: entry.name,
            since: Since {
                release: card.since,
                backports: card.backports,
            },
            default: Default {
                postfix_version: version.to_string(),
                value: default.value,
                basis,
                from,
                source: source_note(entry, version),
                measured: card.defaults,
            },
            values: card.values,
            summary: card.summary,
            generator_options: card.generator_options,
            rules: card.rules,
            url: card.url,
        }
    }
}
