//! Reading an upload's bytes back after their fsync. By default through the file system (what
//! it holds for the file once the fsync returned; the page cache answers). With
//! `--read-back-from-device`, from the device itself, not from the page cache: with `O_DIRECT`
//! where the file system allows it (the device's DMA lands in an aligned buffer, no kernel
//! copy, no readahead limit), else a buffered read after the range's pages are written out and
//! dropped from the cache. A direct read of a range whose pages are still dirty makes the
//! kernel write them first, so what comes back is what the device holds.
use super::ReadBack;
use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::fs::File;
use std::io;
use std::path::Path;

/// Offsets and lengths of direct reads are multiples of this (the largest logical block size
/// of common devices), and so is the buffer's address.
const ALIGN: usize = 4096;
/// The most read in one system call (an upload's read-back pieces are no larger).
const BUF: usize = 2 << 20;

/// A heap buffer aligned for direct I/O.
struct AlignedBuf {
    /// The allocation, and where the aligned buffer starts in it.
    raw: *mut u8,
    layout: Layout,
    start: usize,
    len: usize,
}

// SAFETY: the buffer is plain owned memory, used by one thread at a time.
unsafe impl Send for AlignedBuf {}

impl AlignedBuf {
    fn new(len: usize) -> Self {
        // Over-allocated with the allocator's own alignment, then aligned by hand: a large
        // zeroed allocation of that kind is fresh pages from the kernel (calloc), with no
        // fill to pay for on every PATCH.
        let layout = Layout::from_size_align(len + ALIGN, 16).expect("valid layout");
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc_zeroed(layout) };
        if raw.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        AlignedBuf { raw, layout, start: raw.align_offset(ALIGN), len }
    }
    fn as_mut(&mut self) -> &mut [u8] {
        // SAFETY: `start + len` is within the allocation (`align_offset` < ALIGN), whose bytes
        // are initialised (zeroed) and owned by self.
        unsafe { std::slice::from_raw_parts_mut(self.raw.add(self.start), self.len) }
    }
}

impl Drop for AlignedBuf {
    fn drop(&mut self) {
        // SAFETY: allocated in `new` with this layout.
        unsafe { dealloc(self.raw, self.layout) }
    }
}

pub struct DirectReadBack {
    file: File,
    direct: bool,
    /// Whether the bytes must come from the device (else the file system's cache may answer).
    device: bool,
    buf: AlignedBuf,
}

impl DirectReadBack {
    /// `device`: read from the device itself rather than through the page cache.
    pub fn open(path: &Path, device: bool) -> io::Result<Self> {
        let (file, direct) = match device.then(|| open_direct(path)) {
            Some(Ok(f)) => (f, true),
            _ => (File::open(path)?, false),
        };
        Ok(DirectReadBack { file, direct, device, buf: AlignedBuf::new(BUF) })
    }

    fn pread(&mut self, at: u64, len: usize) -> io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let buf = &mut self.buf.as_mut()[..len];
        loop {
            match self.file.read_at(buf, at) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r,
            }
        }
    }

    /// The buffered way, for file systems without direct I/O: write the range out, drop its
    /// pages, then read (a page still being written beside the range may stay cached).
    #[cfg(target_os = "linux")]
    fn drop_cached(&self, from: u64, to: u64) {
        use std::os::fd::AsRawFd;
        let fd = self.file.as_raw_fd();
        // 0 means "to the end of the file" to both calls.
        let len = if to == u64::MAX { 0 } else { (to - from) as i64 };
        let flags = libc::SYNC_FILE_RANGE_WAIT_BEFORE | libc::SYNC_FILE_RANGE_WRITE | libc::SYNC_FILE_RANGE_WAIT_AFTER;
        // SAFETY: plain syscalls on a descriptor we own; a failure only means a cached read.
        unsafe {
            libc::sync_file_range(fd, from as i64, len, flags);
            libc::posix_fadvise(fd, from as i64, len, libc::POSIX_FADV_DONTNEED);
        }
    }
    #[cfg(not(target_os = "linux"))]
    fn drop_cached(&self, _from: u64, _to: u64) {}
}

#[cfg(target_os = "linux")]
fn open_direct(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_DIRECT).open(path)
}
#[cfg(not(target_os = "linux"))]
fn open_direct(_path: &Path) -> io::Result<File> {
    Err(io::Error::other("no direct I/O here"))
}

impl ReadBack for DirectReadBack {
    fn read_range(&mut self, from: u64, to: u64, f: &mut dyn FnMut(&[u8])) -> io::Result<u64> {
        let mut at = from - from % ALIGN as u64;
        if !self.direct && self.device {
            self.drop_cached(at, to);
        }
        let mut got = 0u64;
        while at < to {
            let want = ((to - at).min(BUF as u64) as usize).next_multiple_of(ALIGN);
            let k = match self.pread(at, want) {
                Ok(k) => k,
                // A file system that takes O_DIRECT at open but not these offsets: go buffered.
                Err(e) if self.direct && e.raw_os_error() == Some(libc::EINVAL) => {
                    self.direct = false;
                    self.drop_cached(at, to);
                    continue;
                }
                Err(e) => return Err(e),
            };
            if k == 0 {
                break; // the file ends before `to`
            }
            let skip = from.saturating_sub(at) as usize;
            let end = (k as u64).min(to - at) as usize;
            if end > skip {
                f(&self.buf.as_mut()[skip..end]);
                got += (end - skip) as u64;
            }
            at += k as u64;
        }
        Ok(got)
    }
}
