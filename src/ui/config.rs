//! The little the app remembers between runs: which corpus and project were open last.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What was open, so it reopens at the next start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// A corpus folder, or the folder of the files below.
    pub last_corpus: Option<PathBuf>,
    /// Files opened one by one; empty when a whole folder was opened.
    #[serde(default)]
    pub last_files: Vec<PathBuf>,
    /// The project open last, reopened with its corpus.
    #[serde(default)]
    pub last_project: Option<PathBuf>,
}

/// Where the settings live: `statement-timeline/settings.toml` under the user's
/// configuration folder, if one can be found.
pub fn default_path() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library").join("Application Support"))
    } else {
        var("XDG_CONFIG_HOME").or_else(|| var("HOME").map(|h| h.join(".config")))
    }?;
    Some(base.join("statement-timeline").join("settings.toml"))
}

impl Settings {
    /// The settings at `path`; defaults when the file is missing or unreadable, since
    /// forgetting the last corpus is no reason to refuse to start.
    pub fn load(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the settings to a temporary file beside `path`, then renames it over
    /// `path`, so a crash never leaves a half-written file.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        let tmp = path.with_extension("toml.tmp");
        {
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
        }
        std::fs::rename(&tmp, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_an_atomic_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested").join("settings.toml");
        assert_eq!(Settings::load(&path), Settings::default());
        let settings = Settings {
            last_corpus: Some(PathBuf::from("/data/corpus")),
            last_files: vec![PathBuf::from("/data/corpus/a.txt")],
            last_project: Some(PathBuf::from("/data/study.project.json")),
        };
        settings.save(&path).expect("saved");
        assert_eq!(Settings::load(&path), settings);
        assert!(!path.with_extension("toml.tmp").exists());
        std::fs::write(&path, "not = [valid").expect("written");
        assert_eq!(Settings::load(&path), Settings::default());
    }
}
