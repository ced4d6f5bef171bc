//! `statement-timeline`: the desktop app by default; other subcommands work on the
//! command line. This file only parses arguments and maps errors to exit codes.

use eframe::egui;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand};

use statement_timeline::app::{App, AppOptions, ScreenshotRequest, Source, pipeline_loader};
use statement_timeline::cache::Cache;
use statement_timeline::corpus_gen::{self, GenOptions};
use statement_timeline::export::{
    self, ExportRequest, FilterSpec, ImageOptions, Preset, SlideOptions, SlidesRequest, Theme, json,
};
use statement_timeline::model::Dataset;
use statement_timeline::pipeline::{PipelineOptions, load_dataset};
use statement_timeline::project::Project;
use statement_timeline::timeline::{Filter, LaneMode};
use statement_timeline::ui::{config, theme};

#[derive(Parser)]
#[command(
    name = "statement-timeline",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    cmd: Option<Cmd>,
    #[command(flatten)]
    gui: GuiArgs,
}

#[derive(Subcommand)]
enum Cmd {
    /// Open the window (what runs when no command is given).
    Gui(GuiArgs),
    /// Extract the statements of a corpus folder and write them as JSON.
    Extract(ExtractArgs),
    /// Export the filtered timeline as an image (PNG, SVG) or its statements as data
    /// (CSV, TimelineJS JSON, extract JSON); the format follows the file name.
    Export(ExportArgs),
    /// Write the presentation's slides, one PNG per event of the filter (slide-001.png
    /// on), and optionally one PDF of them all.
    Slides(SlidesArgs),
    /// Write a synthetic corpus of news articles with a manifest, for scale tests and
    /// benchmarks (the same seed gives the same files).
    GenCorpus(GenCorpusArgs),
}

#[derive(Args)]
struct GenCorpusArgs {
    /// How many articles (one file each).
    #[arg(long, value_name = "N")]
    articles: usize,
    /// The folder to write into (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
}

#[derive(Args)]
struct ExportArgs {
    /// Corpus folder (default: the project's, else the bundled corpus).
    dir: Option<PathBuf>,
    /// A project whose edits apply (corrections, hidden statements, added officials).
    #[arg(long, value_name = "FILE")]
    project: Option<PathBuf>,
    /// The file to write: .png, .svg, .csv, .timeline.json (TimelineJS) or .json.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[command(flatten)]
    image: ImageArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Lanes per conflict (officials inside) or per official.
    #[arg(long, value_enum, default_value_t = GroupBy::Conflict)]
    group_by: GroupBy,
    /// The image's title (and the TimelineJS title slide).
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 20_000_000)]
    max_file_bytes: u64,
    /// Extract every file, neither reading nor writing the cache of extraction results.
    #[arg(long)]
    no_cache: bool,
}

#[derive(Args)]
struct SlidesArgs {
    /// Corpus folder (default: the bundled corpus).
    #[arg(default_value = "assets/corpus")]
    dir: PathBuf,
    /// The folder to write slide-001.png… to (made if missing).
    #[arg(long, value_name = "FOLDER")]
    out: PathBuf,
    /// Also write every slide, a page each, to this PDF.
    #[arg(long, value_name = "FILE")]
    pdf: Option<PathBuf>,
    #[command(flatten)]
    image: ImageArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 20_000_000)]
    max_file_bytes: u64,
    /// Extract every file, neither reading nor writing the cache of extraction results.
    #[arg(long)]
    no_cache: bool,
}

/// Size and look of an image, shared by `export` and `slides`.
#[derive(Args)]
struct ImageArgs {
    /// Image width in pixels (default 1920, or the preset's).
    #[arg(long, value_name = "W")]
    width: Option<u32>,
    /// Image height in pixels (default 1080, or the preset's).
    #[arg(long, value_name = "H")]
    height: Option<u32>,
    /// A named image size: 1080p, 4k or a4.
    #[arg(long, value_name = "NAME")]
    preset: Option<Preset>,
    /// light, dark or print (high contrast, readable in greyscale).
    #[arg(long, default_value_t = Theme::Light)]
    theme: Theme,
}

impl ImageArgs {
    fn size(&self) -> (u32, u32) {
        let (w, h) = self.preset.map_or((1920, 1080), Preset::size);
        (self.width.unwrap_or(w), self.height.unwrap_or(h))
    }
}

/// Which statements to export, shared by `export` and `slides`.
#[derive(Args)]
struct FilterArgs {
    /// Only statements about this conflict (name, alias or a unique part; `none` for no
    /// conflict; may be repeated).
    #[arg(long = "conflict", value_name = "NAME")]
    conflicts: Vec<String>,
    /// Only statements by this official (name, alias or a unique part; may be repeated).
    #[arg(long = "speaker", value_name = "NAME")]
    speakers: Vec<String>,
    /// First day: 2025, 2025-06 or 2025-06-24.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last day: 2025, 2025-06 or 2025-06-24.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only statements whose text, official or article title contain these words.
    #[arg(long, value_name = "TEXT")]
    query: Option<String>,
}

impl FilterArgs {
    /// The filter these words make for `data`; said on stderr when they make none.
    fn resolve(&self, data: &Dataset) -> Option<Filter> {
        let spec = FilterSpec {
            conflicts: self.conflicts.clone(),
            speakers: self.speakers.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            query: self.query.clone(),
        };
        spec.resolve(data)
            .inspect_err(|e| eprintln!("error: {e}"))
            .ok()
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum GroupBy {
    Conflict,
    Official,
}

#[derive(Args)]
struct ExtractArgs {
    /// Corpus folder (default: the project's, else the bundled corpus).
    dir: Option<PathBuf>,
    /// A project whose edits apply (corrections, hidden statements, added officials).
    #[arg(long, value_name = "FILE")]
    project: Option<PathBuf>,
    /// Where to write the JSON (`-` for standard output).
    #[arg(long, value_name = "OUT")]
    json: PathBuf,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 20_000_000)]
    max_file_bytes: u64,
    /// Extract every file, neither reading nor writing the cache of extraction results.
    #[arg(long)]
    no_cache: bool,
}

#[derive(Args, Clone, Default)]
struct GuiArgs {
    /// Corpus folder to open; by default the one opened last, else the bundled corpus.
    dir: Option<PathBuf>,
    /// Write a PNG of the window once the corpus is loaded and drawn, then exit.
    #[arg(long, value_name = "PATH")]
    screenshot: Option<PathBuf>,
    /// Start filtered to this official (by name or alias; may be repeated).
    #[arg(long = "official", value_name = "NAME")]
    officials: Vec<String>,
    /// Start with this search query.
    #[arg(long, value_name = "WORDS")]
    query: Option<String>,
    /// Start with the first statement (in time) whose text contains TEXT selected.
    #[arg(long, value_name = "TEXT")]
    select: Option<String>,
    /// Start presenting, full screen, from the selected statement's slide.
    #[arg(long)]
    present: bool,
    /// Open this project (its corpus, edits and view); by default the one open last,
    /// unless a corpus folder is given.
    #[arg(long, value_name = "FILE")]
    project: Option<PathBuf>,
    /// Print how long after start the first frame, and the first frame showing the
    /// loaded corpus, were drawn; then exit.
    #[arg(long)]
    first_frame_time: bool,
}

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    match cli.cmd {
        Some(Cmd::Gui(args)) => run_gui(args, started),
        Some(Cmd::Extract(args)) => run_extract(&args),
        Some(Cmd::Export(args)) => run_export(&args),
        Some(Cmd::Slides(args)) => run_slides(&args),
        Some(Cmd::GenCorpus(args)) => run_gen_corpus(&args),
        None => run_gui(cli.gui, started),
    }
}

fn run_gui(args: GuiArgs, started: Instant) -> ExitCode {
    let settings_path = config::default_path();
    let source = start_source(args.dir.as_deref(), settings_path.as_deref());
    let project = args.project.clone().or_else(|| {
        // A folder given on the command line is a fresh start, not the last project.
        let last = settings_path
            .as_deref()
            .map(config::Settings::load)?
            .last_project;
        last.filter(|p| args.dir.is_none() && args.screenshot.is_none() && p.is_file())
    });
    let result = Arc::new(Mutex::new(None));
    let screenshot = args.screenshot.clone().map(|path| ScreenshotRequest {
        path,
        result: Arc::clone(&result),
    });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Statement Timeline")
            .with_inner_size(theme::DEFAULT_WINDOW)
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    let filter = Filter {
        query: args.query.unwrap_or_default(),
        ..Filter::default()
    };
    let mut app_options = AppOptions {
        source: Some(source),
        // A screenshot run should not change what the next real start opens.
        settings_path: if screenshot.is_some() {
            None
        } else {
            settings_path
        },
        screenshot,
        filter,
        officials: args.officials,
        select: args.select,
        present: args.present,
        project,
        ..AppOptions::new(pipeline_loader(Cache::default_dir().map(Cache::new)))
    };
    // The corpus loads while the window opens.
    app_options.start_loading();
    let run = eframe::run_native(
        "statement-timeline",
        options,
        Box::new(move |cc| {
            let app = App::new(&cc.egui_ctx, app_options);
            if args.first_frame_time {
                Ok(Box::new(FirstFrameTimer {
                    app,
                    started,
                    first: None,
                    reported: false,
                }))
            } else {
                Ok(Box::new(app))
            }
        }),
    );
    if let Err(e) = run {
        eprintln!("statement-timeline: {e}");
        return ExitCode::FAILURE;
    }
    if args.screenshot.is_some() {
        let outcome = result.lock().ok().and_then(|mut r| r.take());
        match outcome {
            Some(Ok(())) => {}
            Some(Err(e)) => {
                eprintln!("statement-timeline: screenshot: {e}");
                return ExitCode::FAILURE;
            }
            None => {
                eprintln!("statement-timeline: the window closed before the screenshot was taken");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// The app, timing its first frames from the start of the process.
struct FirstFrameTimer {
    app: App,
    started: Instant,
    first: Option<Duration>,
    reported: bool,
}

impl eframe::App for FirstFrameTimer {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        let now = self.started.elapsed();
        let first = *self.first.get_or_insert(now);
        let shown = self.app.dataset().is_some()
            && !self.app.is_loading()
            && !self.app.is_deriving()
            && self.app.layout().is_some();
        if shown && !self.reported {
            self.reported = true;
            println!(
                "first frame: {:.1} ms; first frame with the corpus: {:.1} ms",
                first.as_secs_f64() * 1e3,
                now.as_secs_f64() * 1e3
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else if !shown {
            ui.ctx().request_repaint();
        }
    }
}

/// The folder given, else the corpus opened last (if it is still there), else the
/// bundled one.
fn start_source(dir: Option<&Path>, settings: Option<&Path>) -> Source {
    if let Some(dir) = dir {
        return Source::Folder(dir.to_path_buf());
    }
    if let Some(settings) = settings.map(config::Settings::load)
        && let Some(root) = settings.last_corpus.filter(|p| p.is_dir())
    {
        let files: Vec<PathBuf> = settings
            .last_files
            .into_iter()
            .filter(|f| f.is_file())
            .collect();
        return if files.is_empty() {
            Source::Folder(root)
        } else {
            Source::Files { root, files }
        };
    }
    let bundled = Path::new("assets/corpus");
    if bundled.is_dir() {
        Source::Folder(bundled.to_path_buf())
    } else {
        Source::Folder(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus"))
    }
}

/// Loads a corpus for a command, with a project's edits if one is given: problems and
/// edits that no longer apply go to stderr, and `None` when the folder or the project
/// cannot be read at all (said on stderr too).
fn load_for_command_line(
    dir: Option<&Path>,
    project: Option<&Path>,
    max_file_bytes: u64,
    no_cache: bool,
) -> Option<statement_timeline::model::Dataset> {
    let project = match project.map(Project::read).transpose() {
        Ok(project) => project.unwrap_or_default(),
        Err(e) => {
            eprintln!("error: {e}");
            return None;
        }
    };
    let mut opts = PipelineOptions {
        overrides: Project::overrides(&project.edits),
        ..PipelineOptions::default()
    };
    opts.load.max_file_bytes = max_file_bytes;
    if !no_cache {
        opts.cache = Cache::default_dir().map(Cache::new);
    }
    let dir = dir
        .map(Path::to_path_buf)
        .or(project.corpus)
        .unwrap_or_else(|| PathBuf::from("assets/corpus"));
    let mut data = match load_dataset(&dir, &opts, &mut |_, _| true) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("error: {e}");
            return None;
        }
    };
    for problem in &data.problems {
        eprintln!("{problem}");
    }
    for review in statement_timeline::project::apply(&mut data, &project.edits) {
        let edit = &project.edits[review.edit];
        eprintln!(
            "warning: edit {} ({}): {}",
            review.edit + 1,
            edit.name(),
            review.reason
        );
    }
    Some(data)
}

fn run_extract(args: &ExtractArgs) -> ExitCode {
    let Some(data) = load_for_command_line(
        args.dir.as_deref(),
        args.project.as_deref(),
        args.max_file_bytes,
        args.no_cache,
    ) else {
        return ExitCode::FAILURE;
    };
    // Hidden statements are left out, as on screen.
    let kept: Vec<usize> = (0..data.statements.len())
        .filter(|&s| !data.is_hidden(s))
        .collect();
    let text = json::to_json_filtered(&data, &kept);
    let written = if args.json.as_os_str() == "-" {
        println!("{text}");
        Ok(())
    } else {
        statement_timeline::export::write_atomic(&args.json, text.as_bytes())
    };
    if let Err(e) = written {
        eprintln!("error: cannot write {}: {e}", args.json.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{} statements from {} articles ({} problems)",
        data.statements.len(),
        data.articles.len(),
        data.problems.len()
    );
    if data.articles.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_export(args: &ExportArgs) -> ExitCode {
    if export::Format::from_path(&args.out).is_none() {
        eprintln!(
            "error: {}",
            export::ExportError::UnknownFormat(args.out.clone())
        );
        return ExitCode::FAILURE;
    }
    let Some(data) = load_for_command_line(
        args.dir.as_deref(),
        args.project.as_deref(),
        args.max_file_bytes,
        args.no_cache,
    ) else {
        return ExitCode::FAILURE;
    };
    let Some(filter) = args.filter.resolve(&data) else {
        return ExitCode::FAILURE;
    };
    let (w, h) = args.image.size();
    let image = ImageOptions {
        theme: args.image.theme,
        title: args.title.clone(),
        ..ImageOptions::new(w, h, chrono::Utc::now().date_naive())
    };
    let request = ExportRequest {
        path: args.out.clone(),
        filter,
        mode: match args.group_by {
            GroupBy::Conflict => LaneMode::ByConflict,
            GroupBy::Official => LaneMode::BySpeaker,
        },
        image,
    };
    match export::export_file(&data, &request) {
        Ok(summary) => {
            eprintln!(
                "wrote {} ({} bytes, {} {})",
                args.out.display(),
                summary.bytes,
                summary.written,
                if summary.format.is_image() {
                    "dated statements drawn"
                } else if summary.format == export::Format::TimelineJs {
                    "slides"
                } else {
                    "statements"
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_slides(args: &SlidesArgs) -> ExitCode {
    let Some(data) =
        load_for_command_line(Some(&args.dir), None, args.max_file_bytes, args.no_cache)
    else {
        return ExitCode::FAILURE;
    };
    let Some(filter) = args.filter.resolve(&data) else {
        return ExitCode::FAILURE;
    };
    let (width, height) = args.image.size();
    let request = SlidesRequest {
        dir: args.out.clone(),
        pdf: args.pdf.clone(),
        filter,
        options: SlideOptions {
            width,
            height,
            theme: args.image.theme,
        },
    };
    match export::export_slides(&data, &request) {
        Ok(summary) => {
            eprintln!(
                "wrote {} slides to {}",
                summary.files.len(),
                args.out.display()
            );
            if let (Some(pdf), Some(bytes)) = (&args.pdf, summary.pdf_bytes) {
                eprintln!("wrote {} ({bytes} bytes)", pdf.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_gen_corpus(args: &GenCorpusArgs) -> ExitCode {
    let opts = GenOptions {
        articles: args.articles,
        seed: args.seed,
    };
    match corpus_gen::write_corpus(opts, &args.out) {
        Ok(summary) => {
            eprintln!(
                "wrote {} articles ({} bytes) and {} to {}",
                summary.files,
                summary.bytes,
                statement_timeline::ingest::MANIFEST_FILE,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
