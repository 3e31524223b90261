//! The page's static copy: the default page, rendered at build time into index.html, so that
//! the generated configuration is on screen before the WebAssembly has loaded.
//!
//! The copy is the app's own components rendered by Yew's server renderer (one source of
//! truth), placed in `<div id="prerender" inert>`: it shows, but cannot be used. The app
//! removes it once it has drawn itself. The German copy follows in a
//! `<template id="prerender-de">`, which static/boot.js swaps in for a German browser; boot.js
//! hides the copy when the page will not start from the defaults (a share link, saved
//! choices).

/// The id of the element that holds the static copy.
pub const ID: &str = "prerender";

/// The id of the template with the German copy; its `data-title` is the German page title.
pub const GERMAN_ID: &str = "prerender-de";

#[cfg(feature = "prerender")]
pub use build::main;

#[cfg(feature = "prerender")]
mod build {
    use super::{GERMAN_ID, ID};
    use crate::chrome;
    use crate::page::Page;
    use crate::{App, AppProps};
    use postfix_tls::lang::Lang;
    use std::process::ExitCode;

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
                crate::reference::write_data(&html, dir)
                    .and_then(|html| crate::messages::write_file(&html, dir))
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
        fn the_german_title_needs_no_escaping_in_an_attribute() {
            let title = chrome::TITLE.get(Lang::De);
            assert!(!title.contains(['"', '<', '&']), "{title}");
        }
    }
}
