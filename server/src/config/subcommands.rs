//! The subcommands the command line accepts (`shoebox-server user add …`, `purge`, …): their
//! flags only. What each does is `commands`, which reads these; the command line (`Args`)
//! names them without depending on the code that runs them.
use super::values::parse_size;
use clap::Subcommand;

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
    /// Users of this server.
    #[command(subcommand)]
    User(UserCommand),
    /// Empty the Trash now: delete records trashed more than --trash-days ago, and their bytes
    /// once nothing names them (the server does this every hour by itself).
    Purge {
        /// The data folder (default: the server's --data-dir).
        #[arg(long)]
        data: Option<std::path::PathBuf>,
        #[arg(long, env = "SHOEBOX_TRASH_DAYS", default_value_t = 30)]
        trash_days: u32,
        /// Purge as if it were this time (milliseconds since the epoch), for tests.
        #[arg(long)]
        now_ms: Option<u64>,
    },
    /// Re-hash every stored file against its sha256 and check the index names only stored
    /// content; prints each problem, exits non-zero when any (the server may be running).
    Verify {
        /// The data folder (default: the server's --data-dir).
        #[arg(long)]
        data_dir: Option<std::path::PathBuf>,
    },
    /// Copy the databases (SQLite online backup: safe while the server runs), the signing key
    /// and the default token into DEST. Blobs are not copied (back up blobs/ with rsync).
    Backup {
        #[arg(long)]
        data_dir: Option<std::path::PathBuf>,
        dest: std::path::PathBuf,
    },
    /// Rebuild a lost index.sqlite from the stored files and the upload records still kept
    /// (names and albums of uploads whose records expired cannot come back; see the README).
    Reindex {
        #[arg(long)]
        data_dir: Option<std::path::PathBuf>,
    },
    /// Probe the facts (length, size, codec) of stored videos that have none and make every
    /// missing thumbnail and preview now, with the tools this machine has (ffmpeg,
    /// heif-convert); prints counts. Uses --database and --store as the server does.
    BackfillPreviews {
        #[arg(long)]
        data_dir: Option<std::path::PathBuf>,
    },
    /// Move a local-disk server's data to where several nodes can share it: its media into an
    /// S3-compatible bucket (--to-store) and its databases into PostgreSQL (--to-database).
    /// Re-runnable; the data folder is only read. See docs/deploy.md.
    Migrate {
        #[arg(long)]
        data_dir: Option<std::path::PathBuf>,
        /// s3://bucket/prefix?endpoint=… (keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
        #[arg(long, value_name = "URL")]
        to_store: Option<String>,
        /// postgres://USER@HOST:PORT/DB
        #[arg(long, value_name = "URL")]
        to_database: Option<String>,
    },
}

#[derive(Subcommand, Debug, Clone)]
pub enum UserCommand {
    /// Add a user and print a one-time sign-in link for their first device (it works once,
    /// within 7 days: the app exchanges it for a device token of its own).
    Add {
        name: String,
        /// Storage allowed (e.g. 50GB, 200GiB); unlimited when left out.
        #[arg(long, value_parser = parse_size)]
        quota: Option<u64>,
        /// The address the link should use (the server's public one).
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        url: String,
    },
    /// List users with their quota, what they use and how many devices they have.
    List,
    /// Remove a user: every device token of theirs stops working (their photos stay stored).
    Remove { name: String },
    /// Set (or, with `unlimited`, clear) a user's quota.
    Quota { name: String, size: String },
    /// A new one-time sign-in link for an existing user (each link signs in one device).
    Link {
        name: String,
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        url: String,
    },
}
