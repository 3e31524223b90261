//! The messages of languages other than English: not in the wasm, but in a file beside
//! index.html (messages/de.po as `de-HASH.po`, written by the post-build hook), named in the
//! page's head. The browser does not fetch it with the page; the service worker caches it
//! with the page's other files, and the app fetches it the first time the language is
//! wanted (a German browser, or the language switch). Until it is there, texts show in
//! English.

use postfix_tls::lang::{self, Lang};
use yew::prelude::*;

/// The id of the `<link>` that names the German messages.
pub const GERMAN_LINK_ID: &str = "messages-de";

/// Loads the messages of the page's language when they are not there yet; the component
/// draws itself again when the fetch is over. True once a fetch has ended, also a failed one
/// (offline before the file was ever cached: the page stays in English).
#[hook]
pub fn use_messages(lang: Lang) -> bool {
    let fetched = use_state(|| false);
    let done = fetched.setter();
    use_effect_with(lang, move |&lang| {
        #[cfg(not(feature = "prerender"))]
        if !lang::ready(lang) {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(po) = crate::linked::fetch_text(GERMAN_LINK_ID).await {
                    lang::install(lang, &po).ok();
                }
                done.set(true);
            });
        }
        #[cfg(feature = "prerender")]
        let _ = (lang, done);
    });
    *fetched
}

/// Writes the German messages beside a built index.html as `de-HASH.po` and names the file
/// in the page's head (the post-build hook, with the static copy).
#[cfg(feature = "prerender")]
pub fn write_file(html: &str, dir: &std::path::Path) -> Result<String, String> {
    use std::hash::{Hash, Hasher};
    let po = lang::GERMAN_PO;
    // A new name for new content: the service worker serves files from its cache first.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    po.hash(&mut hasher);
    let name = format!("de-{:016x}.po", hasher.finish());
    std::fs::write(dir.join(&name), po).map_err(|e| format!("{name}: {e}"))?;
    link_file(html, &name)
}

/// Names the file in the page's head. `rel="alternate"` with `hreflang`: the page in
/// another language, which the browser does not fetch with the page.
#[cfg(feature = "prerender")]
fn link_file(html: &str, name: &str) -> Result<String, String> {
    let tag = format!(
        r#"<link rel="alternate" type="text/x-gettext-translation" hreflang="de" id="{GERMAN_LINK_ID}" href="{name}">"#
    );
    match html.find("</head>") {
        Some(at) if !html.contains(GERMAN_LINK_ID) => {
            Ok(format!("{}{tag}{}", &html[..at], &html[at..]))
        }
        _ => Err(String::from(
            "expected one </head> and no messages link yet",
        )),
    }
}

#[cfg(all(test, feature = "prerender"))]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_in_the_head_once() {
        let html = link_file("<head></head>", "de-1.po").expect("linked");
        assert_eq!(
            html,
            r#"<head><link rel="alternate" type="text/x-gettext-translation" hreflang="de" id="messages-de" href="de-1.po"></head>"#
        );
        assert!(link_file(&html, "de-2.po").is_err());
    }

    #[test]
    fn the_file_written_is_the_german_messages() {
        let dir = std::env::temp_dir().join(format!("postfix-tls-messages-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let html = write_file("<head></head>", &dir).expect("written");
        let name = html
            .split("href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("href");
        let written = std::fs::read_to_string(dir.join(name)).expect("file");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(written, lang::GERMAN_PO);
        let messages = lang::Messages::parse(&written).expect("parsed");
        assert!(messages.keys().count() > 0);
    }
}
