//! A minimal blocking HTTP/1.1 client over std sockets (one request per connection), enough to
//! talk to a real server process and to cut a request body off on purpose.
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn h(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub fn head_bytes(method: &str, path: &str, headers: &[(&str, String)], content_length: Option<usize>) -> Vec<u8> {
    let mut s = format!("{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n");
    for (k, v) in headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(n) = content_length {
        s.push_str(&format!("Content-Length: {n}\r\n"));
    }
    s.push_str("\r\n");
    s.into_bytes()
}

pub fn request(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> Reply {
    let mut c = TcpStream::connect(addr).unwrap();
    let cl = if body.is_empty() && matches!(method, "GET" | "HEAD" | "OPTIONS" | "DELETE") { None } else { Some(body.len()) };
    c.write_all(&head_bytes(method, path, headers, cl)).unwrap();
    c.write_all(body).unwrap();
    read_reply(c, method == "HEAD")
}

pub fn read_reply(mut c: TcpStream, head_only: bool) -> Reply {
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).unwrap();
    parse_reply(&raw, head_only)
}

/// A whole response, already read.
pub fn parse_reply(raw: &[u8], head_only: bool) -> Reply {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a full response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if head_only {
        body.clear();
    } else if chunked {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap().split(';').next().unwrap().trim(), 16).unwrap();
        if n == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + n]);
        b = &b[eol + 2 + n + 2..];
    }
    out
}

/// Bearer + tus headers.
pub fn tus_headers(token: &str) -> Vec<(&'static str, String)> {
    vec![("Authorization", format!("Bearer {token}")), ("Tus-Resumable", "1.0.0".into())]
}

/// A tus PATCH of `body` at `off` as alice, on one connection.
pub fn patch(addr: SocketAddr, loc: &str, off: usize, body: &[u8]) -> Reply {
    let mut h = tus_headers(crate::common::ALICE);
    h.push(("Upload-Offset", off.to_string()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    request(addr, "PATCH", loc, &h, body)
}
