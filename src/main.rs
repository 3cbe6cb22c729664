//! Starts the app in the browser: one directory per `[data-member-directory]` element.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    member_directory::app::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary runs in the browser: build it with `trunk build`.");
}
