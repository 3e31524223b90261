//! The two languages of the user interface and a bilingual text.
//!
//! Every label, help text, rule explanation and diagnostic message exists in English and
//! German. Generated configuration is the same in both languages.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A user-interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// German.
    De,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::De];

    /// The BCP 47 tag: `en` or `de`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// Picks the language for a browser language tag such as `de-AT`; English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Lang::De
        } else {
            Lang::En
        }
    }
}

/// A text in English and German.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    /// The English text.
    pub en: Cow<'static, str>,
    /// The German text.
    pub de: Cow<'static, str>,
}

impl Text {
    /// A text from two static strings, usable in constant tables.
    pub const fn fixed(en: &'static str, de: &'static str) -> Text {
        Text {
            en: Cow::Borrowed(en),
            de: Cow::Borrowed(de),
        }
    }

    /// A text built at run time, for example a message naming a parameter.
    pub fn owned(en: String, de: String) -> Text {
        Text {
            en: Cow::Owned(en),
            de: Cow::Owned(de),
        }
    }

    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::De => &self.de,
        }
    }
}

/// Builds a [`Text`] from two format strings with the same arguments:
/// `text!("unknown parameter `{}`", "unbekannter Parameter `{}`"; name)`.
#[macro_export]
macro_rules! text {
    ($en:literal, $de:literal) => {
        $crate::lang::Text::fixed($en, $de)
    };
    ($en:literal, $de:literal; $($arg:expr),+ $(,)?) => {
        $crate::lang::Text::owned(format!($en, $($arg),+), format!($de, $($arg),+))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_pick_german_only_for_de() {
        assert_eq!(Lang::from_tag("de-AT"), Lang::De);
        assert_eq!(Lang::from_tag("DE"), Lang::De);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
    }

    #[test]
    fn text_macro_formats_both_languages() {
        let t = text!("unknown `{}`", "unbekannt `{}`"; "x");
        assert_eq!(t.get(Lang::En), "unknown `x`");
        assert_eq!(t.get(Lang::De), "unbekannt `x`");
    }
}
