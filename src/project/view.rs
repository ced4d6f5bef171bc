//! The view a project remembers — filter, lanes, zoom — with officials and conflicts by
//! name, since their indices change when the corpus is extracted again.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Kind};
use crate::timeline::{Filter, LaneMode};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    pub query: String,
    pub officials: Vec<String>,
    /// Conflict names; `None` for "no conflict".
    pub conflicts: Vec<Option<String>>,
    pub dates: Option<(NaiveDate, NaiveDate)>,
    pub outlets: BTreeSet<Option<String>>,
    pub kind: Option<Kind>,
    pub hide_institutional: bool,
    pub tags: BTreeSet<String>,
    pub lanes: LaneMode,
    /// Days `[from, to)` in view on the timeline.
    pub zoom: Option<(f64, f64)>,
}

impl ViewState {
    /// The view as the user has it on `ds`.
    pub fn capture(
        ds: &Dataset,
        filter: &Filter,
        lanes: LaneMode,
        zoom: Option<(f64, f64)>,
    ) -> Self {
        Self {
            query: filter.query.clone(),
            officials: filter
                .speakers
                .iter()
                .filter_map(|&s| ds.speakers.get(s).map(|sp| sp.name.clone()))
                .collect(),
            conflicts: filter
                .conflicts
                .iter()
                .map(|c| c.and_then(|c| ds.conflicts.get(c)).map(|c| c.name.clone()))
                .collect(),
            dates: filter.dates,
            outlets: filter.outlets.clone(),
            kind: filter.kind,
            hide_institutional: filter.hide_institutional,
            tags: filter.tags.clone(),
            lanes,
            zoom,
        }
    }

    /// The filter this view makes on `ds`; names the dataset no longer has are left out.
    pub fn filter(&self, ds: &Dataset) -> Filter {
        Filter {
            query: self.query.clone(),
            speakers: self
                .officials
                .iter()
                .filter_map(|name| ds.speakers.iter().position(|s| &s.name == name))
                .collect(),
            conflicts: self
                .conflicts
                .iter()
                .filter_map(|name| match name {
                    None => Some(None),
                    Some(name) => ds.conflicts.iter().position(|c| &c.name == name).map(Some),
                })
                .collect(),
            dates: self.dates,
            outlets: self.outlets.clone(),
            kind: self.kind,
            hide_institutional: self.hide_institutional,
            tags: self.tags.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture;

    #[test]
    fn a_view_keeps_its_filter_by_name() {
        let ds = fixture::small();
        let filter = Filter {
            query: "ceasefire".into(),
            speakers: [1].into(),
            conflicts: [Some(0), None].into(),
            tags: ["check".to_owned()].into(),
            ..Filter::default()
        };
        let view = ViewState::capture(&ds, &filter, LaneMode::Flat, Some((1.0, 9.0)));
        assert_eq!(view.officials, [ds.speakers[1].name.clone()]);
        assert_eq!(view.filter(&ds), filter);

        // Extracted again with a new official first: the indices move, the names hold.
        let mut moved = ds.clone();
        moved.speakers.insert(0, crate::model::Speaker::default());
        assert_eq!(view.filter(&moved).speakers, [2].into());
    }
}
