//! What a rule id can do beyond naming a rule: parse, print, serialise. [`RuleId`] itself is
//! declared by the rule table, one variant per row, so that a rule is written in one place.

use super::RuleId;
use serde::{Serialize, Serializer};
use std::fmt;

impl RuleId {
    /// The id with this name, if there is one.
    pub fn parse(name: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|id| id.as_str() == name)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_parse_back() {
        for (i, id) in RuleId::ALL.iter().enumerate() {
            let name = id.as_str();
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{name}"
            );
            assert_eq!(RuleId::parse(name), Some(*id));
            assert!(
                !RuleId::ALL[..i].iter().any(|other| other.as_str() == name),
                "{name}"
            );
        }
        assert_eq!(RuleId::parse("no_such_rule"), None);
    }
}
