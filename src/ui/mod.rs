//! The window's panels. Each is a struct holding only its own UI state; it reads the
//! app's data through a [`View`] and returns [`Command`]s that `app.rs` applies in one
//! place, so no panel changes another's state behind its back.

pub mod config;
pub mod editor;
pub mod filter_bar;
pub mod knowledge;
pub mod menu;
pub mod presentation;
pub mod problems;
pub mod review;
pub mod source;
pub mod statement_list;
pub mod theme;
pub mod timeline;

use std::path::PathBuf;

use crate::model::{Dataset, StatementIdx};
use crate::project::Edit;
use crate::timeline::{
    DatasetIndex, DensityIndex, Facets, Filter, LaneMode, TimelineLayout, format_date,
};

/// What a panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select a statement everywhere (timeline, list, source); `None` clears.
    Select(Option<StatementIdx>),
    /// Select the next (or previous) event in time within the filter.
    Step {
        forward: bool,
    },
    SetFilter(Filter),
    SetLaneMode(LaneMode),
    /// Cycle through the lane modes.
    ToggleLanes,
    /// Load a corpus folder.
    Open(PathBuf),
    /// Load some files, relative to their common folder.
    OpenFiles(Vec<PathBuf>),
    /// Ask for a folder (a native dialog), then load it.
    PickFolder,
    /// Ask for files (a native dialog), then load them.
    PickFiles,
    CancelLoad,
    /// Ask where to save an image of the timeline (a native dialog), then export it.
    PickExportImage,
    /// Ask where to save the shown statements as CSV or JSON, then export them.
    PickExportData,
    /// Export what is shown, with the current filter and lane mode, to this file; the
    /// format follows its name.
    Export(PathBuf),
    /// Ask for a folder (a native dialog), then export the slides to it.
    PickExportSlides,
    /// Write one PNG per slide of the current filter to this folder, and a PDF of them.
    ExportSlides(PathBuf),
    /// Show the filtered events full screen, a slide each, from the selected one.
    Present,
    LeavePresentation,
    /// Zoom the timeline out to show everything.
    Fit,
    ShowProblems,
    /// Record an edit (undoable) and show its effect.
    Edit(Edit),
    Undo,
    Redo,
    /// Open the dialog that adds an official or a conflict to the project.
    ShowAddKnowledge(knowledge::Addition),
    /// Start an empty project on the open corpus (asks first if there are unsaved edits).
    NewProject,
    /// Ask for a project file (a native dialog), then open it.
    PickOpenProject,
    OpenProject(PathBuf),
    /// Save to the project's file, or ask for one if it has none.
    SaveProject,
    /// Ask where to save the project (a native dialog), then save it there.
    PickSaveProjectAs,
    SaveProjectAs(PathBuf),
    /// Take back the work autosaved before a crash, or throw it away.
    RestoreRecovery,
    DiscardRecovery,
    /// The answer to "save your edits?" before closing or replacing the project.
    ConfirmUnsaved(Confirm),
    Quit,
}

/// What to do with unsaved edits before the action that would lose them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Save,
    Discard,
    Cancel,
}

/// What the panels read: the loaded data and everything derived from it.
pub struct View<'a> {
    pub ds: &'a Dataset,
    pub index: &'a DatasetIndex,
    pub filter: &'a Filter,
    /// Statements passing the filter, in time order.
    pub shown: &'a [StatementIdx],
    pub facets: &'a Facets,
    pub layout: &'a TimelineLayout,
    pub density: &'a DensityIndex,
    pub lane_mode: LaneMode,
    pub selected: Option<StatementIdx>,
    /// Bumped whenever `shown` or `layout` change, so panels can drop cached orderings.
    pub generation: u64,
    /// A newer view is being derived; what is shown is the previous one.
    pub busy: bool,
}

/// The first `max_words` words of `text`, with an ellipsis when cut.
/// A progress bar of articles read and a Cancel button; true when Cancel was clicked.
pub fn load_progress_ui(
    ui: &mut eframe::egui::Ui,
    done: usize,
    total: usize,
    width: f32,
    text: &str,
) -> bool {
    #[expect(clippy::cast_precision_loss, reason = "a progress fraction")]
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        eframe::egui::ProgressBar::new(fraction)
            .desired_width(width)
            .text(text),
    );
    ui.button("Cancel").clicked()
}

pub fn first_words(text: &str, max_words: usize) -> String {
    let mut words = text.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(max_words).collect();
    let cut = words.next().is_some();
    if cut && let Some(last) = out.last_mut() {
        *last = last.trim_end_matches([',', ';', ':', '.']);
    }
    let mut s = out.join(" ");
    if cut {
        s.push('…');
    }
    s
}

/// How a statement is named to screen readers and tests: "Dmitry Peskov, 24 Jun 2025:
/// if a ceasefire has indeed been achieved…".
pub fn statement_label(ds: &Dataset, s: StatementIdx) -> String {
    let Some(st) = ds.statements.get(s) else {
        return String::new();
    };
    let speaker = ds
        .speakers
        .get(st.speaker)
        .map_or("?", |sp| sp.name.as_str());
    format!(
        "{speaker}, {}: {}",
        format_date(&st.date.value),
        first_words(ds.statement_text(st), 12)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_cut_with_an_ellipsis() {
        assert_eq!(first_words("a b c", 5), "a b c");
        assert_eq!(first_words("one, two, three four", 2), "one, two…");
        assert_eq!(first_words("  spaced\n out  ", 5), "spaced out");
    }
}
