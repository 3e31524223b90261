//! The page's static copy: the default page in English, rendered at build time into
//! index.html, so that the generated configuration is on screen before the WebAssembly has
//! loaded.
//!
//! The copy is the app's own components rendered by Yew's server renderer (one source of
//! truth), placed in `<div id="prerender" inert>`: it shows, but cannot be used. The app
//! removes it once it has drawn itself. static/boot.js hides it beforehand when the page
//! will not start from the defaults in English (a share link, saved choices, German).

/// The id of the element that holds the static copy.
pub const ID: &str = "prerender";

#[cfg(feature = "prerender")]
pub use build::main;

#[cfg(feature = "prerender")]
mod build {
    use super::ID;
    use crate::page::Page;
    use crate::{App, AppProps};
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
            .and_then(|html| fill(&html, &render()?))
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
    fn render() -> Result<String, String> {
        let renderer = yew::ServerRenderer::<App>::with_props(|| AppProps {
            initial: Page::default(),
        })
        .hydratable(false);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("no async runtime: {e}"))?;
        Ok(runtime.block_on(renderer.render()))
    }

    /// Puts `copy` into the one empty element with the copy's id.
    pub(super) fn fill(html: &str, copy: &str) -> Result<String, String> {
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
        Ok(format!("{}{copy}{}", &html[..open_end], &html[open_end..]))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_copy_goes_into_the_empty_element() {
            let html = r#"<body><div id="prerender" inert></div><p>x</p></body>"#;
            assert_eq!(
                fill(html, "<main>page</main>").as_deref(),
                Ok(r#"<body><div id="prerender" inert><main>page</main></div><p>x</p></body>"#)
            );
        }

        #[test]
        fn a_filled_or_missing_element_is_refused() {
            assert!(fill("<body></body>", "x").is_err());
            assert!(fill(r#"<div id="prerender">old</div>"#, "x").is_err());
            let twice = r#"<div id="prerender"></div><div id="prerender"></div>"#;
            assert!(fill(twice, "x").is_err());
        }

        #[test]
        fn the_copy_is_the_default_page_with_its_configuration() {
            let copy = render().expect("rendered");
            assert!(copy.contains("smtpd_tls_security_level"), "{copy}");
            assert!(copy.contains("<main id=\"main\">"), "{copy}");
            assert!(!copy.contains("<!--"), "no hydration markers: {copy}");
        }
    }
}
