//! What the checks see: effective values per master.cf service (its `-o` override, else the
//! main.cf value, else the version's default), the services by port, and the findings.

use super::{LintContext, RuleId};
use crate::config::{MainCf, MasterCf, Param, Service};
use crate::diagnostic::{Diagnostic, FileKind};
use crate::fix::Fix;
use crate::lang::Text;
use crate::options::Role;
use crate::params;
use fnv::FnvHashMap as HashMap;

/// A value and where it was set; `line` is `None` for a version default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<'a> {
    /// The value, with a whole-value `$name` reference resolved.
    pub value: &'a str,
    /// Where it was written, if it was written.
    pub at: Option<At>,
}

impl Setting<'_> {
    /// True when the value is this word (case-insensitive).
    pub fn is(&self, word: &str) -> bool {
        self.value.trim().eq_ignore_ascii_case(word)
    }

    /// True when the value is one of these words (trimmed once, not once per word).
    pub fn is_any(&self, words: &[&str]) -> bool {
        let value = self.value.trim();
        words.iter().any(|w| value.eq_ignore_ascii_case(w))
    }

    /// True when the value was written in a file rather than defaulted.
    pub fn is_explicit(&self) -> bool {
        self.at.is_some()
    }
}

/// A place in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct At {
    /// The file.
    pub file: FileKind,
    /// The 1-based line.
    pub line: usize,
}

/// The port an smtpd service listens on, as far as the rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Port {
    /// 25: mail from other servers (RFC 3207 applies on a public MX).
    Smtp,
    /// 587: submission with STARTTLS.
    Submission,
    /// 465: submission with implicit TLS.
    Submissions,
    /// Anything else (content filter re-injection, local ports).
    Other,
}

/// The port of an inet service name such as `smtp`, `127.0.0.1:submission` or `[::1]:2525`.
pub fn port_of(name: &str) -> Port {
    let port = name.rsplit(':').next().unwrap_or(name);
    match port {
        "smtp" | "25" => Port::Smtp,
        "submission" | "587" => Port::Submission,
        "submissions" | "smtps" | "ssmtp" | "465" => Port::Submissions,
        _ => Port::Other,
    }
}

/// Where checks run: one smtpd service of master.cf, or main.cf alone when no master.cf was
/// given (then port 25 is the stock `smtp inet` service using main.cf values).
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    /// The service, if master.cf was given.
    pub service: Option<&'a Service>,
    /// The port it serves.
    pub port: Port,
}

/// The linter's view of the files, and the findings so far.
pub struct Lint<'a> {
    /// main.cf, if given.
    pub main: Option<&'a MainCf>,
    /// master.cf, if given.
    pub master: Option<&'a MasterCf>,
    /// Version and role.
    pub ctx: &'a LintContext,
    /// Every setting in both files with its place, main.cf first: collected once, since
    /// nearly every rule walks them.
    settings: Vec<(&'a Param, At)>,
    /// How many of `settings` are main.cf's.
    main_settings: usize,
    /// The smtpd scopes, found once for the many rules that check each of them.
    scopes: Vec<Scope<'a>>,
    found: Vec<Diagnostic>,
    /// Where in `found` each rule's findings at each place are: a finding is compared only
    /// with those (a paste of thousands of findings made the check quadratic).
    placed: HashMap<(RuleId, Option<At>), Vec<usize>>,
}

impl<'a> Lint<'a> {
    /// Starts linting.
    pub fn new(
        main: Option<&'a MainCf>,
        master: Option<&'a MasterCf>,
        ctx: &'a LintContext,
    ) -> Self {
        let main_settings: Vec<(&'a Param, At)> = main
            .into_iter()
            .flat_map(|m| m.params.iter())
            .map(|p| {
                let at = At {
                    file: FileKind::MainCf,
                    line: p.line,
                };
                (p, at)
            })
            .collect();
        let mut lint = Lint {
            main,
            master,
            ctx,
            main_settings: main_settings.len(),
            settings: main_settings,
            scopes: Vec::new(),
            found: Vec::new(),
            placed: HashMap::default(),
        };
        let overrides: Vec<(&'a Param, At)> = lint.overrides().map(|(_, p, at)| (p, at)).collect();
        lint.settings.extend(overrides);
        lint.scopes = lint.find_smtpd_scopes();
        lint
    }

    /// The findings.
    pub fn finish(self) -> Vec<Diagnostic> {
        self.found
    }

    /// Reports a finding of a rule, with the rule's severity and topic. A finding equal to
    /// one already reported (the same setting reached through two services) is said once.
    pub fn emit(&mut self, id: RuleId, at: Option<At>, message: Text, help: Text) {
        self.emit_fix(id, at, message, help, None);
    }

    /// Reports a finding with the fix the rule declares for it.
    pub fn emit_fix(
        &mut self,
        id: RuleId,
        at: Option<At>,
        message: Text,
        help: Text,
        fix: Option<Fix>,
    ) {
        let finding = Diagnostic {
            file: at.map(|a| a.file),
            line: at.map(|a| a.line),
            fix,
            ..Diagnostic::new(id, message, help)
        };
        let same_place = self.placed.entry((id, at)).or_default();
        if !same_place.iter().any(|&i| self.found[i] == finding) {
            same_place.push(self.found.len());
            self.found.push(finding);
        }
    }

    /// Every main.cf setting with its place.
    pub fn main_params(&self) -> impl Iterator<Item = (&'a Param, At)> + '_ {
        self.settings[..self.main_settings].iter().copied()
    }

    /// Every master.cf `-o` override with its service and place.
    pub fn overrides(&self) -> impl Iterator<Item = (&'a Service, &'a Param, At)> + 'a {
        self.services().flat_map(|s| {
            s.overrides.iter().map(move |p| {
                (
                    s,
                    p,
                    At {
                        file: FileKind::MasterCf,
                        line: p.line,
                    },
                )
            })
        })
    }

    /// Every setting in both files: main.cf first, then the overrides.
    pub fn all_params(&self) -> impl Iterator<Item = (&'a Param, At)> + '_ {
        self.settings.iter().copied()
    }

    /// Every master.cf service.
    pub fn services(&self) -> impl Iterator<Item = &'a Service> + 'a {
        self.master.into_iter().flat_map(|m| m.services.iter())
    }

    /// The main.cf value of a parameter (last definition wins), else the version default.
    pub fn main_value(&self, name: &str) -> Option<Setting<'a>> {
        self.value(name, None)
    }

    /// The effective value of a parameter for a service: its last `-o` override, else
    /// main.cf, else the version default. A whole-value `$name` is followed (a few levels).
    pub fn value(&self, name: &str, service: Option<&'a Service>) -> Option<Setting<'a>> {
        self.value_depth(name, service, 0)
    }

    fn value_depth(
        &self,
        name: &str,
        service: Option<&'a Service>,
        depth: u8,
    ) -> Option<Setting<'a>> {
        let written = service
            .and_then(|s| s.get(name))
            .map(|p| (p, FileKind::MasterCf))
            .or_else(|| {
                self.main
                    .and_then(|m| m.get(name))
                    .map(|p| (p, FileKind::MainCf))
            });
        let setting = match written {
            Some((p, file)) => Setting {
                value: p.value.as_str(),
                at: Some(At { file, line: p.line }),
            },
            None => Setting {
                value: params::default_value(name, self.ctx.postfix)?,
                at: None,
            },
        };
        match whole_reference(setting.value) {
            Some(target) if depth < 4 => {
                let resolved = self.value_depth(target, service, depth + 1)?;
                Some(Setting {
                    value: resolved.value,
                    at: setting.at.or(resolved.at),
                })
            }
            _ => Some(setting),
        }
    }

    /// A value as the process of a service (or main.cf alone) sees it after `$` expansion:
    /// names resolve to the service's `-o` override, else main.cf, else the version default.
    /// `None` when a name's value is unknown here.
    pub fn expand(&self, value: &str, service: Option<&'a Service>) -> Option<String> {
        let lookup = |name: &str| -> Option<String> {
            service
                .and_then(|s| s.get(name))
                .or_else(|| self.main.and_then(|m| m.get(name)))
                .map(|p| p.value.clone())
                .or_else(|| params::default_value(name, self.ctx.postfix).map(str::to_string))
        };
        crate::config::expand(value, &lookup)
    }

    /// True when the effective value is set, non-empty and not `none`.
    pub fn is_set(&self, name: &str, service: Option<&'a Service>) -> bool {
        self.value(name, service)
            .is_some_and(|s| !s.value.trim().is_empty() && !s.is("none"))
    }

    /// True when the effective value of a boolean is `yes`.
    pub fn is_yes(&self, name: &str, service: Option<&'a Service>) -> bool {
        self.value(name, service).is_some_and(|s| s.is("yes"))
    }

    /// `compatibility_level` from main.cf as (major, minor), when it is set and readable: the
    /// level that selects Postfix's backwards-compatible defaults (COMPATIBILITY_README).
    pub fn compatibility_level(&self) -> Option<(u32, u32)> {
        let setting = self.main_value("compatibility_level")?;
        let mut parts = setting.value.trim().split('.');
        let major = parts.next()?.parse::<u32>().ok()?;
        let minor = match parts.next() {
            Some(minor) => minor.parse::<u32>().ok()?,
            None => 0,
        };
        Some((major, minor))
    }

    /// The smtpd services (master.cf `inet` services running smtpd, and the `smtpd pass`
    /// service behind postscreen on port 25), plus main.cf alone as port 25 when master.cf
    /// has no port-25 service or was not given.
    pub fn smtpd_scopes(&self) -> Vec<Scope<'a>> {
        self.scopes.clone()
    }

    fn find_smtpd_scopes(&self) -> Vec<Scope<'a>> {
        let Some(master) = self.master else {
            return vec![Scope {
                service: None,
                port: Port::Smtp,
            }];
        };
        let postscreen_on_25 = master.services.iter().any(|s| {
            s.kind == "inet" && s.command == "postscreen" && port_of(&s.name) == Port::Smtp
        });
        let mut scopes: Vec<Scope<'a>> = master
            .services
            .iter()
            // Of two entries of one service Postfix runs the last (duplicate_service).
            .filter(|s| master.is_live(s))
            .filter_map(|s| {
                let port = match (s.kind.as_str(), s.command.as_str()) {
                    ("inet", "smtpd") => port_of(&s.name),
                    ("pass", "smtpd") if postscreen_on_25 => Port::Smtp,
                    _ => return None,
                };
                Some(Scope {
                    service: Some(s),
                    port,
                })
            })
            .collect();
        // A master.cf snippet without port 25 (only the submission services, as generated
        // or pasted) leaves the stock `smtp inet` service, which uses main.cf values. A whole
        // master.cf without it serves no port 25 (`postconf -M` of DanWin's clearnet proxy
        // lists only `1025 inet`).
        if !master.is_whole() && !postscreen_on_25 && !scopes.iter().any(|s| s.port == Port::Smtp) {
            scopes.insert(
                0,
                Scope {
                    service: None,
                    port: Port::Smtp,
                },
            );
        }
        scopes
    }

    /// True when port 25 is taken for a public MX's: the role says so and main.cf does not
    /// keep the host off the network (`inet_interfaces = loopback-only`, as openSUSE's
    /// main.cf ships: no other server can reach its port 25).
    pub fn public_mx(&self) -> bool {
        self.ctx.role == Role::PublicMx
            && !self
                .main
                .and_then(|m| m.get("inet_interfaces"))
                .is_some_and(|p| params::is_loopback_only(&p.value))
    }

    /// Where a scope's service starts, for findings about the service as a whole.
    pub fn scope_at(&self, scope: &Scope<'a>) -> Option<At> {
        scope.service.map(|s| At {
            file: FileKind::MasterCf,
            line: s.line,
        })
    }

    /// True when the effective server TLS level of a scope requires TLS: `encrypt` (or a
    /// level smtpd treats as encrypt), or the legacy `smtpd_enforce_tls = yes` when no level
    /// is set.
    pub fn requires_tls(&self, service: Option<&'a Service>) -> Option<Setting<'a>> {
        match self.value("smtpd_tls_security_level", service) {
            Some(level) if !level.value.trim().is_empty() => level
                .is_any(&["encrypt", "fingerprint", "verify", "secure"])
                .then_some(level),
            _ => self
                .value("smtpd_enforce_tls", service)
                .filter(|s| s.is("yes")),
        }
    }

    /// The setting that turns TLS on in a scope, if TLS is on: a level other than `none`,
    /// wrapper mode, or the legacy `smtpd_use_tls`/`smtpd_enforce_tls`.
    pub fn tls_enabled(&self, service: Option<&'a Service>) -> Option<Setting<'a>> {
        if let Some(wrapper) = self
            .value("smtpd_tls_wrappermode", service)
            .filter(|s| s.is("yes"))
        {
            return Some(wrapper);
        }
        match self.value("smtpd_tls_security_level", service) {
            // An invalid level is invalid_value's finding, not a reason for more.
            Some(level) if !level.value.trim().is_empty() => {
                (level.is_any(params::CLIENT_LEVELS) && !level.is("none")).then_some(level)
            }
            _ => ["smtpd_use_tls", "smtpd_enforce_tls"]
                .iter()
                .find_map(|name| self.value(name, service).filter(|s| s.is("yes"))),
        }
    }

    /// Every name a value refers to with `$name`, and every restriction class: names a user
    /// defines for use elsewhere.
    pub fn referenced_names(&self) -> Vec<&'a str> {
        let mut names: Vec<&'a str> = self
            .all_params()
            .flat_map(|(p, _)| crate::config::references(&p.value))
            .collect();
        for service in self.services() {
            for arg in &service.args {
                names.extend(crate::config::references(arg));
            }
        }
        if let Some(classes) = self.main.and_then(|m| m.get("smtpd_restriction_classes")) {
            names.extend(params::list_items(&classes.value));
        }
        names
    }
}

/// `x` for a value that is exactly `$x`, `${x}` or `$(x)`.
fn whole_reference(value: &str) -> Option<&str> {
    let value = value.trim();
    let name = value.strip_prefix('$')?;
    let name = name
        .strip_prefix('{')
        .and_then(|n| n.strip_suffix('}'))
        .or_else(|| name.strip_prefix('(').and_then(|n| n.strip_suffix(')')))
        .unwrap_or(name);
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_from_service_names() {
        assert_eq!(port_of("smtp"), Port::Smtp);
        assert_eq!(port_of("127.0.0.1:smtp"), Port::Smtp);
        assert_eq!(port_of("[::1]:587"), Port::Submission);
        assert_eq!(port_of("smtps"), Port::Submissions);
        assert_eq!(port_of("submissions"), Port::Submissions);
        assert_eq!(port_of("10025"), Port::Other);
    }

    #[test]
    fn whole_references() {
        assert_eq!(
            whole_reference("$smtpd_tls_cert_file"),
            Some("smtpd_tls_cert_file")
        );
        assert_eq!(whole_reference(" ${a} "), Some("a"));
        assert_eq!(whole_reference("$(a)"), Some("a"));
        assert_eq!(whole_reference("btree:$a"), None);
        assert_eq!(whole_reference("$a $b"), None);
        assert_eq!(whole_reference("$"), None);
    }

    #[test]
    fn a_finding_is_said_once_per_place() {
        let ctx = LintContext::default();
        let mut lint = Lint::new(None, None, &ctx);
        let at = |line| {
            Some(At {
                file: FileKind::MainCf,
                line,
            })
        };
        let id = RuleId::UnknownParameter;
        for line in [1, 2, 1, 2] {
            lint.emit(id, at(line), Text::same("a"), Text::same("h"));
        }
        // Another message at the same place is another finding.
        lint.emit(id, at(1), Text::same("b"), Text::same("h"));
        lint.emit(id, None, Text::same("a"), Text::same("h"));
        lint.emit(id, None, Text::same("a"), Text::same("h"));
        let found: Vec<_> = lint
            .finish()
            .into_iter()
            .map(|d| (d.line, d.message.get(crate::lang::Lang::En).to_string()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(1), "a".to_string()),
                (Some(2), "a".to_string()),
                (Some(1), "b".to_string()),
                (None, "a".to_string())
            ]
        );
    }

    #[test]
    fn effective_values_follow_override_main_default() {
        let main = crate::config::parse_main(
            "smtpd_tls_security_level = may\nkey = $smtpd_tls_security_level\n",
        );
        let master = crate::config::parse_master(
            "submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n",
        );
        let ctx = LintContext::default();
        let lint = Lint::new(Some(&main), Some(&master), &ctx);
        let service = master.services.first();
        assert_eq!(
            lint.value("smtpd_tls_security_level", service)
                .map(|s| s.value),
            Some("encrypt")
        );
        assert_eq!(
            lint.main_value("smtpd_tls_security_level").map(|s| s.value),
            Some("may")
        );
        assert_eq!(lint.main_value("key").map(|s| s.value), Some("may"));
        assert_eq!(
            lint.main_value("smtpd_tls_protocols").map(|s| s.value),
            Some(">=TLSv1")
        );
        assert!(lint
            .main_value("smtpd_tls_protocols")
            .is_some_and(|s| !s.is_explicit()));
        assert_eq!(lint.main_value("myorigin"), None);
        assert!(lint.requires_tls(service).is_some());
        assert!(lint.requires_tls(None).is_none());
        assert!(lint.tls_enabled(None).is_some());
        // A loop of references ends instead of recursing forever.
        let looped = crate::config::parse_main("a = $b\nb = $a\n");
        let lint = Lint::new(Some(&looped), None, &ctx);
        assert!(lint.main_value("a").is_some());
    }
}
