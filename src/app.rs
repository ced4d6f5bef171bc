//! The desktop app: its state in one struct, the panels laid out around the timeline,
//! and every [`Command`] the panels send applied in one place.

use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, Ui};

use crate::cache::Cache;
use crate::export::{self, ExportRequest, ImageOptions, SlideOptions, SlidesRequest, Theme};
use crate::model::{Dataset, StatementIdx};
use crate::pipeline::{Overrides, PipelineOptions, load_dataset_files_with, load_dataset_with};
use crate::project::{self, Edit, History, Project, Review, StatementId, ViewState};
use crate::timeline::{
    DatasetIndex, Deck, DensityIndex, Facets, Filter, LaneMode, LayoutOptions, TimelineLayout,
};
use crate::ui::config::Settings;
use crate::ui::filter_bar::FilterBar;
use crate::ui::knowledge::KnowledgeDialog;
use crate::ui::menu::{self, MenuInfo, MenuPanel};
use crate::ui::presentation::{PresentationInfo, PresentationPanel};
use crate::ui::problems::ProblemsPanel;
use crate::ui::review::ReviewPanel;
use crate::ui::source::SourcePanel;
use crate::ui::statement_list::StatementList;
use crate::ui::timeline::TimelinePanel;
use crate::ui::{Command, Confirm, View, theme};

/// What to load: a corpus folder, or some files under a common folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Folder(PathBuf),
    Files { root: PathBuf, files: Vec<PathBuf> },
}

impl Source {
    /// Files given one by one, relative to the folder they share.
    pub fn files(files: Vec<PathBuf>) -> Self {
        let root = common_parent(&files);
        Source::Files { root, files }
    }

    /// A short name for the title bar.
    pub fn name(&self) -> String {
        match self {
            Source::Folder(dir) => display_name(dir),
            Source::Files { root, files } => format!(
                "{} file{} in {}",
                files.len(),
                if files.len() == 1 { "" } else { "s" },
                display_name(root)
            ),
        }
    }
}

/// Reports progress (articles read, articles in all); returns `false` to cancel.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize) -> bool;

/// Takes the statements loaded so far, while a load goes on.
pub type Partial<'a> = &'a mut dyn FnMut(Dataset);

/// Turns a source into a dataset, extracted with a project's overrides, on a background
/// thread. The app takes it as a parameter so the pipeline stays at the edge and tests
/// can load what they choose.
pub type Loader = Arc<
    dyn Fn(&Source, &Overrides, Progress<'_>, Partial<'_>) -> Result<Dataset, String> + Send + Sync,
>;

/// Loads a source through the extraction pipeline, keeping extraction results in
/// `cache`: what the app uses outside tests.
pub fn pipeline_loader(cache: Option<Cache>) -> Loader {
    Arc::new(move |source, overrides, progress, partial| {
        let opts = PipelineOptions {
            cache: cache.clone(),
            overrides: overrides.clone(),
            ..PipelineOptions::default()
        };
        match source {
            Source::Folder(dir) => {
                load_dataset_with(dir, &opts, progress, partial).map_err(|e| e.to_string())
            }
            Source::Files { root, files } => Ok(load_dataset_files_with(
                root, files, &opts, progress, partial,
            )),
        }
    })
}

/// How the app starts.
pub struct AppOptions {
    /// Loaded at start, if any.
    pub source: Option<Source>,
    pub loader: Loader,
    /// Where the last corpus is remembered; `None` remembers nothing (tests).
    pub settings_path: Option<PathBuf>,
    /// Write a PNG of the window once the corpus is loaded and drawn, then close.
    pub screenshot: Option<ScreenshotRequest>,
    /// The filter to start with.
    pub filter: Filter,
    /// Officials (by name or alias) to filter to once the corpus is loaded.
    pub officials: Vec<String>,
    /// Select the first statement (in time) whose text contains this.
    pub select: Option<String>,
    /// Start presenting once the corpus is loaded (from the selected statement's slide).
    pub present: bool,
    /// A project file to open at start (its corpus instead of `source`).
    pub project: Option<PathBuf>,
    /// How long after an edit the unsaved work goes to the recovery file.
    pub autosave_delay: Duration,
    /// The load of `source`, started before the app by [`AppOptions::start_loading`].
    pub early_load: Option<EarlyLoad>,
}

/// A load started before the app exists, for [`App::new`] to take over.
pub struct EarlyLoad(Result<LoadJob, String>);

impl AppOptions {
    /// Options that load nothing at start, remember nothing and start unfiltered.
    pub fn new(loader: Loader) -> Self {
        Self {
            source: None,
            loader,
            settings_path: None,
            screenshot: None,
            filter: Filter::default(),
            officials: Vec::new(),
            select: None,
            present: false,
            project: None,
            autosave_delay: theme::AUTOSAVE_DELAY,
            early_load: None,
        }
    }

    /// Starts loading `source` now, on a background thread, so that reading the corpus
    /// overlaps opening the window and setting up its renderer; [`App::new`] takes the
    /// load over. Does nothing when a project is to be opened instead.
    pub fn start_loading(&mut self) {
        if self.project.is_some() || self.early_load.is_some() {
            return;
        }
        if let Some(source) = self.source.clone() {
            self.early_load = Some(EarlyLoad(
                LoadJob::spawn(
                    &self.loader,
                    source,
                    &History::default(),
                    false,
                    Waker::default(),
                )
                .map_err(|e| format!("Could not start loading: {e}")),
            ));
        }
    }
}

/// A screenshot to take once the corpus is on screen; the outcome is left in `result`.
#[derive(Clone)]
pub struct ScreenshotRequest {
    pub path: PathBuf,
    pub result: Arc<Mutex<Option<Result<(), String>>>>,
}

/// The dataset and what the current filter and lane mode derive from it. Shared with
/// the threads that derive views of large datasets.
struct Loaded {
    /// As extracted, before the project's edits of single statements.
    extracted: Arc<Dataset>,
    /// With the edits applied: what every panel shows.
    ds: Arc<Dataset>,
    index: Arc<DatasetIndex>,
    derived: Derived,
    /// Part of a corpus still loading.
    partial: bool,
}

impl Loaded {
    /// A dataset to show, its view not yet derived.
    fn new(extracted: Dataset, ds: Dataset, index: DatasetIndex, partial: bool) -> Self {
        Self {
            extracted: Arc::new(extracted),
            ds: Arc::new(ds),
            index: Arc::new(index),
            derived: Derived::default(),
            partial,
        }
    }
}

/// What the filter and the lane mode make of a dataset.
#[derive(Default)]
struct Derived {
    shown: Vec<StatementIdx>,
    facets: Facets,
    layout: TimelineLayout,
    density: DensityIndex,
}

impl Derived {
    fn build(ds: &Dataset, index: &DatasetIndex, filter: &Filter, mode: LaneMode) -> Self {
        let (shown, facets) = filter.apply_with_facets(ds, index);
        let layout = TimelineLayout::build(
            ds,
            &shown,
            &LayoutOptions {
                mode,
                max_stack: theme::MAX_STACK,
            },
        );
        let density = DensityIndex::build(&layout);
        Self {
            shown,
            facets,
            layout,
            density,
        }
    }
}

/// Wakes the window when a background thread has something for it. A load started
/// before the window exists has nothing to wake until the app takes it over; the app
/// looks at the load on its first frame anyway.
#[derive(Clone, Default)]
struct Waker(Arc<OnceLock<egui::Context>>);

impl Waker {
    fn to(ctx: &egui::Context) -> Self {
        let waker = Self::default();
        waker.set(ctx);
        waker
    }

    fn set(&self, ctx: &egui::Context) {
        let _ = self.0.set(ctx.clone());
    }

    fn wake(&self) {
        if let Some(ctx) = self.0.get() {
            ctx.request_repaint();
        }
    }
}

/// A load running on a background thread.
struct LoadJob {
    source: Source,
    waker: Waker,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    /// A re-extraction of the open corpus (after a publication date or an added
    /// official): the view stays as it is.
    keep_view: bool,
    /// The history's revision whose edits the load applies.
    revision: u64,
    /// The statements loaded so far, shown until the whole corpus is in.
    partial: Receiver<Prepared>,
    result: Receiver<Result<Prepared, String>>,
}

impl LoadJob {
    /// Loads `source` with `history`'s edits on a new thread.
    fn spawn(
        loader: &Loader,
        source: Source,
        history: &History,
        keep_view: bool,
        waker: Waker,
    ) -> std::io::Result<Self> {
        let overrides = Project::overrides(history.edits());
        let edits = history.edits().to_vec();
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let (partial_tx, partial_rx) = mpsc::channel();
        let loader = Arc::clone(loader);
        let thread_source = source.clone();
        let (d, t, c) = (Arc::clone(&done), Arc::clone(&total), Arc::clone(&cancel));
        let thread_waker = waker.clone();
        std::thread::Builder::new()
            .name("corpus-loader".to_owned())
            .spawn(move || {
                let mut progress = |n: usize, of: usize| {
                    d.store(n, Ordering::Relaxed);
                    t.store(of, Ordering::Relaxed);
                    thread_waker.wake();
                    !c.load(Ordering::Relaxed)
                };
                // A re-extraction keeps showing the corpus as it was until it is done.
                let mut partial = |ds: Dataset| {
                    if !keep_view {
                        let _ = partial_tx.send(Prepared::new(ds, &edits));
                        thread_waker.wake();
                    }
                };
                // Edits and the index too are done here, so the window never waits.
                let result = loader(&thread_source, &overrides, &mut progress, &mut partial)
                    .map(|ds| Prepared::new(ds, &edits));
                // The app may have moved on (a newer load); then nobody listens.
                let _ = tx.send(result);
                thread_waker.wake();
            })?;
        Ok(Self {
            source,
            waker,
            done,
            total,
            cancel,
            keep_view,
            revision: history.revision(),
            partial: partial_rx,
            result: rx,
        })
    }
}

/// A dataset extracted and curated, ready for the screen.
struct Prepared {
    extracted: Dataset,
    ds: Dataset,
    review: Vec<Review>,
    index: DatasetIndex,
}

impl Prepared {
    fn new(extracted: Dataset, edits: &[Edit]) -> Self {
        let mut ds = extracted.clone();
        let review = project::apply(&mut ds, edits);
        let index = DatasetIndex::build(&ds);
        Self {
            extracted,
            ds,
            review,
            index,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BottomTab {
    Statements,
    Hidden,
    Review,
    Problems,
}

enum ScreenshotState {
    /// Counting frames drawn since the corpus loaded.
    Waiting(u32),
    Requested(Arc<Mutex<Option<Arc<egui::ColorImage>>>>),
    Done,
}

/// The whole app's state.
pub struct App {
    /// To wake the window when a background thread has something for it.
    ctx: egui::Context,
    loader: Loader,
    data: Option<Loaded>,
    source: Option<Source>,
    filter: Filter,
    lane_mode: LaneMode,
    selected: Option<StatementIdx>,
    /// Bumped when the statements shown or their layout change.
    generation: u64,
    loading: Option<LoadJob>,
    /// A view of a large dataset being derived on another thread.
    deriving: Option<Receiver<Derived>>,
    /// Fit the timeline once the view being derived arrives.
    fit_when_derived: bool,
    error: Option<String>,
    /// What the last export wrote.
    notice: Option<String>,
    bottom_tab: BottomTab,
    settings_path: Option<PathBuf>,
    officials: Vec<String>,
    select_text: Option<String>,
    /// Whether the presentation is on, and whether to turn it on once data arrives.
    presenting: bool,
    present_on_load: bool,
    /// Whether the window was full screen before the presentation, to leave it so.
    was_fullscreen: bool,
    /// The slides, and the `generation` of the view they were made from; made when the
    /// presentation starts, as only it needs them.
    deck: Option<(u64, Deck)>,
    screenshot: Option<(ScreenshotRequest, ScreenshotState)>,
    menu: MenuPanel,
    filter_bar: FilterBar,
    timeline: TimelinePanel,
    list: StatementList,
    source_panel: SourcePanel,
    problems: ProblemsPanel,
    presentation: PresentationPanel,
    review_panel: ReviewPanel,
    knowledge: KnowledgeDialog,
    /// The project's file; `None` until it is saved.
    project_path: Option<PathBuf>,
    history: History,
    /// Edits that could not be applied to this corpus.
    review: Vec<Review>,
    /// The edits last saved; `None` when what is open was never saved (restored from a
    /// recovery file).
    saved_edits: Option<Vec<Edit>>,
    /// The revision last written to the recovery file.
    autosaved_revision: u64,
    changed_at: Option<Instant>,
    autosave_delay: Duration,
    /// A project's view, applied once its corpus has loaded.
    pending_view: Option<ViewState>,
    /// Unsaved work found at start, offered back.
    recovery: Option<(PathBuf, Project)>,
    /// An action waiting for the answer to "save your edits?".
    confirming: Option<Command>,
    /// The user chose to lose unsaved edits (or saved them): closing may go on.
    discard_ok: bool,
    /// The window title last sent.
    title: String,
}

impl App {
    pub fn new(ctx: &egui::Context, options: AppOptions) -> Self {
        theme::apply(ctx);
        let mut app = Self {
            ctx: ctx.clone(),
            loader: options.loader,
            data: None,
            source: None,
            filter: options.filter,
            lane_mode: LaneMode::default(),
            selected: None,
            generation: 0,
            loading: None,
            deriving: None,
            fit_when_derived: false,
            error: None,
            notice: None,
            bottom_tab: BottomTab::Statements,
            settings_path: options.settings_path,
            officials: options.officials,
            select_text: options.select,
            presenting: false,
            present_on_load: options.present,
            was_fullscreen: false,
            deck: None,
            screenshot: options
                .screenshot
                .map(|request| (request, ScreenshotState::Waiting(0))),
            menu: MenuPanel,
            filter_bar: FilterBar::default(),
            timeline: TimelinePanel::default(),
            list: StatementList::default(),
            source_panel: SourcePanel::default(),
            problems: ProblemsPanel,
            presentation: PresentationPanel,
            review_panel: ReviewPanel,
            knowledge: KnowledgeDialog::default(),
            project_path: None,
            history: History::default(),
            review: Vec::new(),
            saved_edits: Some(Vec::new()),
            autosaved_revision: 0,
            changed_at: None,
            autosave_delay: options.autosave_delay,
            pending_view: None,
            recovery: None,
            confirming: None,
            discard_ok: false,
            title: String::new(),
        };
        if let Some(path) = options.project {
            app.open_project(&path);
        } else {
            match options.early_load.map(|early| early.0) {
                Some(Ok(job)) => {
                    job.waker.set(ctx);
                    app.loading = Some(job);
                }
                Some(Err(e)) => app.error = Some(e),
                None => {
                    if let Some(source) = options.source {
                        app.start_load(source, false);
                    }
                }
            }
            app.offer_recovery(None);
        }
        app
    }

    /// An app showing `ds`, with nothing loading: for tests and embedding.
    pub fn with_dataset(ctx: &egui::Context, ds: Dataset, loader: Loader) -> Self {
        let mut app = Self::new(ctx, AppOptions::new(loader));
        app.set_dataset(ds);
        app
    }

    pub fn dataset(&self) -> Option<&Dataset> {
        self.data.as_ref().map(|d| d.ds.as_ref())
    }

    pub fn selected(&self) -> Option<StatementIdx> {
        self.selected
    }

    /// Statements passing the filter, in time order.
    pub fn shown(&self) -> &[StatementIdx] {
        self.data
            .as_ref()
            .map_or(&[], |d| d.derived.shown.as_slice())
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn lane_mode(&self) -> LaneMode {
        self.lane_mode
    }

    pub fn layout(&self) -> Option<&TimelineLayout> {
        self.data.as_ref().map(|d| &d.derived.layout)
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Whether a new view of the data is being derived on another thread.
    pub fn is_deriving(&self) -> bool {
        self.deriving.is_some()
    }

    /// Why the last load failed, if it did.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The article the source panel shows and the byte range it highlights.
    pub fn source_highlight(&self) -> Option<(usize, std::ops::Range<usize>)> {
        self.source_panel.highlight()
    }

    pub fn timeline(&self) -> &TimelinePanel {
        &self.timeline
    }

    /// Whether the presentation is on.
    pub fn is_presenting(&self) -> bool {
        self.presenting
    }

    /// The slides of the presentation, while it is on.
    pub fn deck(&self) -> Option<&Deck> {
        self.deck
            .as_ref()
            .map(|(_, deck)| deck)
            .filter(|_| self.presenting)
    }

    /// Applies a command, as if a panel had sent it.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(s) => {
                self.selected = s;
                if let Some(s) = s {
                    self.timeline.reveal(s);
                }
            }
            Command::Step { forward } => {
                if let Some(data) = &self.data
                    && let Some(i) = data.derived.layout.step(self.selected, forward)
                {
                    let s = data.derived.layout.items[i].representative();
                    self.selected = Some(s);
                    self.timeline.reveal(s);
                }
            }
            Command::SetFilter(filter) => {
                self.filter = filter;
                self.fit_when_derived = true;
                self.refresh();
            }
            Command::SetLaneMode(mode) => {
                self.lane_mode = mode;
                self.refresh();
                self.timeline.scroll_to_top();
            }
            Command::ToggleLanes => {
                self.apply(ctx, Command::SetLaneMode(self.lane_mode.next()));
            }
            Command::Open(dir) => self.start_load(Source::Folder(dir), false),
            Command::OpenFiles(files) => self.start_load(Source::files(files), false),
            Command::PickFolder => {
                if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                    self.start_load(Source::Folder(dir), false);
                }
            }
            Command::PickFiles => {
                if let Some(files) = rfd::FileDialog::new().pick_files() {
                    self.start_load(Source::files(files), false);
                }
            }
            Command::CancelLoad => {
                if let Some(job) = &self.loading {
                    job.cancel.store(true, Ordering::Relaxed);
                }
            }
            Command::PickExportImage => {
                let dialog = rfd::FileDialog::new()
                    .set_file_name("timeline.png")
                    .add_filter("PNG image", &["png"])
                    .add_filter("SVG image", &["svg"]);
                if let Some(path) = dialog.save_file() {
                    self.apply(ctx, Command::Export(path));
                }
            }
            Command::PickExportData => {
                let dialog = rfd::FileDialog::new()
                    .set_file_name("statements.csv")
                    .add_filter("CSV", &["csv"])
                    .add_filter("TimelineJS (.timeline.json)", &["json"])
                    .add_filter("Statement JSON", &["json"]);
                if let Some(path) = dialog.save_file() {
                    self.apply(ctx, Command::Export(path));
                }
            }
            Command::Export(path) => self.export(&path),
            Command::PickExportSlides => {
                if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                    self.apply(ctx, Command::ExportSlides(dir));
                }
            }
            Command::ExportSlides(dir) => self.export_slides(&dir),
            Command::Present => self.present(),
            Command::LeavePresentation => {
                self.presenting = false;
                if !self.was_fullscreen {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
                if let Some(s) = self.selected {
                    self.timeline.reveal(s);
                }
            }
            Command::Fit => self.timeline.fit(),
            Command::ShowProblems => self.bottom_tab = BottomTab::Problems,
            Command::Edit(edit) => self.make_edit(edit),
            Command::Undo => {
                let reextract = self.history.undo().map(Edit::changes_extraction);
                if let Some(reextract) = reextract {
                    self.edited(reextract);
                }
            }
            Command::Redo => {
                let reextract = self.history.redo().map(Edit::changes_extraction);
                if let Some(reextract) = reextract {
                    self.edited(reextract);
                }
            }
            Command::ShowAddKnowledge(what) => self.knowledge.open(what),
            Command::NewProject => {
                if self.ask_before_losing(&Command::NewProject) {
                    self.new_project();
                }
            }
            Command::PickOpenProject => {
                if self.ask_before_losing(&Command::PickOpenProject) {
                    match project_dialog().pick_file() {
                        Some(path) => {
                            self.discard_ok = true;
                            self.apply(ctx, Command::OpenProject(path));
                        }
                        None => self.discard_ok = false,
                    }
                }
            }
            Command::OpenProject(path) => {
                if self.ask_before_losing(&Command::OpenProject(path.clone())) {
                    self.open_project(&path);
                }
            }
            Command::SaveProject => match self.project_path.clone() {
                Some(path) => {
                    self.save_project(&path);
                }
                None => self.apply(ctx, Command::PickSaveProjectAs),
            },
            Command::PickSaveProjectAs => {
                if let Some(path) = project_dialog()
                    .set_file_name("curation.project.json")
                    .save_file()
                {
                    self.save_project(&path);
                }
            }
            Command::SaveProjectAs(path) => {
                self.save_project(&path);
            }
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => {
                if let Some((path, _)) = self.recovery.take() {
                    let _ = std::fs::remove_file(path);
                }
            }
            Command::ConfirmUnsaved(answer) => self.confirmed(ctx, answer),
            Command::Quit => {
                if self.ask_before_losing(&Command::Quit) {
                    self.discard_ok = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Records an edit and shows its effect.
    fn make_edit(&mut self, edit: Edit) {
        let reextract = edit.changes_extraction();
        let added = match &edit {
            Edit::AddStatement { statement, .. } => Some(*statement),
            _ => None,
        };
        self.history.push(edit);
        self.edited(reextract);
        // A statement just added is the one to look at.
        if let Some(id) = added
            && let Some(data) = &self.data
            && let Some(s) =
                (0..data.ds.statements.len()).find(|&s| StatementId::of(&data.ds, s) == id)
        {
            self.selected = Some(s);
            self.timeline.reveal(s);
        }
    }

    /// The edits changed (an edit, an undo, a redo): show the data they make.
    fn edited(&mut self, reextract: bool) {
        self.changed_at = Some(Instant::now());
        self.discard_ok = false;
        match (&self.source, reextract) {
            (Some(source), true) => self.start_load(source.clone(), true),
            _ => self.recurate(),
        }
    }

    /// Applies the edits again to the dataset as extracted.
    fn recurate(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        let extracted = (*data.extracted).clone();
        let prepared = Prepared::new(extracted, self.history.edits());
        self.install(prepared, true);
    }

    /// Whether the edits differ from what was last saved (undoing back to it is clean).
    pub fn is_dirty(&self) -> bool {
        self.saved_edits.as_deref() != Some(self.history.edits())
    }

    /// The edits in force, in order.
    pub fn edits(&self) -> &[Edit] {
        self.history.edits()
    }

    /// Edits that could not be applied to the corpus, for review.
    pub fn review(&self) -> &[Review] {
        &self.review
    }

    pub fn project_path(&self) -> Option<&Path> {
        self.project_path.as_deref()
    }

    /// The window title: the project's name, "•" when it has unsaved edits.
    pub fn window_title(&self) -> String {
        let name = self
            .project_path
            .as_deref()
            .map_or_else(|| "Untitled project".to_owned(), project_name);
        let mark = if self.is_dirty() { " •" } else { "" };
        format!("{name}{mark} — Statement Timeline")
    }

    /// Whether a question about unsaved edits is on screen.
    pub fn is_confirming(&self) -> bool {
        self.confirming.is_some()
    }

    /// Whether unsaved work from an earlier session is being offered back.
    pub fn offers_recovery(&self) -> bool {
        self.recovery.is_some()
    }

    /// True when `then` may go ahead: nothing unsaved, or the user already answered.
    /// Otherwise asks, and `then` runs once answered.
    fn ask_before_losing(&mut self, then: &Command) -> bool {
        if !self.is_dirty() || self.discard_ok {
            return true;
        }
        self.confirming = Some(then.clone());
        false
    }

    fn confirmed(&mut self, ctx: &egui::Context, answer: Confirm) {
        let Some(then) = self.confirming.take() else {
            return;
        };
        match answer {
            Confirm::Cancel => return,
            Confirm::Save => {
                let saved = match self.project_path.clone() {
                    Some(path) => self.save_project(&path),
                    None => project_dialog()
                        .set_file_name("curation.project.json")
                        .save_file()
                        .is_some_and(|path| self.save_project(&path)),
                };
                if !saved {
                    return;
                }
            }
            Confirm::Discard => {}
        }
        self.discard_ok = true;
        self.apply(ctx, then);
    }

    /// The project as it stands: corpus, edits, view.
    fn project(&self) -> Project {
        let (corpus, files) = match &self.source {
            Some(Source::Folder(dir)) => (Some(absolute(dir)), Vec::new()),
            Some(Source::Files { root, files }) => (
                Some(absolute(root)),
                files.iter().map(|f| absolute(f)).collect(),
            ),
            None => (None, Vec::new()),
        };
        let view = self.data.as_ref().map_or_else(ViewState::default, |d| {
            ViewState::capture(
                &d.ds,
                &self.filter,
                self.lane_mode,
                self.timeline.visible_days(),
            )
        });
        Project {
            corpus,
            files,
            edits: self.history.edits().to_vec(),
            view,
            ..Project::default()
        }
    }

    /// Saves to `path`; true when it was saved.
    fn save_project(&mut self, path: &Path) -> bool {
        match self.project().save(path) {
            Ok(()) => {
                if self.project_path.is_none()
                    && let Some(unsaved) = self.unsaved_recovery_path()
                {
                    let _ = std::fs::remove_file(unsaved);
                }
                self.project_path = Some(path.to_path_buf());
                self.saved_edits = Some(self.history.edits().to_vec());
                self.error = None;
                self.notice = Some(format!("Saved {}", project_name(path)));
                if let Some(source) = &self.source {
                    self.remember(source);
                }
                true
            }
            Err(e) => {
                self.error = Some(e.to_string());
                false
            }
        }
    }

    /// An empty project on the corpus that is open.
    fn new_project(&mut self) {
        let reextract = !Project::overrides(self.history.edits()).eq(&Overrides::default());
        self.history = History::default();
        self.saved_edits = Some(Vec::new());
        self.autosaved_revision = self.history.revision();
        self.project_path = None;
        self.notice = None;
        self.discard_ok = false;
        match (&self.source, reextract) {
            (Some(source), true) => self.start_load(source.clone(), true),
            _ => self.recurate(),
        }
    }

    /// Opens a project file and loads its corpus. A file that cannot be read is named
    /// in the error and left as it is; the open project stays open.
    fn open_project(&mut self, path: &Path) {
        let project = match Project::read(path) {
            Ok(project) => project,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        self.project_path = Some(path.to_path_buf());
        self.take_project(project);
        self.saved_edits = Some(self.history.edits().to_vec());
        self.autosaved_revision = self.history.revision();
        self.offer_recovery(Some(path));
    }

    /// Makes `project` the open one: its edits, its view, its corpus.
    fn take_project(&mut self, project: Project) {
        self.history = History::new(project.edits);
        self.discard_ok = false;
        self.error = None;
        self.notice = None;
        let source = match (project.corpus, project.files.is_empty()) {
            (Some(root), false) => Some(Source::Files {
                root,
                files: project.files,
            }),
            (Some(dir), true) => Some(Source::Folder(dir)),
            (None, _) => None,
        };
        match source.or_else(|| self.source.clone()) {
            Some(source) => {
                self.pending_view = Some(project.view);
                self.start_load(source, false);
            }
            None => self.recurate(),
        }
    }

    /// Where unsaved work goes: beside the project's file, or for an untitled project
    /// beside the settings (nowhere when the app remembers nothing, as in tests).
    fn recovery_path(&self) -> Option<PathBuf> {
        match &self.project_path {
            Some(path) => Some(project::recovery_path(path)),
            None => self.unsaved_recovery_path(),
        }
    }

    fn unsaved_recovery_path(&self) -> Option<PathBuf> {
        self.settings_path
            .as_deref()
            .and_then(Path::parent)
            .map(|dir| dir.join("untitled.project.json.recovery"))
    }

    /// Offers the recovery file when it is newer than the project saved at `saved`.
    fn offer_recovery(&mut self, saved: Option<&Path>) {
        if let Some(path) = self.recovery_path()
            && let Some(found) = project::pending_recovery(&path, saved)
        {
            self.recovery = Some((path, found));
        }
    }

    /// Takes back the autosaved work: unsaved until saved again.
    fn restore_recovery(&mut self) {
        let Some((path, recovered)) = self.recovery.take() else {
            return;
        };
        self.take_project(recovered);
        self.saved_edits = None;
        // The recovery file stays until the work is saved: another crash loses nothing.
        self.autosaved_revision = self.history.revision();
        self.notice = Some(format!(
            "Restored unsaved work from {}",
            project_name(&path)
        ));
    }

    /// Writes unsaved work to the recovery file a few seconds after the last change.
    fn autosave(&mut self, ctx: &egui::Context) {
        if !self.is_dirty() || self.autosaved_revision == self.history.revision() {
            return;
        }
        let (Some(path), Some(at)) = (self.recovery_path(), self.changed_at) else {
            return;
        };
        let wait = self.autosave_delay.saturating_sub(at.elapsed());
        if !wait.is_zero() {
            ctx.request_repaint_after(wait);
            return;
        }
        match project::write_recovery(&path, &self.project()) {
            Ok(()) => self.autosaved_revision = self.history.revision(),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// What the last export wrote, or why it failed.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Exports what is shown, as the screen shows it: the current filter and lane mode.
    fn export(&mut self, path: &Path) {
        let Some(data) = &self.data else {
            return;
        };
        let request = ExportRequest {
            path: path.to_path_buf(),
            filter: self.filter.clone(),
            mode: self.lane_mode,
            image: ImageOptions::new(
                theme::EXPORT_SIZE.0,
                theme::EXPORT_SIZE.1,
                chrono::Local::now().date_naive(),
            ),
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match export::export_file(&data.ds, &request) {
            Ok(_) => {
                self.error = None;
                self.notice = Some(format!("Exported {name}"));
            }
            Err(e) => {
                self.notice = None;
                self.error = Some(format!("Export failed: {e}"));
            }
        }
    }

    /// Writes the slides of what is shown to `dir`, as the presentation shows them, with
    /// a PDF of them all beside them.
    fn export_slides(&mut self, dir: &Path) {
        let Some(data) = &self.data else {
            return;
        };
        let request = SlidesRequest {
            dir: dir.to_path_buf(),
            pdf: Some(dir.join(SLIDES_PDF)),
            filter: self.filter.clone(),
            options: SlideOptions {
                width: theme::EXPORT_SIZE.0,
                height: theme::EXPORT_SIZE.1,
                theme: Theme::Dark,
            },
        };
        match export::export_slides(&data.ds, &request) {
            Ok(summary) => {
                self.error = None;
                self.notice = Some(format!(
                    "Exported {} slides and {SLIDES_PDF} to {}",
                    summary.files.len(),
                    display_name(dir)
                ));
            }
            Err(e) => {
                self.notice = None;
                self.error = Some(format!("Export failed: {e}"));
            }
        }
    }

    /// Turns the presentation on, full screen, at the selected event's slide (the first
    /// slide when nothing on a slide is selected).
    fn present(&mut self) {
        if self.data.is_none() || self.presenting {
            return;
        }
        self.presenting = true;
        self.was_fullscreen = self.ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        self.sync_deck();
        self.ctx
            .send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Makes the slides again when the view changed under the presentation (another
    /// corpus was dropped on it), and keeps a slide's event selected.
    fn sync_deck(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        if self
            .deck
            .as_ref()
            .is_none_or(|(g, _)| *g != self.generation)
        {
            let deck = Deck::build(&data.ds, &data.derived.shown);
            self.deck = Some((self.generation, deck));
        }
        if let Some((_, deck)) = &self.deck
            && self.selected.and_then(|s| deck.slide_of(s)).is_none()
        {
            self.selected = deck
                .slides()
                .first()
                .map(crate::timeline::Item::representative);
        }
    }

    fn start_load(&mut self, source: Source, keep_view: bool) {
        if let Some(job) = self.loading.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        let job = LoadJob::spawn(
            &self.loader,
            source,
            &self.history,
            keep_view,
            Waker::to(&self.ctx),
        );
        match job {
            Ok(job) => {
                self.error = None;
                self.loading = Some(job);
            }
            Err(e) => self.error = Some(format!("Could not start loading: {e}")),
        }
    }

    /// Takes the background load's result when it is ready, and shows the statements
    /// loaded so far until then.
    fn poll_load(&mut self) {
        let Some(job) = &self.loading else {
            return;
        };
        if let Some(prepared) = job.partial.try_iter().last() {
            self.set_partial_dataset(prepared);
        }
        let Some(job) = &self.loading else {
            return;
        };
        let outcome = match job.result.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err("the loader stopped unexpectedly".to_owned()),
        };
        let Some(job) = self.loading.take() else {
            return;
        };
        if job.cancel.load(Ordering::Relaxed) {
            self.error = Some(format!("Loading {} was cancelled", job.source.name()));
            return;
        }
        match outcome {
            Ok(mut prepared) => {
                self.remember(&job.source);
                self.source = Some(job.source);
                // Edits made while it loaded apply too.
                if job.revision != self.history.revision() {
                    prepared = Prepared::new(prepared.extracted, self.history.edits());
                }
                self.install(prepared, job.keep_view);
            }
            Err(e) => self.error = Some(format!("Could not load {}: {e}", job.source.name())),
        }
    }

    fn remember(&self, source: &Source) {
        let Some(path) = &self.settings_path else {
            return;
        };
        let last_project = self.project_path.as_deref().map(absolute);
        let settings = match source {
            Source::Folder(dir) => Settings {
                last_corpus: Some(absolute(dir)),
                last_files: Vec::new(),
                last_project,
            },
            Source::Files { root, files } => Settings {
                last_corpus: Some(absolute(root)),
                last_files: files.iter().map(|f| absolute(f)).collect(),
                last_project,
            },
        };
        if let Err(e) = settings.save(path) {
            eprintln!(
                "statement-timeline: could not remember the corpus in {}: {e}",
                path.display()
            );
        }
    }

    fn set_dataset(&mut self, ds: Dataset) {
        let prepared = Prepared::new(ds, self.history.edits());
        self.install(prepared, false);
    }

    /// Shows a freshly prepared dataset. With `keep_view` (the same corpus again) the
    /// filter, lanes, zoom and selection stay, followed by name and statement id.
    fn install(&mut self, prepared: Prepared, keep_view: bool) {
        let kept = if keep_view {
            self.data.as_ref().map(|d| {
                (
                    ViewState::capture(
                        &d.ds,
                        &self.filter,
                        self.lane_mode,
                        self.timeline.visible_days(),
                    ),
                    self.selected.map(|s| StatementId::of(&d.ds, s)),
                )
            })
        } else {
            None
        };
        self.review = prepared.review;
        let (extracted, ds, index) = (prepared.extracted, prepared.ds, prepared.index);
        if let Some((view, selected)) = kept {
            self.filter = view.filter(&ds);
            self.selected = selected
                .and_then(|id| (0..ds.statements.len()).find(|&s| StatementId::of(&ds, s) == id));
            self.data = Some(Loaded::new(extracted, ds, index, false));
            self.refresh();
            return;
        }
        let zoom = self.pending_view.take().and_then(|view| {
            self.filter = view.filter(&ds);
            self.lane_mode = view.lanes;
            view.zoom
        });
        self.set_indexed_dataset(extracted, ds, index);
        if let Some(days) = zoom {
            self.timeline.show_days(days);
            self.fit_when_derived = false;
        }
    }

    /// Shows part of a corpus being loaded: the filter holds, the view is fitted once.
    fn set_partial_dataset(&mut self, prepared: Prepared) {
        let first = self.data.as_ref().is_none_or(|d| !d.partial);
        if first {
            self.selected = None;
            self.fit_when_derived = true;
        }
        self.data = Some(Loaded::new(
            prepared.extracted,
            prepared.ds,
            prepared.index,
            true,
        ));
        self.refresh();
    }

    fn set_indexed_dataset(&mut self, extracted: Dataset, ds: Dataset, index: DatasetIndex) {
        self.selected = None;
        let officials = std::mem::take(&mut self.officials);
        for name in officials {
            let wanted = name.to_lowercase();
            let found = ds.speakers.iter().position(|sp| {
                sp.name.to_lowercase() == wanted
                    || sp.aliases.iter().any(|a| a.to_lowercase() == wanted)
            });
            match found {
                Some(i) => {
                    self.filter.speakers.insert(i);
                }
                None => self.error = Some(format!("No official named {name}")),
            }
        }
        self.data = Some(Loaded::new(extracted, ds, index, false));
        self.fit_when_derived = true;
        self.refresh();
    }

    /// Derives the view of the data for the current filter and lane mode: at once for
    /// a dataset of ordinary size, on another thread for a large one, so typing and
    /// clicking never wait for it.
    fn refresh(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        let (filter, mode) = (self.filter.clone(), self.lane_mode);
        if data.ds.statements.len() < theme::DERIVE_IN_BACKGROUND_FROM {
            let derived = Derived::build(&data.ds, &data.index, &filter, mode);
            self.deriving = None;
            self.take_derived(derived);
            return;
        }
        let (ds, index) = (Arc::clone(&data.ds), Arc::clone(&data.index));
        let (tx, rx) = mpsc::channel();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("view-deriver".to_owned())
            .spawn(move || {
                // A newer request may have replaced this one; then nobody listens.
                let _ = tx.send(Derived::build(&ds, &index, &filter, mode));
                ctx.request_repaint();
                // Once the view is out, so that the first text query and the first
                // selection find them ready.
                index.prepare_events(&ds);
                index.prepare_words(&ds);
            });
        match spawned {
            Ok(_) => self.deriving = Some(rx),
            Err(_) => {
                let derived = Derived::build(&data.ds, &data.index, &self.filter, mode);
                self.take_derived(derived);
            }
        }
    }

    /// Takes a view derived on another thread, when it is ready.
    fn poll_derived(&mut self) {
        let Some(rx) = &self.deriving else {
            return;
        };
        match rx.try_recv() {
            Ok(derived) => {
                self.deriving = None;
                self.take_derived(derived);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.deriving = None,
        }
    }

    fn take_derived(&mut self, derived: Derived) {
        let Some(data) = &mut self.data else {
            return;
        };
        data.derived = derived;
        self.generation += 1;
        let layout = &data.derived.layout;
        if self.selected.is_some_and(|s| layout.place_of(s).is_none()) {
            self.selected = None;
        }
        if std::mem::take(&mut self.fit_when_derived) {
            self.timeline.fit();
        }
        // The statement to select may be in a file not loaded yet.
        if data.partial {
            return;
        }
        if let Some(needle) = self.select_text.take() {
            let found = data.derived.shown.iter().copied().find(|&s| {
                data.ds
                    .statement_text(&data.ds.statements[s])
                    .contains(&needle)
            });
            if let Some(s) = found {
                self.selected = Some(s);
                self.timeline.reveal(s);
            }
        }
        if std::mem::take(&mut self.present_on_load) {
            self.present();
        }
    }

    fn keyboard(&self, ui: &mut Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        if ui.input_mut(|i| i.consume_shortcut(&menu::SAVE)) {
            commands.push(Command::SaveProject);
        }
        if ui.ctx().egui_wants_keyboard_input() {
            return commands;
        }
        ui.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                commands.push(Command::Step { forward: true });
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                commands.push(Command::Step { forward: false });
            }
            if i.consume_key(Modifiers::NONE, Key::L) {
                commands.push(Command::ToggleLanes);
            }
            if i.consume_key(Modifiers::NONE, Key::F5) {
                commands.push(Command::Present);
            }
        });
        // Text fields undo their own typing; elsewhere these undo edits.
        ui.input_mut(|i| {
            if i.consume_shortcut(&menu::REDO) {
                commands.push(Command::Redo);
            } else if i.consume_shortcut(&menu::UNDO) {
                commands.push(Command::Undo);
            }
        });
        if self.selected.is_some()
            && !egui::Popup::is_any_open(ui.ctx())
            && ui.input(|i| i.key_pressed(Key::Escape))
        {
            commands.push(Command::Select(None));
        }
        commands
    }

    fn dropped(ui: &Ui) -> Vec<Command> {
        let paths: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        match paths.as_slice() {
            [] => Vec::new(),
            [one] if one.is_dir() => vec![Command::Open(one.clone())],
            _ => vec![Command::OpenFiles(
                paths.into_iter().filter(|p| p.is_file()).collect(),
            )],
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let settled = self.loading.is_none()
            && self.deriving.is_none()
            && (self.data.is_some() || self.error.is_some());
        let Some((request, state)) = &mut self.screenshot else {
            return;
        };
        match state {
            ScreenshotState::Waiting(frames) => {
                if settled {
                    *frames += 1;
                }
                // A few frames: the first fit, the plot's axis, tooltips settle.
                if *frames >= 4 {
                    let slot = Arc::new(Mutex::new(None));
                    let sink = Arc::clone(&slot);
                    let waker = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        if let Ok(mut guard) = sink.lock() {
                            *guard = Some(image);
                        }
                        waker.request_repaint();
                    });
                    *state = ScreenshotState::Requested(slot);
                }
                ctx.request_repaint();
            }
            ScreenshotState::Requested(slot) => {
                let image = slot.lock().ok().and_then(|mut g| g.take());
                if let Some(image) = image {
                    let result = write_png(&request.path, &image)
                        .map_err(|e| format!("could not write {}: {e}", request.path.display()));
                    if let Ok(mut guard) = request.result.lock() {
                        *guard = Some(result);
                    }
                    *state = ScreenshotState::Done;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                } else {
                    ctx.request_repaint();
                }
            }
            ScreenshotState::Done => {}
        }
    }

    /// Draws the window and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut Ui) {
        self.poll_load();
        self.poll_derived();
        let ctx = ui.ctx().clone();
        if self.presenting && self.data.is_some() {
            self.sync_deck();
            let commands = self.presentation_ui(ui);
            for command in commands {
                self.apply(&ctx, command);
            }
            self.screenshot_step(&ctx);
            return;
        }
        let mut commands = self.keyboard(ui);
        commands.extend(Self::dropped(ui));

        self.close_requested(&ctx);
        self.update_title(&ctx);
        let project_label = self.window_title().replace(" — Statement Timeline", "");
        let corpus = self.source.as_ref().map(Source::name);
        let loading_name = self.loading.as_ref().map(|j| j.source.name());
        let info = MenuInfo {
            corpus: corpus.as_deref(),
            // Without a corpus the central area tells why; say it once.
            loading: self
                .loading
                .as_ref()
                .zip(loading_name.as_deref())
                .map(|(j, name)| {
                    (
                        j.done.load(Ordering::Relaxed),
                        j.total.load(Ordering::Relaxed),
                        name,
                    )
                }),
            error: self.error.as_deref().filter(|_| self.data.is_some()),
            lane_mode: self.lane_mode,
            problems: self
                .data
                .as_ref()
                .map_or(0, |d| ProblemsPanel::count(&d.ds)),
            busy: self.deriving.is_some(),
            notice: self.notice.as_deref(),
            can_export: self.data.is_some(),
            project: &project_label,
            undo: self.history.undo_label(),
            redo: self.history.redo_label(),
        };
        egui::Panel::top("menu_bar").show(ui, |ui| {
            commands.extend(self.menu.ui(ui, &info));
        });

        let Self {
            data,
            filter,
            lane_mode,
            selected,
            generation,
            filter_bar,
            source_panel,
            list,
            problems,
            timeline,
            bottom_tab,
            loading,
            error,
            deriving,
            review_panel,
            review,
            history,
            ..
        } = self;
        if let Some(data) = data.as_ref() {
            let view = View {
                ds: &data.ds,
                index: &data.index,
                filter,
                shown: &data.derived.shown,
                facets: &data.derived.facets,
                layout: &data.derived.layout,
                density: &data.derived.density,
                lane_mode: *lane_mode,
                selected: *selected,
                generation: *generation,
                busy: deriving.is_some(),
            };
            egui::Panel::top("filter_bar").show(ui, |ui| {
                ui.add_space(2.0);
                commands.extend(filter_bar.ui(ui, &view));
                ui.add_space(2.0);
            });
            egui::Panel::right("source_panel")
                .resizable(true)
                .default_size(theme::SOURCE_PANEL_WIDTH)
                .show(ui, |ui| {
                    commands.extend(source_panel.ui(ui, &view));
                });
            egui::Panel::bottom("bottom_panel")
                .resizable(true)
                .default_size(theme::BOTTOM_PANEL_HEIGHT)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let statements = format!("Statements ({})", view.shown.len());
                        let hidden = view.ds.annotations.values().filter(|a| a.hidden).count();
                        let problems = format!("Problems ({})", ProblemsPanel::count(view.ds));
                        ui.selectable_value(bottom_tab, BottomTab::Statements, statements);
                        ui.selectable_value(
                            bottom_tab,
                            BottomTab::Hidden,
                            format!("Hidden ({hidden})"),
                        );
                        if !review.is_empty() || *bottom_tab == BottomTab::Review {
                            let text = format!("Edits to review ({})", review.len());
                            ui.selectable_value(bottom_tab, BottomTab::Review, text);
                        }
                        ui.selectable_value(bottom_tab, BottomTab::Problems, problems);
                    });
                    ui.separator();
                    match *bottom_tab {
                        BottomTab::Statements => commands.extend(list.ui(ui, &view)),
                        BottomTab::Hidden => commands.extend(review_panel.hidden_ui(ui, view.ds)),
                        BottomTab::Review => review_panel.review_ui(ui, history.edits(), review),
                        BottomTab::Problems => problems.ui(ui, view.ds),
                    }
                });
            egui::CentralPanel::default().show(ui, |ui| {
                commands.extend(timeline.ui(ui, &view));
            });
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                commands.extend(empty_ui(ui, loading.as_ref(), error.as_deref()));
            });
        }
        drop_overlay(ui);
        commands.extend(self.knowledge.ui(&ctx));
        commands.extend(self.dialogs_ui(&ctx));

        for command in commands {
            self.apply(&ctx, command);
        }
        self.autosave(&ctx);
        self.screenshot_step(&ctx);
    }

    /// Keeps the window title on the project's name and unsaved mark.
    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Closing the window with unsaved edits asks first.
    fn close_requested(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.discard_ok {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirming = Some(Command::Quit);
        }
    }

    /// The questions the app asks: save before losing edits, restore unsaved work.
    fn dialogs_ui(&self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(then) = &self.confirming {
            let doing = match then {
                Command::Quit => "closing",
                Command::NewProject => "starting a new project",
                _ => "opening another project",
            };
            egui::Modal::new(egui::Id::unique("confirm_unsaved")).show(ctx, |ui| {
                ui.heading("Unsaved edits");
                ui.label(format!(
                    "{} has edits that are not saved. Save them before {doing}?",
                    self.window_title().replace(" • — Statement Timeline", "")
                ));
                ui.horizontal(|ui| {
                    for (answer, text) in [
                        (Confirm::Save, "Save"),
                        (Confirm::Discard, "Don't save"),
                        (Confirm::Cancel, "Cancel"),
                    ] {
                        if ui.button(text).clicked() {
                            commands.push(Command::ConfirmUnsaved(answer));
                        }
                    }
                });
            });
        } else if let Some((path, found)) = &self.recovery {
            egui::Modal::new(egui::Id::unique("offer_recovery")).show(ctx, |ui| {
                ui.heading("Unsaved work found");
                ui.label(format!(
                    "The last session ended with unsaved work ({} edits, in {}). Restore it?",
                    found.edits.len(),
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        commands.push(Command::RestoreRecovery);
                    }
                    if ui.button("Discard").clicked() {
                        commands.push(Command::DiscardRecovery);
                    }
                });
            });
        }
        commands
    }
}

impl App {
    /// The presentation, alone in the window.
    fn presentation_ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let (Some(data), Some((_, deck))) = (&self.data, &self.deck) else {
            return Vec::new();
        };
        let view = View {
            ds: &data.ds,
            index: &data.index,
            filter: &self.filter,
            shown: &data.derived.shown,
            facets: &data.derived.facets,
            layout: &data.derived.layout,
            density: &data.derived.density,
            lane_mode: self.lane_mode,
            selected: self.selected,
            generation: self.generation,
            busy: self.deriving.is_some(),
        };
        let info = PresentationInfo {
            notice: self.notice.as_deref(),
            error: self.error.as_deref(),
        };
        let mut commands = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(theme::PRESENT_BACKGROUND))
            .show(ui, |ui| {
                commands = self.presentation.ui(ui, &view, deck, &info);
            });
        commands
    }
}

/// The name of the PDF an export of slides from the app writes beside the PNGs.
const SLIDES_PDF: &str = "slides.pdf";

/// The central area before any corpus is loaded.
fn empty_ui(ui: &mut Ui, loading: Option<&LoadJob>, error: Option<&str>) -> Vec<Command> {
    {
        let mut commands = Vec::new();
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            if let Some(job) = loading {
                let (done, total) = (
                    job.done.load(Ordering::Relaxed),
                    job.total.load(Ordering::Relaxed),
                );
                ui.heading(format!("Loading {}…", job.source.name()));
                if crate::ui::load_progress_ui(
                    ui,
                    done,
                    total,
                    360.0,
                    &format!("{done} / {total} articles"),
                ) {
                    commands.push(Command::CancelLoad);
                }
            } else {
                ui.heading("No corpus open");
                if let Some(error) = error {
                    ui.colored_label(theme::ERROR, error);
                }
                ui.label("Open a folder of articles, or drop one onto this window.");
                if ui.button("Open folder…").clicked() {
                    commands.push(Command::PickFolder);
                }
            }
        });
        commands
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// Dims the window while files are dragged over it.
fn drop_overlay(ui: &Ui) {
    let hovering = ui.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let ctx = ui.ctx();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a corpus folder or article files to open them",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}

fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let [w, h] = image.size;
    let mut encoder = png::Encoder::new(
        std::io::BufWriter::new(file),
        u32::try_from(w).map_err(|e| e.to_string())?,
        u32::try_from(h).map_err(|e| e.to_string())?,
    );
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    writer.write_image_data(&bytes).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())
}

/// The deepest folder containing all `files`.
fn common_parent(files: &[PathBuf]) -> PathBuf {
    let mut parents = files.iter().filter_map(|f| f.parent());
    let Some(first) = parents.next() else {
        return PathBuf::from(".");
    };
    let mut common = first.to_path_buf();
    for p in parents {
        while !p.starts_with(&common) {
            if !common.pop() {
                return PathBuf::from("/");
            }
        }
    }
    common
}

/// A project's name: its file name without `.json` and `.project`.
fn project_name(path: &Path) -> String {
    let name = display_name(path);
    let name = name.strip_suffix(".json").unwrap_or(&name);
    name.strip_suffix(".project").unwrap_or(name).to_owned()
}

/// The native dialog for project files.
fn project_dialog() -> rfd::FileDialog {
    rfd::FileDialog::new().add_filter("Statement Timeline project", &["json"])
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_load_relative_to_their_common_folder() {
        let files = vec![
            PathBuf::from("/c/news/a/1.txt"),
            PathBuf::from("/c/news/b/2.txt"),
            PathBuf::from("/c/news/3.txt"),
        ];
        assert_eq!(common_parent(&files), PathBuf::from("/c/news"));
        assert_eq!(Source::files(files).name(), "3 files in news");
        assert_eq!(Source::Folder(PathBuf::from("/x/corpus")).name(), "corpus");
    }
}
