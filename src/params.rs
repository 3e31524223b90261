//! The Postfix parameter catalogue: which names a version knows, their defaults, which values a
//! parameter accepts, and the defaults the rules need.
//!
//! The catalogue is measured from the real binaries (`scripts/update-params`): the names and
//! defaults of `postconf -d` of four series, Postfix 3.5.25, 3.7.11, 3.10.13 and 3.11.7 (Debian
//! 11, 12, 13 and sid), and the since-versions that postconf(5) of 3.11 states, patch-release
//! backports included. A series between or before the measured ones knows a name when the
//! measured series around it say so, and where they differ, postconf(5) decides. The defaults
//! postconf(5) states for other releases (`Postfix >= 3.0: no, Postfix < 3.0: yes`, "Starting
//! with Postfix 3.6, the default value is ...") are recorded beside them, with the page that
//! states each. The Postfix suite holds the stored data to the binaries.

use crate::version::PostfixVersion;
use fnv::FnvHashMap as HashMap;
use std::sync::OnceLock;

/// Every `name = default` of `postconf -d` of the newest measured series.
const NEWEST_DEFAULTS: &str = include_str!("params/postfix-3.11.txt");

/// The older measured series, newest first, each as what it differs in from the next newer
/// one: `name = default` for a name it has with another default (or only it has), `-name` for
/// a name it lacks.
const OLDER_DEFAULTS: [(PostfixVersion, &str); 3] = [
    (
        PostfixVersion::new(3, 10),
        include_str!("params/postfix-3.10.txt"),
    ),
    (
        PostfixVersion::new(3, 7),
        include_str!("params/postfix-3.7.txt"),
    ),
    (
        PostfixVersion::new(3, 5),
        include_str!("params/postfix-3.5.txt"),
    ),
];

/// `name first [patch releases]` from postconf(5) of 3.11: `tls_config_file 3.9 3.5.20 3.6.10
/// 3.7.6 3.8.1`, or a first release that is itself a patch release (`3.10.5`).
const SINCE_TEXT: &str = include_str!("params/since.txt");

/// `name relation series @page = value`: a default postconf(5) of the measured series `page`
/// states for other releases (`smtpd_tls_protocols from 3.6 @3.11 = >=TLSv1`). Only
/// statements that no measured series contradicts are recorded.
const DOCUMENTED_TEXT: &str = include_str!("params/documented.txt");

/// The measured series, newest first; index `i` is bit `i` of [`Entry::listed`].
pub const MEASURED: [PostfixVersion; 4] = [
    PostfixVersion::new(3, 11),
    PostfixVersion::new(3, 10),
    PostfixVersion::new(3, 7),
    PostfixVersion::new(3, 5),
];

/// A release: `(major, minor, patch)`.
type Release = (u8, u8, u8);

/// What the catalogue records about one parameter name.
#[derive(Clone, Debug, Default)]
struct Entry {
    /// Bit `i` set: `postconf -d` of `MEASURED[i]` lists the name.
    listed: u8,
    /// Its default in each measured series that lists it.
    defaults: [Option<&'static str>; 4],
    /// The first series postconf(5) says has it, and the patch releases of older series that
    /// received it.
    since: Option<(PostfixVersion, Vec<Release>)>,
    /// The parameter that replaced this name, when a measured series reads the old name only
    /// through the new one's default (`postscreen_dnsbl_ttl` for `postscreen_dnsbl_max_ttl`).
    renamed_to: Option<&'static str>,
    /// Its vocabulary, if it has one.
    kind: Option<ValueKind>,
    /// The defaults postconf(5) states for other releases.
    documented: Vec<Documented>,
}

/// A default that postconf(5) states for a range of releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Documented {
    /// Which releases it speaks of, relative to `series`.
    pub relation: Relation,
    /// The series it names.
    pub series: PostfixVersion,
    /// The measured series whose postconf(5) states it (the newest that does).
    pub page: PostfixVersion,
    /// The default as postconf(5) writes it (`empty` as the empty string).
    pub value: &'static str,
}

/// How a documented default's releases relate to the series it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// That series and later ones (`Postfix >= 3.6`).
    From,
    /// The releases before it (`Postfix < 3.0`).
    Before,
    /// That series and older ones (`Postfix <= 3.5`).
    Until,
    /// That series only (`Postfix 3.10`).
    In,
}

impl Documented {
    /// True when the statement speaks of this series.
    pub fn covers(&self, version: PostfixVersion) -> bool {
        match self.relation {
            Relation::From => version >= self.series,
            Relation::Before => version < self.series,
            Relation::Until => version <= self.series,
            Relation::In => version == self.series,
        }
    }

    /// True when the statement places a change of default between two series: one of them
    /// is covered by it and the other not.
    fn separates(&self, a: PostfixVersion, b: PostfixVersion) -> bool {
        self.covers(a) != self.covers(b)
    }
}

/// A line of `documented.txt`.
fn parse_documented(line: &'static str) -> Option<(&'static str, Documented)> {
    let (head, value) = line.split_once(" =")?;
    let mut words = head.split_whitespace();
    let name = words.next()?;
    let relation = match words.next()? {
        "from" => Relation::From,
        "before" => Relation::Before,
        "until" => Relation::Until,
        "in" => Relation::In,
        _ => return None,
    };
    let series = parse_series(words.next()?)?;
    let page = parse_series(words.next()?.strip_prefix('@')?)?;
    let documented = Documented {
        relation,
        series,
        page,
        value: value.trim_start(),
    };
    words.next().is_none().then_some((name, documented))
}

fn parse_series(text: &str) -> Option<PostfixVersion> {
    let (major, minor) = text.split_once('.')?;
    Some(PostfixVersion::new(
        major.parse().ok()?,
        minor.parse().ok()?,
    ))
}

impl Entry {
    fn in_measured(&self, index: usize) -> bool {
        self.listed & (1 << index) != 0
    }
}

/// The catalogue entry of a name: every name that a measured series lists, that postconf(5)
/// dates, or that a measured series reads as an old name.
fn entry(name: &str) -> Option<&'static Entry> {
    catalogue().get(name)
}

fn catalogue() -> &'static HashMap<&'static str, Entry> {
    static CATALOGUE: OnceLock<HashMap<&'static str, Entry>> = OnceLock::new();
    CATALOGUE.get_or_init(build_catalogue)
}

/// `name = default` or `name =` as `postconf -d` prints it.
fn split_default(line: &str) -> (&str, &str) {
    match line.split_once(" =") {
        Some((name, value)) => (name, value.trim_start()),
        None => (line, ""),
    }
}

fn parse_release(text: &str) -> Option<Release> {
    let mut parts = text.split('.').map(|p| p.parse::<u8>().ok());
    let major = parts.next()??;
    let minor = parts.next()??;
    let patch = parts.next().unwrap_or(Some(0))?;
    Some((major, minor, patch))
}

fn build_catalogue() -> HashMap<&'static str, Entry> {
    let mut catalogue: HashMap<&'static str, Entry> = HashMap::default();
    // The newest series in full, then each older one as a change of the one before.
    let mut current: HashMap<&'static str, &'static str> =
        NEWEST_DEFAULTS.lines().map(split_default).collect();
    for (index, _) in MEASURED.iter().enumerate() {
        if index > 0 {
            for line in OLDER_DEFAULTS[index - 1].1.lines() {
                match line.strip_prefix('-') {
                    Some(name) => {
                        current.remove(name);
                    }
                    None => {
                        let (name, value) = split_default(line);
                        current.insert(name, value);
                    }
                }
            }
        }
        for (&name, &value) in &current {
            let entry = catalogue.entry(name).or_default();
            entry.listed |= 1 << index;
            entry.defaults[index] = Some(value);
        }
    }
    for line in SINCE_TEXT.lines() {
        let mut words = line.split_whitespace();
        let (Some(name), Some(first)) = (words.next(), words.next()) else {
            continue;
        };
        let Some((major, minor, patch)) = parse_release(first) else {
            continue;
        };
        let mut releases: Vec<Release> = words.filter_map(parse_release).collect();
        if patch != 0 {
            releases.insert(0, (major, minor, patch));
        }
        let series = PostfixVersion::new(major, minor);
        catalogue.entry(name).or_default().since = Some((series, releases));
    }
    for (name, documented) in DOCUMENTED_TEXT.lines().filter_map(parse_documented) {
        catalogue
            .entry(name)
            .or_default()
            .documented
            .push(documented);
    }
    // Old names: a default that is nothing but a reference to a name the same series does not
    // list (3.7's `postscreen_denylist_action` reads `postscreen_blacklist_action`).
    let mut renamed = Vec::new();
    for (&name, entry) in &catalogue {
        for (index, value) in entry.defaults.iter().enumerate() {
            let Some(old) = value.and_then(sole_reference) else {
                continue;
            };
            if !catalogue.get(old).is_some_and(|e| e.in_measured(index)) {
                renamed.push((old, name));
            }
        }
    }
    for (old, new) in renamed {
        catalogue.entry(old).or_default().renamed_to = Some(new);
    }
    for (name, entry) in catalogue.iter_mut() {
        // The vocabulary by name comes first: `smtpd_use_tls` is a boolean, but a level
        // parameter with a boolean-looking default would still be a level.
        entry.kind = kind_by_name(name).or_else(|| {
            entry
                .defaults
                .iter()
                .flatten()
                .any(|d| *d == "yes" || *d == "no")
                .then_some(ValueKind::Boolean)
        });
    }
    catalogue
}

/// The name a default consists of: `$name`, `${name}`, `${name?…}` or `${name:…}`.
fn sole_reference(value: &str) -> Option<&str> {
    let name_end = |s: &str| {
        s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(s.len())
    };
    if let Some(rest) = value.strip_prefix("${") {
        let end = name_end(rest);
        let (name, tail) = rest.split_at(end);
        // A time unit may follow: `${postscreen_dnsbl_ttl?{$postscreen_dnsbl_ttl}:{1}}h`.
        let tail = tail.trim_end_matches(|c: char| c.is_ascii_lowercase());
        let whole = tail == "}"
            || ((tail.starts_with('?') || tail.starts_with(':')) && tail.ends_with('}'));
        return (!name.is_empty() && whole).then_some(name);
    }
    let rest = value.strip_prefix('$')?;
    (!rest.is_empty() && name_end(rest) == rest.len()).then_some(rest)
}

/// The measured series around a version: the newest measured one at or below it, and the
/// oldest measured one at or above it (indexes into [`MEASURED`]).
fn bracket(version: PostfixVersion) -> (Option<usize>, Option<usize>) {
    let older = MEASURED.iter().position(|&m| m <= version);
    let newer = MEASURED.iter().rposition(|&m| m >= version);
    (older, newer)
}

/// True when postconf(5) says the series has the name, from its first release or from a patch
/// release.
fn dated_in(since: &(PostfixVersion, Vec<Release>), version: PostfixVersion) -> bool {
    version >= since.0
        || since
            .1
            .iter()
            .any(|&(major, minor, _)| PostfixVersion::new(major, minor) == version)
}

/// True when Postfix of this series knows the parameter by its own name.
pub fn is_known(name: &str, version: PostfixVersion) -> bool {
    let Some(entry) = entry(name) else {
        return false;
    };
    match bracket(version) {
        // A measured series: what its postconf -d lists.
        (Some(older), Some(newer)) if older == newer => entry.in_measured(older),
        // Between two measured series, or after the newest: a name the older one has stays
        // (a removal is not dated; never call a working name unknown).
        (Some(older), _) if entry.in_measured(older) => true,
        // A name the newer measured series brought: postconf(5) dates it. Without a date, or
        // with one the measured series contradict, it is taken as known.
        (older, Some(newer)) if entry.in_measured(newer) => match &entry.since {
            Some(since) => {
                let contradicted = older.is_some_and(|o| dated_in(since, MEASURED[o]));
                let oldest_measured = older.is_none() && !dated_in(since, MEASURED[newer]);
                contradicted || oldest_measured || dated_in(since, version)
            }
            None => true,
        },
        // An old name from before the measured series: known from its own date until the
        // series that renamed it.
        _ => entry.renamed_to.is_some_and(|new| {
            let dated = |name| entry_since(name).is_some_and(|s| dated_in(s, version));
            dated(name) && !dated(new)
        }),
    }
}

fn entry_since(name: &str) -> Option<&'static (PostfixVersion, Vec<Release>)> {
    entry(name)?.since.as_ref()
}

/// True when the parameter exists in some series, but not yet in this one.
pub fn is_too_new(name: &str, version: PostfixVersion) -> bool {
    !is_known(name, version)
        && entry(name).is_some_and(|e| {
            MEASURED
                .iter()
                .enumerate()
                .any(|(i, &m)| m > version && e.in_measured(i))
        })
}

/// The series a parameter came in, when postconf(5) dates it after the oldest series the
/// tool knows.
pub fn since_version(name: &str) -> Option<PostfixVersion> {
    let since = entry(name)?.since.as_ref()?;
    (since.0 > PostfixVersion::ALL[0]).then_some(since.0)
}

/// The parameter that replaced an old name that this series still reads
/// (`postscreen_dnsbl_ttl` is read through `postscreen_dnsbl_max_ttl` from 3.6 on).
pub fn renamed_to(name: &str, version: PostfixVersion) -> Option<&'static str> {
    let new = entry(name)?.renamed_to?;
    (!is_known(name, version) && is_known(new, version)).then_some(new)
}

/// The default of a parameter in a measured series, as its `postconf -d` prints it.
pub fn measured_default(name: &str, version: PostfixVersion) -> Option<&'static str> {
    let index = MEASURED.iter().position(|&m| m == version)?;
    entry(name)?.defaults[index]
}

/// The default of a parameter for any series: its own when measured, else that of the newest
/// measured series before it (the oldest measured one for older series).
pub fn nearest_default(name: &str, version: PostfixVersion) -> Option<&'static str> {
    let entry = entry(name)?;
    let start = MEASURED
        .iter()
        .position(|&m| m <= version)
        .unwrap_or(MEASURED.len() - 1);
    entry.defaults[start..].iter().flatten().next().copied()
}

/// Every default postconf(5) states for the parameter, in the order of `documented.txt`.
pub fn documented_defaults(name: &str) -> &'static [Documented] {
    entry(name).map_or(&[], |e| e.documented.as_slice())
}

/// The default postconf(5) states for this series, when it states one: the statement about
/// the narrowest range (`Postfix 3.10` before `Postfix >= 3.6` before `Postfix >= 3.0`).
pub fn documented_default(name: &str, version: PostfixVersion) -> Option<&'static Documented> {
    let width = |d: &Documented| {
        let covered = PostfixVersion::ALL.iter().filter(|&&v| d.covers(v)).count();
        (covered, std::cmp::Reverse(d.page))
    };
    documented_defaults(name)
        .iter()
        .filter(|d| d.covers(version))
        .min_by_key(|d| width(d))
}

/// The measured series whose default stands in for an unmeasured one that postconf(5) states
/// nothing for: the nearest one with the parameter on the same side of every change of
/// default postconf(5) dates (the older first), else the nearest older, else the nearest newer.
pub fn nearest_measured(name: &str, version: PostfixVersion) -> Option<PostfixVersion> {
    let has = |&m: &PostfixVersion| measured_default(name, m).is_some();
    let older = MEASURED.iter().copied().filter(|m| *m <= version).find(has);
    let newer = MEASURED
        .iter()
        .rev()
        .copied()
        .filter(|m| *m >= version)
        .find(has);
    let undivided = |m: PostfixVersion| {
        !documented_defaults(name)
            .iter()
            .any(|d| d.separates(m, version))
    };
    older
        .filter(|&m| undivided(m))
        .or(newer.filter(|&m| undivided(m)))
        .or(older)
        .or(newer)
}

/// Whether a series has a parameter, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// The series knows the name.
    Available,
    /// The parameter came later; `former` is the old name this series reads instead.
    NotYet {
        /// The name this series knows for it (`postscreen_blacklist_action`).
        former: Option<&'static str>,
    },
    /// The series reads the parameter only through the name that replaced it.
    RenamedTo(&'static str),
    /// No series from this one on has it.
    Removed,
}

/// Whether this series has the parameter.
pub fn availability(name: &str, version: PostfixVersion) -> Availability {
    if is_known(name, version) {
        return Availability::Available;
    }
    if let Some(new) = renamed_to(name, version) {
        return Availability::RenamedTo(new);
    }
    if is_too_new(name, version) {
        let former = former_name(name).filter(|old| is_known(old, version));
        return Availability::NotYet { former };
    }
    Availability::Removed
}

/// The old name a parameter replaced (`postscreen_blacklist_action` for
/// `postscreen_denylist_action`).
pub fn former_name(name: &str) -> Option<&'static str> {
    static FORMER: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    FORMER
        .get_or_init(|| {
            catalogue()
                .iter()
                .filter_map(|(&old, e)| Some((e.renamed_to?, old)))
                .collect()
        })
        .get(name)
        .copied()
}

/// A measured series' own release, as its `mail_version` default says: `3.7.11`.
pub fn measured_release(version: PostfixVersion) -> Option<&'static str> {
    measured_default("mail_version", version)
}

/// The patch release of this series from which it knows the parameter, when the series
/// received it after its first release: `3.5.20` for `tls_config_file` in 3.5.
pub fn patch_release(name: &str, version: PostfixVersion) -> Option<String> {
    let (_, releases) = entry(name)?.since.as_ref()?;
    releases
        .iter()
        .find(|&&(major, minor, _)| PostfixVersion::new(major, minor) == version)
        .map(release_name)
}

/// A release as Postfix names it: `3.5.20`.
fn release_name(&(major, minor, patch): &Release) -> String {
    format!("{major}.{minor}.{patch}")
}

/// The first release that knows the parameter, when not every release does: a patch
/// release for a backport (`3.5.20`), else the series (`3.8`).
pub fn first_release(name: &str) -> Option<String> {
    let (series, releases) = entry(name)?.since.as_ref()?;
    match releases.first() {
        Some(release) => Some(release_name(release)),
        None => since_version(name).map(|_| series.to_string()),
    }
}

/// Values of `inet_interfaces` that mean a send-only host.
const LOOPBACK_INTERFACES: &[&str] = &["loopback-only", "localhost", "127.0.0.1", "[::1]", "::1"];

/// True when an `inet_interfaces` value names only loopback addresses: the host receives no
/// mail from the network.
pub fn is_loopback_only(interfaces: &str) -> bool {
    let mut listed = list_items(interfaces).peekable();
    listed.peek().is_some() && listed.all(|i| LOOPBACK_INTERFACES.contains(&i))
}

/// Per-transport parameter suffixes without a `default_` form. Source: postconf(5)
/// `transport_time_limit`, `transport_recipient_limit`, ...
const PER_SERVICE_SUFFIXES: &[&str] = &[
    "time_limit",
    "recipient_limit",
    "recipient_refill_limit",
    "recipient_refill_delay",
    "extra_recipient_limit",
    "initial_destination_concurrency",
    "minimum_delivery_slots",
    "delivery_slot_cost",
    "delivery_slot_loan",
    "delivery_slot_discount",
    "transport_rate_delay",
];

/// True for a per-service parameter such as `relay_destination_concurrency_limit`: a
/// master.cf service name followed by a parameter that has a `default_` form or is a
/// per-transport suffix.
pub fn is_per_service(name: &str, services: &[&str], version: PostfixVersion) -> bool {
    services.iter().any(|service| {
        name.strip_prefix(service)
            .and_then(|rest| rest.strip_prefix('_'))
            .is_some_and(|rest| is_per_service_suffix(rest, version))
    })
}

/// True when the name is a per-transport parameter of some service (`dovecot_destination_recipient_limit`):
/// for a main.cf read without its master.cf, whose services are not known.
pub fn is_per_service_of_any(name: &str, version: PostfixVersion) -> bool {
    name.match_indices('_')
        .any(|(at, _)| at > 0 && is_per_service_suffix(&name[at + 1..], version))
}

fn is_per_service_suffix(rest: &str, version: PostfixVersion) -> bool {
    PER_SERVICE_SUFFIXES.contains(&rest) || is_known(&format!("default_{rest}"), version)
}

/// Every name this series knows, for suggestions, in a fixed (sorted) order.
fn known_names(version: PostfixVersion) -> impl Iterator<Item = &'static str> {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let mut names: Vec<&'static str> = NEWEST_DEFAULTS
                .lines()
                .chain(OLDER_DEFAULTS.iter().flat_map(|(_, text)| text.lines()))
                .map(|line| split_default(line.trim_start_matches('-')).0)
                .collect();
            names.sort_unstable();
            names.dedup();
            names
        })
        .iter()
        .copied()
        .filter(move |name| is_known(name, version))
}

/// The known parameter closest to a misspelt name, if one is close enough to be meant.
pub fn suggest(name: &str, version: PostfixVersion) -> Option<&'static str> {
    closest(name, known_names(version))
}

/// The candidate closest to `word` by edit distance, if it is within a third of its length
/// (at most 3 edits). Ties go to the earlier candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let length = word.chars().count();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        // The distance is at least the difference in length: skip hopeless candidates.
        if candidate.chars().count().abs_diff(length) > limit {
            continue;
        }
        let distance = edit_distance(&word, &candidate.to_lowercase());
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The values a parameter accepts, for those with a fixed vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// `yes` or `no`.
    Boolean,
    /// `smtpd_tls_security_level`: `none`, `may`, `encrypt` (others are rule L02's).
    ServerLevel,
    /// `smtp_tls_security_level`: `none` ... `secure`.
    ClientLevel,
    /// `export`, `low`, `medium`, `high`, `null`.
    CipherGrade,
    /// `SSLv2` ... `TLSv1.3`, with `!`, `>=` and `<=`.
    Protocols,
    /// An SMTP access restriction list.
    Restrictions,
    /// `cyrus` or `dovecot`.
    SaslType,
    /// `noanonymous`, `noplaintext`, ...
    SaslSecurityOptions,
    /// `disabled`, `enabled`, `dnssec`.
    DnsSupportLevel,
    /// A non-negative number.
    Integer,
    /// Free text whose conventional values are Postfix keywords (`ORIGINATING`).
    DaemonName,
}

/// The vocabulary of a parameter, if it has one.
pub fn value_kind(name: &str) -> Option<ValueKind> {
    match entry(name) {
        Some(entry) => entry.kind,
        // Booleans are all in the catalogue; other names go by their name.
        None => kind_by_name(name),
    }
}

/// The vocabulary a parameter has by its name alone (booleans aside, which are known by
/// their default).
fn kind_by_name(name: &str) -> Option<ValueKind> {
    let kind = match name {
        "smtpd_tls_security_level"
        | "postscreen_tls_security_level"
        | "tlsproxy_tls_security_level" => ValueKind::ServerLevel,
        "smtp_tls_security_level"
        | "lmtp_tls_security_level"
        | "tlsproxy_client_security_level" => ValueKind::ClientLevel,
        "smtpd_client_restrictions"
        | "smtpd_helo_restrictions"
        | "smtpd_sender_restrictions"
        | "smtpd_relay_restrictions"
        | "smtpd_recipient_restrictions"
        | "smtpd_data_restrictions"
        | "smtpd_end_of_data_restrictions"
        | "smtpd_etrn_restrictions" => ValueKind::Restrictions,
        "smtpd_sasl_type" | "smtp_sasl_type" | "lmtp_sasl_type" => ValueKind::SaslType,
        "smtpd_sasl_security_options"
        | "smtpd_sasl_tls_security_options"
        | "smtp_sasl_security_options"
        | "smtp_sasl_tls_security_options"
        | "smtp_sasl_tls_verified_security_options"
        | "lmtp_sasl_security_options"
        | "lmtp_sasl_tls_security_options"
        | "lmtp_sasl_tls_verified_security_options" => ValueKind::SaslSecurityOptions,
        "smtp_dns_support_level" | "lmtp_dns_support_level" => ValueKind::DnsSupportLevel,
        "milter_macro_daemon_name" => ValueKind::DaemonName,
        _ if name.ends_with("_tls_loglevel") => ValueKind::Integer,
        _ if name.ends_with("_tls_ciphers") || name.ends_with("_tls_mandatory_ciphers") => {
            ValueKind::CipherGrade
        }
        _ if name.ends_with("_tls_protocols") || name.ends_with("_tls_mandatory_protocols") => {
            ValueKind::Protocols
        }
        _ => return None,
    };
    Some(kind)
}

/// Server TLS levels smtpd accepts without a warning.
pub const SERVER_LEVELS: &[&str] = &["none", "may", "encrypt"];

/// Server levels smtpd accepts with a warning and treats as `encrypt` (smtpd.c).
pub const SERVER_LEVELS_AS_ENCRYPT: &[&str] = &["fingerprint", "verify", "secure"];

/// Client TLS levels.
pub const CLIENT_LEVELS: &[&str] = &[
    "none",
    "may",
    "encrypt",
    "dane",
    "dane-only",
    "fingerprint",
    "verify",
    "secure",
];

/// Client levels that require TLS for every destination.
pub const MANDATORY_CLIENT_LEVELS: &[&str] =
    &["encrypt", "dane-only", "fingerprint", "verify", "secure"];

/// Cipher grades.
pub const CIPHER_GRADES: &[&str] = &["export", "low", "medium", "high", "null"];

/// Protocol names in protocol lists, oldest first.
pub const PROTOCOLS: &[&str] = &["SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

/// The protocol number of a range bound written as a number (Postfix 3.6+): hexadecimal,
/// with or without a leading `0` or `0x`, so `301`, `0301`, `0x301` and `0x0301` are all
/// TLS 1.0. Numbers OpenSSL does not know (`0305`) are valid too: Postfix logs a warning
/// and leaves that bound unset. Only `>=` and `<=` take numbers; `!0x0301` makes Postfix
/// disable TLS ("Invalid TLS protocol list"). Source: postconf(5) `smtpd_tls_protocols`,
/// checked with Postfix 3.7.11.
pub fn protocol_number(bound: &str) -> Option<u16> {
    let digits = bound
        .strip_prefix("0x")
        .or_else(|| bound.strip_prefix("0X"))
        .unwrap_or(bound);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(digits, 16).ok()
}

/// The protocol numbers of [`PROTOCOLS`], in the same order.
pub const PROTOCOL_NUMBERS: &[u16] = &[0x0002, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304];

/// SASL implementations. Postfix compares the name exactly: `Dovecot` stops the SASL
/// services ("unsupported SASL server implementation"; checked with Postfix 3.7.11).
pub const SASL_TYPES: &[&str] = &["cyrus", "dovecot"];

/// SASL security options, in any case (`NoAnonymous` works; checked with Postfix 3.7.11).
pub const SASL_SECURITY_OPTIONS: &[&str] = &[
    "noanonymous",
    "noplaintext",
    "noactive",
    "nodictionary",
    "mutual_auth",
    "forward_secrecy",
];

/// `smtp_dns_support_level` values.
pub const DNS_SUPPORT_LEVELS: &[&str] = &["disabled", "enabled", "dnssec"];

/// Booleans.
pub const BOOLEANS: &[&str] = &["yes", "no"];

/// SMTP access restrictions without an argument. Source: postconf(5), smtpd_check.c.
pub const RESTRICTIONS: &[&str] = &[
    "permit",
    "reject",
    "defer",
    "dunno",
    "warn_if_reject",
    "defer_if_permit",
    "defer_if_reject",
    "permit_mynetworks",
    "permit_sasl_authenticated",
    "permit_tls_clientcerts",
    "permit_tls_all_clientcerts",
    "permit_inet_interfaces",
    "permit_auth_destination",
    "permit_mx_backup",
    "permit_naked_ip_address",
    "reject_unauth_destination",
    "defer_unauth_destination",
    "reject_unauth_pipelining",
    "reject_unknown_client_hostname",
    "reject_unknown_reverse_client_hostname",
    "reject_unknown_forward_client_hostname",
    "reject_unknown_client",
    "reject_unknown_helo_hostname",
    "reject_unknown_hostname",
    "reject_invalid_helo_hostname",
    "reject_invalid_hostname",
    "reject_non_fqdn_helo_hostname",
    "reject_non_fqdn_hostname",
    "reject_non_fqdn_sender",
    "reject_non_fqdn_recipient",
    "reject_unknown_sender_domain",
    "reject_unknown_recipient_domain",
    // Not in postconf(5), but keywords of smtpd_check.c in every measured series (`strings`
    // of smtpd 3.5.25, 3.7.11, 3.11.7): sovereign's config uses the first.
    "reject_unknown_address",
    "check_recipient_maps",
    "reject_unlisted_sender",
    "reject_unlisted_recipient",
    "reject_unverified_sender",
    "reject_unverified_recipient",
    "reject_sender_login_mismatch",
    "reject_authenticated_sender_login_mismatch",
    "reject_known_sender_login_mismatch",
    "reject_unauthenticated_sender_login_mismatch",
    "reject_multi_recipient_bounce",
    "reject_plaintext_session",
    "reject_maps_rbl",
    "check_relay_domains",
];

/// Restrictions followed by one argument (a table, a DNS list or a number).
pub const RESTRICTIONS_WITH_ARGUMENT: &[&str] = &[
    "check_client_access",
    "check_client_a_access",
    "check_client_mx_access",
    "check_client_ns_access",
    "check_reverse_client_hostname_access",
    "check_reverse_client_hostname_a_access",
    "check_reverse_client_hostname_mx_access",
    "check_reverse_client_hostname_ns_access",
    "check_helo_access",
    "check_helo_a_access",
    "check_helo_mx_access",
    "check_helo_ns_access",
    "check_sender_access",
    "check_sender_a_access",
    "check_sender_mx_access",
    "check_sender_ns_access",
    "check_recipient_access",
    "check_recipient_a_access",
    "check_recipient_mx_access",
    "check_recipient_ns_access",
    "check_ccert_access",
    "check_sasl_access",
    "check_policy_service",
    "check_etrn_access",
    "reject_rbl_client",
    "reject_rhsbl_client",
    "reject_rhsbl_reverse_client",
    "reject_rhsbl_helo",
    "reject_rhsbl_sender",
    "reject_rhsbl_recipient",
    "reject_rbl",
    "permit_dnswl_client",
    "permit_rhswl_client",
    "sleep",
];

/// Restrictions that stop mail to foreign destinations; one of them must be in
/// `smtpd_relay_restrictions` or `smtpd_recipient_restrictions` (postconf(5)).
pub const RELAY_STOPPERS: &[&str] = &[
    "reject",
    "defer",
    "defer_if_permit",
    "reject_unauth_destination",
    "defer_unauth_destination",
];

/// Words a translation put in place of a Postfix keyword, with the keyword meant. The
/// German wiki page this project started from broke its examples exactly this way.
pub const TRANSLATED_KEYWORDS: &[(&str, &str)] = &[
    ("kann", "may"),
    ("vielleicht", "may"),
    ("ja", "yes"),
    ("nein", "no"),
    ("wahr", "yes"),
    ("falsch", "no"),
    ("keine", "none"),
    ("kein", "none"),
    ("ablehnen", "reject"),
    ("zurückweisen", "reject"),
    ("erlauben", "permit"),
    ("zulassen", "permit"),
    ("zurückstellen", "defer"),
    ("verschlüsseln", "encrypt"),
    ("verschlüsselt", "encrypt"),
    ("verschlüsselung", "encrypt"),
    ("überprüfen", "verify"),
    ("prüfen", "verify"),
    ("sicher", "secure"),
    ("hoch", "high"),
    ("mittel", "medium"),
    ("niedrig", "low"),
    ("ursprung", "ORIGINATING"),
    ("übermittlung", "submission"),
    ("einreichung", "submission"),
];

/// The Postfix keyword a translated word stands for.
pub fn untranslate(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    TRANSLATED_KEYWORDS
        .iter()
        .find(|(german, _)| *german == lower)
        .map(|(_, keyword)| *keyword)
}

/// The default value of a parameter that the rules need, for a series. `None` when the
/// rules do not need it (the caller then treats the parameter as unset).
pub fn default_value(name: &str, version: PostfixVersion) -> Option<&'static str> {
    let value = match name {
        "smtpd_tls_protocols" | "smtp_tls_protocols" | "lmtp_tls_protocols" => {
            version.default_protocols(false)
        }
        "smtpd_tls_mandatory_protocols"
        | "smtp_tls_mandatory_protocols"
        | "lmtp_tls_mandatory_protocols" => version.default_protocols(true),
        "smtpd_tls_ciphers" | "smtp_tls_ciphers" | "lmtp_tls_ciphers" => {
            if version.has_logjam_safe_defaults() {
                "medium"
            } else {
                "export"
            }
        }
        "smtpd_tls_mandatory_ciphers" | "smtp_tls_mandatory_ciphers" => "medium",
        // With compatibility_level >= 1 (every install since 3.0 sets it); see postconf(5).
        "smtpd_relay_restrictions" if version.supports_relay_restrictions() => {
            "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination"
        }
        "smtpd_recipient_restrictions" if !version.supports_relay_restrictions() => {
            "permit_mynetworks, reject_unauth_destination"
        }
        "smtpd_sasl_security_options" => "noanonymous",
        "smtpd_sasl_tls_security_options" => "$smtpd_sasl_security_options",
        "smtpd_tls_key_file" => "$smtpd_tls_cert_file",
        "postscreen_tls_security_level" => "$smtpd_tls_security_level",
        "smtpd_sasl_type" | "smtp_sasl_type" => "cyrus",
        "smtpd_tls_loglevel" | "smtp_tls_loglevel" => "0",
        _ => return None,
    };
    Some(value)
}

/// Splits a list value at commas and whitespace.
pub fn list_items(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|item| !item.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measured_lists_are_sorted_and_unique() {
        let newest: Vec<&str> = NEWEST_DEFAULTS
            .lines()
            .map(|l| split_default(l).0)
            .collect();
        assert!(newest.len() > 800);
        assert!(newest.windows(2).all(|w| w[0] < w[1]));
        for (version, text) in OLDER_DEFAULTS {
            let names: Vec<&str> = text
                .lines()
                .map(|l| split_default(l.trim_start_matches('-')).0)
                .collect();
            assert!(names.windows(2).all(|w| w[0] < w[1]), "{version}");
        }
        assert_eq!(value_kind("smtpd_use_tls"), Some(ValueKind::Boolean));
        assert_eq!(value_kind("myhostname"), None);
    }

    #[test]
    fn measured_defaults_are_per_series() {
        let v = PostfixVersion::new;
        assert_eq!(measured_default("tls_low_cipherlist", v(3, 10)), Some(""));
        assert!(measured_default("tls_low_cipherlist", v(3, 7)).is_some_and(|d| d.contains("LOW")));
        assert_eq!(
            measured_default("smtpd_forbid_bare_newline", v(3, 7)),
            Some("no")
        );
        assert_eq!(
            measured_default("smtpd_forbid_bare_newline", v(3, 10)),
            Some("normalize")
        );
        assert_eq!(measured_default("mail_version", v(3, 5)), Some("3.5.25"));
        assert_eq!(measured_default("mail_version", v(3, 8)), None);
    }

    /// The defaults the rules assume are what the binaries print, where a default does not
    /// depend on `compatibility_level` (those are `${{$compatibility_level} …}` expressions).
    #[test]
    fn rule_defaults_are_the_measured_ones() {
        let names = [
            "smtpd_tls_protocols",
            "smtp_tls_protocols",
            "lmtp_tls_protocols",
            "smtpd_tls_mandatory_protocols",
            "smtp_tls_mandatory_protocols",
            "lmtp_tls_mandatory_protocols",
            "smtpd_tls_ciphers",
            "smtp_tls_ciphers",
            "lmtp_tls_ciphers",
            "smtpd_tls_mandatory_ciphers",
            "smtp_tls_mandatory_ciphers",
            "smtpd_sasl_security_options",
            "smtpd_sasl_tls_security_options",
            "smtpd_tls_key_file",
            "postscreen_tls_security_level",
            "smtpd_sasl_type",
            "smtp_sasl_type",
            "smtpd_tls_loglevel",
            "smtp_tls_loglevel",
        ];
        for version in MEASURED {
            for name in names {
                assert_eq!(
                    default_value(name, version),
                    measured_default(name, version),
                    "{name} in {version}"
                );
            }
        }
    }

    #[test]
    fn old_names_are_renamed_not_unknown() {
        let v = PostfixVersion::new;
        assert!(is_known("postscreen_blacklist_action", v(3, 5)));
        assert!(!is_known("postscreen_blacklist_action", v(3, 7)));
        assert_eq!(
            renamed_to("postscreen_blacklist_action", v(3, 7)),
            Some("postscreen_denylist_action")
        );
        assert_eq!(
            renamed_to("postscreen_dnsbl_ttl", v(3, 11)),
            Some("postscreen_dnsbl_max_ttl")
        );
        // Renamed in 3.1: 3.5 reads it only through the new name, 3.0 by its own.
        assert!(renamed_to("postscreen_dnsbl_ttl", v(3, 5)).is_some());
        assert!(is_known("postscreen_dnsbl_ttl", v(3, 0)));
        assert_eq!(renamed_to("postscreen_dnsbl_ttl", v(3, 0)), None);
        assert!(!is_known("postscreen_dnsbl_ttl", v(2, 7)));
        assert_eq!(sole_reference("${a_b?{$a_b}:{ignore}}"), Some("a_b"));
        assert_eq!(sole_reference("$virtual_maps"), Some("virtual_maps"));
        assert_eq!(sole_reference("$home/.forward"), None);
    }

    #[test]
    fn names_follow_their_versions() {
        let v = PostfixVersion::new;
        assert!(is_known("smtpd_tls_security_level", v(3, 7)));
        assert!(!is_known("smtpd_tls_security_level", v(2, 2)));
        assert!(is_known("smtpd_use_tls", v(2, 2)));
        assert!(!is_known("tls_ffdhe_auto_groups", v(3, 7)));
        assert!(is_known("tls_ffdhe_auto_groups", v(3, 8)));
        assert!(is_too_new("tls_ffdhe_auto_groups", v(3, 7)));
        assert!(is_known("requiretls_enable", v(3, 11)));
        assert!(!is_known("requiretls_enable", v(3, 10)));
        assert!(!is_known("smtpd_tls_chain_files", v(3, 3)));
        assert!(is_known("smtpd_tls_chain_files", v(3, 4)));
        assert!(!is_known("smtpd_tls_securty_level", v(3, 7)));
        assert!(!is_too_new("smtpd_tls_securty_level", v(3, 7)));
        assert!(is_known("tls_config_file", v(3, 7)));
        assert!(is_known("tls_config_file", v(3, 5)));
        assert!(is_too_new("tls_config_file", v(3, 4)));
    }

    #[test]
    fn documented_defaults_are_read_with_their_page() {
        let v = PostfixVersion::new;
        assert_eq!(
            DOCUMENTED_TEXT.lines().filter_map(parse_documented).count(),
            DOCUMENTED_TEXT.lines().count()
        );
        assert_eq!(
            parse_documented("a from 3.6 @3.11 = >=TLSv1"),
            Some((
                "a",
                Documented {
                    relation: Relation::From,
                    series: v(3, 6),
                    page: v(3, 11),
                    value: ">=TLSv1"
                }
            ))
        );
        assert_eq!(
            parse_documented("a until 3.5 @3.11 =").map(|d| d.1.value),
            Some("")
        );
        assert_eq!(parse_documented("a after 3.5 @3.11 = x"), None);
        assert_eq!(parse_documented("a from 3.5 3.11 = x"), None);
        // The narrowest statement wins: `Postfix 3.10: yes` over `Postfix >= 3.11: no`.
        let reused = "smtp_tlsrpt_skip_reused_handshakes";
        assert_eq!(
            documented_default(reused, v(3, 10)).map(|d| d.value),
            Some("yes")
        );
        assert_eq!(
            documented_default(reused, v(3, 11)).map(|d| d.value),
            Some("no")
        );
        assert_eq!(documented_default(reused, v(3, 9)), None);
        // "With Postfix <= 3.5, the default algorithm is md5": 3.6 is past the change.
        let digest = "smtp_tls_fingerprint_digest";
        assert_eq!(nearest_measured(digest, v(3, 6)), Some(v(3, 7)));
        assert_eq!(
            nearest_measured("smtpd_tls_security_level", v(3, 6)),
            Some(v(3, 5))
        );
        assert_eq!(
            nearest_measured("smtpd_tls_security_level", v(2, 9)),
            Some(v(3, 5))
        );
        assert_eq!(measured_release(v(3, 10)), Some("3.10.13"));
    }

    #[test]
    fn availability_says_why_a_name_is_missing() {
        let v = PostfixVersion::new;
        assert_eq!(
            availability("smtpd_tls_security_level", v(3, 7)),
            Availability::Available
        );
        assert_eq!(
            availability("postscreen_blacklist_action", v(3, 7)),
            Availability::RenamedTo("postscreen_denylist_action")
        );
        assert_eq!(
            availability("postscreen_denylist_action", v(3, 5)),
            Availability::NotYet {
                former: Some("postscreen_blacklist_action")
            }
        );
        assert_eq!(
            availability("tls_ffdhe_auto_groups", v(3, 7)),
            Availability::NotYet { former: None }
        );
        assert_eq!(
            former_name("postscreen_dnsbl_max_ttl"),
            Some("postscreen_dnsbl_ttl")
        );
    }

    #[test]
    fn backports_name_their_patch_release() {
        let v = PostfixVersion::new;
        assert_eq!(
            patch_release("tls_config_file", v(3, 5)).as_deref(),
            Some("3.5.20")
        );
        assert_eq!(
            patch_release("tls_config_name", v(3, 8)).as_deref(),
            Some("3.8.1")
        );
        assert_eq!(patch_release("tls_config_file", v(3, 9)), None);
        assert_eq!(patch_release("tls_config_file", v(3, 4)), None);
        assert_eq!(patch_release("smtpd_tls_chain_files", v(3, 5)), None);
        assert_eq!(first_release("tls_config_file").as_deref(), Some("3.5.20"));
        assert_eq!(
            first_release("tls_ffdhe_auto_groups").as_deref(),
            Some("3.8")
        );
        assert_eq!(first_release("smtpd_tls_cert_file"), None);
        assert_eq!(
            patch_release("smtpd_forbid_bare_newline", v(3, 7)).as_deref(),
            Some("3.7.9")
        );
        assert_eq!(
            first_release("smtp_tls_enforce_sts_mx_patterns").as_deref(),
            Some("3.10.5")
        );
        assert!(!is_known("smtp_tls_enforce_sts_mx_patterns", v(3, 9)));
        assert_eq!(patch_release("tls_fast_shutdown_enable", v(3, 5)), None);
    }

    #[test]
    fn misspellings_get_suggestions() {
        let v = PostfixVersion::new(3, 7);
        assert_eq!(
            suggest("smtpd_tls_securty_level", v),
            Some("smtpd_tls_security_level")
        );
        assert_eq!(suggest("smtpd_tls_cert", v), None);
        assert_eq!(suggest("zzzzzzzzzz", v), None);
        assert_eq!(
            closest("encrpyt", ["none", "may", "encrypt"]),
            Some("encrypt")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn per_service_names_are_known() {
        let v = PostfixVersion::new(3, 7);
        assert!(is_per_service(
            "relay_destination_concurrency_limit",
            &["relay"],
            v
        ));
        assert!(is_per_service(
            "dovecot_destination_recipient_limit",
            &["dovecot"],
            v
        ));
        assert!(is_per_service(
            "policyd-spf_time_limit",
            &["policyd-spf"],
            v
        ));
        assert!(!is_per_service("relay_foo", &["relay"], v));
        assert!(!is_per_service(
            "relay_destination_concurrency_limit",
            &["smtp"],
            v
        ));
    }

    #[test]
    fn vocabularies_are_assigned() {
        assert_eq!(value_kind("smtpd_use_tls"), Some(ValueKind::Boolean));
        assert_eq!(value_kind("smtpd_tls_auth_only"), Some(ValueKind::Boolean));
        assert_eq!(value_kind("requiretls_enable"), Some(ValueKind::Boolean));
        assert_eq!(
            value_kind("smtp_tls_security_level"),
            Some(ValueKind::ClientLevel)
        );
        assert_eq!(
            value_kind("smtpd_tls_mandatory_ciphers"),
            Some(ValueKind::CipherGrade)
        );
        assert_eq!(value_kind("smtp_tls_protocols"), Some(ValueKind::Protocols));
        assert_eq!(value_kind("smtpd_tls_loglevel"), Some(ValueKind::Integer));
        assert_eq!(value_kind("myhostname"), None);
        assert_eq!(untranslate("Kann"), Some("may"));
        assert_eq!(untranslate("URSPRUNG"), Some("ORIGINATING"));
        assert_eq!(untranslate("Übermittlung"), Some("submission"));
        assert_eq!(untranslate("may"), None);
    }
}
