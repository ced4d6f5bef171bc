//! Level of detail: when zoomed out, lanes are drawn as per-bin counts, so the cost of a
//! frame follows the number of pixels, not the number of statements.

use std::ops::Range;

use rayon::prelude::*;

use super::TimelineLayout;

/// Each lane's item positions, sorted, so any span of days is counted with two binary
/// searches.
#[derive(Debug, Clone, Default)]
pub struct DensityIndex {
    /// Per lane: the middle day of each of its items, ascending.
    lanes: Vec<Vec<f64>>,
}

/// One bin of a lane's density: `count` items in days `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    pub start: f64,
    pub end: f64,
    pub count: u32,
}

impl DensityIndex {
    pub fn build(layout: &TimelineLayout) -> Self {
        let lanes = layout
            .lanes
            .par_iter()
            .map(|lane| {
                let mut xs: Vec<f64> = lane.items.iter().map(|&i| layout.items[i].mid()).collect();
                xs.sort_by(f64::total_cmp);
                xs
            })
            .collect();
        Self { lanes }
    }

    /// Items of `lane` whose middle falls in days `[from, to)`.
    pub fn count(&self, lane: usize, from: f64, to: f64) -> usize {
        let range = self.range(lane, from, to);
        range.end - range.start
    }

    /// Items of all lanes in days `[from, to)`.
    pub fn total(&self, from: f64, to: f64) -> usize {
        (0..self.lanes.len()).map(|l| self.count(l, from, to)).sum()
    }

    /// Positions (in the lane's sorted order) of the items whose middle is in `[from, to)`.
    pub fn range(&self, lane: usize, from: f64, to: f64) -> Range<usize> {
        let Some(xs) = self.lanes.get(lane) else {
            return 0..0;
        };
        let a = xs.partition_point(|&x| x < from);
        let b = xs.partition_point(|&x| x < to);
        a..b.max(a)
    }

    /// `lane`'s counts in `n` equal bins over days `[from, to)`, leaving out empty bins:
    /// a binary search per bin that holds items, whatever the number of items or of
    /// empty bins (a 4K export has thousands of lanes, most of their bins empty).
    pub fn bins(&self, lane: usize, from: f64, to: f64, n: usize) -> Vec<Bin> {
        let Some(xs) = self.lanes.get(lane) else {
            return Vec::new();
        };
        if n == 0 || to <= from || xs.is_empty() {
            return Vec::new();
        }
        #[expect(clippy::cast_precision_loss, reason = "bin counts are small")]
        let width = (to - from) / n as f64;
        // Bin `k` is days `[edge(k), edge(k + 1))`; neighbours share the very same edge.
        #[expect(clippy::cast_precision_loss, reason = "bin counts are small")]
        let edge = |k: usize| if k == n { to } else { from + width * k as f64 };
        let mut out = Vec::new();
        let mut lo = xs.partition_point(|&x| x < from);
        while lo < xs.len() && xs[lo] < to {
            // The bin of the next item: arithmetic gives it to within rounding, the edges
            // themselves decide.
            let x = xs[lo];
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "x is in [from, to): a bin number below n"
            )]
            let mut k = (((x - from) / width) as usize).min(n - 1);
            while k > 0 && x < edge(k) {
                k -= 1;
            }
            while k + 1 < n && x >= edge(k + 1) {
                k += 1;
            }
            let end = edge(k + 1);
            let hi = lo + xs[lo..].partition_point(|&x| x < end);
            out.push(Bin {
                start: edge(k),
                end,
                count: u32::try_from(hi - lo).unwrap_or(u32::MAX),
            });
            lo = hi;
        }
        out
    }
}

/// Groups sorted positions into runs whose neighbours are closer than `gap`: markers
/// that would cover each other become one marker with a count, and split apart again as
/// the view zooms in. Returns ranges into `xs`.
pub fn clusters(xs: &[f64], gap: f64) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=xs.len() {
        if i == xs.len() || xs[i] - xs[i - 1] >= gap {
            if i > start {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::timeline::fixture::{Fixture, on};
    use crate::timeline::{Filter, LaneMode, LayoutOptions};

    fn many(n: usize) -> TimelineLayout {
        let mut f = Fixture::default();
        let a = f.speaker("A", false);
        let art = f.article("t", None, "x");
        for i in 0..n {
            let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(i as u64 % 1000)))
                .expect("date");
            f.statement(
                art,
                "x",
                a,
                None,
                crate::model::DateValue::Day { date },
                Kind::Direct,
                None,
            );
        }
        let ds = f.build();
        let shown = Filter::default().apply(&ds);
        TimelineLayout::build(
            &ds,
            &shown,
            &LayoutOptions {
                mode: LaneMode::Flat,
                max_stack: 4,
            },
        )
    }

    #[test]
    fn counts_and_bins_agree() {
        let layout = many(5000);
        let density = DensityIndex::build(&layout);
        let (from, to) = layout.extent.expect("dated");
        assert_eq!(density.total(from, to), 5000);
        let bins = density.bins(0, from, to, 37);
        assert_eq!(bins.iter().map(|b| b.count as usize).sum::<usize>(), 5000);
        assert!(bins.windows(2).all(|w| w[0].end <= w[1].start + 1e-9));
        // 1000 distinct days, 5 items each: the first 10 days hold 50.
        assert_eq!(density.count(0, from, from + 10.0), 50);
        assert_eq!(density.count(7, from, to), 0);
    }

    #[test]
    fn every_bin_counts_what_its_own_days_hold() {
        let layout = many(3000);
        let density = DensityIndex::build(&layout);
        let (first, last) = layout.extent.expect("dated");
        // Views that cut the items at odd places, and bins of awkward widths.
        for (from, to) in [
            (first, last),
            (first + 3.3, last - 17.9),
            (first - 9.0, first + 40.0),
        ] {
            for n in [1, 7, 333, 1001, 5000] {
                let bins = density.bins(0, from, to, n);
                for b in &bins {
                    assert!(b.count > 0);
                    assert_eq!(b.count as usize, density.count(0, b.start, b.end));
                }
                let binned: usize = bins.iter().map(|b| b.count as usize).sum();
                assert_eq!(binned, density.count(0, from, to), "{from}..{to} in {n}");
                assert!(bins.windows(2).all(|w| w[0].end <= w[1].start));
            }
        }
    }

    #[test]
    fn bins_skip_what_is_out_of_view() {
        let layout = many(100);
        let density = DensityIndex::build(&layout);
        let (from, _) = layout.extent.expect("dated");
        let bins = density.bins(0, from - 100.0, from - 50.0, 10);
        assert!(bins.is_empty());
    }

    #[test]
    fn close_markers_cluster_and_split_when_zoomed() {
        let xs = [0.0, 1.0, 2.0, 10.0, 30.0, 30.5];
        assert_eq!(clusters(&xs, 5.0), [0..3, 3..4, 4..6]);
        assert_eq!(clusters(&xs, 0.4), [0..1, 1..2, 2..3, 3..4, 4..5, 5..6]);
        assert!(clusters(&[], 1.0).is_empty());
    }

    #[test]
    fn a_fixture_day_is_one_item() {
        let mut f = Fixture::default();
        let a = f.speaker("A", false);
        let art = f.article("t", None, "x");
        f.statement(art, "x", a, None, on("2025-01-01"), Kind::Direct, None);
        let ds = f.build();
        let layout = TimelineLayout::build(&ds, &[0], &LayoutOptions::default());
        let density = DensityIndex::build(&layout);
        let (from, to) = layout.extent.expect("dated");
        assert_eq!(to - from, 1.0);
        assert_eq!(density.count(1, from, to), 1);
    }
}
