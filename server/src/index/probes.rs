//! Probes (`shoebox_core::hash::probe_ranges`): whether a large file the client has not hashed
//! yet may be content the user already has. Kept per content in `content_probes`, made from the
//! stored bytes the first time a probe of the same size is asked (so records stored before
//! probes existed are covered without a backfill pass), read through the store's ranged reads.
use super::MediaIndex;
use crate::db::Result;
use crate::store::Store;
use crate::vals;
use shoebox_core::api::Probe;
use shoebox_core::hash::{probe_ranges, Sha256Stream};
use std::io::Read;

impl MediaIndex {
    /// The probes that match content of the user's (in `album` when given) of the same size.
    pub fn probable(&self, user: &str, album: Option<&str>, probes: &[Probe], store: &dyn Store) -> Result<Vec<String>> {
        let mut found = Vec::new();
        for p in probes {
            let rows = self.db.query(
                "SELECT DISTINCT m.sha256, c.probe FROM media m LEFT JOIN content_probes c ON c.sha256 = m.sha256 \
                 WHERE m.\"user\" = ?1 AND (CAST(?2 AS TEXT) IS NULL OR m.album = ?2) AND m.size = ?3",
                vals![user, album, p.size as i64],
            )?;
            for r in rows {
                let sha: String = r.get(0)?;
                let known = match r.get::<Option<String>>(1)? {
                    Some(known) => known,
                    // Content whose bytes cannot be read has no probe: it matches nothing.
                    None => match probe_of(store, user, &sha, p.size) {
                        Ok(Some(made)) => {
                            self.db.execute(
                                "INSERT INTO content_probes (sha256, probe) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                                vals![sha, made],
                            )?;
                            made
                        }
                        _ => continue,
                    },
                };
                if known == p.probe && !found.contains(&p.probe) {
                    found.push(p.probe.clone());
                }
            }
        }
        Ok(found)
    }
}

/// The probe of stored content, from its first and last bytes (`None`: not stored).
pub fn probe_of(store: &dyn Store, user: &str, sha256: &str, size: u64) -> std::io::Result<Option<String>> {
    let mut h = Sha256Stream::new();
    for (start, end) in probe_ranges(size) {
        let Some((r, _)) = store.open_blob_at(user, sha256, start)? else { return Ok(None) };
        let mut buf = Vec::with_capacity((end - start) as usize);
        r.take(end - start).read_to_end(&mut buf)?;
        if buf.len() as u64 != end - start {
            return Ok(None);
        }
        h.update(&buf);
    }
    Ok(Some(h.finish_hex()))
}
