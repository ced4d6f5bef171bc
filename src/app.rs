//! The desktop app: its state in one struct, the panels laid out around the timeline,
//! and every [`Command`] the panels send applied in one place.

use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};

use egui::{Key, Modifiers, Ui};

use crate::cache::Cache;
use crate::export::{self, ExportRequest, ImageOptions};
use crate::model::{Dataset, StatementIdx};
use crate::pipeline::{PipelineOptions, load_dataset_files_with, load_dataset_with};
use crate::timeline::{
    DatasetIndex, DensityIndex, Facets, Filter, LaneMode, LayoutOptions, TimelineLayout,
};
use crate::ui::config::Settings;
use crate::ui::filter_bar::FilterBar;
use crate::ui::menu::{MenuInfo, MenuPanel};
use crate::ui::problems::ProblemsPanel;
use crate::ui::source::SourcePanel;
use crate::ui::statement_list::StatementList;
use crate::ui::timeline::TimelinePanel;
use crate::ui::{Command, View, theme};

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

/// Turns a source into a dataset, on a background thread. The app takes it as a
/// parameter so the pipeline stays at the edge and tests can load what they choose.
pub type Loader =
    Arc<dyn Fn(&Source, Progress<'_>, Partial<'_>) -> Result<Dataset, String> + Send + Sync>;

/// Loads a source through the extraction pipeline, keeping extraction results in
/// `cache`: what the app uses outside tests.
pub fn pipeline_loader(cache: Option<Cache>) -> Loader {
    Arc::new(move |source, progress, partial| {
        let opts = PipelineOptions {
            cache: cache.clone(),
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
}

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
    ds: Arc<Dataset>,
    index: Arc<DatasetIndex>,
    derived: Derived,
    /// Part of a corpus still loading.
    partial: bool,
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

/// A load running on a background thread.
struct LoadJob {
    source: Source,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    /// The statements loaded so far, shown until the whole corpus is in.
    partial: Receiver<(Dataset, DatasetIndex)>,
    result: Receiver<Result<(Dataset, DatasetIndex), String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BottomTab {
    Statements,
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
    screenshot: Option<(ScreenshotRequest, ScreenshotState)>,
    menu: MenuPanel,
    filter_bar: FilterBar,
    timeline: TimelinePanel,
    list: StatementList,
    source_panel: SourcePanel,
    problems: ProblemsPanel,
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
            screenshot: options
                .screenshot
                .map(|request| (request, ScreenshotState::Waiting(0))),
            menu: MenuPanel,
            filter_bar: FilterBar::default(),
            timeline: TimelinePanel::default(),
            list: StatementList::default(),
            source_panel: SourcePanel::default(),
            problems: ProblemsPanel,
        };
        if let Some(source) = options.source {
            app.start_load(ctx, source);
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
            Command::Open(dir) => self.start_load(ctx, Source::Folder(dir)),
            Command::OpenFiles(files) => self.start_load(ctx, Source::files(files)),
            Command::PickFolder => {
                if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                    self.start_load(ctx, Source::Folder(dir));
                }
            }
            Command::PickFiles => {
                if let Some(files) = rfd::FileDialog::new().pick_files() {
                    self.start_load(ctx, Source::files(files));
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
            Command::Fit => self.timeline.fit(),
            Command::ShowProblems => self.bottom_tab = BottomTab::Problems,
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
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

    fn start_load(&mut self, ctx: &egui::Context, source: Source) {
        if let Some(job) = self.loading.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let (partial_tx, partial_rx) = mpsc::channel();
        let loader = Arc::clone(&self.loader);
        let thread_source = source.clone();
        let (d, t, c) = (Arc::clone(&done), Arc::clone(&total), Arc::clone(&cancel));
        let ctx_thread = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("corpus-loader".to_owned())
            .spawn(move || {
                let mut progress = |n: usize, of: usize| {
                    d.store(n, Ordering::Relaxed);
                    t.store(of, Ordering::Relaxed);
                    ctx_thread.request_repaint();
                    !c.load(Ordering::Relaxed)
                };
                let waker = ctx_thread.clone();
                let mut partial = |ds: Dataset| {
                    let index = DatasetIndex::build(&ds);
                    let _ = partial_tx.send((ds, index));
                    waker.request_repaint();
                };
                // The index too is built here, so the window never waits for it.
                let result = loader(&thread_source, &mut progress, &mut partial).map(|ds| {
                    let index = DatasetIndex::build(&ds);
                    (ds, index)
                });
                // The app may have moved on (a newer load); then nobody listens.
                let _ = tx.send(result);
                ctx_thread.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.error = None;
                self.loading = Some(LoadJob {
                    source,
                    done,
                    total,
                    cancel,
                    partial: partial_rx,
                    result: rx,
                });
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
        if let Some((ds, index)) = job.partial.try_iter().last() {
            self.set_partial_dataset(ds, index);
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
            Ok((ds, index)) => {
                self.remember(&job.source);
                self.source = Some(job.source);
                self.set_indexed_dataset(ds, index);
            }
            Err(e) => self.error = Some(format!("Could not load {}: {e}", job.source.name())),
        }
    }

    fn remember(&self, source: &Source) {
        let Some(path) = &self.settings_path else {
            return;
        };
        let settings = match source {
            Source::Folder(dir) => Settings {
                last_corpus: Some(absolute(dir)),
                last_files: Vec::new(),
            },
            Source::Files { root, files } => Settings {
                last_corpus: Some(absolute(root)),
                last_files: files.iter().map(|f| absolute(f)).collect(),
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
        let index = DatasetIndex::build(&ds);
        self.set_indexed_dataset(ds, index);
    }

    /// Shows part of a corpus being loaded: the filter holds, the view is fitted once.
    fn set_partial_dataset(&mut self, ds: Dataset, index: DatasetIndex) {
        let first = self.data.as_ref().is_none_or(|d| !d.partial);
        if first {
            self.selected = None;
            self.fit_when_derived = true;
        }
        self.data = Some(Loaded {
            ds: Arc::new(ds),
            index: Arc::new(index),
            derived: Derived::default(),
            partial: true,
        });
        self.refresh();
    }

    fn set_indexed_dataset(&mut self, ds: Dataset, index: DatasetIndex) {
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
        self.data = Some(Loaded {
            ds: Arc::new(ds),
            index: Arc::new(index),
            derived: Derived::default(),
            partial: false,
        });
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
    }

    fn keyboard(&self, ui: &mut Ui) -> Vec<Command> {
        let mut commands = Vec::new();
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
        let mut commands = self.keyboard(ui);
        commands.extend(Self::dropped(ui));

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
                        let problems = format!("Problems ({})", ProblemsPanel::count(view.ds));
                        ui.selectable_value(bottom_tab, BottomTab::Statements, statements);
                        ui.selectable_value(bottom_tab, BottomTab::Problems, problems);
                    });
                    ui.separator();
                    match *bottom_tab {
                        BottomTab::Statements => commands.extend(list.ui(ui, &view)),
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

        for command in commands {
            self.apply(&ctx, command);
        }
        self.screenshot_step(&ctx);
    }
}

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
