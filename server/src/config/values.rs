//! The command line's value parsers: durations, sizes and the database URL.
use std::time::Duration;

/// `--database`: None for SQLite (absent, empty or `sqlite:`), the URL for PostgreSQL.
pub fn postgres_url(db: Option<&str>) -> Result<Option<String>, String> {
    match db.map(str::trim).filter(|d| !d.is_empty()) {
        None => Ok(None),
        Some(d) if d == "sqlite:" || d == "sqlite" => Ok(None),
        Some(d) if d.starts_with("postgres://") || d.starts_with("postgresql://") => Ok(Some(d.to_string())),
        Some(_) => Err("--database wants sqlite: or postgres://USER@HOST:PORT/DB".into()),
    }
}

/// "24h", "30m", "90s", "500ms", "2d"; a bare number is seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: f64 = n.parse().map_err(|_| format!("not a duration: {s:?}"))?;
    let secs = match unit.trim() {
        "" | "s" => n,
        "ms" => n / 1000.0,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        "d" => n * 86400.0,
        u => return Err(format!("unknown duration unit {u:?} (use ms, s, m, h or d)")),
    };
    Ok(Duration::from_secs_f64(secs))
}

/// "10GB", "8MiB", "500000"; decimal units as contracts.md uses them (1 MB = 1,000,000 bytes).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: u64 = n.parse().map_err(|_| format!("not a size: {s:?}"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        u => return Err(format!("unknown size unit {u:?} (use B, KB, MB, GB, TB, KiB, MiB, GiB)")),
    };
    n.checked_mul(mult).ok_or_else(|| format!("size too large: {s:?}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_urls_pick_the_engine() {
        for sqlite in [None, Some(""), Some("sqlite:"), Some(" sqlite ")] {
            assert_eq!(super::postgres_url(sqlite), Ok(None), "{sqlite:?}");
        }
        let pg = "postgres://shoebox@db:5432/shoebox";
        assert_eq!(super::postgres_url(Some(pg)), Ok(Some(pg.to_string())));
        assert!(super::postgres_url(Some("postgresql://db/x")).unwrap().is_some());
        assert!(super::postgres_url(Some("mysql://db/x")).is_err());
    }
}
