//! The subcommands (`shoebox-server user …`, `purge`, `verify`, `backup`, `reindex`,
//! `migrate`, `backfill-previews`), run on the data folder the server uses (it may be running: the database takes
//! both). What they accept is `config::subcommands`; here is what they do.
pub mod backfill;
pub mod media_to_bucket;
pub mod sqlite_to_postgres;

use crate::accounts::Accounts;
pub use crate::config::subcommands::{Command, UserCommand};
use crate::config::values::{parse_size, postgres_url};
use crate::index::MediaIndex;
use std::path::Path;

fn now() -> u64 {
    crate::timefmt::now_ms()
}

/// Run a command on the data folder's SQLite databases; the text to print, or why it failed.
pub fn run(cmd: Command, data_dir: &Path) -> Result<String, String> {
    run_on(cmd, data_dir, None)
}

/// The same, on `--database` (`sqlite:` or a postgres:// URL).
pub fn run_on(cmd: Command, data_dir: &Path, database: Option<&str>) -> Result<String, String> {
    run_with(cmd, data_dir, database, None)
}

/// The same, with the bytes in the `--store` bucket (`verify` and `purge` then work on it).
pub fn run_with(cmd: Command, data_dir: &Path, database: Option<&str>, store: Option<&str>) -> Result<String, String> {
    if let Command::BackfillPreviews { data_dir: d } = &cmd {
        let mut config = crate::config::ServerConfig::new(d.as_deref().unwrap_or(data_dir));
        config.database = database.map(str::to_string);
        config.store = match store.map(str::trim) {
            None | Some("") | Some("local") => None,
            Some(u) => Some(crate::store::s3::S3Url::parse(u)?),
        };
        return backfill::backfill(config);
    }
    let store = match store.map(str::trim) {
        None | Some("") | Some("local") => None,
        Some(u) => Some(crate::store::s3::S3Store::open(&crate::store::s3::S3Url::parse(u)?).map_err(|e| e.to_string())?),
    };
    let url = postgres_url(database)?;
    // These read or rewrite the SQLite files themselves: refused before connecting anywhere.
    match &cmd {
        Command::Backup { .. } if url.is_some() => {
            return Err("backup copies the SQLite databases; with --database postgres://… back up PostgreSQL with pg_dump \
                        (and blobs/ with rsync)"
                .into())
        }
        Command::Reindex { .. } if store.is_some() => {
            return Err("reindex rebuilds index.sqlite from the data folder's files; with --store s3://… the bucket's \
                        upload records are not read yet"
                .into())
        }
        Command::Verify { .. } | Command::Reindex { .. } if url.is_some() && store.is_none() => {
            return Err("verify and reindex work on the data folder's index.sqlite only, not yet with --database postgres://…".into())
        }
        _ => {}
    }
    if let Command::Migrate { data_dir: d, to_store, to_database } = &cmd {
        return migrate(d.as_deref().unwrap_or(data_dir), to_store.as_deref(), to_database.as_deref());
    }
    let pg = match url {
        Some(url) => Some(std::sync::Arc::new(crate::db::pg::Pg::connect(&url).map_err(|e| e.to_string())?)),
        None => None,
    };
    let open_index = |dir: &Path| match &pg {
        Some(pg) => Ok(MediaIndex::postgres(pg.clone())),
        None => MediaIndex::open(&dir.join("index.sqlite")).map_err(|e| e.to_string()),
    };
    std::fs::create_dir_all(data_dir).map_err(|e| format!("cannot open the data folder: {e}"))?;
    let cmd = match cmd {
        Command::User(cmd) => cmd,
        Command::Purge { data, trash_days, now_ms } => {
            let dir = data.as_deref().unwrap_or(data_dir);
            return purge(&open_index(dir)?, dir, store.as_ref(), trash_days, now_ms.unwrap_or_else(now));
        }
        Command::Verify { data_dir: d } if store.is_some() => {
            let index = open_index(d.as_deref().unwrap_or(data_dir))?;
            let s3 = store.as_ref().expect("checked");
            let r = crate::integrity::verify_store::verify(s3, &index).map_err(|e| e.to_string())?;
            return if r.is_clean() { Ok(r.text()) } else { Err(r.text()) };
        }
        Command::Verify { data_dir: d } => {
            let r = crate::integrity::verify::verify(d.as_deref().unwrap_or(data_dir)).map_err(|e| e.to_string())?;
            return if r.is_clean() { Ok(r.text()) } else { Err(r.text()) };
        }
        Command::Backup { data_dir: d, dest } => return crate::integrity::backup::backup(d.as_deref().unwrap_or(data_dir), &dest),
        Command::Reindex { data_dir: d } => return crate::integrity::reindex::reindex(d.as_deref().unwrap_or(data_dir)),
        Command::Migrate { .. } | Command::BackfillPreviews { .. } => unreachable!("handled above"),
    };
    let accounts = match &pg {
        Some(pg) => Accounts::postgres(pg.clone()),
        None => Accounts::open(&data_dir.join("accounts.sqlite")).map_err(|e| e.to_string())?,
    };
    // The link carries a one-time code, not a token: the app exchanges it once for a device
    // token of its own (`accounts/signin_codes.rs`), so a copied or replayed link opens nothing.
    let link = |name: &str, url: &str| -> Result<String, String> {
        let code = accounts.create_signin(name, now()).map_err(|e| e.to_string())?;
        Ok(format!("{}/?signin={code}", url.trim_end_matches('/')))
    };
    match cmd {
        UserCommand::Add { name, quota, url } => {
            if !crate::accounts::auth::valid_user_name(&name) {
                return Err(format!("user name {name:?}: use 1-64 letters, digits, '-' or '_'"));
            }
            if !accounts.add_user(&name, quota, now()).map_err(|e| e.to_string())? {
                return Err(format!("user {name:?} already exists"));
            }
            Ok(format!(
                "Added {name}. Sign-in link for their first device (it works once, within {LINK_DAYS} days; keep it private):\n{}",
                link(&name, &url)?
            ))
        }
        UserCommand::List => {
            let index = open_index(data_dir)?;
            let mut out = String::from("user\tquota\tused\tdevices\n");
            for u in accounts.users().map_err(|e| e.to_string())? {
                let used = index.used_bytes(&u.name).map_err(|e| e.to_string())?;
                let devices = accounts.devices(&u.name).map_err(|e| e.to_string())?.len();
                let quota = u.quota_bytes.map(|q| q.to_string()).unwrap_or_else(|| "unlimited".into());
                out.push_str(&format!("{}\t{quota}\t{used}\t{devices}\n", u.name));
            }
            Ok(out.trim_end().to_string())
        }
        UserCommand::Remove { name } => match accounts.remove_user(&name).map_err(|e| e.to_string())? {
            true => Ok(format!("Removed {name}: their devices are signed out; their photos stay stored.")),
            false => Err(format!("no user {name:?}")),
        },
        UserCommand::Quota { name, size } => {
            let quota = if size == "unlimited" { None } else { Some(parse_size(&size)?) };
            match accounts.set_quota(&name, quota).map_err(|e| e.to_string())? {
                true => Ok(format!("{name}: quota {}", quota.map(|q| format!("{q} bytes")).unwrap_or_else(|| "unlimited".into()))),
                false => Err(format!("no user {name:?}")),
            }
        }
        UserCommand::Link { name, url } => {
            if !accounts.user_exists(&name).map_err(|e| e.to_string())? {
                return Err(format!("no user {name:?}"));
            }
            Ok(format!(
                "Sign-in link for a device of {name} (it works once, within {LINK_DAYS} days; keep it private):\n{}",
                link(&name, &url)?
            ))
        }
    }
}

/// How long an unused sign-in link works, in days (as printed).
const LINK_DAYS: u64 = crate::accounts::signin_codes::SIGNIN_TTL_MS / 86_400_000;

fn migrate(dir: &Path, to_store: Option<&str>, to_database: Option<&str>) -> Result<String, String> {
    if to_store.is_none() && to_database.is_none() {
        return Err("migrate needs --to-store s3://… and/or --to-database postgres://…".into());
    }
    if !dir.join("index.sqlite").exists() {
        return Err(format!("{} holds no Shoebox data (no index.sqlite)", dir.display()));
    }
    let mut out = Vec::new();
    if let Some(url) = to_database {
        postgres_url(Some(url))?.ok_or("--to-database wants a postgres:// URL")?;
        out.push(crate::commands::sqlite_to_postgres::migrate(dir, url)?);
    }
    if let Some(url) = to_store {
        let url = crate::store::s3::S3Url::parse(url)?;
        let moved = crate::commands::media_to_bucket::migrate(dir, &url).map_err(|e| format!("copying media into {url}: {e}"))?;
        out.push(moved.text());
        if !moved.damaged.is_empty() {
            return Err(out.join("\n")); // printed, and the exit status says something is wrong
        }
    }
    Ok(out.join("\n"))
}

fn purge(
    index: &MediaIndex,
    data_dir: &Path,
    s3: Option<&crate::store::s3::S3Store>,
    trash_days: u32,
    now_ms: u64,
) -> Result<String, String> {
    let local;
    let store: &dyn crate::store::Store = match s3 {
        Some(s) => s,
        None => {
            local = crate::store::local::LocalStore::open(data_dir).map_err(|e| e.to_string())?;
            &local
        }
    };
    let gate = crate::locks::BlobGate::with_postgres(index.db().postgres().cloned());
    let p = crate::background::purge::purge(index, store, &gate, trash_days, now_ms).map_err(|e| e.to_string())?;
    Ok(format!("Purged {} records from the Trash and {} stored files.", p.records, p.blobs))
}
