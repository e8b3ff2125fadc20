//! Integrity of what is stored: reading bytes back from the disk (not the page cache) to hash
//! them, the test-only fault hooks (`faults`), `shoebox-server verify` and the background scrub
//! (`verify`, `scrub`), and the server's own data: `backup` of its databases and `reindex`.
pub mod backup;
pub mod faults;
pub mod reindex;
pub mod scrub;
pub mod verify;
pub mod verify_store;

use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, Read};

/// SHA-256 (hex) and length of everything `r` yields.
pub fn hash_reader(mut r: impl Read) -> io::Result<(String, u64)> {
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = r.read(&mut buf)?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        n += k as u64;
    }
    Ok((shoebox_core::hash::hex(&h.finalize()), n))
}

/// Drops the file's clean pages from the page cache, so the next read comes from the device:
/// right after writing, a read would otherwise be served from memory and prove nothing about
/// the disk. Pages still dirty are not dropped, hence callers fsync first. Best effort (Linux).
#[cfg(target_os = "linux")]
pub fn drop_cached_pages(f: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: a plain syscall on a file descriptor we own; failure only means a cached read.
    unsafe { libc::posix_fadvise(f.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED) };
}
#[cfg(not(target_os = "linux"))]
pub fn drop_cached_pages(_f: &File) {}

/// Opens a file to be read back from the disk itself (see [`drop_cached_pages`]).
pub fn open_uncached(path: &std::path::Path) -> io::Result<File> {
    let f = File::open(path)?;
    drop_cached_pages(&f);
    Ok(f)
}
