//! The words of the Settings panel: its headings and hints (the settings' own labels are in the
//! strings module beside the rest of the backup's words).
use crate::i18n::text;

text!(set_language, "set-language");
text!(set_language_hint, "set-language-hint");
text!(set_backup, "set-backup");
text!(set_storage, "set-storage");
text!(set_advanced, "set-advanced");
text!(set_advanced_hint, "set-advanced-hint");
