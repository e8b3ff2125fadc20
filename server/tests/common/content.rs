//! Seeded test content shared by the engine-against-server tests: noise bytes and a
//! camera-like file (a JPEG start, so it is judged a photo, then noise).

/// `n` bytes of xorshift noise, the same for the same seed.
pub fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// A `len`-byte file that starts and ends like a JPEG, noise in between.
pub fn photo(len: usize, seed: u64) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    b.extend(noise(len.saturating_sub(b.len() + 2), seed));
    b.extend([0xFF, 0xD9]);
    b
}

/// A `len`-byte file that starts like an MP4 (an `ftyp` box, then an `mdat` of noise), so the
/// server serves it as the video it is declared to be.
pub fn mp4(len: usize, seed: u64) -> Vec<u8> {
    let mut b = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2\0\0\0\x08free".to_vec();
    let rest = len.saturating_sub(b.len() + 8);
    b.extend(((rest + 8) as u32).to_be_bytes());
    b.extend(b"mdat");
    b.extend(noise(rest, seed));
    b
}
