//! The library timeline model: rows from day counts, the visible window, months for the
//! scrubber, and the paging rule (start a day, continue a day a page ended in, skip repeats).
use shoebox_core::library::{DayCount, Fetch, Geometry, Row, Timeline};

fn geo(width: f64) -> Geometry {
    Geometry { width, min_cell: 100.0, gap: 4.0, heading: 40.0 }
}

fn days(spec: &[(&str, u32)]) -> Vec<DayCount> {
    spec.iter().map(|(d, c)| DayCount { day: d.to_string(), count: *c }).collect()
}

fn items(day: &str, range: std::ops::Range<u32>) -> Vec<(String, String)> {
    range.map(|i| (day.to_string(), format!("{day}#{i}"))).collect()
}

#[test]
fn rows_come_from_counts_with_a_heading_per_day() {
    // 520 px: (520 + 4) / 104 = 5 columns of (520 - 16) / 5 = 100.8 px.
    let t: Timeline<String> = Timeline::new(days(&[("2024-05-02", 7), ("2024-05-01", 5), ("2024-04-30", 1)]), geo(520.0));
    assert_eq!(t.geometry().columns(), 5);
    assert!((t.geometry().cell() - 100.8).abs() < 1e-9);
    let rows: Vec<Row> = (0..t.row_count()).map(|i| t.row(i).unwrap().1).collect();
    assert_eq!(
        rows,
        vec![
            Row::Heading { day: 0 },
            Row::Cells { day: 0, first: 0, n: 5 },
            Row::Cells { day: 0, first: 5, n: 2 },
            Row::Heading { day: 1 },
            Row::Cells { day: 1, first: 0, n: 5 },
            Row::Heading { day: 2 },
            Row::Cells { day: 2, first: 0, n: 1 },
        ]
    );
    let step = 100.8 + 4.0;
    assert!((t.total_height() - (3.0 * 40.0 + 4.0 * step)).abs() < 1e-9);
    assert_eq!(t.total_items(), 13);
    let months = t.months();
    assert_eq!(months.iter().map(|(m, _)| m.as_str()).collect::<Vec<_>>(), ["2024-05", "2024-04"]);
    assert!(months[0].1 == 0.0 && (months[1].1 - (2.0 * 40.0 + 3.0 * step)).abs() < 1e-9);
}

#[test]
fn a_narrow_window_still_has_one_column_and_resizing_keeps_loaded_items() {
    let mut t: Timeline<String> = Timeline::new(days(&[("2024-05-02", 3)]), geo(50.0));
    assert_eq!(t.geometry().columns(), 1);
    assert_eq!(t.row_count(), 4);
    t.on_page(items("2024-05-02", 0..3), None);
    t.set_geometry(geo(1000.0));
    assert_eq!(t.row_count(), 2);
    assert_eq!(
        t.cells(0, 0, 3),
        vec![Some(&"2024-05-02#0".to_string()), Some(&"2024-05-02#1".to_string()), Some(&"2024-05-02#2".to_string())]
    );
}

#[test]
fn the_visible_window_of_a_huge_timeline_is_small() {
    // 100,000 items over 1,000 days: only the rows on screen are drawn.
    let spec: Vec<DayCount> = (0..1000).map(|i| DayCount { day: format!("d{:04}", 9999 - i), count: 100 }).collect();
    let t: Timeline<String> = Timeline::new(spec, geo(1040.0));
    assert_eq!(t.total_items(), 100_000);
    let mid = t.total_height() / 2.0;
    let r = t.visible(mid, 800.0, 200.0);
    assert!(r.len() < 20, "{r:?}");
    let (top, _) = t.row(r.start).unwrap();
    assert!(top <= mid - 200.0 && t.row(r.end - 1).unwrap().0 < mid + 1000.0);
    assert_eq!(t.visible(0.0, 800.0, 0.0).start, 0);
    assert_eq!(t.visible(t.total_height() + 10.0, 800.0, 0.0).end, t.row_count());
}

#[test]
fn paging_starts_a_day_then_continues_it_then_skips_what_it_has() {
    let mut t: Timeline<String> = Timeline::new(days(&[("2024-05-02", 7), ("2024-05-01", 5)]), geo(520.0));
    let all = 0..t.row_count();
    assert_eq!(t.next_fetch(all.clone()), Some(Fetch::StartAt("2024-05-02".into())));
    // One fetch at a time.
    assert_eq!(t.next_fetch(all.clone()), None);
    // The page ended inside the first day.
    t.on_page(items("2024-05-02", 0..4), Some("c1".into()));
    assert_eq!(t.cells(0, 0, 5).iter().filter(|c| c.is_some()).count(), 4);
    assert_eq!(t.next_fetch(all.clone()), Some(Fetch::Continue("c1".into())));
    t.on_page([items("2024-05-02", 4..7), items("2024-05-01", 0..2)].concat(), Some("c2".into()));
    assert_eq!(t.next_fetch(all.clone()), Some(Fetch::Continue("c2".into())));
    t.fetch_failed();
    // After a failure the same page is asked for again.
    assert_eq!(t.next_fetch(all.clone()), Some(Fetch::Continue("c2".into())));
    t.on_page(items("2024-05-01", 2..5), None);
    assert_eq!(t.next_fetch(all), None);
    assert_eq!(t.item(0), Some(&"2024-05-02#0".to_string()));
    assert_eq!(t.item(7), Some(&"2024-05-01#0".to_string()));
    assert_eq!(t.item(11), Some(&"2024-05-01#4".to_string()));
    assert_eq!(t.item(12), None);
}

#[test]
fn a_jump_loads_the_day_shown_and_a_later_overlapping_page_adds_nothing_twice() {
    let mut t: Timeline<String> = Timeline::new(days(&[("2024-05-03", 2), ("2024-05-02", 3), ("2024-05-01", 2)]), geo(520.0));
    // The viewport shows only the last day (a scrubber jump).
    let last = t.row_count() - 2..t.row_count();
    assert_eq!(t.next_fetch(last), Some(Fetch::StartAt("2024-05-01".into())));
    t.on_page(items("2024-05-01", 0..2), None);
    // Then the top: a page from the first day runs on into days already held.
    assert_eq!(t.next_fetch(0..t.row_count()), Some(Fetch::StartAt("2024-05-03".into())));
    t.on_page([items("2024-05-03", 0..2), items("2024-05-02", 0..3), items("2024-05-01", 0..2)].concat(), None);
    let got: Vec<String> = (0..7).map(|g| t.item(g).cloned().unwrap()).collect();
    assert_eq!(got.len(), 7);
    assert_eq!(&got[5..], &["2024-05-01#0".to_string(), "2024-05-01#1".to_string()]);
    // A day with a partial page from a jump continues from where it stopped, not from the start.
    let mut u: Timeline<String> = Timeline::new(days(&[("2024-05-02", 3), ("2024-05-01", 4)]), geo(520.0));
    u.on_page(items("2024-05-01", 0..1), Some("cx".into()));
    assert_eq!(u.next_fetch(2..u.row_count()), Some(Fetch::Continue("cx".into())));
    // Unknown days (the library changed since the summary) are ignored.
    u.on_page(items("2023-01-01", 0..3), None);
    assert_eq!(u.item(3), Some(&"2024-05-01#0".to_string()));
}

#[test]
fn positions_map_between_items_rows_and_days() {
    let t: Timeline<String> = Timeline::new(days(&[("2024-05-02", 7), ("2024-05-01", 5)]), geo(520.0));
    assert_eq!(t.locate(0), Some((0, 0)));
    assert_eq!(t.locate(6), Some((0, 6)));
    assert_eq!(t.locate(7), Some((1, 0)));
    assert_eq!(t.locate(12), None);
    assert_eq!(t.global(1, 3), 10);
    assert_eq!(t.row_of(6), Some(2));
    assert_eq!(t.row_of(7), Some(4));
    assert_eq!(t.top_of_day("2024-05-01"), t.top(3));
    // A day between two days lands on the next older one.
    assert_eq!(t.top_of_day("2024-05-01T"), t.top(3));
    assert_eq!(t.top_of_day("2000-01-01"), t.total_height());
}
