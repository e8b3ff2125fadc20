//! Shoebox app entry: install the panic hook, take the page's language (its catalog is fetched
//! once; English is built in), then mount the root component.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        shoebox::i18n::start().await;
        leptos::mount::mount_to_body(shoebox::ui::app::App);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Shoebox app runs in a browser: build it with `trunk build` (see README.md).");
}
