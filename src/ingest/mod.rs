//! Reading a corpus folder into [`Article`]s: plain text, Markdown, HTML, JSON and JSON
//! Lines files, with the folder's `manifest.json` for metadata.
//!
//! Bad input never stops a load: each file's trouble becomes a [`Problem`] and the other
//! files load. Articles come out sorted by file path, then by position in the file.
//!
//! One concern per module: `decode` turns bytes into text, one reader per format
//! (`markdown`, `html`, `json`) cuts it into blocks, then `split` finds the articles of
//! a file, `clean` picks their paragraphs and `date` their publication date; `assemble`
//! puts these together for one file, and `load` does the file-system work.

use std::path::{Path, PathBuf};

use crate::model::{Article, Problem};

mod assemble;
mod clean;
mod date;
mod decode;
mod doc;
mod html;
mod json;
mod load;
mod manifest;
mod markdown;
mod offsets;
mod split;
#[cfg(test)]
mod tests;

pub use load::{Listing, cancelled, list_dir, list_given, load_dir, load_files, read_file};
pub use manifest::{MANIFEST_FILE, Manifest, ManifestEntry};

/// Limits on what a load reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Larger files are skipped with an error: a news article is kilobytes, so a huge
    /// file is a dump or a mistake that would stall the load.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 20_000_000,
        }
    }
}

/// Everything read from a corpus folder.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Called after each file with (files done, files total); return false to cancel.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize) -> bool;

/// Why a corpus folder could not be loaded at all. Trouble with single files is never
/// an error: it is a [`Problem`] in the [`Corpus`].
#[derive(thiserror::Error, Debug)]
pub enum IngestError {
    /// The folder does not exist or cannot be listed.
    #[error("cannot read the folder {}: {source}", path.display())]
    ReadDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The path names a file, not a folder.
    #[error("{} is not a folder", .0.display())]
    NotADirectory(PathBuf),
}

/// Reads the articles of one file from its bytes, without touching the disk: `path`
/// only names the file (relative to `root` in problems and articles) and gives its
/// format by extension. Files of other extensions, and `manifest.json`, give nothing.
pub fn read_article_file(
    root: &Path,
    path: &Path,
    bytes: &[u8],
    manifest: Option<&Manifest>,
) -> (Vec<Article>, Vec<Problem>) {
    assemble::read_article_file(root, path, bytes, manifest)
}
