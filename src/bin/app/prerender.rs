//! The page's static copy: the default page, rendered at build time into index.html, so that
//! the generated configuration is on screen before the WebAssembly has loaded.
//!
//! The copy is the app's own components rendered by Yew's server renderer (one source of
//! truth), placed in `<div id="prerender" inert>`. The app draws itself beside it, in
//! `<div id="app">` (hidden while the copy is there), and removes it once it has drawn
//! itself (`hand_over`). index.html holds the English copy only; the copy in another language waits in a
//! file (`copy-LANG-HASH.html`, named by the link `#prerender-copy-LANG`), which
//! static/boot.js fetches for a browser in that language only and swaps in: an English visit
//! moves and parses no German, and a German one pays a round trip before its first paint.
//! boot.js hides the copy when the page will not start from the defaults (a share link, saved
//! choices).
//!
//! Without JavaScript the copy stays inert. With it, boot.js lets the copy's controls be used
//! before the WebAssembly has arrived: it keeps what was clicked and typed and replays it on
//! the app once it has started, so no click is lost. The switch beside the output ("Explain
//! each line") is answered at once: the output's column of the page with it flipped, rendered
//! here too, is in index.html for English (`<template id="prerender-answers-en">` before the
//! copy) and waits in a file for another language (`answers-LANG-HASH.html`, named by the
//! link `#prerender-answers-LANG`) that boot.js fetches as soon as it runs, ahead of the rest
//! of the WebAssembly. Other changes dim the output until the app shows it.

/// The id of the element that holds the static copy.
pub const ID: &str = "prerender";

/// Where the static copy is in the app's hand-over, one step per render of the app.
pub enum Handover {
    /// On screen, the app drawn but hidden beside it.
    Shown,
    /// What was changed on the copy is being replayed on the app's controls.
    Replaying,
    /// Removed.
    Gone,
}

/// After a render of the app: the first one tells static/boot.js (the event `STARTED`) to
/// replay what was changed on the copy, on the app's controls. When it did, the copy stays
/// on screen until the app has drawn those changes, at its next render: Yew may let the
/// browser draw a frame in between, which must not show the defaults.
pub fn hand_over(step: &mut Handover) {
    const STARTED: &str = "postfix-tls-started";
    let document = gloo::utils::document();
    match step {
        Handover::Gone => return,
        Handover::Shown => {
            let init = web_sys::EventInit::new();
            init.set_cancelable(true);
            let replayed = web_sys::Event::new_with_event_init_dict(STARTED, &init)
                .ok()
                .and_then(|started| document.dispatch_event(&started).ok())
                // `false`: the listener cancelled the event, having replayed changes.
                == Some(false);
            if replayed {
                *step = Handover::Replaying;
                return;
            }
        }
        Handover::Replaying => {}
    }
    if let Some(copy) = document.get_element_by_id(ID) {
        copy.remove();
    }
    *step = Handover::Gone;
}

/// The id stem of the answers, one per language (the `<template>` of index.html's language,
/// the `<link>`s naming the files of the others): for each answered switch, the element of the default page that flipping it changes, as it is then
/// drawn, in a `<template data-control data-checked data-element>` (the element's id).
#[cfg(feature = "prerender")]
const ANSWERS_LINK_ID: &str = "prerender-answers";

/// The id stem of the `<link>`s naming the copy in each language but English, whose
/// `data-title` is the page title in that language.
#[cfg(feature = "prerender")]
const COPY_LINK_ID: &str = "prerender-copy";

#[cfg(feature = "prerender")]
pub use build::main;

#[cfg(feature = "prerender")]
mod build {
    use super::{ANSWERS_LINK_ID, COPY_LINK_ID, ID};
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
            .and_then(|html| fill(&html, &render(Lang::En)?))
            .and_then(|html| {
                let dir = std::path::Path::new(&path)
                    .parent()
                    .unwrap_or(std::path::Path::new("."));
                let html = crate::reference::write_data(&html, dir)?;
                let html = crate::messages::write_file(&html, dir)?;
                let html = write_copies(&html, dir)?;
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

    /// The element an answer replaces: the output's column, which holds the answered switches
    /// and everything they change. A smaller answer moves, parses and lays out faster.
    const ANSWER_ELEMENT: &str = crate::generate::RESULTS;

    /// For each answered switch, the default page's `ANSWER_ELEMENT` as the page with that
    /// switch flipped draws it, in one language. Refused when the flip changes anything
    /// outside it: the copy would then show a page the app never draws.
    pub(super) fn answers(lang: Lang) -> Result<String, String> {
        let default = render(lang)?;
        let (start, end) = element(&default, ANSWER_ELEMENT)?;
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
            let flipped = render_page(page)?;
            let (flipped_start, flipped_end) = element(&flipped, ANSWER_ELEMENT)?;
            if default[..start] != flipped[..flipped_start]
                || default[end..] != flipped[flipped_end..]
            {
                return Err(format!(
                    "{field:?} changes the page outside the element `{ANSWER_ELEMENT}`"
                ));
            }
            file.push_str(&format!(
                "<template data-control=\"{}\" data-checked=\"{checked}\" data-element=\"{ANSWER_ELEMENT}\">{}</template>\n",
                control_id(field),
                &flipped[flipped_start..flipped_end]
            ));
        }
        Ok(file)
    }

    /// Where the one element with `id` is in rendered HTML: from the start of its start tag
    /// to the end of its end tag. Rendered HTML escapes `<` in text and attribute values, so
    /// every `<` opens a tag.
    fn element(html: &str, id: &str) -> Result<(usize, usize), String> {
        let marker = format!(" id=\"{id}\"");
        let mut found = html.match_indices(&marker);
        let (Some((at, _)), None) = (found.next(), found.next()) else {
            return Err(format!("expected exactly one element with{marker}"));
        };
        let start = html[..at].rfind('<').ok_or("an id outside a tag")?;
        let name: String = html[start + 1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let (open, close) = (format!("<{name}"), format!("</{name}>"));
        let mut depth = 0usize;
        let mut at = start;
        while let Some(offset) = html[at..].find('<') {
            let tag = at + offset;
            let rest = &html[tag..];
            if rest.starts_with(&close) {
                depth = depth
                    .checked_sub(1)
                    .ok_or("an end tag before the start tag")?;
                at = tag + close.len();
                if depth == 0 {
                    return Ok((start, at));
                }
            } else if rest.starts_with(&open) && rest[open.len()..].starts_with([' ', '>']) {
                depth += 1;
                at = tag + open.len();
            } else {
                at = tag + 1;
            }
        }
        Err(format!("the element with{marker} is not closed"))
    }

    /// How index.html loads boot.js.
    const BOOT_SCRIPT: &str = r#"<script src="boot.js"></script>"#;

    /// Writes `content` beside index.html under a name of its content (the service worker
    /// serves files from its cache first) and returns the `rel="alternate"` link that names
    /// it, which the browser does not fetch by itself. A language other than English gets
    /// `hreflang`: the service worker caches such a file only for a browser in that language.
    fn write_linked(
        dir: &std::path::Path,
        (stem, link_id): (&str, &str),
        lang: Lang,
        content: &str,
        attributes: &str,
    ) -> Result<String, String> {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        content.hash(&mut hasher);
        let name = format!("{stem}-{}-{:016x}.html", lang.tag(), hasher.finish());
        std::fs::write(dir.join(&name), content).map_err(|e| format!("{name}: {e}"))?;
        let hreflang = match lang {
            Lang::En => String::new(),
            other => format!(r#" hreflang="{}""#, other.tag()),
        };
        Ok(format!(
            r#"<link rel="alternate" type="text/html"{hreflang} id="{link_id}-{}" href="{name}"{attributes}>"#,
            lang.tag()
        ))
    }

    /// Puts links before boot.js, which looks for them as soon as it runs.
    fn before_boot(html: &str, links: &str) -> Result<String, String> {
        match html.find(BOOT_SCRIPT) {
            Some(at) => Ok(format!("{}{links}{}", &html[..at], &html[at..])),
            None => Err(format!("expected {BOOT_SCRIPT}")),
        }
    }

    /// Writes the copy in each language but English beside index.html, each named in a link
    /// with the page title in that language (plain text, written into an attribute as is).
    fn write_copies(html: &str, dir: &std::path::Path) -> Result<String, String> {
        if html.contains(COPY_LINK_ID) {
            return Err(String::from("the copies are linked already"));
        }
        let mut links = String::new();
        for &lang in Lang::ALL.iter().filter(|&&lang| lang != Lang::En) {
            let title = format!(r#" data-title="{}""#, chrome::TITLE.get(lang));
            links.push_str(&write_linked(
                dir,
                ("copy", COPY_LINK_ID),
                lang,
                &render(lang)?,
                &title,
            )?);
        }
        before_boot(html, &links)
    }

    /// Puts the answers in index.html's language (English) into the page, in a `<template>`
    /// just before the copy, whose id is the answers' link id: they are there as soon as the
    /// copy is, with no request that could come after the copy's first paint. The answers in
    /// another language are written beside index.html, a file per language, each named in a
    /// link: boot.js fetches the visitor's language.
    fn write_answers(html: &str, dir: &std::path::Path) -> Result<String, String> {
        if html.contains(ANSWERS_LINK_ID) {
            return Err(String::from("the answers are linked already"));
        }
        let mut links = String::new();
        for &lang in Lang::ALL.iter().filter(|&&lang| lang != Lang::En) {
            links.push_str(&write_linked(
                dir,
                ("answers", ANSWERS_LINK_ID),
                lang,
                &answers(lang)?,
                "",
            )?);
        }
        let html = before_boot(html, &links)?;
        let copy = format!("<div id=\"{ID}\"");
        let at = html.find(&copy).ok_or_else(|| format!("expected {copy}"))?;
        Ok(format!(
            "{}<template id=\"{ANSWERS_LINK_ID}-{}\">{}</template>{}",
            &html[..at],
            Lang::En.tag(),
            answers(Lang::En)?,
            &html[at..]
        ))
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
        let (before, after) = html.split_at(open_end);
        let after = &after[close.len()..];
        Ok(format!("{before}{copy}{close}{after}"))
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
            let head = r#"<template data-control="field-comments" data-checked="true" data-element="results">"#;
            for &lang in Lang::ALL {
                // The answer in place of the default page's output column is what the app
                // draws for the choices with the switch on.
                let mut page = Page {
                    lang,
                    ..Page::default()
                };
                page.options.edit(Edit::Switch(Field::Comments, true));
                let drawn = render_page(page).expect("rendered");
                let default = render(lang).expect("rendered");
                let file = answers(lang).expect("rendered");
                let answer = file
                    .strip_prefix(head)
                    .and_then(|rest| rest.strip_suffix("</template>\n"))
                    .unwrap_or_else(|| panic!("one template: {file}"));
                assert!(answer.starts_with(r#"<div id="results""#), "{answer}");
                let (start, end) = element(&default, "results").expect("found");
                assert_eq!(
                    format!("{}{answer}{}", &default[..start], &default[end..]),
                    drawn
                );
                assert_ne!(drawn, default);
            }
            assert!(answers(Lang::De)
                .expect("rendered")
                .contains(">Konfiguration<"));
        }

        #[test]
        fn an_element_ends_at_its_own_end_tag() {
            let html = r#"<p><div id="a"><div>x</div><divx></divx></div><div>y</div></p>"#;
            let (start, end) = element(html, "a").expect("found");
            assert_eq!(
                &html[start..end],
                r#"<div id="a"><div>x</div><divx></divx></div>"#
            );
            assert!(element(html, "b").is_err(), "missing");
            assert!(
                element(r#"<div id="a"><div></div>"#, "a").is_err(),
                "not closed"
            );
            let twice = r#"<div id="a"></div><div id="a"></div>"#;
            assert!(element(twice, "a").is_err(), "twice");
        }

        /// The names of the files in a folder.
        fn file_names(dir: &std::path::Path) -> Vec<String> {
            std::fs::read_dir(dir)
                .expect("listed")
                .map(|entry| {
                    entry
                        .expect("entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        }

        #[test]
        fn only_the_english_copy_is_in_the_page_and_the_others_are_linked_files() {
            let dir = std::env::temp_dir().join(format!("prerender-copies-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("dir");
            let page = format!("<head>{BOOT_SCRIPT}</head>");
            let html = write_copies(&page, &dir).expect("written");
            let files = file_names(&dir);
            let german = files
                .iter()
                .find(|name| name.starts_with("copy-de-"))
                .map(|name| std::fs::read_to_string(dir.join(name)).expect("read"));
            std::fs::remove_dir_all(&dir).ok();
            assert_eq!(files.len(), 1, "{files:?}");
            assert_eq!(german, Some(render(Lang::De).expect("rendered")));
            assert_eq!(
                html,
                format!(
                    r#"<head><link rel="alternate" type="text/html" hreflang="de" id="prerender-copy-de" href="{}" data-title="Postfix-TLS-Konfiguration">{BOOT_SCRIPT}</head>"#,
                    files[0]
                )
            );
            assert!(write_copies(&html, &dir).is_err(), "linked twice");
        }

        #[test]
        fn the_english_answers_are_in_the_page_before_the_copy_and_the_others_are_linked_files() {
            let dir =
                std::env::temp_dir().join(format!("prerender-answers-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("dir");
            let page = format!("<head>{BOOT_SCRIPT}</head><body><div id=\"{ID}\" inert></div>");
            let html = write_answers(&page, &dir).expect("written");
            let files = file_names(&dir);
            let german = files
                .iter()
                .find(|name| name.starts_with("answers-de-"))
                .map(|name| std::fs::read_to_string(dir.join(name)).expect("read"));
            std::fs::remove_dir_all(&dir).ok();
            assert_eq!(files.len(), 1, "{files:?}");
            assert_eq!(german, Some(answers(Lang::De).expect("rendered")));
            assert_eq!(
                html,
                format!(
                    r#"<head><link rel="alternate" type="text/html" hreflang="de" id="prerender-answers-de" href="{}">{BOOT_SCRIPT}</head><body><template id="prerender-answers-en">{}</template><div id="{ID}" inert></div>"#,
                    files[0],
                    answers(Lang::En).expect("rendered")
                )
            );
            assert!(write_answers(&html, &dir).is_err(), "written twice");
        }

        #[test]
        fn the_german_title_needs_no_escaping_in_an_attribute() {
            let title = chrome::TITLE.get(Lang::De);
            assert!(!title.contains(['"', '<', '&']), "{title}");
        }
    }
}
