//! Where each statement sits on the timeline: lanes top to bottom, items along x in days.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::model::{ConflictIdx, Dataset, EventId, Kind, Precision, SpeakerIdx, StatementIdx};

use super::day_number;

/// How statements are split into lanes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneMode {
    /// A header per conflict, with one lane per official inside it.
    #[default]
    ByConflict,
    /// One lane per official; items coloured by conflict.
    BySpeaker,
    /// Everything in one lane.
    Flat,
}

impl LaneMode {
    pub const ALL: [LaneMode; 3] = [LaneMode::ByConflict, LaneMode::BySpeaker, LaneMode::Flat];

    pub fn label(self) -> &'static str {
        match self {
            LaneMode::ByConflict => "By conflict",
            LaneMode::BySpeaker => "By official",
            LaneMode::Flat => "Single lane",
        }
    }

    /// The next mode, for a toggle button.
    pub fn next(self) -> Self {
        match self {
            LaneMode::ByConflict => LaneMode::BySpeaker,
            LaneMode::BySpeaker => LaneMode::Flat,
            LaneMode::Flat => LaneMode::ByConflict,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoutOptions {
    pub mode: LaneMode,
    /// Most rows one lane stacks overlapping items into; further ones share the last row.
    pub max_stack: u32,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            mode: LaneMode::default(),
            max_stack: 6,
        }
    }
}

/// A colour, as an index into the theme's palette: what the item is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Swatch {
    Conflict(ConflictIdx),
    NoConflict,
}

impl Swatch {
    /// The swatch of `conflict`, given the table [`conflict_swatches`] makes.
    pub fn of(conflict: Option<ConflictIdx>, table: &[Swatch]) -> Self {
        conflict
            .and_then(|c| table.get(c).copied())
            .unwrap_or(Swatch::NoConflict)
    }
}

/// Each conflict's colour: its rank among the conflicts the dataset's statements are
/// about, so the few conflicts of a corpus get distinct colours however large the
/// taxonomy, and keep them whatever the filter.
pub fn conflict_swatches(ds: &Dataset) -> Vec<Swatch> {
    let mut used = vec![false; ds.conflicts.len()];
    for s in &ds.statements {
        if let Some(u) = s.conflict.and_then(|c| used.get_mut(c)) {
            *u = true;
        }
    }
    let mut rank = 0;
    used.iter()
        .map(|&u| {
            let swatch = Swatch::Conflict(rank);
            if u {
                rank += 1;
            }
            swatch
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneKind {
    /// A conflict's title row; holds no items.
    Header(Option<ConflictIdx>),
    /// One official's statements (about one conflict, in [`LaneMode::ByConflict`]).
    Speaker(SpeakerIdx),
    /// All statements, in [`LaneMode::Flat`].
    All,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub label: String,
    pub kind: LaneKind,
    /// The conflict colour of a header or of the lanes under it.
    pub swatch: Option<Swatch>,
    /// First row, counting from the top of the timeline.
    pub top: u32,
    /// Rows it takes: 1 for a header, else as many as its items stack into.
    pub rows: u32,
    /// Its items, indices into [`TimelineLayout::items`], in time order.
    pub items: Vec<usize>,
    /// Statements in the lane (items count events, several statements may report one).
    pub statements: usize,
    /// Days its longest item covers: how far before the view an item may start and
    /// still reach into it.
    pub longest: f64,
}

/// One event in one lane: the statements that report one utterance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// Index in [`TimelineLayout::lanes`]; `usize::MAX` for an undated item, which sits
    /// in the tray rather than in a lane.
    pub lane: usize,
    /// Row within the lane, from its top.
    pub row: u32,
    /// Days `[start, end)`: one day for a day-dated item, the month or range otherwise.
    /// Both 0 for an undated item.
    pub start: f64,
    pub end: f64,
    pub precision: Precision,
    /// Direct when any of its statements quotes the speaker.
    pub kind: Kind,
    pub swatch: Swatch,
    pub event: EventId,
    /// The statement that stands for the item: the first of its statements.
    representative: StatementIdx,
    /// Where its statements are in [`TimelineLayout::members`] (see
    /// [`TimelineLayout::statements`]): no allocation per item.
    members: (u32, u32),
}

impl Item {
    /// The statement that stands for the item.
    pub fn representative(&self) -> StatementIdx {
        self.representative
    }

    /// How many statements report the item's utterance.
    pub fn statement_count(&self) -> usize {
        self.members.1 as usize
    }

    pub fn is_point(&self) -> bool {
        self.precision == Precision::Day
    }

    /// Middle of the item's days: where a marker goes.
    pub fn mid(&self) -> f64 {
        0.5 * (self.start + self.end)
    }
}

/// Where a statement is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Dated(usize),
    Undated(usize),
}

/// The timeline's geometry for one filtered set of statements.
#[derive(Debug, Clone, Default)]
pub struct TimelineLayout {
    pub lanes: Vec<Lane>,
    /// Dated items in time order: by start, then lane, then row.
    pub items: Vec<Item>,
    /// Items whose date is unknown, for the tray; in the order their statements came.
    pub undated: Vec<Item>,
    /// First and last day of all dated items.
    pub extent: Option<(f64, f64)>,
    /// Total rows of all lanes.
    pub rows: u32,
    /// The statements of all items, each item's a run, most precisely dated first.
    members: Vec<StatementIdx>,
    /// Per statement of the dataset: `NOWHERE`, a dated item, or `UNDATED | i`.
    place: Vec<u32>,
}

const NOWHERE: u32 = u32::MAX;
const UNDATED: u32 = 1 << 31;

/// Which lane a statement goes to, before lanes are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum LaneKey {
    InConflict(Option<ConflictIdx>, SpeakerIdx),
    Speaker(SpeakerIdx),
    All,
}

impl LaneKey {
    fn of(s: &crate::model::Statement, mode: LaneMode) -> Self {
        match mode {
            LaneMode::ByConflict => LaneKey::InConflict(s.conflict, s.speaker),
            LaneMode::BySpeaker => LaneKey::Speaker(s.speaker),
            LaneMode::Flat => LaneKey::All,
        }
    }

    /// The key as one number (the mode tells which variant it was): conflict slot
    /// (`u32::MAX` for none) over speaker.
    fn packed(self) -> u64 {
        let narrow = |x: usize| u64::from(u32::try_from(x).unwrap_or(u32::MAX - 1));
        match self {
            LaneKey::InConflict(conflict, speaker) => {
                conflict.map_or(u64::from(u32::MAX), narrow) << 32 | narrow(speaker)
            }
            LaneKey::Speaker(speaker) => narrow(speaker),
            LaneKey::All => 0,
        }
    }

    fn unpack(packed: u64, mode: LaneMode) -> Self {
        let speaker = (packed & u64::from(u32::MAX)) as usize;
        let conflict = (packed >> 32) as u32;
        match mode {
            LaneMode::ByConflict => {
                LaneKey::InConflict((conflict != u32::MAX).then_some(conflict as usize), speaker)
            }
            LaneMode::BySpeaker => LaneKey::Speaker(speaker),
            LaneMode::Flat => LaneKey::All,
        }
    }
}

impl TimelineLayout {
    /// Lays out `statements` (as [`Filter::apply`](super::Filter::apply) returns them).
    pub fn build(ds: &Dataset, statements: &[StatementIdx], opts: &LayoutOptions) -> Self {
        // Group statements into items, one per (lane, event): sorting, not hashing, as
        // it is the faster of the two for a million statements. Each statement packs
        // into one number, lane key, event, then its place in `statements`.
        // On all cores: in time order the statements are read all over memory.
        let mut keyed: Vec<u128> = statements
            .par_iter()
            .enumerate()
            .filter_map(|(order, &i)| {
                let s = ds.statements.get(i)?;
                let key = LaneKey::of(s, opts.mode).packed();
                Some(u128::from(key) << 64 | u128::from(s.event) << 32 | order as u128)
            })
            .collect();
        keyed.par_sort_unstable();
        let order_of = |k: u128| (k & u128::from(u32::MAX)) as usize;
        let members: Vec<StatementIdx> =
            keyed.par_iter().map(|&k| statements[order_of(k)]).collect();
        // Each group: its lane key, where its first statement came (to keep the tray in
        // order) and its run of `members`.
        let mut groups: Vec<(u64, u32, (u32, u32))> = Vec::new();
        let mut last = None;
        for (at, &k) in keyed.iter().enumerate() {
            let lane_and_event = k >> 32;
            match groups.last_mut() {
                Some((_, _, (_, len))) if last == Some(lane_and_event) => *len += 1,
                _ => groups.push(((k >> 64) as u64, order_of(k) as u32, (narrow(at), 1))),
            }
            last = Some(lane_and_event);
        }
        drop(keyed);

        // Items on all cores: the groups' runs follow each other in `members`, so each
        // group gets its own slice to order.
        let swatches = conflict_swatches(ds);
        let mut members = members;
        let mut runs: Vec<&mut [StatementIdx]> = Vec::with_capacity(groups.len());
        let mut rest = members.as_mut_slice();
        for &(_, _, (_, len)) in &groups {
            let (run, tail) = rest.split_at_mut(len as usize);
            runs.push(run);
            rest = tail;
        }
        let mut items: Vec<Item> = groups
            .par_iter()
            .zip(runs)
            .map(|(&(_, _, span), run)| make_item(ds, run, span, &swatches))
            .collect();

        // Undated items go to the tray, in the order their first statements came; only
        // dated ones make lanes. Items are in lane key order, each lane's a run.
        let mut undated: Vec<(u32, Item)> = groups
            .iter()
            .zip(&items)
            .filter(|(_, item)| item.precision == Precision::Unknown)
            .map(|(&(_, order, _), item)| (order, *item))
            .collect();
        undated.sort_unstable_by_key(|&(order, _)| order);
        let undated: Vec<Item> = undated.into_iter().map(|(_, item)| item).collect();
        let dated = || {
            groups
                .iter()
                .zip(&items)
                .filter(|(_, item)| item.precision != Precision::Unknown)
                .map(|(&(key, _, _), item)| (key, item.statement_count()))
        };

        let lane_keys = order_lanes(ds, dated(), opts.mode);
        let mut lanes = Vec::new();
        let mut lane_of: FxHashMap<LaneKey, usize> = FxHashMap::default();
        let mut last_header: Option<Option<ConflictIdx>> = None;
        for (key, count) in &lane_keys {
            let (label, kind, swatch) = match *key {
                LaneKey::InConflict(conflict, speaker) => {
                    if last_header != Some(conflict) {
                        last_header = Some(conflict);
                        lanes.push(Lane {
                            label: conflict_label(ds, conflict),
                            kind: LaneKind::Header(conflict),
                            swatch: Some(Swatch::of(conflict, &swatches)),
                            top: 0,
                            rows: 1,
                            items: Vec::new(),
                            statements: 0,
                            longest: 0.0,
                        });
                    }
                    (
                        speaker_label(ds, speaker),
                        LaneKind::Speaker(speaker),
                        Some(Swatch::of(conflict, &swatches)),
                    )
                }
                LaneKey::Speaker(speaker) => {
                    (speaker_label(ds, speaker), LaneKind::Speaker(speaker), None)
                }
                LaneKey::All => ("All statements".to_owned(), LaneKind::All, None),
            };
            lane_of.insert(*key, lanes.len());
            lanes.push(Lane {
                label,
                kind,
                swatch,
                top: 0,
                rows: 1,
                items: Vec::new(),
                statements: *count,
                longest: 0.0,
            });
        }

        let mut header = None;
        for i in 0..lanes.len() {
            match lanes[i].kind {
                LaneKind::Header(_) => header = Some(i),
                _ => {
                    if let Some(h) = header {
                        lanes[h].statements += lanes[i].statements;
                    }
                }
            }
        }

        // One lookup per lane: its items are a run. Items left without a lane (the
        // undated ones) are then dropped in place.
        let mut current: Option<(u64, usize)> = None;
        for (&(key, _, _), item) in groups.iter().zip(items.iter_mut()) {
            if item.precision == Precision::Unknown {
                continue;
            }
            item.lane = match current {
                Some((k, lane)) if k == key => lane,
                _ => {
                    let lane = lane_of
                        .get(&LaneKey::unpack(key, opts.mode))
                        .copied()
                        .unwrap_or(usize::MAX);
                    current = Some((key, lane));
                    lane
                }
            };
        }
        drop(groups);
        items.retain(|item| item.lane != usize::MAX);

        let mut layout = Self {
            lanes,
            items,
            undated,
            extent: None,
            rows: 0,
            members,
            place: vec![NOWHERE; ds.statements.len()],
        };
        layout.restack(opts.max_stack);
        layout
    }

    /// Stacks overlapping items of each lane into at most `max_stack` rows, earliest
    /// first, as [`TimelineLayout::build`] with that limit would: a cheaper way to
    /// change only the limit.
    pub fn restack(&mut self, max_stack: u32) {
        let Self {
            lanes,
            items,
            undated,
            members,
            place,
            ..
        } = self;
        let max_stack = max_stack.max(1) as usize;
        // Each lane's items, bucketed by lane, keyed by start, end and representative
        // (so the order never depends on the order items came in); lanes are stacked on
        // all cores.
        let mut bounds = vec![0; lanes.len() + 1];
        for item in items.iter() {
            bounds[item.lane + 1] += 1;
        }
        for l in 0..lanes.len() {
            bounds[l + 1] += bounds[l];
        }
        let mut keys = vec![(0_u128, 0_u64); items.len()];
        let mut next = bounds.clone();
        for (i, item) in items.iter().enumerate() {
            let at = &mut next[item.lane];
            keys[*at] = (
                u128::from(ordered(item.start)) << 64 | u128::from(ordered(item.end)),
                u64::from(narrow(item.representative)) << 32 | u64::from(narrow(i)),
            );
            *at += 1;
        }
        let mut rows = vec![0_u32; items.len()];
        let mut per_lane = Vec::with_capacity(lanes.len());
        let (mut keys_left, mut rows_left) = (keys.as_mut_slice(), rows.as_mut_slice());
        for w in bounds.windows(2) {
            let (k, k_rest) = keys_left.split_at_mut(w[1] - w[0]);
            let (r, r_rest) = rows_left.split_at_mut(w[1] - w[0]);
            per_lane.push((k, r));
            (keys_left, rows_left) = (k_rest, r_rest);
        }
        let stacked: Vec<(u32, f64)> = per_lane
            .into_par_iter()
            .map(|(keys, rows)| stack_lane(keys, rows, items, max_stack))
            .collect();
        for (key, &row) in keys.iter().zip(&rows) {
            items[item_of(key.1)].row = row;
        }
        for (lane, (rows, longest)) in lanes.iter_mut().zip(stacked) {
            lane.rows = rows;
            lane.longest = longest;
            lane.items.clear();
        }
        drop(keys);

        let mut top = 0;
        for lane in lanes.iter_mut() {
            lane.top = top;
            top += lane.rows;
        }

        // Time order: by start, lane, row, then end and representative; sorted as keys
        // (a quarter of an item's size), then the items are put in that order.
        let mut order: Vec<(u128, u128)> = items
            .par_iter()
            .enumerate()
            .map(|(i, item)| {
                (
                    u128::from(ordered(item.start)) << 64
                        | u128::from(narrow(item.lane)) << 32
                        | u128::from(item.row),
                    u128::from(ordered(item.end)) << 64
                        | u128::from(narrow(item.representative)) << 32
                        | i as u128,
                )
            })
            .collect();
        order.par_sort_unstable();
        let unordered = std::mem::take(items);
        *items = order
            .par_iter()
            .map(|&(_, k)| unordered[(k & u128::from(u32::MAX)) as usize])
            .collect();
        drop(order);
        place.fill(NOWHERE);
        let mut mark = |item: &Item, code: u32| {
            for &s in run(members, item) {
                if let Some(p) = place.get_mut(s) {
                    *p = code;
                }
            }
        };
        for (i, item) in items.iter().enumerate() {
            lanes[item.lane].items.push(i);
            mark(item, u32::try_from(i).unwrap_or(NOWHERE));
        }
        for (i, item) in undated.iter().enumerate() {
            let code = u32::try_from(i).map_or(NOWHERE, |i| UNDATED | i);
            mark(item, code);
        }
        self.extent = self
            .items
            .iter()
            .fold(None, |acc: Option<(f64, f64)>, item| {
                Some(acc.map_or((item.start, item.end), |(a, b)| {
                    (a.min(item.start), b.max(item.end))
                }))
            });
        self.rows = top;
    }

    /// `item`'s statements, most precisely dated first.
    pub fn statements(&self, item: &Item) -> &[StatementIdx] {
        run(&self.members, item)
    }

    /// Where `statement` is drawn, if it passed the filter.
    pub fn place_of(&self, statement: StatementIdx) -> Option<Place> {
        match self.place.get(statement).copied()? {
            NOWHERE => None,
            code if code & UNDATED != 0 => Some(Place::Undated((code & !UNDATED) as usize)),
            code => Some(Place::Dated(code as usize)),
        }
    }

    /// The dated item after (or before) the one holding `from`, in time order; the first
    /// (or last) one when nothing dated is selected.
    pub fn step(&self, from: Option<StatementIdx>, forward: bool) -> Option<usize> {
        if self.items.is_empty() {
            return None;
        }
        let last = self.items.len() - 1;
        match from.and_then(|s| self.place_of(s)) {
            Some(Place::Dated(i)) if forward => Some((i + 1).min(last)),
            Some(Place::Dated(i)) => Some(i.saturating_sub(1)),
            _ if forward => Some(0),
            _ => Some(last),
        }
    }

    /// Statements shown, counting every statement of every item.
    pub fn statement_count(&self) -> usize {
        self.items
            .iter()
            .chain(&self.undated)
            .map(Item::statement_count)
            .sum()
    }
}

/// Lanes in display order, with their statement counts: conflicts in taxonomy order
/// ("no conflict" last), officials by how much they said, then by name. `items` (each
/// dated item's packed lane key and statement count) are in lane key order, so each
/// lane's items are a run.
fn order_lanes(
    ds: &Dataset,
    items: impl Iterator<Item = (u64, usize)>,
    mode: LaneMode,
) -> Vec<(LaneKey, usize)> {
    let mut keys: Vec<(LaneKey, usize)> = Vec::new();
    let mut last = None;
    for (key, statements) in items {
        match keys.last_mut() {
            Some((_, count)) if last == Some(key) => *count += statements,
            _ => keys.push((LaneKey::unpack(key, mode), statements)),
        }
        last = Some(key);
    }
    let name = |speaker: SpeakerIdx| ds.speakers.get(speaker).map_or("", |s| s.name.as_str());
    // Officials of the same name and count go by their index, so the order is total.
    keys.sort_by(|(a, na), (b, nb)| match (a, b) {
        (LaneKey::InConflict(ca, sa), LaneKey::InConflict(cb, sb)) => {
            let conflict_order = |c: &Option<ConflictIdx>| c.unwrap_or(usize::MAX);
            conflict_order(ca)
                .cmp(&conflict_order(cb))
                .then(nb.cmp(na))
                .then_with(|| name(*sa).cmp(name(*sb)))
                .then(sa.cmp(sb))
        }
        (LaneKey::Speaker(sa), LaneKey::Speaker(sb)) => nb
            .cmp(na)
            .then_with(|| name(*sa).cmp(name(*sb)))
            .then(sa.cmp(sb)),
        _ => a.cmp(b),
    });
    keys
}

/// The item of the statements `members` (the run `span` of the layout's members), not
/// yet in a lane.
fn make_item(
    ds: &Dataset,
    members: &mut [StatementIdx],
    (start, len): (u32, u32),
    swatches: &[Swatch],
) -> Item {
    let rank = |p: Precision| match p {
        Precision::Day => 0,
        Precision::Range => 1,
        Precision::Month => 2,
        Precision::Unknown => 3,
    };
    // Stable: among equally precise dates the earliest-listed statement stands for all.
    if members.len() > 1 {
        members.sort_by_key(|&i| rank(ds.statements[i].date.value.precision()));
    }
    let rep = &ds.statements[members[0]];
    let precision = rep.date.value.precision();
    let (first, last) = rep.date.value.bounds().map_or((0.0, 0.0), |(first, last)| {
        (day_number(first), day_number(last) + 1.0)
    });
    let kind = if members
        .iter()
        .any(|&i| ds.statements[i].kind == Kind::Direct)
    {
        Kind::Direct
    } else {
        Kind::Reported
    };
    Item {
        lane: usize::MAX,
        row: 0,
        start: first,
        end: last,
        precision,
        kind,
        swatch: Swatch::of(rep.conflict, swatches),
        event: rep.event,
        representative: members[0],
        members: (start, len),
    }
}

/// Stacks one lane's items (`keys` as [`TimelineLayout::restack`] makes them) into at
/// most `max_stack` rows, earliest first, each into the first row free by its start;
/// writes each item's row to `rows` and returns the lane's rows and longest item.
fn stack_lane(
    keys: &mut [(u128, u64)],
    rows: &mut [u32],
    items: &[Item],
    max_stack: usize,
) -> (u32, f64) {
    keys.sort_unstable();
    let mut row_ends: Vec<f64> = Vec::new();
    let (mut lane_rows, mut longest) = (1, 0.0_f64);
    for (key, row_out) in keys.iter().zip(rows) {
        let item = &items[item_of(key.1)];
        let row = row_ends
            .iter()
            .position(|&end| end <= item.start)
            .or_else(|| (row_ends.len() < max_stack).then_some(row_ends.len()))
            .unwrap_or(max_stack - 1);
        if row == row_ends.len() {
            row_ends.push(item.end);
        } else {
            row_ends[row] = row_ends[row].max(item.end);
        }
        #[expect(clippy::cast_possible_truncation, reason = "row < max_stack: u32")]
        {
            *row_out = row as u32;
        }
        lane_rows = lane_rows.max(*row_out + 1);
        longest = longest.max(item.end - item.start);
    }
    (lane_rows, longest)
}

/// The item index in the low half of a stacking key.
fn item_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// `x` as an unsigned number that sorts as [`f64::total_cmp`] does: negative numbers
/// have all bits flipped, others only the sign bit.
fn ordered(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The statements of `item`, a run of `members`.
fn run<'a>(members: &'a [StatementIdx], item: &Item) -> &'a [StatementIdx] {
    let (start, len) = item.members;
    members
        .get(start as usize..(start + len) as usize)
        .unwrap_or_default()
}

fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

fn conflict_label(ds: &Dataset, conflict: Option<ConflictIdx>) -> String {
    conflict
        .and_then(|c| ds.conflicts.get(c))
        .map_or_else(|| "No conflict identified".to_owned(), |c| c.name.clone())
}

fn speaker_label(ds: &Dataset, speaker: SpeakerIdx) -> String {
    ds.speakers
        .get(speaker)
        .map_or_else(|| format!("Speaker {speaker}"), |s| s.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateValue;
    use crate::timeline::Filter;
    use crate::timeline::fixture::{self, Fixture, day, on};

    fn layout(ds: &Dataset, mode: LaneMode) -> TimelineLayout {
        let shown = Filter::default().apply(ds);
        TimelineLayout::build(
            ds,
            &shown,
            &LayoutOptions {
                mode,
                ..LayoutOptions::default()
            },
        )
    }

    fn labels(l: &TimelineLayout) -> Vec<&str> {
        l.lanes.iter().map(|l| l.label.as_str()).collect()
    }

    #[test]
    fn by_conflict_puts_officials_under_conflict_headers() {
        let ds = fixture::small();
        let l = layout(&ds, LaneMode::ByConflict);
        assert_eq!(
            labels(&l),
            [
                "Israel–Iran war",
                "Dmitry Peskov",
                "Russia–Ukraine war",
                "Kremlin",
                "Sergei Lavrov",
            ]
        );
        assert_eq!(l.lanes[0].kind, LaneKind::Header(Some(0)));
        assert_eq!(l.lanes[0].statements, 3);
        assert_eq!(l.lanes[2].statements, 2);
    }

    #[test]
    fn by_speaker_orders_officials_by_how_much_they_said() {
        let ds = fixture::small();
        let l = layout(&ds, LaneMode::BySpeaker);
        // Lavrov's undated statement is in the tray: one dated each, so by name.
        assert_eq!(labels(&l), ["Dmitry Peskov", "Kremlin", "Sergei Lavrov"]);
        let lavrov: Vec<Swatch> = l.lanes[2]
            .items
            .iter()
            .map(|&i| l.items[i].swatch)
            .collect();
        assert_eq!(lavrov, [Swatch::Conflict(1)]);
        assert_eq!(l.undated[0].swatch, Swatch::NoConflict);
        let flat = layout(&ds, LaneMode::Flat);
        assert_eq!(labels(&flat), ["All statements"]);
    }

    #[test]
    fn one_utterance_in_two_outlets_is_one_item() {
        let ds = fixture::small();
        let l = layout(&ds, LaneMode::BySpeaker);
        assert_eq!(l.items.len() + l.undated.len(), 5);
        assert_eq!(l.statement_count(), 6);
        let Some(Place::Dated(a)) = l.place_of(0) else {
            panic!("statement 0 is dated")
        };
        assert_eq!(l.place_of(1), Some(Place::Dated(a)));
        assert_eq!(l.statements(&l.items[a]), [0, 1]);
    }

    #[test]
    fn same_day_items_stack_and_spans_cover_their_month() {
        let ds = fixture::small();
        let l = layout(&ds, LaneMode::BySpeaker);
        let peskov = &l.lanes[0];
        assert_eq!(peskov.rows, 2);
        let rows: Vec<u32> = peskov.items.iter().map(|&i| l.items[i].row).collect();
        assert_eq!(rows, [0, 1]);
        let june_24 = day_number(day("2025-06-24"));
        assert!(peskov.items.iter().all(|&i| l.items[i].start == june_24));
        assert!(l.items[peskov.items[0]].is_point());
        let Some(Place::Dated(may)) = l.place_of(4) else {
            panic!("the May statement is dated")
        };
        let may = &l.items[may];
        assert_eq!(may.precision, Precision::Month);
        assert_eq!(may.start, day_number(day("2025-05-01")));
        assert_eq!(may.end, day_number(day("2025-06-01")));
        // Lanes are numbered in rows from the top.
        assert_eq!(l.lanes[1].top, 2);
        assert_eq!(l.rows, 4);
    }

    #[test]
    fn undated_items_go_to_the_tray_and_make_no_lane() {
        let ds = fixture::small();
        let l = layout(&ds, LaneMode::ByConflict);
        assert_eq!(l.undated.len(), 1);
        assert_eq!(l.statements(&l.undated[0]), [5]);
        assert_eq!(l.place_of(5), Some(Place::Undated(0)));
        // Lavrov's only statement about no conflict is undated: no empty lane for it.
        assert!(
            l.lanes
                .iter()
                .all(|lane| lane.kind != LaneKind::Header(None))
        );
    }

    #[test]
    fn conflicts_take_colours_by_rank_among_those_mentioned() {
        let mut f = Fixture::default();
        let a = f.speaker("A", false);
        let unused = f.conflict("Unused war");
        let used = f.conflict("Used war");
        let art = f.article("t", None, "x");
        f.statement(
            art,
            "x",
            a,
            Some(used),
            on("2025-01-01"),
            Kind::Direct,
            None,
        );
        let ds = f.build();
        let table = conflict_swatches(&ds);
        assert_eq!(Swatch::of(Some(used), &table), Swatch::Conflict(0));
        assert_eq!(Swatch::of(Some(unused), &table), Swatch::Conflict(0));
        assert_eq!(Swatch::of(None, &table), Swatch::NoConflict);
    }

    #[test]
    fn stepping_walks_items_in_time_order() {
        let ds = fixture::small();
        let l = layout(&ds, LaneMode::Flat);
        let order: Vec<f64> = l.items.iter().map(|i| i.start).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(l.step(None, true), Some(0));
        assert_eq!(l.step(None, false), Some(l.items.len() - 1));
        let first = l.items[0].representative();
        assert_eq!(l.step(Some(first), true), Some(1));
        assert_eq!(l.step(Some(first), false), Some(0));
        assert_eq!(l.step(Some(5), true), Some(0));
    }

    #[test]
    fn stacks_stop_at_the_limit() {
        let mut f = Fixture::default();
        let a = f.speaker("A", false);
        let text = "one two three four";
        let art = f.article("t", None, text);
        for word in text.split(' ') {
            f.statement(art, word, a, None, on("2025-01-01"), Kind::Direct, None);
        }
        f.statement(art, "one", a, None, DateValue::Unknown, Kind::Direct, None);
        let ds = f.build();
        let shown = Filter::default().apply(&ds);
        let l = TimelineLayout::build(
            &ds,
            &shown,
            &LayoutOptions {
                mode: LaneMode::Flat,
                max_stack: 3,
            },
        );
        let rows: Vec<u32> = l.items.iter().map(|i| i.row).collect();
        assert_eq!(rows, [0, 1, 2, 2]);
        assert_eq!(l.lanes[0].rows, 3);
    }

    #[test]
    fn restacking_gives_what_building_with_that_limit_gives() {
        let ds = fixture::small();
        let shown = Filter::default().apply(&ds);
        let with = |max_stack| LayoutOptions {
            mode: LaneMode::ByConflict,
            max_stack,
        };
        let mut restacked = TimelineLayout::build(&ds, &shown, &with(6));
        restacked.restack(1);
        let built = TimelineLayout::build(&ds, &shown, &with(1));
        assert_eq!(restacked.lanes, built.lanes);
        assert_eq!(restacked.items, built.items);
        assert_eq!(restacked.rows, built.rows);
        assert!(restacked.lanes.iter().all(|l| l.rows == 1));
        for s in 0..ds.statements.len() {
            assert_eq!(restacked.place_of(s), built.place_of(s));
        }
    }

    #[test]
    fn ordered_days_sort_as_the_days_do() {
        let days = [
            f64::NEG_INFINITY,
            -739_000.5,
            -1.0,
            -0.0,
            0.0,
            0.25,
            739_000.0,
            739_001.0,
            f64::INFINITY,
        ];
        for pair in days.windows(2) {
            assert!(ordered(pair[0]) < ordered(pair[1]), "{pair:?}");
        }
    }
}
