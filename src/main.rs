//! Shoebox app entry: install the panic hook and mount the root component.
fn main() {
    console_error_panic_hook::set_once();
}
