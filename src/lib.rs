//! Shoebox browser app library: UI components, browser adapters and the driver.
//! `main.rs` only mounts; components live here so browser tests can mount them.
