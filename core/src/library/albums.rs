//! The library's album moves: the selection put into an album (one of the person's or a new
//! name), the selection downloaded (one item as itself, several as one zip), and an album's own
//! page (its title, count and date range, a rename, and "Download all": one zip of the album).
//! The name rule is the server's own (`api::album_name`), checked here before anything is sent.
use super::flow::{LibraryAction, LibraryCall, LibraryFlow};
use super::route::Route;
use super::view::{AlbumPage, Download, Filters, LibraryNote};
use crate::api::{
    self, album_name, AlbumChanged, AlbumItems, AlbumRename, ApiAnswer, ApiCall, ApiErrorCode, Bearer, MediaItem, ZipAsk, ZipLink,
};

impl LibraryFlow {
    /// An album card: that album's own page, or (`Some("")`) the timeline of the items without an
    /// album, or (`None`) the whole timeline.
    pub fn handle_open_album(&mut self, _now: u64, album: Option<String>) {
        if let Some(name) = album.clone().filter(|a| !a.is_empty()) {
            self.actions.push_back(LibraryAction::Go(Route::Album(name)));
            return;
        }
        self.filters = Filters { album, ..Filters::default() };
        match self.route {
            Route::Timeline => self.reload(),
            _ => self.actions.push_back(LibraryAction::Go(Route::Timeline)),
        }
    }

    /// The album page: the route names the album; it is missing when the person's albums,
    /// listed since the page opened, do not include it.
    pub fn album_page(&self) -> Option<AlbumPage> {
        let name = self.route.album()?.to_string();
        let missing = self.album.listed.as_ref().is_some_and(|l| !l.contains(&name));
        let days = self.timeline.as_ref().map(|t| t.days()).unwrap_or_default();
        Some(AlbumPage {
            missing,
            count: self.matching,
            first_day: days.last().map(|d| d.day.clone()),
            last_day: days.first().map(|d| d.day.clone()),
            name,
        })
    }

    /// A tap on item `n`: while something is selected it joins or leaves the selection (as a
    /// phone's long press began it), else the viewer opens.
    pub fn handle_tap(&mut self, now: u64, n: u64, id: String) {
        if self.selected.is_empty() {
            self.handle_open(now, n);
        } else {
            self.handle_toggle(now, id);
        }
    }

    /// Whether "Add to album" is open.
    pub fn choosing_album(&self) -> bool {
        self.album.choosing
    }

    /// "Add to album": the chooser opens and the person's albums load for it.
    pub fn handle_choose_album(&mut self, _now: u64) {
        if self.selected.is_empty() {
            return;
        }
        self.album.choosing = true;
        let call = ApiCall::get(api::albums_path(&self.zone), Bearer::Device);
        self.actions.push_back(LibraryAction::Call(LibraryCall::AlbumNames, call));
    }

    pub fn handle_close_album_chooser(&mut self, _now: u64) {
        self.album.choosing = false;
    }

    /// The chooser's answer: an album of the list or a new name. A name the server would
    /// refuse is refused here, with a note, and nothing is sent.
    pub fn handle_add_to_album(&mut self, now: u64, name: &str) {
        let Ok(album) = album_name(name) else {
            self.show_note(LibraryNote::AlbumNameRefused, now);
            return;
        };
        let sha256: Vec<String> = self.picked().map(|i| i.sha256.clone()).collect();
        if sha256.is_empty() {
            return;
        }
        let body = AlbumItems { album: album.to_string(), sha256 };
        let call = ApiCall::post(api::ALBUM_ADD_PATH, Bearer::Device, Some(&body));
        self.actions.push_back(LibraryAction::Call(LibraryCall::AddToAlbum, call));
    }

    /// An album's page: the selected items leave this album (the server keeps a photo that was
    /// in no other album in the library, in no album).
    pub fn handle_remove_from_album(&mut self, _now: u64) {
        let Some(page) = self.album_page() else { return };
        let sha256: Vec<String> = self.picked().map(|i| i.sha256.clone()).collect();
        if sha256.is_empty() {
            return;
        }
        let body = AlbumItems { album: page.name, sha256 };
        let call = ApiCall::post(api::ALBUM_REMOVE_PATH, Bearer::Device, Some(&body));
        self.actions.push_back(LibraryAction::Call(LibraryCall::RemoveFromAlbum, call));
    }

    /// The Albums view's "New album": an empty album, listed at once.
    pub fn handle_create_album(&mut self, now: u64, name: &str) {
        let Ok(album) = album_name(name) else {
            self.show_note(LibraryNote::AlbumNameRefused, now);
            return;
        };
        let call = ApiCall::post(api::ALBUM_CREATE_PATH, Bearer::Device, Some(&api::AlbumName { album: album.to_string() }));
        self.actions.push_back(LibraryAction::Call(LibraryCall::CreateAlbum, call));
    }

    /// The album page's rename; the page follows the album to its new name.
    pub fn handle_rename_album(&mut self, now: u64, to: &str) {
        let Some(from) = self.album_page().map(|p| p.name) else { return };
        let Ok(to) = album_name(to) else {
            self.show_note(LibraryNote::AlbumNameRefused, now);
            return;
        };
        if to == from {
            return;
        }
        self.album.renaming_to = Some(to.to_string());
        let call = ApiCall::post(api::ALBUM_RENAME_PATH, Bearer::Device, Some(&AlbumRename { from, to: to.to_string() }));
        self.actions.push_back(LibraryAction::Call(LibraryCall::RenameAlbum, call));
    }

    /// The selection's download: one item's original under its own name, several items as
    /// one zip (the server's signed link, asked for first).
    pub fn handle_download_selected(&mut self, _now: u64) {
        let picked: Vec<&MediaItem> = self.picked().collect();
        match picked[..] {
            [] => {}
            [one] => {
                if let Some(file) = download(one) {
                    self.actions.push_back(LibraryAction::Download(vec![file]));
                }
            }
            _ => {
                let ids = picked.iter().map(|i| i.id.clone()).collect();
                self.ask_zip(ZipAsk { ids: Some(ids), ..ZipAsk::default() }, None);
            }
        }
    }

    /// The album page's "Download all": the whole album as one zip.
    pub fn handle_download_album(&mut self, _now: u64) {
        let Some(page) = self.album_page().filter(|p| !p.missing) else { return };
        self.ask_zip(ZipAsk { album: Some(page.name.clone()), ..ZipAsk::default() }, Some(page.name));
    }

    /// Asks for a zip's link; `name`: the album the file is named after.
    fn ask_zip(&mut self, ask: ZipAsk, name: Option<String>) {
        self.album.zip_name = name;
        let call = ApiCall::post(api::ALBUM_ZIP_PATH, Bearer::Device, Some(&ask));
        self.actions.push_back(LibraryAction::Call(LibraryCall::Zip, call));
    }

    /// The selected ids' items, in the order they were picked.
    fn picked(&self) -> impl Iterator<Item = &MediaItem> {
        self.selected.iter().filter_map(|id| self.album.picked.iter().find(|i| &i.id == id))
    }

    /// Keeps the item behind a newly selected id (its content and link are needed later,
    /// when its page may no longer be the one loaded).
    pub(super) fn remember_pick(&mut self, id: &str) {
        self.album.picked.retain(|i| self.selected.contains(&i.id));
        if self.album.picked.iter().any(|i| i.id == id) {
            return;
        }
        let Some(t) = self.timeline.as_ref() else { return };
        if let Some(item) = (0..t.total_items()).filter_map(|g| t.item(g)).find(|i| i.id == id) {
            self.album.picked.push(item.clone());
        }
    }

    /// An album move refused: why, when the server said a reason the person can act on.
    fn refused(&mut self, code: Option<ApiErrorCode>, now: u64) {
        let note = match code {
            Some(ApiErrorCode::AlbumExists) => LibraryNote::AlbumExists,
            Some(ApiErrorCode::AlbumLiveVisit) => LibraryNote::AlbumLiveVisit,
            _ => LibraryNote::ActionFailed,
        };
        self.show_note(note, now);
    }

    /// The answers of the album moves.
    pub(super) fn on_album_answer(&mut self, now: u64, call: LibraryCall, answer: ApiAnswer, base: &str) {
        let reply = answer.ok();
        let code = reply.as_ref().and_then(|r| r.code());
        let ok = reply.clone().filter(|r| r.is_success());
        match call {
            LibraryCall::AlbumNames => {
                if let Some(list) = ok.and_then(|r| r.json::<api::AlbumList>()) {
                    self.album.listed = Some(list.albums.iter().filter_map(|a| a.album.clone()).collect());
                    self.albums = list.albums;
                }
            }
            LibraryCall::AddToAlbum => match ok.and_then(|r| r.json::<AlbumChanged>()) {
                Some(c) => {
                    self.album.choosing = false;
                    self.selected.clear();
                    self.album.picked.clear();
                    self.show_note(LibraryNote::AddedToAlbum(c.added.unwrap_or(0)), now);
                    if self.album_page().is_some() {
                        self.reload();
                    }
                }
                None => self.refused(code, now),
            },
            LibraryCall::RemoveFromAlbum => match ok.and_then(|r| r.json::<AlbumChanged>()) {
                Some(c) => {
                    self.selected.clear();
                    self.album.picked.clear();
                    self.show_note(LibraryNote::RemovedFromAlbum(c.removed.unwrap_or(0)), now);
                    self.reload();
                }
                None => self.refused(code, now),
            },
            LibraryCall::CreateAlbum => match reply.filter(|r| r.is_success()) {
                Some(_) if self.route == Route::Albums => self.load_view(),
                Some(_) => {}
                None if code == Some(ApiErrorCode::AlbumExists) => self.show_note(LibraryNote::AlbumExists, now),
                None => self.show_note(LibraryNote::ActionFailed, now),
            },
            LibraryCall::RenameAlbum => {
                let to = self.album.renaming_to.take();
                match (reply.filter(|r| r.is_success()), to) {
                    (Some(_), Some(_)) if !matches!(&self.route, Route::Album(_)) => {
                        // The person left the album's page before the answer came: stay where they are.
                        self.show_note(LibraryNote::AlbumRenamed, now);
                        if self.route == Route::Albums {
                            self.load_view();
                        }
                    }
                    (Some(_), Some(to)) => {
                        // The page follows the album to its new name, the address too (in place:
                        // Back does not lead to the old name, which no longer exists).
                        self.route = Route::Album(to.clone());
                        self.filters.album = Some(to);
                        self.album.listed = None;
                        self.actions.push_back(LibraryAction::Replace(self.route.clone()));
                        self.show_note(LibraryNote::AlbumRenamed, now);
                        self.load_view();
                    }
                    _ => self.refused(code, now),
                }
            }
            LibraryCall::Zip => match ok.and_then(|r| r.json::<ZipLink>()) {
                Some(link) => {
                    // A name a file system takes: no folder separators.
                    let name = self.album.zip_name.take().map(|n| n.replace(['/', '\\'], "_"));
                    let filename = format!("{}.zip", name.as_deref().unwrap_or("Shoebox"));
                    self.actions.push_back(LibraryAction::Download(vec![Download { url: format!("{base}{}", link.url), filename }]));
                }
                None => self.show_note(LibraryNote::ActionFailed, now),
            },
            _ => {}
        }
    }
}

/// The item's original under its own name (a name that would be a path keeps its last part).
fn download(i: &MediaItem) -> Option<Download> {
    let url = i.download_url.clone()?;
    let name = i.filename.as_deref().and_then(|n| n.rsplit(['/', '\\']).next()).filter(|n| !n.is_empty());
    Some(Download { url, filename: name.map_or_else(|| i.sha256.clone(), str::to_string) })
}
