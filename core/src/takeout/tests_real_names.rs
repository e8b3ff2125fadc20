//! Real export names, typed by hand from public write-ups of Takeout's layout (tool authors'
//! notes and bug reports about Google's naming), kept apart from the fixture tool so that the
//! tool and the matcher cannot share one misunderstanding. Each row: a media file, a sidecar
//! in the same folder, and whether they belong together.
use super::names::{sidecar_names, FolderSidecars, CUT_CHARS};

const ROWS: &[(&str, &str, bool)] = &[
    // The newer form.
    ("IMG_20200920_131207.jpg", "IMG_20200920_131207.jpg.supplemental-metadata.json", true),
    ("VID_20200930_155021.mp4", "VID_20200930_155021.mp4.supplemental-metadata.json", true),
    ("100-0016_IMG_2_2.JPG", "100-0016_IMG_2_2.JPG.supplemental-metadata.json", true),
    ("IMG_20250112_100426.jpg", "IMG_20250112_100426.jpg.supplemental-metadata.json", true),
    // Cut to 51 characters in all.
    ("PXL_20240817_202602411.mp4", "PXL_20240817_202602411.mp4.supplemental-metada.json", true),
    ("PXL_20230101_120000000.MP.jpg", "PXL_20230101_120000000.MP.jpg.supplemental-met.json", true),
    ("Screenshot_20220321-101843_Samsung Internet.jpg", "Screenshot_20220321-101843_Samsung Internet.jp.json", true),
    ("Screenshot_2021-05-30-20-15-43-611_com.whatsapp.jpg", "Screenshot_2021-05-30-20-15-43-611_com.whatsap.json", true),
    ("IMG-20200920-WA0009 from the family chat.jpg", "IMG-20200920-WA0009 from the family chat.jpg.s.json", true),
    ("IMG-20200920-WA0009 from the family chats.jpg", "IMG-20200920-WA0009 from the family chats.jpg..json", true),
    ("IMG-20200920-WA0009 from the family chats.jpg", "IMG-20200920-WA0009 from the family chat.jpg.s.json", false),
    // The older form.
    ("IMG_20200920_131207.jpg", "IMG_20200920_131207.jpg.json", true),
    ("DSC_0529.JPG", "DSC_0529.JPG.json", true),
    // Duplicates of one name: the counter moves behind the extension, or behind the cut suffix.
    ("IMG_1234(1).jpg", "IMG_1234.jpg(1).json", true),
    ("IMG_1234(1).jpg", "IMG_1234.jpg.supplemental-metadata(1).json", true),
    ("image(2).png", "image.png.supplemental-metadata(2).json", true),
    ("IMG_1234.jpg", "IMG_1234.jpg(1).json", false),
    ("IMG_1234(2).jpg", "IMG_1234.jpg(1).json", false),
    // A name Google itself numbered keeps its own sidecar.
    ("image(1).png", "image(1).png.supplemental-metadata.json", true),
    ("IMG20240221145914~2.jpg", "IMG20240221145914~2.jpg.supplemental-metadata.json", true),
    ("IMG20240221145914~2.jpg", "IMG20240221145914.jpg.supplemental-metadata.json", false),
    // Edited copies take the original's sidecar, in the export's language.
    ("IMG_20200920_131207-edited.jpg", "IMG_20200920_131207.jpg.supplemental-metadata.json", true),
    ("IMG_20190704_180311-bearbeitet.jpg", "IMG_20190704_180311.jpg.json", true),
    ("DSC_0529-modifié.JPG", "DSC_0529.JPG.supplemental-metadata.json", true),
    ("IMG_0042-editado.HEIC", "IMG_0042.HEIC.json", true),
    // Different photos.
    ("IMG_0001.jpg", "IMG_0002.jpg.json", false),
    ("IMG_0001.jpg", "IMG_0001.jpeg.supplemental-metadata.json", false),
];

#[test]
fn real_export_names_pair_as_google_wrote_them() {
    for (media, sidecar, pairs) in ROWS {
        assert!(sidecar.chars().count() <= CUT_CHARS || sidecar.contains('('), "the table itself is wrong: {sidecar}");
        assert!(!sidecar_names(sidecar).is_empty(), "{sidecar} is a sidecar's name");
        let mut folder = FolderSidecars::default();
        folder.add(sidecar, ());
        assert_eq!(folder.find(media).is_some(), *pairs, "{media} ↔ {sidecar}");
    }
}

#[test]
fn each_photo_takes_its_own_sidecar_when_several_are_side_by_side() {
    let mut folder = FolderSidecars::default();
    for (i, (_, sidecar, _)) in ROWS.iter().enumerate() {
        folder.add(sidecar, i);
    }
    for (media, sidecar, pairs) in ROWS.iter().filter(|r| r.2) {
        let got = folder.find(media).map(|i| ROWS[i].1).unwrap_or("none");
        let same_photo =
            sidecar_names(got).iter().any(|a| sidecar_names(sidecar).iter().any(|b| a.photo == b.photo && a.counter == b.counter));
        assert!(*pairs && same_photo, "{media}: {got}, expected {sidecar}");
    }
}
