//! The WebAssembly entry point. Mounting is started by the page's loader (`boot.js` calls
//! `mountAll`, the partner loader `embed.js` calls `mountInto`), so loading the module into a
//! partner's page never takes over elements on its own.
//!
//! The exports live here, in the binary, because a wasm binary exports only its own
//! `#[wasm_bindgen]` items; a `cdylib` would export them from the library but measured 30% larger.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Mounts a directory into every `[data-member-directory]` element of the document.
    #[wasm_bindgen(js_name = mountAll)]
    pub fn mount_all() {
        member_directory::app::mount_all();
    }

    /// Mounts a directory into one element, which may live in a shadow root.
    #[wasm_bindgen(js_name = mountInto)]
    pub fn mount_into(element: web_sys::HtmlElement) {
        member_directory::app::mount_into(element);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // Panic messages in the console for development builds; release builds leave out the
    // formatting (1.2 kB) and a panic there shows as the wasm trap it is. The core is fuzzed so
    // that bad input is an error message on the page, never a panic.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary runs in the browser: build it with `trunk build`.");
}
