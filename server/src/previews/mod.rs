//! Thumbnails and previews of what the browser cannot show and core cannot decode: HEIC/HEIF
//! and AVIF through Debian's `heif-convert`, videos through `ffmpeg`, camera RAW through its
//! embedded preview (core's `raw_preview`, in process). Tools run in [`sandbox`]; the stored
//! bytes reach them as a temporary local copy (whatever the store: disk or S3), and whatever
//! goes wrong ends as "no preview".
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use shoebox_core::facts::Format;
use shoebox_core::photo::prepare::thumb::{thumbnail_oriented, MAX_THUMB_SOURCE_PIXELS};
use shoebox_core::photo::raw_preview::raw_preview;

use crate::store::Store;

pub mod apple_ids;
pub mod live;
pub mod motion_photo;
pub mod probe;
pub mod samsung;
pub mod sandbox;
pub mod sidecars;
pub mod transcode;

/// A tool's wall-clock limit: a first frame or one HEIC takes well under a second.
pub(crate) const TOOL_TIME: Duration = Duration::from_secs(15);
/// Largest RAW file read whole to find its preview.
const MAX_RAW_BYTES: u64 = 256 << 20;
/// Largest HEIC/AVIF file copied for the decoder.
const MAX_HEIF_BYTES: u64 = 128 << 20;
/// A video's head and tail copied for ffmpeg, the middle left as a hole: the first second's
/// frames sit near the start and an MP4's index at one end.
pub(crate) const VIDEO_HEAD_BYTES: u64 = 64 << 20;
pub(crate) const VIDEO_TAIL_BYTES: u64 = 16 << 20;

/// Which of the external tools this node found.
#[derive(Debug, Clone)]
pub struct Tools {
    pub ffmpeg: Option<PathBuf>,
    pub ffprobe: Option<PathBuf>,
    pub heif_convert: Option<PathBuf>,
}

/// Found once: `SHOEBOX_FFMPEG` / `SHOEBOX_HEIF_CONVERT` name a tool, else `PATH`.
pub fn tools() -> &'static Tools {
    static TOOLS: OnceLock<Tools> = OnceLock::new();
    TOOLS.get_or_init(|| Tools {
        ffmpeg: sandbox::find_tool("SHOEBOX_FFMPEG", "ffmpeg"),
        ffprobe: sandbox::find_tool("SHOEBOX_FFPROBE", "ffprobe"),
        heif_convert: sandbox::find_tool("SHOEBOX_HEIF_CONVERT", "heif-convert"),
    })
}

/// One line per kind of preview that is off on this node, for the start-up log.
pub fn missing() -> Vec<&'static str> {
    let t = tools();
    let mut off = Vec::new();
    if t.ffmpeg.is_none() {
        off.push("video thumbnails are off: ffmpeg was not found (apt-get install ffmpeg)");
    }
    if t.ffprobe.is_none() {
        off.push("video lengths and codecs are off: ffprobe was not found (apt-get install ffmpeg)");
    }
    if t.heif_convert.is_none() {
        off.push("HEIC/AVIF thumbnails are off: heif-convert was not found (apt-get install libheif-examples)");
    }
    off
}

/// What kind of external preview a format gets, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heif,
    Raw,
    Video(&'static str),
}

pub fn kind(f: Format) -> Option<Kind> {
    use Format::*;
    Some(match f {
        Heic | Avif => Kind::Heif,
        Dng | Cr2 | Cr3 | Nef | Arw | Orf | Rw2 | Raf => Kind::Raw,
        // The demuxer is named, never guessed: a "video" that is really a playlist is read
        // as this container or not at all.
        Mp4 | Mov | M4v | ThreeGp => Kind::Video("mov"),
        Matroska | Webm => Kind::Video("matroska"),
        Avi => Kind::Video("avi"),
        MpegTs => Kind::Video("mpegts"),
        _ => return None,
    })
}

/// Why no preview came. Only [`NoPreview::Broken`] is a fact about the file, remembered so it
/// is not decoded again; the others may pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPreview {
    /// This node lacks the tool for the kind (it may be installed later).
    ToolMissing,
    /// The stored bytes or a scratch directory could not be read or written just now.
    Unreadable,
    /// The file gives none: corrupt, truncated, too large, a bomb, a decode that ran out of time.
    Broken,
}

/// An upright JPEG of the stored `sha` at most `side` pixels long, or why not. The tools work
/// on a copy in a directory under `scratch` (`scratch_dir`).
pub async fn make(store: Arc<dyn Store>, scratch: PathBuf, user: &str, sha: &str, kind: Kind, side: u32) -> Result<Vec<u8>, NoPreview> {
    let (u, s) = (user.to_string(), sha.to_string());
    match kind {
        Kind::Raw => {
            blocking_r(move || {
                let (r, len) = store.open_blob(&u, &s).ok().flatten().ok_or(NoPreview::Unreadable)?;
                if len > MAX_RAW_BYTES {
                    return Err(NoPreview::Broken);
                }
                let mut bytes = Vec::with_capacity(len as usize);
                r.take(len).read_to_end(&mut bytes).map_err(|_| NoPreview::Unreadable)?;
                let p = raw_preview(&bytes).ok_or(NoPreview::Broken)?;
                thumbnail_oriented(p.jpeg, side, p.orientation).map_err(|_| NoPreview::Broken)
            })
            .await
        }
        Kind::Heif => {
            let tool = tools().heif_convert.clone().ok_or(NoPreview::ToolMissing)?;
            let dir = blocking_r(move || copy_in(&*store, &scratch, &u, &s, "in.heic", MAX_HEIF_BYTES, None)).await?;
            let ok = sandbox::run(&tool, &["--quiet", "-q", "92", "in.heic", "out.jpg"], dir.path(), TOOL_TIME).await;
            if ok == Err(sandbox::ToolFailure::NotStarted) {
                return Err(NoPreview::Unreadable);
            }
            // A file of several images is written as out-1.jpg, out-2.jpg…: the first is the primary.
            let out = ["out.jpg", "out-1.jpg"].iter().map(|n| dir.path().join(n)).find(|p| p.is_file());
            finish(ok.ok().and(out), side, dir).await
        }
        Kind::Video(demuxer) => {
            let tool = tools().ffmpeg.clone().ok_or(NoPreview::ToolMissing)?;
            let sparse = Some((VIDEO_HEAD_BYTES, VIDEO_TAIL_BYTES));
            let dir = blocking_r(move || copy_in(&*store, &scratch, &u, &s, "in.video", u64::MAX, sparse)).await?;
            // About a second in, where a clip has left its black first frame; a shorter clip
            // has nothing there, so its first frame instead.
            for at in ["1", "0"] {
                let args = video_args(demuxer, at);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let ok = sandbox::run(&tool, &args, dir.path(), TOOL_TIME).await;
                let out = dir.path().join("out.jpg");
                if ok.is_ok() && out.metadata().is_ok_and(|m| m.len() > 0) {
                    return finish(Some(out), side, dir).await;
                }
                match ok {
                    Err(sandbox::ToolFailure::TimedOut) => break,
                    Err(sandbox::ToolFailure::NotStarted) => return Err(NoPreview::Unreadable),
                    _ => {}
                }
            }
            Err(NoPreview::Broken)
        }
    }
}

fn video_args(demuxer: &str, at: &str) -> Vec<String> {
    [
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-threads",
        "1",
        "-filter_threads",
        "1",
        "-protocol_whitelist",
        "file",
        "-f",
        demuxer,
        "-ss",
        at,
        "-i",
        "in.video",
        "-map",
        "0:v:0",
        "-frames:v",
        "1",
        "-an",
        "-sn",
        "-dn",
        "-pix_fmt",
        "yuvj420p",
        "-c:v",
        "mjpeg",
        "-q:v",
        "2",
        "-f",
        "image2",
        "-y",
        "out.jpg",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The tool's full-size output, shrunk to `side` as every thumbnail is. The tool already
/// turned it upright (libheif applies irot/imir, ffmpeg the display matrix): one transform.
async fn finish(out: Option<PathBuf>, side: u32, dir: tempfile::TempDir) -> Result<Vec<u8>, NoPreview> {
    let out = out.ok_or(NoPreview::Broken)?;
    blocking_r(move || {
        let bytes = std::fs::read(&out).map_err(|_| NoPreview::Broken)?;
        drop(dir);
        let facts = shoebox_core::photo::inspect("", &bytes, bytes.len() as u64);
        if facts.pixels().is_some_and(|p| p > MAX_THUMB_SOURCE_PIXELS) {
            return Err(NoPreview::Broken);
        }
        thumbnail_oriented(&bytes, side, 1).map_err(|_| NoPreview::Broken)
    })
    .await
}

/// The folder under the data folder where the tools' copies of stored files live while a
/// preview is made. Not the system's temporary folder: a server killed mid-preview would leave
/// a copy of someone's video there for good, where `clear_scratch` finds it at the next start.
pub fn scratch_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("scratch")
}

/// A copy older than this is left from a server that stopped mid-preview: removed. Younger
/// ones may belong to a server still running on this folder (`backfill-previews` run beside it
/// opens the same folder), whose copies wait for a tool slot before they are used, so the
/// margin is far beyond a tool's time limit.
const STALE_SCRATCH: Duration = Duration::from_secs(60 * 60);

/// Removes what earlier runs left in `scratch_dir`, and creates it.
pub fn clear_scratch(data_dir: &Path) -> std::io::Result<()> {
    let dir = scratch_dir(data_dir);
    std::fs::create_dir_all(&dir)?;
    for entry in std::fs::read_dir(&dir)?.flatten() {
        let old = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_SCRATCH));
        if old {
            let _ = std::fs::remove_dir_all(entry.path()).or_else(|_| std::fs::remove_file(entry.path()));
        }
    }
    Ok(())
}

/// The blob in a fresh private directory under `scratch` as `name`; over `max` bytes, nothing.
/// With `sparse` (head, tail) only those ends are copied and the rest left as a hole of the
/// same length.
pub(crate) fn copy_in(
    store: &dyn Store,
    scratch: &Path,
    user: &str,
    sha: &str,
    name: &str,
    max: u64,
    sparse: Option<(u64, u64)>,
) -> Result<tempfile::TempDir, NoPreview> {
    let io = |_| NoPreview::Unreadable;
    // A data folder that cannot take the copy (read-only, full) still gets its previews: an
    // answer of "none" here would be remembered for good (probe, H.264 copy, thumbnail).
    let fresh = || tempfile::Builder::new().prefix("shoebox-preview-").to_owned();
    let dir = std::fs::create_dir_all(scratch).and_then(|_| fresh().tempdir_in(scratch)).or_else(|_| fresh().tempdir()).map_err(io)?;
    let path: &Path = &dir.path().join(name);
    let mut file = std::fs::File::create(path).map_err(io)?;
    let (r, len) = store.open_blob(user, sha).map_err(io)?.ok_or(NoPreview::Unreadable)?;
    if len > max {
        return Err(NoPreview::Broken);
    }
    match sparse {
        Some((head, tail)) if len > head + tail => {
            std::io::copy(&mut r.take(head), &mut file).map_err(io)?;
            let (tr, _) = store.open_blob_at(user, sha, len - tail).map_err(io)?.ok_or(NoPreview::Unreadable)?;
            file.seek(SeekFrom::Start(len - tail)).map_err(io)?;
            std::io::copy(&mut tr.take(tail), &mut file).map_err(io)?;
        }
        _ => {
            std::io::copy(&mut r.take(len), &mut file).map_err(io)?;
        }
    }
    file.flush().map_err(io)?;
    Ok(dir)
}

pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Option<T> + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok().flatten()
}

async fn blocking_r<T: Send + 'static>(f: impl FnOnce() -> Result<T, NoPreview> + Send + 'static) -> Result<T, NoPreview> {
    tokio::task::spawn_blocking(f).await.unwrap_or(Err(NoPreview::Unreadable))
}
