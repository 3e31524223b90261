//! Share links: the options in a URL fragment, and the JSON import that shares its checks.
//!
//! A fragment is `v1.` followed by the base64url (no padding) of the compact JSON of the
//! options, keeping only the fields that differ from [`Options::default`]: a link to the
//! defaults is just `v1.e30` (`{}`), and a typical one stays well under 300 characters.
//! Decoding never panics: anything that is too long, not base64url, not JSON or not options
//! is refused with a [`ShareError`] whose message can be shown to the user.
//!
//! ```
//! use postfix_tls::{options::{InboundLevel, Options}, share};
//!
//! let mut options = Options::default();
//! options.inbound = InboundLevel::Encrypt;
//! let fragment = share::encode(&options);
//! assert_eq!(share::decode(&fragment), Ok(options));
//! assert!(share::decode("<script>alert(1)</script>").is_err());
//! ```

use crate::lang::Text;
use crate::options::Options;
use crate::text;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// The prefix that names the fragment format, so a later format can be told apart.
const PREFIX: &str = "v1.";

/// The longest fragment accepted. Real links are a few hundred characters; anything far
/// longer is not ours and is refused before it is decoded.
pub const MAX_FRAGMENT: usize = 4096;

/// The longest options JSON accepted from an imported file.
pub const MAX_JSON: usize = 64 * 1024;

/// Why a share link or an imported file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Longer than the limit (the limit in bytes).
    TooLong(usize),
    /// Does not start with the format prefix.
    UnknownFormat,
    /// The payload is not base64url.
    NotBase64,
    /// Well encoded, but not valid options (serde's explanation, English).
    NotOptions(String),
}

impl ShareError {
    /// What went wrong, for the notice shown to the user.
    pub fn message(&self) -> Text {
        match self {
            ShareError::TooLong(limit) => text!(
                "the shared settings are longer than {} bytes and were ignored";
                limit
            ),
            ShareError::UnknownFormat | ShareError::NotBase64 => {
                text!("the link does not contain settings of this tool and was ignored")
            }
            // serde explains in English only; the German page must not show English, and the
            // sentence alone tells a German reader what happened.
            ShareError::NotOptions(why) => text!(
                "the settings could not be read and were ignored: {}";
                why
            ),
        }
    }
}

/// The fragment (without `#`) that reproduces these options.
pub fn encode(options: &Options) -> String {
    let json = minimal_json(options);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(json))
}

/// Reads the options back from a fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<Options, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong(MAX_FRAGMENT));
    }
    let payload = fragment
        .strip_prefix(PREFIX)
        .ok_or(ShareError::UnknownFormat)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| ShareError::NotBase64)?;
    let json = String::from_utf8(bytes).map_err(|_| ShareError::NotBase64)?;
    import_json(&json)
}

/// Reads options from JSON, the format of the CLI's `--options` and of the web app's export.
/// Missing fields take their defaults; anything but a JSON object is refused.
pub fn import_json(json: &str) -> Result<Options, ShareError> {
    if json.len() > MAX_JSON {
        return Err(ShareError::TooLong(MAX_JSON));
    }
    // An object is required: serde would otherwise accept `[]` as an empty struct sequence.
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(_)) => {}
        Ok(_) => {
            return Err(ShareError::NotOptions(String::from(
                "expected a JSON object",
            )))
        }
        Err(e) => return Err(ShareError::NotOptions(e.to_string())),
    }
    Options::from_json(json).map_err(|e| ShareError::NotOptions(e.to_string()))
}

/// The compact JSON of the fields that differ from the defaults.
fn minimal_json(options: &Options) -> String {
    let (Ok(Value::Object(mut chosen)), Some(defaults)) =
        (serde_json::to_value(options), default_json())
    else {
        // Options always serialize to an object; the full JSON is the safe answer anyway.
        return serde_json::to_string(options).unwrap_or_default();
    };
    drop_defaults(&mut chosen, defaults);
    Value::Object(chosen).to_string()
}

/// The defaults as a JSON object, made once: the page encodes the choices on every click
/// (the header of each file and the share link), and building the defaults was a third of it.
fn default_json() -> Option<&'static Map<String, Value>> {
    static DEFAULTS: OnceLock<Option<Map<String, Value>>> = OnceLock::new();
    DEFAULTS
        .get_or_init(|| match serde_json::to_value(Options::default()) {
            Ok(Value::Object(defaults)) => Some(defaults),
            _ => None,
        })
        .as_ref()
}

/// Removes the entries equal to their default, recursing into nested objects (so a changed
/// certificate path does not carry the whole certificate section).
fn drop_defaults(chosen: &mut Map<String, Value>, defaults: &Map<String, Value>) {
    chosen.retain(|key, value| match (value, defaults.get(key)) {
        (Value::Object(inner), Some(Value::Object(default_inner))) => {
            drop_defaults(inner, default_inner);
            !inner.is_empty()
        }
        (value, Some(default)) => value != default,
        (_, None) => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{CertSource, InboundLevel, OutboundLevel, Role};
    use crate::version::{PostfixVersion, Preset};

    fn changed() -> Options {
        let mut o = Options::default();
        o.apply_preset(Preset::Debian12);
        o.role = Role::Relay;
        o.inbound = InboundLevel::Encrypt;
        o.outbound = OutboundLevel::Dane;
        o.certificate.source = CertSource::LetsEncrypt;
        o.certificate.domain = String::from("mx1.example.org");
        o.relayhost.enabled = true;
        o.comments = true;
        o
    }

    #[test]
    fn defaults_encode_to_an_empty_object() {
        assert_eq!(encode(&Options::default()), "v1.e30");
        assert_eq!(decode("#v1.e30"), Ok(Options::default()));
    }

    #[test]
    fn changed_options_round_trip_and_stay_short() {
        let o = changed();
        let fragment = encode(&o);
        assert!(fragment.len() < 400, "{} chars: {fragment}", fragment.len());
        assert!(fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(decode(&fragment), Ok(o.clone()));
        assert_eq!(decode(&format!("#{fragment}")), Ok(o));
    }

    #[test]
    fn only_changed_nested_fields_are_kept() {
        let mut o = Options::default();
        o.certificate.domain = String::from("mx.example.org");
        let json = minimal_json(&o);
        assert_eq!(json, r#"{"certificate":{"domain":"mx.example.org"}}"#);
    }

    #[test]
    fn garbage_is_refused_with_a_reason() {
        assert_eq!(decode(""), Err(ShareError::UnknownFormat));
        assert_eq!(decode("#"), Err(ShareError::UnknownFormat));
        assert_eq!(
            decode("<script>alert(1)</script>"),
            Err(ShareError::UnknownFormat)
        );
        assert_eq!(decode("v1.<img src=x>"), Err(ShareError::NotBase64));
        assert_eq!(decode("v1.%%%"), Err(ShareError::NotBase64));
        // Valid base64 of bytes that are not UTF-8.
        assert_eq!(decode("v1.__79"), Err(ShareError::NotBase64));
        assert_eq!(
            decode(&"v1.A".repeat(2000)),
            Err(ShareError::TooLong(MAX_FRAGMENT))
        );
    }

    #[test]
    fn wrong_json_is_refused() {
        let wrap = |json: &str| format!("v1.{}", URL_SAFE_NO_PAD.encode(json));
        for bad in [
            "[]",
            "42",
            "null",
            "\"x\"",
            "{",
            r#"{"postfix":"9.9"}"#,
            r#"{"inbound":"verschlüsseln"}"#,
            r#"{"submission":"ja"}"#,
            r#"{"certificate":[1,2]}"#,
        ] {
            assert!(
                matches!(decode(&wrap(bad)), Err(ShareError::NotOptions(_))),
                "{bad}"
            );
        }
        let deep = format!("{}{}", "[".repeat(3000), "]".repeat(3000));
        assert!(decode(&wrap(&deep)).is_err());
    }

    #[test]
    fn unknown_fields_fall_back_to_defaults() {
        let json = r#"{"postfix":"3.6","from_the_future":true}"#;
        let o = import_json(json).expect("options");
        assert_eq!(o.postfix, PostfixVersion::new(3, 6));
        assert_eq!(o.inbound, Options::default().inbound);
    }

    #[test]
    fn export_json_imports_back() {
        let o = changed();
        assert_eq!(import_json(&o.to_json()), Ok(o));
        assert!(import_json(&" ".repeat(MAX_JSON + 1)).is_err());
    }

    #[test]
    fn every_error_has_both_languages() {
        for e in [
            ShareError::TooLong(4096),
            ShareError::UnknownFormat,
            ShareError::NotBase64,
            ShareError::NotOptions(String::from("x")),
        ] {
            let m = e.message();
            use crate::lang::Lang;
            assert!(!m.get(Lang::En).is_empty() && m.get(Lang::En) != m.get(Lang::De));
        }
    }
}
