//! Writing files so that a crash, a full disk or a kill at any moment leaves the old
//! file or the new one, never half of one: the bytes go to a temporary file in the same
//! folder (a rename is atomic only within one file system), are flushed to disk, and the
//! temporary file is renamed over the target; the folder is flushed too, so the rename
//! itself survives a power cut.
//!
//! The steps are separate ([`stage`], [`Staged::keep_backup`], [`Staged::commit`]) so a
//! test can stop between any two of them, as a killed process would.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(path, |w| w.write_all(bytes))?.commit()
}

/// Writes `bytes` to `path` atomically, keeping the file it replaces as
/// [`backup_path`]`(path)`.
pub fn save_with_backup(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let staged = stage(path, |w| w.write_all(bytes))?;
    staged.keep_backup()?;
    staged.commit()
}

/// Where [`save_with_backup`] keeps the previous version: `NAME.bak` beside `NAME`.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// A new version written to disk beside its target, not yet in its place. Dropped
/// without [`Staged::commit`], it removes its temporary file and the target is as it was.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    target: PathBuf,
}

/// Writes a new version of `path` to a temporary file in the same folder and flushes it
/// to disk; `path` itself is untouched until [`Staged::commit`]. A failing `write`
/// leaves nothing behind.
pub fn stage(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<Staged> {
    let staged = Staged {
        tmp: temp_path(path, "tmp"),
        target: path.to_path_buf(),
    };
    let mut file = File::create(&staged.tmp)?;
    write(&mut file)?;
    file.sync_all()?;
    Ok(staged)
}

impl Staged {
    /// The temporary file holding the new version.
    pub fn temp_file(&self) -> &Path {
        &self.tmp
    }

    /// Copies the current target (if there is one) to its backup, atomically too, so a
    /// crash in the middle leaves the previous backup whole.
    pub fn keep_backup(&self) -> io::Result<()> {
        if !self.target.exists() {
            return Ok(());
        }
        let backup = backup_path(&self.target);
        let tmp = temp_path(&backup, "tmp");
        let copied = std::fs::copy(&self.target, &tmp)
            .and_then(|_| File::open(&tmp)?.sync_all())
            .and_then(|()| std::fs::rename(&tmp, &backup));
        if copied.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        copied
    }

    /// Renames the new version over the target and flushes the folder.
    pub fn commit(self) -> io::Result<()> {
        std::fs::rename(&self.tmp, &self.target)?;
        sync_dir(folder_of(&self.target));
        // Renamed away: nothing for `drop` to clean up.
        std::mem::forget(self);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A hidden name beside `path`, unique to this process so two instances never write
/// the same temporary file.
fn temp_path(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    folder_of(path).join(format!(".{name}.{what}-{}", std::process::id()))
}

/// `path` with `suffix` appended to its file name.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Flushes a folder's entries (the rename) to disk. Not every platform can open a
/// folder for this; there the rename is as durable as the system makes it.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_replaces_the_file_and_keeps_the_old_one_as_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.json");
        save_with_backup(&path, b"one").expect("first save");
        assert!(!backup_path(&path).exists(), "nothing to back up yet");
        save_with_backup(&path, b"two").expect("second save");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        assert_eq!(std::fs::read(backup_path(&path)).expect("backup"), b"one");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 2, "no temporary files left: {left:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.json");
        write_atomic(&path, b"old").expect("save");
        let failed = stage(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn suffixes_append_to_the_whole_name() {
        assert_eq!(
            backup_path(Path::new("/a/b.project.json")),
            Path::new("/a/b.project.json.bak")
        );
    }
}
