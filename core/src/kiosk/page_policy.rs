//! What a page in kiosk mode (a kiosk screen or a phone joined to a visit) does differently
//! from the app, as rules the driver asks instead of deciding: nothing a visitor sets is kept,
//! chosen files wait for the visit's session, and the account's own flows (devices, storage,
//! the library) stay silent.
use super::KioskMode;

/// The page's policy: `None` for the app itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PagePolicy {
    visit: bool,
}

impl PagePolicy {
    pub fn of(mode: Option<&KioskMode>) -> Self {
        PagePolicy { visit: mode.is_some() }
    }
    /// Settings are saved on the device only outside a visit: the next visitor starts clean.
    pub fn saves_settings(self) -> bool {
        !self.visit
    }
    /// Files chosen on a visit's page go to the visit (held until its session exists), never
    /// straight to the engine.
    pub fn files_go_to_visit(self) -> bool {
        self.visit
    }
    /// Devices, storage and the library follow the backup only in the app: a visitor's token
    /// may read none of them.
    pub fn account_flows_follow(self) -> bool {
        !self.visit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_keeps_nothing_holds_files_and_leaves_the_account_alone() {
        let app = PagePolicy::of(None);
        assert!(app.saves_settings() && !app.files_go_to_visit() && app.account_flows_follow());
        for mode in [KioskMode::Kiosk { key: "k".into() }, KioskMode::Phone { token: "t".into() }] {
            let visit = PagePolicy::of(Some(&mode));
            assert!(!visit.saves_settings(), "{mode:?}");
            assert!(visit.files_go_to_visit(), "{mode:?}");
            assert!(!visit.account_flows_follow(), "{mode:?}");
        }
    }
}
