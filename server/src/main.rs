//! shoebox-server entry point: parse flags, open storage, serve.
fn main() {}
