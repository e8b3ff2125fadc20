//! The kiosk operator's visits of today, shown above the albums: asked once the albums have
//! come (the view is usable before), in the viewer's zone; a person with no kiosk gets an
//! empty list and sees nothing. Failing to get them hides the section and nothing else.
use super::answers::read;
use super::flow::{LibraryAction, LibraryCall, LibraryFlow};
use crate::api::{self, ApiAnswer, ApiCall, Bearer, VisitEntry, VisitLog};

impl LibraryFlow {
    pub(super) fn ask_visits(&mut self) {
        let call = ApiCall::get(api::visits_path(&self.zone, None), Bearer::Device);
        self.actions.push_back(LibraryAction::Call(LibraryCall::Visits(self.generation), call));
    }

    pub(super) fn on_visits(&mut self, answer: ApiAnswer) {
        self.visits = read::<VisitLog>(answer).map(|l| l.visits).unwrap_or_default();
    }

    /// Today's kiosk visits, newest first (empty for anyone without a kiosk).
    pub fn visits(&self) -> &[VisitEntry] {
        &self.visits
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{json, one_call, BASE};
    use super::super::{LoadState, Route};
    use super::*;
    use crate::api::{AlbumList, ApiReply};

    fn visit(code: &str) -> VisitEntry {
        VisitEntry { code: code.into(), drop: format!("Kiosk {code}"), items: 3, photos: 2, videos: 1, ..Default::default() }
    }

    #[test]
    fn the_albums_come_first_then_todays_visits_in_the_viewers_zone() {
        let mut f = LibraryFlow::new("Europe/Berlin");
        f.handle_route(0, Route::Albums);
        let (w, _) = one_call(&mut f);
        f.handle_answer(1, w, json(200, &AlbumList::default()), BASE);
        assert_eq!(f.state(), LoadState::Ready, "the albums show without waiting for the visits");
        let (w, c) = one_call(&mut f);
        assert!(matches!(w, LibraryCall::Visits(_)));
        assert_eq!((c.path.as_str(), c.bearer), ("/api/v1/visits?tz=Europe%2FBerlin", Bearer::Device));
        let log = VisitLog { day: "2026-12-07".into(), visits: vec![visit("K7QX"), visit("AB23")] };
        f.handle_answer(2, w, json(200, &log), BASE);
        assert_eq!(f.visits().iter().map(|v| v.code.as_str()).collect::<Vec<_>>(), ["K7QX", "AB23"]);
        // Shown again: fresh albums, then fresh visits; a refusal or a failure shows none.
        for answer in [Ok(ApiReply::new(403, "")), Ok(ApiReply::new(500, "")), Ok(ApiReply::new(200, "<html>"))] {
            f.handle_route(3, Route::Albums);
            let (w, _) = one_call(&mut f);
            f.handle_answer(4, w, json(200, &AlbumList::default()), BASE);
            let (w, _) = one_call(&mut f);
            f.handle_answer(5, w, answer, BASE);
            assert!(f.visits().is_empty());
            assert_eq!(f.state(), LoadState::Ready, "the albums stay");
        }
    }

    #[test]
    fn visits_for_a_view_since_left_are_dropped_and_a_failed_albums_answer_asks_none() {
        let mut f = LibraryFlow::new("UTC");
        f.handle_route(0, Route::Albums);
        let (w, _) = one_call(&mut f);
        f.handle_answer(1, w, json(200, &AlbumList::default()), BASE);
        let (old, _) = one_call(&mut f);
        f.handle_route(2, Route::Timeline);
        let _ = one_call(&mut f);
        f.handle_answer(3, old, json(200, &VisitLog { day: String::new(), visits: vec![visit("OLD1")] }), BASE);
        assert!(f.visits().is_empty());
        let mut g = LibraryFlow::new("UTC");
        g.handle_route(0, Route::Albums);
        let (w, _) = one_call(&mut g);
        g.handle_answer(1, w, Ok(ApiReply::new(500, "")), BASE);
        assert!(super::super::tests::calls(&mut g).is_empty());
    }
}
