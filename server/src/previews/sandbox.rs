//! Runs a decoding tool (ffmpeg, heif-convert) on a file someone uploaded, as a child that can
//! hurt nothing: no shell, no stdin, an empty environment, one CPU, an address-space, CPU-time
//! and output-size limit, its own process group, and a wall-clock limit after which the whole
//! group is killed and reaped. At most [`AT_ONCE`] run at a time on this node.
use std::path::Path;
use std::process::Stdio;
use std::sync::OnceLock;
use std::time::Duration;

use tokio::process::Command;
use tokio::sync::Semaphore;

/// Tools running at once: each may hold a decoded frame or a grid of tiles.
pub const AT_ONCE: usize = 2;
/// Address space of one tool: a 4K HEVC decoder or a 48 MP HEIC grid fits, a bomb does not.
pub const MEMORY_BYTES: u64 = 1536 << 20;
/// CPU seconds one tool may use (the wall-clock limit below usually ends it first).
const CPU_SECONDS: u64 = 20;
/// Largest file a tool may write (a decoded frame as JPEG or PNG).
const OUTPUT_BYTES: u64 = 256 << 20;

/// Why no output came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolFailure {
    /// It could not be started (missing, not executable).
    NotStarted,
    /// It ran past its time and was killed.
    TimedOut,
    /// It ended with a failure (a corrupt or hostile input, a limit reached).
    Failed(Option<i32>),
}

fn slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(AT_ONCE))
}

/// Run `tool args…` in `dir` within the limits; `Ok` when it exited with status 0.
pub async fn run(tool: &Path, args: &[&str], dir: &Path, limit: Duration) -> Result<(), ToolFailure> {
    let _slot = slots().acquire().await.map_err(|_| ToolFailure::NotStarted)?;
    let mut cmd = Command::new(tool);
    cmd.args(args)
        .current_dir(dir)
        .env_clear()
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .kill_on_drop(true);
    // SAFETY: the closure runs in the forked child before exec and only calls
    // async-signal-safe functions (setrlimit, sched_getaffinity/sched_setaffinity).
    unsafe {
        cmd.pre_exec(limit_child);
    }
    let mut child = cmd.spawn().map_err(|_| ToolFailure::NotStarted)?;
    let pid = child.id();
    match tokio::time::timeout(limit, child.wait()).await {
        Ok(Ok(status)) if status.success() => Ok(()),
        Ok(Ok(status)) => Err(ToolFailure::Failed(status.code())),
        Ok(Err(_)) => Err(ToolFailure::Failed(None)),
        Err(_) => {
            if let Some(pid) = pid.and_then(|p| i32::try_from(p).ok()) {
                // The whole group: a tool that forked helpers leaves none behind.
                unsafe { libc::kill(-pid, libc::SIGKILL) };
            }
            let _ = child.kill().await;
            let _ = child.wait().await;
            Err(ToolFailure::TimedOut)
        }
    }
}

fn limit_child() -> std::io::Result<()> {
    let set = |what, value: u64| {
        let lim = libc::rlimit { rlim_cur: value as libc::rlim_t, rlim_max: value as libc::rlim_t };
        // SAFETY: a plain syscall with a valid pointer to a local value.
        if unsafe { libc::setrlimit(what, &lim) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    };
    set(libc::RLIMIT_AS, MEMORY_BYTES)?;
    set(libc::RLIMIT_CPU, CPU_SECONDS)?;
    set(libc::RLIMIT_FSIZE, OUTPUT_BYTES)?;
    set(libc::RLIMIT_CORE, 0)?;
    one_cpu();
    Ok(())
}

/// Pin the child to one of the CPUs it may use: decoders that start a thread per core then
/// share one, and the server keeps the rest.
fn one_cpu() {
    // SAFETY: cpu_set_t is plain data; both calls get a valid pointer and its size.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return;
        }
        let Some(cpu) = (0..libc::CPU_SETSIZE as usize).rev().find(|&c| libc::CPU_ISSET(c, &set)) else { return };
        let mut one: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut one);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &one);
    }
}

/// The first executable named `name` on `PATH`, unless `env` names one explicitly.
pub fn find_tool(env: &str, name: &str) -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        let p = std::path::PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}
