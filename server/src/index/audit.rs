//! What `shoebox-server verify` and `reindex` ask of the index: every (user, content) it names,
//! to find records whose blob is gone and blobs no record names.
use super::MediaIndex;

impl MediaIndex {
    /// Each (user, sha256) named by at least one record, trashed ones included (they keep
    /// their bytes until purged).
    pub fn contents(&self) -> crate::db::Result<Vec<(String, String)>> {
        let rows = self.db.query("SELECT DISTINCT \"user\", sha256 FROM media ORDER BY \"user\", sha256", &[])?;
        rows.iter().map(|r| Ok((r.get(0)?, r.get(1)?))).collect()
    }
}
