//! Browser adapters: one per port the driver needs (folder walking, HTTP, storage, network, clock).
pub mod backup_folders;
pub mod battery;
pub mod clock;
pub mod dates;
pub mod first_paint;
pub mod folder_handles;
pub mod handle_calls;
pub mod idb;
pub mod limiter;
pub mod network;
pub mod scan;
pub mod service_worker;
pub mod video_poster;
pub mod walk;
pub mod worker_pool;
pub mod xhr;
