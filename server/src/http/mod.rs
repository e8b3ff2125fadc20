//! The HTTP edge: how requests arrive and answers leave, whatever they are about. The
//! listener and its limits, unread request bodies, the middleware stack, CORS, who the client
//! is, how user bytes are typed, the one error type handlers return, and the Prometheus
//! counters.
pub mod client_addr;
pub mod cors;
pub mod drain;
pub mod error;
pub mod listen;
pub mod metrics;
pub mod middleware;
pub mod served_type;
