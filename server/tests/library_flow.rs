//! The app's library flow (core's `LibraryFlow`) against this server: the paths and queries it
//! builds (filters, the viewer's IANA zone, day and cursor pages) are the ones the server reads,
//! and every answer it gets parses into the typed shapes both sides share.
mod common;
use axum::body::Body;
use axum::http::Request;
use common::*;
use shoebox_core::api::{ApiCall, ApiReply, Bearer, MediaItem};
use shoebox_core::hash::sha256_hex;
use shoebox_core::library::{Filters, LibraryAction, LibraryFlow, LibraryNote, LoadState, Route, RowBody};

const BASE: &str = "https://photos.example";

/// Six photos in Holiday over three days (one an instant late on 1 May in Los Angeles, 2 May in
/// UTC), and two videos without an album.
fn seeded() -> TestServer {
    let s = TestServer::new();
    let item = |n: u64, album: Option<&str>, filetype: &str, captured: &str| MediaItem {
        sha256: sha256_hex(&n.to_le_bytes()),
        filename: Some(format!("f{n}")),
        album: album.map(str::to_string),
        size: 1000 + n,
        filetype: Some(filetype.into()),
        captured_at: Some(captured.into()),
        uploaded_at: "2024-06-10T10:00:00Z".into(),
        ..MediaItem::default()
    };
    let mut items: Vec<MediaItem> =
        (1..=5).map(|n| item(n, Some("Holiday"), "image/jpeg", &format!("2024-05-0{}T10:00:00", n % 3 + 3))).collect();
    items.push(item(6, Some("Holiday"), "image/jpeg", "2024-05-02T06:30:00Z"));
    items.push(item(7, None, "video/mp4", "2024-04-01T10:00:00"));
    items.push(item(8, None, "video/mp4", "2024-04-02T10:00:00"));
    s.state.index.insert_many("alice", &items).unwrap();
    s
}

/// Perform what the flow asks, as the app's driver does, until it asks nothing more.
async fn run(s: &TestServer, f: &mut LibraryFlow, token: &str, now: &mut u64) -> Vec<String> {
    let mut paths = Vec::new();
    while let Some(action) = f.poll_action() {
        let LibraryAction::Call(which, ApiCall { method, path, bearer, body }) = action else { continue };
        assert_eq!(bearer, Bearer::Device);
        let req = Request::builder().method(method.as_str()).uri(&path).header("Authorization", format!("Bearer {token}"));
        let req = match body {
            Some(b) => req.header("Content-Type", "application/json").body(Body::from(b)),
            None => req.body(Body::empty()),
        };
        let r = s.send(req.unwrap()).await;
        *now += 10;
        f.handle_answer(*now, which, Ok(ApiReply::new(r.status.as_u16(), r.text())), BASE);
        paths.push(path);
    }
    paths
}

fn shown(f: &LibraryFlow) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for row in f.rows() {
        match row.body {
            RowBody::Heading { day, .. } => out.push((day, Vec::new())),
            RowBody::Cells(cells) => {
                let names = cells.into_iter().map(|c| c.item.and_then(|i| i.filename).unwrap_or_default());
                out.last_mut().unwrap().1.extend(names);
            }
        }
    }
    out
}

#[tokio::test]
async fn the_flow_loads_the_timeline_in_the_viewers_zone_and_pages_it_in() {
    let s = seeded();
    let mut now = 0;
    let mut f = LibraryFlow::new("America/Los_Angeles");
    f.handle_route(now, Route::Timeline);
    let paths = run(&s, &mut f, ALICE, &mut now).await;
    assert_eq!(f.state(), LoadState::Ready);
    assert_eq!(f.matching(), 8);
    assert!(paths.iter().all(|p| p.contains("tz=America%2FLos_Angeles")), "{paths:?}");
    let days: Vec<String> = shown(&f).into_iter().map(|(d, _)| d).collect();
    assert_eq!(
        days,
        ["2024-05-05", "2024-05-04", "2024-05-03", "2024-05-01", "2024-04-02", "2024-04-01"],
        "6:30 UTC on 2 May is 1 May there"
    );
    assert!(shown(&f).iter().all(|(_, names)| names.iter().all(|n| !n.is_empty())), "every row on screen loaded: {:?}", shown(&f));
    let v = f.rows().into_iter().find_map(|r| match r.body {
        RowBody::Cells(c) => c.into_iter().next().and_then(|c| c.item),
        RowBody::Heading { .. } => None,
    });
    assert!(v.unwrap().thumb_url.unwrap().starts_with(&format!("{BASE}/")), "signed URLs made whole");

    f.handle_filters(now, Filters { album: Some(String::new()), ..Filters::default() });
    run(&s, &mut f, ALICE, &mut now).await;
    assert_eq!(shown(&f), [("2024-04-02".to_string(), vec!["f8".to_string()]), ("2024-04-01".to_string(), vec!["f7".to_string()])]);
}

#[tokio::test]
async fn trash_and_restore_through_the_flow_and_the_trash_ignores_filters() {
    let s = seeded();
    let mut now = 0;
    let mut f = LibraryFlow::new("Europe/Paris");
    f.handle_route(now, Route::Timeline);
    f.handle_filters(now, Filters { q: "f7".into(), ..Filters::default() });
    run(&s, &mut f, ALICE, &mut now).await;
    assert_eq!(f.matching(), 1);
    f.handle_open(now, 0);
    f.handle_trash_shown(now);
    run(&s, &mut f, ALICE, &mut now).await;
    assert_eq!((f.note(), f.matching(), f.totals().trash_count), (Some(LibraryNote::Trashed(1)), 0, 1));

    f.handle_route(now, Route::Trash);
    run(&s, &mut f, ALICE, &mut now).await;
    assert_eq!(shown(&f), [("2024-04-01".to_string(), vec!["f7".to_string()])], "the Trash lists all it holds, whatever the search");
    let id = f.rows().into_iter().find_map(|r| match r.body {
        RowBody::Cells(c) => c[0].item.as_ref().map(|i| i.id.clone()),
        RowBody::Heading { .. } => None,
    });
    f.handle_toggle(now, id.unwrap());
    f.handle_send_selected(now, false);
    run(&s, &mut f, ALICE, &mut now).await;
    assert_eq!((f.note(), f.matching(), f.totals().trash_count), (Some(LibraryNote::Restored(1)), 0, 0));
}

#[tokio::test]
async fn albums_load_and_a_refused_token_means_no_library_here() {
    let s = seeded();
    let mut now = 0;
    let mut f = LibraryFlow::new("-480");
    f.handle_route(now, Route::Albums);
    run(&s, &mut f, ALICE, &mut now).await;
    assert_eq!(f.state(), LoadState::Ready);
    let albums: Vec<(Option<String>, u64)> = f.albums().iter().map(|a| (a.album.clone(), a.count)).collect();
    assert_eq!(albums, [(Some("Holiday".to_string()), 6), (None, 2)]);
    assert!(f.albums()[0].cover_thumb_url.as_deref().unwrap().starts_with(BASE));

    let mut f = LibraryFlow::new("UTC");
    f.handle_route(now, Route::Timeline);
    run(&s, &mut f, "not-a-token-at-all", &mut now).await;
    assert_eq!(f.state(), LoadState::Unavailable);
}
