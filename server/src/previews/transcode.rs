//! H.264 copies of HEVC Live Photo clips: phones record HEVC, which browsers without a HEVC
//! decoder (Chromium on Linux, Firefox) cannot play. A background job, after the clip is paired
//! and probed, runs ffmpeg (libx264, in the same sandbox as every tool) on a local copy of the
//! clip and keeps the result beside the blob (the store's `h264` derived file, deleted with
//! it); the item's `videoUrl` then plays the copy, its downloads stay the clip's own bytes.
//! A clip that cannot be copied (corrupt, too long, no ffmpeg here is not that: it is simply
//! not tried) is marked and not tried again.
use std::time::Duration;

use super::{blocking, copy_in, sandbox, tools};
use crate::state::AppState;

/// Clips taken per sweep: each is a few seconds of encoding on one CPU.
const BATCH: usize = 2;
/// A motion clip is a few seconds and a few megabytes; anything much larger is no Live Photo's.
const MAX_CLIP_BYTES: u64 = 64 << 20;
/// The copy covers at most this much of the clip.
const MAX_SECONDS: &str = "10";
/// Encoding a few seconds at phone resolution on one CPU.
const ENCODE_TIME: Duration = Duration::from_secs(90);

/// Copies up to one batch of clips; returns how many it took.
pub async fn sweep(state: &AppState) -> usize {
    let Some(tool) = tools().ffmpeg.clone() else { return 0 };
    let index = state.index.clone();
    let Some(todo) = blocking(move || index.clips_to_copy(BATCH).ok()).await else { return 0 };
    for (user, sha) in &todo {
        let copy = encode(state, &tool, user, sha).await;
        let made = match copy {
            Some(mp4) => {
                let (store, u, s) = (state.store.clone(), user.clone(), sha.clone());
                blocking(move || store.put_thumb(&u, &s, "h264", &mp4).ok()).await.is_some()
            }
            None => false,
        };
        let (index, u, s) = (state.index.clone(), user.clone(), sha.clone());
        let _ = blocking(move || index.set_h264_copy(&u, &s, made).ok()).await;
    }
    todo.len()
}

/// Sweeps until nothing is left (tests, the backfill).
pub async fn sweep_all(state: &AppState) {
    while sweep(state).await > 0 {}
}

/// The H.264 MP4 of one stored clip, or `None`.
async fn encode(state: &AppState, tool: &std::path::Path, user: &str, sha: &str) -> Option<Vec<u8>> {
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let scratch = super::scratch_dir(&state.config.data_dir);
    let dir = blocking(move || copy_in(&*store, &scratch, &u, &s, "in.video", MAX_CLIP_BYTES, None).ok()).await?;
    // The demuxer is named, never guessed, and only local files may be opened (a hostile
    // "clip" that is really a playlist reads nothing else).
    let args = [
        "-nostdin",
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-f",
        "mov",
        "-i",
        "in.video",
        "-t",
        MAX_SECONDS,
        "-map",
        "0:v:0",
        "-an",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "23",
        "-pix_fmt",
        "yuv420p",
        "-threads",
        "1",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
        "out.mp4",
    ];
    sandbox::run(tool, &args, dir.path(), ENCODE_TIME).await.ok()?;
    std::fs::read(dir.path().join("out.mp4")).ok().filter(|b| !b.is_empty())
}
