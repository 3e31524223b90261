//! Copying a block to the clipboard, and saving it as a file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlDocument, Url};

/// What happened to the last copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Copy {
    #[default]
    Idle,
    Copied,
    /// Both ways failed; the text is selected so the user can press Ctrl+C.
    Failed,
}

/// Copies `text`, which `shown` displays: through the async Clipboard API, or where that is
/// missing or refused, by selecting `shown` and running the legacy copy command.
pub async fn copy(text: &str, shown: &Element) -> Copy {
    if write_text(text).await.is_ok() {
        return Copy::Copied;
    }
    match select_and_copy(shown) {
        Ok(true) => Copy::Copied,
        _ => Copy::Failed,
    }
}

async fn write_text(text: &str) -> Result<(), JsValue> {
    let navigator = gloo::utils::window().navigator();
    // `navigator.clipboard` is undefined outside secure contexts; calling into it would throw.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(JsValue::UNDEFINED);
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

fn select_and_copy(shown: &Element) -> Result<bool, JsValue> {
    let window = gloo::utils::window();
    let selection = window.get_selection()?.ok_or(JsValue::UNDEFINED)?;
    selection.remove_all_ranges()?;
    selection.select_all_children(shown)?;
    let document: HtmlDocument = gloo::utils::document().unchecked_into();
    document.exec_command("copy")
}

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type("text/plain;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = gloo::utils::document()
        .create_element("a")?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download has started from the URL; give the browser a moment before freeing it.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
