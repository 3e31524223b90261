//! Files the page names in its head (`<link id=... href=...>`) and fetches only when they are
//! needed: the German messages, the reference data.

/// The text of the file the element with this id links to, with the browser's fetch (an HTTP
/// client crate would add tens of kilobytes to the wasm for one GET); `None` when the page
/// names no such file or it cannot be had (offline and not cached).
#[cfg(not(feature = "prerender"))]
pub async fn fetch_text(link_id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let link = gloo::utils::document().get_element_by_id(link_id)?;
    let href = link.get_attribute("href")?;
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&href))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
