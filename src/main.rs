//! Shoebox app entry: install the panic hook and mount the root component.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(shoebox::ui::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Shoebox app runs in a browser: build it with `trunk build` (see README.md).");
}
