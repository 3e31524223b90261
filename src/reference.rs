//! The parameter reference: one entry per parameter that has to do with TLS, SASL or the
//! security of mail transport, for the offline documentation companion (`postfix-tls
//! explain` and the web app's reference view).
//!
//! An entry joins what the project knows about a parameter from its one place each:
//!
//! - what it does, in English and German: the data file `src/reference/parameters.txt`;
//! - when it came, its backports and its default per measured series: the catalogue
//!   measured from the real binaries ([`crate::params`]); for every other series the default
//!   postconf(5) states for it, with the page and section, else plainly the nearest measured
//!   one;
//! - the values it accepts: the catalogue's vocabularies, with what each value means from
//!   `src/reference/values.txt`;
//! - which generator choices write it: the option table ([`Field::params`]);
//! - which lint rules read it: the rule table ([`RULES`]), by the parameters a rule's
//!   explanation names and the vocabulary and version checks every parameter goes through.
//!
//! ```
//! use postfix_tls::reference;
//! use postfix_tls::version::PostfixVersion;
//!
//! let entry = reference::entry("smtp_tls_mandatory_protocols").unwrap();
//! assert_eq!(entry.default_for(PostfixVersion::new(3, 5)).value, Some("!SSLv2, !SSLv3"));
//! assert!(entry.summary().get(postfix_tls::lang::Lang::De).contains("TLS-Versionen"));
//! assert!(entry.values().iter().any(|v| v.word == "TLSv1.2"));
//! ```
//!
//! [`Card`] is an entry resolved into plain data, what the web app shows; [`search`] works
//! on cards. The app loads them as JSON when its reference is first opened, in the shape of
//! a [`DataFile`]: the descriptions, vocabularies and rules, while each card's [`Timeline`]
//! (releases and defaults) is derived from the catalogue the app carries for its rules.

use crate::lang::{Lang, Text};
use crate::options::Field;
use crate::params::{self, ValueKind, MEASURED};
use crate::rules::{Rule, RuleId, RULES};
use crate::text;
use crate::version::PostfixVersion;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The descriptions: a name on a line of its own, then indented `en:` and `de:` lines.
const PARAMETERS: &str = include_str!("reference/parameters.txt");

/// What vocabulary values mean: `[section]`, then each value with `en:` and `de:` lines.
const VALUES: &str = include_str!("reference/values.txt");

/// The short guide: `== id`, `title: en | de`, `params:`, `options:`, then paragraphs.
const GUIDE: &str = include_str!("reference/guide.txt");

/// One parameter of the reference.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The parameter name.
    pub name: &'static str,
    /// Its own description, English and German; `None` for the LMTP client's and
    /// tlsproxy(8)'s copies of SMTP parameters, which take the text of what they mirror.
    own: Option<(&'static str, &'static str)>,
}

/// A description file parsed: the entries, or the first line it cannot read.
fn parse_parameters(text: &'static str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut pending: Option<(&'static str, Option<&'static str>)> = None;
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(en) = line.strip_prefix("  en: ") {
            let Some(last) = entries.last() else {
                return Err(format!("line {}: text before a name", number + 1));
            };
            if last.own.is_some() || pending.is_some() {
                return Err(format!("line {}: a second `en:`", number + 1));
            }
            pending = Some((last.name, Some(en)));
        } else if let Some(de) = line.strip_prefix("  de: ") {
            match pending.take() {
                Some((_, Some(en))) => {
                    if let Some(last) = entries.last_mut() {
                        last.own = Some((en, de));
                    }
                }
                _ => return Err(format!("line {}: `de:` without `en:`", number + 1)),
            }
        } else if !line.starts_with(' ') && !line.contains(' ') {
            if pending.is_some() {
                return Err(format!("line {}: `en:` without `de:`", number + 1));
            }
            entries.push(Entry {
                name: line,
                own: None,
            });
        } else {
            return Err(format!("line {}: cannot read {line:?}", number + 1));
        }
    }
    if pending.is_some() {
        return Err(String::from("the last entry has `en:` without `de:`"));
    }
    entries.sort_by_key(|e| e.name);
    if let Some(twice) = entries.windows(2).find(|w| w[0].name == w[1].name) {
        return Err(format!("`{}` is described twice", twice[0].name));
    }
    Ok(entries)
}

/// Every entry, sorted by name. The data file is part of the program; the tests hold it to
/// its format, so a mistake in it shows there rather than as a missing entry.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| parse_parameters(PARAMETERS).unwrap_or_default())
}

/// The entry of a parameter.
pub fn entry(name: &str) -> Option<&'static Entry> {
    let all = entries();
    all.binary_search_by(|e| e.name.cmp(name))
        .ok()
        .map(|i| &all[i])
}

/// The entries closest to a name that has none: the reference's own names first, then any
/// parameter the series knows.
pub fn suggest(name: &str, version: PostfixVersion) -> Option<&'static str> {
    params::closest(name, entries().iter().map(|e| e.name))
        .or_else(|| params::suggest(name, version))
}

/// The default of a parameter for one series, and how the tool knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefaultValue {
    /// The default as `postconf -d` prints it; `None` when the series lacks the parameter.
    pub value: Option<&'static str>,
    /// Where it comes from.
    pub basis: Basis,
}

/// Where a default comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// `postconf -d` of this series' real binary.
    Measured,
    /// Not measured: postconf(5) of a measured series states the default for this one.
    Documented(&'static params::Documented),
    /// Not measured, and postconf(5) states no default for this series: the default of this
    /// measured series, the nearest one on the same side of every change postconf(5) dates.
    Nearest(PostfixVersion),
    /// The series does not have the parameter, and why.
    Absent(params::Availability),
}

/// A value a parameter accepts, and what it means when the reference says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    /// The word as written in main.cf.
    pub word: &'static str,
    /// What it means.
    pub meaning: Option<Text>,
}

impl Entry {
    /// The parameter whose text this entry takes: `smtp_tls_ciphers` for
    /// `lmtp_tls_ciphers`, and for a tlsproxy(8) parameter the one its default refers to.
    pub fn mirrors(&self) -> Option<&'static Entry> {
        if self.own.is_some() {
            return None;
        }
        let described = |name: &str| entry(name).filter(|e| e.own.is_some());
        if let Some(rest) = self.name.strip_prefix("lmtp_") {
            if let Some(base) = described(&format!("smtp_{rest}")) {
                return Some(base);
            }
        }
        let default = params::measured_default(self.name, MEASURED[0])?;
        described(default.strip_prefix('$')?)
    }

    /// What the parameter does, in English and German.
    pub fn summary(&self) -> Text {
        if let Some((en, de)) = self.own {
            return Text::pair(en, de);
        }
        let Some(base) = self.mirrors() else {
            return Text::same("");
        };
        let text = base.summary();
        let name = base.name;
        if self.name.starts_with("lmtp_") {
            text!(
                "Like `{}`, for the LMTP client (delivery over LMTP, for example to a Dovecot mailbox server). {}";
                name, &text
            )
        } else if name.starts_with("smtpd_") {
            text!(
                "tlsproxy(8)'s copy of `{}`, for the STARTTLS that postscreen offers on port 25; unless set, it takes that parameter's value. {}";
                name, &text
            )
        } else {
            text!(
                "tlsproxy(8)'s copy of `{}`, for outbound TLS connections it keeps open for reuse; unless set, it takes that parameter's value. {}";
                name, &text
            )
        }
    }

    /// What the catalogue says of the parameter's releases and defaults.
    pub fn timeline(&self) -> Timeline<'static> {
        Timeline::of(self.name)
    }

    /// The first release that has the parameter (see [`Timeline::since`]).
    pub fn since(&self) -> Option<String> {
        self.timeline().since()
    }

    /// The patch releases of older series that received it (see [`Timeline::backports`]).
    pub fn backports(&self) -> Vec<String> {
        self.timeline().backports()
    }

    /// The default in each measured series (see [`Timeline::measured_defaults`]).
    pub fn measured_defaults(&self) -> Vec<(PostfixVersion, Option<&'static str>)> {
        self.timeline().measured_defaults()
    }

    /// The default for a series (see [`Timeline::default_for`]).
    pub fn default_for(&self, version: PostfixVersion) -> DefaultValue {
        self.timeline().default_for(version)
    }

    /// Where the default of a series comes from (see [`Timeline::default_source`]).
    pub fn default_source(&self, version: PostfixVersion) -> Source {
        self.timeline().default_source(version)
    }

    /// The values the parameter accepts, for a parameter with a vocabulary.
    pub fn values(&self) -> Vec<Value> {
        let Some((section, words)) = vocabulary(self.name) else {
            return Vec::new();
        };
        let meanings = meanings(section);
        let mut values: Vec<Value> = words
            .iter()
            .map(|&word| Value {
                word,
                meaning: meanings
                    .iter()
                    .find(|(w, _, _)| *w == word)
                    .map(|&(_, en, de)| Text::pair(en, de)),
            })
            .collect();
        // Syntax the vocabulary does not list as words (`>=` in a protocol list).
        for &(word, en, de) in &meanings {
            if !words.contains(&word) {
                values.push(Value {
                    word,
                    meaning: Some(Text::pair(en, de)),
                });
            }
        }
        values
    }

    /// The lint rules that read the parameter: those whose explanation names it, those whose
    /// findings change when it is set (see [`reacting_rules`]), the value check for a
    /// parameter with a vocabulary, and the version checks for a parameter that not every
    /// release has.
    pub fn rules(&self) -> Vec<&'static Rule> {
        let reacting = reacting_rules(self.name);
        let has_vocabulary = params::value_kind(self.name).is_some();
        let dated = self.since().is_some();
        let backported = !self.backports().is_empty()
            || self.since().is_some_and(|s| s.matches('.').count() == 2);
        RULES
            .iter()
            .filter(|rule| {
                (names_parameter(rule, self.name) && !GENERIC_RULES.contains(&rule.id))
                    || reacting.contains(&rule.id)
                    || (rule.id == RuleId::InvalidValue && has_vocabulary)
                    || (rule.id == RuleId::ParameterNotInVersion && dated)
                    || (rule.id == RuleId::ParameterNeedsPatchRelease && backported)
            })
            .collect()
    }

    /// The generator choices that write the parameter.
    pub fn generator_options(&self) -> Vec<Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(|f| f.params().contains(&self.name))
            .collect()
    }

    /// The parameter's section of postconf(5).
    pub fn url(&self) -> String {
        postconf_url(self.name)
    }

    /// Everything about the entry as plain data.
    pub fn card(&self) -> Card {
        let summary = self.summary();
        Card {
            name: self.name.to_string(),
            summary: Words::from(&summary),
            since: None,
            backports: Vec::new(),
            defaults: Vec::new(),
            series: Vec::new(),
            values: self
                .values()
                .into_iter()
                .map(|v| ValueCard {
                    value: v.word.to_string(),
                    meaning: v.meaning.as_ref().map(Words::from),
                })
                .collect(),
            generator_options: self
                .generator_options()
                .into_iter()
                .map(|f| Words::from(&f.label()))
                .collect(),
            rules: self
                .rules()
                .into_iter()
                .map(|r| RuleCard {
                    id: r.id.as_str().to_string(),
                    summary: Words::from(&r.summary),
                })
                .collect(),
            url: String::new(),
        }
        .with_timeline()
    }
}

/// What the catalogue says of a parameter's releases and defaults. It needs only the name
/// and the catalogue ([`crate::params`]), not the descriptions: the web app, which carries
/// the catalogue for its rules, derives it instead of loading it with the reference data.
#[derive(Clone, Copy, Debug)]
pub struct Timeline<'a> {
    name: &'a str,
}

impl<'a> Timeline<'a> {
    /// The timeline of a parameter name.
    pub fn of(name: &'a str) -> Self {
        Timeline { name }
    }

    /// The first release that has the parameter, when not every release the tool knows
    /// does: a series (`3.8`) or a patch release (`3.10.5`).
    pub fn since(&self) -> Option<String> {
        params::first_release(self.name)
    }

    /// The patch releases of older series that received the parameter later
    /// (`3.5.20`, `3.6.10`, ... for `tls_config_file`).
    pub fn backports(&self) -> Vec<String> {
        let first = self.since();
        PostfixVersion::ALL
            .iter()
            .filter_map(|&v| params::patch_release(self.name, v))
            .filter(|release| Some(release) != first.as_ref())
            .collect()
    }

    /// The default in each measured series, newest first: `None` where that series does
    /// not have the parameter.
    pub fn measured_defaults(&self) -> Vec<(PostfixVersion, Option<&'static str>)> {
        MEASURED
            .iter()
            .map(|&v| (v, params::measured_default(self.name, v)))
            .collect()
    }

    /// The default for a series: measured where the tool has that series' binary, else what
    /// postconf(5) states for it, else that of the nearest measured series.
    pub fn default_for(&self, version: PostfixVersion) -> DefaultValue {
        let availability = params::availability(self.name, version);
        if availability != params::Availability::Available {
            return DefaultValue {
                value: None,
                basis: Basis::Absent(availability),
            };
        }
        if MEASURED.contains(&version) {
            return DefaultValue {
                value: params::measured_default(self.name, version),
                basis: Basis::Measured,
            };
        }
        if let Some(documented) = params::documented_default(self.name, version) {
            return DefaultValue {
                value: Some(documented.value),
                basis: Basis::Documented(documented),
            };
        }
        match params::nearest_measured(self.name, version) {
            Some(from) => DefaultValue {
                value: params::measured_default(self.name, from),
                basis: Basis::Nearest(from),
            },
            // Known by its date alone: no series the tool measured has it.
            None => DefaultValue {
                value: None,
                basis: Basis::Absent(availability),
            },
        }
    }

    /// Where the default of a series comes from, as plain data.
    pub fn default_source(&self, version: PostfixVersion) -> Source {
        Source::of(self.name, self.default_for(version).basis, version)
    }

    /// The default in every series the tool knows, oldest first, as runs of consecutive
    /// series that share value and source.
    pub fn series_defaults(&self) -> Vec<SeriesDefault> {
        let mut runs: Vec<SeriesDefault> = Vec::new();
        for &version in PostfixVersion::ALL {
            let default = self.default_for(version);
            let source = Source::of(self.name, default.basis, version);
            let value = default.value.map(str::to_string);
            match runs.last_mut() {
                Some(run) if run.value == value && run.source == source => {
                    run.last = version.to_string();
                }
                _ => runs.push(SeriesDefault {
                    first: version.to_string(),
                    last: version.to_string(),
                    value,
                    source,
                }),
            }
        }
        runs
    }
}

/// The postconf(5) address of a parameter's section.
pub fn postconf_url(name: &str) -> String {
    format!("https://www.postfix.org/postconf.5.html#{name}")
}

/// True when a rule's table row names the parameter: in its summary, its explanation, or
/// its source.
fn names_parameter(rule: &Rule, name: &str) -> bool {
    let texts: [&str; 6] = [
        rule.summary.get(Lang::En),
        rule.what.get(Lang::En),
        rule.why.get(Lang::En),
        rule.fix.get(Lang::En),
        rule.source.name,
        rule.source.url,
    ];
    texts.iter().any(|text| {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '*'))
            .any(|word| match word.strip_prefix('*') {
                // `*_tls_protocols`: the family of parameters with that ending.
                Some(ending) => ending.starts_with('_') && name.ends_with(ending),
                None => word == name,
            })
    })
}

/// Rules about every parameter alike (syntax, names, references) and about the generator's
/// choices: their explanations name parameters as examples, and they react to any setting,
/// so they say nothing about a particular parameter.
const GENERIC_RULES: &[RuleId] = &[
    RuleId::MalformedLine,
    RuleId::ValueHasComment,
    RuleId::DuplicateParameter,
    RuleId::UnknownParameter,
    RuleId::UndefinedReference,
    RuleId::ParameterRenamed,
    RuleId::InvalidValue,
    RuleId::OptionValueRejected,
    RuleId::OptionUnavailable,
    RuleId::EncryptChosenOnMx,
];

/// The rules whose findings change when the parameter is set, learnt from the rule code by
/// trying it: each value of its vocabulary and a few typical ones (a boolean, a number, a
/// file, a table, a level, a protocol list), in main.cf and as a `-o` override of the
/// submission service, on a stock-like configuration and on the generator's default output.
/// A rule that starts or stops reporting reads the parameter.
fn reacting_rules(name: &str) -> Vec<RuleId> {
    use std::collections::{BTreeSet, HashMap};
    use std::sync::Mutex;
    static LEARNT: OnceLock<Mutex<HashMap<String, Vec<RuleId>>>> = OnceLock::new();
    let learnt = LEARNT.get_or_init(Default::default);
    if let Some(known) = learnt.lock().ok().and_then(|m| m.get(name).cloned()) {
        return known;
    }
    let ctx = crate::rules::LintContext::default();
    let generated = crate::render::render(&crate::options::Options::default());
    let stock_master = "smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_sasl_auth_enable=yes\n";
    let bases = [
        (String::new(), stock_master.to_string()),
        (generated.main_cf, generated.master_cf),
    ];
    let mut values: Vec<&str> = vocabulary(name)
        .map(|(_, words)| words.into_iter().take(12).collect())
        .unwrap_or_default();
    values.extend([
        "",
        "yes",
        "no",
        "0",
        "2",
        "md5",
        "/etc/postfix/probe.pem",
        "/etc/letsencrypt/live/probe/privkey.pem",
        "/etc/letsencrypt/live/probe/fullchain.pem",
        "hash:/etc/postfix/probe",
        "may",
        "encrypt",
        "none",
        "!SSLv2, !SSLv3",
        ">=TLSv1.3",
        "high",
        "export",
        "permit_mynetworks, reject_unauth_destination",
    ]);
    values.sort_unstable();
    values.dedup();
    // Only the smtpd services take `-o` overrides that the rules look at per service.
    let per_service = name.starts_with("smtpd_") || name == "milter_macro_daemon_name";
    let ids = |main: &str, master: &str| -> BTreeSet<RuleId> {
        let main = crate::config::parse_main(main);
        let master = crate::config::parse_master(master);
        crate::rules::lint(Some(&main), Some(&master), &ctx)
            .into_iter()
            .map(|d| d.id)
            .filter(|id| !GENERIC_RULES.contains(id))
            .collect()
    };
    let mut reacting: BTreeSet<RuleId> = BTreeSet::new();
    for (main, master) in &bases {
        let baseline = ids(main, master);
        for value in &values {
            let in_main = ids(&format!("{main}{name} = {value}\n"), master);
            reacting.extend(in_main.symmetric_difference(&baseline).copied());
            if !per_service {
                continue;
            }
            let override_line = format!("  -o {name}={}\n", value.replace(' ', ""));
            let in_master = ids(
                main,
                &master.replacen(
                    "  -o smtpd_tls_security_level=encrypt\n",
                    &format!("  -o smtpd_tls_security_level=encrypt\n{override_line}"),
                    1,
                ),
            );
            reacting.extend(in_master.symmetric_difference(&baseline).copied());
        }
    }
    let reacting: Vec<RuleId> = reacting.into_iter().collect();
    if let Ok(mut map) = learnt.lock() {
        map.insert(name.to_string(), reacting.clone());
    }
    reacting
}

/// The section of `values.txt` and the words of a parameter's vocabulary.
fn vocabulary(name: &str) -> Option<(&'static str, Vec<&'static str>)> {
    let kind = params::value_kind(name)?;
    let (section, words): (&str, Vec<&str>) = match kind {
        ValueKind::Boolean => ("boolean", params::BOOLEANS.to_vec()),
        ValueKind::ServerLevel => (
            "server-level",
            [params::SERVER_LEVELS, params::SERVER_LEVELS_AS_ENCRYPT].concat(),
        ),
        ValueKind::ClientLevel => ("client-level", params::CLIENT_LEVELS.to_vec()),
        ValueKind::CipherGrade => ("cipher-grade", params::CIPHER_GRADES.to_vec()),
        ValueKind::Protocols => ("protocols", params::PROTOCOLS.to_vec()),
        ValueKind::Restrictions => (
            "restrictions",
            [params::RESTRICTIONS, params::RESTRICTIONS_WITH_ARGUMENT].concat(),
        ),
        ValueKind::SaslType => ("sasl-type", params::SASL_TYPES.to_vec()),
        ValueKind::SaslSecurityOptions => (
            "sasl-security-options",
            params::SASL_SECURITY_OPTIONS.to_vec(),
        ),
        ValueKind::DnsSupportLevel => ("dns-support-level", params::DNS_SUPPORT_LEVELS.to_vec()),
        // Open vocabularies: the words are the ones the reference explains.
        ValueKind::Integer if name.ends_with("_tls_loglevel") => ("loglevel", Vec::new()),
        ValueKind::Integer => return None,
        ValueKind::DaemonName => ("daemon-name", Vec::new()),
    };
    Some((section, words))
}

/// `(value, en, de)` of one section of `values.txt`.
fn meanings(section: &str) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut found = Vec::new();
    let mut inside = false;
    let mut word: Option<&'static str> = None;
    let mut english: Option<&'static str> = None;
    for line in VALUES.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = name == section;
        } else if !inside {
        } else if let Some(en) = line.strip_prefix("  en: ") {
            english = Some(en);
        } else if let Some(de) = line.strip_prefix("  de: ") {
            if let (Some(w), Some(en)) = (word.take(), english.take()) {
                found.push((w, en, de));
            }
        } else {
            word = Some(line.trim());
        }
    }
    found
}

/// Two languages as owned plain data (the JSON form of a [`Text`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// English.
    pub en: String,
    /// German.
    pub de: String,
}

impl From<&Text> for Words {
    fn from(text: &Text) -> Self {
        Words {
            en: text.get(Lang::En).to_string(),
            de: text.get(Lang::De).to_string(),
        }
    }
}

impl Words {
    /// The text in a language.
    pub fn get(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => &self.en,
            crate::lang::Lang::De => &self.de,
        }
    }
}

/// An entry resolved into plain data: what the web app shows. It loads it from a
/// [`DataFile`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// The parameter name.
    pub name: String,
    /// What it does.
    pub summary: Words,
    /// The first release that has it, when not every release the tool knows does.
    pub since: Option<String>,
    /// Patch releases of older series that received it.
    pub backports: Vec<String>,
    /// Its default in each measured series, newest first.
    pub defaults: Vec<MeasuredDefault>,
    /// Its default in every series the tool knows, oldest first, in runs.
    pub series: Vec<SeriesDefault>,
    /// The values it accepts.
    pub values: Vec<ValueCard>,
    /// The labels of the generator choices that write it.
    pub generator_options: Vec<Words>,
    /// The lint rules that read it.
    pub rules: Vec<RuleCard>,
    /// Its postconf(5) section.
    pub url: String,
}

/// A default as `postconf -d` of a measured series prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasuredDefault {
    /// The series, `3.11`.
    pub version: String,
    /// The default; `None` where the series lacks the parameter.
    pub value: Option<String>,
}

impl Card {
    /// The card with what its [`Timeline`] derives from the name filled in: the first
    /// release, the backports, the defaults and the postconf(5) address.
    pub fn with_timeline(mut self) -> Card {
        let timeline = Timeline::of(&self.name);
        self.since = timeline.since();
        self.backports = timeline.backports();
        self.defaults = timeline
            .measured_defaults()
            .into_iter()
            .map(|(version, value)| MeasuredDefault {
                version: version.to_string(),
                value: value.map(str::to_string),
            })
            .collect();
        self.series = timeline.series_defaults();
        self.url = postconf_url(&self.name);
        self
    }

    /// The default of a series, and where it comes from.
    pub fn series_default(&self, version: PostfixVersion) -> Option<&SeriesDefault> {
        self.series.iter().find(|run| {
            let (Ok(first), Ok(last)) = (
                PostfixVersion::parse(&run.first),
                PostfixVersion::parse(&run.last),
            ) else {
                return false;
            };
            first <= version && version <= last
        })
    }

    /// The patch release of this series from which it has the parameter, when the series
    /// received it after its first release (`3.6.10`).
    pub fn patch_release(&self, version: PostfixVersion) -> Option<&str> {
        let prefix = format!("{version}.");
        self.since
            .iter()
            .chain(&self.backports)
            .find(|release| release.starts_with(&prefix))
            .map(String::as_str)
    }
}

/// The default of a run of consecutive series (`first` to `last`, both included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesDefault {
    /// The first series of the run, `3.0`.
    pub first: String,
    /// The last series of the run, `3.4`.
    pub last: String,
    /// The default; `None` where the series lacks the parameter.
    pub value: Option<String>,
    /// Where it comes from.
    pub source: Source,
}

/// Where the default of a series comes from, as plain data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// `postconf -d` of the real binary of this release (`3.7.11`).
    Measured {
        /// The release measured.
        release: String,
    },
    /// postconf(5) of a measured release states it, in the parameter's own section.
    Documented {
        /// The release whose postconf(5) states it (`3.11.7`).
        page: String,
        /// `from`, `before`, `until` or `in` the series.
        relation: String,
        /// The series the statement names.
        series: String,
    },
    /// postconf(5) states nothing for the series: the default of a measured release.
    Nearest {
        /// The measured release (`3.5.25`).
        release: String,
    },
    /// The parameter came later (`since`), and the series may know it by an older name.
    NotYet {
        /// The first release with the parameter.
        since: Option<String>,
        /// The name this series knows instead.
        former: Option<String>,
    },
    /// The series reads it only through the name that replaced it.
    RenamedTo {
        /// The new name.
        name: String,
    },
    /// The series no longer has it.
    Removed,
}

impl Source {
    fn of(name: &str, basis: Basis, version: PostfixVersion) -> Source {
        let release = |series: PostfixVersion| {
            params::measured_release(series).map_or_else(|| series.to_string(), str::to_string)
        };
        match basis {
            Basis::Measured => Source::Measured {
                release: release(version),
            },
            Basis::Documented(documented) => Source::Documented {
                page: release(documented.page),
                relation: String::from(match documented.relation {
                    params::Relation::From => "from",
                    params::Relation::Before => "before",
                    params::Relation::Until => "until",
                    params::Relation::In => "in",
                }),
                series: documented.series.to_string(),
            },
            Basis::Nearest(from) => Source::Nearest {
                release: release(from),
            },
            Basis::Absent(params::Availability::RenamedTo(name)) => Source::RenamedTo {
                name: name.to_string(),
            },
            Basis::Absent(params::Availability::Removed) => Source::Removed,
            Basis::Absent(params::Availability::NotYet { former }) => Source::NotYet {
                since: params::first_release(name),
                former: former.map(str::to_string),
            },
            // Known by date, measured nowhere: nothing to say but that no value is known.
            Basis::Absent(params::Availability::Available) => Source::NotYet {
                since: params::first_release(name),
                former: None,
            },
        }
    }

    /// The basis as one word: `measured`, `documented`, `nearest` or `absent`.
    pub fn basis(&self) -> &'static str {
        match self {
            Source::Measured { .. } => "measured",
            Source::Documented { .. } => "documented",
            Source::Nearest { .. } => "nearest",
            Source::NotYet { .. } | Source::RenamedTo { .. } | Source::Removed => "absent",
        }
    }

    /// Where the default of the parameter `name` comes from, in words a user can look up.
    pub fn note(&self, name: &str) -> Text {
        match self {
            Source::Measured { release } => {
                text!("measured: postconf -d of Postfix {}"; release)
            }
            Source::Documented {
                page,
                relation,
                series,
            } => {
                let releases = match relation.as_str() {
                    "from" => text!("Postfix {} and later"; series),
                    "before" => text!("releases before Postfix {}"; series),
                    "until" => text!("Postfix {} and earlier"; series),
                    _ => Text::same(format!("Postfix {series}")),
                };
                text!(
                    "not measured: from postconf(5) of Postfix {} (section {}), which states it for {}";
                    page, name, releases
                )
            }
            Source::Nearest { release } => text!(
                "not measured, and postconf(5) states no default for this release: the default of Postfix {}, the nearest measured release";
                release
            ),
            Source::NotYet { since, former } => {
                let absent = match since {
                    Some(since) => text!("not in this release yet: it came with Postfix {}"; since),
                    None => text!("not in this release"),
                };
                match former {
                    Some(former) => text!("{}; this release calls it `{}`"; absent, former),
                    None => absent,
                }
            }
            Source::RenamedTo { name: new } => {
                text!("renamed: this release reads it only through `{}`"; new)
            }
            Source::Removed => text!("no longer in this release",),
        }
    }
}

/// An accepted value and its meaning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCard {
    /// The word.
    pub value: String,
    /// What it means, when the reference says.
    pub meaning: Option<Words>,
}

/// A rule that reads the parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleCard {
    /// The rule id, `mx_requires_tls`.
    pub id: String,
    /// Its one-line summary.
    pub summary: Words,
}

/// One task of the short guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideSection {
    /// A stable id, `port-25`.
    pub id: String,
    /// The heading.
    pub title: Words,
    /// The text, paragraph by paragraph.
    pub paragraphs: Vec<Words>,
    /// The reference entries it is about.
    pub params: Vec<String>,
    /// The generator choices it opens, as complete options JSON.
    pub options: String,
    /// The same choices as a share-link fragment (`v1.…`).
    pub share: String,
}

/// The guide file parsed, or the first problem in it.
fn parse_guide(text: &str) -> Result<Vec<GuideSection>, String> {
    let mut sections: Vec<GuideSection> = Vec::new();
    let mut english: Option<&str> = None;
    for (number, line) in text.lines().enumerate() {
        let at = |why: &str| format!("guide line {}: {why}", number + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(id) = line.strip_prefix("== ") {
            if english.is_some() {
                return Err(at("`en:` without `de:` before it"));
            }
            sections.push(GuideSection {
                id: id.trim().to_string(),
                title: Words::default(),
                paragraphs: Vec::new(),
                params: Vec::new(),
                options: String::new(),
                share: String::new(),
            });
            continue;
        }
        let Some(section) = sections.last_mut() else {
            return Err(at("text before the first section"));
        };
        let (key, value) = line
            .split_once(": ")
            .ok_or_else(|| at("not `key: value`"))?;
        match key {
            "title" => {
                let (en, de) = value.split_once(" | ").ok_or_else(|| at("`en | de`"))?;
                section.title = Words {
                    en: en.to_string(),
                    de: de.to_string(),
                };
            }
            "params" => section.params = value.split_whitespace().map(str::to_string).collect(),
            "options" => {
                let options = crate::options::Options::from_json(value)
                    .map_err(|e| at(&format!("options: {e}")))?;
                section.options = options.to_json();
                section.share = crate::share::encode(&options);
            }
            "en" if english.is_none() => english = Some(value),
            "de" => {
                let en = english.take().ok_or_else(|| at("`de:` without `en:`"))?;
                section.paragraphs.push(Words {
                    en: en.to_string(),
                    de: value.to_string(),
                });
            }
            _ => return Err(at(&format!("unexpected `{key}:`"))),
        }
    }
    Ok(sections)
}

/// The short guide, task by task. The tests hold the file to its format.
pub fn guide() -> Vec<GuideSection> {
    parse_guide(GUIDE).unwrap_or_default()
}

/// A piece of a generated block as the page shows it: plain text, or text that links to the
/// reference entry of a parameter. The pieces joined are the block unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as it stands.
    Text(&'a str),
    /// Text that links to the entry of `name`.
    Link {
        /// The text shown (and copied) as it stands.
        text: &'a str,
        /// The parameter whose entry it opens.
        name: &'a str,
    },
}

/// The explanations of a generated main.cf or master.cf (its "Explain each line" comments)
/// with links to the entries they name: in each comment right above a setting (`name =
/// value`, or `-o name=value` in master.cf), a parameter name links to its entry, and a
/// comment that names none links as a whole to the entry of the setting it explains. Section
/// titles (`# --- logging ---`) and the header are not explanations and stay plain.
pub fn explanation_links<'a>(text: &'a str) -> Vec<Piece<'a>> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .collect();
    let mut pieces = Vec::new();
    let mut plain = 0;
    let mut link = |start: usize, end: usize, name: &'a str, pieces: &mut Vec<Piece<'a>>| {
        if plain < start {
            pieces.push(Piece::Text(&text[plain..start]));
        }
        pieces.push(Piece::Link {
            text: &text[start..end],
            name,
        });
        plain = end;
    };
    for (index, &(start, line)) in lines.iter().enumerate() {
        let Some(comment) = explanation(line) else {
            continue;
        };
        let Some(setting) = explained_setting(&lines[index..]) else {
            continue;
        };
        let body = start + line.len() - comment.len();
        let named = parameter_words(comment);
        if named.is_empty() {
            link(body, body + comment.trim_end().len(), setting, &mut pieces);
        }
        for (offset, name) in named {
            link(body + offset, body + offset + name.len(), name, &mut pieces);
        }
    }
    if plain < text.len() {
        pieces.push(Piece::Text(&text[plain..]));
    }
    pieces
}

/// The text of a comment that may explain a setting: `# text`, not a section title.
fn explanation(line: &str) -> Option<&str> {
    let comment = line.strip_prefix("# ")?;
    (!comment.starts_with("--- ")).then_some(comment)
}

/// The parameter set by the first line after a block of comments, when that line is a
/// setting of a parameter the catalogue knows.
fn explained_setting<'a>(lines: &[(usize, &'a str)]) -> Option<&'a str> {
    let (_, line) = lines.iter().find(|(_, line)| explanation(line).is_none())?;
    let setting = line.trim_start();
    let setting = setting.strip_prefix("-o ").unwrap_or(setting);
    let name = setting.split(['=', ' ']).next()?;
    is_parameter(name).then_some(name)
}

/// True for a name some series the tool knows has.
fn is_parameter(word: &str) -> bool {
    PostfixVersion::ALL
        .iter()
        .any(|&v| params::is_known(word, v))
}

/// The parameter names in a text, with their byte offsets.
fn parameter_words(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let word_char = c.is_ascii_alphanumeric() || c == '_';
        match (word_char, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let word = &text[from..at];
                if word.contains('_') && is_parameter(word) {
                    found.push((from, word));
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// Everything the reference view shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Data {
    /// Every entry.
    pub cards: Vec<Card>,
    /// The short guide.
    pub guide: Vec<GuideSection>,
}

/// The reference data as the web app loads it: [`Data`] with each vocabulary and each rule
/// written once rather than on every card that has it, and without what a card's
/// [`Timeline`] derives from the catalogue, which the web app carries for its rules anyway.
/// (Written out on every card, these were three quarters of the file: 617 KB raw, 59 KB
/// gzip, which the service worker downloads with the first visit.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFile {
    /// Every entry, by name.
    pub cards: Vec<FileCard>,
    /// The short guide.
    pub guide: Vec<GuideSection>,
    /// The vocabularies the cards refer to.
    pub vocabularies: Vec<Vec<ValueCard>>,
    /// The rules the cards refer to.
    pub rules: Vec<RuleCard>,
}

/// A card in the data file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileCard {
    /// The parameter name.
    pub name: String,
    /// What it does.
    pub summary: Words,
    /// Its vocabulary, by its place in [`DataFile::vocabularies`]; none for a parameter
    /// without one.
    pub values: Option<usize>,
    /// The labels of the generator choices that write it.
    pub generator_options: Vec<Words>,
    /// The rules that read it, by their place in [`DataFile::rules`].
    pub rules: Vec<usize>,
}

impl From<&Data> for DataFile {
    fn from(data: &Data) -> DataFile {
        fn place<T: Clone + PartialEq>(list: &mut Vec<T>, item: &T) -> usize {
            match list.iter().position(|known| known == item) {
                Some(at) => at,
                None => {
                    list.push(item.clone());
                    list.len() - 1
                }
            }
        }
        let mut vocabularies = Vec::new();
        let mut rules = Vec::new();
        let cards = data
            .cards
            .iter()
            .map(|card| FileCard {
                name: card.name.clone(),
                summary: card.summary.clone(),
                values: (!card.values.is_empty()).then(|| place(&mut vocabularies, &card.values)),
                generator_options: card.generator_options.clone(),
                rules: card.rules.iter().map(|r| place(&mut rules, r)).collect(),
            })
            .collect();
        DataFile {
            cards,
            guide: data.guide.clone(),
            vocabularies,
            rules,
        }
    }
}

impl DataFile {
    /// The data the file holds, each card with its timeline derived
    /// ([`Card::with_timeline`]). A place the file does not have is left out, not a panic:
    /// the file comes over the network.
    pub fn into_data(self) -> Data {
        let DataFile {
            cards,
            guide,
            vocabularies,
            rules,
        } = self;
        let cards = cards
            .into_iter()
            .map(|card| {
                Card {
                    name: card.name,
                    summary: card.summary,
                    since: None,
                    backports: Vec::new(),
                    defaults: Vec::new(),
                    series: Vec::new(),
                    values: card
                        .values
                        .and_then(|at| vocabularies.get(at).cloned())
                        .unwrap_or_default(),
                    generator_options: card.generator_options,
                    rules: card
                        .rules
                        .iter()
                        .filter_map(|&at| rules.get(at).cloned())
                        .collect(),
                    url: String::new(),
                }
                .with_timeline()
            })
            .collect();
        Data { cards, guide }
    }
}

/// The entries and the guide.
pub fn data() -> Data {
    Data {
        cards: cards(),
        guide: guide(),
    }
}

/// Every entry as a card, sorted by name.
pub fn cards() -> Vec<Card> {
    entries().iter().map(Entry::card).collect()
}

/// The cards that match every word of a query, by name or by description in either
/// language, case-insensitive: names that start with the query first, then other name
/// matches, then description matches, each in name order.
pub fn search<'a>(cards: &'a [Card], query: &str) -> Vec<&'a Card> {
    let query = query.trim().to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.is_empty() {
        return cards.iter().collect();
    }
    let mut ranked: Vec<(u8, &Card)> = cards
        .iter()
        .filter_map(|card| {
            let name = card.name.to_lowercase();
            let en = card.summary.en.to_lowercase();
            let de = card.summary.de.to_lowercase();
            let all = words
                .iter()
                .all(|w| name.contains(w) || en.contains(w) || de.contains(w));
            if !all {
                return None;
            }
            let rank = if name.starts_with(words[0]) {
                0
            } else if words.iter().all(|w| name.contains(w)) {
                1
            } else {
                2
            };
            Some((rank, card))
        })
        .collect();
    ranked.sort_by(|a, b| (a.0, &a.1.name).cmp(&(b.0, &b.1.name)));
    ranked.into_iter().map(|(_, card)| card).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_reads_without_error() {
        let parsed = parse_parameters(PARAMETERS).expect("parameters.txt is well-formed");
        assert_eq!(parsed.len(), entries().len());
        assert!(parse_parameters("a\n  de: x\n").is_err());
        assert!(parse_parameters("a\n  en: x\nb\n").is_err());
        assert!(parse_parameters("a\na\n").is_err());
        assert!(parse_parameters("a b\n").is_err());
    }

    #[test]
    fn mirrors_take_their_text_from_the_smtp_parameter() {
        let lmtp = entry("lmtp_tls_ciphers").expect("entry");
        assert_eq!(lmtp.mirrors().map(|e| e.name), Some("smtp_tls_ciphers"));
        assert!(lmtp
            .summary()
            .get(Lang::En)
            .starts_with("Like `smtp_tls_ciphers`"));
        let proxy = entry("tlsproxy_tls_protocols").expect("entry");
        assert_eq!(proxy.mirrors().map(|e| e.name), Some("smtpd_tls_protocols"));
        assert!(proxy.summary().get(Lang::De).contains("postscreen"));
        let client = entry("tlsproxy_client_CAfile").expect("entry");
        assert_eq!(client.mirrors().map(|e| e.name), Some("smtp_tls_CAfile"));
        assert!(entry("smtp_tls_ciphers").and_then(Entry::mirrors).is_none());
    }

    #[test]
    fn defaults_come_from_the_measured_series() {
        let v = PostfixVersion::new;
        let e = entry("smtpd_forbid_unauth_pipelining").expect("entry");
        assert_eq!(
            e.default_for(v(3, 7)),
            DefaultValue {
                // Backported switched off; on by default from 3.9.
                value: Some("no"),
                basis: Basis::Measured
            }
        );
        assert_eq!(e.default_for(v(3, 8)).basis, Basis::Nearest(v(3, 7)));
        assert_eq!(
            e.default_for(v(3, 4)).basis,
            Basis::Absent(params::Availability::NotYet { former: None })
        );
        assert_eq!(e.since().as_deref(), Some("3.5.20"));
        assert_eq!(e.backports(), ["3.6.10", "3.7.6", "3.8.1"]);
        let old = entry("smtpd_tls_chain_files").expect("entry");
        assert_eq!(old.default_for(v(3, 4)).basis, Basis::Nearest(v(3, 5)));
    }

    #[test]
    fn the_data_file_holds_each_rule_and_vocabulary_once_and_no_timeline() {
        let full = data();
        let json = serde_json::to_string(&DataFile::from(&full)).expect("JSON");
        // Every card names `berkeley_db_table`; its summary is written once.
        assert_eq!(json.matches("a Berkeley DB table").count(), 1);
        assert_eq!(json.matches("eingeschaltet").count(), 1);
        assert!(!json.contains("\"series\"") && !json.contains("3.5.25"));
        let read: DataFile = serde_json::from_str(&json).expect("read back");
        let read = read.into_data();
        let card = read
            .cards
            .iter()
            .find(|c| c.name == "smtpd_forbid_unauth_pipelining")
            .expect("card");
        assert_eq!(card.since.as_deref(), Some("3.5.20"));
        assert_eq!(card.backports, ["3.6.10", "3.7.6", "3.8.1"]);
        assert_eq!(read, full);
    }

    #[test]
    fn a_data_file_with_places_it_lacks_reads_without_them() {
        let file = DataFile {
            cards: vec![FileCard {
                name: String::from("smtp_tls_security_level"),
                summary: Words::default(),
                values: Some(7),
                generator_options: Vec::new(),
                rules: vec![0, 9],
            }],
            guide: Vec::new(),
            vocabularies: Vec::new(),
            rules: vec![RuleCard {
                id: String::from("invalid_value"),
                summary: Words::default(),
            }],
        };
        let data = file.into_data();
        assert!(data.cards[0].values.is_empty());
        assert_eq!(data.cards[0].rules.len(), 1);
        // The timeline still comes from the catalogue.
        assert_eq!(data.cards[0].url, postconf_url("smtp_tls_security_level"));
        assert!(!data.cards[0].series.is_empty());
    }

    #[test]
    fn values_have_meanings_from_the_vocabularies() {
        let e = entry("smtp_tls_security_level").expect("entry");
        let words: Vec<&str> = e.values().iter().map(|v| v.word).collect();
        assert_eq!(words, params::CLIENT_LEVELS);
        assert!(e.values().iter().all(|v| v.meaning.is_some()));
        let protocols = entry("smtpd_tls_protocols").expect("entry").values();
        assert!(protocols.iter().any(|v| v.word == ">="));
        let loglevel = entry("smtp_tls_loglevel").expect("entry").values();
        assert_eq!(
            loglevel.iter().map(|v| v.word).collect::<Vec<_>>(),
            ["0", "1", "2", "3", "4"]
        );
        assert!(entry("smtp_tls_CAfile").expect("entry").values().is_empty());
    }

    #[test]
    fn rules_and_options_are_derived_from_their_tables() {
        let e = entry("smtpd_tls_security_level").expect("entry");
        let rules: Vec<RuleId> = e.rules().iter().map(|r| r.id).collect();
        assert!(rules.contains(&RuleId::MxRequiresTls), "{rules:?}");
        assert!(rules.contains(&RuleId::InvalidValue), "{rules:?}");
        assert!(e.generator_options().contains(&Field::Inbound));
        let dated = entry("tls_config_file").expect("entry");
        let rules: Vec<RuleId> = dated.rules().iter().map(|r| r.id).collect();
        assert!(
            rules.contains(&RuleId::ParameterNeedsPatchRelease),
            "{rules:?}"
        );
        assert!(rules.contains(&RuleId::ParameterNotInVersion), "{rules:?}");
        assert!(!names_parameter(&RULES[0], "smtpd_tls_security"));
        // `*_tls_mandatory_protocols` in a rule's text names the whole family.
        let family = entry("lmtp_tls_mandatory_protocols").expect("entry");
        assert!(family
            .rules()
            .iter()
            .any(|r| r.id == RuleId::MandatoryOnlyWhileOpportunistic));
    }

    #[test]
    fn the_guide_reads_and_links_real_entries_and_choices() {
        let guide = parse_guide(GUIDE).expect("guide.txt is well-formed");
        let ids: Vec<&str> = guide.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "port-25",
                "submission",
                "certificates",
                "sasl",
                "outbound",
                "logjam",
                "legacy",
                "verify"
            ]
        );
        for section in &guide {
            assert!(!section.title.en.is_empty() && !section.title.de.is_empty());
            assert!(!section.paragraphs.is_empty(), "{}", section.id);
            for p in &section.paragraphs {
                assert!(p.en.ends_with('.') && p.de.ends_with('.'), "{}", section.id);
                assert_ne!(p.en, p.de);
            }
            for name in &section.params {
                assert!(entry(name).is_some(), "{}: no entry `{name}`", section.id);
            }
            // The options survive the round trip: no misspelt key or value was dropped.
            let written: serde_json::Value = GUIDE
                .split(&format!("== {}\n", section.id))
                .nth(1)
                .and_then(|rest| rest.lines().find_map(|l| l.strip_prefix("options: ")))
                .and_then(|json| serde_json::from_str(json).ok())
                .expect("options JSON");
            let full: serde_json::Value =
                serde_json::from_str(&section.options).expect("options JSON");
            assert_json_within(&written, &full, &section.id);
            assert_eq!(
                crate::share::decode(&section.share)
                    .map(|o| o.to_json())
                    .as_deref(),
                Ok(section.options.as_str())
            );
        }
        assert!(parse_guide("== a\nde: x\n").is_err());
        assert!(parse_guide("== a\noptions: {\"inbound\": 3}\n").is_err());
        assert!(parse_guide("title: x | y\n").is_err());
    }

    /// Every value of `part` is the value at the same place in `whole`.
    fn assert_json_within(part: &serde_json::Value, whole: &serde_json::Value, at: &str) {
        match part.as_object() {
            Some(fields) => {
                for (key, value) in fields {
                    assert_json_within(value, &whole[key], &format!("{at}.{key}"));
                }
            }
            None => assert_eq!(part, whole, "{at}"),
        }
    }

    #[test]
    fn explanations_link_the_entries_they_name() {
        let main = "# postfix-tls 0.1.0: Postfix 3.11, OpenSSL 3.5\n\n# --- server certificate ---\n# cleared: smtpd_tls_chain_files replaces it\nsmtpd_tls_cert_file =\n# TLS for outbound mail\nsmtp_tls_security_level = may\n# --- logging ---\nsmtpd_tls_loglevel = 1\n";
        let pieces = explanation_links(main);
        let joined: String = pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Link { text: t, .. } => *t,
            })
            .collect();
        assert_eq!(joined, main);
        let links: Vec<(&str, &str)> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Link { text, name } => Some((*text, *name)),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(
            links,
            [
                ("smtpd_tls_chain_files", "smtpd_tls_chain_files"),
                ("TLS for outbound mail", "smtp_tls_security_level")
            ]
        );
        // master.cf: a service's comment explains a service, not a setting.
        let master = "# port 587: mail clients\nsubmission inet n - n - - smtpd\n  -o smtpd_tls_security_level=encrypt\n";
        assert_eq!(explanation_links(master), [Piece::Text(master)]);
        assert_eq!(explanation_links(""), []);
        // A comment above an unknown name, or at the end, links nothing.
        let odd = "# about it\nno_such_parameter = 1\n# last";
        assert_eq!(explanation_links(odd), [Piece::Text(odd)]);
    }

    #[test]
    fn search_finds_names_and_words_in_either_language() {
        let all = cards();
        let found = search(&all, "mandatory_protocols");
        assert_eq!(found[0].name, "lmtp_tls_mandatory_protocols");
        assert!(found
            .iter()
            .any(|c| c.name == "smtp_tls_mandatory_protocols"));
        let german = search(&all, "Klartextpasswörter");
        assert!(german
            .iter()
            .any(|c| c.name == "smtp_sasl_security_options"));
        let ranked = search(&all, "smtpd_tls_sec");
        assert_eq!(ranked[0].name, "smtpd_tls_security_level");
        assert!(search(&all, "no-such-word-anywhere").is_empty());
        assert_eq!(search(&all, "  ").len(), all.len());
    }
}
