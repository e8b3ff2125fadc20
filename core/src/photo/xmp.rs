//! XMP edits done in place without changing the packet's length: GPS properties are overwritten
//! with spaces (whitespace between XML attributes and elements is insignificant), so offsets in
//! the surrounding container stay valid.

/// Blank every `exif:GPS*` attribute or element. Returns whether anything changed.
pub fn blank_gps(x: &mut [u8]) -> bool {
    const KEY: &[u8] = b"exif:GPS";
    let mut changed = false;
    let mut i = 0;
    while let Some(p) = find(&x[i..], KEY).map(|p| p + i) {
        i = p + KEY.len();
        let before = if p > 0 { x[p - 1] } else { b' ' };
        let name_end =
            p + x[p..].iter().position(|c| matches!(c, b' ' | b'>' | b'/' | b'=' | b'\t' | b'\r' | b'\n')).unwrap_or(x.len() - p);
        let name = x[p..name_end].to_vec();
        let span = if before == b'<' {
            element_end(x, p, &name).map(|e| (p - 1, e))
        } else if before.is_ascii_whitespace() {
            attribute_end(x, name_end).map(|e| (p, e))
        } else {
            None
        };
        if let Some((s, e)) = span {
            x[s..e].iter_mut().for_each(|c| *c = b' ');
            changed = true;
            i = e;
        }
    }
    changed
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

/// End (exclusive) of `<name ...>...</name>` or `<name .../>` whose name starts at `p`.
fn element_end(x: &[u8], p: usize, name: &[u8]) -> Option<usize> {
    let gt = p + x[p..].iter().position(|&c| c == b'>')?;
    if x[gt - 1] == b'/' {
        return Some(gt + 1);
    }
    let mut close = b"</".to_vec();
    close.extend_from_slice(name);
    close.push(b'>');
    find(&x[gt..], &close).map(|q| gt + q + close.len())
}

/// End (exclusive) of `="value"` (or single quotes) after an attribute name ending at `n`.
fn attribute_end(x: &[u8], n: usize) -> Option<usize> {
    let mut i = n;
    while x.get(i)?.is_ascii_whitespace() {
        i += 1;
    }
    (x.get(i)? == &b'=').then_some(())?;
    i += 1;
    while x.get(i)?.is_ascii_whitespace() {
        i += 1;
    }
    let q = *x.get(i)?;
    (q == b'"' || q == b'\'').then_some(())?;
    let close = x[i + 1..].iter().position(|&c| c == q)?;
    Some(i + 1 + close + 1)
}
