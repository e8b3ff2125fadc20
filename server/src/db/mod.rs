//! One database interface for the media index, accounts and sessions: a SQLite file in the
//! data folder (the default, one node) or PostgreSQL (`--database postgres://…`, several
//! nodes sharing one database). Statements are written once, in SQL both engines run, with
//! numbered placeholders (`?1`) that `pg::translate` rewrites to `$1`; the few spots where the
//! dialects differ ask [`Db::is_postgres`]. Rows come back materialized as [`Value`]s, so
//! callers read both engines the same way.
pub mod pg;
pub mod pg_schema;

use std::fmt;
use std::sync::{Arc, Mutex};

/// A bound parameter or a column value. Integers are 64-bit on both engines (PostgreSQL
/// columns are BIGINT), reals are doubles, and booleans are stored as 0/1.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// What can be bound as a parameter (the `vals!` macro calls it on each argument).
pub trait ToValue {
    fn to_value(&self) -> Value;
}

macro_rules! int_to_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Int(*self as i64)
            }
        }
    )*};
}
int_to_value!(i64, i32, u32, u8);

impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(*self as i64)
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_value)
    }
}

/// `vals![a, b, c]`: a parameter list, like rusqlite's `params!`.
#[macro_export]
macro_rules! vals {
    ($($x:expr),* $(,)?) => {
        &[$($crate::db::ToValue::to_value(&$x)),*] as &[$crate::db::Value]
    };
}

/// What a column can be read as.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Result<Self>;
}

fn wrong(v: &Value, want: &str) -> Error {
    Error::Type(format!("expected {want}, got {v:?}"))
}

impl FromValue for i64 {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Int(i) => Ok(*i),
            _ => Err(wrong(v, "an integer")),
        }
    }
}
impl FromValue for u64 {
    fn from_value(v: &Value) -> Result<Self> {
        i64::from_value(v).map(|i| i as u64)
    }
}
impl FromValue for u32 {
    fn from_value(v: &Value) -> Result<Self> {
        u32::try_from(i64::from_value(v)?).map_err(|_| wrong(v, "a u32"))
    }
}
impl FromValue for u8 {
    fn from_value(v: &Value) -> Result<Self> {
        u8::try_from(i64::from_value(v)?).map_err(|_| wrong(v, "a u8"))
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> Result<Self> {
        i64::from_value(v).map(|i| i != 0)
    }
}
impl FromValue for f64 {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Real(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            _ => Err(wrong(v, "a number")),
        }
    }
}
impl FromValue for String {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Text(s) => Ok(s.clone()),
            _ => Err(wrong(v, "text")),
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// One result row.
#[derive(Clone, Debug)]
pub struct Row(pub Vec<Value>);

impl Row {
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T> {
        T::from_value(self.0.get(i).ok_or_else(|| Error::Type(format!("no column {i}")))?)
    }
}

#[derive(Debug)]
pub enum Error {
    Sqlite(rusqlite::Error),
    /// PostgreSQL's own message (with its SQLSTATE), or why no connection could be had.
    Postgres(String),
    /// A column did not hold what the caller asked for.
    Type(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sqlite(e) => write!(f, "{e}"),
            Error::Postgres(e) => write!(f, "postgres: {e}"),
            Error::Type(e) => write!(f, "database value: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sqlite(e)
    }
}

/// Where the records live. `Postgres` is shared by the index, accounts and sessions.
pub enum Db {
    Sqlite(Mutex<rusqlite::Connection>),
    Postgres(Arc<pg::Pg>),
}

/// Inside [`Db::transaction`]: the same calls, on the transaction.
pub enum Tx<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(&'a pg::PgTx<'a>),
}

impl Db {
    pub fn sqlite(conn: rusqlite::Connection) -> Db {
        Db::Sqlite(Mutex::new(conn))
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }

    pub fn postgres(&self) -> Option<&Arc<pg::Pg>> {
        match self {
            Db::Postgres(p) => Some(p),
            Db::Sqlite(_) => None,
        }
    }

    fn conn(m: &Mutex<rusqlite::Connection>) -> std::sync::MutexGuard<'_, rusqlite::Connection> {
        m.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        match self {
            Db::Sqlite(c) => Tx::Sqlite(&Self::conn(c)).execute(sql, args),
            Db::Postgres(p) => p.execute(sql, args),
        }
    }

    pub fn query(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        match self {
            Db::Sqlite(c) => Tx::Sqlite(&Self::conn(c)).query(sql, args),
            Db::Postgres(p) => p.query(sql, args),
        }
    }

    /// The first row, if any.
    pub fn query_row(&self, sql: &str, args: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, args)?.into_iter().next())
    }

    /// Runs `f` in one transaction: committed when it returns Ok, rolled back otherwise.
    pub fn transaction<T>(&self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        match self {
            Db::Sqlite(c) => {
                let mut conn = Self::conn(c);
                let tx = conn.transaction()?;
                let out = f(&Tx::Sqlite(&tx))?;
                tx.commit()?;
                Ok(out)
            }
            Db::Postgres(p) => p.transaction(|t| f(&Tx::Postgres(t))),
        }
    }
}

impl Tx<'_> {
    pub fn execute(&self, sql: &str, args: &[Value]) -> Result<u64> {
        match self {
            Tx::Sqlite(c) => Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(args.iter()))? as u64),
            Tx::Postgres(t) => t.execute(sql, args),
        }
    }

    pub fn query(&self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        match self {
            Tx::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let n = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(Row((0..n).map(|i| r.get_ref(i).map(from_sqlite)).collect::<rusqlite::Result<_>>()?));
                }
                Ok(out)
            }
            Tx::Postgres(t) => t.query(sql, args),
        }
    }

    pub fn query_row(&self, sql: &str, args: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, args)?.into_iter().next())
    }
}

fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) | ValueRef::Blob(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Real(f) => ToSqlOutput::Borrowed(ValueRef::Real(*f)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

/// A 64-bit advisory-lock key for `name` (e.g. "upload:<id>"): the first 8 bytes of its SHA-256.
pub fn lock_key(name: &str) -> i64 {
    use sha2::Digest;
    let d = sha2::Sha256::digest(name.as_bytes());
    i64::from_be_bytes(d[..8].try_into().expect("8 bytes"))
}
