//! A kiosk visitor's language: chosen from the welcome screen's row of names, shown until the
//! visit ends. Nothing of it is kept: the page forgets it when it reloads after a visit, and a
//! welcome screen left with a chosen language goes back to the kiosk's default once the idle
//! time passes, so the next visitor always starts in the default. A phone follows the phone.
use super::{KioskAction, KioskFlow, KioskPhase};

impl KioskFlow {
    /// The visitor chose `lang` ("de"): the page shows it from now on.
    pub fn handle_language(&mut self, now: u64, lang: &str) {
        if self.phone() {
            return;
        }
        self.handle_touch(now);
        if self.language.as_deref() != Some(lang) {
            self.language = Some(lang.to_string());
            self.actions.push(KioskAction::UseLanguage(Some(lang.to_string())));
        }
    }

    /// The language this visit chose, if any.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// When a welcome screen left with a chosen language goes back to the default.
    pub(super) fn language_resets_at(&self) -> Option<u64> {
        (self.phase == KioskPhase::Welcome && self.language.is_some()).then(|| self.idle.ends_at()).flatten()
    }

    pub(super) fn language_on_time(&mut self, now: u64) {
        if self.language_resets_at().is_some_and(|at| now >= at) {
            self.language = None;
            self.actions.push(KioskAction::UseLanguage(None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{drain, kiosk, photos};
    use super::*;
    use crate::kiosk::{EngineSignal, KioskMode};

    #[test]
    fn a_chosen_language_lasts_the_visit_and_the_reload_after_it_forgets_it() {
        let mut k = kiosk(60_000);
        k.handle_language(1_000, "de");
        assert_eq!(drain(&mut k), ["UseLanguage(Some(\"de\"))"]);
        k.handle_language(1_500, "de");
        assert!(drain(&mut k).is_empty(), "the same language again changes nothing");
        k.handle_files(2_000);
        k.on_session("drop".into(), "ABC".into(), 2_100);
        k.handle_engine(3_000, EngineSignal::Complete { saved: photos(1) });
        drain(&mut k);
        assert_eq!(k.language(), Some("de"), "the visit keeps its language to the done screen");
        k.handle_timeout(10_000);
        assert!(drain(&mut k).iter().all(|a| !a.starts_with("UseLanguage")), "a running visit never switches back");
        k.handle_finish(20_000);
        assert_eq!(drain(&mut k), ["End", "Forget"]);
        assert_eq!(k.phase(), &KioskPhase::Resetting, "the page reloads next, and a reload keeps no language");
    }

    #[test]
    fn a_welcome_screen_left_in_a_chosen_language_goes_back_to_the_default_after_the_idle_time() {
        let mut k = kiosk(60_000);
        assert_eq!(k.poll_timeout(), None);
        k.handle_language(1_000, "ja");
        drain(&mut k);
        k.handle_touch(30_000);
        assert_eq!(k.poll_timeout(), Some(90_000), "the idle time counts from the last touch");
        k.handle_timeout(89_999);
        assert!(drain(&mut k).is_empty());
        k.handle_timeout(90_000);
        assert_eq!(drain(&mut k), ["UseLanguage(None)"]);
        assert_eq!(k.language(), None);
        assert_eq!(k.poll_timeout(), None, "the default welcome screen never times out");
    }

    #[test]
    fn a_phone_follows_the_phone() {
        let mut k = KioskFlow::new(KioskMode::Phone { token: "t".into() }, 0);
        k.handle_language(1_000, "de");
        assert!(drain(&mut k).iter().all(|a| !a.starts_with("UseLanguage")));
        assert_eq!(k.language(), None);
    }
}
