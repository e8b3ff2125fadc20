//! Whose this browser's records are, and what a switch of account means: the account's digest
//! (never its token), the scope of resume records, and the rule that another account in use
//! gets a fresh page.
use super::types::EngineSettings;
use super::Engine;

impl Engine {
    /// Whose this browser's records are (what waits of an export, resume records, backup
    /// folders): a digest of the destination and the account's token, never the token.
    pub fn account_digest(&self) -> String {
        let who = format!("{}\n{}", self.settings.endpoint, self.settings.token.as_deref().unwrap_or(""));
        crate::hash::sha256_hex(who.as_bytes())[..16].to_string()
    }

    /// Whose records these are: the endpoint and a digest of the account's token (never the
    /// token itself), so that on a shared computer what one account backed up never counts as
    /// backed up for another. Records of older builds name the endpoint alone and are left
    /// unused: their files are hashed again and the server answers what it holds.
    pub fn record_scope(&self) -> String {
        format!("{}#{}", self.settings.endpoint, self.account_digest())
    }

    /// Whether these settings name another account (or destination) while this one is in
    /// use: the page must then start afresh for it (the driver reloads), so that nothing
    /// planned, queued, answered or shown for this account carries over into the other's. Not
    /// on a first sign-in, nor when this token was refused (a typo being corrected: the files
    /// chosen are the person's own).
    pub fn needs_fresh_page_for(&self, new: &EngineSettings) -> bool {
        let new = new.clone().normalized();
        let other = new.endpoint != self.settings.endpoint || new.token != self.settings.token;
        other && self.settings.token.is_some() && !self.server.signin
    }

    /// The destination or the account changed: index that scope's records instead.
    pub(crate) fn rescope_resume_records(&mut self) {
        let mut all = std::mem::take(&mut self.resume_elsewhere);
        all.extend(std::mem::take(&mut self.resume).into_records());
        self.load_resume_records(all);
    }
}
