//! CRC-32C (Castagnoli) for the worker's chunk checksums, slice-by-8 over tables built on first
//! use: the `crc32c` crate's portable path ships the same 8 KB of tables as data, which do not
//! compress and would be downloaded with every worker. The server uses the crate (hardware CRC);
//! the tests check this one against it.
use std::sync::OnceLock;

const POLY: u32 = 0x82F6_3B78;

fn tables() -> &'static [[u32; 256]; 8] {
    static T: OnceLock<Box<[[u32; 256]; 8]>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Box::new([[0u32; 256]; 8]);
        for i in 0..256 {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { (c >> 1) ^ POLY } else { c >> 1 };
            }
            t[0][i] = c;
        }
        for i in 0..256 {
            for k in 1..8 {
                let prev = t[k - 1][i];
                t[k][i] = (prev >> 8) ^ t[0][(prev & 0xFF) as usize];
            }
        }
        t
    })
}

/// The CRC-32C of `bytes`.
pub fn crc32c(bytes: &[u8]) -> u32 {
    crc32c_append(0, bytes)
}

/// The CRC-32C of what gave `crc` followed by `bytes`: a chunk's checksum made piece by piece,
/// so the whole chunk never needs to be in memory at once.
pub fn crc32c_append(crc: u32, bytes: &[u8]) -> u32 {
    let t = tables();
    let mut crc = !crc;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let lo = crc ^ u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        let hi = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
        crc = t[7][(lo & 0xFF) as usize]
            ^ t[6][((lo >> 8) & 0xFF) as usize]
            ^ t[5][((lo >> 16) & 0xFF) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][(hi & 0xFF) as usize]
            ^ t[2][((hi >> 8) & 0xFF) as usize]
            ^ t[1][((hi >> 16) & 0xFF) as usize]
            ^ t[0][(hi >> 24) as usize];
    }
    for &b in chunks.remainder() {
        crc = (crc >> 8) ^ t[0][((crc ^ b as u32) & 0xFF) as usize];
    }
    !crc
}

/// Appending `len` zero bytes to a CRC-32C, as a linear map over GF(2): what lets the CRCs of
/// consecutive pieces be joined into the CRC of their concatenation without their bytes, so a
/// file hashed once in fixed pieces answers any chunk's checksum made of whole pieces.
#[derive(Clone, Debug)]
pub struct Shift([u32; 32]);

impl Shift {
    /// The map for `len` bytes (log2(len) squarings of the one-bit map).
    pub fn new(len: u64) -> Self {
        // The one-zero-bit operator: bit 0 maps to the polynomial, bit n to bit n-1.
        let mut op = [0u32; 32];
        op[0] = POLY;
        for (n, row) in op.iter_mut().enumerate().skip(1) {
            *row = 1 << (n - 1);
        }
        let mut result = Shift::identity();
        // Bytes, not bits: square the bit operator three times first.
        let mut power = Shift(op);
        for _ in 0..3 {
            power = power.then(&power);
        }
        let mut n = len;
        while n > 0 {
            if n & 1 == 1 {
                result = result.then(&power);
            }
            n >>= 1;
            if n > 0 {
                power = power.then(&power);
            }
        }
        result
    }

    fn identity() -> Self {
        let mut m = [0u32; 32];
        for (n, row) in m.iter_mut().enumerate() {
            *row = 1 << n;
        }
        Shift(m)
    }

    fn apply(&self, mut v: u32) -> u32 {
        let mut sum = 0;
        let mut i = 0;
        while v != 0 {
            if v & 1 == 1 {
                sum ^= self.0[i];
            }
            v >>= 1;
            i += 1;
        }
        sum
    }

    /// This map followed by `next`.
    fn then(&self, next: &Shift) -> Shift {
        let mut m = [0u32; 32];
        for (n, row) in m.iter_mut().enumerate() {
            *row = next.apply(self.0[n]);
        }
        Shift(m)
    }

    /// The CRC-32C of A followed by B, from `crc_a`, `crc_b` and this map made for B's length.
    pub fn join(&self, crc_a: u32, crc_b: u32) -> u32 {
        self.apply(crc_a) ^ crc_b
    }
}

/// The CRC-32C of A followed by B from their CRCs and B's length.
pub fn crc32c_combine(crc_a: u32, crc_b: u32, len_b: u64) -> u32 {
    Shift::new(len_b).join(crc_a, crc_b)
}

#[cfg(test)]
mod tests {
    use super::crc32c;

    #[test]
    fn joined_crcs_are_the_crc_of_the_whole_for_any_cut() {
        let data: Vec<u8> = (0..70_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
        for cut in [0, 1, 3, 8, 1000, 4096, 65_536, 69_999, 70_000] {
            let (a, b) = data.split_at(cut);
            assert_eq!(super::crc32c_combine(crc32c(a), crc32c(b), b.len() as u64), ::crc32c::crc32c(&data), "cut at {cut}");
        }
        // Fixed pieces and a short last one, joined left to right with one reused map.
        let piece = 4096;
        let shift = super::Shift::new(piece as u64);
        let mut crc = crc32c(&data[..piece]);
        let mut at = piece;
        while at + piece <= data.len() {
            crc = shift.join(crc, crc32c(&data[at..at + piece]));
            at += piece;
        }
        let tail = &data[at..];
        crc = super::crc32c_combine(crc, crc32c(tail), tail.len() as u64);
        assert_eq!(crc, ::crc32c::crc32c(&data));
    }

    #[test]
    fn the_check_value_and_the_crate_agree_on_every_length_and_offset() {
        assert_eq!(crc32c(b"123456789"), 0xE306_9283);
        assert_eq!(crc32c(b""), 0);
        let data: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for cut in [0, 1, 7, 8, 9, 4093, 9_999, 10_000] {
            assert_eq!(super::crc32c_append(crc32c(&data[..cut]), &data[cut..]), crc32c(&data), "cut at {cut}");
        }
        let data: Vec<u8> = (0..4099u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for start in 0..9 {
            for len in (0..200).chain([1023, 4090]) {
                let s = &data[start..start + len];
                assert_eq!(crc32c(s), ::crc32c::crc32c(s), "start {start}, length {len}");
            }
        }
    }
}
