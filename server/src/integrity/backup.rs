//! `shoebox-server backup --data-dir DIR DEST`: a consistent copy of the server's own data
//! while it runs. The three databases go through SQLite's online backup API (a snapshot taken
//! inside one read transaction, so the server keeps writing meanwhile; a plain `cp` of a WAL
//! database can copy a torn state); the signing key and the default token are copied as
//! files. Blobs are not copied: they never change once written, so `rsync` of `blobs/` (and
//! `thumbs/`) backs them up, before or after this command. With `--database postgres://…` the
//! command refuses (`commands/mod.rs`): PostgreSQL is backed up with `pg_dump`.
use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use std::fs;
use std::path::Path;
use std::time::Duration;

pub const DATABASES: [&str; 3] = ["index.sqlite", "accounts.sqlite", "sessions.sqlite"];
/// Small files of the data folder worth keeping: without `signing.key` issued library URLs
/// stop working; without `default-token` the app URL changes.
pub const FILES: [&str; 2] = ["signing.key", "default-token"];

/// Copies what exists of the above into `dest` (created); returns one line per file.
pub fn backup(data_dir: &Path, dest: &Path) -> Result<String, String> {
    fs::create_dir_all(dest).map_err(|e| format!("cannot create {}: {e}", dest.display()))?;
    let mut out = Vec::new();
    for name in DATABASES {
        let src = data_dir.join(name);
        if src.exists() {
            let pages = copy_database(&src, &dest.join(name)).map_err(|e| format!("{name}: {e}"))?;
            out.push(format!("{name}: {pages} pages copied and checked"));
        }
    }
    for name in FILES {
        let src = data_dir.join(name);
        if src.exists() {
            fs::copy(&src, dest.join(name)).map_err(|e| format!("{name}: {e}"))?;
            fs::File::open(dest.join(name)).and_then(|f| f.sync_all()).map_err(|e| format!("{name}: {e}"))?;
            out.push(format!("{name}: copied"));
        }
    }
    fs::File::open(dest).and_then(|d| d.sync_all()).map_err(|e| e.to_string())?;
    if out.is_empty() {
        return Err(format!("nothing to back up in {}", data_dir.display()));
    }
    out.push(format!("Backed up into {}. Blobs are not included: copy blobs/ and thumbs/ with rsync.", dest.display()));
    Ok(out.join("\n"))
}

/// Online backup of one database into `to` (written as a temporary file, checked with
/// `PRAGMA quick_check`, then renamed into place); returns its page count.
fn copy_database(from: &Path, to: &Path) -> Result<i32, String> {
    let src = Connection::open(from).map_err(|e| e.to_string())?;
    src.busy_timeout(Duration::from_secs(5)).map_err(|e| e.to_string())?;
    let tmp = to.with_extension("sqlite.tmp");
    let _ = fs::remove_file(&tmp);
    let mut dst = Connection::open(&tmp).map_err(|e| e.to_string())?;
    let pages = {
        let b = Backup::new(&src, &mut dst).map_err(|e| e.to_string())?;
        // All pages in one step: one read transaction, so the copy is a single snapshot even
        // while the server writes (a step-by-step copy restarts whenever the source changes).
        let mut tries = 0;
        loop {
            match b.step(-1).map_err(|e| e.to_string())? {
                StepResult::Done => break,
                StepResult::More => {}
                _ if tries < 100 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                _ => return Err("the database stayed busy; try again".into()),
            }
        }
        b.progress().pagecount
    };
    let check: String = dst.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| e.to_string())?;
    if check != "ok" {
        return Err(format!("the copy fails its check: {check}"));
    }
    // Out of WAL mode: the copy is one self-contained file.
    dst.pragma_update(None, "journal_mode", "DELETE").map_err(|e| e.to_string())?;
    drop(dst);
    fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(|e| e.to_string())?;
    fs::rename(&tmp, to).map_err(|e| e.to_string())?;
    Ok(pages)
}
