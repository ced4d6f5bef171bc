//! `statement-timeline`: the desktop app by default; other subcommands work on the
//! command line. This file only parses arguments and maps errors to exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use statement_timeline::export::json;
use statement_timeline::pipeline::{PipelineOptions, load_dataset};

#[derive(Parser)]
#[command(name = "statement-timeline", version, about)]
struct Cli {
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Some(Cmd::Extract(args)) => run_extract(&args),
        None => {
            eprintln!("usage: statement-timeline extract [DIR] --json OUT");
            ExitCode::from(2)
        }
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
