//! When the status card's "skipped — see why" line shows: while the batch has skips the
//! person has not yet seen. Seeing them is opening the skipped list or dismissing the line;
//! the line comes back only when more files are skipped or a new batch brings skips of its own.

/// What the person has seen of the skips: the batch and how many it had skipped then.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SkipNotice {
    seen: Option<(u32, u64)>,
}

impl SkipNotice {
    /// Whether the line shows for batch `batch` with `skipped` files skipped so far.
    pub fn shows(&self, batch: u32, skipped: u64) -> bool {
        skipped > 0
            && match self.seen {
                Some((b, n)) => b != batch || skipped > n,
                None => true,
            }
    }

    /// The person opened the list or dismissed the line while these were the figures.
    pub fn seen(&mut self, batch: u32, skipped: u64) {
        self.seen = Some((batch, skipped));
    }
}

#[cfg(test)]
mod tests {
    use super::SkipNotice;

    #[test]
    fn shows_unseen_skips_only() {
        let mut n = SkipNotice::default();
        assert!(!n.shows(1, 0), "nothing skipped, no line");
        assert!(n.shows(1, 2));
        n.seen(1, 2);
        assert!(!n.shows(1, 2), "seen: the line leaves");
        assert!(n.shows(1, 3), "one more skip brings it back");
        assert!(n.shows(2, 1), "a new batch's skips are new");
        assert!(!n.shows(2, 0));
        n.seen(2, 1);
        assert!(!n.shows(2, 1));
    }
}
