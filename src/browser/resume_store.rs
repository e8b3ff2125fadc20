//! The engine's resume records, kept in IndexedDB (as JSON, by key) so a reload continues
//! unfinished uploads.
use shoebox_core::engine::ResumeRecord;
use web_sys::IdbDatabase;

use super::idb::Kv;

#[derive(Clone)]
pub struct ResumeStore(Kv);

impl ResumeStore {
    /// Open the store and read every record (unreadable ones are skipped).
    pub async fn load(db: &IdbDatabase) -> (ResumeStore, Vec<ResumeRecord>) {
        let kv = Kv::new(db, "resume");
        let entries = kv.entries().await.unwrap_or_default();
        let records = entries.into_iter().filter_map(|(_, v)| v.as_string().and_then(|j| serde_json::from_str(&j).ok())).collect();
        (ResumeStore(kv), records)
    }

    pub fn save(&self, record: ResumeRecord) {
        let kv = self.0.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let json = serde_json::to_string(&record).unwrap_or_default();
            if let Err(e) = kv.put(&record.key, &json.into()).await {
                web_sys::console::warn_1(&format!("could not save resume record: {e}").into());
            }
        });
    }

    pub fn remove(&self, key: String) {
        let kv = self.0.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = kv.delete(&key).await;
        });
    }
}
