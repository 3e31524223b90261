//! The "Reference" view: every parameter the tool knows about TLS, SASL and mail transport
//! security, searchable while typing, each entry linkable as `#ref/NAME`.
//!
//! The entries are not in the WebAssembly: the build writes them as `reference-HASH.json`
//! beside index.html (the post-build hook, [`write_data`]) and names the file in a
//! `<link id="reference-data">` of the page, which the service worker caches with the rest of
//! the page. The view fetches it the first time it is opened.

use crate::page::{Action, Tab};
use postfix_tls::lang::{Lang, Text};
use postfix_tls::options::Options;
use postfix_tls::params;
#[cfg(not(feature = "prerender"))]
use postfix_tls::reference::DataFile;
use postfix_tls::reference::{postconf_url, search, Card, Data as Loaded, GuideSection};
use postfix_tls::text;
use postfix_tls::version::PostfixVersion;
use std::rc::Rc;
use yew::prelude::*;

/// The fragment that opens an entry: `#ref/smtp_tls_security_level`.
pub const LINK_PREFIX: &str = "ref/";

/// The id of the `<link>` that names the data file.
pub const DATA_LINK_ID: &str = "reference-data";

/// How many matches are listed at once; the search narrows the rest.
const SHOWN: usize = 60;

static TITLE: Text = text!("Parameter reference");
static LEAD: Text = text!(
    "What each TLS, SASL and transport-security parameter does, its default in each Postfix version (measured from the real binaries where this tool has them, else as postconf(5) states it, and marked which), the values it takes, and which choices and checks of this page use it.",
);
static SEARCH: Text = text!("Search by name or words");
static VERSION: Text = text!("Defaults of Postfix");
static LOADING: Text = text!("Loading the reference…");
static FAILED: Text = text!(
    "The reference could not be loaded. Open this page once while online; it then works offline.",
);
static MATCHES: Text = text!("matches");
static NONE_FOUND: Text = text!("No parameter matches.");
static PICK: Text = text!("Pick a parameter to see its entry.",);
static UNKNOWN_ENTRY: Text = text!("The reference has no entry of this name.",);
static DEFAULT: Text = text!("Default");
static EMPTY: Text = text!("(empty)");
static ABSENT: Text = text!("not in this version");
static FROM_PATCH: Text = text!("has it from");
static MEASURED: Text = text!("Measured with postconf -d of each version's real binary.",);
static SINCE: Text = text!("Available since");
static EVERY_RELEASE: Text = text!("every release this tool knows",);
static BACKPORTS: Text = text!("also in");
static VALUES: Text = text!("Values");
static WRITTEN_BY: Text = text!("Written by the choices");
static READ_BY: Text = text!("Read by the checks");
static DOCS: Text = text!("postconf(5)");
pub static IN_REFERENCE: Text = text!("In the reference:");
static GUIDE: Text = text!("Guide, task by task");
static OPEN_GENERATOR: Text = text!("Open in the generator with these choices",);

/// The entry a fragment names, if it is a reference link.
pub fn linked_name(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').strip_prefix(LINK_PREFIX)
}

/// The address of an entry, relative to the page.
pub fn link(name: &str) -> String {
    format!("#{LINK_PREFIX}{name}")
}

#[cfg(not(feature = "prerender"))]
fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Reference links work from anywhere on the page: following one opens the view. Leaving
/// the view puts the share link of the choices back in the address bar.
#[hook]
pub fn use_reference_links(tab: Tab, options: &Options, dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        #[cfg(not(feature = "prerender"))]
        let listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", {
            move |_| {
                if linked_name(&current_fragment()).is_some() {
                    dispatch.emit(Action::Tab(Tab::Reference));
                }
            }
        });
        #[cfg(feature = "prerender")]
        let listener = dispatch;
        move || drop(listener)
    });
    let options = options.clone();
    use_effect_with(tab, move |tab| {
        #[cfg(not(feature = "prerender"))]
        if *tab != Tab::Reference && linked_name(&current_fragment()).is_some() {
            crate::page::write_share_link(&options);
        }
        #[cfg(feature = "prerender")]
        let _ = (tab, options);
    });
}

/// The loaded entries. (The build that writes the static copy never loads them.)
#[cfg_attr(feature = "prerender", allow(dead_code))]
#[derive(Clone, PartialEq)]
enum Data {
    Loading,
    Ready(Rc<Loaded>),
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// For the guide's "Open in the generator".
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ReferenceView(props: &Props) -> Html {
    let lang = props.lang;
    let data = use_state(|| Data::Loading);
    let query = use_state(String::new);
    let version = use_state(|| PostfixVersion::LATEST);
    let selected = use_state(|| None::<String>);
    {
        let data = data.clone();
        use_effect_with((), move |_| {
            #[cfg(not(feature = "prerender"))]
            wasm_bindgen_futures::spawn_local(async move {
                data.set(match load().await {
                    Some(loaded) => Data::Ready(Rc::new(loaded)),
                    None => Data::Failed,
                });
            });
            #[cfg(feature = "prerender")]
            let _ = data;
        });
    }
    {
        let selected = selected.clone();
        use_effect_with((), move |_| {
            #[cfg(not(feature = "prerender"))]
            let listener = {
                let follow = move || {
                    let fragment = current_fragment();
                    if let Some(name) = linked_name(&fragment) {
                        selected.set(Some(name.to_string()));
                        if let Some(entry) = gloo::utils::document().get_element_by_id("ref-entry")
                        {
                            entry.scroll_into_view();
                        }
                    }
                };
                follow();
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    follow()
                })
            };
            #[cfg(feature = "prerender")]
            let listener = selected;
            move || drop(listener)
        });
    }
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let on_version = {
        let version = version.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            version.set(PostfixVersion::parse(&select.value()).unwrap_or(PostfixVersion::LATEST));
        })
    };
    let body = match &*data {
        Data::Loading => html! { <p role="status">{ LOADING.get(lang) }</p> },
        Data::Failed => html! { <p role="alert" class="notice problem">{ FAILED.get(lang) }</p> },
        Data::Ready(loaded) => {
            let cards = &loaded.cards;
            let found = search(cards, &query);
            let entry = selected
                .as_deref()
                .map(|name| cards.iter().find(|c| c.name == name));
            html! {
                <div class="ref-layout">
                    <div class="ref-results">
                        <p role="status" class="ref-count">
                            { format!("{} {}", found.len(), MATCHES.get(lang)) }
                        </p>
                        if found.is_empty() {
                            <p>{ NONE_FOUND.get(lang) }</p>
                        }
                        <ul class="ref-list">
                            { for found.iter().take(SHOWN).map(|card| html! {
                                <li>
                                    <a href={link(&card.name)}><code>{ &card.name }</code></a>
                                    <span class="ref-snippet">{ crate::diagnostics::inline_code(first_sentence(card.summary.get(lang))) }</span>
                                </li>
                            }) }
                        </ul>
                    </div>
                    <article class="ref-entry" id="ref-entry" tabindex="-1">
                        { match entry {
                            None => html! { <p>{ PICK.get(lang) }</p> },
                            Some(None) => html! {
                                <p>
                                    { UNKNOWN_ENTRY.get(lang) }{ " " }
                                    if let Some(name) = selected.as_deref() {
                                        <a href={postconf_url(name)} rel="noopener noreferrer">
                                            { format!("{} {name}", DOCS.get(lang)) }
                                        </a>
                                    }
                                </p>
                            },
                            Some(Some(card)) => entry_view(card, *version, lang),
                        } }
                    </article>
                </div>
            }
        }
    };
    html! {
        <div class="reference">
            <h2>{ TITLE.get(lang) }</h2>
            <p class="lead">{ LEAD.get(lang) }</p>
            <div class="ref-controls">
                <label class="field">
                    <span>{ SEARCH.get(lang) }</span>
                    <input type="search" id="ref-search" value={(*query).clone()} oninput={on_search}
                           autocomplete="off" spellcheck="false" />
                </label>
                if matches!(&*data, Data::Ready(_)) {
                    <label class="field">
                        <span>{ VERSION.get(lang) }</span>
                        <select id="ref-version" onchange={on_version}>
                            // Every series the generator offers, newest first.
                            { for PostfixVersion::ALL.iter().rev().map(|v| html! {
                                <option value={v.to_string()} selected={*v == *version}>{ v.to_string() }</option>
                            }) }
                        </select>
                    </label>
                }
            </div>
            { body }
            if let Data::Ready(loaded) = &*data {
                <section class="guide" aria-labelledby="guide-title">
                    <h3 id="guide-title">{ GUIDE.get(lang) }</h3>
                    { for loaded.guide.iter().map(|section| guide_section(section, lang, &props.dispatch)) }
                </section>
            }
        </div>
    }
}

/// One task of the guide: its text, its parameters as links, and a button that opens the
/// generator with the matching choices.
fn guide_section(section: &GuideSection, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let open = {
        let options = section.options.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Import(options.clone()));
            dispatch.emit(Action::Tab(Tab::Generate));
        })
    };
    html! {
        <details class="guide-section" id={format!("guide-{}", section.id)}>
            <summary>{ section.title.get(lang) }</summary>
            { for section.paragraphs.iter().map(|p| html! {
                <p>{ crate::diagnostics::inline_code(p.get(lang)) }</p>
            }) }
            <p class="ref-links">
                { IN_REFERENCE.get(lang) }
                { for section.params.iter().map(|name| html! {
                    <>{ " " }<a href={link(name)}><code>{ name }</code></a></>
                }) }
            </p>
            <button type="button" class="button small" onclick={open}>{ OPEN_GENERATOR.get(lang) }</button>
        </details>
    }
}

/// The Postfix parameters a text names in backticks (`name` or `name = value`), once each.
fn named_parameters(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|code| code.split(['=', ' ']).next().unwrap_or_default())
        .filter(|name| {
            PostfixVersion::ALL
                .iter()
                .any(|&v| params::is_known(name, v))
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Links to the reference entries of the parameters a finding names.
pub fn links_for(text: &str, lang: Lang) -> Html {
    let names = named_parameters(text);
    if names.is_empty() {
        return Html::default();
    }
    html! {
        <p class="ref-links">
            { IN_REFERENCE.get(lang) }
            { for names.into_iter().map(|name| html! {
                <>{ " " }<a href={link(name)}><code>{ name }</code></a></>
            }) }
        </p>
    }
}

/// One entry in full.
fn entry_view(card: &Card, version: PostfixVersion, lang: Lang) -> Html {
    let chosen = card.series_default(version);
    let shown = |value: &Option<String>| match value.as_deref() {
        None => ABSENT.get(lang).to_string(),
        Some("") => EMPTY.get(lang).to_string(),
        Some(value) => value.to_string(),
    };
    let measured = version.to_string();
    html! {
        <>
            <h3><code>{ &card.name }</code></h3>
            <p>{ crate::diagnostics::inline_code(card.summary.get(lang)) }</p>
            if let Some(chosen) = chosen {
                <p class="ref-default">
                    <strong>{ format!("{} (Postfix {version}): ", DEFAULT.get(lang)) }</strong>
                    if chosen.value.is_some() {
                        <code>{ shown(&chosen.value) }</code>{ " " }
                    }
                    <span class={classes!("ref-source", chosen.source.basis())}>
                        { crate::diagnostics::inline_code(chosen.source.note(&card.name).get(lang)) }
                    </span>
                    if let (Some(release), Some(_)) = (card.patch_release(version), &chosen.value) {
                        { format!(" (Postfix {version} {} {release})", FROM_PATCH.get(lang)) }
                    }
                </p>
            }
            <table class="ref-defaults">
                <caption>{ MEASURED.get(lang) }</caption>
                <tbody>
                    { for card.defaults.iter().map(|d| html! {
                        <tr class={classes!((d.version == measured).then_some("chosen"))}>
                            <th scope="row">{ format!("Postfix {}", d.version) }</th>
                            <td><code>{ shown(&d.value) }</code></td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p>
                <strong>{ format!("{}: ", SINCE.get(lang)) }</strong>
                { match &card.since {
                    Some(since) => format!("Postfix {since}"),
                    None => EVERY_RELEASE.get(lang).to_string(),
                } }
                if !card.backports.is_empty() {
                    { format!(" ({} {})", BACKPORTS.get(lang), card.backports.join(", ")) }
                }
            </p>
            if !card.values.is_empty() {
                <h4>{ VALUES.get(lang) }</h4>
                <dl class="ref-values">
                    { for card.values.iter().map(|v| html! {
                        <>
                            <dt><code>{ &v.value }</code></dt>
                            <dd>{ v.meaning.as_ref().map(|m| crate::diagnostics::inline_code(m.get(lang))).unwrap_or_default() }</dd>
                        </>
                    }) }
                </dl>
            }
            if !card.generator_options.is_empty() {
                <h4>{ WRITTEN_BY.get(lang) }</h4>
                <ul>
                    { for card.generator_options.iter().map(|o| html! { <li>{ o.get(lang) }</li> }) }
                </ul>
            }
            if !card.rules.is_empty() {
                <h4>{ READ_BY.get(lang) }</h4>
                <ul>
                    { for card.rules.iter().map(|r| html! {
                        <li><code>{ &r.id }</code>{ ": " }{ crate::diagnostics::inline_code(r.summary.get(lang)) }</li>
                    }) }
                </ul>
            }
            <p><a href={card.url.clone()} rel="noopener noreferrer">{ DOCS.get(lang) }</a></p>
        </>
    }
}

/// The first sentence of a description, for the list of matches.
fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    }
}

/// Fetches and reads the data file the page names, and derives from the catalogue what the
/// file leaves out.
#[cfg(not(feature = "prerender"))]
async fn load() -> Option<Loaded> {
    let text = crate::linked::fetch_text(DATA_LINK_ID).await?;
    serde_json::from_str(&text).ok().map(DataFile::into_data)
}

/// Writes the entries beside a built index.html as `reference-HASH.json` and names the file
/// in the page (the post-build hook, with the static copy).
#[cfg(feature = "prerender")]
pub fn write_data(html: &str, dir: &std::path::Path) -> Result<String, String> {
    use std::hash::{Hash, Hasher};
    let file = postfix_tls::reference::DataFile::from(&postfix_tls::reference::data());
    let json = serde_json::to_string(&file).map_err(|e| e.to_string())?;
    // A new name for new content: the service worker serves files from its cache first.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    json.hash(&mut hasher);
    let name = format!("reference-{:016x}.json", hasher.finish());
    std::fs::write(dir.join(&name), json).map_err(|e| format!("{name}: {e}"))?;
    link_data(html, &name)
}

/// Names the data file in the page's head. `rel="alternate"`: the browser does not fetch it
/// with the page; the service worker caches it, and the view fetches it when opened.
#[cfg(feature = "prerender")]
fn link_data(html: &str, name: &str) -> Result<String, String> {
    let tag = format!(
        r#"<link rel="alternate" type="application/json" id="{DATA_LINK_ID}" href="{name}">"#
    );
    match html.find("</head>") {
        Some(at) if !html.contains(DATA_LINK_ID) => {
            Ok(format!("{}{tag}{}", &html[..at], &html[at..]))
        }
        _ => Err(String::from("expected one </head> and no data link yet")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_name_their_entry() {
        assert_eq!(
            linked_name("#ref/smtp_tls_security_level"),
            Some("smtp_tls_security_level")
        );
        assert_eq!(linked_name("#v1.e30"), None);
        assert_eq!(link("relayhost"), "#ref/relayhost");
        assert_eq!(first_sentence("One. Two."), "One.");
    }

    #[test]
    fn findings_link_the_parameters_they_name() {
        assert_eq!(
            named_parameters(
                "`smtpd_tls_security_level = encrypt` on port 25; `mua_client_restrictions` and `smtpd_tls_security_level`"
            ),
            ["smtpd_tls_security_level"]
        );
        assert_eq!(links_for("no names here", Lang::En), Html::default());
    }

    #[cfg(feature = "prerender")]
    #[test]
    fn the_data_file_is_named_in_the_head_once() {
        let html = "<html><head><title>x</title></head><body></body></html>";
        let linked = link_data(html, "reference-1.json").expect("linked");
        assert!(linked.contains(
            r#"<link rel="alternate" type="application/json" id="reference-data" href="reference-1.json"></head>"#
        ));
        assert!(link_data(&linked, "reference-2.json").is_err());
        assert!(link_data("<body></body>", "reference-1.json").is_err());
    }

    #[cfg(feature = "prerender")]
    #[test]
    fn the_data_file_holds_every_card() {
        let dir = std::env::temp_dir().join(format!("reference-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let html = write_data("<head></head>", &dir).expect("written");
        let name = html
            .split("href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("named");
        let text = std::fs::read_to_string(dir.join(name)).expect("the file");
        let file: postfix_tls::reference::DataFile = serde_json::from_str(&text).expect("the data");
        assert_eq!(file.cards.len(), postfix_tls::reference::entries().len());
        assert_eq!(file.guide.len(), 8);
        assert_eq!(file.into_data(), postfix_tls::reference::data());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
