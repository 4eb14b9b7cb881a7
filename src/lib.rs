//! Hydrate entry of the WASM client: installs the panic hook and hydrates the app
//! that the server rendered. Everything else lives in `toasoan-app`.
//!
//! Hydration is asynchronous: on a page of a lazily loaded part (the admin area, the
//! account pages) it waits for that part's code. Only once the whole page is hydrated
//! does `<html data-hydrated="true">` say so, for the tests and the styles that wait
//! for the client.
#![recursion_limit = "256"]

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    use leptos::prelude::document;
    console_error_panic_hook::set_once();
    // hydration sets up Leptos' executor itself; this task only waits for it to end
    wasm_bindgen_futures::spawn_local(async {
        let app =
            leptos::mount::hydrate_from_async(document().body().expect("a body"), toasoan_app::App)
                .await;
        // the app lives as long as the page
        app.forget();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
