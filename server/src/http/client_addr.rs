//! Who is asking: the client address that per-client rate limits count against.
//!
//! The address is the TCP peer (`http/listen.rs` puts it in each request as axum's
//! `ConnectInfo<SocketAddr>`). Behind a reverse proxy every request comes from the proxy, so
//! when — and only when — the peer is one of the operator's `--trusted-proxy` networks, the
//! address is taken from `X-Forwarded-For` (or, without it, RFC 7239 `Forwarded: for=`): the
//! right-most address there that is not itself a trusted proxy. Everything left of that was
//! written by the client and may be forged; everything right of it was added by proxies the
//! operator trusts. An untrusted peer's forwarding headers are ignored, so a client cannot
//! pick the address it is counted under.
//!
//! A request without a peer (the router driven in-process, `oneshot`) counts as one unknown
//! address, so such callers share one bucket rather than escaping the limits.
pub use crate::config::cidr::Cidr;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// What a request without a peer counts as.
pub const UNKNOWN: IpAddr = IpAddr::V6(Ipv6Addr::UNSPECIFIED);

/// The address a request is counted under: the peer, or, when the peer is a trusted proxy,
/// the right-most untrusted address it forwarded (see the module's comment).
pub fn client_addr(state: &AppState, peer: Option<SocketAddr>, headers: &HeaderMap) -> IpAddr {
    from_parts(&state.config.trusted_proxies, peer, headers)
}

/// The same, with the trusted networks given directly.
pub fn from_parts(trusted: &[Cidr], peer: Option<SocketAddr>, headers: &HeaderMap) -> IpAddr {
    let Some(peer) = peer.map(|p| p.ip().to_canonical()) else { return UNKNOWN };
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let mut hops = forwarded_for(headers);
    // Right to left: proxies append, so the last hop not ours is the client as our edge saw it.
    let mut client = peer;
    while let Some(hop) = hops.pop() {
        // An unparsable hop (a forged "unknown", garbage) ends the trustworthy part of the list.
        let Some(ip) = hop else { break };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    client
}

/// The hops of `X-Forwarded-For` (every such header, in order), or when there is none, the
/// `for=` parameters of `Forwarded`; `None` for a hop that is not an address.
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let xff: Vec<Option<IpAddr>> =
        headers.get_all("x-forwarded-for").iter().flat_map(|v| v.to_str().unwrap_or("?").split(',')).map(|h| parse_hop(h.trim())).collect();
    if !xff.is_empty() {
        return xff;
    }
    headers
        .get_all("forwarded")
        .iter()
        .flat_map(|v| v.to_str().unwrap_or("for=?").split(','))
        .filter_map(|elem| {
            elem.split(';').find_map(|kv| {
                let (k, v) = kv.trim().split_once('=')?;
                k.trim().eq_ignore_ascii_case("for").then(|| parse_hop(v.trim().trim_matches('"')))
            })
        })
        .collect()
}

/// `203.0.113.7`, `203.0.113.7:4711`, `[2001:db8::1]:4711` or `2001:db8::1`.
fn parse_hop(h: &str) -> Option<IpAddr> {
    if let Ok(ip) = h.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    if let Ok(sa) = h.parse::<SocketAddr>() {
        return Some(sa.ip().to_canonical());
    }
    h.strip_prefix('[').and_then(|r| r.strip_suffix(']')).and_then(|r| r.parse::<IpAddr>().ok())
}

/// The rate-limit bucket name of an address. An IPv6 client usually holds a whole /64, so
/// its addresses count together; an IPv4 address counts alone.
pub fn bucket(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => {
            let s = a.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// An extractor for handlers: the request's client address (never fails).
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
        Ok(ClientAddr(client_addr(state, peer, &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn h(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.append(axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
        }
        m
    }
    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }
    #[test]
    fn forwarded_addresses_count_only_from_trusted_peers() {
        let trusted = [Cidr::parse("10.0.0.0/8").unwrap()];
        let peer = |s: &str| Some(SocketAddr::new(ip(s), 4000));
        let fwd = h(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.0.0.2")]);
        assert_eq!(from_parts(&trusted, peer("198.51.100.1"), &fwd), ip("198.51.100.1"), "an untrusted peer's header is ignored");
        assert_eq!(from_parts(&trusted, peer("10.0.0.1"), &fwd), ip("203.0.113.7"), "the right-most untrusted hop");
        assert_eq!(from_parts(&trusted, peer("10.0.0.1"), &HeaderMap::new()), ip("10.0.0.1"));
        let f = h(&[("forwarded", "for=6.6.6.6, for=\"[2001:db8::1]:443\";proto=https")]);
        assert_eq!(from_parts(&trusted, peer("10.0.0.1"), &f), ip("2001:db8::1"));
        let junk = h(&[("x-forwarded-for", "203.0.113.7, unknown")]);
        assert_eq!(from_parts(&trusted, peer("10.0.0.1"), &junk), ip("10.0.0.1"), "an unparsable hop stops the walk");
        assert_eq!(from_parts(&trusted, None, &fwd), UNKNOWN);
    }
    #[test]
    fn an_ipv6_client_counts_by_its_64() {
        assert_eq!(bucket(ip("2001:db8:1:2:aaaa::1")), bucket(ip("2001:db8:1:2:ffff::9")));
        assert_ne!(bucket(ip("2001:db8:1:2::1")), bucket(ip("2001:db8:1:3::1")));
        assert_eq!(bucket(ip("::ffff:192.0.2.1")), "192.0.2.1");
    }
}
