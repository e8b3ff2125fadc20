//! The library's days in the viewer's IANA time zone: an instant (a file's date, or the upload
//! time) falls on its local date under the zone's rules for that date, summer and winter alike,
//! in the list, the day filters, the keyset pages, the summary and the albums; EXIF wall-clock
//! times keep their own date; an unknown zone is a 400 naming `tz`. The suite also runs over
//! PostgreSQL (SHOEBOX_TEST_DATABASE=postgres), which must give the very same days.
mod common;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;
use std::collections::BTreeMap;

const LA: &str = "America/Los_Angeles";
const BERLIN: &str = "Europe/Berlin";

fn item(n: u64, filename: &str, album: &str, captured: Option<&str>, uploaded: &str) -> MediaItem {
    MediaItem {
        sha256: sha256_hex(&n.to_le_bytes()),
        filename: Some(filename.into()),
        album: Some(album.into()),
        size: 1000 + n,
        filetype: Some("image/jpeg".into()),
        captured_at: captured.map(str::to_string),
        uploaded_at: uploaded.into(),
        ..MediaItem::default()
    }
}

/// Each file-dated photo is at 00:30 or 23:30 local time in its own city, so a one-hour error in
/// the offset (winter's offset applied in summer, or the other way) moves it to another day.
fn seeded() -> TestServer {
    let s = TestServer::new();
    let up = "2024-08-01T12:00:00Z";
    let items = [
        // 00:30 PDT (UTC-7) on 15 July; at winter's UTC-8 it would be 23:30 on the 14th.
        item(1, "la_summer.jpg", "LA", Some("2024-07-15T07:30:00Z"), up),
        // 23:30 PST (UTC-8) on 14 January; at summer's UTC-7 it would be 00:30 on the 15th.
        item(2, "la_winter.jpg", "LA", Some("2024-01-15T07:30:00.250Z"), up),
        // 00:30 CEST (UTC+2) on 15 July; at winter's UTC+1 it would be 23:30 on the 14th.
        item(3, "berlin_summer.jpg", "Berlin", Some("2024-07-14T22:30:00Z"), up),
        // 23:30 CET (UTC+1) on 14 January; at summer's UTC+2 it would be 00:30 on the 15th.
        item(4, "berlin_winter.jpg", "Berlin", Some("2024-01-14T22:30:00Z"), up),
        // An EXIF wall-clock time: its own date in every zone.
        item(5, "exif.jpg", "Camera", Some("2024-07-15T00:30:00"), up),
        // No capture time: the upload instant, 23:30 PDT on 14 July, 08:30 CEST on the 15th.
        item(6, "upload_only.jpg", "Camera", None, "2024-07-15T06:30:00Z"),
    ];
    s.state.index.insert_many("alice", &items).unwrap();
    s
}

/// The day each file falls on when viewed in `tz`.
fn expected(tz: &str) -> BTreeMap<&'static str, &'static str> {
    let la = tz == LA;
    BTreeMap::from([
        ("la_summer.jpg", "2024-07-15"),
        ("la_winter.jpg", if la { "2024-01-14" } else { "2024-01-15" }),
        ("berlin_summer.jpg", if la { "2024-07-14" } else { "2024-07-15" }),
        ("berlin_winter.jpg", "2024-01-14"),
        ("exif.jpg", "2024-07-15"),
        ("upload_only.jpg", if la { "2024-07-14" } else { "2024-07-15" }),
    ])
}

/// (filename, day) of every item on every page of `query`, following `next`.
async fn pages(s: &TestServer, query: &str, limit: usize) -> Vec<(String, String)> {
    let (mut out, mut cursor) = (Vec::new(), String::new());
    loop {
        let uri = format!("/api/v1/media?order=taken&limit={limit}&{query}&cursor={}", cursor.replace('|', "%7C"));
        let r = s.get(&uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        let v = r.json();
        for i in v["items"].as_array().unwrap() {
            out.push((i["filename"].as_str().unwrap().to_string(), i["day"].as_str().unwrap().to_string()));
        }
        match v["next"].as_str() {
            Some(n) => cursor = n.to_string(),
            None => return out,
        }
    }
}

#[tokio::test]
async fn file_dated_items_fall_on_their_local_day_in_summer_and_winter() {
    let s = seeded();
    for tz in [LA, BERLIN] {
        let all = pages(&s, &format!("tz={tz}"), 1000).await;
        let got: BTreeMap<&str, &str> = all.iter().map(|(n, d)| (n.as_str(), d.as_str())).collect();
        assert_eq!(got, expected(tz), "{tz}");
        let days: Vec<&str> = all.iter().map(|(_, d)| d.as_str()).collect();
        let mut sorted = days.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(days, sorted, "{tz}: newest day first");
        // Across keyset page boundaries (one item a page, the cursor carrying the local day):
        // the same items on the same days, each once, in the same order.
        assert_eq!(pages(&s, &format!("tz={tz}"), 1).await, all, "{tz}: one item a page");
        assert_eq!(pages(&s, &format!("tz={tz}"), 2).await, all, "{tz}: two items a page");
    }
    // The day filters compare the same local day.
    let names = |v: Vec<(String, String)>| v.into_iter().map(|(n, _)| n).collect::<Vec<_>>();
    let la_14 = names(pages(&s, &format!("tz={LA}&from=2024-07-14&to=2024-07-14"), 1).await);
    assert_eq!(la_14.len(), 2, "{la_14:?}");
    assert!(la_14.contains(&"berlin_summer.jpg".into()) && la_14.contains(&"upload_only.jpg".into()), "{la_14:?}");
    let jump = names(pages(&s, &format!("tz={BERLIN}&day=2024-01-14"), 1).await);
    assert_eq!(jump, ["berlin_winter.jpg"], "a jump to 14 January in Berlin starts at its 23:30 photo");
    // A fixed offset is still accepted, and applies that one offset to every date.
    let winter_offset: BTreeMap<String, String> = pages(&s, "tz=-480", 1000).await.into_iter().collect();
    assert_eq!(winter_offset["la_summer.jpg"], "2024-07-14", "an offset is not a zone");
}

#[tokio::test]
async fn the_summary_counts_local_days() {
    let s = seeded();
    let la = s.get(&format!("/api/v1/media/summary?tz={LA}")).await.json();
    assert_eq!(
        la["days"],
        json!([
            {"day": "2024-07-15", "count": 2, "bytes": 2006},
            {"day": "2024-07-14", "count": 2, "bytes": 2009},
            {"day": "2024-01-14", "count": 2, "bytes": 2006},
        ])
    );
    let berlin = s.get(&format!("/api/v1/media/summary?tz={BERLIN}")).await.json();
    assert_eq!(
        berlin["days"],
        json!([
            {"day": "2024-07-15", "count": 4, "bytes": 4015},
            {"day": "2024-01-15", "count": 1, "bytes": 1002},
            {"day": "2024-01-14", "count": 1, "bytes": 1004},
        ])
    );
    let la_album = s.get(&format!("/api/v1/media/summary?tz={LA}&album=LA")).await.json();
    assert_eq!(
        la_album["days"],
        json!([{"day": "2024-07-15", "count": 1, "bytes": 1001}, {"day": "2024-01-14", "count": 1, "bytes": 1002}])
    );
}

#[tokio::test]
async fn albums_latest_day_is_local() {
    let s = seeded();
    let latest = |v: Value| -> BTreeMap<String, String> {
        v["albums"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| (a["album"].as_str().unwrap().into(), a["latestDay"].as_str().unwrap().into()))
            .collect()
    };
    let la = latest(s.get(&format!("/api/v1/albums?tz={LA}")).await.json());
    assert_eq!((la["LA"].as_str(), la["Berlin"].as_str(), la["Camera"].as_str()), ("2024-07-15", "2024-07-14", "2024-07-15"));
    let berlin = latest(s.get(&format!("/api/v1/albums?tz={BERLIN}")).await.json());
    assert_eq!((berlin["LA"].as_str(), berlin["Berlin"].as_str(), berlin["Camera"].as_str()), ("2024-07-15", "2024-07-15", "2024-07-15"));
}

#[tokio::test]
async fn an_unknown_zone_is_a_400_naming_tz() {
    let s = seeded();
    for tz in ["Mars%2FOlympus_Mons", "..%2F..%2Fetc%2Fpasswd", "Europe%2FBerlin'--", "5000", "abc"] {
        for path in ["/api/v1/media?order=taken&", "/api/v1/media/summary?", "/api/v1/albums?"] {
            let r = s.get(&format!("{path}tz={tz}")).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}tz={tz}");
            assert!(r.text().contains("tz"), "{path}tz={tz}: {}", r.text());
        }
    }
}
