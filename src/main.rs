//! `statement-timeline`: the desktop app by default; other subcommands work on the
//! command line. This file only parses arguments and maps errors to exit codes.

use eframe::egui;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::{Args, Parser, Subcommand};

use statement_timeline::app::{App, AppOptions, ScreenshotRequest, Source, pipeline_loader};
use statement_timeline::export::json;
use statement_timeline::pipeline::{PipelineOptions, load_dataset};
use statement_timeline::timeline::Filter;
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
}

#[derive(Args)]
struct ExtractArgs {
    /// Corpus folder (default: the bundled corpus).
    #[arg(default_value = "assets/corpus")]
    dir: PathBuf,
    /// Where to write the JSON (`-` for standard output).
    #[arg(long, value_name = "OUT")]
    json: PathBuf,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 20_000_000)]
    max_file_bytes: u64,
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Some(Cmd::Gui(args)) => run_gui(args),
        Some(Cmd::Extract(args)) => run_extract(&args),
        None => run_gui(cli.gui),
    }
}

fn run_gui(args: GuiArgs) -> ExitCode {
    let settings_path = config::default_path();
    let source = start_source(args.dir.as_deref(), settings_path.as_deref());
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
    let app_options = AppOptions {
        source: Some(source),
        loader: pipeline_loader(),
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
    };
    let run = eframe::run_native(
        "statement-timeline",
        options,
        Box::new(|cc| Ok(Box::new(App::new(&cc.egui_ctx, app_options)))),
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

fn run_extract(args: &ExtractArgs) -> ExitCode {
    let mut opts = PipelineOptions::default();
    opts.load.max_file_bytes = args.max_file_bytes;
    let data = match load_dataset(&args.dir, &opts, &mut |_, _| true) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for problem in &data.problems {
        eprintln!("{problem}");
    }
    let text = json::to_json(&data);
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
