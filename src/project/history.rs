//! Undo and redo. The project's edits are a list applied in order, so undoing the last
//! edit is taking it off the list, and redoing it putting it back.

use super::edit::Edit;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    edits: Vec<Edit>,
    /// Undone edits, the most recently undone last.
    undone: Vec<Edit>,
    /// Bumped by every change, so "unsaved" compares a number, not the lists.
    revision: u64,
}

impl History {
    /// A history whose edits were made before (read from a project file).
    pub fn new(edits: Vec<Edit>) -> Self {
        Self {
            edits,
            ..Self::default()
        }
    }

    /// The edits in force, in the order they apply.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Counts every change; equal revisions mean equal edits.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Makes an edit; what was undone can no longer be redone.
    pub fn push(&mut self, edit: Edit) {
        self.edits.push(edit);
        self.undone.clear();
        self.revision += 1;
    }

    /// Takes back the last edit, returning it.
    pub fn undo(&mut self) -> Option<&Edit> {
        let edit = self.edits.pop()?;
        self.undone.push(edit);
        self.revision += 1;
        self.undone.last()
    }

    /// Makes the last undone edit again, returning it.
    pub fn redo(&mut self) -> Option<&Edit> {
        let edit = self.undone.pop()?;
        self.edits.push(edit);
        self.revision += 1;
        self.edits.last()
    }

    /// "Undo Change speaker", when there is something to undo.
    pub fn undo_label(&self) -> Option<String> {
        self.edits.last().map(|e| format!("Undo {}", e.name()))
    }

    /// "Redo Change speaker", when there is something to redo.
    pub fn redo_label(&self) -> Option<String> {
        self.undone.last().map(|e| format!("Redo {}", e.name()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::project::edit::StatementId;

    fn kind(k: Kind) -> Edit {
        Edit::SetKind {
            statement: "0000000000000001:0-4".parse::<StatementId>().expect("id"),
            kind: k,
        }
    }

    #[test]
    fn undo_and_redo_walk_the_list_and_name_the_edit() {
        let mut h = History::default();
        assert_eq!(h.undo_label(), None);
        h.push(kind(Kind::Direct));
        h.push(Edit::Split {
            statement: "0000000000000001:0-4".parse().expect("id"),
        });
        assert_eq!(h.undo_label().as_deref(), Some("Undo Split event"));
        assert_eq!(h.undo().map(Edit::name), Some("Split event"));
        assert_eq!(h.edits(), [kind(Kind::Direct)]);
        assert_eq!(h.redo_label().as_deref(), Some("Redo Split event"));
        h.redo();
        assert_eq!(h.edits().len(), 2);
        assert_eq!(h.redo_label(), None);
    }

    #[test]
    fn a_new_edit_forgets_what_was_undone() {
        let mut h = History::new(vec![kind(Kind::Direct)]);
        let before = h.revision();
        h.undo();
        h.push(kind(Kind::Reported));
        assert_eq!(h.redo(), None);
        assert_eq!(h.edits(), [kind(Kind::Reported)]);
        assert_ne!(h.revision(), before);
    }
}
