//! The library's reads: one page of records (upload order, or newest day first with a keyset
//! cursor), per-day counts for the scrubber, and per-album totals, all under the same filters.
//!
//! A record's `day` is computed in SQL, because it depends on the viewer: a wall-clock EXIF time
//! (`captured_local = 1`) groups by its own date, an instant (lastModified, or the upload time
//! when nothing else is known) by its date in the viewer's time zone `tz` (`zone`). The day and
//! the albums' covers are the two spots written per engine (the day's conversion, and SQLite's
//! bare column beside `MAX()`, have no common spelling).
use super::zone::Zone;
use super::{row_item, MediaIndex, COLUMNS, COLUMN_COUNT};
use crate::db::{Result, Row, Value};
use shoebox_core::api::{AlbumSummary, DaySummary, MediaItem};
use std::collections::HashMap;

/// At most this many items per page.
pub const MAX_LIMIT: usize = 1000;
pub const DEFAULT_LIMIT: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Upload order, oldest first; the cursor is the last seq (the API before the library).
    Seq,
    /// Newest day first, within a day newest taken first (then newest id); the cursor is
    /// "day|time|id".
    Taken,
}

/// The filters every library read shares (docs/api.md); all optional, combined with AND.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Case-insensitive substring of filename, relativePath or album.
    pub q: Option<String>,
    /// `Some(None)`: records without an album.
    pub album: Option<Option<String>>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// "image/" or "video/": the filetype's prefix.
    pub kind: Option<&'static str>,
    /// Some(true): downsized copies only; Some(false): originals only.
    pub downsized: Option<bool>,
    /// Only trashed records (else only the others).
    pub trash: bool,
    /// The viewer's time zone.
    pub tz: Zone,
    /// A kiosk visitor's drop: nothing outside this album.
    pub drop: Option<String>,
    /// Live Photo clips and sidecars listed on their own too (else only within their item's
    /// `motion` and `sidecars`).
    pub parts: bool,
}

/// One page request.
#[derive(Clone, Debug)]
pub struct PageQuery {
    pub filters: Filters,
    pub order: Order,
    pub cursor: Option<String>,
    /// Start at this day (items with day <= it); ignored with a cursor.
    pub day: Option<String>,
    pub limit: usize,
}

/// A plausible "YYYY-MM-DD".
pub fn valid_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

impl PageQuery {
    /// From the query string; the error names the bad parameter (a 400).
    pub fn from_params(p: &HashMap<String, String>) -> std::result::Result<Self, String> {
        let get = |k: &str| p.get(k).map(String::as_str).filter(|v| !v.is_empty());
        let order = match get("order") {
            None | Some("upload") => Order::Seq,
            Some("taken") => Order::Taken,
            Some(o) => return Err(format!("order must be \"taken\" (or left out), got {o:?}")),
        };
        let limit = match get("limit") {
            None => DEFAULT_LIMIT,
            Some(l) => l.parse::<usize>().map_err(|_| "limit must be a positive integer".to_string())?.clamp(1, MAX_LIMIT),
        };
        let day = get("day").map(str::to_string);
        if day.as_deref().is_some_and(|d| !valid_day(d)) {
            return Err("day must be YYYY-MM-DD".into());
        }
        let cursor = get("cursor").map(str::to_string);
        if let Some(c) = &cursor {
            let ok = match order {
                Order::Seq => c.parse::<i64>().is_ok(),
                Order::Taken => parse_taken_cursor(c).is_some(),
            };
            if !ok {
                return Err("invalid cursor".into());
            }
        }
        Ok(PageQuery { filters: Filters::from_params(p)?, order, cursor, day, limit })
    }
}

impl Filters {
    pub fn from_params(p: &HashMap<String, String>) -> std::result::Result<Self, String> {
        let get = |k: &str| p.get(k).map(String::as_str).filter(|v| !v.is_empty());
        let mut f = Filters {
            q: get("q").map(str::to_lowercase),
            album: p.get("album").map(|a| Some(a.clone()).filter(|a| !a.is_empty())),
            ..Filters::default()
        };
        for (name, slot) in [("from", &mut f.from), ("to", &mut f.to)] {
            if let Some(d) = get(name) {
                if !valid_day(d) {
                    return Err(format!("{name} must be a day, YYYY-MM-DD"));
                }
                *slot = Some(d.to_string());
            }
        }
        f.kind = match get("kind") {
            None => None,
            Some("photo") => Some("image/"),
            Some("video") => Some("video/"),
            Some(k) => return Err(format!("kind must be photo or video, got {k:?}")),
        };
        f.downsized = match get("quality") {
            None => None,
            Some("downsized") => Some(true),
            Some("original") => Some(false),
            Some(q) => return Err(format!("quality must be downsized or original, got {q:?}")),
        };
        f.trash = match get("trash") {
            None | Some("false") => false,
            Some("true") => true,
            Some(t) => return Err(format!("trash must be true or false, got {t:?}")),
        };
        f.parts = match get("parts") {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(t) => return Err(format!("parts must be 1 or 0, got {t:?}")),
        };
        if let Some(tz) = get("tz") {
            f.tz = Zone::parse(tz)?;
        }
        Ok(f)
    }

    /// `SELECT <COLUMNS>, day FROM media WHERE <the filters>`, and its arguments.
    fn select(&self, user: &str, pg: bool) -> (String, Vec<Value>) {
        // tz is validated (a number or a known zone's name), so it is safe in the SQL text.
        let day = self.tz.day_sql(pg);
        let mut w = vec!["\"user\" = ?".to_string(), format!("trashed_at IS {}NULL", if self.trash { "NOT " } else { "" })];
        let mut args = vec![Value::Text(user.to_string())];
        if let Some(q) = &self.q {
            // PostgreSQL's instr() is strpos(); COALESCE is SQLite's IFNULL.
            let instr = if pg { "strpos" } else { "instr" };
            w.push(format!("({instr}(lower(COALESCE(filename, '')), ?1q) > 0 OR {instr}(lower(COALESCE(relative_path, '')), ?1q) > 0 OR {instr}(lower(COALESCE(album, '')), ?1q) > 0)"));
            args.push(Value::Text(q.clone()));
        }
        match &self.album {
            Some(Some(a)) => {
                w.push("album = ?".into());
                args.push(Value::Text(a.clone()));
            }
            Some(None) => w.push("album IS NULL".into()),
            None => {}
        }
        if let Some(d) = &self.drop {
            w.push("album = ?".into());
            args.push(Value::Text(d.clone()));
        }
        if let Some(k) = self.kind {
            w.push(format!("filetype LIKE '{k}%'"));
        }
        if !self.parts {
            w.push("motion_of IS NULL".into());
            w.push(format!("NOT {}", super::sidecars::IS_SIDECAR));
        }
        match self.downsized {
            Some(true) => w.push("source_sha256 IS NOT NULL".into()),
            Some(false) => w.push("source_sha256 IS NULL".into()),
            None => {}
        }
        let mut outer = Vec::new();
        for (op, d) in [(">=", &self.from), ("<=", &self.to)] {
            if let Some(d) = d {
                outer.push(format!("day {op} ?"));
                args.push(Value::Text(d.clone()));
            }
        }
        // The q placeholder is used three times; number-free `?` would need it bound thrice.
        let inner = w.join(" AND ");
        let (inner, args) = bind_q(inner, args, self.q.is_some());
        let outer = if outer.is_empty() { String::new() } else { format!(" WHERE {}", outer.join(" AND ")) };
        // `t` orders a day's items by when they were taken (then by id), as a person expects.
        (
            format!(
                "SELECT * FROM (SELECT {COLUMNS}, {day} AS day, COALESCE(captured_at, uploaded_at) AS t FROM media WHERE {inner}) AS m{outer}"
            ),
            args,
        )
    }
}

/// Replaces the `?1q` markers with three plain placeholders and binds q three times.
fn bind_q(sql: String, mut args: Vec<Value>, has_q: bool) -> (String, Vec<Value>) {
    if !has_q {
        return (sql, args);
    }
    let q = args[1].clone();
    args.splice(1..2, [q.clone(), q.clone(), q]);
    (sql.replace("?1q", "?"), args)
}

/// "day|time|id": the last item's grouping day, its capture (or upload) time and its id.
fn parse_taken_cursor(c: &str) -> Option<(String, String, i64)> {
    let mut parts = c.splitn(3, '|');
    let (d, t, s) = (parts.next()?, parts.next()?, parts.next()?);
    (valid_day(d) && t.len() <= 40).then_some(())?;
    Some((d.to_string(), t.to_string(), s.parse().ok()?))
}

fn read_item(r: &Row) -> Result<MediaItem> {
    let mut m = row_item(r, 0)?;
    m.day = r.get::<Option<String>>(COLUMN_COUNT)?.unwrap_or_default();
    Ok(m)
}

impl MediaIndex {
    /// One page and the cursor of the next (None at the end).
    pub fn page(&self, user: &str, p: &PageQuery) -> Result<(Vec<MediaItem>, Option<String>)> {
        let (base, mut args) = p.filters.select(user, self.db.is_postgres());
        let mut w = Vec::new();
        let order = match p.order {
            Order::Seq => {
                if let Some(c) = &p.cursor {
                    w.push("seq > ?");
                    args.push(Value::Int(c.parse().unwrap_or(0)));
                }
                "seq"
            }
            Order::Taken => {
                if let Some((d, t, s)) = p.cursor.as_deref().and_then(parse_taken_cursor) {
                    w.push("(day < ? OR (day = ? AND (t < ? OR (t = ? AND seq < ?))))");
                    args.extend([Value::Text(d.clone()), Value::Text(d), Value::Text(t.clone()), Value::Text(t), Value::Int(s)]);
                } else if let Some(d) = &p.day {
                    w.push("day <= ?");
                    args.push(Value::Text(d.clone()));
                }
                "day DESC, t DESC, seq DESC"
            }
        };
        let cond = if w.is_empty() { String::new() } else { format!(" WHERE {}", w.join(" AND ")) };
        args.push(Value::Int(p.limit as i64 + 1));
        let sql = format!("SELECT * FROM ({base}) AS p{cond} ORDER BY {order} LIMIT ?");
        let mut items: Vec<MediaItem> = self.db.query(&sql, &args)?.iter().map(read_item).collect::<Result<_>>()?;
        let more = items.len() > p.limit;
        items.truncate(p.limit);
        let next = match (more, items.last()) {
            (true, Some(last)) => Some(match p.order {
                Order::Seq => last.id.clone(),
                Order::Taken => format!("{}|{}|{}", last.day, last.captured_at.as_deref().unwrap_or(&last.uploaded_at), last.id),
            }),
            _ => None,
        };
        Ok((items, next))
    }

    /// Per-day (count, bytes) under the filters, newest day first.
    pub fn days(&self, user: &str, f: &Filters) -> Result<Vec<DaySummary>> {
        let (base, args) = f.select(user, self.db.is_postgres());
        let sql = format!("SELECT day, COUNT(*), CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM ({base}) AS d GROUP BY day ORDER BY day DESC");
        let rows = self.db.query(&sql, &args)?;
        rows.iter()
            .map(|r| {
                Ok(DaySummary { day: r.get::<Option<String>>(0)?.unwrap_or_default(), count: r.get::<u64>(1)?, bytes: r.get::<u64>(2)? })
            })
            .collect()
    }

    /// The user's trashed records: (count, bytes).
    pub fn trash_totals(&self, user: &str) -> Result<(u64, u64)> {
        let r = self.db.query_row(
            "SELECT COUNT(*), CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM media WHERE \"user\" = ?1 AND trashed_at IS NOT NULL",
            crate::vals![user],
        )?;
        r.map_or(Ok((0, 0)), |r| Ok((r.get(0)?, r.get(1)?)))
    }

    /// Albums of non-trashed records, latest day first then by name (no album last among
    /// equals); the cover is the newest record's sha256 (signed by the caller).
    pub fn albums(&self, user: &str, tz: Zone) -> Result<Vec<(AlbumSummary, String)>> {
        let f = Filters { tz, ..Filters::default() };
        let pg = self.db.is_postgres();
        let (base, args) = f.select(user, pg);
        let sql = if pg {
            // The cover: the sha256 of the row with the greatest key, as SQLite's bare column
            // gives; "C" collation compares the key byte by byte, as SQLite does.
            let key = "(day || '|' || lpad(CAST(seq AS TEXT), 15, '0')) COLLATE \"C\"";
            format!(
                "SELECT album, COUNT(*), CAST(COALESCE(SUM(size), 0) AS BIGINT), MAX({key}), (array_agg(sha256 ORDER BY {key} DESC))[1] \
                 FROM ({base}) AS a GROUP BY album"
            )
        } else {
            // With one MAX() aggregate, SQLite takes the bare sha256 from the row holding the max.
            format!(
                "SELECT album, COUNT(*), COALESCE(SUM(size), 0), MAX(day || '|' || printf('%015d', seq)), sha256 FROM ({base}) AS a GROUP BY album"
            )
        };
        let rows = self.db.query(&sql, &args)?;
        let mut out: Vec<(AlbumSummary, String)> = rows
            .iter()
            .map(|r| {
                let key: String = r.get(3)?;
                Ok((
                    AlbumSummary {
                        album: r.get(0)?,
                        count: r.get::<u64>(1)?,
                        bytes: r.get::<u64>(2)?,
                        latest_day: key.split('|').next().unwrap_or("").to_string(),
                        cover_thumb_url: None,
                    },
                    r.get::<String>(4)?,
                ))
            })
            .collect::<Result<_>>()?;
        out.sort_by(|(a, _), (b, _)| {
            b.latest_day.cmp(&a.latest_day).then_with(|| a.album.is_none().cmp(&b.album.is_none())).then_with(|| a.album.cmp(&b.album))
        });
        Ok(out)
    }
}
