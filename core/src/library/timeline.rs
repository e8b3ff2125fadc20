//! The library's timeline, as a model: from the server's per-day counts, the rows of a
//! virtualised grid (a heading per day, then rows of thumbnails), which rows a viewport shows,
//! where each month starts (the scrubber), and which page to fetch next. Pure: the flow
//! fetches pages and copies them in, the UI draws the rows this model says are visible.
//!
//! The whole layout comes from the counts, before any item is loaded, so the scrollbar and the
//! scrubber are right at once for 100,000 items and a jump anywhere needs one page.
use std::collections::HashMap;
use std::ops::Range;

/// One day of the summary, newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct DayCount {
    pub day: String,
    pub count: u32,
}

/// One row of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// The heading of day `day` (an index into the days).
    Heading { day: usize },
    /// Items `first..first + n` of day `day`.
    Cells { day: usize, first: u32, n: u32 },
}

/// What to ask the server for next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetch {
    /// The first page of this day and the days after it (`?day=`).
    StartAt(String),
    /// Continue a day that a page ended inside (`?cursor=`).
    Continue(String),
}

/// Sizes in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// The grid's inner width.
    pub width: f64,
    /// The smallest a cell may be; cells grow to fill the width.
    pub min_cell: f64,
    pub gap: f64,
    pub heading: f64,
}

impl Geometry {
    pub fn columns(&self) -> u32 {
        (((self.width + self.gap) / (self.min_cell + self.gap)).floor() as u32).max(1)
    }
    /// A cell's side (square cells, the row's height without the gap).
    pub fn cell(&self) -> f64 {
        let c = self.columns() as f64;
        ((self.width - self.gap * (c - 1.0)) / c).max(1.0)
    }
}

struct DayItems<T> {
    items: Vec<T>,
    /// Where the server would continue this day, when a page ended inside it.
    next: Option<String>,
}

pub struct Timeline<T> {
    days: Vec<DayCount>,
    by_day: HashMap<String, usize>,
    geometry: Geometry,
    rows: Vec<Row>,
    /// Each row's top, plus the total height at the end.
    tops: Vec<f64>,
    /// Items before each day (for the viewer's next/previous across days).
    before: Vec<u64>,
    loaded: Vec<DayItems<T>>,
    pending: Option<Fetch>,
}

impl<T> Timeline<T> {
    pub fn new(days: Vec<DayCount>, geometry: Geometry) -> Self {
        let by_day = days.iter().enumerate().map(|(i, d)| (d.day.clone(), i)).collect();
        let mut before = Vec::with_capacity(days.len() + 1);
        let mut n = 0u64;
        for d in &days {
            before.push(n);
            n += d.count as u64;
        }
        before.push(n);
        let loaded = days.iter().map(|_| DayItems { items: Vec::new(), next: None }).collect();
        let mut t = Timeline { days, by_day, geometry, rows: Vec::new(), tops: Vec::new(), before, loaded, pending: None };
        t.lay_out();
        t
    }

    /// A new width (the window resized): the rows change, what is loaded stays.
    pub fn set_geometry(&mut self, geometry: Geometry) {
        if geometry != self.geometry {
            self.geometry = geometry;
            self.lay_out();
        }
    }

    fn lay_out(&mut self) {
        let (cols, step) = (self.geometry.columns(), self.geometry.cell() + self.geometry.gap);
        self.rows.clear();
        self.tops.clear();
        let mut y = 0.0;
        for (day, d) in self.days.iter().enumerate() {
            self.rows.push(Row::Heading { day });
            self.tops.push(y);
            y += self.geometry.heading;
            let mut first = 0;
            while first < d.count {
                let n = cols.min(d.count - first);
                self.rows.push(Row::Cells { day, first, n });
                self.tops.push(y);
                y += step;
                first += n;
            }
        }
        self.tops.push(y);
    }

    pub fn geometry(&self) -> Geometry {
        self.geometry
    }
    pub fn total_height(&self) -> f64 {
        *self.tops.last().unwrap_or(&0.0)
    }
    pub fn total_items(&self) -> u64 {
        *self.before.last().unwrap_or(&0)
    }
    pub fn days(&self) -> &[DayCount] {
        &self.days
    }
    pub fn row(&self, i: usize) -> Option<(f64, Row)> {
        Some((self.tops[i], *self.rows.get(i)?))
    }
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The rows that meet `top..top + height`, plus `overscan` pixels either side.
    pub fn visible(&self, top: f64, height: f64, overscan: f64) -> Range<usize> {
        if self.rows.is_empty() {
            return 0..0;
        }
        let (a, b) = ((top - overscan).max(0.0), top + height + overscan);
        // The last row starting at or before `a`, and the first row starting at or after `b`.
        let start = self.tops[..self.rows.len()].partition_point(|&y| y <= a).saturating_sub(1);
        let end = self.tops[..self.rows.len()].partition_point(|&y| y < b);
        start..end.max(start + 1).min(self.rows.len())
    }

    /// Where each month's first day starts: ("YYYY-MM", top), newest first.
    pub fn months(&self) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            if let Row::Heading { day } = row {
                let ym = self.days[*day].day.get(..7).unwrap_or("").to_string();
                if out.last().map(|(m, _)| m != &ym).unwrap_or(true) {
                    out.push((ym, self.tops[i]));
                }
            }
        }
        out
    }

    /// The top of the first day on or before `day` (days are newest first), for jumps.
    pub fn top_of_day(&self, day: &str) -> f64 {
        let i = self.days.partition_point(|d| d.day.as_str() > day);
        self.rows.iter().position(|r| matches!(r, Row::Heading { day } if *day >= i)).map(|r| self.tops[r]).unwrap_or(self.total_height())
    }

    /// The loaded items of a row of cells (None where not loaded yet).
    pub fn cells(&self, day: usize, first: u32, n: u32) -> Vec<Option<&T>> {
        let items = &self.loaded[day].items;
        (first..first + n).map(|i| items.get(i as usize)).collect()
    }

    /// Which page to fetch for the rows in `rows`, if any is missing and nothing is in flight.
    pub fn next_fetch(&mut self, rows: Range<usize>) -> Option<Fetch> {
        if self.pending.is_some() {
            return None;
        }
        let want = rows.filter_map(|r| match self.rows.get(r)? {
            Row::Cells { day, first, n } => Some((*day, first + n)),
            Row::Heading { .. } => None,
        });
        for (day, upto) in want {
            let d = &self.loaded[day];
            if (d.items.len() as u32) < upto {
                let f = match &d.next {
                    Some(c) if !d.items.is_empty() => Fetch::Continue(c.clone()),
                    _ => Fetch::StartAt(self.days[day].day.clone()),
                };
                self.pending = Some(f.clone());
                return Some(f);
            }
        }
        None
    }

    /// A fetch failed or was abandoned: it may be asked for again.
    pub fn fetch_failed(&mut self) {
        self.pending = None;
    }

    /// A page arrived: `items` in the server's order, each with its day; `next` continues
    /// after the last one. Items already held (a page that starts before a day a previous page
    /// began) are skipped by position, since a day's items always come in the same order; a
    /// continued day's first item follows the ones held.
    pub fn on_page(&mut self, items: Vec<(String, T)>, next: Option<String>) {
        let continued = matches!(self.pending.take(), Some(Fetch::Continue(_)));
        let mut seen: HashMap<usize, usize> = HashMap::new();
        if let (true, Some(i)) = (continued, items.first().and_then(|(d, _)| self.by_day.get(d))) {
            seen.insert(*i, self.loaded[*i].items.len());
        }
        let mut last = None;
        for (day, item) in items {
            let Some(&i) = self.by_day.get(&day) else { continue };
            let pos = seen.entry(i).or_insert(0);
            let d = &mut self.loaded[i];
            if *pos >= d.items.len() && (d.items.len() as u32) < self.days[i].count {
                d.items.push(item);
            }
            *pos += 1;
            last = Some(i);
        }
        if let Some(i) = last {
            let d = &mut self.loaded[i];
            d.next = if (d.items.len() as u32) < self.days[i].count { next } else { None };
        }
    }

    /// Item `g` of the whole timeline (0 = newest), if loaded.
    pub fn item(&self, g: u64) -> Option<&T> {
        let (day, pos) = self.locate(g)?;
        self.loaded[day].items.get(pos as usize)
    }

    /// The global index of item `pos` of day `day`.
    pub fn global(&self, day: usize, pos: u32) -> u64 {
        self.before[day] + pos as u64
    }

    /// (day, position in the day) of item `g`.
    pub fn locate(&self, g: u64) -> Option<(usize, u32)> {
        if g >= self.total_items() {
            return None;
        }
        let day = self.before.partition_point(|&b| b <= g) - 1;
        Some((day, (g - self.before[day]) as u32))
    }

    /// The row holding item `g` (to scroll the viewer's item into view and load it).
    pub fn row_of(&self, g: u64) -> Option<usize> {
        let (day, pos) = self.locate(g)?;
        self.rows.iter().position(|r| matches!(r, Row::Cells { day: d, first, n } if *d == day && pos >= *first && pos < first + n))
    }

    /// The top of row `r`.
    pub fn top(&self, r: usize) -> f64 {
        self.tops.get(r).copied().unwrap_or(0.0)
    }
}
