//! The rules the engine applies to the settings it is given, whoever maps them.
use shoebox_core::engine::{AlbumMode, EngineSettings};

fn with(album: AlbumMode, parallel_uploads: usize) -> EngineSettings {
    EngineSettings { album, parallel_uploads, ..EngineSettings::default() }
}

#[test]
fn an_empty_album_name_means_one_album_per_folder() {
    assert_eq!(with(AlbumMode::Named(String::new()), 3).normalized().album, AlbumMode::Folder);
    assert_eq!(with(AlbumMode::Named("  ".into()), 3).normalized().album, AlbumMode::Folder);
    assert_eq!(with(AlbumMode::Named("Trip".into()), 3).normalized().album, AlbumMode::Named("Trip".into()));
    assert_eq!(with(AlbumMode::None, 3).normalized().album, AlbumMode::None, "no album stays no album");
}

#[test]
fn at_least_one_upload_runs_at_a_time() {
    assert_eq!(with(AlbumMode::Folder, 0).normalized().parallel_uploads, 1);
    assert_eq!(with(AlbumMode::Folder, 6).normalized().parallel_uploads, 6);
}

#[test]
fn the_engine_applies_them_to_what_it_is_given() {
    use shoebox_core::engine::Engine;
    let mut e = Engine::new(with(AlbumMode::Named(" ".into()), 0));
    assert_eq!((e.settings().album.clone(), e.settings().parallel_uploads), (AlbumMode::Folder, 1));
    e.set_settings(with(AlbumMode::Named(String::new()), 0), 10);
    assert_eq!((e.settings().album.clone(), e.settings().parallel_uploads), (AlbumMode::Folder, 1), "and to later changes");
}
