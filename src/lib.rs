//! Shoebox browser app library: UI components, browser adapters and the driver.
//! `main.rs` only mounts; components live here so browser tests can mount them.
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod driver;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod intent;
pub mod library_store;
pub mod settings;
pub mod store;
pub mod strings;
#[cfg(target_arch = "wasm32")]
pub mod ui;
