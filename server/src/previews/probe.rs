//! Video facts (length, displayed size, codec) probed once after an upload completes, by a
//! background sweep off the PATCH path: it takes videos whose records say "not probed yet",
//! which also backfills every video stored before the facts existed, on each node alike (two
//! nodes probing one video write the same facts).
use std::time::Duration;

use serde::Deserialize;
use shoebox_core::photo::{inspect, INSPECT_BYTES};
use std::io::Read;

use super::{blocking, copy_in, kind, sandbox, tools, Kind, TOOL_TIME, VIDEO_HEAD_BYTES, VIDEO_TAIL_BYTES};
pub use crate::index::VideoFacts;
use crate::state::AppState;

/// How often the sweep looks for unprobed videos, and how many it takes at once.
const EVERY: Duration = Duration::from_secs(2);
const BATCH: usize = 8;

/// The sweep, for the node's lifetime, with Live Photo pairing (`live`) and the H.264 copies
/// of HEVC clips (`transcode`) in the same loop; a
/// node without ffprobe pairs but never marks a video probed, so a node that has it does that.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let probing = tools().ffprobe.is_some();
        loop {
            let paired = super::live::sweep(&state).await;
            let probed = if probing { sweep(&state).await } else { 0 };
            let copied = super::transcode::sweep(&state).await;
            if paired + probed + copied == 0 {
                tokio::time::sleep(EVERY).await;
            }
        }
    })
}

/// Probes up to one batch of unprobed videos; returns how many it took.
pub async fn sweep(state: &AppState) -> usize {
    let index = state.index.clone();
    let Some(todo) = blocking(move || index.unprobed_videos(BATCH).ok()).await else { return 0 };
    for (user, sha) in &todo {
        let facts = probe(state, user, sha).await;
        let (index, u, s) = (state.index.clone(), user.clone(), sha.clone());
        let _ = blocking(move || index.set_video_facts(&u, &s, facts.as_ref()).ok()).await;
    }
    todo.len()
}

/// The facts of one stored video, or `None` when its bytes are not a video ffprobe reads.
pub async fn probe(state: &AppState, user: &str, sha: &str) -> Option<VideoFacts> {
    let tool = tools().ffprobe.clone()?;
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let head = blocking(move || {
        let (r, len) = store.open_blob(&u, &s).ok()??;
        let mut head = Vec::new();
        r.take(INSPECT_BYTES as u64).read_to_end(&mut head).ok()?;
        Some((head, len))
    })
    .await?;
    let Some(Kind::Video(demuxer)) = kind(inspect("", &head.0, head.1).format) else { return None };
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let sparse = Some((VIDEO_HEAD_BYTES, VIDEO_TAIL_BYTES));
    let scratch = super::scratch_dir(&state.config.data_dir);
    let dir = blocking(move || copy_in(&*store, &scratch, &u, &s, "in.video", u64::MAX, sparse).ok()).await?;
    let entries = "stream=codec_name,width,height:stream_tags=rotate:stream_side_data:format=duration";
    let args = [
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-f",
        demuxer,
        "-select_streams",
        "v:0",
        "-show_entries",
        entries,
        "-of",
        "json",
        "-o",
        "facts.json",
        "in.video",
    ];
    sandbox::run(&tool, &args, dir.path(), TOOL_TIME).await.ok()?;
    parse(&std::fs::read(dir.path().join("facts.json")).ok()?)
}

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    streams: Vec<Stream>,
    format: Option<Format>,
}

#[derive(Deserialize)]
struct Stream {
    codec_name: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    #[serde(default)]
    tags: std::collections::HashMap<String, String>,
    #[serde(default)]
    side_data_list: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct Format {
    duration: Option<String>,
}

/// ffprobe's JSON as facts; a stream turned a quarter (display matrix or the older `rotate`
/// tag) swaps width and height.
pub fn parse(json: &[u8]) -> Option<VideoFacts> {
    let p: Probe = serde_json::from_slice(json).ok()?;
    let st = p.streams.into_iter().next()?;
    let rotation = st
        .side_data_list
        .iter()
        .find_map(|d| d.get("rotation").and_then(serde_json::Value::as_i64))
        .or_else(|| st.tags.get("rotate").and_then(|r| r.parse().ok()));
    let quarter = rotation.is_some_and(|r| r.rem_euclid(180) == 90);
    let (width, height) = if quarter { (st.height, st.width) } else { (st.width, st.height) };
    let seconds = p.format.and_then(|f| f.duration).and_then(|d| d.parse::<f64>().ok()).filter(|d| d.is_finite() && *d >= 0.0);
    Some(VideoFacts { duration_ms: seconds.map(|s| (s * 1000.0).round() as u64), width, height, codec: st.codec_name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_turn_swaps_the_shown_size_and_a_bad_answer_gives_nothing() {
        let json = br#"{"streams":[{"codec_name":"hevc","width":1920,"height":1080,"side_data_list":[{"rotation":-90}]}],"format":{"duration":"3.4165"}}"#;
        let f = parse(json).unwrap();
        assert_eq!((f.width, f.height, f.duration_ms, f.codec.as_deref()), (Some(1080), Some(1920), Some(3417), Some("hevc")));
        let tagged = br#"{"streams":[{"width":640,"height":480,"tags":{"rotate":"180"}}]}"#;
        assert_eq!(parse(tagged).map(|f| (f.width, f.height, f.duration_ms)), Some((Some(640), Some(480), None)));
        assert_eq!(parse(br#"{"streams":[]}"#), None);
        assert_eq!(parse(b"not json"), None);
    }
}
