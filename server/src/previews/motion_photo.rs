//! Motion Photos: a JPEG with its clip appended, as Pixel and other Android cameras write it.
//! The XMP in the JPEG's head says how long the appended MP4 is, counted from the end of the
//! file: Google's `Container:Directory` item of semantic `MotionPhoto` (its `Item:Length`) or
//! the older `GCamera:MicroVideoOffset`. Only that is trusted, and only when the bytes found
//! there begin an MP4 (`ftyp` box). Samsung's trailer (`MotionPhoto_Data` in a SEF trailer
//! after the image) is read by `samsung` when the XMP says nothing.

/// Bytes of the file's head searched for the XMP (the APP1 segment sits right after SOI).
pub const HEAD_BYTES: usize = 256 << 10;

/// Where the embedded MP4 starts in a JPEG of `len` bytes whose first bytes are `head`, per
/// its XMP; `None` when it says nothing usable. The caller checks the `ftyp` there.
pub fn declared_offset(head: &[u8], len: u64) -> Option<u64> {
    if !head.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    // Found in the bytes, and only the XMP made text: every JPEG uploaded comes through here,
    // and turning its whole head into a string was a seventh of the server's CPU time with
    // small photos.
    let head = &head[..head.len().min(HEAD_BYTES)];
    let start = find(head, b"<x:xmpmeta")?;
    let end = find(&head[start..], b"</x:xmpmeta>").map_or(head.len(), |e| start + e);
    let text = String::from_utf8_lossy(&head[start..end]);
    let xmp = text.as_ref();
    let length = motion_item_length(xmp).or_else(|| attribute(xmp, "GCamera:MicroVideoOffset"))?;
    (length > 0 && length < len).then(|| len - length)
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// `Item:Length` of the `Container:Item` whose `Item:Semantic` is `MotionPhoto`.
fn motion_item_length(xmp: &str) -> Option<u64> {
    xmp.split("<Container:Item")
        .skip(1)
        .map(|item| &item[..item.find('>').unwrap_or(item.len())])
        .find_map(|item| (attribute_text(item, "Item:Semantic")? == "MotionPhoto").then(|| attribute(item, "Item:Length"))?)
}

fn attribute(s: &str, name: &str) -> Option<u64> {
    attribute_text(s, name)?.trim().parse().ok()
}

fn attribute_text<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let at = s.find(&format!("{name}=\""))? + name.len() + 2;
    let rest = &s[at..];
    Some(&rest[..rest.find('"')?])
}

/// True when `bytes` (at the declared offset) begin an MP4/QuickTime file.
pub fn is_mp4_start(bytes: &[u8]) -> bool {
    bytes.len() >= 8 && &bytes[4..8] == b"ftyp"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_with(xmp: &str) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE1];
        b.extend(((xmp.len() + 31) as u16).to_be_bytes());
        b.extend(b"http://ns.adobe.com/xap/1.0/\0");
        b.extend(xmp.as_bytes());
        b
    }

    #[test]
    fn the_container_item_or_the_micro_video_offset_gives_the_start() {
        let item = r#"<x:xmpmeta><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0"/>
            <Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="3000"/></x:xmpmeta>"#;
        assert_eq!(declared_offset(&jpeg_with(item), 10_000), Some(7_000));
        let old = r#"<x:xmpmeta><rdf:Description GCamera:MicroVideo="1" GCamera:MicroVideoOffset="2500"/></x:xmpmeta>"#;
        assert_eq!(declared_offset(&jpeg_with(old), 10_000), Some(7_500));
        let lying = r#"<x:xmpmeta><Container:Item Item:Semantic="MotionPhoto" Item:Length="20000"/></x:xmpmeta>"#;
        assert_eq!(declared_offset(&jpeg_with(lying), 10_000), None, "longer than the file");
        assert_eq!(declared_offset(&jpeg_with("<x:xmpmeta></x:xmpmeta>"), 10_000), None);
        assert_eq!(declared_offset(b"not a jpeg", 10_000), None);
        assert!(is_mp4_start(b"\0\0\0\x18ftypisom") && !is_mp4_start(b"\xFF\xD8\xFF\xE0\0\x10JFIF"));
    }
}
