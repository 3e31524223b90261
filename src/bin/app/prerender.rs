//! The page's static copy: the default page, rendered at build time into index.html, so that
//! the generated configuration is on screen before the WebAssembly has loaded.
//!
//! The copy is the app's own components rendered by Yew's server renderer (one source of
//! truth), placed in `<div id="prerender" inert>`. The app removes it once it has drawn
//! itself. The German copy follows in a `<template id="prerender-de">`, which static/boot.js
//! swaps in for a German browser; boot.js hides the copy when the page will not start from the
//! defaults (a share link, saved choices).
//!
//! Without JavaScript the copy stays inert. With it, boot.js lets the copy's controls be used
//! before the WebAssembly has arrived: it keeps what was clicked and typed and replays it on
//! the app once it has started, so no click is lost. The switch beside the output ("Explain
//! each line") is answered at once: the page with it flipped, rendered here too, waits in a
//! file per language (`answers-LANG-HASH.html`, named by the link `#prerender-answers-LANG`)
//! that boot.js fetches once the page is parsed, ahead of the rest of the WebAssembly (7 KB
//! gzip). Other changes dim the output until the app shows it.

/// The id of the element that holds the static copy.
pub const ID: &str = "prerender";

/// The id of the template with the German copy; its `data-title` is the German page title.
pub const GERMAN_ID: &str = "prerender-de";

/// The id stem of the `<link>`s naming the files of answers, one per language: the default
/// page with one switch flipped, each in a `<template data-control data-checked>`.
#[cfg(feature = "prerender")]
const ANSWERS_LINK_ID: &str = "prerender-answers";

#[cfg(feature = "prerender")]
pub use build::main;

#[cfg(feature = "prerender")]
mod build {
    use super::{ANSWERS_LINK_ID, GERMAN_ID, ID};
    use crate::chrome;
    use crate::controls::control_id;
    use crate::page::Page;
    use crate::{App, AppProps};
    use postfix_tls::edit::Edit;
    use postfix_tls::fields::{Control, Field};
    use postfix_tls::lang::Lang;
    use std::process::ExitCode;

    /// The switches the copy answers itself: the one beside the output, which only changes
    /// how the output reads. Their state and edit come from the option table.
    const ANSWERED: [Field; 1] = [Field::Comments];

    /// `app INDEX_HTML`: fills the empty copy element of a built index.html in place.
    pub fn main() -> ExitCode {
        let Some(path) = std::env::args_os().nth(1) else {
            eprintln!(
                "usage: app INDEX_HTML (fills <div id=\"{ID}\" ...></div> with the default page)"
            );
            return ExitCode::from(2);
        };
        let result = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|html| fill(&html, &render(Lang::En)?, &render(Lang::De)?))
            .and_then(|html| {
                let dir = std::path::Path::new(&path)
                    .parent()
                    .unwrap_or(std::path::Path::new("."));
                let html = crate::reference::write_data(&html, dir)?;
                write_answers(&html, dir)
            })
            .and_then(|html| std::fs::write(&path, html).map_err(|e| e.to_string()));
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(why) => {
                eprintln!("prerender: {}: {why}", path.to_string_lossy());
                ExitCode::FAILURE
            }
        }
    }

    /// The default page as HTML, without Yew's hydration markers (the app renders afresh).
    fn render(lang: Lang) -> Result<String, String> {
        render_page(Page {
            lang,
            ..Page::default()
        })
    }

    /// A page as HTML.
    fn render_page(initial: Page) -> Result<String, String> {
        let renderer =
            yew::ServerRenderer::<App>::with_props(move || AppProps { initial }).hydratable(false);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("no async runtime: {e}"))?;
        Ok(runtime.block_on(renderer.render()))
    }

    /// The default page with each answered switch flipped, in one language.
    pub(super) fn answers(lang: Lang) -> Result<String, String> {
        let mut file = String::new();
        for field in ANSWERED {
            let mut page = Page {
                lang,
                ..Page::default()
            };
            let Control::Switch { get, .. } = field.row().control else {
                return Err(format!("{field:?} is not a switch"));
            };
            let checked = !get(&page.options);
            page.options.edit(Edit::Switch(field, checked));
            file.push_str(&format!(
                "<template data-control=\"{}\" data-checked=\"{checked}\">{}</template>\n",
                control_id(field),
                render_page(page)?
            ));
        }
        Ok(file)
    }

    /// How index.html loads boot.js.
    const BOOT_SCRIPT: &str = r#"<script src="boot.js"></script>"#;

    /// Writes the answers beside index.html, a file per language under a name of its content
    /// (the service worker serves files from its cache first), each named in a
    /// `rel="alternate"` link, which the browser does not fetch by itself: boot.js fetches the
    /// visitor's language, and the service worker caches both with the page.
    fn write_answers(html: &str, dir: &std::path::Path) -> Result<String, String> {
        use std::hash::{Hash, Hasher};
        if html.contains(ANSWERS_LINK_ID) {
            return Err(String::from("the answers are linked already"));
        }
        let mut links = String::new();
        for &lang in Lang::ALL {
            let answers = answers(lang)?;
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            answers.hash(&mut hasher);
            let name = format!("answers-{}-{:016x}.html", lang.tag(), hasher.finish());
            std::fs::write(dir.join(&name), answers).map_err(|e| format!("{name}: {e}"))?;
            links.push_str(&format!(
                r#"<link rel="alternate" type="text/html" id="{ANSWERS_LINK_ID}-{}" href="{name}">"#,
                lang.tag()
            ));
        }
        // Before boot.js, which looks for them.
        match html.find(BOOT_SCRIPT) {
            Some(at) => Ok(format!("{}{links}{}", &html[..at], &html[at..])),
            None => Err(format!("expected {BOOT_SCRIPT}")),
        }
    }

    /// Puts `copy` into the one empty element with the copy's id, and `german` in a template
    /// after it, with the German page title (plain text, written into an attribute as is).
    pub(super) fn fill(html: &str, copy: &str, german: &str) -> Result<String, String> {
        let marker = format!("id=\"{ID}\"");
        let mut found = html.match_indices(&marker);
        let (Some((at, _)), None) = (found.next(), found.next()) else {
            return Err(format!("expected exactly one element with {marker}"));
        };
        let open_end = at + html[at..].find('>').ok_or("unclosed copy element")? + 1;
        let close = "</div>";
        if !html[open_end..].starts_with(close) {
            return Err(format!("the element with {marker} is not empty"));
        }
        let (before, after) = html.split_at(open_end);
        let after = &after[close.len()..];
        Ok(format!(
            "{before}{copy}{close}<template id=\"{GERMAN_ID}\" data-title=\"{}\">{german}</template>{after}",
            chrome::TITLE.get(Lang::De)
        ))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_copy_goes_into_the_empty_element() {
            let html = r#"<body><div id="prerender" inert></div><p>x</p></body>"#;
            assert_eq!(
                fill(html, "<main>page</main>", "<main>Seite</main>").as_deref(),
                Ok(concat!(
                    r#"<body><div id="prerender" inert><main>page</main></div>"#,
                    r#"<template id="prerender-de" data-title="Postfix-TLS-Konfiguration">"#,
                    r#"<main>Seite</main></template><p>x</p></body>"#
                ))
            );
        }

        #[test]
        fn a_filled_or_missing_element_is_refused() {
            assert!(fill("<body></body>", "x", "y").is_err());
            assert!(fill(r#"<div id="prerender">old</div>"#, "x", "y").is_err());
            let twice = r#"<div id="prerender"></div><div id="prerender"></div>"#;
            assert!(fill(twice, "x", "y").is_err());
        }

        #[test]
        fn the_copies_are_the_default_page_with_its_configuration() {
            let copy = render(Lang::En).expect("rendered");
            assert!(copy.contains("smtpd_tls_security_level"), "{copy}");
            assert!(copy.contains("<main id=\"main\">"), "{copy}");
            assert!(copy.contains(">Generate<"), "{copy}");
            assert!(!copy.contains("<!--"), "no hydration markers: {copy}");
            let german = render(Lang::De).expect("rendered");
            assert!(german.contains("smtpd_tls_security_level"), "{german}");
            assert!(german.contains(">Erzeugen<"), "{german}");
        }

        #[test]
        fn the_commands_come_first_and_nothing_says_add_or_overwrites_a_real_file() {
            let copy = render(Lang::En).expect("rendered");
            let at = |needle: &str| copy.find(needle).unwrap_or_else(|| panic!("{needle}"));
            assert!(at("id=\"postconf-heading\"") < at("id=\"main-cf-heading\""));
            assert!(at("id=\"main-cf-heading\"") < at("id=\"master-cf-heading\""));
            assert!(!copy.contains("Add to /etc/postfix"), "{copy}");
            assert!(copy.contains("replace each line that sets one of these parameters"));
            assert!(
                copy.contains("title=\"Saves as main.cf.postfix-tls\""),
                "{copy}"
            );
            assert!(
                copy.contains("title=\"Saves as master.cf.postfix-tls\""),
                "{copy}"
            );
            assert!(!copy.contains("Saves as main.cf\""), "{copy}");
            // The default is Let's Encrypt with Dovecot: both other sides are shown.
            assert!(
                copy.contains("certbot: reload Postfix after each renewal"),
                "{copy}"
            );
            assert!(
                copy.contains("unix_listener /var/spool/postfix/private/auth"),
                "{copy}"
            );
        }

        #[test]
        fn a_debian_preset_offers_the_whole_stock_files_and_their_diff() {
            let mut page = Page::default();
            page.options
                .apply_preset(postfix_tls::version::Preset::Debian12);
            let copy = render_page(page).expect("rendered");
            assert!(copy.contains("<details class=\"stock-files\">"), "{copy}");
            assert!(
                copy.contains("main.cf diff (Debian 12 (bookworm))"),
                "{copy}"
            );
            assert!(
                copy.contains("title=\"Saves as main.cf.postfix-tls-full\""),
                "{copy}"
            );
            // The snakeoil pair is removed from the stock file in the diff.
            assert!(
                copy.contains("\n-smtpd_tls_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\n"),
                "{copy}"
            );
            // No stock files known: nothing offered.
            assert!(!render(Lang::En).expect("rendered").contains("stock-files"));
        }

        #[test]
        fn the_answers_are_the_page_with_the_switch_flipped() {
            let head = r#"<template data-control="field-comments" data-checked="true">"#;
            for &lang in Lang::ALL {
                // The answer is what the app draws for the choices with the switch on.
                let mut page = Page {
                    lang,
                    ..Page::default()
                };
                page.options.edit(Edit::Switch(Field::Comments, true));
                let drawn = render_page(page).expect("rendered");
                assert_eq!(
                    answers(lang).expect("rendered"),
                    format!("{head}{drawn}</template>\n")
                );
                assert_ne!(drawn, render(lang).expect("rendered"));
            }
            assert!(answers(Lang::De).expect("rendered").contains(">Erzeugen<"));
        }

        #[test]
        fn the_german_title_needs_no_escaping_in_an_attribute() {
            let title = chrome::TITLE.get(Lang::De);
            assert!(!title.contains(['"', '<', '&']), "{title}");
        }
    }
}
