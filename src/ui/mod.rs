//! Leptos components, one per file. They read the store and send intents to the driver.
pub mod app;
pub mod controls;
pub mod devices_panel;
pub mod dialog;
pub mod drop_zone;
pub mod file_list;
pub mod folder_picker;
pub mod kiosk;
pub mod library;
pub mod nav;
pub mod overall_progress;
pub mod plan_view;
pub mod qr_code;
pub mod settings_panel;
pub mod skipped_list;
pub mod status_card;
pub mod sync_panel;
