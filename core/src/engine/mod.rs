//! The upload engine: a deterministic state machine (no I/O, no clock).
