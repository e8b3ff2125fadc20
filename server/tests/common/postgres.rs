//! A real PostgreSQL for tests: one throwaway cluster per test binary (initdb into a temporary
//! folder, started on a free 127.0.0.1 port, fsync off), and a fresh database per test
//! (`database()`), so tests share the cluster but never each other's rows.
//!
//! PostgreSQL refuses to run as root and CI runs as root: then the cluster's folder is given
//! to the `postgres` user (made by Debian's package) and initdb/pg_ctl run through `runuser`.
//! The cluster stops (and its folder goes) when the test binary exits (atexit), and a watchdog
//! shell in a process group of its own does the same should the binary die any other way
//! (SIGKILL, or `timeout` killing the binary's whole process group).
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

pub struct Cluster {
    pub port: u16,
    bin: PathBuf,
    data: PathBuf,
    as_postgres: bool,
    /// Kept for the process's life: the cluster's files.
    _dir: tempfile::TempDir,
}

static CLUSTER: OnceLock<Cluster> = OnceLock::new();

const MISSING: &str = "PostgreSQL's server binaries are not installed (no /usr/lib/postgresql/*/bin/initdb); \
                       the PostgreSQL tests need them: apt-get install -y postgresql";

/// The newest /usr/lib/postgresql/*/bin holding initdb, pg_ctl and postgres.
fn bin_dir() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse::<u32>().ok()?, e.path().join("bin"))))
        .filter(|(_, b)| ["initdb", "pg_ctl", "postgres"].iter().all(|x| b.join(x).exists()))
        .collect();
    found.sort();
    found.pop().map(|(_, b)| b).unwrap_or_else(|| panic!("{MISSING}"))
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn postgres_ids() -> (u32, u32) {
    let id = |flag: &str| -> u32 {
        let out = Command::new("id").args([flag, "postgres"]).output().expect("run id");
        assert!(out.status.success(), "running as root, but there is no `postgres` user to run PostgreSQL as: {MISSING}");
        String::from_utf8_lossy(&out.stdout).trim().parse().expect("a numeric id")
    };
    (id("-u"), id("-g"))
}

impl Cluster {
    /// A command for one of the cluster's binaries, as the `postgres` user when we are root.
    fn cmd(&self, name: &str) -> Command {
        let exe = self.bin.join(name);
        let mut c = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(exe);
            c
        } else {
            Command::new(exe)
        };
        c.current_dir(self.data.parent().unwrap());
        c
    }

    fn start() -> Cluster {
        let bin = bin_dir();
        let dir = tempfile::Builder::new().prefix("shoebox-pg").tempdir().expect("a temporary folder");
        let as_postgres = is_root();
        if as_postgres {
            let (uid, gid) = postgres_ids();
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).expect("give the cluster folder to postgres");
        }
        let data = dir.path().join("data");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let c = Cluster { port, bin, data, as_postgres, _dir: dir };
        let out = c
            .cmd("initdb")
            .args(["-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8", "-D"])
            .arg(&c.data)
            .output()
            .unwrap_or_else(|e| panic!("cannot run initdb ({e}): {MISSING}"));
        assert!(out.status.success(), "initdb failed: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        let sock = c.data.parent().unwrap().to_path_buf();
        let opts = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
            sock.display()
        );
        let log = sock.join("server.log");
        let out =
            c.cmd("pg_ctl").arg("-D").arg(&c.data).arg("-l").arg(&log).args(["-o", &opts, "-w", "-t", "60", "start"]).output().unwrap();
        let log_text = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(
            out.status.success(),
            "pg_ctl start failed: {}{}\n{log_text}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        c.watchdog();
        // SAFETY: registers a plain extern "C" fn; it runs once at exit.
        unsafe { libc::atexit(stop_at_exit) };
        c
    }

    /// A shell that waits for this test binary to end, then stops the cluster.
    fn watchdog(&self) {
        let stop = self.stop_command();
        let script = format!("while kill -0 {} 2>/dev/null; do sleep 1; done; {stop}", std::process::id());
        let _ = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn();
    }

    fn stop_command(&self) -> String {
        let runuser = if self.as_postgres { "runuser -u postgres -- " } else { "" };
        let dir = self.data.parent().unwrap().display().to_string();
        format!("{runuser}'{}' -D '{}' stop -m immediate; rm -rf '{dir}'", self.bin.join("pg_ctl").display(), self.data.display())
    }

    fn stop(&self) {
        let _ = Command::new("sh").args(["-c", &self.stop_command()]).stdout(Stdio::null()).stderr(Stdio::null()).status();
    }

    /// Runs SQL as the superuser on the `postgres` database (off any test runtime).
    pub fn admin(&self, sql: &str) {
        let (port, sql) = (self.port, sql.to_string());
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async move {
                let conf = format!("host=127.0.0.1 port={port} user=postgres dbname=postgres");
                let (client, conn) = tokio_postgres::connect(&conf, tokio_postgres::NoTls).await.expect("connect to the test cluster");
                tokio::spawn(conn);
                client.batch_execute(&sql).await.unwrap_or_else(|e| panic!("{sql}: {e:?}"));
            })
        })
        .join()
        .unwrap();
    }

    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data
    }
}

extern "C" fn stop_at_exit() {
    if let Some(c) = CLUSTER.get() {
        c.stop();
    }
}

/// The test binary's cluster, started on first use.
pub fn cluster() -> &'static Cluster {
    CLUSTER.get_or_init(Cluster::start)
}

/// A new, empty database in the cluster; its postgres:// URL.
pub fn database() -> String {
    let mut b = [0u8; 8];
    getrandom::getrandom(&mut b).unwrap();
    let name = format!("t_{}", shoebox_core::hash::hex(&b));
    let c = cluster();
    c.admin(&format!("CREATE DATABASE {name}"));
    c.url(&name)
}

/// `SHOEBOX_TEST_DATABASE=postgres`: the in-process test servers of every suite use a fresh
/// PostgreSQL database instead of the data folder's SQLite files.
pub fn wanted() -> bool {
    std::env::var("SHOEBOX_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}
