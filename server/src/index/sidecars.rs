//! Sidecars in the index (v6): an XMP or AAE record names the item it belongs to in
//! `sidecar_of` (that item's sha256, in the same album), and is never listed as an item of its
//! own (parts aside). Which item a sidecar belongs to is `previews::sidecars`' decision, by
//! the name key the Live Photo sweep gives every record. Here is only the SQL, the same on
//! SQLite and PostgreSQL.
use super::MediaIndex;
use crate::db::{Result, Value};
use crate::vals;
use std::collections::HashMap;

/// True for a record whose file name is a sidecar's (`photo::sidecar`'s rule, in SQL).
pub const IS_SIDECAR: &str = "(lower(COALESCE(filename, '')) LIKE '%.xmp' OR lower(COALESCE(filename, '')) LIKE '%.aae')";

/// A record of the key that could hold a sidecar, or a sidecar waiting for one.
#[derive(Debug, Clone)]
pub struct Keyed {
    pub seq: i64,
    pub sha256: String,
    pub filename: Option<String>,
    pub filetype: Option<String>,
}

/// An item as sidecars name it: its album and its content.
pub type ItemKey = (Option<String>, String);

/// One sidecar as its item lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub sha256: String,
    pub filename: String,
    pub trashed: bool,
}

impl MediaIndex {
    fn keyed(&self, sql: &str, user: &str, key: &str) -> Result<Vec<Keyed>> {
        let rows = self.db.query(sql, vals![user, key])?;
        rows.iter().map(|r| Ok(Keyed { seq: r.get(0)?, sha256: r.get(1)?, filename: r.get(2)?, filetype: r.get(3)? })).collect()
    }

    /// The user's untrashed records of this key that are not sidecars nor a Live Photo's clip.
    pub fn sidecar_targets(&self, user: &str, key: &str) -> Result<Vec<Keyed>> {
        self.keyed(
            &format!(
                "SELECT seq, sha256, filename, filetype FROM media WHERE \"user\" = ?1 AND pair_key = ?2 AND trashed_at IS NULL \
                 AND motion_of IS NULL AND NOT {IS_SIDECAR} ORDER BY seq"
            ),
            user,
            key,
        )
    }

    /// The user's untrashed sidecars of this key, and the item each belongs to so far.
    pub fn keyed_sidecars(&self, user: &str, key: &str) -> Result<Vec<(Keyed, Option<String>)>> {
        let rows = self.db.query(
            &format!(
                "SELECT seq, sha256, filename, filetype, sidecar_of FROM media WHERE \"user\" = ?1 AND pair_key = ?2 \
                 AND trashed_at IS NULL AND {IS_SIDECAR} ORDER BY seq"
            ),
            vals![user, key],
        )?;
        rows.iter()
            .map(|r| Ok((Keyed { seq: r.get(0)?, sha256: r.get(1)?, filename: r.get(2)?, filetype: r.get(3)? }, r.get(4)?)))
            .collect()
    }

    /// Moves a sidecar to the item of content `item_sha` (a better fit arrived).
    pub fn move_sidecar(&self, seq: i64, item_sha: &str) -> Result<()> {
        self.db.execute("UPDATE media SET sidecar_of = ?2 WHERE seq = ?1", vals![seq, item_sha])?;
        Ok(())
    }

    /// Makes the sidecar record belong to the item of content `item_sha`, unless it already
    /// belongs to one (another node's sweep).
    pub fn attach_sidecar(&self, seq: i64, item_sha: &str) -> Result<bool> {
        Ok(self.db.execute("UPDATE media SET sidecar_of = ?2 WHERE seq = ?1 AND sidecar_of IS NULL", vals![seq, item_sha])? == 1)
    }

    /// The sidecars of these (album, sha256) items of the user, oldest first.
    pub fn sidecars_of(&self, user: &str, items: &[ItemKey]) -> Result<HashMap<ItemKey, Vec<Attached>>> {
        let mut out: HashMap<_, Vec<Attached>> = HashMap::new();
        for batch in items.chunks(super::CHECK_BATCH) {
            let marks = (0..batch.len()).map(|i| format!("?{}", i + 2)).collect::<Vec<_>>().join(",");
            let sql = format!(
                "SELECT sidecar_of, album, sha256, filename, trashed_at FROM media WHERE \"user\" = ?1 AND sidecar_of IN ({marks}) ORDER BY seq"
            );
            let mut args: Vec<Value> = vals![user].to_vec();
            args.extend(batch.iter().map(|(_, s)| Value::Text(s.clone())));
            for r in self.db.query(&sql, &args)? {
                let key = (r.get::<Option<String>>(1)?, r.get::<String>(0)?);
                if !batch.contains(&key) {
                    continue;
                }
                let sha256: String = r.get(2)?;
                let filename = r.get::<Option<String>>(3)?.unwrap_or_else(|| sha256.clone());
                out.entry(key).or_default().push(Attached { sha256, filename, trashed: r.get::<Option<String>>(4)?.is_some() });
            }
        }
        Ok(out)
    }
}
