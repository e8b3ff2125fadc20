//! The PostgreSQL side of `db::Db`: a connection pool, statements translated from the SQLite
//! dialect, node-shared settings, and session advisory locks (an upload being written, the
//! purge pass, a user's quota check) that span every node using the database.
//!
//! Why a runtime of its own: the index, accounts and sessions are called as blocking code from
//! `spawn_blocking` threads, directly inside async handlers, and from tests on current-thread
//! runtimes. The sync `postgres` crate (and `Runtime::block_on`) panic inside a runtime, and
//! `Handle::block_on` would deadlock a current-thread runtime that must drive the socket. So
//! the connections live on a small dedicated multi-thread runtime, and each blocking call
//! spawns its work there and waits for the answer on a std channel, which works on any thread
//! because nothing it waits on needs the caller's runtime. (Not `futures::executor::block_on`
//! of the task's JoinHandle: polling a JoinHandle spends the calling tokio task's cooperative
//! budget, so an async handler making ~128 calls without yielding would wait forever.)
use super::{Error, Result, Row, Value};
use bytes::BytesMut;
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod, Runtime};
use std::future::Future;
use std::time::Duration;
use tokio_postgres::types::{IsNull, ToSql, Type};

/// Connections for statements; each call holds one only while it runs.
const POOL_SIZE: usize = 16;
/// Connections that hold advisory locks for as long as an upload is written: one per upload
/// in progress on this node, so a separate, larger pool (statements never wait behind them).
const LOCK_POOL_SIZE: usize = 256;
/// A lock connection not had in this long: the lock is reported as held (the client retries).
const LOCK_WAIT: Duration = Duration::from_secs(10);

pub struct Pg {
    /// `Option` only so that `Drop` can shut it down without blocking (dropping a runtime
    /// inside another runtime's async context panics).
    rt: Option<tokio::runtime::Runtime>,
    pool: Pool,
    lock_pool: Pool,
}

impl Drop for Pg {
    fn drop(&mut self) {
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}

fn pg_err(e: impl std::fmt::Display + std::fmt::Debug) -> Error {
    Error::Postgres(e.to_string())
}

/// tokio-postgres's Display says only "db error"; the server's message and code are inside.
fn db_err(e: tokio_postgres::Error) -> Error {
    match e.as_db_error() {
        Some(d) => Error::Postgres(format!("{} ({})", d.message(), d.code().code())),
        None => Error::Postgres(e.to_string()),
    }
}

fn pool_err(e: deadpool_postgres::PoolError) -> Error {
    match e {
        deadpool_postgres::PoolError::Backend(e) => db_err(e),
        e => Error::Postgres(format!("no database connection: {e}")),
    }
}

impl Pg {
    /// Connects to `url` (postgres://user@host:port/db) and brings the schema up to date.
    pub fn connect(url: &str) -> Result<Pg> {
        let config: tokio_postgres::Config = url.parse().map_err(|e| Error::Postgres(format!("bad --database URL: {e}")))?;
        let rt =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).thread_name("shoebox-pg").enable_all().build().map_err(pg_err)?;
        let make = |size: usize, wait: Option<Duration>| {
            let mgr =
                Manager::from_config(config.clone(), tokio_postgres::NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
            Pool::builder(mgr)
                .max_size(size)
                .runtime(Runtime::Tokio1)
                .wait_timeout(wait)
                .create_timeout(Some(Duration::from_secs(10)))
                .build()
                .map_err(pg_err)
        };
        let pg =
            Pg { pool: make(POOL_SIZE, Some(Duration::from_secs(30)))?, lock_pool: make(LOCK_POOL_SIZE, Some(LOCK_WAIT))?, rt: Some(rt) };
        pg.upgrade_schema()?;
        Ok(pg)
    }

    /// Brings the database to [`super::pg_schema::VERSION`]; a no-op when another node already did.
    fn upgrade_schema(&self) -> Result<()> {
        self.transaction(|tx| {
            tx.execute("SELECT pg_advisory_xact_lock(?1)", crate::vals![super::lock_key("shoebox:migrate")])?;
            tx.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)", &[])?;
            let have: i64 =
                tx.query_row("SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM schema_version", &[])?.map_or(Ok(0), |r| r.get(0))?;
            for (i, step) in super::pg_schema::STEPS.iter().enumerate().skip(have.max(0) as usize) {
                for stmt in step.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    tx.execute(stmt, &[])?;
                }
                tx.execute("INSERT INTO schema_version (version) VALUES (?1)", crate::vals![i as i64 + 1])?;
            }
            Ok(())
        })
    }

    fn rt(&self) -> &tokio::runtime::Runtime {
        self.rt.as_ref().expect("the runtime lives as long as Pg")
    }

    /// Runs `fut` on the pool's runtime and waits for it from whatever thread this is.
    fn run<T: Send + 'static>(&self, fut: impl Future<Output = Result<T>> + Send + 'static) -> Result<T> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.rt().spawn(async move {
            let _ = tx.send(fut.await);
        });
        // A task that panicked dropped its sender: recv fails instead of waiting forever.
        rx.recv().map_err(|_| Error::Postgres("a database task failed".into()))?
    }

    /// The same, awaited (for async callers: no thread is blocked).
    async fn run_async<T: Send + 'static>(&self, fut: impl Future<Output = Result<T>> + Send + 'static) -> Result<T> {
        self.rt().spawn(fut).await.map_err(pg_err)?
    }

    pub fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        let (pool, sql, args) = (self.pool.clone(), translate(sql), args.to_vec());
        self.run(async move { execute_on(&pool.get().await.map_err(pool_err)?, &sql, &args).await })
    }

    pub fn query(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        let (pool, sql, args) = (self.pool.clone(), translate(sql), args.to_vec());
        self.run(async move { query_on(&pool.get().await.map_err(pool_err)?, &sql, &args).await })
    }

    /// One transaction on one pooled connection: committed when `f` returns Ok, rolled back
    /// otherwise (also when `f` panics, by `PgTx`'s drop), so no connection goes back to the
    /// pool inside a transaction.
    pub fn transaction<T>(&self, f: impl FnOnce(&PgTx<'_>) -> Result<T>) -> Result<T> {
        let pool = self.pool.clone();
        let client = std::sync::Arc::new(self.run(async move { pool.get().await.map_err(pool_err) })?);
        let tx = PgTx { pg: self, client, done: std::cell::Cell::new(false) };
        tx.batch("BEGIN")?;
        let out = f(&tx);
        tx.done.set(true);
        match out {
            Ok(v) => tx.batch("COMMIT").map(|_| v),
            Err(e) => {
                let _ = tx.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// The value of a node-shared setting, made once by whichever node asks first: `init` is
    /// stored only when the key is absent, and the stored value is what every node gets.
    pub fn setting(&self, key: &str, init: &str) -> Result<String> {
        self.execute("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING", crate::vals![key, init])?;
        self.query("SELECT value FROM settings WHERE key = ?1", crate::vals![key])?
            .first()
            .ok_or_else(|| Error::Postgres(format!("setting {key} vanished")))?
            .get(0)
    }

    /// The session advisory lock `key` on a connection of its own, or None when another
    /// session (another node) holds it. Released when the returned holder drops, or by
    /// PostgreSQL when the connection dies with its node.
    pub fn try_lock(self: &std::sync::Arc<Self>, key: i64) -> Result<Option<PgLock>> {
        let fut = lock_fut(self.lock_pool.clone(), key, false);
        Ok(self.run(fut)?.map(|c| PgLock { pg: self.clone(), conn: c, key }))
    }

    pub async fn try_lock_async(self: &std::sync::Arc<Self>, key: i64) -> Result<Option<PgLock>> {
        let fut = lock_fut(self.lock_pool.clone(), key, false);
        Ok(self.run_async(fut).await?.map(|c| PgLock { pg: self.clone(), conn: c, key }))
    }

    /// Waits for the lock (`pg_advisory_lock`), from a blocking thread.
    pub fn lock(self: &std::sync::Arc<Self>, key: i64) -> Result<PgLock> {
        let fut = lock_fut(self.lock_pool.clone(), key, true);
        let c = self.run(fut)?.ok_or_else(|| Error::Postgres("pg_advisory_lock returned without the lock".into()))?;
        Ok(PgLock { pg: self.clone(), conn: c, key })
    }

    /// Waits for the lock (`pg_advisory_lock`), for short critical sections such as a quota check.
    pub async fn lock_async(self: &std::sync::Arc<Self>, key: i64) -> Result<PgLock> {
        let fut = lock_fut(self.lock_pool.clone(), key, true);
        let c = self.run_async(fut).await?.ok_or_else(|| Error::Postgres("pg_advisory_lock returned without the lock".into()))?;
        Ok(PgLock { pg: self.clone(), conn: c, key })
    }
}

async fn lock_fut(pool: Pool, key: i64, wait: bool) -> Result<Option<LockConn>> {
    let c = pool.get().await.map_err(pool_err)?;
    if wait {
        // Wrapped before waiting: should the waiter give up, the connection closes on drop.
        let c = LockConn(Some(c));
        c.0.as_ref().expect("just set").execute("SELECT pg_advisory_lock($1)", &[&key]).await.map_err(db_err)?;
        return Ok(Some(c));
    }
    let got: bool = c.query_one("SELECT pg_try_advisory_lock($1)", &[&key]).await.map_err(db_err)?.get(0);
    Ok(got.then(|| LockConn(Some(c))))
}

/// A connection that holds (or is about to hold) an advisory lock. Dropped without `PgLock`
/// having taken it out (the request waiting for the lock went away, e.g. a client hung up), it
/// is closed rather than pooled: PostgreSQL then frees the lock, so no pooled connection ever
/// keeps one.
struct LockConn(Option<Object>);

impl Drop for LockConn {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            drop(Object::take(c));
        }
    }
}

/// A held session advisory lock and the connection that holds it.
pub struct PgLock {
    pg: std::sync::Arc<Pg>,
    conn: LockConn,
    key: i64,
}

impl Drop for PgLock {
    fn drop(&mut self) {
        let Some(c) = self.conn.0.take() else { return };
        let key = self.key;
        // Waited for, so that "dropped" means "free" for the next taker on any node. Should the
        // unlock fail, the connection is closed instead, which frees the lock just the same.
        let r = self.pg.run(async move {
            match c.execute("SELECT pg_advisory_unlock($1)", &[&key]).await {
                Ok(_) => Ok(()),
                Err(e) => {
                    drop(Object::take(c));
                    Err(db_err(e))
                }
            }
        });
        if let Err(e) = r {
            tracing::warn!(error = %e, "advisory unlock failed; its connection was closed instead");
        }
    }
}

/// A transaction in progress (see [`Pg::transaction`]).
pub struct PgTx<'a> {
    pg: &'a Pg,
    client: std::sync::Arc<Object>,
    done: std::cell::Cell<bool>,
}

impl Drop for PgTx<'_> {
    fn drop(&mut self) {
        if !self.done.get() {
            let _ = self.batch("ROLLBACK");
        }
    }
}

impl PgTx<'_> {
    fn batch(&self, sql: &'static str) -> Result<()> {
        let c = self.client.clone();
        self.pg.run(async move { c.batch_execute(sql).await.map_err(db_err) })
    }
    pub fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        let (c, sql, args) = (self.client.clone(), translate(sql), args.to_vec());
        self.pg.run(async move { execute_on(&c, &sql, &args).await })
    }
    pub fn query(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        let (c, sql, args) = (self.client.clone(), translate(sql), args.to_vec());
        self.pg.run(async move { query_on(&c, &sql, &args).await })
    }
    pub fn query_row(&self, sql: &str, args: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, args)?.into_iter().next())
    }
}

fn refs(args: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    args.iter().map(|a| a as &(dyn ToSql + Sync)).collect()
}

async fn execute_on(c: &Object, sql: &str, args: &[Value]) -> Result<u64> {
    let stmt = c.prepare_cached(sql).await.map_err(db_err)?;
    c.execute(&stmt, &refs(args)).await.map_err(db_err)
}

async fn query_on(c: &Object, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
    let stmt = c.prepare_cached(sql).await.map_err(db_err)?;
    let rows = c.query(&stmt, &refs(args)).await.map_err(db_err)?;
    rows.iter().map(from_pg).collect()
}

fn from_pg(r: &tokio_postgres::Row) -> Result<Row> {
    let mut out = Vec::with_capacity(r.len());
    for (i, col) in r.columns().iter().enumerate() {
        let v = match *col.type_() {
            Type::INT8 => r.try_get::<_, Option<i64>>(i).map(|v| v.map(Value::Int)),
            Type::INT4 => r.try_get::<_, Option<i32>>(i).map(|v| v.map(|x| Value::Int(x as i64))),
            Type::INT2 => r.try_get::<_, Option<i16>>(i).map(|v| v.map(|x| Value::Int(x as i64))),
            Type::BOOL => r.try_get::<_, Option<bool>>(i).map(|v| v.map(|x| Value::Int(x as i64))),
            Type::FLOAT8 => r.try_get::<_, Option<f64>>(i).map(|v| v.map(Value::Real)),
            Type::FLOAT4 => r.try_get::<_, Option<f32>>(i).map(|v| v.map(|x| Value::Real(x as f64))),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                r.try_get::<_, Option<String>>(i).map(|v| v.map(Value::Text))
            }
            ref t => return Err(Error::Type(format!("column {} has type {t}; cast it to BIGINT or TEXT", col.name()))),
        };
        out.push(v.map_err(db_err)?.unwrap_or(Value::Null));
    }
    Ok(Row(out))
}

/// Binding follows the parameter's type as PostgreSQL inferred it, so the one `Value::Int`
/// fits INT4, INT8 and BOOLEAN parameters alike (SQLite does not care).
impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Value::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Int(i), &Type::TEXT | &Type::VARCHAR) => i.to_string().to_sql(ty, out),
            (Value::Int(i), _) => i.to_sql(ty, out),
            (Value::Real(f), &Type::FLOAT4) => (*f as f32).to_sql(ty, out),
            (Value::Real(f), _) => f.to_sql(ty, out),
            (Value::Text(s), _) => s.as_str().to_sql(ty, out),
        }
    }
    fn accepts(_: &Type) -> bool {
        true
    }
    tokio_postgres::types::to_sql_checked!();
}

/// SQLite's placeholders in PostgreSQL's form: `?N` → `$N`, and a bare `?` numbered as SQLite
/// numbers it (one more than the largest so far). Quoted text is left alone.
pub fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let (mut max, mut quote) = (0u32, None::<char>);
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '?') => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                let n = digits.parse().unwrap_or(max + 1);
                max = max.max(n);
                out.push_str(&format!("${n}"));
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered_like_sqlite() {
        assert_eq!(super::translate("a = ?1 AND b = ?2 OR c = ?1"), "a = $1 AND b = $2 OR c = $1");
        assert_eq!(super::translate("a = ? AND b IN (?, ?)"), "a = $1 AND b IN ($2, $3)");
        assert_eq!(super::translate("a = ?3 AND b = ?"), "a = $3 AND b = $4");
        assert_eq!(super::translate("x = '?' AND \"user\" = ?1"), "x = '?' AND \"user\" = $1");
    }
}
