//! The core alone, as WebAssembly, for the benchmark's size figures (`scripts/bench`): what
//! the page cannot load without, because its first screen shows the generated configuration
//! and the warnings the linter finds in it. It reads the choices as JSON (a share link or the
//! saved choices), generates and lints, and makes the share link: every option reachable, so
//! that nothing is left out because the defaults do not need it. No page, no Yew.
//!
//! Built by `scripts/bench` with `cargo build --profile web --target wasm32-unknown-unknown
//! --example core_size`; natively it is only compiled.

use postfix_tls::share;

/// Room for the choices' JSON, written by the caller.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    Box::leak(vec![0u8; len].into_boxed_slice()).as_mut_ptr()
}

/// Generates from the JSON at `ptr`; returns the size of what was made.
///
/// # Safety
/// `ptr` and `len` come from [`input`].
#[no_mangle]
pub unsafe extern "C" fn generate(ptr: *const u8, len: usize) -> usize {
    // SAFETY: the caller passes what `input` handed out.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let options = std::str::from_utf8(bytes)
        .ok()
        .and_then(|json| share::import_json(json).ok())
        .unwrap_or_default();
    let output = postfix_tls::generate(&options);
    output.main_cf.len()
        + output.master_cf.len()
        + output.postconf.len()
        + output.diagnostics.len()
        + share::encode(&options).len()
}
