//! Work the server does on its own clock, not in answer to a request: expiring uploads,
//! emptying the Trash, scrubbing stored bytes.
pub mod purge;
pub mod reaper;
