//! `shoebox-server backfill-previews`: for media stored before this node could make previews
//! (its tools missing, or an older server), probe the facts of every video that has none and
//! make every missing thumbnail and preview now, printing what it did. The running server does
//! the same lazily (the probe sweep, thumbnails on first request); this does it in one go, on
//! the same data folder, database and store, and may run beside the server. Live Photos
//! stored before pairing existed are paired first, and HEVC Live Photo clips get their H.264
//! copies last.
use std::collections::HashSet;

use crate::config::ServerConfig;
use crate::state::AppState;
use crate::thumbs::{thumb_or_make, Served, Variant};

/// Records read from the index at a time.
const PAGE: usize = 500;

#[derive(Debug, Default)]
pub struct Backfilled {
    pub videos_probed: u64,
    pub videos_unreadable: u64,
    pub made: u64,
    pub already: u64,
    pub none: u64,
}

impl Backfilled {
    pub fn text(&self, probing: bool) -> String {
        let probed = if probing {
            format!("{} videos probed ({} unreadable)", self.videos_probed, self.videos_unreadable)
        } else {
            "videos not probed: ffprobe was not found (apt-get install ffmpeg)".to_string()
        };
        format!(
            "Backfilled previews: {probed}; {} thumbnails and previews made, {} already there, {} cannot be made.",
            self.made, self.already, self.none
        )
    }
}

/// Runs on a runtime of its own (commands are called from blocking code).
pub fn backfill(mut config: ServerConfig) -> Result<String, String> {
    // A token of its own, kept in memory only: opening the state must not mint the default one.
    config.tokens = vec![("backfill".into(), crate::state::random_hex(16).map_err(|e| e.to_string())?)];
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
        rt.block_on(async move {
            let state = AppState::open(config).map_err(|e| format!("cannot open the data folder: {e}"))?;
            let probing = crate::previews::tools().ffprobe.is_some();
            let done = run(&state, probing).await.map_err(|e| e.to_string())?;
            Ok(done.text(probing))
        })
    })
    .join()
    .map_err(|_| "the backfill stopped unexpectedly".to_string())?
}

async fn run(state: &AppState, probing: bool) -> std::io::Result<Backfilled> {
    crate::previews::live::sweep_all(state).await;
    let mut done = Backfilled::default();
    let mut seen = HashSet::new();
    let mut after = 0;
    loop {
        let index = state.index.clone();
        let page = tokio::task::spawn_blocking(move || index.contents_after(after, PAGE)).await?.map_err(std::io::Error::other)?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for c in page {
            if !seen.insert((c.user.clone(), c.sha256.clone())) {
                continue;
            }
            if probing && c.video && c.duration_ms.is_none() {
                let facts = crate::previews::probe::probe(state, &c.user, &c.sha256).await;
                done.videos_probed += 1;
                done.videos_unreadable += u64::from(facts.is_none());
                let (index, u, s) = (state.index.clone(), c.user.clone(), c.sha256.clone());
                tokio::task::spawn_blocking(move || index.set_video_facts(&u, &s, facts.as_ref())).await?.map_err(std::io::Error::other)?;
            }
            for variant in [Variant::Thumb, Variant::Preview] {
                let (store, u, s) = (state.store.clone(), c.user.clone(), c.sha256.clone());
                let had = tokio::task::spawn_blocking(move || store.open_thumb(&u, &s, variant.as_str())).await??;
                match had {
                    Some(t) if t.is_empty() => done.none += 1,
                    Some(_) => done.already += 1,
                    None => match thumb_or_make(state, &c.user, &c.sha256, variant)
                        .await
                        .map_err(|e| std::io::Error::other(format!("{e:?}")))?
                    {
                        Served::Jpeg(_) => done.made += 1,
                        Served::Original => {}
                        Served::Nothing => done.none += 1,
                    },
                }
            }
        }
    }
    // Clips probed just now as HEVC get their H.264 copies too.
    crate::previews::transcode::sweep_all(state).await;
    Ok(done)
}
