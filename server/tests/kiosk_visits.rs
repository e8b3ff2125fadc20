//! The operator's log of kiosk visits (`GET /api/v1/visits`): each visit of the day with its
//! code, its times and what its drop holds by kind, kept after the visit ends; only the
//! operator's full-access token reads it, and only their own visits. Nobody, another user, an
//! upload-only device, a kiosk key and a visitor are refused.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::accounts::DeviceScope;
use shoebox_server::config::KioskProfile;

const KEY: &str = "shop-kiosk-key-0123456789";
const BOB_KEY: &str = "bobs-kiosk-key-0123456789";

fn server() -> TestServer {
    TestServer::with(|c| {
        c.kiosks = vec![
            KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() },
            KioskProfile { name: "bobs".into(), user: "bob".into(), key: BOB_KEY.into(), ..Default::default() },
        ];
    })
}

async fn visit(s: &TestServer, key: &str) -> (String, String) {
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {key}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let j = r.json();
    (j["token"].as_str().unwrap().to_string(), j["code"].as_str().unwrap().to_string())
}

async fn put(s: &TestServer, token: &str, bytes: &[u8], name: &str) {
    let sha = sha256_hex(bytes);
    let c = s.create_as(token, bytes.len() as u64, &[("filename", name), ("sha256", &sha)]).await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.text());
    let p = s.patch_as(token, &c.h("location").unwrap(), 0, bytes).await;
    assert_eq!(p.status, StatusCode::NO_CONTENT, "{}", p.text());
}

#[tokio::test]
async fn the_operator_sees_todays_visits_with_codes_counts_and_times_and_nobody_else_does() {
    let s = server();
    let (v1, code1) = visit(&s, KEY).await;
    put(&s, &v1, &content::photo(3_000, 1), "a.jpg").await;
    put(&s, &v1, &content::photo(4_000, 2), "b.jpg").await;
    put(&s, &v1, &content::mp4(5_000, 3), "c.mp4").await;
    let (v2, code2) = visit(&s, KEY).await;
    // Bob's kiosk has a visit too: never in Alice's log.
    let (bv, _) = visit(&s, BOB_KEY).await;
    put(&s, &bv, &content::photo(2_000, 9), "bob.jpg").await;
    // The first visit ends: its row goes, its line in the log stays.
    let end = s
        .send(
            Request::delete("/api/v1/kiosk/sessions/current").header("Authorization", format!("Bearer {v1}")).body(Body::empty()).unwrap(),
        )
        .await;
    assert_eq!(end.status, StatusCode::NO_CONTENT);

    let r = s.get_as(ALICE, "/api/v1/visits?tz=0").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let log = r.json();
    let visits = log["visits"].as_array().unwrap();
    assert_eq!(visits.len(), 2, "{log}");
    // Newest first: the second visit, still going, nothing in its drop yet.
    assert_eq!(
        (visits[0]["code"].as_str(), visits[0]["live"].as_bool(), visits[0]["items"].as_u64()),
        (Some(code2.as_str()), Some(true), Some(0))
    );
    assert!(visits[0]["endedAt"].is_null());
    let first = &visits[1];
    assert_eq!(first["code"], code1.as_str());
    assert_eq!((first["items"].as_u64(), first["photos"].as_u64(), first["videos"].as_u64()), (Some(3), Some(2), Some(1)), "{first}");
    assert_eq!(first["bytes"].as_u64(), Some(12_000));
    assert_eq!(first["live"], false);
    let (started, ended) = (first["startedAt"].as_str().unwrap(), first["endedAt"].as_str().unwrap());
    assert!(started <= ended && started.ends_with('Z'), "{started} {ended}");
    assert!(first["drop"].as_str().unwrap().ends_with(&code1));
    assert_eq!(log["day"].as_str().unwrap(), &started[..10]);
    // Another day has none; a bad zone or day is a 400 naming it.
    assert_eq!(s.get_as(ALICE, "/api/v1/visits?tz=0&day=2001-01-01").await.json()["visits"], serde_json::json!([]));
    for (q, word) in [("tz=Mars/Olympus", "tz"), ("day=yesterday", "day")] {
        let r = s.get_as(ALICE, &format!("/api/v1/visits?{q}")).await;
        assert!(r.status == StatusCode::BAD_REQUEST && r.text().contains(word), "{q}: {}", r.text());
    }

    // Bob sees his own visit only; nobody, an upload-only device, the kiosk key and a visitor are refused.
    let bobs = s.get_as(BOB, "/api/v1/visits?tz=0").await.json();
    assert_eq!(bobs["visits"].as_array().unwrap().len(), 1);
    assert!(!bobs.to_string().contains(&code1) && !bobs.to_string().contains(&code2));
    assert_eq!(anon(&s, "/api/v1/visits", None).await.status, StatusCode::UNAUTHORIZED);
    let (device, _) = s.state.accounts.add_device("alice", "Phone", DeviceScope::Upload, shoebox_server::timefmt::now_ms(), None).unwrap();
    assert_eq!(s.get_as(&device, "/api/v1/visits").await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.get_as(KEY, "/api/v1/visits").await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.get_as(&v2, "/api/v1/visits").await.status, StatusCode::FORBIDDEN);
}
