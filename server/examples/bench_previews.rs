//! The server's previews of what browsers cannot show, timed beside the command-line tools doing
//! the same: a 12 MP HEIC (ours: `heif-convert` in the sandbox, then our resize; the tools:
//! `heif-convert` then `ffmpeg` scaling), a 24 MP RAW with its full-size embedded JPEG (ours:
//! read in process; the tools: `dcraw -e` then `ffmpeg`), a one-minute 4K HEVC video (ours:
//! `ffmpeg` in the sandbox on the file's ends; the tools: one `ffmpeg` frame grab and scale).
//! Each run is a fresh process, so its peak memory (its own and its children's) is its own.
//! Run: cargo run --release -p shoebox-server --example bench_previews -- CACHE_DIR [ROUNDS]
use shoebox_server::previews::{make, scratch_dir, Kind};
use shoebox_server::store::{local::LocalStore, Store};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

const CASES: [(&str, &str); 3] = [
    ("heic", "12 MP HEIC (4032×3024)"),
    ("raw", "24 MP RAW, DNG with its 6000×4000 JPEG"),
    ("video", "1 min 4K HEVC video (3840×2160, 30 fps)"),
];

fn tool(dir: &Path, program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).current_dir(dir).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A DNG: orientation 1, DNGVersion, a SubIFD whose one strip is the JPEG `preview`.
fn dng(preview: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut d = b"II*\0".to_vec();
    d.extend(8u32.to_le_bytes());
    let entry = |d: &mut Vec<u8>, tag: u16, typ: u16, count: u32, val: u32| {
        d.extend(tag.to_le_bytes());
        d.extend(typ.to_le_bytes());
        d.extend(count.to_le_bytes());
        d.extend(val.to_le_bytes());
    };
    let sub = 8 + 2 + 5 * 12 + 4;
    let data = sub + 2 + 5 * 12 + 4;
    d.extend(5u16.to_le_bytes());
    entry(&mut d, 0x010F, 2, 4, u32::from_le_bytes(*b"Box\0"));
    entry(&mut d, 0x0110, 2, 4, u32::from_le_bytes(*b"One\0"));
    entry(&mut d, 0x0112, 3, 1, 1);
    entry(&mut d, 0x014A, 4, 1, sub as u32);
    entry(&mut d, 0xC612, 1, 4, u32::from_le_bytes([1, 4, 0, 0]));
    d.extend(0u32.to_le_bytes());
    d.extend(5u16.to_le_bytes());
    entry(&mut d, 0x0100, 4, 1, w);
    entry(&mut d, 0x0101, 4, 1, h);
    entry(&mut d, 0x0103, 3, 1, 7);
    entry(&mut d, 0x0111, 4, 1, data as u32);
    entry(&mut d, 0x0117, 4, 1, preview.len() as u32);
    d.extend(0u32.to_le_bytes());
    d.extend(preview);
    d
}

/// The three inputs, made once into `cache` and reused.
fn inputs(cache: &Path) -> [PathBuf; 3] {
    std::fs::create_dir_all(cache).unwrap();
    let (heic, raw, video) = (cache.join("12mp.heic"), cache.join("24mp.dng"), cache.join("4k-1min.mov"));
    if !heic.exists() {
        let px = shoebox_fixtures::photo_rgb(4032, 3024, 12);
        std::fs::write(cache.join("12mp.jpg"), shoebox_fixtures::encode_jpeg(&px, 4032, 3024, 92, false, false)).unwrap();
        tool(cache, "heif-enc", &["-q", "80", "-o", "12mp.heic", "12mp.jpg"]);
    }
    if !raw.exists() {
        let px = shoebox_fixtures::photo_rgb(6000, 4000, 24);
        std::fs::write(&raw, dng(&shoebox_fixtures::encode_jpeg(&px, 6000, 4000, 92, false, false), 6000, 4000)).unwrap();
    }
    if !video.exists() {
        let src = "testsrc2=s=3840x2160:r=30:d=60";
        tool(
            cache,
            "ffmpeg",
            &[
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                src,
                "-c:v",
                "libx265",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-tag:v",
                "hvc1",
                "-y",
                "4k-1min.mov",
            ],
        );
    }
    [heic, raw, video]
}

/// Peak resident memory in MiB of this process (its own pages: `getrusage` would also count the
/// parent's peak, which Linux carries across exec) and of its largest waited-for child (which
/// carries this process's small peak at the time it was started, never less).
fn peaks() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let hwm =
        status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok()).unwrap();
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    (hwm / 1024.0, u.ru_maxrss as f64 / 1024.0)
}

/// The SHA-256 of a file, read in pieces, so this process stays small before the tool starts.
fn sha256_of(path: &Path) -> String {
    use sha2::Digest;
    use std::io::Read;
    let (mut f, mut h, mut buf) = (std::fs::File::open(path).unwrap(), sha2::Sha256::new(), vec![0u8; 1 << 20]);
    loop {
        match f.read(&mut buf).unwrap() {
            0 => return h.finalize().iter().map(|b| format!("{b:02x}")).collect(),
            n => h.update(&buf[..n]),
        }
    }
}

/// One case in this process: ours (`make`) or the tools'; prints `ms self_mib child_mib`.
fn one(way: &str, case: &str, input: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let started;
    if way == "ours" {
        let sha = sha256_of(input);
        let blob = dir.path().join("blobs/bench").join(&sha[..2]).join(&sha);
        std::fs::create_dir_all(blob.parent().unwrap()).unwrap();
        std::fs::copy(input, &blob).unwrap();
        let store: Arc<dyn Store> = Arc::new(LocalStore::open(dir.path()).unwrap());
        let kind = match case {
            "heic" => Kind::Heif,
            "raw" => Kind::Raw,
            _ => Kind::Video("mov"),
        };
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        started = Instant::now();
        let jpeg = rt.block_on(make(store, scratch_dir(dir.path()), "bench", &sha, kind, 256)).expect("a preview");
        assert!(jpeg.len() > 1000);
    } else {
        let i = input.to_str().unwrap();
        started = Instant::now();
        let scale =
            ["-v", "error", "-i", "big.jpg", "-vf", "scale=256:256:force_original_aspect_ratio=decrease", "-q:v", "3", "-y", "thumb.jpg"];
        match case {
            "heic" => tool(dir.path(), "heif-convert", &["--quiet", "-q", "92", i, "big.jpg"]),
            "raw" => {
                let out = Command::new("dcraw").args(["-e", "-c", i]).output().expect("dcraw (apt-get install dcraw)");
                assert!(out.status.success() && out.stdout.len() > 1000, "dcraw -e: {}", String::from_utf8_lossy(&out.stderr));
                std::fs::write(dir.path().join("big.jpg"), out.stdout).unwrap();
            }
            _ => {
                let grab = [
                    "-v",
                    "error",
                    "-ss",
                    "1",
                    "-i",
                    i,
                    "-frames:v",
                    "1",
                    "-vf",
                    "scale=256:256:force_original_aspect_ratio=decrease",
                    "-q:v",
                    "3",
                    "-y",
                    "thumb.jpg",
                ];
                tool(dir.path(), "ffmpeg", &grab);
            }
        }
        if case != "video" {
            tool(dir.path(), "ffmpeg", &scale);
        }
        assert!(dir.path().join("thumb.jpg").metadata().unwrap().len() > 1000);
    }
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let (own, child) = peaks();
    println!("{ms:.0} {own:.0} {child:.0}");
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--one") {
        return one(&args[2], &args[3], Path::new(&args[4]));
    }
    let cache = PathBuf::from(args.get(1).expect("CACHE_DIR"));
    let rounds: usize = args.get(2).map(|r| r.parse().expect("ROUNDS")).unwrap_or(3);
    let files = inputs(&cache);
    println!("| input | way | time: median (each round) | peak memory: process / largest child |");
    println!("|---|---|---|---|");
    let dcraw = Command::new("dcraw").output().is_ok();
    for ((case, label), input) in CASES.iter().zip(&files) {
        if *case == "raw" && !dcraw {
            println!("| {label} | not measured: the tools' way needs dcraw (apt-get install dcraw) | | |");
            continue;
        }
        let mut rows: Vec<(&str, Vec<f64>, f64, f64)> =
            vec![("ours (the server's preview)", vec![], 0.0, 0.0), ("the command-line tools", vec![], 0.0, 0.0)];
        // Interleaved, so a busy moment of the machine lands on both ways.
        for _ in 0..rounds {
            for (way, row) in ["ours", "tools"].iter().zip(rows.iter_mut()) {
                let out = Command::new(&args[0]).args(["--one", way, case, input.to_str().unwrap()]).output().unwrap();
                assert!(out.status.success(), "{way} {case}: {}", String::from_utf8_lossy(&out.stderr));
                let f: Vec<f64> = String::from_utf8_lossy(&out.stdout).split_whitespace().map(|x| x.parse().unwrap()).collect();
                row.1.push(f[0]);
                row.2 = row.2.max(f[1]);
                row.3 = row.3.max(f[2]);
            }
        }
        for (i, (way, times, own, child)) in rows.into_iter().enumerate() {
            let each: Vec<String> = times.iter().map(|t| format!("{:.2}", t / 1000.0)).collect();
            let name = if i == 0 { *label } else { "" };
            println!("| {name} | {way} | {:.2} s ({}) | {own:.0} / {child:.0} MiB |", median(times.clone()) / 1000.0, each.join(", "));
        }
    }
}
