//! Diagnostics: what a rule found, where, and how to fix it.
//!
//! The vocabulary follows rustc and codespan-reporting: a severity, a rule id, a message, a
//! help line and a location. Messages are lowercase, without a trailing period, with names in
//! backticks.

use crate::fix::Fix;
use crate::lang::{Lang, Text};
use crate::rules::{rule, RuleId};
use crate::text;
use serde::{Serialize, Serializer};
use std::fmt;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice: nothing is broken.
    Info,
    /// A likely mistake, a deprecated setting or a risk worth knowing.
    Warning,
    /// Broken or unsafe configuration: Postfix refuses it, or mail is lost or exposed.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The severity's name, as the page shows it beside a finding.
    pub fn label(self) -> &'static Text {
        static INFO: Text = text!("info");
        static WARNING: Text = text!("warning");
        static ERROR: Text = text!("error");
        match self {
            Severity::Info => &INFO,
            Severity::Warning => &WARNING,
            Severity::Error => &ERROR,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The file a configuration line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// `main.cf` (`name = value` lines).
    MainCf,
    /// `master.cf` (service lines with `-o` overrides).
    MasterCf,
    /// The output of `postconf -n`: main.cf syntax, one line per parameter.
    PostconfN,
}

impl FileKind {
    /// `main.cf`, `master.cf` or `postconf -n`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FileKind::MainCf => "main.cf",
            FileKind::MasterCf => "master.cf",
            FileKind::PostconfN => "postconf -n",
        }
    }
}

/// The group of choices a diagnostic belongs to, so the web app can show it beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// Host role and Postfix/OpenSSL versions.
    Host,
    /// Certificates and keys.
    Certificates,
    /// Inbound TLS on port 25.
    Inbound,
    /// Submission on 587/465 and SASL.
    Submission,
    /// Outbound TLS and relayhost.
    Outbound,
    /// Protocols, ciphers, DH and curves.
    Protocols,
    /// Logging and evidence.
    Logging,
    /// Anything else (syntax, unknown parameters).
    General,
}

/// One finding of a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The id of the rule that found it, for example `mx_requires_tls`.
    pub id: RuleId,
    /// How bad it is: the rule's severity.
    pub severity: Severity,
    /// The file the finding is in, if it is about a file.
    pub file: Option<FileKind>,
    /// The 1-based line number of the finding in that file, if it has one.
    pub line: Option<usize>,
    /// What is wrong, naming the parameter and value.
    pub message: Text,
    /// How to fix it, naming the correct value where there is one.
    pub help: Text,
    /// The group of choices it belongs to.
    pub topic: Topic,
    /// How to fix it by machine, if the rule knows: a certain edit or choices.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of the rule `id`, with the rule's severity and topic, about no line.
    pub fn new(id: RuleId, message: Text, help: Text) -> Diagnostic {
        let known = rule(id);
        Diagnostic {
            id,
            severity: known.severity,
            file: None,
            line: None,
            message,
            help,
            topic: known.topic,
            fix: None,
        }
    }
}

/// The JSON shape shared by the CLI and the web app:
/// `{"id", "severity", "file", "line", "message", "help"}` (English).
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Diagnostic", 6)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("file", &self.file.map(FileKind::as_str))?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("message", self.message.get(Lang::En))?;
        st.serialize_field("help", self.help.get(Lang::En))?;
        st.end()
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}
