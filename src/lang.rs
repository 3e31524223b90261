//! The languages of the user interface and the texts shown in them.
//!
//! Every label, help text, rule explanation and diagnostic message is a message keyed by its
//! English text, written where it is used with [`text!`](crate::text); each other language
//! is one file of messages (messages/de.po), built in natively and fetched by the web app
//! when first wanted. Generated configuration is the same in every language.

use fnv::FnvHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

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

/// A user-facing text: a message, or words that are the same in every language.
///
/// A message's key is its English text, written where it is used (`text!("unknown
/// parameter `{}`"; name)`); the other languages' texts are data, one file each
/// (messages/de.po), looked up when the text is shown. Arguments are formatted into the
/// language's text then, so an argument may be a [`Text`] itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text(Repr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Repr {
    /// A message without arguments, keyed by its English text.
    Message(&'static str),
    /// A message with the arguments of its placeholders.
    Formatted(Box<Made<(&'static str, Vec<Arg>)>>),
    /// Both languages given, from a data file (the parameter reference's descriptions).
    Pair(Cow<'static, str>, Cow<'static, str>),
    /// The same in every language: a name, or a value in a test.
    Same(Cow<'static, str>),
    /// A label inside a sentence ([`Text::in_sentence`]).
    InSentence(Box<Made<Text>>),
}

/// What a text made at run time is made of, and its text per language, filled on first
/// use (the fallback to English while German loads is not kept as German). Boxed, so that
/// constant tables of texts hold no cell.
#[derive(Clone, Debug)]
struct Made<T> {
    from: T,
    made: [OnceLock<String>; 2],
}

impl<T> Made<T> {
    fn new(from: T) -> Box<Made<T>> {
        Box::new(Made {
            from,
            made: [OnceLock::new(), OnceLock::new()],
        })
    }

    fn get(&self, lang: Lang, make: impl FnOnce(&T) -> String) -> &str {
        self.made[lang as usize].get_or_init(|| make(&self.from))
    }
}

impl<T: PartialEq> PartialEq for Made<T> {
    fn eq(&self, other: &Made<T>) -> bool {
        self.from == other.from
    }
}

impl<T: Eq> Eq for Made<T> {}

impl<T: std::hash::Hash> std::hash::Hash for Made<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.from.hash(state);
    }
}

/// An argument of a message: plain words (a parameter name, a number), or a text that is
/// itself translated.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// The same in every language.
    Plain(String),
    /// Translated with the message around it.
    Text(Text),
}

/// What `text!` accepts as an argument: anything displayable, or a [`Text`]. Taken by
/// reference, as `format!` takes its arguments.
pub trait ToArg {
    /// The argument.
    fn to_arg(&self) -> Arg;
}

impl<T: std::fmt::Display + ?Sized> ToArg for T {
    fn to_arg(&self) -> Arg {
        Arg::Plain(self.to_string())
    }
}

impl ToArg for Text {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.clone())
    }
}

impl Text {
    /// A message without arguments; its English text is its key. Use `text!("…")`.
    pub const fn message(key: &'static str) -> Text {
        Text(Repr::Message(key))
    }

    /// A message whose `{}` (in order) or `{N}` (by position) placeholders take `args`;
    /// `{{` and `}}` are braces. Use `text!("…{}…"; arg)`.
    pub fn format(key: &'static str, args: Vec<Arg>) -> Text {
        Text(Repr::Formatted(Made::new((key, args))))
    }

    /// Words that are the same in every language.
    pub fn same(words: impl Into<Cow<'static, str>>) -> Text {
        Text(Repr::Same(words.into()))
    }

    /// The text as it reads inside a sentence: in English a label's first letter goes lower
    /// case (`private key file`), unless its first word is an acronym (`CA bundle`); German
    /// nouns keep their capitals.
    pub fn in_sentence(self) -> Text {
        Text(Repr::InSentence(Made::new(self)))
    }

    /// Both languages at once, for texts read from a data file (not from code).
    pub fn pair(en: impl Into<Cow<'static, str>>, de: impl Into<Cow<'static, str>>) -> Text {
        Text(Repr::Pair(en.into(), de.into()))
    }

    /// The text in the given language; in English while that language's messages are not
    /// loaded, or when a message is missing from them.
    pub fn get(&self, lang: Lang) -> &str {
        // While a language's messages load, texts show in English.
        let shown = if ready(lang) { lang } else { Lang::En };
        match &self.0 {
            Repr::Same(words) => words,
            Repr::Pair(en, de) => match lang {
                Lang::En => en,
                Lang::De => de,
            },
            Repr::Message(key) => translate(key, shown),
            Repr::Formatted(made) => made.get(shown, |(key, args)| {
                fill(translate(key, shown), args, shown)
            }),
            Repr::InSentence(made) => match shown {
                Lang::En => made.get(shown, |label| lower_first(label.get(shown))),
                _ => made.from.get(shown),
            },
        }
    }
}

/// An English label as it reads inside a sentence: `Private key file` becomes `private key
/// file`; `CA bundle` and `OpenSSL version` keep their capitals.
fn lower_first(label: &str) -> String {
    let first_word = label.split(' ').next().unwrap_or_default();
    let acronym = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
    match label.chars().next() {
        Some(first) if !acronym => {
            format!("{}{}", first.to_lowercase(), &label[first.len_utf8()..])
        }
        _ => label.to_string(),
    }
}

/// The messages of one language other than English: English text to translation.
#[derive(Debug, Default)]
pub struct Messages {
    texts: HashMap<String, String>,
}

impl Messages {
    /// Reads a gettext PO file: `msgid "…"` / `msgstr "…"` pairs, strings continued on the
    /// next line, `#` comments; the header entry (the empty msgid) and untranslated entries
    /// are left out.
    pub fn parse(po: &str) -> Result<Messages, String> {
        let mut texts = HashMap::default();
        let mut entry: [Option<String>; 2] = [None, None];
        let mut current: Option<usize> = None;
        for (number, line) in po.lines().enumerate() {
            let line = line.trim();
            let bad = || format!("line {}: cannot read `{line}`", number + 1);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (field, quoted) = if let Some(rest) = line.strip_prefix("msgid ") {
                if let [Some(id), Some(text)] = std::mem::take(&mut entry) {
                    insert(&mut texts, id, text);
                }
                (0, rest)
            } else if let Some(rest) = line.strip_prefix("msgstr ") {
                if entry[0].is_none() || entry[1].is_some() {
                    return Err(bad());
                }
                (1, rest)
            } else if line.starts_with('"') {
                let field = current.ok_or_else(bad)?;
                let more: String = unquote(line).ok_or_else(bad)?;
                if let Some(text) = &mut entry[field] {
                    text.push_str(&more);
                }
                continue;
            } else {
                return Err(bad());
            };
            entry[field] = Some(unquote(quoted).ok_or_else(bad)?);
            current = Some(field);
        }
        if let [Some(id), Some(text)] = entry {
            insert(&mut texts, id, text);
        }
        Ok(Messages { texts })
    }

    /// The translation of an English message.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    /// Every English message that has a translation.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }
}

fn insert(texts: &mut HashMap<String, String>, id: String, text: String) {
    if !id.is_empty() && !text.is_empty() {
        texts.insert(id, text);
    }
}

/// The value of one PO string: `"…"` with C escapes.
fn unquote(quoted: &str) -> Option<String> {
    let body = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            't' => '\t',
            '\\' => '\\',
            '"' => '"',
            _ => return None,
        });
    }
    Some(out)
}

/// The German messages, once loaded.
static GERMAN: OnceLock<Messages> = OnceLock::new();

/// The messages of a language, if they are there: natively they are built in; in the
/// browser they are there once [`install`]ed. English has none (its texts are the keys).
pub fn messages(lang: Lang) -> Option<&'static Messages> {
    match lang {
        Lang::En => None,
        #[cfg(not(target_arch = "wasm32"))]
        Lang::De => Some(GERMAN.get_or_init(|| {
            Messages::parse(GERMAN_PO).expect("messages/de.po is checked by the tests")
        })),
        #[cfg(target_arch = "wasm32")]
        Lang::De => GERMAN.get(),
    }
}

/// The German messages as the repository holds them (built into the CLI and the native
/// build of the web app; the browser fetches the file instead).
#[cfg(not(target_arch = "wasm32"))]
pub const GERMAN_PO: &str = include_str!("../messages/de.po");

/// True when texts in this language show in it (English always; another language once its
/// messages are loaded).
pub fn ready(lang: Lang) -> bool {
    lang == Lang::En || messages(lang).is_some()
}

/// Makes a language's messages, fetched as a PO file, available to every [`Text`].
pub fn install(lang: Lang, po: &str) -> Result<(), String> {
    let messages = Messages::parse(po)?;
    match lang {
        Lang::En => Err(String::from("English is built in")),
        Lang::De => {
            // A second copy (the file fetched twice) changes nothing.
            let _ = GERMAN.set(messages);
            Ok(())
        }
    }
}

/// A message without arguments in a language: its translation, else its English text.
fn translate(key: &'static str, lang: Lang) -> &'static str {
    messages(lang).and_then(|m| m.get(key)).unwrap_or(key)
}

/// A message's text with its arguments in place of `{}` (in order) or `{N}` (by position).
fn fill(template: &str, args: &[Arg], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let index = tail[1..].find('}').and_then(|close| {
            let inside = &tail[1..=close];
            let index = if inside.is_empty() {
                next += 1;
                Some(next - 1)
            } else {
                inside.parse().ok()
            };
            index.map(|i: usize| (i, close + 2))
        });
        match index {
            Some((i, len)) => {
                match args.get(i) {
                    Some(Arg::Plain(words)) => out.push_str(words),
                    Some(Arg::Text(text)) => out.push_str(text.get(lang)),
                    None => out.push_str(&tail[..len]),
                }
                rest = &tail[len..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Builds a [`Text`]. `text!("OpenSSL version")` is a message; `text!("unknown parameter
/// `{}`"; name)` is one with arguments (anything displayable, or a [`Text`]). The English
/// text is the message's key; messages/de.po holds the German.
///
/// A new message may be written `text!("English", "Deutsch")` (with `; args` as above):
/// `python3 scripts/messages convert` moves the German into messages/de.po, and until then
/// the build refuses it.
#[macro_export]
macro_rules! text {
    ($key:literal $(,)?) => {
        $crate::lang::Text::message($key)
    };
    ($key:literal; $($arg:expr),+ $(,)?) => {
        $crate::lang::Text::format($key, {
            use $crate::lang::ToArg as _;
            vec![$((&$arg).to_arg()),+]
        })
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
    fn a_message_is_its_english_text_and_its_german_from_the_file() {
        let t = text!("{} is empty"; "the host name");
        assert_eq!(t.get(Lang::En), "the host name is empty");
        assert_eq!(t.get(Lang::De), "the host name ist leer");
        // A text as an argument is translated with the message around it.
        let label = text!("a tab");
        let t = text!("{} contains {}, which is not allowed"; "`x`", label);
        assert_eq!(t.get(Lang::En), "`x` contains a tab, which is not allowed");
        assert_eq!(
            t.get(Lang::De),
            "`x` enthält einen Tabulator, das ist nicht erlaubt"
        );
    }

    #[test]
    fn a_message_missing_from_the_file_shows_in_english() {
        assert_eq!(text!("no such message").get(Lang::De), "no such message");
        assert_eq!(text!("no such {}"; 1).get(Lang::De), "no such 1");
    }

    #[test]
    fn placeholders_take_arguments_in_order_or_by_position() {
        let args = |words: &[&str]| words.iter().map(|w| w.to_arg()).collect::<Vec<_>>();
        assert_eq!(fill("{} and {}", &args(&["a", "b"]), Lang::En), "a and b");
        assert_eq!(fill("{1} vor {0}", &args(&["a", "b"]), Lang::En), "b vor a");
        assert_eq!(fill("{{x}} = {}", &args(&["1"]), Lang::En), "{x} = 1");
        // A placeholder without its argument, or that is none, stays as written.
        assert_eq!(fill("{} {}", &args(&["a"]), Lang::En), "a {}");
        assert_eq!(fill("{ name } {x", &args(&["a"]), Lang::En), "{ name } {x");
    }

    #[test]
    fn a_label_in_a_sentence_is_lower_case_in_english_only() {
        let label = text!("Private key file");
        assert_eq!(
            label.clone().in_sentence().get(Lang::En),
            "private key file"
        );
        let german = label.in_sentence();
        assert_eq!(german.get(Lang::De), "Datei des privaten Schlüssels");
        assert_eq!(text!("CA bundle").in_sentence().get(Lang::En), "CA bundle");
    }

    #[test]
    fn po_files_are_read_with_continued_strings_and_escapes() {
        let po = concat!(
            "# a comment\n",
            "msgid \"\"\n",
            "msgstr \"\"\n",
            "\"Language: de\\n\"\n",
            "\n",
            "#, rust-format\n",
            "msgid \"a \\\"quoted\\\" {}\"\n",
            "msgstr \"\"\n",
            "\"ein \\\"zitiertes\\\" \"\n",
            "\"{}\"\n",
            "\n",
            "msgid \"untranslated\"\n",
            "msgstr \"\"\n",
            "msgid \"two\\nlines\"\n",
            "msgstr \"zwei\\nZeilen\"\n",
        );
        let messages = Messages::parse(po).expect("parsed");
        assert_eq!(
            messages.get("a \"quoted\" {}"),
            Some("ein \"zitiertes\" {}")
        );
        assert_eq!(messages.get("two\nlines"), Some("zwei\nZeilen"));
        assert_eq!(messages.get("untranslated"), None);
        assert_eq!(messages.get(""), None);
        assert_eq!(messages.keys().count(), 2);
    }

    #[test]
    fn a_broken_po_file_is_refused_with_its_line() {
        assert_eq!(
            Messages::parse("msgid \"a\"\nmsgstr b\n").err().as_deref(),
            Some("line 2: cannot read `msgstr b`")
        );
        assert!(Messages::parse("msgstr \"a\"\n").is_err());
        assert!(Messages::parse("\"a\"\n").is_err());
        assert!(Messages::parse("msgid \"a\\q\"\nmsgstr \"b\"\n").is_err());
    }

    #[test]
    fn the_german_messages_are_built_in_natively() {
        assert!(ready(Lang::En) && ready(Lang::De));
        assert!(install(Lang::En, "").is_err());
        assert!(install(Lang::De, "msgid").is_err());
    }
}
