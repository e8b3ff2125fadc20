//! An anonymous client can neither lock others out of signing in nor replay a sign-in link:
//! pairing starts, polls and link exchanges are limited per client address (the TCP peer, or a
//! trusted proxy's X-Forwarded-For) under a server-wide ceiling far above normal use; pairing
//! codes are limited per code; a `user add` link is exchanged once for a device token of its
//! own, listed and revocable.
mod common;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_server::accounts::signin_codes::SIGNIN_TTL_MS;
use shoebox_server::accounts::{MAX_ATTEMPTS, PER_CLIENT, POLL_MISSES_PER_CLIENT};
use shoebox_server::commands::{run_on, Command, UserCommand};
use shoebox_server::http::client_addr::Cidr;
use std::net::SocketAddr;

/// A JSON POST as it arrives from `peer` (what `http/listen.rs` records for a real connection),
/// with optional extra headers.
fn from(peer: &str, uri: &str, body: serde_json::Value, headers: &[(&str, &str)]) -> Request<Body> {
    let mut r = Request::post(uri).header("Content-Type", "application/json");
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    let mut req = r.body(Body::from(body.to_string())).unwrap();
    req.extensions_mut().insert(ConnectInfo(SocketAddr::new(peer.parse().unwrap(), 40_000)));
    req
}

fn start(peer: &str, headers: &[(&str, &str)]) -> Request<Body> {
    from(peer, "/api/v1/pair", serde_json::json!({"name": "Chromebook"}), headers)
}

#[tokio::test]
async fn one_address_flooding_pair_starts_is_refused_while_another_still_pairs() {
    let s = TestServer::new();
    for i in 0..PER_CLIENT {
        assert_eq!(s.send(start("203.0.113.7", &[])).await.status, StatusCode::CREATED, "start {i}");
    }
    assert_eq!(s.send(start("203.0.113.7", &[])).await.status, StatusCode::TOO_MANY_REQUESTS, "the flooding address is held back");
    let other = s.send(start("198.51.100.2", &[])).await;
    assert_eq!(other.status, StatusCode::CREATED, "another address still pairs: {}", other.text());
    // The other address's pairing goes all the way through.
    let j = other.json();
    let code = j["userCode"].as_str().unwrap();
    let approve = Request::post(format!("/api/v1/pair/{code}/approve")).header("Authorization", format!("Bearer {ALICE}"));
    assert_eq!(s.send(approve.body(Body::empty()).unwrap()).await.status, StatusCode::NO_CONTENT);
    let poll = s.send(from("198.51.100.2", "/api/v1/pair/poll", serde_json::json!({"deviceCode": j["deviceCode"]}), &[])).await;
    assert_eq!(poll.status, StatusCode::OK, "{}", poll.text());
}

#[tokio::test]
async fn forwarded_for_is_ignored_from_an_untrusted_peer_and_honoured_from_a_trusted_one() {
    // No trusted proxy: a client rotating X-Forwarded-For is still one address.
    let s = TestServer::new();
    for i in 0..PER_CLIENT {
        let xff = format!("192.0.2.{i}");
        assert_eq!(s.send(start("203.0.113.7", &[("X-Forwarded-For", &xff)])).await.status, StatusCode::CREATED);
    }
    let forged = s.send(start("203.0.113.7", &[("X-Forwarded-For", "192.0.2.200"), ("Forwarded", "for=192.0.2.201")])).await;
    assert_eq!(forged.status, StatusCode::TOO_MANY_REQUESTS, "a forged forwarding header does not dodge the limit");

    // Behind a trusted proxy: each client behind it counts alone, by the right-most hop the
    // proxy added (what the client wrote left of it is not believed).
    let s = TestServer::with(|c| c.trusted_proxies = vec![Cidr::parse("10.0.0.0/8").unwrap()]);
    for i in 0..PER_CLIENT {
        let xff = format!("192.0.2.{i}, 203.0.113.7");
        assert_eq!(s.send(start("10.0.0.1", &[("X-Forwarded-For", &xff)])).await.status, StatusCode::CREATED);
    }
    let again = s.send(start("10.0.0.1", &[("X-Forwarded-For", "192.0.2.99, 203.0.113.7")])).await;
    assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS, "the client behind the proxy is held back");
    let next = s.send(start("10.0.0.2", &[("X-Forwarded-For", "203.0.113.8")])).await;
    assert_eq!(next.status, StatusCode::CREATED, "another client behind the same proxy still pairs");
    let rfc = s.send(start("10.0.0.1", &[("Forwarded", "for=\"203.0.113.9:5000\"")])).await;
    assert_eq!(rfc.status, StatusCode::CREATED, "Forwarded: for= names the client too");
}

#[tokio::test]
async fn guessing_device_codes_is_refused_from_that_address_even_for_a_live_code() {
    let s = TestServer::new();
    let live = s.send(start("198.51.100.2", &[])).await.json()["deviceCode"].as_str().unwrap().to_string();
    let poll = |peer: &'static str, code: String| from(peer, "/api/v1/pair/poll", serde_json::json!({"deviceCode": code}), &[]);
    for i in 0..POLL_MISSES_PER_CLIENT {
        assert_eq!(s.send(poll("203.0.113.7", format!("{i:048x}"))).await.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(s.send(poll("203.0.113.7", live.clone())).await.status, StatusCode::TOO_MANY_REQUESTS, "no answer past the limit");
    assert_eq!(s.send(poll("198.51.100.2", live)).await.status, StatusCode::PRECONDITION_REQUIRED, "the device itself still polls");
}

#[tokio::test]
async fn one_pairing_code_is_looked_up_a_bounded_number_of_times_whoever_asks() {
    let s = TestServer::new();
    let code = s.send(start("198.51.100.2", &[])).await.json()["userCode"].as_str().unwrap().to_string();
    // Spread over two users, so neither user's own limit is what stops it.
    for i in 0..MAX_ATTEMPTS {
        let who = if i % 2 == 0 { ALICE } else { BOB };
        assert_eq!(s.get_as(who, &format!("/api/v1/pair/{code}")).await.status, StatusCode::OK);
    }
    assert_eq!(s.get_as(ALICE, &format!("/api/v1/pair/{code}")).await.status, StatusCode::TOO_MANY_REQUESTS);
    let approve = Request::post(format!("/api/v1/pair/{code}/approve")).header("Authorization", format!("Bearer {BOB}"));
    assert_eq!(s.send(approve.body(Body::empty()).unwrap()).await.status, StatusCode::TOO_MANY_REQUESTS);
}

fn add_user(s: &TestServer, name: &str) -> String {
    let add = UserCommand::Add { name: name.into(), quota: None, url: "http://x".into() };
    run_on(Command::User(add), s.dir.path(), s.state.config.database.as_deref()).unwrap()
}

fn code_of(cli_output: &str) -> String {
    let link = cli_output.lines().last().unwrap();
    assert!(!link.contains("token="), "the link carries no token: {link}");
    link.split("?signin=").nth(1).expect("a ?signin= link").to_string()
}

fn exchange(peer: &str, code: &str) -> Request<Body> {
    from(peer, "/api/v1/signin", serde_json::json!({"code": code, "name": "Chromebook"}), &[])
}

#[tokio::test]
async fn a_signin_link_is_exchanged_once_for_a_device_token_that_is_listed_and_revocable() {
    let s = TestServer::new();
    let code = code_of(&add_user(&s, "carol"));
    assert_eq!(s.get_as(&code, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED, "the link's code is not a token");
    let first = s.send(exchange("198.51.100.2", &code)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(first.json()["user"], "carol");
    let token = first.json()["token"].as_str().unwrap().to_string();
    assert_eq!(s.get_as(&token, "/api/v1/media").await.status, StatusCode::OK);
    // Replayed, from the same address or another: nothing.
    assert_eq!(s.send(exchange("198.51.100.2", &code)).await.status, StatusCode::NOT_FOUND, "a second exchange fails");
    assert_eq!(s.send(exchange("203.0.113.7", &code)).await.status, StatusCode::NOT_FOUND);
    // The token is a device of its own: listed, and revoking it signs that device out.
    let devices = s.get_as(&token, "/api/v1/devices").await.json();
    assert_eq!(devices.as_array().unwrap().len(), 1, "{devices}");
    assert_eq!((devices[0]["name"].as_str(), devices[0]["scope"].as_str()), (Some("Chromebook"), Some("full")));
    let id = devices[0]["id"].as_str().unwrap();
    let del = Request::delete(format!("/api/v1/devices/{id}")).header("Authorization", format!("Bearer {token}"));
    assert_eq!(s.send(del.body(Body::empty()).unwrap()).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get_as(&token, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED, "revoked at once");
    // `user link` makes another one-time link for the next device.
    let link = UserCommand::Link { name: "carol".into(), url: "http://x".into() };
    let again = code_of(&run_on(Command::User(link), s.dir.path(), s.state.config.database.as_deref()).unwrap());
    assert_eq!(s.send(exchange("198.51.100.2", &again)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn signin_links_expire_die_with_their_user_and_guesses_are_limited_per_address() {
    let s = TestServer::new();
    let a = &s.state.accounts;
    assert!(a.add_user("frank", None, 1_000).unwrap());
    let code = a.create_signin("frank", 1_000).unwrap();
    assert_eq!(a.redeem_signin(&code, None, 1_000 + SIGNIN_TTL_MS).unwrap(), None, "expired");
    let code = a.create_signin("frank", 1_000).unwrap();
    assert!(a.redeem_signin(&code, None, SIGNIN_TTL_MS).unwrap().is_some(), "alive until then");
    let code = code_of(&add_user(&s, "dave"));
    run_on(Command::User(UserCommand::Remove { name: "dave".into() }), s.dir.path(), s.state.config.database.as_deref()).unwrap();
    assert_eq!(s.send(exchange("198.51.100.2", &code)).await.status, StatusCode::NOT_FOUND, "a removed user's link is dead");
    for i in 0..PER_CLIENT {
        assert_eq!(s.send(exchange("203.0.113.7", &format!("{i:048x}"))).await.status, StatusCode::NOT_FOUND);
    }
    let real = code_of(&add_user(&s, "erin"));
    assert_eq!(s.send(exchange("203.0.113.7", &real)).await.status, StatusCode::TOO_MANY_REQUESTS, "the guesser is held back");
    assert_eq!(s.send(exchange("198.51.100.9", &real)).await.status, StatusCode::OK, "others are not");
}

/// One raw HTTP POST over a real connection made from `source` (any 127.x address is this
/// machine's loopback), so the server sees that peer the way it sees a real client.
async fn post_over_tcp(source: &str, server: SocketAddr, path: &str, body: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let sock = tokio::net::TcpSocket::new_v4().unwrap();
    sock.bind(SocketAddr::new(source.parse().unwrap(), 0)).unwrap();
    let mut c = sock.connect(server).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    c.write_all(head.as_bytes()).await.unwrap();
    let mut reply = String::new();
    c.read_to_string(&mut reply).await.unwrap();
    reply.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status line: {reply}"))
}

#[tokio::test]
async fn the_listener_counts_each_real_peer_apart() {
    let s = TestServer::new();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(shoebox_server::serve(l, s.state.clone()));
    let body = r#"{"name": "Chromebook"}"#;
    for _ in 0..PER_CLIENT {
        assert_eq!(post_over_tcp("127.0.0.2", addr, "/api/v1/pair", body).await, 201);
    }
    assert_eq!(post_over_tcp("127.0.0.2", addr, "/api/v1/pair", body).await, 429);
    assert_eq!(post_over_tcp("127.0.0.3", addr, "/api/v1/pair", body).await, 201, "another peer is counted apart");
}
