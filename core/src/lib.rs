//! shoebox-core: everything the browser app and the server share, with no I/O and no clock.
//!
//! - [`limits`]: the destination's limits policy (presets `seed`, `google`) and the per-file decision.
//! - [`facts`]: what inspection learns about a file (`FileFacts`), and outcomes/skip reasons.
//! - [`failure`]: why a file or a worker job failed (`FailReason`, `WorkerFault`), as values.
//! - [`tus`]: tus 1.0 header names, `Upload-Metadata` encoding, metadata keys, checksum algorithms.
//! - [`url`]: an endpoint's origin and `Location` resolution.
//! - [`api`]: the JSON shapes of `/api/v1/*`.
//! - [`hash`]: incremental SHA-256 helpers.
//! - [`photo`]: format sniffing and header readers (and, with feature `prepare`, downsizing).
//! - [`engine`]: the upload state machine (quinn-proto style: inputs with `now`, actions out).
//! - [`kiosk`]: the kiosk screen's flow (welcome, visit, done, idle reset), a state machine too.
//! - [`library`]: the library's timeline model and its flow (views, filters, pages, Trash).
//! - [`skip_notice`]: when the "skipped — see why" line shows (until seen).
//! - [`sync`]: Back up & sync's flow (its folders, when they are scanned and stamped).
//! - [`companions`]: the page's companions of a running backup (wake lock, notification).
//! - [`devices`], [`pairing`]: devices and storage, and signing a device in by approval.
//! - [`takeout`]: a Google Takeout export: sidecar matching, albums, dates, the upload keys it adds.
//! - [`i18n`]: compiled catalogs, the formatter (variables, plurals), language negotiation.

pub mod api;
pub mod companions;
pub mod crc32c;
pub mod decimal;
pub mod devices;
pub mod engine;
pub mod facts;
pub mod failure;
pub mod hash;
pub mod i18n;
pub mod kiosk;
pub mod library;
pub mod limits;
pub mod pairing;
pub mod photo;
pub mod skip_notice;
pub mod sync;
pub mod takeout;
pub mod tus;
pub mod url;
pub mod worker_protocol;
