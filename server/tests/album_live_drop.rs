//! A kiosk visit's drop stays as it is while the visit lives: the operator cannot rename it,
//! rename another album to its name, add to it (an album edit or a Takeout fill) or take from
//! it (409 `album_live_visit`, which the app says in its words), since the visitor sees that
//! album and may still be sending.
//! Once the visit ends every one of those calls works; another user's album of the same name
//! was never held.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use shoebox_core::hash::sha256_hex;

const KEY: &str = "shop-kiosk-key-0123456789";

async fn call(s: &TestServer, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let r = s.send(post_json(token, path, body)).await;
    let v = if r.body.is_empty() { Value::Null } else { r.json() };
    (r.status, v)
}

#[tokio::test]
async fn a_live_visits_drop_cannot_be_renamed_filled_or_emptied_until_it_ends() {
    let s = TestServer::with_kiosk("shop", "alice", KEY);
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let (visitor, drop) = (r.json()["token"].as_str().unwrap().to_string(), r.json()["drop"].as_str().unwrap().to_string());
    let photo = content::photo(3_000, 1);
    let c = s.create_as(&visitor, photo.len() as u64, &[("filename", "a.jpg"), ("sha256", &sha256_hex(&photo))]).await;
    assert_eq!(s.patch_as(&visitor, &c.h("location").unwrap(), 0, &photo).await.status, StatusCode::NO_CONTENT);
    let mine = content::photo(4_000, 2);
    s.upload(&mine, 1 << 20, &[("filename", "mine.jpg"), ("album", "Holiday")]).await;
    // Bob has an album of the same name: his own, never the visit's.
    s.state.index.create_album("bob", &drop, "2026-01-01T00:00:00Z").unwrap().unwrap();

    let fill = format!("/api/v1/media/{}/takeout", sha256_hex(&mine));
    let moves = [
        ("/api/v1/albums/rename", json!({"from": drop, "to": "Renamed"})),
        ("/api/v1/albums/rename", json!({"from": "Holiday", "to": drop})),
        ("/api/v1/albums/add", json!({"album": drop, "sha256": [sha256_hex(&mine)]})),
        ("/api/v1/albums/remove", json!({"album": drop, "sha256": [sha256_hex(&photo)]})),
        (fill.as_str(), json!({"albums": json!([drop]).to_string()})),
    ];
    for (path, body) in &moves {
        let (st, v) = call(&s, ALICE, path, body.clone()).await;
        assert_eq!((st, v["code"].clone()), (StatusCode::CONFLICT, json!("album_live_visit")), "{path} {body}: {v}");
        assert!(v["message"].as_str().unwrap().contains("kiosk visit"), "{v}");
    }
    // Nor can the owner move the visitor's photo to the Trash while the visit goes on.
    let listed = s.get_as(ALICE, &format!("/api/v1/media?album={}", drop.replace(' ', "%20"))).await.json();
    let id = listed["items"][0]["id"].as_str().expect("the visitor's photo, listed to its owner").to_string();
    let (st, v) = call(&s, ALICE, "/api/v1/media/trash", json!({"ids": [id]})).await;
    assert_eq!((st, v["code"].clone()), (StatusCode::CONFLICT, json!("album_live_visit")), "trash: {v}");
    let seen = s.get_as(&visitor, "/api/v1/media").await.json();
    assert_eq!(seen["items"].as_array().unwrap().len(), 1, "the visitor's drop holds its own photo only: {seen}");
    assert_eq!(
        call(&s, BOB, "/api/v1/albums/rename", json!({"from": drop, "to": "Bob's"})).await.0,
        StatusCode::OK,
        "another user's album is free"
    );

    let end = Request::delete("/api/v1/kiosk/sessions/current").header("Authorization", format!("Bearer {visitor}")).body(Body::empty());
    assert_eq!(s.send(end.unwrap()).await.status, StatusCode::NO_CONTENT);
    assert_eq!(
        call(&s, ALICE, moves[2].0, moves[2].1.clone()).await,
        (StatusCode::OK, json!({"added": 1})),
        "ended: the drop is an album like any"
    );
    assert_eq!(call(&s, ALICE, moves[3].0, moves[3].1.clone()).await, (StatusCode::OK, json!({"removed": 1})));
    assert_eq!(call(&s, ALICE, moves[0].0, moves[0].1.clone()).await, (StatusCode::OK, json!({"renamed": 1})));
    assert_eq!(call(&s, ALICE, "/api/v1/media/trash", json!({"ids": [id]})).await, (StatusCode::OK, json!({"trashed": 1})));
}
